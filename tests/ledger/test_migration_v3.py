"""Migration 4 (ids re-hashed, versions, FTS as datasette finds it) and metadata versions."""
from __future__ import annotations

import dataclasses
import sqlite3

from sayso.ledger import Ledger
from sayso.ledger import schema
from sayso.records import Article, content_hash

from tests.ledger.test_forecasts import TEXT, extraction


def v2_ledger(path) -> None:
    """A ledger at schema v3 holding the same text twice under raw-text ids (the old rule): stored
    with today's code, then migration 4 undone by hand."""
    with Ledger(path) as ledger:
        ledger.store(extraction())
        ledger.resolve(1, "true", "https://example.org/x", who="t")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    for name, kind in conn.execute("SELECT name, type FROM sqlite_master WHERE type IN ('view', 'trigger')").fetchall():
        conn.execute(f"DROP {kind} {name}")
    for index in ("idx_claims_speaker_mention", "idx_figures_claim", "idx_forecasts_claim", "idx_forecasts_time"):
        conn.execute(f"DROP INDEX {index}")
    conn.execute("DROP TABLE article_versions")
    for table in ("event_links", "events", "place_mentions", "places"):  # migration 5
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DROP TABLE claims_fts")
    conn.execute("DROP TABLE articles_fts")
    conn.execute("ALTER TABLE articles DROP COLUMN author")
    conn.execute("ALTER TABLE forecasts DROP COLUMN polarity")  # (migration 6 adds them again)
    conn.execute("ALTER TABLE forecasts DROP COLUMN event")
    conn.execute("ALTER TABLE articles DROP COLUMN speaker")
    for statement in schema._V1_FTS:
        conn.execute(statement)
    conn.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
    for statement in schema._V3_ARTICLES_FTS:
        conn.execute(statement)
    new = content_hash(TEXT)
    for table in ("mentions", "claims", "entity_roles", "time_exprs", "figures", "forecasts"):
        conn.execute(f"UPDATE {table} SET article_id = 'old1'")
    conn.execute("UPDATE articles SET id = 'old1'")
    conn.execute("UPDATE forecasts SET forecast_key = replace(forecast_key, ?, 'old1')", (new,))
    conn.execute("UPDATE resolutions SET forecast_key = replace(forecast_key, ?, 'old1')", (new,))
    conn.execute("""INSERT INTO articles (id, title, text, published, date_precision, url, extractors, ingested_at)
                    VALUES ('old2', 'copy', ?, '2023-02-03', 'day', 'https://copy.example', '{}', '2099-01-01')""",
                 (TEXT + "\r\n\r\n",))
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()


def test_migration_4_rehashes_ids_everywhere_and_folds_copies(tmp_path):
    path = tmp_path / "old.db"
    v2_ledger(path)
    with Ledger(path) as ledger:
        assert ledger.schema_version == schema.LATEST_VERSION
        (article,) = ledger.articles()
        assert article["id"] == content_hash(TEXT)
        found = ledger.article(article["id"])
        assert found["claims"] and found["forecasts"] and found["times"]
        assert [v["url"] for v in found["versions"]] == ["https://copy.example"]
        (resolution,) = ledger.resolutions()
        assert resolution["forecast_key"].startswith(article["id"] + ":") and resolution["forecast_id"] is not None
        assert ledger.forecasts()[0]["outcome"] == "true"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT COUNT(*) FROM articles WHERE id LIKE 'old%'").fetchone() == (0,)


def test_search_survives_the_new_fts_declaration(ledger_url):
    with Ledger(ledger_url("l")) as ledger:
        ledger.store(extraction())
        assert [c["content"] for c in ledger.claims(search="offensive")] == [
            "Russia will launch an offensive around February 24"]
        assert ledger.claims(search="") == ledger.claims(search=" ") == []


def test_author_and_speaker_are_stored_and_kept_for_reextraction(ledger_url):
    ex = extraction()
    ex = dataclasses.replace(ex, article=dataclasses.replace(ex.article, author="Kyiv Desk", speaker="Oleksii Reznikov"))
    with Ledger(ledger_url("l")) as ledger:
        ledger.store(ex)
        (article,) = ledger.articles()
        assert (article["author"], article["speaker"]) == ("Kyiv Desk", "Oleksii Reznikov")
        (stale,) = ledger.stale_articles({"other": "versions"})
        assert (stale.author, stale.speaker, stale.id) == ("Kyiv Desk", "Oleksii Reznikov", ex.article.id)


def test_record_metadata_same_recorded_dated(ledger_url):
    with Ledger(ledger_url("l")) as ledger:
        ledger.store(extraction())
        article = extraction().article
        assert ledger.record_metadata(article) == "same"
        moved = dataclasses.replace(article, url="https://elsewhere.example", id=article.id)
        assert ledger.record_metadata(moved) == "recorded"
        assert ledger.record_metadata(moved) == "recorded"
        assert len(ledger.article(article.id)["versions"]) == 1
        assert ledger.record_metadata(Article(text="never stored", published="2024-01-01")) == "same"
    with Ledger(ledger_url("u")) as ledger:
        ledger.store(extraction(published=None))
        dated = dataclasses.replace(extraction().article, published="2023-02-02")
        assert ledger.record_metadata(dated) == "dated"
        assert ledger.stored_extractors(dated.id) == {}  # stale: extracted again against the date
