"""Forecasts, time expressions and figures in the ledger: status as of a date, resolutions, track records.

Extractions are built by hand (no spaCy), so these tests pin the ledger, not the extractors.
"""
from __future__ import annotations


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
def ledger(ledger_url):
    with Ledger(ledger_url("ledger")) as opened:
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
    ("2025", ["overdue", "overdue", "due"]),  # more than 365 days past the first two deadlines
])
def test_status_as_of_a_date(ledger, as_of, expected):
    assert [r["status"] for r in ledger.forecasts(as_of=as_of)] == expected


@pytest.mark.parametrize("as_of, stale_after, expected", [
    ("2023-03-15", 10, ["overdue", "open", "open"]),  # 2023-02-28 + 10 days < 2023-03-15
    ("2023-03-15", 15, ["due", "open", "open"]),  # exactly 15 days: still due
    ("2023-03-15", 0, ["overdue", "open", "open"]),
])
def test_stale_after_moves_due_to_overdue(ledger, as_of, stale_after, expected):
    assert [r["status"] for r in ledger.forecasts(as_of=as_of, stale_after=stale_after)] == expected


def open_ended(published: str = "2023-02-02", polarity: str = "positive") -> Extraction:
    """One forecast without a deadline ("prices will rise"), positive or negative."""
    text = "Analysts say prices will rise." if polarity == "positive" else "Analysts say prices will not rise."
    article = Article(text=text, published=published, date_precision="day", source="Wire")
    start = text.index("prices")
    f = Forecast(start, len(text) - 1, text[start:-1], None, "certain", polarity=polarity,
                 event="prices will rise")
    return Extraction(article, [], [], [], dict(VERSIONS), [], [], [f])


@pytest.mark.parametrize("published, as_of, stale_after, stale", [
    ("2023-02-02", "2023-06-01", 365, False),
    ("2023-02-02", "2024-02-03", 365, True),  # a year and a day on
    ("2023-02-02", "2023-06-01", 90, True),
    ("2023-02", "2023-03-05", 30, True),  # a month-precision date counts from its first day
])
def test_no_deadline_is_listed_apart_with_a_horizon(ledger_url, published, as_of, stale_after, stale):
    with Ledger(ledger_url("open")) as ledger:
        ledger.store(open_ended(published))
        row, = ledger.forecasts(as_of=as_of, stale_after=stale_after)
        assert row["status"] == "no-deadline" and row["stale"] is stale
        assert len(ledger.forecasts(as_of=as_of, stale_after=stale_after, stale=True)) == int(stale)
        assert len(ledger.forecasts(status="open", as_of=as_of)) == 0


def test_status_counts_cover_every_status(ledger):
    from sayso.ledger.forecasts import STATUSES, status_counts

    ledger.store(open_ended())
    ledger.resolve(ledger.forecasts()[0]["id"], "true", "https://example.org/yes")
    counts = status_counts(ledger.forecasts(as_of="2023-04-15", stale_after=30))
    assert set(STATUSES) <= set(counts)
    assert counts == {"open": 1, "due": 1, "overdue": 0, "no-deadline": 1, "resolved": 1, "stale": 1}
    counts = status_counts(ledger.forecasts(as_of="2023-06-15", stale_after=30))
    assert (counts["due"], counts["overdue"], counts["no-deadline"], counts["stale"]) == (0, 1, 1, 2)


def test_an_unknown_status_or_horizon_is_a_clear_error(ledger):
    with pytest.raises(LedgerError, match="unknown status"):
        ledger.forecasts(status="pending")
    with pytest.raises(LedgerError, match="stale-after"):
        ledger.forecasts(stale_after=-1)


@pytest.mark.parametrize("polarity, outcome, right", [
    ("positive", "true", 1.0), ("positive", "false", 0.0), ("positive", "partly", 0.5),
    ("negative", "true", 0.0),  # "prices will not rise", and they rose: wrong
    ("negative", "false", 1.0),  # ... and they did not: right
    ("negative", "partly", 0.5),
])
def test_a_negative_forecast_is_right_when_the_event_does_not_happen(ledger_url, polarity, outcome, right):
    with Ledger(ledger_url("polarity")) as ledger:
        ledger.store(open_ended(polarity=polarity))
        row, = ledger.forecasts()
        assert (row["polarity"], row["event"]) == (polarity, "prices will rise")
        ledger.resolve(row["id"], outcome, "https://example.org/prices")
        assert ledger.forecasts()[0]["correct"] == right
        record, = ledger.track_record()
        assert record["hit_rate"] == right and record["negative"] == int(polarity == "negative")
        assert record["brier"] == pytest.approx((HEDGING_PROBABILITY["certain"] - right) ** 2, abs=1e-3)


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


def test_infinite_figures_are_stored_as_null(ledger_url):
    ex = extraction()
    ex.figures[0].value = float("inf")
    with Ledger(ledger_url("inf")) as ledger:
        ledger.store(ex)
        assert ledger.figure_rows()[0]["value"] is None


def test_a_v2_ledger_gains_polarity_and_event(ledger_url):
    from sayso.ledger import schema

    path = ledger_url("v2")
    conn = schema.connect(path)
    schema.migrate(conn, schema.MIGRATIONS[:2])
    conn.execute("INSERT INTO articles (id, text, published, ingested_at) VALUES ('a1', 'X will rise.', '2023-01-01', 'then')")
    conn.execute("""INSERT INTO forecasts (forecast_key, article_id, span_start, span_end, text, hedging, status,
                    extractor) VALUES ('a1:0-11', 'a1', 0, 11, 'X will rise', 'certain', 'open', 'forecasts.v3')""")
    conn.close()
    with Ledger(path) as ledger:
        row, = ledger.forecasts(as_of="2023-02-01")
        assert (row["polarity"], row["event"], row["status"]) == ("positive", "X will rise", "no-deadline")


def test_a_v1_ledger_migrates_and_keeps_its_rows(ledger_url):
    from sayso.ledger import schema

    path = ledger_url("old")
    conn = schema.connect(path)
    schema.migrate(conn, schema.MIGRATIONS[:1])
    conn.execute("INSERT INTO articles (id, text, ingested_at) VALUES ('a1', 'old text', 'then')")
    conn.close()
    with Ledger(path) as ledger:
        assert ledger.schema_version == schema.LATEST_VERSION
        assert ledger.counts()["articles"] == 1 and ledger.forecasts() == []
    conn = schema.connect(path)
    assert tuple(conn.execute("SELECT text FROM articles").fetchone()) == ("old text",)
    conn.close()
