"""Train the claims extractor's cue model from PolNeAR **train** only.

    python scripts/train_claims.py [--polnear ../shared/evaldata/polnear] [--docbin train.spacy]

Writes ``sayso/data/claims_cues.json``:
- ``lexicon``: lemma -> share of its tokens inside a gold Cue span (lemmas seen
  at least ``MIN_COUNT`` times with share >= ``MIN_SHARE``);
- ``model``: logistic-regression weights over ``claims_features.cue_features``
  of every candidate (a verb with a subject and content, found by the
  extractor's own rules); label = the verb lies inside a gold Cue span.
Deterministic (lbfgs); ``--docbin`` reuses parsed Docs.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from sayso import nlp as sayso_nlp
from sayso.evaluate.polnear import read_split
from sayso.extract import claims as C
from sayso.extract.claims_features import cue_features
from sayso.extract.claims_model import DATA_PATH, CueModel

REPO = Path(__file__).resolve().parent.parent
DEFAULT_POLNEAR = REPO.parent / "shared" / "evaldata" / "polnear"
MIN_COUNT, MIN_SHARE = 5, 0.3
C_REG = 0.5
WEIGHT_MIN = 0.01


def load_docs(golds, docbin: str | None):
    if docbin:
        from spacy.tokens import DocBin

        return list(DocBin().from_disk(docbin).get_docs(sayso_nlp.load().vocab))
    return list(sayso_nlp.parse(g.text for g in golds))


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
        ctx = C.Context(doc, gold.text, C.find_quotes(gold.text), model)
        for tok in doc:
            if tok.pos_ not in C.cues.CLAUSE_LIKE_POS or ctx.quote_at(tok) is not None:
                continue
            found = C.verb_claim(ctx, tok)
            if found is not None:
                yield cue_features(tok, *found), int(tok.idx in chars)


def train_model(golds, docs) -> dict:
    feats, labels = zip(*candidates(golds, docs))
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in fs} for fs in feats])
    clf = LogisticRegression(C=C_REG, solver="lbfgs", max_iter=2000)
    clf.fit(X, labels)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
        if abs(w) >= WEIGHT_MIN
    }
    print(f"{len(labels)} candidates, {sum(labels)} cues, {len(weights)} weights kept")
    return {"weights": weights, "bias": round(float(clf.intercept_[0]), 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", default=str(DEFAULT_POLNEAR))
    ap.add_argument("--docbin", default=None, help="parsed train Docs (DocBin) to reuse")
    ap.add_argument("--out", default=str(DATA_PATH))
    args = ap.parse_args()
    golds = read_split(Path(args.polnear) / "train")
    docs = load_docs(golds, args.docbin)
    data = {"source": "PolNeAR v1.0.0 train", "lexicon": mine_lexicon(golds, docs)}
    data["model"] = train_model(golds, docs)
    Path(args.out).write_text(json.dumps(data, sort_keys=True, indent=0), encoding="utf-8")
    print(f"wrote {args.out} ({Path(args.out).stat().st_size} bytes)")


if __name__ == "__main__":
    main()
