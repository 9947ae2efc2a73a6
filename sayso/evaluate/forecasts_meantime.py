"""Score the forecast extractor (and a cue-word baseline) against MEANTIME's future events.

``evaluate_meantime(path)`` reads MEANTIME (:mod:`.meantime`; by default the tuning
corpora airbus and apple), runs the pipeline's extraction (``sayso.pipeline.extract``) on
each document with its DCT as the article's date, and scores the forecasts against the
events annotated ``time="FUTURE"``:

- an event is **found** when all its tokens lie inside one forecast's span;
- **recall** = found future events / all future events;
- **precision** = forecasts holding at least one future event / all forecasts in the
  annotated sentences (MEANTIME annotates the title and the first sentences only; the
  dateline is left out);
- **hedging accuracy**: over found events whose certainty is CERTAIN / PROBABLE / POSSIBLE,
  the innermost forecast holding the event says certain / likely / possible
  (:data:`CERTAINTY_OF`); **polarity accuracy**: over found events whose polarity is POS / NEG,
  that forecast is positive / negative;
- ``other_events``: the events not annotated FUTURE that forecasts hold (a span that takes in
  the whole sentence finds every future event in it, and these too).

The **baseline** takes every annotated sentence holding a word of ``BASELINE_CUE_WORDS``
as one forecast spanning the sentence; its hedging comes from the first such word
(:data:`BASELINE_HEDGING`, else ``likely``) and it is negative when the sentence holds a
negation word (:data:`BASELINE_NEGATIONS`).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.forecasts.lexicon import BASELINE_CUE_WORDS
from ..records import Article
from .meantime import HELD_OUT_CORPORA, TUNING_CORPORA, GoldEvent, MeantimeDoc, read_meantime

log = logging.getLogger(__name__)

CERTAINTY_OF = {"certain": "CERTAIN", "likely": "PROBABLE", "possible": "POSSIBLE"}
POLARITY_OF = {"positive": "POS", "negative": "NEG"}
BASELINE_HEDGING = {"will": "certain", "'ll": "certain", "wo": "certain", "shall": "certain",
                    "may": "possible", "might": "possible", "could": "possible"}
BASELINE_NEGATIONS = frozenset({"not", "n't", "no", "never", "unlikely"})
CORPUS_SETS = {"tuning": TUNING_CORPORA, "held-out": HELD_OUT_CORPORA, "all": TUNING_CORPORA + HELD_OUT_CORPORA}


@dataclass
class Predicted:
    """One forecast (or baseline sentence) as the scorer sees it."""

    start: int
    end: int
    hedging: str | None
    polarity: str


@dataclass
class MeantimeTally:
    """Counts for one system over many documents."""

    events: int = 0
    found: int = 0
    preds: int = 0
    correct: int = 0
    other_events: int = 0
    hedging: list[bool] = field(default_factory=list)
    polarity: list[bool] = field(default_factory=list)

    def add(self, doc: MeantimeDoc, preds: list[Predicted]) -> list[tuple[GoldEvent, Predicted | None]]:
        """Score one document; returns each future event with the forecast that found it (or None)."""
        preds = [p for p in preds if in_scope(doc, p)]
        self.preds += len(preds)
        self.correct += sum(any(inside(e, p) for e in doc.future) for p in preds)
        self.other_events += sum(any(inside(e, p) for p in preds) for e in doc.events if e.time != "FUTURE")
        out = []
        for event in doc.future:
            holders = sorted((p for p in preds if inside(event, p)), key=lambda p: p.end - p.start)
            self.events += 1
            self.found += bool(holders)
            if holders:
                best = holders[0]
                if event.certainty in CERTAINTY_OF.values():
                    self.hedging.append(CERTAINTY_OF.get(best.hedging or "") == event.certainty)
                if event.polarity in POLARITY_OF.values():
                    self.polarity.append(POLARITY_OF.get(best.polarity) == event.polarity)
            out.append((event, holders[0] if holders else None))
        return out

    def result(self) -> dict:
        recall = self.found / self.events if self.events else 0.0
        precision = self.correct / self.preds if self.preds else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "recall": round(recall, 4), "precision": round(precision, 4), "f1": round(f1, 4),
            "hedging_accuracy": _share(self.hedging), "polarity_accuracy": _share(self.polarity),
            "future_events": self.events, "found": self.found, "forecasts": self.preds,
            "correct_forecasts": self.correct, "hedging_scored": len(self.hedging),
            "polarity_scored": len(self.polarity), "other_events": self.other_events,
        }


def _share(flags: list[bool]) -> float:
    return round(sum(flags) / len(flags), 4) if flags else 0.0


def inside(event: GoldEvent, pred: Predicted) -> bool:
    """All the event's tokens lie inside the prediction's span."""
    return all(pred.start <= s and e <= pred.end for s, e in event.spans)


def in_scope(doc: MeantimeDoc, pred: Predicted) -> bool:
    """The prediction starts in the annotated part and is not the dateline."""
    if doc.dateline and doc.dateline[0] <= pred.start < doc.dateline[1]:
        return False
    return pred.start < doc.annotated_end


def article_of(doc: MeantimeDoc) -> Article:
    precision = {3: "day", 2: "month", 1: "year"}.get(len((doc.dct or "").split("-")), "unknown")
    title = doc.text.split("\n", 1)[0]
    return Article(text=doc.text, title=title, published=doc.dct, date_precision=precision,
                   url=f"meantime:{doc.corpus}/{doc.name}")


def system_predictions(sdoc, doc: MeantimeDoc) -> list[Predicted]:
    """The pipeline's forecasts for one document (none when the extraction fails)."""
    from ..pipeline import extract

    try:
        forecasts = extract(sdoc, article_of(doc)).forecasts
    except Exception:  # noqa: BLE001 - one bad document must not stop the evaluation
        log.debug("forecasts failed on %s", doc.name, exc_info=True)
        return []
    return [Predicted(f.start, f.end, f.hedging, getattr(f, "polarity", "positive")) for f in forecasts]


