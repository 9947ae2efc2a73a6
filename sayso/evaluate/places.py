"""Score the places extractor on the geoparsing corpora of Gritta et al.

    python -m sayso.evaluate.places ../shared/evaldata/geoparsing-gritta [--json] [--corpus GWN]

PATH is a folder holding GWN.xml / TR-News.xml / GeoVirus.xml (/ lgl.xml), or
one of those files. For each corpus, the system and a baseline in the same run:

- recognition: toponym precision / recall / F1; a predicted place matches a gold
  toponym when their character spans are equal (``exact``, the headline) or
  share at least half of each (``overlap``), one to one; only the place kinds
  the corpus annotates are scored (see places_corpora);
- end-to-end resolution: over exactly matched pairs whose gold has coordinates,
  the share resolved within 161 km (``acc161``) and, where the gold has a
  GeoNames id, the share with that id (``exact_id``);
- given gold toponyms: every gold span is resolved from the article's context
  (the other gold toponyms are the article's places), then acc161 and exact_id
  over the gold toponyms that have coordinates / ids (an unresolved one is
  wrong): ``given_gold`` counts every such toponym (streets, buildings and
  universities included); ``given_gold_gpe`` keeps, as Mordecai 3 does
  (format_geoparsing_data.py), those with a GeoNames id (where the corpus has
  ids) and a spaCy GPE/LOC token inside: the set its 94.1% is measured on.

Distance is 0 when the predicted GeoNames id is the gold id (the gazetteer's
point for a country comes from countryinfo, GeoNames' from its own data);
otherwise the great-circle distance between the two points.

Baseline: spaCy GPE and LOC entities, each resolved to the most populous
gazetteer entry of that name (no context, no other recognition).
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..records import Article
from .places_corpora import CORPUS_FILES, SCORED_KINDS, CorpusError, GeoDoc, GoldToponym, read_corpus
from .scoring import Counts, count_matches, trimmed_chars

KM_161 = 161.0
EARTH_RADIUS_KM = 6371.0
BASELINE_LABELS = ("GPE", "LOC")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Pred:
    start: int
    end: int
    geonameid: int | None
    latitude: float | None
    longitude: float | None


@dataclass
class Tally:
    """Counts of one system on one corpus."""

    recog: dict = field(default_factory=lambda: {"exact": Counts(), "overlap": Counts()})
    e2e_161: list = field(default_factory=lambda: [0, 0])
    e2e_id: list = field(default_factory=lambda: [0, 0])
    gold_161: list = field(default_factory=lambda: [0, 0])
    gold_id: list = field(default_factory=lambda: [0, 0])
    gpe_161: list = field(default_factory=lambda: [0, 0])
    gpe_id: list = field(default_factory=lambda: [0, 0])

    def result(self) -> dict:
        share = lambda c: round(c[0] / c[1], 4) if c[1] else 0.0  # noqa: E731
        return {
            "recognition": {mode: c.prf() | {"tp": c.tp, "gold": c.n_gold, "pred": c.n_pred}
                            for mode, c in self.recog.items()},
            "end_to_end": {"acc161": share(self.e2e_161), "exact_id": share(self.e2e_id),
                           "n": self.e2e_161[1], "n_id": self.e2e_id[1]},
            "given_gold": {"acc161": share(self.gold_161), "exact_id": share(self.gold_id),
                           "n": self.gold_161[1], "n_id": self.gold_id[1]},
            "given_gold_gpe": {"acc161": share(self.gpe_161), "exact_id": share(self.gpe_id),
                               "n": self.gpe_161[1], "n_id": self.gpe_id[1]},
        }


def correct(pred: Pred, gold: GoldToponym) -> bool:
    if pred.geonameid is not None and pred.geonameid == gold.geonameid:
        return True
    if pred.latitude is None or gold.latitude is None:
        return False
    return distance_km(pred.latitude, pred.longitude, gold.latitude, gold.longitude) <= KM_161


def score_resolution(tally_161: list, tally_id: list, pairs) -> None:
    for gold, pred in pairs:
        if gold.latitude is not None:
            tally_161[1] += 1
            tally_161[0] += pred is not None and correct(pred, gold)
        if gold.geonameid is not None:
            tally_id[1] += 1
            tally_id[0] += pred is not None and pred.geonameid == gold.geonameid


def score_recognition(tally: Tally, doc: GeoDoc, preds: list[Pred]) -> None:
    gold_sets = [trimmed_chars(doc.text, [(g.start, g.end)]) for g in doc.toponyms]
    pred_sets = [trimmed_chars(doc.text, [(p.start, p.end)]) for p in preds]
    for mode, counts in tally.recog.items():
        counts.add(count_matches(gold_sets, pred_sets, mode), len(gold_sets), len(pred_sets))
    by_span = {(p.start, p.end): p for p in preds}
    pairs = [(g, by_span[(g.start, g.end)]) for g in doc.toponyms if (g.start, g.end) in by_span]
    score_resolution(tally.e2e_161, tally.e2e_id, pairs)


def _pred(place) -> Pred:
    return Pred(place.start, place.end, place.geonameid, place.latitude, place.longitude)


def system_predictions(doc, gdoc: GeoDoc) -> list[Pred]:
    from ..extract.places import extract_places

    kinds = SCORED_KINDS[gdoc.corpus]
    return [_pred(p) for p in extract_places(doc, Article(text=gdoc.text, title=gdoc.title))
            if p.kind in kinds]


def system_given_gold(doc, gdoc: GeoDoc) -> list[Pred | None]:
    from ..extract.places import resolve_spans

    return [None if p is None else _pred(p)
            for p in resolve_spans(doc, [(g.start, g.end) for g in gdoc.toponyms])]


def baseline_predictions(doc, gdoc: GeoDoc) -> list[Pred]:
    out = []
    for ent in doc.ents:
        if ent.label_ in BASELINE_LABELS:
            start, end = ent.start_char, ent.end_char
            if ent[0].lower_ == "the" and len(ent) > 1:
                start = ent[1].idx
            out.append(_baseline_pred(start, end, gdoc.text[start:end]))
    return [p for p in out if p is not None]


def _baseline_pred(start: int, end: int, text: str) -> Pred | None:
    from ..extract.places.gazetteer import gazetteer

    entries = [e for e, _ in gazetteer().lookup(text)]
    if not entries:
        return None
    e = max(entries, key=lambda e: e.population)
    return Pred(start, end, e.geonameid, e.latitude, e.longitude)


def baseline_given_gold(doc, gdoc: GeoDoc) -> list[Pred | None]:
    return [_baseline_pred(g.start, g.end, g.text) for g in gdoc.toponyms]


def gpe_toponyms(doc, gdoc: GeoDoc) -> list[bool]:
    """Mordecai 3's filter: a GeoNames id (where the corpus has ids) and a GPE/LOC token inside."""
    has_ids = any(g.geonameid is not None for g in gdoc.toponyms) or gdoc.corpus != "GeoVirus"
    keep = []
    for g in gdoc.toponyms:
        span = doc.char_span(g.start, g.end, alignment_mode="expand")
        gpe = span is not None and any(t.ent_type_ in BASELINE_LABELS for t in span)
        keep.append(gpe and (g.geonameid is not None or not has_ids))
    return keep


