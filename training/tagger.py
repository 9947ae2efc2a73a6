"""Train the claims tagger (a linear-chain CRF) on PolNeAR **train** only.

    python -m training.tagger ../shared/evaldata/polnear/train \
        [--out sayso/data/claims_tagger.crfsuite] [--cache /tmp/sayso_claims/train.spacy] \
        [--docs 0:630 --out /tmp/tagger_630.crfsuite]   # a held-out tuning model, never in sayso/data

Each sentence is one sequence; every token gets one label: O, SOURCE, CUE or
CONTENT (IO encoding: adjacent spans of one role are rare within a sentence).
Where attributions nest ("X said that Y claimed Z"), the innermost one wins:
attributions are painted from the widest to the narrowest, so Y / claimed / Z
keep their own roles and X's content keeps the rest of its tokens.
``--cache`` reuses a DocBin of the same texts (checked text by text).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import pycrfsuite

from sayso import stages
from sayso.evaluate.polnear import ROLES, GoldDoc, read_split
from sayso.extract.claims.learned.tagger import LABEL_OF_ROLE, OUTSIDE
from sayso.extract.claims.learned.tagger_features import doc_features
from sayso.extract.models import Models
from training.common import load_docs

C1 = 3.0                 # L1: prunes most features (keeps the model < 1.5 MB)
C2 = 0.01
MAX_ITERATIONS = 120
MIN_FEATURE_FREQ = 5     # features seen fewer times are dropped before training


def _extent(gold) -> int:
    return sum(b - a for role in ROLES for a, b in gold.role(role))


def char_labels(gold: GoldDoc) -> list[str]:
    """One label per character of the text; inner attributions overwrite outer ones."""
    labels = [OUTSIDE] * len(gold.text)
    for att in sorted(gold.attributions, key=_extent, reverse=True):
        for role in ROLES:
            for start, end in att.role(role):
                labels[start:end] = [LABEL_OF_ROLE[role]] * (end - start)
    return labels


def token_labels(sent, chars: list[str]) -> list[str]:
    """The label of each token's first non-space character."""
    out = []
    for tok in sent:
        label = chars[tok.idx] if tok.idx < len(chars) else OUTSIDE
        out.append(label)
    return out


def sequences(golds: list[GoldDoc], docs: list, lexicon: dict[str, float] | None = None):
    """(token features, labels) of every sentence; ``lexicon``: the mined cue lemmas (the shipped ones)."""
    lexicon = Models.default().cue_model.lexicon if lexicon is None else lexicon
    for gold, doc in zip(golds, docs):
        chars = char_labels(gold)
        for sent, feats in doc_features(doc, lexicon):
            yield feats, token_labels(sent, chars)


def frequent_features(data, min_freq: int) -> set[str]:
    counts: dict[str, int] = {}
    for feats, _ in data:
        for tok in feats:
            for f in tok:
                counts[f] = counts.get(f, 0) + 1
    return {f for f, n in counts.items() if n >= min_freq}


def train(data, out: Path, c1: float, c2: float, iterations: int, min_freq: int) -> None:
    keep = frequent_features(data, min_freq)
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, labels in data:
        trainer.append([[f for f in tok if f in keep] for tok in feats], labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split_dir", help="PolNeAR train split (never dev or test)")
    ap.add_argument("--out", default=str(stages.model_path("tagger")))
    ap.add_argument("--cache", default=None, help="DocBin of the same texts, if parsed before")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--docs", default=None, metavar="START:END",
                    help="train on this slice of the (sorted) docs only, e.g. 0:630 for held-out tuning")
    ap.add_argument("--c1", type=float, default=C1)
    ap.add_argument("--c2", type=float, default=C2)
    ap.add_argument("--iterations", type=int, default=MAX_ITERATIONS)
    ap.add_argument("--min-freq", type=int, default=MIN_FEATURE_FREQ)
    args = ap.parse_args(argv)
    t0 = time.time()
    golds = read_split(args.split_dir, limit=args.limit)
    docs = load_docs(golds, args.cache)
    if args.docs:
        part = slice(*(int(x) if x else None for x in args.docs.split(":")))
        golds, docs = golds[part], docs[part]
    data = list(sequences(golds, docs))
    t1 = time.time()
    print(f"{len(golds)} docs, {len(data)} sentences, features {t1 - t0:.0f} s")
    train(data, Path(args.out), args.c1, args.c2, args.iterations, args.min_freq)
    size = Path(args.out).stat().st_size
    print(f"trained in {time.time() - t1:.0f} s -> {args.out} ({size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
