"""The evidence panel of a forecast's page and its JSON twin: the seed and later reports of our own
writing (tests/data/evidence/) are ingested; the report that settles a forecast is listed first with
its stance, its text is escaped, "use as evidence" fills the resolve form, and nothing is resolved."""
from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from sayso.ledger import Ledger
from sayso.pipeline import ingest
from sayso.views.web import create_app
from tests import REPO

LATER = REPO / "tests" / "data" / "evidence"
AS_OF = "2023-02-03"
TOKEN = "panel-token"

# (a piece of the forecast, the report listed first, its stance)
FIRST = [
    ("launch a fresh offensive on February 24", "101_offensive_launched.txt", "supporting"),
    ("use the territory of Belarus", "103_no_offensive_from_belarus.txt", "contradicting"),
]


@pytest.fixture(scope="module")
def built(evidence_ledger):
    """The evidence ledger (tests/conftest.py), its forecasts and the ids of the reports of FIRST."""
    with Ledger(evidence_ledger) as ledger:
        forecasts = ledger.forecasts(as_of=AS_OF)
        articles = {report: ledger.article(str(LATER / report))["id"] for _, report, _ in FIRST}
    return evidence_ledger, forecasts, articles


@pytest.fixture(scope="module")
def client(built):
    return TestClient(create_app(built[0], as_of=AS_OF))


def forecast_id(built, piece: str) -> int:
    (found,) = [f["id"] for f in built[1] if piece in f["text"]]
    return found


@pytest.mark.parametrize("piece, report, stance", FIRST)
def test_the_api_lists_the_settling_report_first(client, built, piece, report, stance):
    data = client.get(f"/api/forecasts/{forecast_id(built, piece)}/evidence").json()
    first = data["items"][0]
    assert (first["article_id"], first["stance"]) == (built[2][report], stance)
    assert 0 < first["score"] <= 1 and first["reasons"]


@pytest.mark.parametrize("piece, report, stance", FIRST)
def test_the_page_shows_the_panel_with_the_first_report_on_top(client, built, piece, report, stance):
    html = client.get(f"/forecasts/{forecast_id(built, piece)}").text
    panel = html[html.index('id="evidence"'):]
    first = panel[panel.index("<li"):panel.index("</li>")]
    assert f"ev-{stance}" in first and built[2][report] in first
    assert "use as evidence" not in panel  # read-only: no form to fill


def test_limit_and_unknown_forecast(client, built):
    fid = forecast_id(built, "launch a fresh offensive on February 24")
    assert len(client.get(f"/api/forecasts/{fid}/evidence", params={"limit": 1}).json()["items"]) == 1
    assert client.get(f"/api/forecasts/{fid}/evidence", params={"limit": 101}).status_code == 422
    missing = client.get("/api/forecasts/999999/evidence")
    assert missing.status_code == 404 and "no forecast with id" in missing.text


def test_a_forecast_without_later_reports_says_so(tmp_path, seed_path, nlp):
    path = tmp_path / "ledger.db"
    with Ledger(path) as ledger:
        ingest([seed_path], ledger)
        fid = ledger.forecasts(as_of=AS_OF)[0]["id"]
    html = TestClient(create_app(path, as_of=AS_OF)).get(f"/forecasts/{fid}").text
    assert "No later report in the ledger bears on this forecast yet." in html


def test_use_as_evidence_fills_the_form_and_nothing_is_resolved(built, tmp_path):
    import shutil

    path = tmp_path / "ledger.db"
    shutil.copy(built[0], path)
    writable = TestClient(create_app(path, token=TOKEN, as_of=AS_OF), base_url="http://127.0.0.1:8000")
    fid = forecast_id(built, "launch a fresh offensive on February 24")
    article = built[2]["101_offensive_launched.txt"]
    html = writable.get(f"/forecasts/{fid}").text
    assert f"/forecasts/{fid}?evidence={article}#resolve-form" in html
    filled = writable.get(f"/forecasts/{fid}", params={"evidence": article}).text
    assert f'name="evidence" value="{article}"' in filled
    with Ledger(path) as ledger:
        assert ledger.counts()["resolutions"] == 0


def test_hostile_evidence_parameter_is_escaped(client, built):
    fid = forecast_id(built, "launch a fresh offensive on February 24")
    html = client.get(f"/forecasts/{fid}", params={"evidence": '"><script>x()</script>'}).text
    assert "<script>x()" not in html
