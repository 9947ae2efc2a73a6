"""Figures across articles in the ledger: grouped by what they measure, disagreements flagged.

Extractions are built by hand (no spaCy): this pins the ledger's use of the grouping.
"""
from __future__ import annotations

import pytest

from sayso.ledger import Ledger
from sayso.records import Article, Claim, Entity, Extraction, Figure, Span


def article(text: str, published: str, figures: list[tuple[str, float, str, str | None]],
            speaker: str | None = None) -> Extraction:
    """One article; each figure is (words in the text, value, counted thing, event)."""
    art = Article(text=text, published=published, date_precision="day", source="Wire")
    claims, entities = [], []
    if speaker:
        start = text.index(speaker)
        claims.append(Claim([Span.of(text, 0, len(text))], None, Span.of(text, start, start + len(speaker)),
                            "indirect", speaker_key="s"))
        entities.append(Entity("s", speaker))
    figs = []
    for words, value, counted, event in figures:
        start = text.index(words)
        figs.append(Figure(start, start + len(words), words, value, unit="people", counted=counted,
                           subject="Russia", event=event, claim_index=0 if speaker else None))
    return Extraction(art, claims, entities, [], {"figures": "figures.v1"}, figures=figs)


@pytest.fixture
def ledger(ledger_url):
    with Ledger(ledger_url("l")) as opened:
        opened.store(article("Reznikov said Russia mobilised 500,000 soldiers and 200 tanks.", "2023-02-02",
                             [("500,000 soldiers", 500000, "soldier", "mobilisation"), ("200 tanks", 200, "tank", None)],
                             speaker="Reznikov"))
        opened.store(article("Russia mobilised 300,000 soldiers, the Kremlin said.", "2023-02-03",
                             [("300,000 soldiers", 300000, "soldier", "mobilisation")]))
        opened.store(article("Russia mobilised 510,000 soldiers, an analyst wrote.", "2023-02-04",
                             [("510,000 soldiers", 510000, "soldier", "mobilisation")]))
        yield opened


def test_disputed_group_lists_each_value_with_its_source(ledger):
    rows = ledger.figures(disputed=True)
    assert sorted(r["value"] for r in rows) == [300000, 500000, 510000]
    assert {r["speaker"] for r in rows} == {"Reznikov", "(the publication)"}
    assert len({r["group"] for r in rows}) == 1 and all(r["published"] for r in rows)


def test_unrelated_figures_are_not_in_the_disputed_group(ledger):
    tanks = [r for r in ledger.figures() if r["text"] == "200 tanks"]
    assert len(tanks) == 1 and not tanks[0]["disputed"]


@pytest.mark.parametrize("search, n", [("soldier", 3), ("tank", 1), ("drones", 0)])
def test_search(ledger, search, n):
    assert len(ledger.figures(search=search)) == n


def test_an_articles_figures_are_stored_in_order_with_unstorable_text_replaced(ledger_url):
    """Figures go in as one statement (executemany): every row, in text order, a lone surrogate in a
    field (what a bad byte becomes) replaced as a single row's would be."""
    extraction = article("Kyiv counted 12 drones, 30 missiles and 4 jets.", "2023-03-01",
                         [("12 drones", 12, "drone", None), ("30 missiles", 30, "missile", None),
                          ("4 jets", 4, "jet", None)])
    extraction.figures[1] = Figure(extraction.figures[1].start, extraction.figures[1].end, "30 missiles",
                                   30, unit="people", counted="missile", subject="Russia \ud800")
    with Ledger(ledger_url("order")) as opened:
        opened.store(extraction)
        rows = opened._conn.execute("SELECT text, value, subject FROM figures ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [("12 drones", 12, "Russia"), ("30 missiles", 30, "Russia \ufffd"),
                                        ("4 jets", 4, "Russia")]
