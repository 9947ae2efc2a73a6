"""Read MEANTIME (NewsReader, English) for the forecast evaluation: text, DCT, events.

MEANTIME keeps tokens, not text. :func:`read_meantime` rebuilds each document's text
one sentence a line (the title, the dateline, then the body), with the spacing a
writer would use ("it 's" -> "it's", "( EADS )" -> "(EADS)", `` '' -> “ ”), so the
parser sees ordinary prose; every token keeps its character offsets.

Each ``EVENT_MENTION`` becomes a :class:`GoldEvent` with its offsets (one per token
anchor: "take ... away" has two), its ``time`` (FUTURE / NON_FUTURE /
UNDERSPECIFIED), ``certainty`` (CERTAIN / PROBABLE / POSSIBLE / UNDERSPECIFIED) and
``polarity`` (POS / NEG / UNDERSPECIFIED). MEANTIME annotates only the title and the
first sentences of an article: ``annotated_end`` is the offset where the last
sentence holding any annotation ends; the dateline (the DCT's own sentence) is
``dateline``.

The four corpora are ``corpus_airbus``, ``corpus_apple``, ``corpus_gm`` and
``corpus_stock``; sayso's rules are tuned on the first two only (:data:`TUNING_CORPORA`),
the other two are held out (:data:`HELD_OUT_CORPORA`).
"""
from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

TUNING_CORPORA = ("corpus_airbus", "corpus_apple")
HELD_OUT_CORPORA = ("corpus_gm", "corpus_stock")
DCT_FUNCTION = "CREATION_TIME"
# Tokens written against the word before them, or the word after them.
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "'s", "'re", "'ve",
                             "'ll", "'d", "'m", "n't", "'", "’s", "...", "-RRB-"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "$", "US$", "#", "-LRB-"})
REWRITE = {"``": "“", "''": "”", "-LRB-": "(", "-RRB-": ")"}


@dataclass
class GoldEvent:
    """One annotated event mention: its token spans and attributes."""

    spans: list[tuple[int, int]]  # one (start, end) per anchored token
    time: str
    certainty: str
    polarity: str
    pred: str = ""

    @property
    def start(self) -> int:
        return min(s for s, _ in self.spans)

    @property
    def end(self) -> int:
        return max(e for _, e in self.spans)


@dataclass
class MeantimeDoc:
    """One MEANTIME document as sayso reads it."""

    name: str
    corpus: str
    text: str
    dct: str | None
    events: list[GoldEvent] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each sentence
    annotated_end: int = 0  # text offset where the annotated part ends
    dateline: tuple[int, int] | None = None

    @property
    def future(self) -> list[GoldEvent]:
        return [e for e in self.events if e.time == "FUTURE"]


def _spaced(prev: str | None, word: str) -> bool:
    """Whether a space goes between the token ``prev`` and ``word``."""
    if prev is None:
        return False
    return word not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER


def _rebuild(root) -> tuple[str, dict[str, tuple[int, int]], dict[str, int], list[tuple[int, int]]]:
    """Tokens -> (text, t_id -> offsets, t_id -> sentence, sentence spans), one sentence a line."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, int] = {}
    bounds: dict[int, list[int]] = {}
    pos, current, prev = 0, None, None
    for tok in root.iter("token"):
        sentence = int(tok.get("sentence") or 0)
        word = tok.text or ""
        if current is not None and sentence != current:
            parts.append("\n")
            pos, prev = pos + 1, None
        elif _spaced(prev, word):
            parts.append(" ")
            pos += 1
        current, prev = sentence, word
        written = REWRITE.get(word, word)
        offsets[tok.get("t_id")] = (pos, pos + len(written))
        sentence_of[tok.get("t_id")] = sentence
        span = bounds.setdefault(sentence, [pos, pos])
        span[1] = pos + len(written)
        parts.append(written)
        pos += len(written)
    sentences = [tuple(bounds[s]) for s in sorted(bounds)]
    return "".join(parts), offsets, sentence_of, sentences  # type: ignore[return-value]


def _dct(value: str | None) -> str | None:
    m = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value or "")
    return "-".join(p for p in m.groups() if p) if m else None


def read_document(path: Path, corpus: str = "") -> MeantimeDoc:
    """One MEANTIME ``.xml`` file."""
    root = ET.parse(path).getroot()
    text, offsets, sentence_of, sentences = _rebuild(root)
    doc = MeantimeDoc(path.stem, corpus, text, None, sentences=sentences)
    markables = root.find("Markables")
    marked: list[int] = []
    for node in markables if markables is not None else []:
        ids = [a.get("t_id") for a in node.iter("token_anchor") if a.get("t_id") in offsets]
        marked += [sentence_of[i] for i in ids]
        if node.tag == "TIMEX3" and node.get("functionInDocument") == DCT_FUNCTION:
            doc.dct = _dct(node.get("value"))
            if ids:
                doc.dateline = sentences[sentence_of[ids[0]]]
        elif node.tag == "EVENT_MENTION" and ids:
            doc.events.append(GoldEvent([offsets[i] for i in ids], node.get("time") or "",
                                        node.get("certainty") or "", node.get("polarity") or "",
                                        node.get("pred") or ""))
    last = max(marked, default=-1)
    doc.annotated_end = sentences[last][1] if 0 <= last < len(sentences) else 0
    return doc


def corpus_folders(path: str | Path, corpora: tuple[str, ...] | None = None) -> list[Path]:
    """The corpus folders to read: ``path`` itself when it holds ``.xml`` files, else its
    ``corpus_*`` sub-folders named in ``corpora`` (default :data:`TUNING_CORPORA`)."""
    path = Path(path)
    if path.is_file() or any(path.glob("*.xml")):
        return [path]
    wanted = corpora or TUNING_CORPORA
    found = [path / name for name in wanted if (path / name).is_dir()]
    missing = [name for name in wanted if not (path / name).is_dir()]
    if missing:
        raise ValueError(f"no MEANTIME corpus folder {', '.join(missing)} under {path}")
    return found


def read_meantime(path: str | Path, corpora: tuple[str, ...] | None = None,
                  limit: int | None = None) -> list[MeantimeDoc]:
    """Every document of the chosen corpora under ``path`` (see :func:`corpus_folders`), sorted by name."""
    docs: list[MeantimeDoc] = []
    for folder in corpus_folders(path, corpora):
        files = [folder] if folder.is_file() else sorted(folder.glob("*.xml"))
        for file in files:
            if limit is not None and len(docs) >= limit:
                return docs
            try:
                docs.append(read_document(file, folder.name if folder.is_dir() else folder.parent.name))
            except (ET.ParseError, OSError) as err:
                raise ValueError(f"{file}: not a MEANTIME document ({err})") from None
    if not docs:
        raise ValueError(f"{path}: no MEANTIME .xml documents")
    return docs
