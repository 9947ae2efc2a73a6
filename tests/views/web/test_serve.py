"""`sayso serve`: refuses a missing ledger or a bad date with one line; binds to 127.0.0.1 by default;
takes the token from SAYSO_TOKEN or --token (uvicorn itself is replaced here; the browser tests run it)."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from sayso.views.cli import app

from tests.ledger.browse_util import build_ledger

runner = CliRunner()


@pytest.fixture
def served(monkeypatch, tmp_path):
    """Run `sayso serve` with uvicorn.run recorded instead of serving."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.delenv("SAYSO_TOKEN", raising=False)
    db = tmp_path / "ledger.db"
    build_ledger(db)
    return db, calls


def test_serve_binds_to_this_machine_read_only_by_default(served):
    db, calls = served
    result = runner.invoke(app, ["serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    application, options = calls[0]
    assert (options["host"], options["port"]) == ("127.0.0.1", 8000)
    assert application.state.site.guard.writable is False
    assert "read-only" in result.output and "http://127.0.0.1:8000/" in result.output


@pytest.mark.parametrize("args, env", [(["--token", "abc"], {}), ([], {"SAYSO_TOKEN": "abc"})])
def test_serve_takes_the_token(served, args, env):
    db, calls = served
    result = runner.invoke(app, ["serve", "--db", str(db), "--as-of", "2024-03-20", *args], env=env)
    assert result.exit_code == 0, result.output
    site = calls[0][0].state.site
    assert site.guard.token_matches("abc") and site.as_of == "2024-03-20"


def test_serve_elsewhere_warns(served):
    db, calls = served
    result = runner.invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "9000"])
    assert result.exit_code == 0 and "other machines can read this ledger" in result.output
    assert (calls[0][1]["host"], calls[0][1]["port"]) == ("0.0.0.0", 9000)


@pytest.mark.parametrize("args, code, message", [
    (["--db", "no-such-ledger.db"], 1, "no ledger there"),
    (["--as-of", "2024-02-30"], 2, "--as-of"),
    (["--port", "70000"], 2, "65535"),
])
def test_serve_refuses_with_one_line(served, tmp_path, args, code, message):
    db, calls = served
    argv = ["serve", *args] if "--db" in args else ["serve", "--db", str(db), *args]
    result = runner.invoke(app, argv)
    assert result.exit_code == code and message in result.output and "Traceback" not in result.output
    assert calls == [] and not (tmp_path / "no-such-ledger.db").exists()
