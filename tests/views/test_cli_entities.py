"""sayso entities merge|split, sayso speakers NAME and ingest --speaker, end to end."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from sayso.views.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_merge_split_and_the_speaker_view(tmp_path, nlp):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2023-02-01 Talks\nVolodymyr Zelenskyy said the army would hold.\n", "utf-8")
    (folder / "b.txt").write_text(" date 2023-02-02 Talks\nVova Zelenskyy said the bridges would be rebuilt.\n", "utf-8")
    db = tmp_path / "l.db"
    assert run("ingest", folder, "--db", db, "-q").exit_code == 0
    bad = run("entities", "merge", "Volodymyr Zelenskyy", "Nobody Known", "--db", db)
    assert bad.exit_code == 1 and "no entity named" in bad.output
    done = run("entities", "merge", "Volodymyr Zelenskyy", "Vova Zelenskyy", "--db", db, "--note", "nickname")
    assert done.exit_code == 0, done.output
    view = json.loads(run("speakers", "Zelenskyy", "--db", db, "--format", "json").output)
    assert view["claims"] == 2 and view["aliases"] == ["Vova Zelenskyy"] and len(view["articles"]) == 2
    split = run("entities", "split", "Volodymyr Zelenskyy", "Vova Zelenskyy", "--db", db)
    assert split.exit_code == 0 and "1 claims moved" in split.output
    table = run("speakers", "Volodymyr Zelenskyy", "--db", db)
    assert table.exit_code == 0 and "decisions" in table.output


def test_ingest_with_a_known_speaker(tmp_path, nlp):
    speech = tmp_path / "speech.txt"
    speech.write_text(" date 2023-02-01 Address\nGood evening. I believe that our army will hold the line.\n", "utf-8")
    db = tmp_path / "s.db"
    assert run("ingest", speech, "--db", db, "-q", "--speaker", "Volodymyr Zelenskyy").exit_code == 0
    claims = json.loads(run("claims", "--db", db, "--format", "json").output)
    assert [c["speaker"] for c in claims if c["speaker_text"] == "I"] == ["Volodymyr Zelenskyy"]
