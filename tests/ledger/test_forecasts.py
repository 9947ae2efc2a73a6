"""Forecasts, time expressions and figures in the ledger: status as of a date, resolutions, track records.

Extractions are built by hand (no spaCy), so these tests pin the ledger, not the extractors.
"""
from __future__ import annotations

import sqlite3

import pytest

from sayso.ledger import Ledger, LedgerError
from sayso.ledger.forecasts import HEDGING_PROBABILITY
from sayso.records import Article, Claim, Entity, Extraction, Figure, Forecast, Span, TimeExpr

TEXT = ('Defence Minister Oleksii Reznikov said Russia will launch an offensive around February 24. '
        'He said Russia may also mobilise 500,000 soldiers by March. '
        'The agency expects prices to rise next year.')
VERSIONS = {"claims": "claims.v1", "forecasts": "forecasts.v1"}


def span(piece: str, text: str = TEXT) -> Span:
    start = text.index(piece)
    return Span.of(text, start, start + len(piece))


def forecast(piece: str, cue: str, hedging: str, latest: str | None, claim: int | None,
             key: str | None, time: int | None = None) -> Forecast:
    s = span(piece)
    return Forecast(s.start, s.end, s.text, span(cue), hedging, earliest=None if latest is None else "2023-02-02",
                    latest=latest, time_index=time, claim_index=claim, predictor_key=key)


def extraction(published: str = "2023-02-02", extractors=VERSIONS) -> Extraction:
    article = Article(text=TEXT, published=published, date_precision="day", source="Kyiv Wire")
    claims = [Claim([span("Russia will launch an offensive around February 24")], span("said"),
                    span("Defence Minister Oleksii Reznikov"), "indirect", speaker_key="r"),
              Claim([span("Russia may also mobilise 500,000 soldiers by March")], span("said Russia may"[:4]),
                    span("He"), "indirect", speaker_key="r")]
    times = [TimeExpr(*_pos("around February 24"), "DATE", "2023-02-24", "2023-02-20", "2023-02-28", "APPROX"),
             TimeExpr(*_pos("by March"), "DATE", "2023-03", "2023-02-02", "2023-03-31", "BEFORE"),
             TimeExpr(*_pos("next year"), "DATE", "2024", "2024-01-01", "2024-12-31")]
    figures = [Figure(*_pos("500,000 soldiers"), 500000.0, unit="people", counted="soldier", claim_index=1)]
    forecasts = [
        forecast("Russia will launch an offensive around February 24", "will", "certain", "2023-02-28", 0, "r", 0),
        forecast("Russia may also mobilise 500,000 soldiers by March", "may", "possible", "2023-03-31", 1, "r", 1),
        forecast("prices to rise next year", "expects", "likely", "2024-12-31", None, None, 2),
    ]
    entities = [Entity("r", "Oleksii Reznikov", role="Defence Minister", affiliation="Ukraine")]
    return Extraction(article, claims, entities, [], dict(extractors), times, figures, forecasts)


def _pos(piece: str) -> tuple[int, int, str]:
    s = span(piece)
    return s.start, s.end, s.text


@pytest.fixture
def ledger(tmp_path):
    with Ledger(tmp_path / "ledger.db") as opened:
        opened.store(extraction())
        yield opened


def by_text(rows: list[dict]) -> dict[str, dict]:
    return {r["text"].split()[0] + " " + r["text"].split()[2]: r for r in rows}


def test_forecasts_link_to_claim_time_and_predictor(ledger):
    rows = ledger.forecasts(as_of="2023-02-02")
    assert [r["predictor"] for r in rows] == ["Oleksii Reznikov", "Oleksii Reznikov", "Kyiv Wire"]
    assert [r["time_text"] for r in rows] == ["around February 24", "by March", "next year"]
    assert [r["status"] for r in rows] == ["open", "open", "open"]
    assert rows[0]["cue"] == "will" and rows[0]["claim_id"] is not None and rows[2]["claim_id"] is None


@pytest.mark.parametrize("as_of, expected", [
    ("2023-02-02", ["open", "open", "open"]),
    ("2023-03-01", ["due", "open", "open"]),
    ("2023-04", ["due", "due", "open"]),
    ("2025", ["due", "due", "due"]),
])
def test_status_as_of_a_date(ledger, as_of, expected):
    assert [r["status"] for r in ledger.forecasts(as_of=as_of)] == expected


@pytest.mark.parametrize("kwargs, expected", [
    ({"speaker": "reznikov"}, 2),
    ({"speaker": "Oleksiy Reznikov"}, 2),  # a transliteration finds the same person
    ({"speaker": "zelensky"}, 0),
    ({"due_before": "2023-03"}, 1),
    ({"due_before": "2023-04-01"}, 2),
    ({"status": "due", "as_of": "2023-03-15"}, 1),
    ({"status": "resolved"}, 0),
])
def test_forecast_filters(ledger, kwargs, expected):
    assert len(ledger.forecasts(**kwargs)) == expected


