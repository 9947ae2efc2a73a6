"""Every route of the web view through the ASGI test client: pages, their JSON twins, bad parameters
(a clear 4xx, never a 500), escaping of hostile article text, and the write rules (token, CSRF)."""
from __future__ import annotations

import re
import shutil
import warnings

import pytest

with warnings.catch_warnings():  # starlette asks for httpx2; httpx (pinned) works the same here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from sayso.errors import SaysoError
from sayso.views.web import create_app
from sayso.views.web.security import READ_ONLY

from tests.ledger.browse_util import build_ledger

TOKEN = "s3cret-token"
AS_OF = "2024-03-20"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "ledger.db"
    return path, build_ledger(path)


@pytest.fixture(scope="module")
def client(built):
    """Read-only (no token), statuses as of AS_OF; server errors raise in the test."""
    return TestClient(create_app(built[0], as_of=AS_OF))


@pytest.fixture
def writable(built, tmp_path):
    """A fresh copy of the ledger served with a token."""
    path = tmp_path / "ledger.db"
    shutil.copy(built[0], path)
    return TestClient(create_app(path, token=TOKEN, as_of=AS_OF), base_url="http://127.0.0.1:8000")


@pytest.fixture(scope="module")
def ids(built, client):
    found = dict(built[1])
    found["costa"] = client.get("/api/speakers", params={"q": "Ana Costa"}).json()["items"][0]["id"]
    board = client.get("/api/forecasts").json()["results"]["items"]
    found["spread"] = next(f["id"] for f in board if f["hedging"] == "certain")
    return found


# -- every route ------------------------------------------------------------------------------

PAGES = ["/", "/search", "/search?q=strike", "/search?q=strike&scope=articles", "/search?speaker=costa&kind=direct",
         "/articles", "/articles?page=2&per_page=2", "/speakers", "/speakers?q=brandt", "/forecasts",
         "/forecasts?status=due", "/forecasts?status=no-deadline&hedging=possible", "/figures", "/figures?all=true",
         "/api", "/login"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1" in response.text or "counts" in response.text


def test_pages_of_one_record(client, ids):
    for path in (f"/articles/{ids['strike']}", f"/articles/{ids['strike'][:6]}", f"/speakers/{ids['costa']}",
                 f"/forecasts/{ids['spread']}"):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text)


def test_api_home(client):
    data = client.get("/api/home").json()
    assert data["as_of"] == AS_OF and data["counts"]["articles"] == 4
    assert data["columns"] == {"due": 1, "overdue": 0, "open": 1, "no-deadline": 1, "resolved": 0}
    assert data["disputed"]["disputed"] == 1 and len(data["latest_articles"]) == 4


def test_api_search_highlights(client):
    data = client.get("/api/search", params={"q": "strike", "per_page": 2}).json()
    page = data["results"]
    assert (data["claims"], page["total"], page["pages"], len(page["items"])) == (3, 3, 2, 2)
    assert all(any(p["hit"] and p["text"] == "strike" for p in c["pieces"]) for c in page["items"])
    articles = client.get("/api/search", params={"q": "strike", "scope": "articles"}).json()["results"]
    assert articles["total"] == 2 and all("title_pieces" in a for a in articles["items"])


def test_api_articles_and_one_article(client, ids):
    listed = client.get("/api/articles", params={"per_page": 3}).json()
    assert listed["total"] == 4 and len(listed["items"]) == 3
    one = client.get(f"/api/articles/{ids['strike']}").json()
    assert one["id"] == ids["strike"] and len(one["claims"]) == 3 and len(one["forecasts"]) == 1
    assert one["text"][one["claims"][0]["speaker_start"]:one["claims"][0]["speaker_end"]] == "Union leader Ana Costa"
    assert one["extractors"]["claims"] == "claims.v1"


def test_api_speakers_and_one_speaker(client, ids):
    listed = client.get("/api/speakers").json()
    assert listed["items"][0]["name"] == "Ana Costa"
    one = client.get(f"/api/speakers/{ids['costa']}").json()
    assert one["claims"]["total"] == 2 and one["track_record"]["forecasts"] == 1
    assert one["roles"][0]["role"] == "Union leader"


def test_api_forecasts_board_and_one(client, ids):
    board = client.get("/api/forecasts", params={"status": "due"}).json()
    assert board["columns"]["due"] == 1 and [f["status"] for f in board["results"]["items"]] == ["due"]
    one = client.get(f"/api/forecasts/{ids['spread']}").json()
    assert one["id"] == ids["spread"] and one["history"] == [] and one["context"]["text"] == one["text"]


