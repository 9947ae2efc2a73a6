"""Score the events extractor, with a keyword baseline in the same run, on three corpora.

    python -m sayso.evaluate.events case2021 ../shared/evaldata/case2021-task2 [--split heldout|dev|all] [--json]
    python -m sayso.evaluate.events plover   ../shared/evaldata/plover-gsr     [--split ...] [--json]
    python -m sayso.evaluate.events acled    ../shared/evaldata/acled-ukraine-sample [--json]

- case2021: each snippet's label is the CASE code of its lead event (:func:`snippet_event`; no event
  -> ``NO_EVENT_LABEL``); weighted F1, macro F1, accuracy over the 30 labels (the shared task's
  measure is weighted F1).
- plover: each sentence's label is the PLOVER category of its main event (:func:`sentence_event`: the
  event whose trigger is highest in the parse, then the first); accuracy and macro F1 over the GSR's 18
  categories.
- acled: for each ACLED row, ``notes`` is parsed as an undated article; its lead ACLED-coded event
  is compared with the row: event type and sub-event type accuracy, place (the place span equals or
  contains ACLED's ``location``; and within 161 km of the row's coordinates, the place located by the
  places stage: the event's place record, else its place span resolved in the notes' context; over
  every row, so a row without an event or a place counts as wrong), date (the row's date inside the
  event's window) and fatalities (exact; an event without a count says 0, as ACLED codes unknown
  tolls). The baseline's place is the first GPE / LOC / FAC entity as its most populous entry.

Splits: see :mod:`events_data` (held-out by default; dev is what rules and model were tuned on).
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from datetime import date, datetime

from ..records import Article
from .events_baseline import CASE_KEYWORDS, PLOVER_KEYWORDS, keyword_label, score_labels
from .events_data import SPLITS, DataError, read_acled, read_case, read_plover

NO_EVENT_LABEL = "OTHER"  # a snippet where no event is found
PLOVER_DEFAULT = "AGREE"  # the most frequent PLOVER category in the dev split
CASE_DEFAULT = "ARMED_CLASH"  # the most frequent CASE label in the dev split
KM_LIMIT = 161.0
EARTH_RADIUS_KM = 6371.0
Geocoder = Callable[[str, str], "tuple[float, float] | None"]  # (place text, sentence) -> (lat, lon)


def _parse_all(texts):
    from .. import nlp

    return list(nlp.load().pipe(texts, batch_size=nlp.BATCH_SIZE))


def _events(doc, article: Article, model=None, places: bool = False):
    """The events of one parsed text (with the places stage's records when ``places``)."""
    from ..extract.events import extract_events
    from ..extract.figures import extract_figures
    from ..extract.places import extract_places
    from ..extract.times import extract_times

    times = list(extract_times(doc, article))
    figures = list(extract_figures(doc, article, []))
    found = list(extract_places(doc, article)) if places else []
    return list(extract_events(doc, article, times, figures, found, model=model))


LEAD_KINDS = frozenset({"responsibility", "sanction", "expulsion", "natural_disaster", "accident", "crime"})
"""Non-ACLED kinds that can be what a report is about; other statements (criticism, demands, talks)
give way to the first ACLED-coded event of the text."""


def _trigger_token(doc, event):
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None else doc[0]


def _depth(doc, event) -> int:
    tok = _trigger_token(doc, event)
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def snippet_event(doc, events):
    """The event a report is about, its lead event: of the first sentence that has events, the one
    highest in the parse ('IS claimed responsibility for a car bomb that killed 8' -> the claim);
    when that is a statement ACLED does not code (criticism, a demand, talks) and not in
    ``LEAD_KINDS``, the first ACLED-coded event of the text instead (measured on case2021 dev:
    weighted F1 0.678 for 'the first ACLED-coded event', 0.724 for this)."""
    if not events:
        return None
    first_sent = _trigger_token(doc, events[0]).sent.start
    lead = min((e for e in events if _trigger_token(doc, e).sent.start == first_sent),
               key=lambda e: (_depth(doc, e), e.trigger.start))
    if lead.acled_subtype is not None or lead.kind in LEAD_KINDS:
        return lead
    return next((e for e in events if e.acled_subtype is not None), lead)


def sentence_event(doc, events):
    """The event a sentence is about: the one whose trigger is highest in the parse, then the first."""
    if not events:
        return None
    return min(events, key=lambda e: (_depth(doc, e), e.trigger.start))


def case_label(event) -> str:
    from ..extract.events import taxonomy

    return taxonomy.KINDS[event.kind].case if event is not None else NO_EVENT_LABEL


def evaluate_case(path, split: str = "heldout", model=None) -> dict:
    items = read_case(path, split)
    docs = _parse_all(it.text for it in items)
    gold = [it.label for it in items]
    pred = [case_label(snippet_event(d, _events(d, Article(it.text), model))) for d, it in zip(docs, items)]
    base = [keyword_label(it.text, CASE_KEYWORDS, CASE_DEFAULT) for it in items]
    return {"corpus": "case2021-task2", "split": split, "n": len(items),
            "system": score_labels(gold, pred), "baseline": score_labels(gold, base),
            "errors": [{"id": it.id, "gold": g, "pred": p} for it, g, p in zip(items, gold, pred) if g != p]}


def evaluate_plover(path, split: str = "heldout", model=None) -> dict:
    items = read_plover(path, split)
    docs = _parse_all(it.text for it in items)
    gold = [it.label for it in items]
    pred = []
    for doc, it in zip(docs, items):
        event = sentence_event(doc, _events(doc, Article(it.text), model))
        pred.append(event.plover if event is not None and event.plover else "NONE")
    base = [keyword_label(it.text, PLOVER_KEYWORDS, PLOVER_DEFAULT) for it in items]
    covered = [i for i, p in enumerate(pred) if p != "NONE"]
    return {"corpus": "plover-gsr", "split": split, "n": len(items),
            "system": score_labels(gold, pred), "baseline": score_labels(gold, base),
            "system_coverage": round(len(covered) / (len(items) or 1), 4),
            "system_when_typed": score_labels([gold[i] for i in covered], [pred[i] for i in covered]),
            "errors": [{"id": it.id, "gold": g, "pred": p} for it, g, p in zip(items, gold, pred) if g != p]}


# --------------------------------------------------------------------------- ACLED


def _acled_date(value: str) -> date | None:
    for fmt in ("%d %B %Y", "%Y-%m-%d", "%d-%B-%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("'", "").replace("’", "").split())


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _coords(event, doc, geocode: Geocoder | None):
    """The event's place as a point: its places-stage record, else the place span resolved by the
    places geocoder in the text's context (``geocode``: another geocoder, for comparison)."""
    ref = event.place_ref
    if ref is not None and getattr(ref, "latitude", None) is not None:
        return float(ref.latitude), float(ref.longitude)
    if event.place is None:
        return None
    if geocode is not None:
        return geocode(event.place.text, doc.text)
    from ..extract.places import resolve_spans

    (place,) = resolve_spans(doc, [(event.place.start, event.place.end)])
    return (place.latitude, place.longitude) if place is not None else None


def _baseline_coords(doc):
    """The baseline's point: the first GPE / LOC / FAC entity, as its most populous gazetteer entry."""
    from ..extract.places.gazetteer import gazetteer

    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC"):
            entries = [e for e, _ in gazetteer().lookup(ent.text)]
            if entries:
                best = max(entries, key=lambda e: e.population)
                return best.latitude, best.longitude
    return None


def _baseline_place(doc) -> str | None:
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC"):
            return ent.text
    return None


def evaluate_acled(path, geocode: Geocoder | None = None, model=None) -> dict:
    from ..extract.events import taxonomy
    from ..extract.times import extract_times

    rows = read_acled(path)
    docs = _parse_all(r["notes"] for r in rows)
    tally = {k: 0 for k in ("type", "subtype", "place_text", "place_km", "place_km_n", "date", "fatal",
                            "b_type", "b_subtype", "b_place_text", "b_place_km", "b_date", "b_fatal", "found")}
    abs_err = 0.0
    errors = []
    for doc, row in zip(docs, rows):
        article = Article(row["notes"])
        event = snippet_event(doc, [e for e in _events(doc, article, model, places=True)
                                    if e.acled_subtype is not None])
        gold_date, gold_loc = _acled_date(row["event_date"]), _norm(row["location"])
        gold_fatal = int(row["fatalities"] or 0)
        b_label = keyword_label(row["notes"], CASE_KEYWORDS, CASE_DEFAULT)
        b_sub = next((a for a, c in taxonomy.CASE_BY_ACLED.items() if c == b_label), None)
        tally["b_subtype"] += b_sub == row["sub_event_type"]
        tally["b_type"] += taxonomy.acled_type(b_sub) == row["event_type"]
        b_place = _baseline_place(doc)
        tally["b_place_text"] += b_place is not None and gold_loc in _norm(b_place)
        gold_point = (float(row["latitude"]), float(row["longitude"]))
        b_where = _baseline_coords(doc)
        tally["b_place_km"] += b_where is not None and km(b_where, gold_point) <= KM_LIMIT
        times = [t for t in extract_times(doc, article) if t.type == "DATE" and t.earliest]
        tally["b_date"] += bool(times) and gold_date is not None and times[0].earliest <= gold_date.isoformat() \
            <= (times[0].latest or times[0].earliest)
        tally["b_fatal"] += gold_fatal == 0
        if event is None:
            errors.append({"row": row["_where"], "gold": row["sub_event_type"], "pred": None})
            abs_err += gold_fatal
            continue
        tally["found"] += 1
        tally["type"] += event.acled_type == row["event_type"]
        tally["subtype"] += event.acled_subtype == row["sub_event_type"]
        place = _norm(event.place.text) if event.place else ""
        tally["place_text"] += bool(place) and (gold_loc == place or gold_loc in place)
        where = _coords(event, doc, geocode)
        if where is not None:
            tally["place_km_n"] += 1
            tally["place_km"] += km(where, gold_point) <= KM_LIMIT
        in_window = gold_date is not None and event.earliest is not None and \
            event.earliest <= gold_date.isoformat() <= (event.latest or event.earliest)
        tally["date"] += in_window
        killed = event.killed or 0
        tally["fatal"] += killed == gold_fatal
        abs_err += abs(killed - gold_fatal)
        if event.acled_subtype != row["sub_event_type"] or not in_window:
            errors.append({"row": row["_where"], "gold": row["sub_event_type"], "pred": event.acled_subtype,
                           "date_ok": in_window})
    n = len(rows) or 1
    return {
        "corpus": "acled-ukraine-sample", "split": "all", "n": len(rows),
        "system": {"event_found": round(tally["found"] / n, 4), "type_accuracy": round(tally["type"] / n, 4),
                   "subtype_accuracy": round(tally["subtype"] / n, 4),
                   "place_text_accuracy": round(tally["place_text"] / n, 4),
                   "place_161km_accuracy": round(tally["place_km"] / n, 4),
                   "place_located": round(tally["place_km_n"] / n, 4),
                   "date_accuracy": round(tally["date"] / n, 4), "fatalities_exact": round(tally["fatal"] / n, 4),
                   "fatalities_mae": round(abs_err / n, 3)},
        "baseline": {"type_accuracy": round(tally["b_type"] / n, 4),
                     "subtype_accuracy": round(tally["b_subtype"] / n, 4),
                     "place_text_accuracy": round(tally["b_place_text"] / n, 4),
                     "place_161km_accuracy": round(tally["b_place_km"] / n, 4),
                     "date_accuracy": round(tally["b_date"] / n, 4),
                     "fatalities_exact": round(tally["b_fatal"] / n, 4)},
        "errors": errors,
    }


EVALUATORS = {"case2021": evaluate_case, "plover": evaluate_plover, "acled": evaluate_acled}


def evaluate(path, corpus: str, split: str = "heldout", model=None) -> dict:
    """One corpus's scores (``corpus``: case2021, plover or acled; ACLED is always scored whole)."""
    if corpus not in EVALUATORS:
        raise DataError(f"unknown corpus {corpus!r} (choose from {', '.join(sorted(EVALUATORS))})")
    if corpus == "acled":
        return evaluate_acled(path, model=model)
    return EVALUATORS[corpus](path, split, model=model)


def format_report(result: dict) -> str:
    lines = [f"{result['corpus']} ({result['split']}, n={result['n']})"]
    for who in ("system", "baseline"):
        scores = {k: v for k, v in result[who].items() if k not in ("per_label",)}
        lines.append(f"  {who:9s} " + "  ".join(f"{k}={v}" for k, v in scores.items()))
    if "system_coverage" in result:
        typed = result["system_when_typed"]
        lines.append(f"  system coverage={result['system_coverage']} accuracy_when_typed={typed['accuracy']}")
    return "\n".join(lines)


def _print(result: dict) -> None:
    print(format_report(result))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sayso.evaluate.events", description=__doc__.split("\n")[0])
    parser.add_argument("corpus", choices=sorted(EVALUATORS))
    parser.add_argument("path")
    parser.add_argument("--split", choices=SPLITS, default="heldout",
                        help="case2021 / plover: held-out (default), dev (what was tuned on) or all")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--rules-only", action="store_true", help="without the trained re-typer (ablation)")
    args = parser.parse_args(argv)
    model = False if args.rules_only else None
    try:
        result = evaluate(args.path, args.corpus, args.split, model=model)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
