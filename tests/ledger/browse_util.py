"""A small ledger built by hand (no spaCy) for the tests of the web reads and the web view.

Sentences of our own: a union leader and a ministry disagree on a strike count (a disputed
figure), forecasts with and without a deadline, an undated note, and an article whose text,
title, source and URL carry script-injection payloads and HTML entities.
"""
from __future__ import annotations

from pathlib import Path

from sayso.ledger import Ledger
from sayso.records import Article, Claim, Entity, Extraction, Figure, Forecast, Span, TimeExpr

VERSIONS = {"claims": "claims.v1", "speakers": "speakers.v1", "times": "times.v1", "figures": "figures.v1",
            "forecasts": "forecasts.v1"}

STRIKE = ('Union leader Ana Costa said the strike will spread to the rail depots by the end of the month. '
          '"We will not go back for less," Costa told Radio Porto. '
          'The union said 40,000 workers joined the strike at the ports.')
MINISTRY = ('The Ministry of Labour said 12,000 workers joined the strike at the ports. '
            'Minister Leo Brandt expects talks to resume next week. Analysts said prices may rise.')
NOTE = "A note without a date: the harbour office opens at nine."
PAYLOAD_TITLE = '<script>alert("title")</script> Payload & "quotes"'
PAYLOAD = ('Mallory posted <script>window.__sayso_pwned = 1</script> and '
           '<img src=x onerror="window.__sayso_pwned = 2"> online. '
           '"Click <a href=\'javascript:window.__sayso_pwned = 3\'>here</a> &amp; see &lt;b&gt;bold&lt;/b&gt;," '
           'Mallory said.')


def at(text: str, piece: str, after: int = 0) -> Span:
    start = text.index(piece, after)
    return Span.of(text, start, start + len(piece))


def strike_article() -> Extraction:
    t = STRIKE
    article = Article(text=t, title="Port workers strike over pay", published="2024-03-04", date_precision="day",
                      source="Harbour Times", url="https://news.example.org/strike")
    claims = [
        Claim([at(t, "the strike will spread to the rail depots by the end of the month")], at(t, "said"),
              at(t, "Union leader Ana Costa"), "indirect", speaker_key="costa"),
        Claim([at(t, '"We will not go back for less,"')], at(t, "told"), at(t, "Costa", 40), "direct",
              channel="Radio Porto", speaker_key="costa"),
        Claim([at(t, "40,000 workers joined the strike at the ports")], at(t, "said", 100), at(t, "The union"),
              "indirect", speaker_key="union"),
    ]
    entities = [Entity("costa", "Ana Costa", role="Union leader", affiliation="Dock Union", aliases=["Costa"]),
                Entity("union", "Dock Union", kind="org")]
    deadline = at(t, "by the end of the month")
    times = [TimeExpr(deadline.start, deadline.end, deadline.text, "DATE", "2024-03", "2024-03-04", "2024-03-31")]
    count = at(t, "40,000 workers")
    figures = [Figure(count.start, count.end, count.text, 40000.0, unit="people", counted="worker", event="strike",
                      subject="the ports", claim_index=2)]
    spread = at(t, "the strike will spread to the rail depots by the end of the month")
    forecasts = [Forecast(spread.start, spread.end, spread.text, at(t, "will"), "certain", "2024-03-04",
                          "2024-03-31", time_index=0, claim_index=0, predictor_key="costa")]
    return Extraction(article, claims, entities, [], dict(VERSIONS), times, figures, forecasts)


def ministry_article() -> Extraction:
    t = MINISTRY
    article = Article(text=t, title="Ministry counts 12,000 strikers", published="2024-03-06", date_precision="day",
                      source="Capital Daily")
    claims = [
        Claim([at(t, "12,000 workers joined the strike at the ports")], at(t, "said"), at(t, "The Ministry of Labour"),
              "indirect", speaker_key="ministry"),
        Claim([at(t, "talks to resume next week")], at(t, "expects"), at(t, "Minister Leo Brandt"), "indirect",
              speaker_key="brandt"),
        Claim([at(t, "prices may rise")], at(t, "said", 100), at(t, "Analysts"), "indirect"),
    ]
    entities = [Entity("ministry", "Ministry of Labour", kind="org"),
                Entity("brandt", "Leo Brandt", role="Minister", affiliation="Ministry of Labour")]
    week = at(t, "next week")
    times = [TimeExpr(week.start, week.end, week.text, "DATE", "2024-W11", "2024-03-11", "2024-03-17")]
    count = at(t, "12,000 workers")
    figures = [Figure(count.start, count.end, count.text, 12000.0, unit="people", counted="worker", event="strike",
                      subject="the ports", claim_index=0)]
    talks, prices = at(t, "talks to resume next week"), at(t, "prices may rise")
    forecasts = [
        Forecast(talks.start, talks.end, talks.text, at(t, "expects"), "likely", "2024-03-11", "2024-03-17",
                 time_index=0, claim_index=1, predictor_key="brandt"),
        Forecast(prices.start, prices.end, prices.text, at(t, "may"), "possible", claim_index=2),
    ]
    return Extraction(article, claims, entities, [], dict(VERSIONS), times, figures, forecasts)


def note_article() -> Extraction:
    return Extraction(Article(text=NOTE, title="Harbour office hours"), extractors=dict(VERSIONS))


def payload_article() -> Extraction:
    t = PAYLOAD
    article = Article(text=t, title=PAYLOAD_TITLE, published="2024-03-08", date_precision="day",
                      source="<b>Evil Wire</b>", url="javascript:window.__sayso_pwned = 4")
    said = t.rindex("said")
    quote_start = t.index('"Click')
    quote_end = t.index('," ') + 2
    claims = [Claim([Span.of(t, quote_start, quote_end)], Span.of(t, said, said + 4),
                    Span.of(t, said - 8, said - 1), "direct", speaker_key="m")]
    entities = [Entity("m", "Mallory <b>Bold</b>", aliases=["Mallory"])]
    return Extraction(article, claims, entities, [], dict(VERSIONS))


def build_ledger(path: Path) -> dict:
    """Store the four articles in a new ledger at ``path``; return their ids by name."""
    made = {"strike": strike_article(), "ministry": ministry_article(), "note": note_article(),
            "payload": payload_article()}
    with Ledger(path) as ledger:
        for ex in made.values():
            ledger.store(ex)
    return {name: ex.article.id for name, ex in made.items()}
