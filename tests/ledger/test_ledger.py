"""The ledger: round trips, idempotence, updates, atomicity, search, dates, linking, migrations.

Extractions are built by hand (no spaCy): each quote is found in the text by
substring, so offsets are always real.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from sayso import shapes
from sayso.ledger import Ledger, LedgerError, queries, schema
from sayso.ledger import store as ledger_store
from sayso.records import Article, Claim, Entity, Extraction, Mention, Span

V1 = {"claims": "claims.v1", "speakers": "speakers.v1"}
V2 = {"claims": "claims.v2", "speakers": "speakers.v1"}


@dataclass
class Quote:
    """A hand-written claim: speaker surface text, cue, content pieces, entity key."""

    speaker: str | None
    cue: str
    content: tuple[str, ...]
    key: str | None = None
    kind: str = "direct"
    channel: str | None = None


def span(text: str, piece: str, after: int = 0) -> Span:
    start = text.index(piece, after)
    return Span.of(text, start, start + len(piece))


def make(text: str, quotes: list[Quote], entities: list[Entity], *, published=None,
         precision="unknown", title="", url=None, extractors=V1, source="Test Wire") -> Extraction:
    """An Extraction whose spans are found in ``text``; one mention per quoted speaker."""
    article = Article(text=text, title=title, published=published, date_precision=precision,
                      url=url, source=source)
    claims, mentions = [], []
    for q in quotes:
        speaker = span(text, q.speaker) if q.speaker else None
        parts = [span(text, piece) for piece in q.content]
        cue = span(text, q.cue, speaker.end if speaker else 0)
        claims.append(Claim(parts, cue, speaker, q.kind, q.channel, q.key))
        if speaker and q.key:
            mentions.append(Mention(speaker.start, speaker.end, speaker.text, q.key))
    return Extraction(article, claims, entities, mentions, dict(extractors))


def zelensky_article(spelling="Volodymyr Zelenskyy", published="2023-02-10", **kw) -> Extraction:
    text = (f'{spelling} said on Friday that "we will win this war". '
            f'Reporters asked about the counter-offensive; {spelling.split()[-1]} told BFMTV '
            f'that sanctions against Russia must "hurt more".')
    quotes = [
        Quote(spelling, "said", ("we will win this war",), "z"),
        Quote(spelling.split()[-1], "told", ("sanctions against Russia must", "hurt more"), "z",
              kind="mixed", channel="BFMTV"),
    ]
    entities = [Entity("z", spelling, role="President", affiliation="Ukraine")]
    return make(text, quotes, entities, published=published, precision="day",
                title=f"{spelling} speaks", url=f"https://news.example/{spelling}/{published}", **kw)


def person_article(name: str, said: str, published: str, precision="day", role=None, aliases=()) -> Extraction:
    text = f'{name} said: "{said}" Nobody else spoke.'
    quotes = [Quote(name, "said", (said,), "p")]
    entities = [Entity("p", name, role=role, aliases=list(aliases))]
    return make(text, quotes, entities, published=published, precision=precision,
                url=f"file:///corpus/{name}-{published}.txt")


@pytest.fixture
def ledger(ledger_url):
    with Ledger(ledger_url("ledger")) as opened:
        yield opened


# -- round trip --------------------------------------------------------------------------

def test_store_and_read_back_a_claim(ledger):
    ex = zelensky_article()
    assert ledger.store(ex) == "new"
    first, second = ledger.claims()
    text = ex.article.text
    assert first["speaker"] == "Volodymyr Zelenskyy"
    assert first["content"] == "we will win this war"
    assert text[first["content_start"]:first["content_end"]] == first["content"]
    assert first["cue"] == "said" and first["kind"] == "direct"
    assert first["role"] == "President" and first["affiliation"] == "Ukraine"
    assert (first["article_id"], first["published"]) == (ex.article.id, "2023-02-10")
    assert second["channel"] == "BFMTV" and second["kind"] == "mixed"
    assert [text[s:e] for s, e in second["parts"]] == ["sanctions against Russia must", "hurt more"]
    assert second["speaker_id"] == first["speaker_id"]
    assert second["speaker_text"] == "Zelenskyy"


LEDGER_CONTEXT = {"id", "article_id", "title", "published", "date_precision", "url", "source", "speaker_id",
                  "speaker_mention_id", "speaker_kind", "role", "affiliation"}


def test_one_claim_shape_for_listing_export_and_show(ledger):
    ledger.store(zelensky_article())
    listed, exported = ledger.claims(), list(ledger.export_rows())
    shown = ledger.article(zelensky_article().article.id)["claims"]
    assert len(exported) == 2 and listed == exported == shown
    assert set(listed[0]) == set(shapes.CLAIM_FIELDS) | LEDGER_CONTEXT
    text = zelensky_article().article.text
    assert text[listed[0]["speaker_start"]:listed[0]["speaker_end"]] == "Volodymyr Zelenskyy"
    assert text[listed[0]["cue_start"]:listed[0]["cue_end"]] == "said"
    assert listed[0]["speaker_mention_id"] is not None


def test_an_extracted_claim_has_the_same_shape_with_its_local_key(ledger):
    ex = zelensky_article()
    fresh = shapes.extraction(ex)["claims"]
    ledger.store(ex)
    stored = ledger.claims()
    assert [set(c) for c in fresh] == [set(shapes.CLAIM_FIELDS) | {"speaker_key"}] * 2
    assert [{k: c[k] for k in shapes.CLAIM_FIELDS} for c in fresh] == [
        {k: c[k] for k in shapes.CLAIM_FIELDS} for c in stored]


def test_claim_without_speaker_key_keeps_its_span(ledger):
    text = 'A senior official said "talks will resume".'
    ex = make(text, [Quote("A senior official", "said", ("talks will resume",))], [])
    ledger.store(ex)
    (claim,) = ledger.claims()
    assert claim["speaker"] == claim["speaker_text"] == "A senior official"
    assert claim["speaker_id"] is None
    assert ledger.counts()["entities"] == 0


def test_claim_without_speaker_or_cue(ledger):
    text = '"Everything is fine," the statement read.'
    ex = make(text, [], [])
    ex.claims.append(Claim([span(text, "Everything is fine,")], None, None, "direct"))
    ledger.store(ex)
    (claim,) = ledger.claims()
    assert claim["speaker"] is None and claim["cue"] is None


def test_counts_and_article_lookup(ledger):
    ex = zelensky_article()
    ledger.store(ex)
    assert ledger.counts() == {"articles": 1, "claims": 2, "entities": 1, "mentions": 2, "time_exprs": 0,
                               "figures": 0, "forecasts": 0, "resolutions": 0, "failures": 0}
    for ref in (ex.article.id, ex.article.id[:6], ex.article.url):
        found = ledger.article(ref)
        assert found["id"] == ex.article.id
    found = ledger.article(ex.article.id)
    assert found["text"] == ex.article.text and found["extractors"] == V1
    assert len(found["claims"]) == 2
    assert set(found["claims"][0]) == set(shapes.CLAIM_FIELDS) | LEDGER_CONTEXT  # offsets for highlighting
    assert [m["text"] for m in found["mentions"]] == ["Volodymyr Zelenskyy", "Zelenskyy"]
    assert found["mentions"][0]["entity"] == "Volodymyr Zelenskyy"


@pytest.mark.parametrize("ref", ["", "zzzz", "not/a/path.txt"])
def test_article_lookup_misses(ledger, ref):
    ledger.store(zelensky_article())
    assert ledger.article(ref) is None


def test_ambiguous_id_prefix_finds_nothing(ledger):
    ids = set()
    for n in range(40):  # 40 articles: some pair shares a first hex digit
        ex = person_article(f"Person{n} Name", "hello", "2023-01-01")
        ledger.store(ex)
        ids.add(ex.article.id)
    shared = next(p for p in "0123456789abcdef" if sum(i.startswith(p) for i in ids) > 1)
    assert ledger.article(shared) is None


def test_article_lookup_by_relative_path(ledger, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.txt"
    ex = person_article("Ada Lovelace", "numbers", "1843-01-01")
    ex = Extraction(Article(ex.article.text, url=str(path)), ex.claims, ex.entities, ex.mentions, V1)
    ledger.store(ex)
    assert ledger.article("a.txt")["id"] == ex.article.id


# -- idempotence, update, atomicity ------------------------------------------------------

def test_restoring_the_same_extraction_changes_nothing(ledger):
    ex = zelensky_article()
    assert ledger.store(ex) == "new"
    before = ledger.counts()
    claims_before = ledger.claims()
    assert ledger.store(ex) == "unchanged"
    assert ledger.stored_extractors(ex.article.id) == V1
    with Ledger(ledger.path) as again:
        assert again.store(zelensky_article()) == "unchanged"
        assert again.counts() == before
    assert ledger.counts() == before and ledger.claims() == claims_before


def test_stored_extractors_absent_is_none(ledger):
    assert ledger.stored_extractors("0123456789abcdef") is None


def test_updated_replaces_only_that_articles_rows(ledger, ledger_url):
    other = person_article("Oleksii Reznikov", "we need more shells", "2023-02-11")
    ledger.store(zelensky_article())
    ledger.store(other)
    other_claims = ledger.claims(article=other.article.id)

    def newer() -> Extraction:
        ex = zelensky_article(extractors=V2)
        ex.claims.pop()  # the v2 extractor finds one claim fewer
        return ex

    assert ledger.store(newer()) == "updated"

    article_id = newer().article.id
    assert ledger.stored_extractors(article_id) == V2
    assert [c["content"] for c in ledger.claims(article=article_id)] == ["we will win this war"]
    assert ledger.claims(article=other.article.id) == other_claims
    with Ledger(ledger_url("fresh")) as fresh:
        fresh.store(newer())
        fresh.store(other)
        assert ledger.counts() == fresh.counts() == {
            "articles": 2, "claims": 2, "entities": 2, "mentions": 3, "time_exprs": 0, "figures": 0,
            "forecasts": 0, "resolutions": 0, "failures": 0}
    assert ledger.store(newer()) == "unchanged"
    assert ledger.claims(search="sanctions") == []  # FTS forgot the deleted claim


def test_update_drops_entities_nothing_refers_to(ledger):
    ledger.store(person_article("Ada Lovelace", "numbers", "1843-01-01"))
    ex = person_article("Ada Lovelace", "numbers", "1843-01-01")
    renamed = Extraction(ex.article, ex.claims, [Entity("p", "Charles Babbage")], ex.mentions, V2)
    assert ledger.store(renamed) == "updated"
    assert [s["name"] for s in ledger.speakers()] == ["Charles Babbage"]
    assert ledger.counts()["entities"] == 1


def _explode(*args, **kwargs):
    raise RuntimeError("disk on fire")


def test_failure_mid_store_leaves_no_trace(ledger, monkeypatch):
    monkeypatch.setattr(ledger_store, "_insert_claims", _explode)
    ex = zelensky_article()
    with pytest.raises(RuntimeError, match="disk on fire"):
        ledger.store(ex)
    assert ledger.stored_extractors(ex.article.id) is None
    assert set(ledger.counts().values()) == {0}
    assert ledger.article(ex.article.id) is None
    monkeypatch.undo()
    assert ledger.store(ex) == "new"
    assert len(ledger.claims(search="win")) == 1


def test_failure_mid_update_keeps_the_old_version(ledger, monkeypatch):
    ledger.store(zelensky_article())
    before, claims_before = ledger.counts(), ledger.claims()
    monkeypatch.setattr(ledger_store, "_insert_claims", _explode)
    with pytest.raises(RuntimeError):
        ledger.store(zelensky_article(extractors=V2))
    assert ledger.counts() == before and ledger.claims() == claims_before
    assert ledger.stored_extractors(zelensky_article().article.id) == V1


def test_a_claim_without_content_is_refused_atomically(ledger):
    ex = zelensky_article()
    ex.claims.append(Claim([], None, None, "direct"))
    with pytest.raises(ValueError):
        ledger.store(ex)
    assert ledger.counts()["articles"] == 0


def test_mention_of_unknown_entity_is_kept_unlinked(ledger):
    ex = zelensky_article()
    ex.mentions.append(Mention(0, 9, ex.article.text[0:9], "nobody"))
    ledger.store(ex)
    unlinked = [m for m in ledger.article(ex.article.id)["mentions"] if m["entity_id"] is None]
    assert [m["text"] for m in unlinked] == ["Volodymyr"]


# -- full-text search --------------------------------------------------------------------

@pytest.mark.parametrize(
    "search, expected",
    [
        ("win", 1),
        ("WIN this", 1),
        ("wi", 1),  # the last word is a prefix
        ("sanction", 1),
        ("sanctions russia", 1),
        ("hurt", 1),
        ("peace", 0),
        ('"', 0),
        ("-", 0),
        ("*", 0),
        ("AND", 0),
        ("win AND", 0),
        ('"we will', 1),
        ("we -will", 1),
        ("win*", 1),
        ("NEAR(win", 0),  # "near" is a required word too
        ("(win)", 1),
        ("win OR peace", 0),
        ("col:win", 0),
        ("^win", 1),
        ("'; DROP TABLE claims; --", 0),
        ("", 0),  # no word: nothing (None is no filter), as for " "
    ],
)
def test_search(ledger, search, expected):
    ledger.store(zelensky_article())
    assert len(ledger.claims(search=search)) == expected
    assert ledger.counts()["claims"] == 2


def test_fts_query_quotes_every_word():
    assert queries.fts_query('we "will" -win*') == '"we" "will" "win"*'
    assert queries.fts_query(' "-* ') is None


# -- dates -------------------------------------------------------------------------------

DATED = [("Day Early", "2023-02-10", "day"), ("Month Only", "2023-02", "month"),
         ("March First", "2023-03-01", "day"), ("Year Only", "2022", "year"), ("No Date", None, "unknown")]


@pytest.fixture
def dated(ledger):
    for name, published, precision in DATED:
        ledger.store(person_article(name, f"{name} speaking", published, precision))
    return ledger


@pytest.mark.parametrize(
    "since, until, expected",
    [
        (None, None, {"Day Early", "Month Only", "March First", "Year Only", "No Date"}),
        ("2023-02-15", None, {"Month Only", "March First"}),
        (None, "2023-02-05", {"Month Only", "Year Only"}),
        ("2023-02", "2023-02", {"Day Early", "Month Only"}),
        ("2023-02-10", "2023-02-10", {"Day Early", "Month Only"}),
        ("2023", None, {"Day Early", "Month Only", "March First"}),
        ("2022-06-01", "2022-06-30", {"Year Only"}),
        ("2023-03-02", None, set()),
        (None, "2021", set()),
        ("2023-03-01T00:00:00", None, {"March First"}),
    ],
)
def test_since_until(dated, since, until, expected):
    assert {c["speaker"] for c in dated.claims(since=since, until=until)} == expected


@pytest.mark.parametrize("bad", ["yesterday", "02/2023", "23-02-01"])
def test_bad_dates_are_refused(dated, bad):
    with pytest.raises(LedgerError):
        dated.claims(since=bad)


def test_claims_are_ordered_by_date_then_position(dated):
    published = [c["published"] for c in dated.claims()]
    assert published == ["2022", "2023-02", "2023-02-10", "2023-03-01", None]


def test_limit(dated):
    assert len(dated.claims(limit=2)) == 2


# -- speakers and cross-article linking --------------------------------------------------

@pytest.mark.parametrize("speaker", ["reznikov", "REZNIKOV", "Oleksiy Reznikov", "olek", "Defence Minister",
                                     "the minister"])
def test_speaker_filter_by_name_alias_or_variant(ledger, speaker):
    ledger.store(person_article("Oleksii Reznikov", "we need shells", "2023-02-11",
                                aliases=["Defence Minister Reznikov", "the minister"]))
    ledger.store(zelensky_article())
    assert [c["content"] for c in ledger.claims(speaker=speaker)] == ["we need shells"]


@pytest.mark.parametrize("speaker", ["biden", "%", "_", "\\"])
def test_speaker_filter_misses(ledger, speaker):
    ledger.store(person_article("Oleksii Reznikov", "we need shells", "2023-02-11"))
    assert ledger.claims(speaker=speaker) == []


def test_speaker_filter_on_unlinked_speaker_text(ledger):
    text = 'A senior official said "talks will resume".'
    ledger.store(make(text, [Quote("A senior official", "said", ("talks will resume",))], []))
    assert len(ledger.claims(speaker="senior official")) == 1


@pytest.mark.parametrize("speaker", ["reznikov", "minister", "official", "OFFICIAL", "senior", "nobody", " "])
@pytest.mark.parametrize("limit", [None, 1])
def test_the_listed_speaker_filter_matches_what_the_sql_one_does(ledger, monkeypatch, speaker, limit):
    """The entities and unlinked speaker words looked up first, or (too many to list) matched in SQL:
    the same claims either way, read in one step or two."""
    ledger.store(person_article("Oleksii Reznikov", "we need shells", "2023-02-11",
                                aliases=["Defence Minister Reznikov", "the minister"]))
    for n, who in enumerate(("A senior official", "officials", "Senior Official")):
        text = f'{who} said "talks will resume {n}".'
        ledger.store(make(text, [Quote(who, "said", (f"talks will resume {n}",))], [], published=f"2023-03-0{n + 1}"))
    listed = [c["id"] for c in ledger.claims(speaker=speaker, limit=limit)]
    monkeypatch.setattr(queries, "MAX_LISTED", 0)
    assert [c["id"] for c in ledger.claims(speaker=speaker, limit=limit)] == listed


def test_same_person_across_spellings_is_one_entity(ledger):
    ledger.store(zelensky_article("Volodymyr Zelenskyy", "2023-02-10"))
    ledger.store(zelensky_article("Volodymyr Zelensky", "2023-02-12"))
    ledger.store(zelensky_article("Volodimir Zelenskiy", "2023-02-13"))
    (speaker,) = ledger.speakers()
    assert speaker["name"] == "Volodymyr Zelenskyy"
    assert speaker["claims"] == 6 and speaker["articles"] == 3
    assert set(speaker["aliases"]) == {"Volodymyr Zelensky", "Volodimir Zelenskiy"}
    assert len(ledger.claims(speaker="Zelensky")) == 6


def test_clintons_stay_two_and_a_bare_clinton_joins_neither(ledger):
    ledger.store(person_article("Hillary Clinton", "I am running", "2016-01-01"))
    ledger.store(person_article("Bill Clinton", "I did not", "1998-01-01"))
    ledger.store(person_article("Hillary Rodham Clinton", "Still running", "2016-02-01"))
    ledger.store(person_article("Clinton", "No comment", "2016-03-01"))
    by_name = {s["name"]: s for s in ledger.speakers()}
    assert set(by_name) == {"Hillary Clinton", "Bill Clinton", "Clinton"}
    assert by_name["Hillary Clinton"]["claims"] == 2
    assert {c["content"] for c in ledger.claims(speaker="bill")} == {"I did not"}


def test_a_bare_surname_alias_does_not_capture_a_later_bare_surname(ledger):
    ledger.store(person_article("Hillary Clinton", "I am running", "2016-01-01", aliases=["Clinton"]))
    ledger.store(person_article("Bill Clinton", "I did not", "1998-01-01"))
    ledger.store(person_article("Clinton", "No comment", "2016-03-01"))
    assert {s["name"]: s["claims"] for s in ledger.speakers()} == {
        "Hillary Clinton": 1, "Bill Clinton": 1, "Clinton": 1}


def test_an_org_alias_links_a_different_name(ledger):
    nato = Entity("n", "North Atlantic Treaty Organization", kind="org", aliases=["NATO"])
    text = 'The North Atlantic Treaty Organization said "we stand ready".'
    ledger.store(make(text, [Quote("The North Atlantic Treaty Organization", "said", ("we stand ready",), "n")],
                      [nato]))
    text2 = 'NATO said "the alliance is united".'
    ledger.store(make(text2, [Quote("NATO", "said", ("the alliance is united",), "n")],
                      [Entity("n", "NATO", kind="org")]))
    (speaker,) = ledger.speakers()
    assert speaker["claims"] == 2 and speaker["kind"] == "org"


def test_a_bare_surname_first_seen_takes_the_full_name_later(ledger):
    ledger.store(person_article("Budanov", "Crimea will return", "2023-01-01"))
    ledger.store(person_article("Kyrylo Budanov", "Spring offensive", "2023-02-01", role="intelligence chief"))
    (speaker,) = ledger.speakers()
    assert speaker["name"] == "Kyrylo Budanov" and speaker["claims"] == 2
    assert "Budanov" in speaker["aliases"]


def test_roles_over_time_and_fallback_to_the_last_known_role(ledger):
    ledger.store(person_article("Oleksii Reznikov", "first", "2022-05-01", role="Defence Minister"))
    ledger.store(person_article("Oleksii Reznikov", "second", "2023-10-01", role="former minister"))
    ledger.store(person_article("Oleksii Reznikov", "third", "2023-11-01"))
    roles = {c["content"]: c["role"] for c in ledger.claims()}
    assert roles == {"first": "Defence Minister", "second": "former minister", "third": "former minister"}
    (speaker,) = ledger.speakers()
    assert speaker["roles"] == ["Defence Minister", "former minister"]
    assert [(h["role"], h["first"]) for h in speaker["role_history"]] == [
        ("Defence Minister", "2022-05-01"), ("former minister", "2023-10-01")]


def test_role_labels_include_affiliation(ledger):
    ledger.store(zelensky_article())
    assert ledger.speakers()[0]["roles"] == ["President (Ukraine)"]


def test_speakers_ordered_by_claims(ledger):
    ledger.store(person_article("Ada Lovelace", "numbers", "1843-01-01"))
    ledger.store(zelensky_article())
    assert [s["name"] for s in ledger.speakers()] == ["Volodymyr Zelenskyy", "Ada Lovelace"]
    assert set(ledger.speakers()[0]) == {"id", "name", "kind", "roles", "role_history", "aliases",
                                         "claims", "articles"}


# -- failures ----------------------------------------------------------------------------

def test_record_failure_counts_once_per_path_line_reason(ledger):
    ledger.record_failure("feed.jsonl", "not JSON", line=3)
    ledger.record_failure("feed.jsonl", "not JSON", line=3)
    ledger.record_failure("feed.jsonl", "not JSON", line=4)
    ledger.record_failure("broken.html", "no text")
    ledger.record_failure("broken.html", "no text")
    assert ledger.counts()["failures"] == 3
    assert {(f["path"], f["line"]) for f in ledger.failures()} == {
        ("feed.jsonl", 3), ("feed.jsonl", 4), ("broken.html", None)}


# -- schema and migrations ---------------------------------------------------------------

def test_schema_version_recorded_and_migrations_idempotent(ledger_url):
    path = ledger_url("ledger")
    with Ledger(path) as first:
        first.store(zelensky_article())
        assert first.schema_version == schema.LATEST_VERSION
    for _ in range(2):
        with Ledger(path) as again:
            assert again.schema_version == schema.LATEST_VERSION
            assert again.counts()["claims"] == 2
    conn = schema.connect(path)
    assert tuple(conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()) == (
        str(schema.LATEST_VERSION),)
    conn.close()


def test_a_new_migration_applies_once_on_reopen(ledger_url):
    path = ledger_url("ledger")
    Ledger(path).close()
    extra = schema.Migration(schema.LATEST_VERSION + 1, "notes",
                             ("CREATE TABLE notes (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL)",))
    conn = schema.connect(path)
    assert schema.migrate(conn, schema.MIGRATIONS + (extra,)) == extra.version
    assert schema.migrate(conn, schema.MIGRATIONS + (extra,)) == extra.version  # no "table exists" error
    conn.close()
    with pytest.raises(LedgerError, match="newer"):
        Ledger(path)


def test_pragmas(ledger):
    if ledger.dialect != "sqlite":
        pytest.skip("SQLite's pragmas (PostgreSQL: tests/ledger/test_postgres.py)")
    conn = ledger._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == schema.BUSY_TIMEOUT_MS
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == schema.WAL_AUTOCHECKPOINT_PAGES


def test_in_memory_ledger_works():
    with Ledger(":memory:") as ledger:
        assert ledger.store(zelensky_article()) == "new"
        assert ledger.counts()["claims"] == 2


def test_close_is_idempotent(ledger_url):
    ledger = Ledger(ledger_url("x"))
    ledger.close()
    ledger.close()