def baseline_predictions(sdoc, doc: MeantimeDoc) -> list[Predicted]:
    """Every sentence holding a future cue word, as one forecast (see the module doc)."""
    out = []
    for start, end in doc.sentences:
        words = [t.lower_ for t in sdoc.char_span(start, end, alignment_mode="expand") or []]
        cues = [w for w in words if w in BASELINE_CUE_WORDS]
        if cues:
            polarity = "negative" if any(w in BASELINE_NEGATIONS for w in words) else "positive"
            out.append(Predicted(start, end, BASELINE_HEDGING.get(cues[0], "likely"), polarity))
    return out


def corpora_of(name: str | None) -> tuple[str, ...]:
    """"tuning" (airbus, apple: the default), "held-out" (gm, stock), "all", or a comma list of folder names."""
    if not name:
        return TUNING_CORPORA
    if name in CORPUS_SETS:
        return CORPUS_SETS[name]
    return tuple(n if n.startswith("corpus_") else f"corpus_{n}" for n in name.split(",") if n.strip())


def evaluate_meantime(path: str | Path, corpora: str | None = None, limit: int | None = None,
                      details: list | None = None) -> dict:
    """Recall, precision, hedging and polarity accuracy of sayso's forecasts and of the baseline on
    MEANTIME's future events; ``details``, when a list, receives (doc, event, holder) per future event
    and (doc, None, prediction) per wrong forecast, for error analysis."""
    from ..nlp import parse

    chosen = corpora_of(corpora)
    docs = read_meantime(path, chosen, limit)
    system, baseline = MeantimeTally(), MeantimeTally()
    for doc, sdoc in zip(docs, parse(d.text for d in docs)):
        preds = system_predictions(sdoc, doc)
        pairs = system.add(doc, preds)
        baseline.add(doc, baseline_predictions(sdoc, doc))
        if details is not None:
            details += [(doc, event, holder) for event, holder in pairs]
            details += [(doc, None, p) for p in preds
                        if in_scope(doc, p) and not any(inside(e, p) for e in doc.future)]
    return {**system.result(), "baseline": baseline.result(), "format": "meantime", "docs": len(docs),
            "corpora": sorted({d.corpus for d in docs})}


def format_meantime(result: dict) -> str:
    """A plain-text table of ``evaluate_meantime`` output."""
    lines = [f"MEANTIME future events, {result['docs']} docs ({', '.join(result['corpora'])}), "
             f"{result['future_events']} future events",
             f"{'system':<10}{'recall':>8}{'precision':>11}{'F1':>7}{'hedging':>9}{'polarity':>10}"
             f"{'forecasts':>11}{'other ev.':>11}"]
    for name, r in (("sayso", result), ("baseline", result["baseline"])):
        lines.append(f"{name:<10}{r['recall']:>8.3f}{r['precision']:>11.3f}{r['f1']:>7.3f}"
                     f"{r['hedging_accuracy']:>9.3f}{r['polarity_accuracy']:>10.3f}{r['forecasts']:>11}"
                     f"{r['other_events']:>11}")
    return "\n".join(lines)
