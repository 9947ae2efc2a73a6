"""Train the claims filter (``sayso/data/claims_filter.json``) on PolNeAR **train** only.

    python -m training.filter [--polnear ../shared/evaldata/polnear] [--docbin train.spacy] \
        [--work /tmp/claims_filter] [--train-folds 0,1,2,3] [--out sayso/data/claims_filter.json]

The filter must learn from claims made the way they are made on unseen text, so
train is cut into ``FOLDS`` parts and the claims of each part come from a cue
model and a CRF tagger trained on the other parts (both cached in ``--work``).
For every claim: its features (``sayso.extract.claims.learned.filter.claim_features``) and two labels
from the scorer's one-to-one overlap matching against the gold of the same
document: ``keep`` = its source, cue or content matches; ``speaker`` = its
speaker matches a gold source. Two logistic regressions are fitted; weights
|w| >= ``WEIGHT_MIN`` are written. ``--train-folds 0,1,2`` leaves fold 3 (train
docs 630:840) out for choosing thresholds.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from sayso import stages
from sayso.evaluate.claims import gold_units
from sayso.evaluate.polnear import read_split
from sayso.evaluate.scoring import is_match, matched_pairs, trimmed_chars
from sayso.extract.claims.candidates import rule_candidates, settle_speakers
from sayso.extract.claims.learned import filter as F
from sayso.extract.claims.learned.combine import combine_tagged
from sayso.extract.claims.learned.cue_model import CueModel
from sayso.extract.claims.learned.tagger import tag_doc
from sayso.extract.models import Models
from training import claims as train_claims
from training import tagger as train_tagger
from training.common import DEFAULT_POLNEAR, fit_logistic, load_docs

FOLDS = 4
C_REG = 0.5
MAX_ITERATIONS = 3000
WEIGHT_MIN = 0.001
ROLES = ("source", "cue", "content")


def fold_of(i: int, n: int) -> int:
    return min(i * FOLDS // n, FOLDS - 1)


def fold_models(golds, docs, k: int, work: Path) -> Models:
    """The models with a cue model and tagger trained on every fold but ``k`` (cached in ``work``)
    and no filter."""
    import pycrfsuite

    rest = [i for i in range(len(golds)) if fold_of(i, len(golds)) != k]
    cue_path, crf_path = work / f"cue{k}.json", work / f"tagger{k}.crfsuite"
    if not cue_path.is_file():
        model = train_claims.train_model([golds[i] for i in rest], [docs[i] for i in rest])
        cue_path.write_text(json.dumps(model), encoding="utf-8")
    if not crf_path.is_file():
        data = list(train_tagger.sequences([golds[i] for i in rest], [docs[i] for i in rest]))
        train_tagger.train(data, crf_path, train_tagger.C1, train_tagger.C2, train_tagger.MAX_ITERATIONS,
                           train_tagger.MIN_FEATURE_FREQ)
    weights = json.loads(cue_path.read_text(encoding="utf-8"))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(crf_path))
    cue_model = CueModel(Models.default().cue_model.lexicon, weights["weights"], weights["bias"])
    return Models(cue_model=cue_model, tagger=tagger, claim_filter=None)


def matched(text: str, gold, pred) -> set[int]:
    """Indices of ``pred`` units matched one to one (overlap, greedy as the scorer)."""
    g = [trimmed_chars(text, u) for u in gold]
    p = [trimmed_chars(text, u) if u else frozenset() for u in pred]
    return {pi for _, pi in matched_pairs(g, p, "overlap")}


def claim_units(claim) -> dict[str, list[tuple[int, int]]]:
    return {"source": [(claim.speaker.start, claim.speaker.end)] if claim.speaker else [],
            "cue": [(claim.cue.start, claim.cue.end)] if claim.cue else [],
            "content": [(s.start, s.end) for s in claim.content]}


def doc_records(gold, doc, models: Models) -> list[dict]:
    """Every finished claim of one doc (before the filter) with its features and match labels."""
    ctx, found = rule_candidates(doc, gold.text, models)
    tagging = tag_doc(doc, models.tagger, models.cue_model.lexicon)
    found = sorted(settle_speakers(ctx, combine_tagged(doc, gold.text, found, tagging, models.extractor("claims"))),
                   key=lambda f: (f.claim.start, f.claim.end))
    claims = [f.claim for f in found]
    units = [claim_units(c) for c in claims]
    gu = gold_units(gold)
    hit = {r: matched(gold.text, gu[r], [u[r] for u in units]) for r in ROLES}
    sources = [trimmed_chars(gold.text, u) for u in gu["source"]]
    out = []
    for i, (c, origin) in enumerate((f.claim, f.origin) for f in found):
        def features_of(claim, origin=origin):
            return F.claim_features(doc, claim, origin, tagging.marginals, claims, ctx.cue_probs)
        feats = features_of(c)
        options = F.speaker_options(doc, gold.text, c, feats, features_of)
        out.append({"claim": c, "feats": feats, **{f"m_{r}": i in hit[r] for r in ROLES},
                    "options": [(s, f, i in hit["source"] if k == 0 else _matches_any(gold.text, s, sources))
                                for k, (s, f) in enumerate(options)]})
    return out


def _matches_any(text: str, s, sources) -> bool:
    chars = trimmed_chars(text, [(s.start, s.end)])
    return any(is_match(g, chars, "overlap") for g in sources)


def records(golds, docs, folds: list[int], work: Path) -> list[list[dict]]:
    """Per doc of ``folds``, its claim records (docs of other folds get [])."""
    out: list[list[dict]] = [[] for _ in golds]
    for k in folds:
        models = fold_models(golds, docs, k, work)
        for i in (i for i in range(len(golds)) if fold_of(i, len(golds)) == k):
            out[i] = doc_records(golds[i], docs[i], models)
    return out


def keep_label(rec: dict) -> bool:
    return rec["m_source"] or rec["m_cue"] or rec["m_content"]


def fit(recs: list[dict], label) -> dict:
    return fit_logistic([r["feats"] for r in recs], [bool(label(r)) for r in recs], C_REG, MAX_ITERATIONS,
                        WEIGHT_MIN)


def train_filter(recs: list[dict]) -> dict:
    options = [{"feats": f, "label": hit} for r in recs for _, f, hit in r["options"]]
    return {"keep": fit(recs, keep_label), "speaker": fit(options, lambda o: o["label"]),
            "keep_threshold": F.KEEP_THRESHOLD, "speaker_threshold": F.SPEAKER_THRESHOLD}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", default=str(DEFAULT_POLNEAR))
    ap.add_argument("--docbin", default=None, help="parsed train Docs (DocBin) to reuse")
    ap.add_argument("--work", default="/tmp/claims_filter", help="where the fold models are cached")
    ap.add_argument("--train-folds", default=",".join(str(k) for k in range(FOLDS)))
    ap.add_argument("--out", default=str(stages.model_path("claim_filter")))
    args = ap.parse_args()
    t0 = time.time()
    golds = read_split(Path(args.polnear) / "train")
    docs = load_docs(golds, args.docbin)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    folds = [int(k) for k in args.train_folds.split(",")]
    recs = [r for doc_recs in records(golds, docs, folds, work) for r in doc_recs]
    data = {"source": f"PolNeAR v1.0.0 train, folds {args.train_folds} of {FOLDS}", **train_filter(recs)}
    Path(args.out).write_text(json.dumps(data, sort_keys=True, indent=0), encoding="utf-8")
    print(f"{len(recs)} claims, {time.time() - t0:.0f} s -> {args.out} ({Path(args.out).stat().st_size} bytes)")


if __name__ == "__main__":
    main()
