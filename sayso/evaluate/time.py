"""Score the time-expression extractor against TimeML gold, as TempEval-3 does.

``evaluate_time(path)`` reads every TimeML ``.tml`` file under ``path``
(TempEval-3 TBAQ-cleaned, TE3-Platinum) and every MEANTIME NAF-like ``.xml``
file (``intra-doc_annotation``), takes the document creation time (DCT) from
the file, runs ``extract_times`` on the document's text and scores:

- extent: strict (same characters, whitespace trimmed) and relaxed (any
  overlap) precision / recall / F1; gold and predicted expressions are matched
  one to one (exact matches first, then the largest overlap);
- attributes over the relaxed matches: type accuracy, value accuracy, and
  value F1 = relaxed F1 x value accuracy (TE3's attribute F1: a match counts
  only with the right value);
- the DCT expression itself (``functionInDocument="CREATION_TIME"``) is not
  gold, as in TE3; in MEANTIME, where the DCT is a line of the text,
  predictions overlapping it are dropped too.

MEANTIME keeps tokens, not text: the text is rebuilt with one space between
tokens and one line break between sentences. MEANTIME annotates only the
title and the first sentences of each article: predictions after the last
sentence holding any annotation are not scored.
"""
from __future__ import annotations

import logging
import re
import time as _time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..records import Article
from .scoring import Counts

log = logging.getLogger(__name__)

DCT_FUNCTION = "CREATION_TIME"
TML_SUFFIX = ".tml"
NAF_SUFFIX = ".xml"


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str | None


@dataclass
class TimeDoc:
    """One gold document: its text, DCT and temporal expressions."""

    name: str
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)
    ignore: list[tuple[int, int]] = field(default_factory=list)  # predictions here are not scored


# ---------------------------------------------------------------- readers


def _dct_date(value: str | None) -> str | None:
    """A TIMEX3 DCT value ("1998-01-08", "1998-01-08T18:30") -> "YYYY-MM-DD" / "YYYY-MM" / "YYYY"."""
    m = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value or "")
    if not m:
        return None
    return "-".join(p for p in m.groups() if p)


def read_tml(path: Path) -> TimeDoc:
    """A TimeML file: the TEXT element's characters and its TIMEX3 offsets."""
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    doc = TimeDoc(path.stem, "", _dct_date(dct.get("value") if dct is not None else None))
    parts: list[str] = []
    _walk(body, parts, doc, 0)
    doc.text = "".join(parts)
    return doc


def _walk(node, parts: list[str], doc: TimeDoc, pos: int) -> int:
    """Append ``node``'s text to ``parts``, recording TIMEX3 offsets; return the new position."""
    start = pos
    if node.text:
        parts.append(node.text)
        pos += len(node.text)
    for child in node:
        pos = _walk(child, parts, doc, pos)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    if node.tag == "TIMEX3" and node.get("functionInDocument") != DCT_FUNCTION:
        doc.timexes.append(GoldTimex(start, pos, node.get("type", ""), node.get("value")))
    return pos


def _naf_text(root) -> tuple[str, dict, dict, dict]:
    """MEANTIME tokens -> (text, t_id -> (start, end), t_id -> sentence, sentence -> start offset)."""
    parts, offsets, sentence_of, sentence_start = [], {}, {}, {}
    sentence, pos = None, 0
    for tok in root.iter("token"):
        sep = "" if sentence is None else (" " if tok.get("sentence") == sentence else "\n")
        sentence = tok.get("sentence")
        pos += len(sep)
        sentence_start.setdefault(int(sentence or 0), pos)
        sentence_of[tok.get("t_id")] = int(sentence or 0)
        offsets[tok.get("t_id")] = (pos, pos + len(tok.text or ""))
        parts.extend((sep, tok.text or ""))
        pos += len(tok.text or "")
    return "".join(parts), offsets, sentence_of, sentence_start


def read_naf(path: Path) -> TimeDoc:
    """A MEANTIME document: tokens joined into text, TIMEX3 token anchors into offsets."""
    root = ET.parse(path).getroot()
    text, offsets, sentence_of, sentence_start = _naf_text(root)
    doc = TimeDoc(path.stem, text, None)
    for timex in root.iter("TIMEX3"):
        spans = [offsets[a.get("t_id")] for a in timex.iter("token_anchor") if a.get("t_id") in offsets]
        if not spans:
            continue
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        if timex.get("functionInDocument") == DCT_FUNCTION:
            doc.dct = _dct_date(timex.get("value"))
            doc.ignore.append((start, end))
        else:
            doc.timexes.append(GoldTimex(start, end, timex.get("type", ""), timex.get("value")))
    _ignore_unannotated(root, doc, sentence_of, sentence_start)
    return doc


def _ignore_unannotated(root, doc: TimeDoc, sentence_of: dict, sentence_start: dict) -> None:
    """MEANTIME annotates only the first sentences: predictions after the last annotated one are not scored."""
    marked = [sentence_of.get(a.get("t_id"), 0) for m in root.find("Markables") or [] for a in m.iter("token_anchor")]
    after = max(marked, default=-1) + 1
    if after in sentence_start:
        doc.ignore.append((sentence_start[after], len(doc.text)))


def _is_naf(path: Path) -> bool:
    with open(path, encoding="utf-8", errors="replace") as fh:
        return "<Document" in fh.read(400)


