"""Train the claims extractor's cue model from PolNeAR **train** only.

    python -m training.claims [--polnear ../shared/evaldata/polnear] [--docbin train.spacy]

Writes ``sayso/data/claims_cues.json``:
- ``lexicon``: lemma -> share of its tokens inside a gold Cue span (lemmas seen
  at least ``MIN_COUNT`` times with share >= ``MIN_SHARE``);
- ``model``: logistic-regression weights over ``sayso.extract.claims.learned.cue_features``
  of every candidate (a verb with a subject and content, found by the
  extractor's own rules); label = the verb lies inside a gold Cue span.
Deterministic (lbfgs); ``--docbin`` reuses parsed Docs.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from sayso import stages
from sayso.evaluate.polnear import read_split
from sayso.extract.claims import lexicon
from sayso.extract.claims.context import Context
from sayso.extract.claims.learned.cue_features import cue_features
from sayso.extract.claims.learned.cue_model import CueModel
from sayso.extract.claims.quotes import find_quotes
from sayso.extract.claims.rules.verbs import verb_claim
from training.common import DEFAULT_POLNEAR, fit_logistic, load_docs

MIN_COUNT, MIN_SHARE = 5, 0.3
C_REG = 0.5
MAX_ITERATIONS = 2000
WEIGHT_MIN = 0.01


def cue_chars(gold) -> set[int]:
    return {i for a in gold.attributions for s, e in a.cue for i in range(s, e)}


def mine_lexicon(golds, docs) -> dict[str, float]:
    total, as_cue = Counter(), Counter()
    for gold, doc in zip(golds, docs):
        chars = cue_chars(gold)
        for tok in doc:
            if tok.pos_ in ("VERB", "NOUN"):
                total[tok.lemma_.lower()] += 1
                as_cue[tok.lemma_.lower()] += tok.idx in chars
    return {
        lemma: round(as_cue[lemma] / n, 3)
        for lemma, n in sorted(total.items())
        if n >= MIN_COUNT and as_cue[lemma] / n >= MIN_SHARE
    }


def candidates(golds, docs):
    model = CueModel(open_vocabulary=True)
    for gold, doc in zip(golds, docs):
        chars = cue_chars(gold)
        ctx = Context(doc, gold.text, find_quotes(gold.text), model, stages.BY_NAME["claims"].version)
        for tok in doc:
            if tok.pos_ not in lexicon.CLAUSE_LIKE_POS or ctx.quote_at(tok) is not None:
                continue
            found = verb_claim(ctx, tok)
            if found is not None:
                yield cue_features(tok, *found), int(tok.idx in chars)


def train_model(golds, docs) -> dict:
    feats, labels = zip(*candidates(golds, docs))
    model = fit_logistic(list(feats), list(labels), C_REG, MAX_ITERATIONS, WEIGHT_MIN)
    print(f"{len(labels)} candidates, {sum(labels)} cues, {len(model['weights'])} weights kept")
    return model


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", default=str(DEFAULT_POLNEAR))
    ap.add_argument("--docbin", default=None, help="parsed train Docs (DocBin) to reuse")
    ap.add_argument("--out", default=str(stages.model_path("cue_model")))
    args = ap.parse_args()
    golds = read_split(Path(args.polnear) / "train")
    docs = load_docs(golds, args.docbin)
    data = {"source": "PolNeAR v1.0.0 train", "lexicon": mine_lexicon(golds, docs)}
    data["model"] = train_model(golds, docs)
    Path(args.out).write_text(json.dumps(data, sort_keys=True, indent=0), encoding="utf-8")
    print(f"wrote {args.out} ({Path(args.out).stat().st_size} bytes)")


if __name__ == "__main__":
    main()
