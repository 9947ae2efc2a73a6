"""Migration 9's query paths (issue 15): the trigram candidates, the two plans of a page of claims and
the status filter in SQL return exactly the rows of the plain queries.

Extractions are built by hand (no spaCy): claims of linked speakers (one with a Cyrillic name, one
of two letters), claims whose speaker is only words ("officials"), spread over several dates.
"""
from __future__ import annotations

import pytest

from sayso.ledger import Ledger, queries
from sayso.ledger.sql import Where
from sayso.records import Article, Claim, Entity, Extraction, Span

SPEAKERS = [("Oleksii Reznikov", "Defence Minister"), ("Володимир Зеленський", "President"), ("Li Wei", None),
            ("Anna O'Neil-Smith", "analyst"), ("Ministry of Finance", None)]
UNLINKED = ["officials", "a spokesman for Reznikov", "traders", "O'Neil watchers"]
WORDS = ["prices will rise", "the offensive began", "oil output fell", "talks resume in May", "wheat exports grew"]


def _article(i: int) -> Extraction:
    linked = SPEAKERS[i % len(SPEAKERS)]
    sentences = [f"{linked[0]} said {WORDS[i % 5]} number {i}.", f"{UNLINKED[i % 4]} said {WORDS[(i + 2) % 5]}.",
                 f"{linked[0]} also said {WORDS[(i + 3) % 5]} again."]
    text = " ".join(sentences)
    article = Article(text=text, published=f"2023-{1 + i % 12:02d}-{1 + i % 27:02d}" if i % 9 else None,
                      date_precision="day", source="Wire")
    claims = []
    for n, sentence in enumerate(sentences):
        start = text.index(sentence)
        speaker_text = sentence.split(" said")[0].removesuffix(" also")
        cue = text.index("said", start)
        content = Span.of(text, cue + 5, start + len(sentence) - 1)
        claims.append(Claim([content], Span.of(text, cue, cue + 4), Span.of(text, start, start + len(speaker_text)),
                            "indirect", speaker_key=None if n == 1 else "s"))
    entities = [Entity("s", linked[0], role=linked[1], kind="org" if "Ministry" in linked[0] else "person")]
    return Extraction(article, claims, entities, [], {"claims": "claims.test"})


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    with Ledger(tmp_path_factory.mktemp("scale") / "l.db") as opened:
        for i in range(60):
            opened.store(_article(i))
        yield opened


def _plain(ledger, speaker=None, search=None, limit=None, offset=0) -> list[dict]:
    """The claims query as it was before migration 9: the LIKE conditions over every row, one statement."""
    where = Where()
    if speaker:
        words, key = speaker.strip().lower(), queries.name_key(speaker) or queries.ascii_fold(speaker)
        lowered, keyed = queries.like(words), queries.like(key)
        where.add(queries.entity_match("c.speaker_entity_id", "c.speaker_text"), lowered, keyed, lowered, keyed,
                  lowered)
    if search is not None:
        where.add("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)", queries.fts_query(search))
    sql = queries._CLAIM_SELECT + where.sql() + queries._CLAIM_ORDER + " LIMIT ? OFFSET ?"
    rows = ledger._conn.execute(sql, [*where.params, -1 if limit is None else limit, offset])
    return [queries.claim_dict(row) for row in rows]


QUERIES = [
    {"speaker": "Reznikov"},  # linked, and in an unlinked speaker's words
    {"speaker": "reznikov"},
    {"speaker": "Oleksiy Reznikov"},  # another transliteration: the key matches
    {"speaker": "Зеленський"},
    {"speaker": "Zelenskyi"},  # the Cyrillic name's key
    {"speaker": "Li"},  # shorter than a trigram: the plain conditions
    {"speaker": "Li Wei"},
    {"speaker": "O'Neil"},  # in a linked name and in unlinked words
    {"speaker": 'say "no'},  # quotes in the name: nobody
    {"speaker": "officials"},
    {"speaker": "100%"},  # a LIKE wildcard: nobody
    {"speaker": "Nobody Here"},
    {"search": "prices"},
    {"search": "oil output", "speaker": "ministry"},
]


