"""``sayso eval ...``: score each extractor on its gold data (a thin view of :mod:`sayso.evaluate`).

This is the one module outside ``sayso/evaluate`` that imports it, and only inside its
commands: the rest of sayso runs without the evaluation extras (textacy).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.text import Text

from ..errors import SaysoError
from .common import AS_JSON, LIMIT_OPTION, fail, friendly, out

eval_app = typer.Typer(help="Score sayso's extractors against gold data.", no_args_is_help=True)


def command(name: str):
    """``@eval_app.command(name)`` with friendly errors."""
    return lambda fn: eval_app.command(name)(friendly(fn))


def run_eval(evaluate, path: Path, as_json: bool, show, **kwargs) -> None:
    """Run one evaluator on ``path``; print JSON or ``show(result)``; one-line errors."""
    if not path.exists():
        fail(f"{path}: no such file or folder")
    try:
        result = evaluate(path, **kwargs)
    except (SaysoError, ValueError, OSError, KeyError) as exc:
        fail(f"{path}: {exc}")
    if as_json:
        sys.stdout.write(json.dumps(result, indent=2) + "\n")
    else:
        out.print(show(result))


def _text(report):
    return lambda result: Text(report(result))


@command("claims")
def eval_claims(
    gold_dir: Path = typer.Argument(..., help="A PolNeAR split folder (text/ and attributions/)."),
    as_json: bool = AS_JSON,
    limit: Optional[int] = LIMIT_OPTION,
) -> None:
    """Score the claims extractor (source, cue, content) against PolNeAR, next to textacy.

    Example: sayso eval claims ../shared/evaldata/polnear/dev --json
    """
    from ..evaluate.claims import evaluate_claims
    from .tables import score_table

    if not gold_dir.is_dir():
        fail(f"{gold_dir}: not a folder")
    run_eval(evaluate_claims, gold_dir, as_json, score_table, limit=limit)


@command("time")
def eval_time(
    gold_dir: Path = typer.Argument(..., help="A folder of TimeML .tml files (or MEANTIME NAF .xml), searched recursively."),
    as_json: bool = AS_JSON,
    limit: Optional[int] = LIMIT_OPTION,
) -> None:
    """Score the time-expression extractor as TempEval-3 does (extents, type, value).

    Example: sayso eval time ../shared/evaldata/tempeval3/Training/TBAQ-cleaned --json
    """
    from ..evaluate.time import evaluate_time, format_report

    run_eval(evaluate_time, gold_dir, as_json, _text(format_report), limit=limit)


@command("forecasts")
def eval_forecasts(
    gold: Path = typer.Argument(..., help="The future-statements JSON file, or (--format meantime) MEANTIME's "
                                          "intra-doc_annotation folder or one corpus folder."),
    fmt: str = typer.Option("future-statements", "--format", help="future-statements or meantime."),
    corpora: Optional[str] = typer.Option(None, "--corpora", help="MEANTIME only: tuning (airbus, apple: the "
                                          "default), held-out (gm, stock), all, or names (gm,stock)."),
    as_json: bool = AS_JSON,
    limit: Optional[int] = LIMIT_OPTION,
) -> None:
    """Score the forecast extractor next to a cue-word baseline: by sentence against future-statement
    annotations, or (--format meantime) against MEANTIME's future events, their certainty and polarity.

    Example: sayso eval forecasts ../shared/evaldata/future-statements/dev.json;
    sayso eval forecasts ../shared/evaldata/meantime-en/intra-doc_annotation --format meantime
    """
    from ..evaluate.forecasts import evaluate_forecasts, format_report
    from ..evaluate.forecasts_meantime import evaluate_meantime

    if fmt == "meantime":
        run_eval(evaluate_meantime, gold, as_json, _text(format_report), corpora=corpora, limit=limit)
    elif fmt == "future-statements":
        if corpora:
            fail("--corpora is for --format meantime", 2)
        run_eval(evaluate_forecasts, gold, as_json, _text(format_report), limit=limit)
    else:
        fail(f"unknown format {fmt!r} (choose from future-statements, meantime)", 2)


@command("figures")
def eval_figures(
    gold_file: Path = typer.Argument(..., help="quantulum3's quantities.json test file."),
    as_json: bool = AS_JSON,
) -> None:
    """Score the figures extractor (value, unit, span) against quantulum3's tests, next to quantulum3.

    Example: sayso eval figures ../shared/evaldata/quantulum3-tests/quantities.json --json
    """
    from ..evaluate.figures import evaluate_figures, format_report

    run_eval(evaluate_figures, gold_file, as_json, _text(format_report))


@command("places")
def eval_places(
    gold_dir: Path = typer.Argument(..., help="The geoparsing-gritta folder (GWN.xml, TR-News.xml, GeoVirus.xml) or one file."),
    corpus: Optional[list[str]] = typer.Option(None, "--corpus", help="Only this corpus (GWN, TR-News, GeoVirus, LGL); repeatable."),
    as_json: bool = AS_JSON,
    limit: Optional[int] = LIMIT_OPTION,
) -> None:
    """Score the places stage (recognition P/R/F1; accuracy within 161 km end to end and given the gold
    toponyms) next to a baseline (spaCy GPE/LOC, most populous entry).

    Example: sayso eval places ../shared/evaldata/geoparsing-gritta --corpus GWN --json
    """
    from ..evaluate.places import evaluate_places, format_report

    run_eval(evaluate_places, gold_dir, as_json, _text(format_report), corpora=corpus or None, limit=limit)


@command("events")
def eval_events(
    corpus: str = typer.Argument(..., help="case2021, plover or acled."),
    path: Path = typer.Argument(..., help="The corpus folder (or its file)."),
    split: str = typer.Option("heldout", "--split", help="case2021 / plover: heldout (default), dev or all."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Without the trained re-typer (ablation)."),
    as_json: bool = AS_JSON,
) -> None:
    """Score the events stage: case2021 (ACLED sub-event type, weighted F1), plover (PLOVER category),
    acled (type, place within 161 km located by the places stage, date, fatalities); a keyword baseline
    in the same run.

    Example: sayso eval events case2021 ../shared/evaldata/case2021-task2 --json
    """
    from ..evaluate.events import EVALUATORS, evaluate, format_report

    if corpus not in EVALUATORS:
        fail(f"unknown corpus {corpus!r} (choose from {', '.join(sorted(EVALUATORS))})", 2)
    run_eval(evaluate, path, as_json, _text(format_report), corpus=corpus, split=split,
             model=False if rules_only else None)


@command("speakers")
def eval_speakers(
    gold_dir: Path = typer.Argument(..., help="A ggt-quotes split folder (gold.jsonl and text/)."),
    as_json: bool = AS_JSON,
    limit: Optional[int] = LIMIT_OPTION,
) -> None:
    """Score quotes, speakers and cross-article identity by the Gender Gap Tracker's rules, next to textacy.

    Example: sayso eval speakers ../shared/evaldata/ggt-quotes/dev --json
    """
    from ..evaluate.speakers import evaluate_speakers, format_report

    if not gold_dir.is_dir():
        fail(f"{gold_dir}: not a folder")
    run_eval(evaluate_speakers, gold_dir, as_json, _text(format_report), limit=limit)
