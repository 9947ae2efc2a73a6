"""The web's paginated reads (sayso.ledger.browse) on a ledger built by hand: pages, search hits as
pieces, filters, speakers, the board's statuses in SQL against the ledger's own, figure groups."""
from __future__ import annotations

import pytest

from sayso.ledger import Ledger, LedgerError, browse
from sayso.ledger import forecasts as forecast_book

from tests.ledger.browse_util import MINISTRY, build_ledger, strike_article


@pytest.fixture(scope="module")
def built(module_ledger_url):
    path = module_ledger_url("browse")
    ids = build_ledger(path)
    return path, ids


@pytest.fixture
def copy(module_ledger_url):
    """A fresh ledger of the module's backend built as ``built`` is (to be written to)."""
    path = module_ledger_url("copy")
    build_ledger(path)
    return path


@pytest.fixture
def ledger(built):
    with Ledger(built[0]) as opened:
        yield opened


@pytest.fixture
def ids(built):
    return built[1]


@pytest.mark.parametrize("marked, expected", [
    ("plain", [("plain", False)]),
    ("", []),
    (None, []),
    (f"a {browse.HIT_START}strike{browse.HIT_END} b", [("a ", False), ("strike", True), (" b", False)]),
    (f"{browse.HIT_START}x{browse.HIT_END}{browse.HIT_START}y{browse.HIT_END}", [("x", True), ("y", True)]),
    ("<script>", [("<script>", False)]),  # pieces are text: the view escapes them
])
def test_pieces(marked, expected):
    assert [(p["text"], p["hit"]) for p in browse.pieces(marked)] == expected


@pytest.mark.parametrize("page, per_page", [(0, 20), (-1, 20), (1, 0), (1, browse.MAX_PER_PAGE + 1),
                                            (browse.MAX_PAGE + 1, 20)])
def test_pages_out_of_range_are_refused(page, per_page):
    with pytest.raises(LedgerError, match="must be between"):
        browse.check_page(page, per_page)


def test_articles_newest_first_undated_last_and_paged(ledger, ids):
    first = ledger.browse.articles(page=1, per_page=2)
    second = ledger.browse.articles(page=2, per_page=2)
    assert first["total"] == 4 and first["pages"] == 2
    order = [a["id"] for a in first["items"] + second["items"]]
    assert order == [ids["payload"], ids["ministry"], ids["strike"], ids["note"]]
    strike = next(a for a in first["items"] + second["items"] if a["id"] == ids["strike"])
    assert (strike["claims"], strike["forecasts"], strike["figures"]) == (3, 1, 1)


def test_articles_by_date(ledger, ids):
    found = ledger.browse.articles(since="2024-03-05", until="2024-03-07")
    assert [a["id"] for a in found["items"]] == [ids["ministry"]]


def test_search_claims_marks_the_words(ledger):
    found = ledger.browse.search(q="strike")
    assert found["claims"] == 3 and found["articles"] == 2
    hits = [p["text"] for c in found["results"]["items"] for p in c["pieces"] if p["hit"]]
    assert hits == ["strike", "strike", "strike"]
    for claim in found["results"]["items"]:
        assert "".join(p["text"] for p in claim["pieces"]) == claim["content"]


def test_search_stems_and_prefixes(ledger):
    assert ledger.browse.search(q="strikes")["claims"] == 3  # porter stemming
    assert ledger.browse.search(q="depo")["claims"] == 1  # the last word is a prefix


def test_search_articles_snippet_and_title(ledger, ids):
    found = ledger.browse.search(q="ministry labour", scope="articles")
    assert [a["id"] for a in found["results"]["items"]] == [ids["ministry"]]
    article = found["results"]["items"][0]
    assert [p["text"] for p in article["pieces"] if p["hit"]] == ["Ministry", "Labour"]
    assert "".join(p["text"] for p in article["pieces"]) in MINISTRY


@pytest.mark.parametrize("filters, claims, articles", [
    ({"q": "strike", "speaker": "Costa"}, 1, 1),
    ({"q": "strike", "kind": "direct"}, 0, 2),
    ({"kind": "direct"}, 2, 4),
    ({"speaker": "brandt"}, 1, 1),
    ({"speaker": "Analysts"}, 1, 1),  # an unresolved speaker's words
    ({"q": "strike", "since": "2024-03-05"}, 1, 1),
    ({"q": "strike", "until": "2024-03-04"}, 2, 1),
    ({"q": "nothing-like-this"}, 0, 0),
    ({"q": '" * AND OR NOT ( -'}, 0, 0),  # FTS syntax is plain words, or nothing
    ({"speaker": "Nobody Here"}, 0, 0),
])
def test_search_filters(ledger, filters, claims, articles):
    found = ledger.browse.search(**filters)
    assert (found["claims"], found["articles"]) == (claims, articles)