def test_api_figures(client):
    data = client.get("/api/figures").json()
    assert data["disputed"] == 1 and len(data["results"]["items"][0]["members"]) == 2
    assert client.get("/api/figures", params={"all": "true", "q": "worker"}).json()["results"]["total"] == 1


def test_openapi_documents_every_api_route(client):
    schema = client.get("/openapi.json").json()
    api_routes = {"/api/home", "/api/search", "/api/articles", "/api/articles/{ref}", "/api/speakers",
                  "/api/speakers/{entity_id}", "/api/forecasts", "/api/forecasts/{forecast_id}",
                  "/api/forecasts/{forecast_id}/resolve", "/api/forecasts/{forecast_id}/evidence",
                  "/api/figures"}
    assert set(schema["paths"]) == api_routes  # every API route, and no page, is documented
    docs = client.get("/api").text
    for path in api_routes:
        assert f"<code>{path}</code>" in docs
    assert all(op.get("summary") and op.get("description") for p in schema["paths"].values() for op in p.values())


def test_static_files(client):
    assert client.get("/static/sayso.css").status_code == 200
    js = client.get("/static/sayso.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]


# -- bad parameters: a clear 4xx with a message, never a 500 ----------------------------------

BAD = [
    ("/api/search?page=0", 422, "page: Input should be greater than or equal to 1"),
    ("/api/search?page=abc", 422, "page: Input should be a valid integer"),
    ("/api/search?page=99999999999999999999", 422, "page"),
    ("/api/search?per_page=1000", 422, "per_page"),
    ("/api/search?since=yesterday", 422, "not a date 'yesterday'"),
    ("/api/search?until=2024-3-1", 422, "not a date"),
    ("/api/search?kind=quoted", 400, "unknown kind 'quoted'"),
    ("/api/search?scope=everything", 400, "unknown scope"),
    ("/api/search?q=" + "x" * 201, 422, "q: String should have at most 200 characters"),
    ("/api/search?speaker=" + "y" * 5000, 422, "speaker"),
    ("/api/articles?since=03/04/2024", 422, "not a date"),
    ("/api/articles/ffffffffffffffff", 404, "no article matches"),
    ("/api/articles/" + "a" * 300, 422, "ref"),
    ("/api/speakers/0", 422, "entity_id"),
    ("/api/speakers/abc", 422, "entity_id"),
    ("/api/speakers/99999999", 404, "no speaker with id 99999999"),
    ("/api/speakers/99999999999999999999999", 422, "entity_id"),
    ("/api/forecasts?status=late", 400, "unknown status 'late'"),
    ("/api/forecasts?hedging=sure", 400, "unknown hedging"),
    ("/api/forecasts?as_of=2024-02-30", 400, "not a date"),
    ("/api/forecasts?due_before=soon", 422, "not a date"),
    ("/api/forecasts/-3", 422, "forecast_id"),
    ("/api/forecasts/424242", 404, "no forecast with id 424242"),
    ("/api/figures?all=maybe", 422, "all"),
    ("/api/home?as_of=2024-13-01", 400, "not a date"),
    ("/api/nothing-here", 404, "nothing at /api/nothing-here"),
]


@pytest.mark.parametrize("path, status, message", BAD)
def test_bad_api_parameters_get_a_clear_4xx(client, path, status, message):
    response = client.get(path)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status and message in body["error"]


@pytest.mark.parametrize("path, status, message", [(p.replace("/api", "", 1) or "/", s, m) for p, s, m in BAD
                                                   if not p.startswith("/api/home")])
def test_bad_page_parameters_get_an_error_page(client, path, status, message):
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert 'id="error-message"' in response.text


@pytest.mark.parametrize("q", ['"', "'", "*", "AND", "NOT strike", "strike OR", "(", "NEAR(a b)", "a:b", "^x",
                               "\u0000", "🙂", "%_%", "\\", "-strike"])
def test_search_words_that_are_fts_syntax_are_plain_words(client, q):
    assert client.get("/api/search", params={"q": q}).status_code == 200
    assert client.get("/search", params={"q": q}).status_code == 200


def test_a_missing_ledger_is_refused(tmp_path):
    with pytest.raises(SaysoError, match="no ledger there"):
        create_app(tmp_path / "nope.db")
    not_a_ledger = tmp_path / "text.db"
    not_a_ledger.write_text("hello, not sqlite", encoding="utf-8")
    with pytest.raises(SaysoError, match="cannot open the ledger"):
        create_app(not_a_ledger)


# -- escaping and headers ---------------------------------------------------------------------

SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)


