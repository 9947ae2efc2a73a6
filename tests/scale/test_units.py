"""Cutting the input into Spark units: every unit read back gives exactly what sayso ingest reads."""
from __future__ import annotations

import json

import pytest

from sayso.errors import SourceError
from sayso.scale.units import plan, read_unit
from sayso.sources import read_articles

from .scale_util import write_parquet

READING = {"date": None, "fields": {}, "allow_undated": False, "speaker": None}


def _story(n: int) -> dict:
    return {"title": f"Story {n}", "text": f"The mayor of Town {n} said the bridge would open in May.", "date": "2024-01-0%d" % (1 + n % 9)}


def _jsonl_lines() -> list[str]:
    lines = [json.dumps(_story(n)) + "\n" for n in range(11)]
    lines[3:3] = ["\n", "not json\n"]  # a blank line (skipped) and a bad one (reported with its line)
    lines[8:8] = ['{"text": "x\\u0000y", "date": "2024-01-02"}\n', '{"title": "no text"}\n']
    return lines


def _read(units, reading=READING):
    return [item for unit in units for _, item in read_unit(unit, reading)]


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 100])
def test_jsonl_ranges_read_what_ingest_reads(tmp_path, chunk):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(_jsonl_lines()), encoding="utf-8")
    units = plan([str(path)], chunk)
    assert len(units) == -(-len(_jsonl_lines()) // chunk)
    assert _read(units) == list(read_articles([path]))
    numbers = [n for unit in units for n, _ in read_unit(unit, READING)]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


@pytest.mark.parametrize("chunk", [1, 4, 100])
def test_parquet_ranges_read_what_ingest_reads(tmp_path, chunk):
    stories = [_story(n) for n in range(10)]
    stories[4] = {"title": "no text", "date": "2024-01-01", "text": None}
    path = write_parquet(tmp_path / "rows.parquet", stories)
    units = plan([str(path)], chunk)
    assert len(units) == -(-10 // chunk)
    items = _read(units)
    assert items == list(read_articles([path]))
    assert isinstance(items[4], SourceError) and "row 5" in items[4].reason
    assert [a.title for a in items if not isinstance(a, SourceError)] == [f"Story {n}" for n in range(10) if n != 4]


def test_whole_files_and_missing_paths(tmp_path):
    (tmp_path / "b.txt").write_text("The minister said it would rain.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("", encoding="utf-8")
    units = plan([str(tmp_path), str(tmp_path / "missing.jsonl")], 10)
    assert [u.kind for u in units] == ["text", "text", "error"]
    assert [u.source_seq for u in units] == [0, 1, 2]
    reading = {**READING, "date": "2024-02-03"}
    assert _read(units, reading) == list(read_articles([tmp_path, tmp_path / "missing.jsonl"], date="2024-02-03"))


def test_a_utf16_or_empty_jsonl_is_one_unit(tmp_path):
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes("".join(json.dumps(_story(n)) + "\n" for n in range(5)).encode("utf-16"))
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    units = plan([str(wide), str(empty)], 2)
    assert len(units) == 2
    assert _read(units) == list(read_articles([wide, empty]))


@pytest.mark.parametrize("given", ["-", "https://example.org/a.html"])
def test_urls_and_stdin_are_refused(given):
    with pytest.raises(ValueError, match="files and folders only"):
        plan([given], 10)
