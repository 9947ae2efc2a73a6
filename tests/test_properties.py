"""Property-based tests (hypothesis) over the whole extraction and every ledger query.

A fixed budget (``max_examples``, derandomised) keeps CI's time steady; the readers have their
own properties in tests/sources/test_properties.py. Properties:

- extraction: any text (news-like pieces mixed with hostile characters) gives an extraction,
  never an exception, and every record's offsets lie inside the text and match it;
- ledger: any value given to any query or to ``resolve`` returns records or raises
  ``LedgerError`` (a one-line message), never anything else; nothing is written on an error.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from sayso.ledger import Ledger, LedgerError
from sayso.records import Article, Extraction

BUDGET = settings(max_examples=40, deadline=None, derandomize=True,
                  suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
QUERY_BUDGET = settings(max_examples=150, deadline=None, derandomize=True,
                        suppress_health_check=[HealthCheck.function_scoped_fixture])

PIECES = [
    '"We will strike on Monday," union leader Ana Ruiz said.', "The ministry said 12,000 workers joined.",
    "According to the Red Cross, about 3,200 people were evacuated.", "He told BFMTV that prices may rise by 5%.",
    "Defence Minister Oleksii Reznikov expects an offensive by March 2023.", "“It is over”, she said.",
    "Officials said last year's harvest fell to 9.2 million tonnes.", "'No': Ministry.", "\n", "\n\n", " ",
    "$1.2bn", "1e999", "½", "二〇二三年", "\u202e", "\x1b[2J", "\ufeff", "\u00ad", "…", "—", "'", '"', ":",
    "9" * 60, "Mr.", "U.S.", "said", "told", "will", "if",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=1, max_size=14).map("".join)
texts = texts.filter(lambda t: t.strip())
dates = st.sampled_from([None, "2023-02-14", "2023-02", "2023"])


def spans_of(ex: Extraction):
    """(what, start, end, text) of every span any record of the extraction carries."""
    for c in ex.claims:
        for s in [*c.content, c.cue, c.speaker]:
            if s is not None:
                yield "claim", s.start, s.end, s.text
    for kind in ("mentions", "times", "figures", "forecasts"):
        for r in getattr(ex, kind):
            yield kind, r.start, r.end, r.text
    for f in ex.forecasts:
        for s in (f.cue, f.condition):
            if s is not None:
                yield "forecast part", s.start, s.end, s.text


@BUDGET
@given(text=texts, published=dates)
def test_any_text_extracts_with_offsets_that_match(nlp, text, published):
    from sayso.pipeline import extract_articles

    article = Article(text=text, published=published, date_precision="day" if published else "unknown")
    (result,) = extract_articles([article])
    assert isinstance(result, Extraction), result
    for what, start, end, piece in spans_of(result):
        assert 0 <= start <= end <= len(text), (what, start, end)
        assert text[start:end] == piece, (what, start, end, piece)
    for f in result.figures:
        assert f.claim_index is None or 0 <= f.claim_index < len(result.claims)
    keys = {e.key for e in result.entities}
    assert all(m.entity_key in keys for m in result.mentions)


# -- every ledger query -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    from tests.ledger.test_forecasts import extraction

    path = tmp_path_factory.mktemp("props") / "l.db"
    with Ledger(path) as ledger:
        ledger.store(extraction())
        yield ledger


hostile = st.one_of(st.none(), st.text(max_size=40), st.sampled_from(
    ["", " ", "*", '"', "NEAR(", "a AND", "%", "_", "\\", "2023-02-30", "2023-13", "9999-99-99", "0000",
     "\ud800", "x" * 2000, "'; DROP TABLE claims; --", "Reznikov", "2023-02", "2023-02-02T10:00"]))
ints = st.one_of(st.none(), st.integers(min_value=-(2**70), max_value=2**70))


def allowed(call):
    """Run ``call``: its records, or None when it raised LedgerError; any other exception fails."""
    try:
        return call()
    except LedgerError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None


@QUERY_BUDGET
@given(speaker=hostile, search=hostile, since=hostile, until=hostile, article=hostile,
       limit=st.one_of(st.none(), st.integers(0, 2**63 - 1)), offset=st.integers(0, 2**63 - 1))
def test_claims_query_never_fails_unexpectedly(ledger, speaker, search, since, until, article, limit, offset):
    rows = allowed(lambda: ledger.claims(speaker, search, since, until, article, limit, offset))
    assert rows is None or all(isinstance(r["id"], int) for r in rows)


@QUERY_BUDGET
@given(speaker=hostile, due_before=hostile, status=hostile, as_of=hostile, search=hostile, ref=hostile)
def test_other_queries_never_fail_unexpectedly(ledger, speaker, due_before, status, as_of, search, ref):
    allowed(lambda: ledger.forecasts(speaker, due_before, status, as_of))
    allowed(lambda: ledger.track_record(speaker, as_of))
    allowed(lambda: ledger.figures(search=search, disputed=bool(speaker)))
    allowed(lambda: ledger.figure_rows(search))
    allowed(lambda: ledger.times(ref))
    if ref is not None:
        allowed(lambda: ledger.article(ref))


@QUERY_BUDGET
@given(forecast_id=ints, outcome=hostile, evidence=hostile, note=hostile)
def test_resolve_writes_only_what_is_valid(ledger, forecast_id, outcome, evidence, note):
    before = ledger.counts()["resolutions"]
    result = allowed(lambda: ledger.resolve(forecast_id, outcome, evidence, note=note, who="prop"))
    assert ledger.counts()["resolutions"] == before + (result is not None)


@pytest.mark.parametrize("records", ["articles", "entities", "claims", "figures", "times", "forecasts", "resolutions"])
def test_every_listing_reads(ledger, records):
    assert list(ledger.rows(records)) is not None
