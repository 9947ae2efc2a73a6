"""`sayso evidence` end to end: the seed and later articles of our own writing (tests/data/evidence/,
dated after it, reporting what happened) are ingested; for each of the seed's forecasts below the
report that settles it must rank first, with the right stance. Nothing is resolved by it."""
from __future__ import annotations

import pytest

from sayso.ledger import Ledger
from sayso.pipeline import ingest
from tests import REPO

LATER = REPO / "tests" / "data" / "evidence"

# (a piece of the forecast, the file of the report that must rank first, its stance)
SETTLED = [
    ("launch a fresh offensive on February 24", "101_offensive_launched.txt", "supporting"),
    ("seizure of the Ukrainian territories of the Donetsk and Luhansk", "102_regions_not_seized.txt",
     "contradicting"),
    ("use the territory of Belarus", "103_no_offensive_from_belarus.txt", "contradicting"),
    ("Mobilisation, a draft decree", "104_mobilisation_moscow.txt", "supporting"),
]


@pytest.fixture(scope="module")
def ledger(module_ledger_url, seed_path, nlp, evidence_ledger):
    path = module_ledger_url("evidence")
    if "://" not in path:
        path = evidence_ledger  # the session's SQLite ledger (the web's evidence panel reads it too)
    else:
        with Ledger(path) as ledger:
            summary = ingest([seed_path, LATER], ledger)
            assert summary.failed == 0 and summary.new == 1 + len(list(LATER.glob("*.txt")))
    with Ledger(path) as ledger:
        yield ledger


def forecast_with(ledger, piece: str) -> dict:
    (found,) = [f for f in ledger.forecasts(as_of="2023-02-03") if piece in f["text"]]
    return found


def article_of(ledger, name: str) -> str:
    return ledger.article(str(LATER / name))["id"]


@pytest.mark.parametrize("piece, report, stance", SETTLED)
def test_the_settling_report_ranks_first(ledger, piece, report, stance):
    ranked = ledger.evidence(forecast_with(ledger, piece)["id"])
    assert ranked, f"no evidence for {piece!r}"
    first = ranked[0]
    assert (first["article_id"], first["stance"]) == (article_of(ledger, report), stance), ranked[:3]
    assert first["reasons"] and 0 < first["score"] <= 1


def test_articles_before_the_forecast_and_unrelated_ones_are_never_evidence(ledger):
    earlier = article_of(ledger, "099_earlier_offensive.txt")
    unrelated = article_of(ledger, "105_protest_in_lisbon.txt")
    for f in ledger.forecasts(as_of="2023-02-03"):
        for item in ledger.evidence(f["id"]):
            assert item["article_id"] not in (earlier, unrelated), (f["text"], item)


def test_evidence_resolves_nothing(ledger):
    before = ledger.counts()["resolutions"]
    for f in ledger.forecasts(as_of="2023-02-03"):
        ledger.evidence(f["id"], limit=3)
    assert ledger.counts()["resolutions"] == before
    assert all(f["status"] != "resolved" for f in ledger.forecasts(as_of="2023-02-03"))


def test_limit_and_an_unknown_forecast(ledger):
    f = forecast_with(ledger, "launch a fresh offensive on February 24")
    assert len(ledger.evidence(f["id"], limit=1)) == 1
    from sayso.ledger import LedgerError

    with pytest.raises(LedgerError, match="no forecast with id"):
        ledger.evidence(10_000)
