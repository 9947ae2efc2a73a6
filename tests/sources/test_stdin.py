"""Standard input ("-"): JSON Lines when it starts with "{", else text (seed format or plain)."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources import count_inputs, read_articles
from .sources_util import only, write


def from_stdin(data: bytes, **kwargs) -> list:
    return list(read_articles(["-"], stdin=io.BytesIO(data), **kwargs))


def test_seed_text_on_stdin():
    assert from_stdin(b" date 2023-02-02 Title\nBody.") == [Article("Title\nBody.", "Title", "2023-02-02", "day", url="<stdin>")]


def test_plain_text_on_stdin_needs_a_date():
    no_date = "no publication date (add a ` date YYYY-MM-DD` first line, or pass --date, or --undated)"
    assert from_stdin(b"Title\nBody.") == [SourceError("<stdin>", no_date)]
    assert only(from_stdin(b"Title\nBody.", date="2024-03")).published == "2024-03"


def test_jsonl_on_stdin_is_streamed_line_by_line():
    lines = [json.dumps({"text": "One.", "date": "2020"}), "{broken", json.dumps({"text": "Two.", "date": "2021"})]
    items = from_stdin(("\n".join(lines) + "\n").encode(), speaker="Caller")
    assert items == [
        Article("One.", "One.", "2020", "year", url="<stdin>:1", speaker="Caller"),
        SourceError("<stdin>", "not valid JSON (Expecting property name enclosed in double quotes at column 2)", 2),
        Article("Two.", "Two.", "2021", "year", url="<stdin>:3", speaker="Caller"),
    ]


@pytest.mark.parametrize("data, reason", [(b"", "empty file"), (b"  \n", "empty file"),
                                          (b"\x00\x01binary", "binary file, not text")])
def test_bad_stdin(data, reason):
    assert from_stdin(data) == [SourceError("<stdin>", reason)]


def test_stdin_mixed_with_files_and_read_once(tmp_path):
    path = write(tmp_path, "a.txt", " date 2023-02-02 File\nBody.")
    items = list(read_articles([path, "-", "-"], stdin=io.BytesIO(b" date 2024-01-01 Piped\nBody.")))
    assert [getattr(item, "title", None) for item in items[:2]] == ["File", "Piped"]
    assert items[2] == SourceError("<stdin>", "standard input already read (give '-' once)")
    assert count_inputs([path, "-"]) == 2


def test_stdin_of_a_real_process(tmp_path):
    """The default stream is sys.stdin.buffer: pipe text into a child that reads '-'."""
    code = ("import sys; from sayso.sources import read_articles; "
            "[print(type(a).__name__, a.title, a.published) for a in read_articles(['-'])]")
    result = subprocess.run([sys.executable, "-c", code], input=" date 2023-02-02 Piped title\nBody.".encode(),
                            capture_output=True, timeout=60, check=True)
    assert result.stdout.decode().strip() == "Article Piped title 2023-02-02"