@pytest.mark.parametrize("bad, message", [({"kind": "quoted"}, "unknown kind"), ({"scope": "all"}, "unknown scope"),
                                          ({"since": "yesterday"}, "not a date")])
def test_search_refuses_bad_filters(ledger, bad, message):
    with pytest.raises(LedgerError, match=message):
        ledger.browse.search(**bad)


def test_speakers_most_claims_first(ledger):
    found = ledger.browse.speakers()
    names = [s["name"] for s in found["items"]]
    assert names[0] == "Ana Costa" and found["items"][0]["claims"] == 2
    assert found["items"][0]["roles"] == ["Union leader (Dock Union)"] and "Costa" in found["items"][0]["aliases"]
    assert "Analysts" not in names  # no entity: not a speaker page
    assert [s["name"] for s in ledger.browse.speakers(q="brandt")["items"]] == ["Leo Brandt"]


def test_one_speaker(ledger):
    costa = ledger.browse.speakers(q="Ana Costa")["items"][0]
    found = ledger.browse.speaker(costa["id"], as_of="2024-04-01")
    assert found["name"] == "Ana Costa" and found["aliases"] == ["Costa"]
    assert found["roles"] == [{"role": "Union leader", "affiliation": "Dock Union", "first": "2024-03-04",
                               "last": "2024-03-04", "articles": 1}]
    assert found["claims_by_month"] == [{"month": "2024-03", "claims": 2}]
    assert found["claims"]["total"] == 2 and len(found["forecasts"]) == 1
    assert found["forecasts"][0]["board"] == "due" and found["track_record"]["forecasts"] == 1
    assert ledger.browse.speaker(10**9) is None


@pytest.mark.parametrize("as_of, columns", [
    ("2024-03-05", {"due": 0, "overdue": 0, "open": 2, "no-deadline": 1, "resolved": 0}),
    ("2024-03-20", {"due": 1, "overdue": 0, "open": 1, "no-deadline": 1, "resolved": 0}),
    ("2025-03-20", {"due": 1, "overdue": 1, "open": 0, "no-deadline": 1, "resolved": 0}),  # one a year past
    ("2025", {"due": 0, "overdue": 2, "open": 0, "no-deadline": 1, "resolved": 0}),
])
def test_board_columns(ledger, as_of, columns):
    assert ledger.browse.forecast_board(as_of=as_of)["columns"] == columns


def test_board_status_in_sql_agrees_with_the_ledger(copy):
    with Ledger(copy) as ledger:
        talks = next(f for f in ledger.forecasts() if f["text"].startswith("talks"))
        ledger.resolve(talks["id"], "true", "https://example.org/talks", who="test")
        for day in ("2024-03-01", "2024-03-17", "2024-03-18", "2024-04-01", "2030-01-01"):
            expected = {f["id"]: browse.board_status(f) for f in ledger.forecasts(as_of=day)}
            board = ledger.browse.forecast_board(as_of=day, per_page=browse.MAX_PER_PAGE)
            got = {f["id"]: f["board"] for f in board["results"]["items"]}
            assert got == expected
            for column, n in board["columns"].items():
                listed = ledger.browse.forecast_board(as_of=day, status=column)["results"]["items"]
                assert len(listed) == n and all(forecast_book.status(f, day) in (column, "open") for f in listed)


@pytest.mark.parametrize("filters, texts", [
    ({"speaker": "Costa"}, ["the strike will spread to the rail depots by the end of the month"]),
    ({"hedging": "possible"}, ["prices may rise"]),
    ({"q": "talks resume"}, ["talks to resume next week"]),
    ({"due_before": "2024-03-20"}, ["talks to resume next week"]),
    ({"status": "no-deadline"}, ["prices may rise"]),
    ({"q": "100%_"}, []),
])
def test_board_filters(ledger, filters, texts):
    found = ledger.browse.forecast_board(as_of="2024-03-05", **filters)
    assert [f["text"] for f in found["results"]["items"]] == texts


@pytest.mark.parametrize("bad, message", [({"status": "late"}, "unknown status"), ({"hedging": "sure"}, "unknown hedging"),
                                          ({"as_of": "2024-02-30"}, "not a date")])
def test_board_refuses_bad_filters(ledger, bad, message):
    with pytest.raises(LedgerError, match=message):
        ledger.browse.forecast_board(**bad)


