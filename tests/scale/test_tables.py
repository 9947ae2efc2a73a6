"""The Parquet tables of sayso spark: every record of an extraction written and read back unchanged."""
from __future__ import annotations

import dataclasses

import pytest
import pyarrow.parquet as pq

from sayso.pipeline import extract_articles
from sayso.records import Extraction
from sayso.scale import tables
from sayso.scale.load import _datasets, _unit_items
from sayso.scale.spark import _write_table, arrow_schema
from sayso.sources import read_articles

from .scale_util import EXAMPLES, reuters


def _write(out, extractions: list[Extraction]) -> None:
    by_table: dict[str, list] = {t: [] for t in tables.TABLES}
    for n, ex in enumerate(extractions):
        for table, row in tables.rows(ex, 0, 0, n + 1):
            by_table[table].append(row)
    for table, rows in by_table.items():
        if rows:
            _write_table(out / table / "chunk=0", table, rows)


@pytest.fixture(scope="module")
def extractions(nlp, shared_dir) -> list[Extraction]:
    articles = [a for a in read_articles([EXAMPLES, shared_dir / "seed"], allow_undated=True)]
    stories = reuters(shared_dir / "evaldata" / "reuters21578", 12)
    from sayso.records import Article
    articles += [Article(s["text"], s["title"], s["date"], "day", source=s["source"]) for s in stories]
    return list(extract_articles(articles))


@pytest.mark.slow
def test_every_record_comes_back_the_same(tmp_path, extractions):
    assert all(isinstance(ex, Extraction) for ex in extractions)
    assert sum(len(ex.claims) for ex in extractions) > 10 and any(ex.events for ex in extractions)
    _write(tmp_path, extractions)
    back = _unit_items(_datasets(tmp_path), 0)
    assert len(back) == len(extractions)
    for original, read in zip(extractions, back):
        assert read == original, original.article.id


@pytest.mark.slow
def test_tables_hold_article_ids_and_offsets(tmp_path, extractions):
    _write(tmp_path, extractions)
    texts = {ex.article.id: ex.article.text for ex in extractions}
    for table in tables.RECORD_TYPES:
        data = pq.read_table(tmp_path / table / "chunk=0" / "part-0.parquet").to_pylist()
        assert data, table
        for row in data:
            if "start" in row and "text" in row and row["text"] is not None:
                assert texts[row["article_id"]][row["start"]:row["end"]] == row["text"], (table, row)


@pytest.mark.parametrize("table", tables.TABLES)
def test_columns_are_the_record_fields(table):
    names = tables.column_names(table)
    assert len(names) == len(set(names))
    assert arrow_schema(table).names == list(names[1:])  # chunk: the partition folder
    if table in tables.RECORD_TYPES:
        fields = {f.name for f in dataclasses.fields(tables.RECORD_TYPES[table])}
        assert fields <= {c.field for c in tables.columns(table)}
