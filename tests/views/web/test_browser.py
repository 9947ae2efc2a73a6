"""The web view in headless Chromium against a real `sayso serve`: every page opens (and is saved as a
screenshot), search, an article with a claim's marks, resolving a forecast with the token and failing
without it, and an article of script-injection payloads where nothing runs.

Deselect with ``-m "not browser"``; CI runs them (``.ci/run`` installs chromium and chromium-driver).
"""
from __future__ import annotations

import httpx
import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from tests.views.web.conftest import AS_OF, TOKEN

pytestmark = pytest.mark.browser


def api(server: str, path: str, **params) -> dict:
    response = httpx.get(f"{server}{path}", params=params, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def open_page(browser, url: str) -> None:
    browser.get(url)
    WebDriverWait(browser, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def console_errors(browser) -> list[str]:
    """Errors the page logged (a script blocked by the CSP, a failed resource, an exception)."""
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def css(browser, selector: str):
    return browser.find_elements(By.CSS_SELECTOR, selector)


ARTICLE_TEXT = """const copy = document.getElementById("article-text").cloneNode(true);
copy.querySelectorAll(".cn, .tag").forEach(function (e) { e.remove(); });
return copy.textContent;"""
"""The article's text as the page holds it, without the claim numbers and value tags sayso adds."""


@pytest.fixture(scope="module")
def ids(server) -> dict:
    articles = api(server, "/api/articles", per_page=100)["items"]
    union = next(a for a in articles if a["title"].startswith("Dockworkers walk out"))
    payload = next(a for a in articles if "Harbour chief" in (a["title"] or ""))
    speaker = api(server, "/api/speakers", q="Marchenko")["items"][0]
    forecast = api(server, "/api/forecasts", status="due", as_of=AS_OF)["results"]["items"][0]
    return {"union": union["id"], "payload": payload["id"], "speaker": speaker["id"], "forecast": forecast["id"]}


PAGES = [
    ("home", "/", "Forecasts falling due"),
    ("search", "/search?q=strike", "Search"),
    ("articles", "/articles", "Articles"),
    ("article", "/articles/{union}", "Dockworkers walk out"),
    ("speakers", "/speakers", "Speakers"),
    ("speaker", "/speakers/{speaker}", "Marchenko"),
    ("forecasts", "/forecasts", "Forecasts"),
    ("forecast", "/forecasts/{forecast}", "Resolve"),
    ("figures", "/figures", "Figures"),
    ("api", "/api", "JSON API"),
]


@pytest.mark.parametrize("name, path, heading", PAGES)
def test_each_page_opens(browser, server, ids, screenshot, name, path, heading):
    browser.get_log("browser")  # drop what earlier pages logged
    open_page(browser, server + path.format(**ids))
    assert heading in browser.find_element(By.TAG_NAME, "main").text
    assert browser.find_element(By.CSS_SELECTOR, "nav.nav a.on") or name == "forecast"
    assert console_errors(browser) == []
    screenshot(f"page-{name}")


def test_search_from_the_header_marks_the_words(browser, server, screenshot):
    open_page(browser, server + "/")
    box = browser.find_element(By.CSS_SELECTOR, ".top-search input[name=q]")
    box.send_keys("strike")
    box.submit()
    WebDriverWait(browser, 15).until(ready.presence_of_element_located((By.CSS_SELECTOR, ".claim-list")))
    hits = [m.text.lower() for m in css(browser, ".claim-list mark")]
    assert hits and set(hits) == {"strike"}
    tab = browser.find_element(By.CSS_SELECTOR, ".tabs a.on").text
    assert tab.startswith("Claims")
    # narrow it: one speaker, direct quotes only
    speaker = browser.find_element(By.CSS_SELECTOR, ".filters input[name=speaker]")
    speaker.send_keys("Marchenko")
    browser.find_element(By.CSS_SELECTOR, ".filters select[name=kind] option[value=direct]").click()
    browser.find_element(By.CSS_SELECTOR, ".filters button[type=submit]").click()
    WebDriverWait(browser, 15).until(lambda d: "speaker=Marchenko" in d.current_url)
    rows = css(browser, ".claim-row")
    assert rows and all("Marchenko" in r.find_element(By.CSS_SELECTOR, ".who-link").text for r in rows)
    assert all(r.find_element(By.CSS_SELECTOR, ".kind").text.lower() == "direct" for r in rows)
    screenshot("search-filtered")


def test_an_article_marks_a_claim_in_place(browser, server, ids, screenshot):
    article = api(server, f"/api/articles/{ids['union']}")
    claim = next(c for c in article["claims"] if c["cue"] == "told")
    key = f"claim-{claim['id']}"
    open_page(browser, f"{server}/articles/{ids['union']}")
    assert browser.execute_script(ARTICLE_TEXT) == article["text"]
    marks = {role: "".join(e.text for e in css(browser, f'#article-text .mk.{role}[data-recs~="{key}"]'))
             for role in ("speaker", "cue", "content")}
    assert marks["speaker"] == claim["speaker_text"]
    assert marks["cue"] == claim["cue"] == "told"
    parts = "".join(article["text"][s:e] for s, e in claim["parts"])
    assert marks["content"].replace("\n", "") == parts.replace("\n", "")
    number = browser.find_element(By.CSS_SELECTOR, f'#article-text a.cn[data-recs="{key}"]')
    entry = browser.find_element(By.ID, key)
    assert number.text == entry.find_element(By.CSS_SELECTOR, ".num").text
    assert claim["extractor"] in entry.text
    hover = browser.find_element(By.CSS_SELECTOR, f'#article-text .mk.cue[data-recs~="{key}"]')
    assert claim["extractor"] in hover.get_attribute("title")
    times = css(browser, "#article-text .tag-time")
    assert times and any(t["value"] == tag.text for t in article["times"] for tag in times)
    hover.click()
    card = browser.find_element(By.ID, "record-card")
    WebDriverWait(browser, 5).until(lambda d: card.is_displayed())
    assert claim["extractor"] in card.text and claim["speaker"] in card.text
    lit = css(browser, f'#article-text .mk.lit[data-recs~="{key}"]')
    assert lit and entry.get_attribute("class").split().count("focus") == 1
    assert console_errors(browser) == []
    screenshot("article-claim-clicked")


def fill_resolution(browser, evidence: str, token: str | None) -> None:
    browser.find_element(By.CSS_SELECTOR, "#resolve-form input[name=outcome][value=false]").click()
    browser.find_element(By.CSS_SELECTOR, "#resolve-form input[name=evidence]").send_keys(evidence)
    browser.find_element(By.CSS_SELECTOR, "#resolve-form textarea[name=note]").send_keys("Checked by the desk.")
    browser.find_element(By.CSS_SELECTOR, "#resolve-form input[name=by]").send_keys("Desk")
    if token is not None:
        browser.find_element(By.CSS_SELECTOR, "#resolve-form input[name=token]").send_keys(token)
    button = browser.find_element(By.CSS_SELECTOR, "#resolve-form button[type=submit]")
    button.click()
    # the old page is still "complete" until the browser leaves it: wait for it to go first (a race in CI)
    WebDriverWait(browser, 15).until(ready.staleness_of(button))
    WebDriverWait(browser, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def test_resolving_needs_the_token(browser, server, ids, screenshot):
    path = f"/forecasts/{ids['forecast']}"
    browser.delete_all_cookies()
    open_page(browser, server + path)
    fill_resolution(browser, "https://example.org/no-strike", token=None)
    assert "wrong or missing token" in browser.find_element(By.ID, "error-message").text
    assert api(server, f"/api{path}")["history"] == []
    open_page(browser, server + path)
    fill_resolution(browser, "https://example.org/no-strike", token="not-the-token")
    assert "wrong or missing token" in browser.find_element(By.ID, "error-message").text
    assert api(server, f"/api{path}")["history"] == []
    screenshot("resolve-refused")


def test_resolving_with_the_token(browser, server, ids, screenshot):
    path = f"/forecasts/{ids['forecast']}"
    browser.delete_all_cookies()
    open_page(browser, server + path)
    fill_resolution(browser, "https://example.org/no-strike", token=TOKEN)
    assert browser.current_url.endswith(f"{path}?resolved=1")
    assert "Resolution recorded." in browser.find_element(By.CSS_SELECTOR, ".notice.ok").text
    history = api(server, f"/api{path}")["history"]
    assert [(h["outcome"], h["evidence"], h["resolved_by"]) for h in history] == [
        ("false", "https://example.org/no-strike", "web:Desk")]
    assert "https://example.org/no-strike" in browser.find_element(By.CSS_SELECTOR, "ol.history").text
    screenshot("forecast-resolved")
    open_page(browser, f"{server}/forecasts?status=resolved")
    assert str(ids["forecast"]) in browser.find_element(By.CSS_SELECTOR, ".board-list a.fc-text").get_attribute("href")
    screenshot("board-resolved")


def test_script_injection_shows_as_text_and_never_runs(browser, server, ids, screenshot):
    browser.get_log("browser")
    open_page(browser, f"{server}/articles/{ids['payload']}")
    assert browser.execute_script("return typeof window.__sayso_pwned") == "undefined"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    text = browser.execute_script(ARTICLE_TEXT)
    assert text == api(server, f"/api/articles/{ids['payload']}")["text"]  # every character, as stored
    assert "<script>window.__sayso_pwned = 1</script>" in text
    assert "<img src=x onerror=" in text and "href='javascript:" in text
    assert "&amp; see &lt;b&gt;the plan&lt;/b&gt;" in text  # entities shown as written, not decoded
    assert "<script>window.__sayso_pwned = 9</script>" in browser.find_element(By.TAG_NAME, "h1").text
    assert css(browser, "#article-text img, #article-text script, main script") == []
    assert all("cn" in a.get_attribute("class").split() for a in css(browser, "#article-text a"))
    for mark in css(browser, "#article-text .mk")[:20]:
        mark.click()
    assert browser.execute_script("return typeof window.__sayso_pwned") == "undefined"
    assert console_errors(browser) == []
    screenshot("article-payload")