def test_one_forecast_in_context(ledger):
    spread = next(f for f in ledger.forecasts() if f["hedging"] == "certain")
    found = ledger.browse.forecast(spread["id"], as_of="2024-04-01")
    assert found["context"]["text"] == spread["text"] and found["board"] == "due"
    assert found["context"]["before"].endswith("Union leader Ana Costa said ")
    assert found["history"] == [] and "true" in found["outcomes"]
    assert ledger.browse.forecast(10**9) is None


def test_figure_groups_disputed_first_and_refreshed_after_a_store(copy):
    with Ledger(copy) as ledger:
        found = ledger.browse.figure_groups()
        assert found["disputed"] == 1
        group = found["results"]["items"][0]
        assert [m["value"] for m in group["members"]] == [40000.0, 12000.0]
        assert (group["min"], group["max"], group["articles"]) == (12000.0, 40000.0, 2)
        assert ledger.browse.figure_groups(q="nothing such")["results"]["total"] == 0
        later = strike_article()
        ledger.store(type(later)(later.article.__class__(text=later.article.text + " More.", published="2024-03-05",
                                                         title="Again"), later.claims, later.entities, [],
                                 later.extractors, later.times, later.figures, later.forecasts))
        assert len(ledger.browse.figure_groups()["results"]["items"][0]["members"]) == 3


def test_home(ledger, ids):
    found = ledger.browse.home(as_of="2024-03-20")
    assert found["counts"]["articles"] == 4 and found["latest_articles"][0]["id"] == ids["payload"]
    assert [f["text"] for f in found["due"]] == ["talks to resume next week"]
    assert [f["text"] for f in found["upcoming"]] == ["the strike will spread to the rail depots by the end of the month"]
    assert found["disputed"]["disputed"] == 1
    assert [f["text"] for f in ledger.browse.home(as_of="2024-03-05")["upcoming"]] == [
        "talks to resume next week", "the strike will spread to the rail depots by the end of the month"]


def test_article_search_follows_updates(module_ledger_url):
    with Ledger(module_ledger_url("l")) as ledger:
        first = strike_article()
        assert ledger.store(first) == "new"
        newer = type(first)(first.article, first.claims, first.entities, [], {**first.extractors, "claims": "claims.v2"},
                            first.times, first.figures, first.forecasts)
        assert ledger.store(newer) == "updated"
        assert ledger.browse.search(q="depots", scope="articles")["articles"] == 1


def test_a_version_2_ledger_gains_article_search(module_ledger_url):
    from sayso.ledger import schema

    path = module_ledger_url("old")
    conn = schema.connect(path)
    assert schema.migrate(conn, schema.MIGRATIONS[:2]) == 2  # a ledger written before articles_fts existed ...
    article = strike_article().article  # stored as a version-2 ledger held it (today's store writes newer columns)
    conn.execute("INSERT INTO articles (id, title, text, published, extractors, ingested_at) VALUES (?, ?, ?, ?, '{}', '')",
                 (article.id, article.title, article.text, article.published))
    conn.close()
    with Ledger(path) as ledger:  # ... is migrated and its articles indexed when opened
        assert ledger.schema_version >= 3
        assert ledger.browse.search(q="depots", scope="articles")["articles"] == 1


@pytest.mark.parametrize("name", ["Costa", "ana costa", "ANA", "brandt", "Analysts", "labour", "Mallory", "union",
                                  "nobody", "a", "%", "_", "o'", "Ç"])
def test_the_speaker_filter_matches_what_the_cli_matches(ledger, name):
    cli = sorted(c["id"] for c in ledger.claims(speaker=name))
    web = sorted(c["id"] for c in ledger.browse.search(speaker=name, per_page=browse.MAX_PER_PAGE)["results"]["items"])
    assert web == cli


@pytest.mark.parametrize("name", ["Costa", "analysts", "e", "union"])
@pytest.mark.parametrize("q", [None, "strike"])
def test_a_speaker_matching_too_many_to_list_is_matched_in_sql(ledger, monkeypatch, name, q):
    from sayso.ledger import pages

    def found():
        claims = ledger.browse.search(q=q, speaker=name, since="2024", per_page=browse.MAX_PER_PAGE)
        board = ledger.browse.forecast_board(q=None, speaker=name, as_of="2024-03-20")
        return ([c["id"] for c in claims["results"]["items"]], claims["articles"],
                [f["id"] for f in board["results"]["items"]])

    listed = found()
    monkeypatch.setattr(pages, "MAX_IDS", 0)  # every match now too many to list
    assert found() == listed
