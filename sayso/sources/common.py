"""What every input format shares: the reading options, dates, titles, and making the Article."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import BinaryIO

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.dates import UNDATED, ParsedDate, normalise_date

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
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class Options:
    """The caller's choices, already validated."""

    date: ParsedDate | None = None
    fields: dict[str, str] = field(default_factory=dict)
    allow_undated: bool = False
    speaker: str | None = None
    stdin: BinaryIO | None = None


@dataclass(frozen=True)
class Where:
    """Where a record was read, for its errors and warnings: the shown file name, line and a label."""

    path: str
    line: int | None = None
    label: str = ""  # "entry 3", "record https://…": said before the reason

    def error(self, reason: str) -> SourceError:
        return SourceError(self.path, f"{self.label}: {reason}" if self.label else reason, self.line)

    def note(self, message: str) -> str:
        """A warning as one self-contained line: "file:line: entry 3: message"."""
        return str(self.error(message))


def resolve_date(own: ParsedDate | None, options: Options, where: Where, how: str) -> ParsedDate | SourceError:
    """The input's own date, else the caller's ``date=``, else undated (if allowed) or an error.

    ``how`` completes the error's hint: "no publication date ({how}, or pass --date, or --undated)".
    """
    if own is not None:
        return own
    if options.date is not None:
        return options.date
    if options.allow_undated:
        return UNDATED
    return where.error(UNDATED_HINT.format(how=how))


def own_date(value: str | None, where: Where, described: str) -> tuple[ParsedDate | None, tuple[str, ...]]:
    """A record's own date read leniently; an unreadable one is a warning and no date.

    Returns (date, warnings). ``described`` names where the date was ("field 'date'",
    "the page metadata"). The record is then stored undated: the caller's ``--date`` is for
    records with no date of their own, and putting it on one whose own date we could not
    read might store a wrong date (trust first).
    """
    if value is None or not value.strip():
        return None, ()
    try:
        return normalise_date(value), ()
    except ValueError as error:
        return UNDATED, (where.note(f"{error} in {described}; stored undated"),)


def make_article(
    where: Where,
    text: str,
    dated: ParsedDate | SourceError,
    options: Options,
    *,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    author: str | None = None,
    speaker: str | None = None,
    warnings: tuple[str, ...] = (),
) -> Article | SourceError:
    """The one way readers build an ``Article``: text cleaned the same way for every input.

    Lone surrogates (a JSON "\\ud800" escape) become U+FFFD, one character for one, so offsets
    hold and nothing downstream fails to encode the text. A NUL character in the text refuses
    the record (see files.decode_text). The speaker is the record's own, else the caller's,
    else the author.
    """
    if isinstance(dated, SourceError):
        return dated
    text = clean(text)
    nul = text.find("\x00")
    if nul >= 0:
        return where.error(f"binary data, not text (NUL character at offset {nul} of the text)")
    if not text.strip():
        return where.error("empty article text")
    author = clean_field(author)
    return Article(
        text,
        clean_field(title) or make_title(text),
        dated[0],
        dated[1],
        url=clean_field(url),
        source=clean_field(source),
        author=author,
        speaker=clean_field(speaker) or options.speaker or author,
        warnings=tuple(clean(w) for w in warnings),
    )


def clean(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (same length)."""
    return LONE_SURROGATE.sub(REPLACEMENT, text)


def clean_field(value: str | None) -> str | None:
    """A one-line metadata value: cleaned, NUL removed, stripped; None when empty."""
    if value is None:
        return None
    return clean(value).replace("\x00", "").strip() or None


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