def evaluate_corpus(gdocs: list[GeoDoc], nlp=None) -> dict:
    """Scores of the system and the baseline on one corpus, and the time each took."""
    from .. import nlp as sayso_nlp

    from ..extract.places.gazetteer import gazetteer

    nlp = nlp or sayso_nlp.load()
    gazetteer()  # loaded once before timing: the per-article cost excludes it
    system, baseline = Tally(), Tally()
    timing = {"parse_s": 0.0, "places_s": 0.0}
    for gdoc in gdocs:
        t0 = time.perf_counter()
        doc = nlp(gdoc.text)
        t1 = time.perf_counter()
        preds = system_predictions(doc, gdoc)
        timing["places_s"] += time.perf_counter() - t1
        timing["parse_s"] += t1 - t0
        score_recognition(system, gdoc, preds)
        score_recognition(baseline, gdoc, baseline_predictions(doc, gdoc))
        gpe = gpe_toponyms(doc, gdoc)
        for tally, preds in ((system, system_given_gold(doc, gdoc)), (baseline, baseline_given_gold(doc, gdoc))):
            score_resolution(tally.gold_161, tally.gold_id, zip(gdoc.toponyms, preds))
            score_resolution(tally.gpe_161, tally.gpe_id,
                             [(g, p) for g, p, keep in zip(gdoc.toponyms, preds, gpe) if keep])
    n = max(1, len(gdocs))
    return {
        "documents": len(gdocs), "toponyms": sum(len(d.toponyms) for d in gdocs),
        "system": system.result(), "baseline": baseline.result(),
        "ms_per_article": {"parse": round(1000 * timing["parse_s"] / n, 1),
                           "places": round(1000 * timing["places_s"] / n, 2)},
    }


def corpus_paths(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise CorpusError(f"{path}: no such file or folder")
    found = [path / f for f in CORPUS_FILES.values() if (path / f).is_file()]
    if not found:
        raise CorpusError(f"{path}: holds none of {', '.join(CORPUS_FILES.values())}")
    return found


def evaluate_places(path, corpora: list[str] | None = None, limit: int | None = None) -> dict:
    """Scores per corpus found under ``path`` (all, or the named ``corpora``)."""
    results = {}
    for file in corpus_paths(Path(path)):
        gdocs = read_corpus(file)
        name = gdocs[0].corpus if gdocs else file.stem
        if corpora and name not in corpora:
            continue
        results[name] = evaluate_corpus(gdocs[:limit] if limit else gdocs)
    missing = sorted(set(corpora or ()) - set(results))
    if missing:
        raise CorpusError(f"{path}: no corpus {', '.join(missing)} there (known: {', '.join(CORPUS_FILES)})")
    return results


def _line(name: str, who: str, r: dict) -> str:
    ex, ov = r["recognition"]["exact"], r["recognition"]["overlap"]
    e2e, gg, gp = r["end_to_end"], r["given_gold"], r["given_gold_gpe"]
    return (f"{name:9} {who:8} P {ex['p']:.3f} R {ex['r']:.3f} F1 {ex['f1']:.3f} (overlap {ov['f1']:.3f}) | "
            f"e2e acc161 {e2e['acc161']:.3f} id {e2e['exact_id']:.3f} | "
            f"gold acc161 {gg['acc161']:.3f} id {gg['exact_id']:.3f} (n={gg['n']}) | "
            f"gold GPE acc161 {gp['acc161']:.3f} id {gp['exact_id']:.3f} (n={gp['n']})")


def format_report(results: dict) -> str:
    """Two lines per corpus (system, baseline) and the time per article."""
    lines = []
    for name, r in results.items():
        lines += [_line(name, "system", r["system"]), _line(name, "baseline", r["baseline"]),
                  f"{'':9} ms/article: spaCy parse {r['ms_per_article']['parse']}, "
                  f"places {r['ms_per_article']['places']}"]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sayso.evaluate.places", description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--corpus", action="append", help="only this corpus (GWN, TR-News, GeoVirus, LGL)")
    parser.add_argument("--limit", type=int, default=None, help="first N documents of each corpus")
    args = parser.parse_args(argv)
    try:
        results = evaluate_places(args.path, args.corpus, args.limit)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(format_report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