@pytest.mark.parametrize("as_of", ["2023-02-02", "2023-03-01", "2023-04", "2025"])
@pytest.mark.parametrize("status", ["open", "due", "resolved"])
def test_status_filter_and_pages_are_the_status_of_each_row(ledger, as_of, status):
    """The status filter and the page run in SQL: the same rows as filtering every row by its status."""
    ledger.resolve(ledger.forecasts()[1]["id"], "true", "https://example.org/a")
    every = [r for r in ledger.forecasts(as_of=as_of) if r["status"] == status]
    assert ledger.forecasts(status=status, as_of=as_of) == every
    assert ledger.forecasts(status=status, as_of=as_of, limit=1, offset=1) == every[1:2]


def test_resolve_keeps_history_and_counts_in_the_track_record(ledger):
    first = ledger.forecasts()[0]
    ledger.resolve(first["id"], "false", "https://example.org/no-offensive", note="none by March", who="ana")
    result = ledger.resolve(first["id"], "partly", "https://example.org/a-smaller-push", who="ben")
    assert [(h["outcome"], h["resolved_by"]) for h in result["history"]] == [("false", "ana"), ("partly", "ben")]
    assert ledger.forecasts(status="resolved")[0]["outcome"] == "partly"
    record = {r["predictor"]: r for r in ledger.track_record()}["Oleksii Reznikov"]
    assert (record["forecasts"], record["resolved"], record["scored"], record["hit_rate"]) == (2, 1, 1, 0.5)
    assert record["brier"] == pytest.approx((HEDGING_PROBABILITY["certain"] - 0.5) ** 2, abs=1e-3)


def test_unclear_outcome_is_resolved_but_not_scored(ledger):
    ledger.resolve(ledger.forecasts()[1]["id"], "unclear", "https://example.org/x")
    record = {r["predictor"]: r for r in ledger.track_record()}["Oleksii Reznikov"]
    assert (record["resolved"], record["scored"], record["hit_rate"], record["brier"]) == (1, 0, None, None)


def test_evidence_may_be_an_article_of_the_ledger(ledger):
    article_id = extraction().article.id
    result = ledger.resolve(ledger.forecasts()[0]["id"], "true", article_id[:8])
    assert result["evidence"] == f"article:{article_id}"


@pytest.mark.parametrize("forecast_id, outcome, evidence, message", [
    (999, "true", "https://example.org", "no forecast with id 999"),
    (1, "maybe", "https://example.org", "unknown outcome 'maybe'"),
    (1, "true", "not-an-article", "neither an http"),
    (1, "true", "javascript:alert(1)", "neither an http"),
])
def test_bad_resolutions_write_nothing(ledger, forecast_id, outcome, evidence, message):
    with pytest.raises(LedgerError, match=message):
        ledger.resolve(forecast_id, outcome, evidence)
    assert ledger.counts()["resolutions"] == 0


@pytest.mark.parametrize("bad", ["2023-02-30", "soon", "2023-13"])
def test_bad_dates_are_clear_errors(ledger, bad):
    with pytest.raises(LedgerError, match="not a date"):
        ledger.forecasts(as_of=bad)


def test_resolutions_survive_a_re_extraction(ledger):
    ledger.resolve(ledger.forecasts()[0]["id"], "true", "https://example.org/yes")
    assert ledger.store(extraction(extractors={**VERSIONS, "forecasts": "forecasts.v2"})) == "updated"
    rows = ledger.forecasts()
    assert [r["outcome"] for r in rows] == ["true", None, None]
    assert ledger.counts()["forecasts"] == 3


def test_times_and_figures_are_stored_with_their_claims(ledger):
    times = ledger.times()
    assert [(t["text"], t["value"], t["claim_id"] is not None) for t in times] == [
        ("around February 24", "2023-02-24", True), ("by March", "2023-03", True), ("next year", "2024", False)]
    figure, = ledger.figure_rows()
    assert (figure["value"], figure["counted"], figure["speaker"]) == (500000.0, "soldier", "Oleksii Reznikov")
    shown = ledger.article(extraction().article.id)
    assert len(shown["times"]) == 3 and len(shown["figures"]) == 1 and len(shown["forecasts"]) == 3


def test_infinite_figures_are_stored_as_null(tmp_path):
    ex = extraction()
    ex.figures[0].value = float("inf")
    with Ledger(tmp_path / "inf.db") as ledger:
        ledger.store(ex)
        assert ledger.figure_rows()[0]["value"] is None


def test_a_v1_ledger_migrates_and_keeps_its_rows(tmp_path):
    from sayso.ledger import schema

    path = tmp_path / "old.db"
    conn = schema.connect(path)
    schema.migrate(conn, schema.MIGRATIONS[:1])
    conn.execute("INSERT INTO articles (id, text, ingested_at) VALUES ('a1', 'old text', 'then')")
    conn.close()
    with Ledger(path) as ledger:
        assert ledger.schema_version == schema.LATEST_VERSION
        assert ledger.counts()["articles"] == 1 and ledger.forecasts() == []
    assert sqlite3.connect(path).execute("SELECT text FROM articles").fetchone() == ("old text",)
