"""What every input format shares: the reading options, date fallback, and titles."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sayso.errors import SourceError
from sayso.sources.dates import UNDATED, ParsedDate

TITLE_MAX = 200  # a first line longer than this is a lead paragraph, not a title
TITLE_MIN_SENTENCE = 20  # a "sentence" shorter than this is probably cut at an abbreviation
ELLIPSIS = "…"
# Words that end in a full stop without ending the sentence ("Mr. Reznikov", "Feb. 2").
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen lt col maj capt cmdr adm sgt sen rep gov pres rev hon "
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc co corp ltd jr sr "
    "u.s u.k u.n e.u a.m p.m".split()
)
SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
UNDATED_HINT = "no publication date ({how}, or pass --date, or --undated)"


@dataclass(frozen=True)
class Options:
    """The caller's choices, already validated."""

    date: ParsedDate | None = None
    fields: dict[str, str] = field(default_factory=dict)
    allow_undated: bool = False


def resolve_date(
    own: ParsedDate | None, options: Options, path: str, how: str, line: int | None = None
) -> ParsedDate | SourceError:
    """The input's own date, else the caller's ``date=``, else undated (if allowed) or an error.

    ``how`` completes the error's hint: "no publication date ({how}, or pass --date, or --undated)".
    """
    if own is not None:
        return own
    if options.date is not None:
        return options.date
    if options.allow_undated:
        return UNDATED
    return SourceError(path, UNDATED_HINT.format(how=how), line)


def make_title(text: str) -> str:
    """The first non-empty line; when longer than ``TITLE_MAX``, its first sentence, cut at a word if needed."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(line) <= TITLE_MAX:
        return line
    sentence = first_sentence(line)
    if len(sentence) <= TITLE_MAX:
        return sentence
    cut = sentence[: TITLE_MAX - len(ELLIPSIS) + 1].rsplit(None, 1)[0]
    return cut.rstrip(" ,;:-–—") + ELLIPSIS


def first_sentence(line: str) -> str:
    """The text up to the first real sentence end (skipping abbreviations and initials), else the line."""
    for match in SENTENCE_END.finditer(line):
        candidate = line[: match.end()]
        if len(candidate) >= TITLE_MIN_SENTENCE and not _ends_with_abbreviation(line[: match.start() + 1]):
            return candidate
    return line


def _ends_with_abbreviation(text: str) -> bool:
    """True when the final word (with its full stop) is an abbreviation or an initial ("J.")."""
    if not text.endswith("."):
        return False
    word = text.rsplit(None, 1)[-1].rstrip(".").lstrip("\"'“‘([").lower()
    return word in ABBREVIATIONS or len(word) == 1
