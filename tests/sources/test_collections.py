"""The bundled CSV collections in ../shared/evaldata, read directly (slow: ~2,500 articles).

Checked against an independent reading of the same files with the csv module: one article per
row, the row's own text, and the day written in its timestamp ("31 May 2023  - 22:53 ").
"""
from __future__ import annotations

import csv
import datetime as dt
import time

import pytest

from sayso.errors import SourceError
from sayso.sources import read_articles

COLLECTIONS = {
    "zelenskyy-speeches": ("speech", "timestamp"),
    "kremlin-zelenskyy-press-releases": ("body", "date"),
}


def expected_rows(folder) -> list[tuple[str, str]]:
    """(text, day) of every row, read with the csv module and strptime: the oracle."""
    rows = []
    default_limit = csv.field_size_limit(10**8)
    for path in sorted(folder.glob("*.csv")):
        text_column, date_column = COLLECTIONS[folder.name]
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                stamp = row[date_column].strip()
                day = (dt.date.fromisoformat(stamp[:10]) if stamp[:4].isdigit()
                       else dt.datetime.strptime(stamp.split(" - ")[0].strip(), "%d %B %Y").date())
                rows.append((row[text_column], day.isoformat()))
    csv.field_size_limit(default_limit)
    return rows


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(COLLECTIONS))
def test_bundled_collection_is_read_directly(shared_dir, name):
    folder = shared_dir / "evaldata" / name
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    started = time.perf_counter()
    items = list(read_articles([folder], speaker="Volodymyr Zelenskyy" if name == "zelenskyy-speeches" else None))
    seconds = time.perf_counter() - started
    errors = [item for item in items if isinstance(item, SourceError)]
    assert errors == []
    assert [(a.text, a.published) for a in items] == expected_rows(folder)
    assert all(a.date_precision == "day" and not a.warnings and a.title for a in items)
    print(f"\n{name}: {len(items)} articles, {len(errors)} errors, {len({a.id for a in items})} distinct ids, "
          f"{seconds:.2f} s")
