"""What the training scripts share: where PolNeAR is, parsed docs, one logistic-regression fit."""
from __future__ import annotations

import sys
from pathlib import Path

from sayso import nlp as sayso_nlp

REPO = Path(__file__).resolve().parent.parent
DEFAULT_POLNEAR = REPO.parent / "shared" / "evaldata" / "polnear"


def load_docs(golds, cache: str | None) -> list:
    """The spaCy Docs of the gold texts: from a DocBin of the same texts when given, else parsed."""
    if cache and Path(cache).is_file():
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(cache).get_docs(sayso_nlp.load().vocab))[:len(golds)]
        if len(docs) == len(golds) and all(d.text == g.text for d, g in zip(docs, golds)):
            return docs
        print("cache does not match the texts; parsing", file=sys.stderr)
    return list(sayso_nlp.parse(g.text for g in golds))


def fit_logistic(features: list[list[str]], labels: list[bool | int], c_reg: float, max_iter: int,
                 weight_min: float) -> dict:
    """A logistic regression over string features (deterministic lbfgs): weights |w| >= ``weight_min``
    and the bias, as the models in sayso/data store them."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in fs} for fs in features])
    clf = LogisticRegression(C=c_reg, solver="lbfgs", max_iter=max_iter).fit(X, list(labels))
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if abs(w) >= weight_min}
    return {"weights": weights, "bias": round(float(clf.intercept_[0]), 4)}