def test_hostile_article_text_is_shown_as_text(client, ids):
    for path in (f"/articles/{ids['payload']}", "/search?q=click", "/search?q=mallory&scope=articles", "/",
                 "/articles", "/speakers", "/search?speaker=mallory"):
        html = client.get(path).text
        assert "&lt;script&gt;" in html or "&lt;b&gt;" in html, path  # the payload is on the page ...
        assert SCRIPT_TAG.findall(html) == ['<script src="/static/sayso.js" defer>'], path  # ... never as a tag
        assert not [h for h in re.findall(r'(?:href|src)="([^"]*)"', html) if not h.startswith(("/", "http", "#"))], path
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html, re.IGNORECASE), path
    html = client.get(f"/articles/{ids['payload']}").text
    assert "&lt;script&gt;window.__sayso_pwned = 1&lt;/script&gt;" in html
    assert "&amp;amp; see &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt;" in html  # entities shown as written
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; Payload &amp; &#34;quotes&#34;" in html
    assert "Mallory &lt;b&gt;Bold&lt;/b&gt;" in html and "&lt;b&gt;Evil Wire&lt;/b&gt;" in html
    assert "read from <code>javascript:window.__sayso_pwned = 4</code>" in html  # a URL that is not http(s): text


def test_no_template_marks_anything_safe():
    from sayso.views.web.context import ENV, TEMPLATES

    assert ENV.autoescape is True
    templates = sorted(TEMPLATES.glob("*.html"))
    assert len(templates) >= 10
    for template in templates:
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b", text) and "autoescape false" not in text, template.name
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), f"inline script in {template.name}"
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", text), f"inline event handler in {template.name}"
        assert "style=" not in text, f"inline style in {template.name} (the CSP forbids it)"


@pytest.mark.parametrize("path", ["/", "/api/home", "/static/sayso.css", "/api/nothing", "/nothing",
                                  "/search?page=0"])
def test_security_headers_on_every_response(client, path):
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"


def test_the_session_cookie_is_httponly_and_strict(writable):
    cookie = writable.get("/").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


# -- writes: the token, CSRF, the origin ------------------------------------------------------

RESOLUTION = {"outcome": "true", "evidence": "https://example.org/depots", "note": "the rail depots joined"}