@pytest.mark.parametrize("plan", ["_WALKED_IDS", "_SORTED_IDS"])
@pytest.mark.parametrize("page", [(None, 0), (5, 0), (7, 3), (50, 40)])
@pytest.mark.parametrize("query", QUERIES, ids=[str(q) for q in QUERIES])
def test_claims_pages_are_the_plain_rows(ledger, query, page, plan, monkeypatch):
    for name in ("_WALKED_IDS", "_SORTED_IDS"):  # this plan only
        monkeypatch.setattr(queries, name, getattr(queries, plan))
    limit, offset = page
    assert ledger.claims(**query, limit=limit, offset=offset) == _plain(ledger, **query, limit=limit, offset=offset)


def test_the_walk_takes_over_when_the_sort_runs_out_of_steps(ledger, monkeypatch):
    monkeypatch.setattr(queries, "SORTED_FIRST_STEPS", 0)
    statements: list[str] = []
    ledger._conn.set_trace_callback(statements.append)
    try:
        page = ledger.claims(speaker="Reznikov", limit=10, offset=5)
    finally:
        ledger._conn.set_trace_callback(None)
    assert page == _plain(ledger, speaker="Reznikov", limit=10, offset=5) and len(page) == 10
    assert any("CROSS JOIN claims" in s for s in statements)  # the walk ran (the sort was interrupted)
    assert ledger.claims(search="wheat", limit=3)  # the progress handler is gone: nothing else is interrupted


def test_the_queries_find_something(ledger):
    """The table above is not all empty pages: each kind of match finds its claims."""
    found = {q.get("speaker") or q["search"]: len(_plain(ledger, **q)) for q in QUERIES}
    assert found["Reznikov"] == 24 + 15  # 12 articles x 2 linked claims, and 15 articles' unlinked words
    assert found["Зеленський"] == found["Zelenskyi"] == 24
    assert found["Li"] == found["Li Wei"] == 24
    assert found["O'Neil"] == 24 + 15
    assert found['say "no'] == found["100%"] == found["Nobody Here"] == 0
    assert found["officials"] == 15


def test_the_indexes_follow_merges_renames_and_re_extraction(ledger, tmp_path):
    with Ledger(tmp_path / "m.db") as other:
        for i in range(10):
            other.store(_article(i))
        other.merge_entities("Oleksii Reznikov", "Li Wei")
        other._conn.execute("UPDATE claims SET speaker_entity_id = NULL WHERE speaker_text = 'Anna O''Neil-Smith'")
        other._conn.execute("UPDATE entities SET name = 'Anna Smith-Jones' WHERE name = 'Anna O''Neil-Smith'")
        other._conn.execute("DELETE FROM articles WHERE id = ?", (_article(2).article.id,))
        for name in ("Reznikov", "Li Wei", "O'Neil", "Smith-Jones", "officials", "Зеленський"):
            assert other.claims(speaker=name, limit=100) == _plain(other, speaker=name), name
        integrity = other._conn.execute("INSERT INTO entity_names_fts(entity_names_fts) VALUES ('integrity-check')")
        assert integrity.fetchall() == []


@pytest.fixture(scope="module")
def pg_ledger(tmp_path_factory):
    """The same 60 articles in a PostgreSQL ledger (skipped without $SAYSO_TEST_PG)."""
    from tests.conftest import PgSchemas, pg_url_or_skip

    schemas = PgSchemas(pg_url_or_skip())
    try:
        with Ledger(schemas.url("scale_pg")) as opened:
            for i in range(60):
                opened.store(_article(i))
            yield opened
    finally:
        schemas.drop()


PG_QUERIES = QUERIES + [{"search": "said"}, {"search": "wheat", "since": "2023-06"}, {"search": "number 7"},
                        {"search": "again", "speaker": "Li"}, {"search": "no such words"}]


@pytest.mark.parametrize("walk_rows", [0, 5, 40, 10_000])  # never, too few, some pages, every claim
@pytest.mark.parametrize("page", [(5, 0), (7, 3), (50, 40)])
@pytest.mark.parametrize("query", PG_QUERIES, ids=[str(q) for q in PG_QUERIES])
def test_postgresql_pages_are_the_sqlite_pages(ledger, pg_ledger, query, page, walk_rows, monkeypatch):
    """PostgreSQL's page (claims' own date column, a search walked first) is SQLite's, whatever
    the walk finds."""
    monkeypatch.setattr(queries, "PG_WALK_ROWS", walk_rows)
    limit, offset = page
    assert pg_ledger.claims(**query, limit=limit, offset=offset) == ledger.claims(**query, limit=limit, offset=offset)