def read_docs(path: str | Path, limit: int | None = None) -> list[TimeDoc]:
    """Every TimeML / MEANTIME document under ``path`` (a directory or one file), sorted by path."""
    path = Path(path)
    files = [path] if path.is_file() else sorted(
        p for p in path.rglob("*") if p.suffix in (TML_SUFFIX, NAF_SUFFIX) and p.is_file()
    )
    docs: list[TimeDoc] = []
    for file in files:
        if limit is not None and len(docs) >= limit:
            break
        try:
            if file.suffix == TML_SUFFIX:
                docs.append(read_tml(file))
            elif _is_naf(file):
                docs.append(read_naf(file))
        except (ET.ParseError, OSError, KeyError) as err:
            log.debug("skipping %s: %s", file, err)
    return docs


# ---------------------------------------------------------------- scoring


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs: exact matches first, then largest overlap."""
    pairs = [
        (g == p, _overlap(g, p), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if _overlap(g, p) > 0
    ]
    pairs.sort(key=lambda t: (not t[0], -t[1], t[2], t[3]))
    used_g, used_p, out = set(), set(), []
    for _, _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


@dataclass
class TimeScorer:
    """Counts over documents for extent, type and value."""

    n_gold: int = 0
    n_pred: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    docs: int = 0
    rows: list[dict] = field(default_factory=list)  # one per gold / unmatched predicted expression, for error analysis

    def add_doc(self, doc: TimeDoc, pred: list) -> None:
        pred = [t for t in pred if not any(_overlap((t.start, t.end), z) for z in doc.ignore)]
        g_spans = [_trim(doc.text, g.start, g.end) for g in doc.timexes]
        p_spans = [_trim(doc.text, p.start, p.end) for p in pred]
        pairs = match(g_spans, p_spans)
        self.docs += 1
        self.n_gold += len(g_spans)
        self.n_pred += len(p_spans)
        self.relaxed += len(pairs)
        for gi, pi in pairs:
            gold, sys = doc.timexes[gi], pred[pi]
            self.strict += g_spans[gi] == p_spans[pi]
            self.type_ok += gold.type == sys.type
            self.value_ok += (gold.value or "") == (sys.value or "")
        self._add_rows(doc, pred, g_spans, p_spans, pairs)

    def _add_rows(self, doc, pred, g_spans, p_spans, pairs) -> None:
        matched_g = {gi: pi for gi, pi in pairs}
        matched_p = set(matched_g.values())
        for gi, g in enumerate(doc.timexes):
            pi = matched_g.get(gi)
            p = pred[pi] if pi is not None else None
            self.rows.append({
                "doc": doc.name, "dct": doc.dct, "gold": doc.text[g_spans[gi][0]:g_spans[gi][1]],
                "gold_type": g.type, "gold_value": g.value,
                "pred": doc.text[p_spans[pi][0]:p_spans[pi][1]] if p else None,
                "pred_type": p.type if p else None, "pred_value": p.value if p else None,
            })
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                self.rows.append({"doc": doc.name, "dct": doc.dct, "gold": None,
                                    "pred": doc.text[p_spans[pi][0]:p_spans[pi][1]],
                                    "pred_type": p.type, "pred_value": p.value})

    def result(self) -> dict:
        strict, relaxed = _prf(self.strict, self.n_gold, self.n_pred), _prf(self.relaxed, self.n_gold, self.n_pred)
        type_acc = self.type_ok / self.relaxed if self.relaxed else 0.0
        value_acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        return {
            "strict": strict,
            "relaxed": relaxed,
            "type_accuracy": round(type_acc, 4),
            "value_accuracy": round(value_acc, 4),
            "type_f1": round(relaxed["f1"] * type_acc, 4),
            "value_f1": round(relaxed["f1"] * value_acc, 4),
            "gold": self.n_gold,
            "predicted": self.n_pred,
            "docs": self.docs,
        }


def _prf(tp: int, n_gold: int, n_pred: int) -> dict[str, float]:
    return Counts(tp, n_gold, n_pred).prf()


def _article(doc: TimeDoc) -> Article:
    precision = {3: "day", 2: "month", 1: "year"}.get(len((doc.dct or "").split("-")), "unknown")
    return Article(text=doc.text, published=doc.dct, date_precision=precision if doc.dct else "unknown")


def score_docs(golds: list[TimeDoc], parsed) -> TimeScorer:
    """Run ``extract_times`` over already parsed Docs (one per gold document, same order)."""
    from ..extract.times import extract_times

    scorer = TimeScorer()
    for gold, sdoc in zip(golds, parsed):
        scorer.add_doc(gold, list(extract_times(sdoc, _article(gold))))
    return scorer


def evaluate_time(path: str | Path, limit: int | None = None) -> dict:
    """TempEval-3 style extent / type / value scores of ``extract_times`` on the TimeML under ``path``."""
    from ..nlp import parse

    golds = read_docs(path, limit=limit)
    started = _time.perf_counter()
    result = score_docs(golds, parse(g.text for g in golds)).result()
    seconds = _time.perf_counter() - started
    result["seconds"] = round(seconds, 2)
    result["docs_per_second"] = round(len(golds) / seconds, 2) if seconds else 0.0
    return result


def format_report(result: dict) -> str:
    """A plain-text summary of ``evaluate_time`` output."""
    lines = [f"time expressions, {result['docs']} docs, {result.get('gold', '?')} gold, "
             f"{result.get('predicted', '?')} predicted",
             f"{'extent':<10}  P      R      F1"]
    for mode in ("strict", "relaxed"):
        s = result[mode]
        lines.append(f"{mode:<10}{s['p']:.3f}  {s['r']:.3f}  {s['f1']:.3f}")
    lines.append(f"type accuracy  {result['type_accuracy']:.3f}   value accuracy {result['value_accuracy']:.3f}")
    lines.append(f"value F1       {result['value_f1']:.3f}")
    if "docs_per_second" in result:
        lines.append(f"speed          {result['docs_per_second']:.1f} docs/s (parse + extract)")
    return "\n".join(lines)
