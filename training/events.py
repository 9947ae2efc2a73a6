"""Train the events re-typer (``sayso/data/events_typer.json``) on the **dev** half of case2021-task2 only.

    python -m training.events [--case ../shared/evaldata/case2021-task2] [--extra training/data/events_extra.tsv]
                                   [--out sayso/data/events_typer.json]

For every dev snippet the extractor runs with the rules alone; the snippet's main event (the one the
evaluation reads: ``sayso.evaluate.events.snippet_event``) gives one training example: its features
(``typer.event_features``) and the snippet's label. A multinomial logistic regression (scikit-learn,
a training-only extra) is fitted; the regularisation ``C`` and the acceptance threshold ``min_prob``
are chosen by ``FOLDS``-fold cross-validation on dev, scoring what the evaluation scores (weighted F1
of the snippets' labels once every event is re-typed). Weights with |w| < ``WEIGHT_MIN`` are dropped.
The held-out half is never read. ``--extra`` adds snippets written for sayso (label<TAB>text; see
training/data/events_extra.tsv) to every training fold and to the final fit; cross-validation still
scores dev snippets only, and reports the grid with and without them.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent

from sayso import nlp
from sayso.evaluate.events import NO_EVENT_LABEL, case_label, snippet_event
from sayso.evaluate.events_baseline import score_labels
from sayso.evaluate.events_data import read_case
from sayso.extract.events import taxonomy
from sayso.extract.events.extract import events_with_features
from sayso.extract.events.typer import CASE_TO_KIND, Typer
from sayso.extract.figures import extract_figures
from sayso.extract.times import extract_times
from sayso.records import Article

FOLDS = 5
C_GRID = (0.5, 1.0, 2.0, 4.0, 8.0)
MIN_PROB_GRID = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6)
WEIGHT_MIN = 0.01
MAX_ITER = 2000


def read_extra(path: str | None):
    """(label, text) pairs of the extra file (comments and blank lines skipped)."""
    if not path:
        return []
    pairs = []
    for line_no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, sep, text = line.partition("\t")
        if not sep or not text.strip():
            raise SystemExit(f"{path}:{line_no}: expected label<TAB>text")
        pairs.append((label.strip(), text.strip()))
    return pairs


def extracted(pairs):
    """(label, doc, [(event, features), ...]) for (label, text) pairs, events typed by the rules alone."""
    out = []
    for (label, text), doc in zip(pairs, nlp.parse(t for _, t in pairs)):
        article = Article(text)
        times = list(extract_times(doc, article))
        figures = list(extract_figures(doc, article, []))
        out.append((label, doc, list(events_with_features(doc, article, times, figures, model=False))))
    return out


def snippets(case_path: str):
    """(label, doc, [(event, features), ...]) for every dev snippet, events typed by the rules alone."""
    items = read_case(case_path, "dev")
    out = []
    for item, doc in zip(items, nlp.parse(it.text for it in items)):
        article = Article(item.text)
        times = list(extract_times(doc, article))
        figures = list(extract_figures(doc, article, []))
        out.append((item.label, doc, list(events_with_features(doc, article, times, figures, model=False))))
    return out


def fit(examples, c: float):
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1.0 for f in feats} for feats, _ in examples])
    y = [label for _, label in examples]
    model = LogisticRegression(C=c, max_iter=MAX_ITER)
    model.fit(x, y)
    return to_typer(vec, model)


def to_typer(vec, model, min_prob: float = 0.0) -> Typer:
    labels = [str(c) for c in model.classes_]
    coef = model.coef_
    weights = {}
    for i, name in enumerate(vec.get_feature_names_out()):
        row = {j: round(float(coef[j, i]), 4) for j in range(len(labels)) if abs(coef[j, i]) >= WEIGHT_MIN}
        if row:
            weights[str(name)] = row
    return Typer(labels, [round(float(b), 4) for b in model.intercept_], weights, min_prob)


def examples_of(data):
    out = []
    for label, doc, events in data:
        main = snippet_event(doc, [e for e, _ in events])
        if main is None:
            continue
        feats = next(f for e, f in events if e is main)
        out.append((feats, label))
    return out


def predict(typer: Typer | None, doc, events) -> str:
    retyped = []
    for event, feats in events:
        kind = typer.retype(event.kind, feats) if typer is not None else event.kind
        info = taxonomy.KINDS[kind]
        retyped.append(replace(event, kind=kind, plover=info.plover, acled_subtype=info.acled,
                               acled_type=taxonomy.acled_type(info.acled)))
    return case_label(snippet_event(doc, retyped)) if retyped else NO_EVENT_LABEL


def cross_validate(data, extra=()):
    folds = [data[k::FOLDS] for k in range(FOLDS)]
    results = {}
    for c in C_GRID:
        preds = {m: [] for m in MIN_PROB_GRID}
        golds = []
        for k in range(FOLDS):
            train = [d for j, f in enumerate(folds) if j != k for d in f] + list(extra)
            typer = fit(examples_of(train), c)
            for label, doc, events in folds[k]:
                golds.append(label)
                for m in MIN_PROB_GRID:
                    typer.min_prob = m
                    preds[m].append(predict(typer, doc, events))
        for m in MIN_PROB_GRID:
            results[(c, m)] = score_labels(golds, preds[m])["weighted_f1"]
            print(f"C={c} min_prob={m}: cv weighted F1 {results[(c, m)]}", flush=True)
    rules = score_labels([lab for lab, _, _ in data], [predict(None, doc, ev) for _, doc, ev in data])["weighted_f1"]
    print(f"rules alone on dev: weighted F1 {rules}")
    return max(results, key=results.get), results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--case", default=str(ROOT.parent / "shared" / "evaldata" / "case2021-task2"))
    parser.add_argument("--extra", default=str(ROOT / "training" / "data" / "events_extra.tsv"))
    parser.add_argument("--out", default=str(ROOT / "sayso" / "data" / "events_typer.json"))
    args = parser.parse_args(argv)
    data = snippets(args.case)
    extra = extracted(read_extra(args.extra))
    print(f"{len(data)} dev snippets, {len(extra)} extra snippets")
    if extra:
        print("without the extra snippets:")
        best_without, without = cross_validate(data)
        print(f"best without: {best_without} cv weighted F1 {without[best_without]}")
        print("with the extra snippets:")
    (c, min_prob), results = cross_validate(data, extra)
    print(f"chosen: C={c} min_prob={min_prob} (cv weighted F1 {results[(c, min_prob)]})")
    typer = fit(examples_of(data) + examples_of(extra), c)
    unknown = sorted(set(typer.labels) - set(CASE_TO_KIND) - {"DIPLO", "OTHER"})
    if unknown:
        print(f"warning: labels without a kind: {unknown}")
    out = {"_comment": "events re-typer: multinomial logistic regression over string features; trained by "
                       "training/events.py on the dev half of case2021-task2 (see sayso/extract/events/typer.py)",
           "labels": typer.labels, "bias": typer.bias, "min_prob": min_prob, "C": c,
           "cv_weighted_f1": results[(c, min_prob)],
           "weights": {f: {str(j): w for j, w in row.items()} for f, row in sorted(typer.weights.items())}}
    Path(args.out).write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(typer.weights)} features, {np.mean([len(r) for r in typer.weights.values()]):.1f} "
          f"weights per feature")
    return 0


if __name__ == "__main__":
    sys.exit(main())