def test_read_only_refuses_every_write(client, ids):
    api = client.post(f"/api/forecasts/{ids['spread']}/resolve", json=RESOLUTION,
                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert api.status_code == 403 and api.json()["error"] == READ_ONLY
    form = client.post(f"/forecasts/{ids['spread']}/resolve", data={**RESOLUTION, "token": TOKEN})
    assert form.status_code == 403 and "read-only" in form.text
    assert client.post("/login", data={"token": TOKEN}).status_code == 403
    page = client.get(f"/forecasts/{ids['spread']}").text
    assert "resolve-form" not in page and "read-only" in page


@pytest.mark.parametrize("headers, status, message", [
    ({}, 401, "Authorization: Bearer"),
    ({"Authorization": "Bearer wrong"}, 403, "wrong token"),
    ({"Authorization": TOKEN}, 403, "wrong token"),
    ({"Authorization": f"Basic {TOKEN}"}, 403, "wrong token"),
])
def test_api_writes_need_the_bearer_token(writable, ids, headers, status, message):
    response = writable.post(f"/api/forecasts/{ids['spread']}/resolve", json=RESOLUTION, headers=headers)
    assert response.status_code == status and message in response.json()["error"]
    assert writable.get(f"/api/forecasts/{ids['spread']}").json()["history"] == []


def test_api_resolve_records_the_outcome_and_its_history(writable, ids):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    done = writable.post(f"/api/forecasts/{ids['spread']}/resolve", json={**RESOLUTION, "by": "Dana"}, headers=auth)
    assert done.status_code == 200, done.text
    again = writable.post(f"/api/forecasts/{ids['spread']}/resolve",
                          json={"outcome": "partly", "evidence": ids["ministry"][:8]}, headers=auth)
    history = again.json()["history"]
    assert [h["outcome"] for h in history] == ["true", "partly"]
    assert history[0]["resolved_by"] == "web:Dana" and history[1]["evidence"] == f"article:{ids['ministry']}"
    board = writable.get("/api/forecasts", params={"status": "resolved"}).json()
    assert [f["id"] for f in board["results"]["items"]] == [ids["spread"]]


@pytest.mark.parametrize("body, status, message", [
    ({"outcome": "maybe", "evidence": "https://example.org"}, 400, "unknown outcome"),
    ({"outcome": "true", "evidence": "javascript:alert(1)"}, 400, "neither an http(s) URL nor an article"),
    ({"outcome": "true", "evidence": ""}, 400, "neither"),
    ({"outcome": "true"}, 422, "evidence: Field required"),
    ({"outcome": "true", "evidence": "https://x.org", "note": "n" * 5000}, 422, "note"),
])
def test_api_resolve_bad_bodies(writable, ids, body, status, message):
    response = writable.post(f"/api/forecasts/{ids['spread']}/resolve", json=body,
                             headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == status and message in response.json()["error"]


def test_api_resolve_unknown_forecast(writable):
    response = writable.post("/api/forecasts/424242/resolve", json=RESOLUTION,
                             headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 404 and "no forecast" in response.json()["error"]


def test_api_writes_ignore_the_signed_in_cookie(writable, ids):
    page = writable.get("/login").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    assert writable.post("/login", data={"token": TOKEN, "csrf": csrf}, follow_redirects=False).status_code == 303
    response = writable.post(f"/api/forecasts/{ids['spread']}/resolve", json=RESOLUTION)
    assert response.status_code == 401  # a cookie is not the bearer token: no cross-site request can write


def csrf_of(client: TestClient, path: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get(path).text).group(1)


def test_form_resolve_with_the_token(writable, ids):
    path = f"/forecasts/{ids['spread']}"
    form = {**RESOLUTION, "csrf": csrf_of(writable, path), "token": TOKEN, "by": "Dana"}
    done = writable.post(f"{path}/resolve", data=form, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"{path}?resolved=1"
    page = writable.get(done.headers["location"]).text
    assert "Resolution recorded." in page and "web:Dana" in page and "https://example.org/depots" in page
    # now signed in: the next resolution needs no token field
    again = {"outcome": "false", "evidence": "https://example.org/no", "csrf": csrf_of(writable, path)}
    assert writable.post(f"{path}/resolve", data=again, follow_redirects=False).status_code == 303
    assert [h["outcome"] for h in writable.get(f"/api{path}").json()["history"]] == ["true", "false"]


@pytest.mark.parametrize("change, message", [
    ({"token": ""}, "wrong or missing token"),
    ({"token": "guess"}, "wrong or missing token"),
    ({"csrf": ""}, "CSRF"),
    ({"csrf": "0" * 64}, "CSRF"),
])
def test_form_resolve_refused(writable, ids, change, message):
    path = f"/forecasts/{ids['spread']}"
    form = {**RESOLUTION, "csrf": csrf_of(writable, path), "token": TOKEN, **change}
    response = writable.post(f"{path}/resolve", data=form, follow_redirects=False)
    assert response.status_code == 403 and message in response.text
    assert writable.get(f"/api{path}").json()["history"] == []


def test_form_resolve_from_another_site_is_refused(writable, ids):
    path = f"/forecasts/{ids['spread']}"
    form = {**RESOLUTION, "csrf": csrf_of(writable, path), "token": TOKEN}
    for origin in ({"Origin": "https://evil.example"}, {"Origin": "null"},
                   {"Referer": "https://evil.example/page"}):
        response = writable.post(f"{path}/resolve", data=form, headers=origin, follow_redirects=False)
        assert response.status_code == 403, origin
    same = writable.post(f"{path}/resolve", data=form, headers={"Origin": "http://127.0.0.1:8000"},
                         follow_redirects=False)
    assert same.status_code == 303


def test_form_resolve_with_bad_evidence_shows_the_form_again(writable, ids):
    path = f"/forecasts/{ids['spread']}"
    form = {"outcome": "true", "evidence": "not a link", "note": "kept", "csrf": csrf_of(writable, path),
            "token": TOKEN}
    response = writable.post(f"{path}/resolve", data=form)
    assert response.status_code == 400 and "neither an http(s) URL" in response.text
    assert ">kept</textarea>" in response.text


def test_a_csrf_token_belongs_to_its_session(writable, built, ids):
    path = f"/forecasts/{ids['spread']}"
    stolen = csrf_of(writable, path)
    other = TestClient(writable.app, base_url="http://127.0.0.1:8000")
    other.get(path)
    response = other.post(f"{path}/resolve", data={**RESOLUTION, "csrf": stolen, "token": TOKEN})
    assert response.status_code == 403


def test_login_and_logout(writable):
    wrong = writable.post("/login", data={"token": "nope", "csrf": csrf_of(writable, "/login")})
    assert wrong.status_code == 403 and "wrong token" in wrong.text
    ok = writable.post("/login", data={"token": TOKEN, "csrf": csrf_of(writable, "/login"), "next": "//evil.example"},
                       follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/"
    assert "signed in" in writable.get("/").text
    out = writable.post("/logout", data={"csrf": csrf_of(writable, "/")}, follow_redirects=False)
    assert out.status_code == 303 and "sign in" in writable.get("/").text
