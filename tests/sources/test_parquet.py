"""Parquet input: one article per row, fields as in JSON Lines, dates and timestamps as dates."""
from __future__ import annotations

import datetime

import pyarrow as pa
import pyarrow.parquet as pq

from sayso.errors import SourceError
from sayso.sources import count_inputs, read_articles

TEXT = "The harbour master said the port would reopen on Friday."


def test_rows_become_articles(tmp_path):
    path = tmp_path / "news.parquet"
    pq.write_table(pa.table({
        "body": [TEXT, "", TEXT + " Again."],
        "headline": ["Port to reopen", "empty", "Port again"],
        "date": [datetime.date(2024, 3, 4), datetime.date(2024, 3, 5), None],
        "link": ["https://example.org/a", None, None],
    }), path)
    items = list(read_articles([path], fields={"text": "body"}, allow_undated=True))
    assert [type(i).__name__ for i in items] == ["Article", "SourceError", "Article"]
    first, bad, third = items
    assert (first.text, first.title, first.published, first.url) == (TEXT, "Port to reopen", "2024-03-04", "https://example.org/a")
    assert "row 2" in bad.reason and "empty article text" in bad.reason
    assert third.published is None and third.url == f"{path}:3"
    assert count_inputs([path]) == 3


def test_timestamps_are_dates(tmp_path):
    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"text": [TEXT], "published": [datetime.datetime(2023, 2, 24, 6, 30)]}), path)
    [article] = read_articles([path])
    assert (article.published, article.date_precision) == ("2023-02-24", "day")


def test_not_parquet(tmp_path):
    path = tmp_path / "fake.parquet"
    path.write_bytes(b"PAR1 but not really")
    [error] = read_articles([path])
    assert isinstance(error, SourceError) and "not a readable Parquet file" in error.reason
