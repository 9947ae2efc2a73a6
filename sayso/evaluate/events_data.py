"""Readers and the dev / held-out split for the events evaluation corpora.

Split protocol (the same for every corpus): an item goes to **dev** when the first 8 hex digits of
SHA-256("<corpus>:<item id>") are even, else to **held-out**. Rules and the trained re-typer were tuned
or trained on dev items only; ``sayso eval events`` reports held-out by default. ACLED is never used
for tuning or training (internal evaluation only), so it is always scored whole.

- case2021-task2: ``test_set_final_release_with_labels.tsv`` (id, snippet, label); 508 dev / 511 held-out.
- plover-gsr: ``PLOVER_GSR_CAMEO.json`` records (the DOCUMENT header skipped); the label is ``event``.
- acled-ukraine-sample: ``part_*.csv``; the input is ``notes``.
"""
from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

SPLITS = ("heldout", "dev", "all")
CASE_FILE = "test_set_final_release_with_labels.tsv"
PLOVER_FILE = "PLOVER_GSR_CAMEO.json"


class DataError(ValueError):
    """A corpus file is missing or not in the expected format (the message names file and line)."""


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    label: str


def split_of(corpus: str, item_id: str) -> str:
    """"dev" or "heldout" for one item (see the module docstring)."""
    digest = hashlib.sha256(f"{corpus}:{item_id}".encode("utf-8")).hexdigest()
    return "dev" if int(digest[:8], 16) % 2 == 0 else "heldout"


def in_split(corpus: str, item_id: str, split: str) -> bool:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    return split == "all" or split_of(corpus, item_id) == split


def _file(path: str | Path, name: str) -> Path:
    p = Path(path)
    if p.is_dir():
        p = p / name
    if not p.is_file():
        raise DataError(f"{p}: file not found")
    return p


def read_case(path: str | Path, split: str = "heldout") -> list[Item]:
    """CASE 2021 task 2 snippets with their labels (``path``: the folder or the .tsv)."""
    p = _file(path, CASE_FILE)
    csv.field_size_limit(10_000_000)
    items = []
    with p.open(encoding="utf-8", newline="") as fh:
        for line_no, row in enumerate(csv.reader(fh, delimiter="\t"), 1):
            if line_no == 1 and row[:1] == ["id"]:
                continue
            if len(row) != 3:
                raise DataError(f"{p}:{line_no}: expected id<TAB>snippet<TAB>label, got {len(row)} fields")
            if in_split("case2021", row[0], split):
                items.append(Item(row[0], row[1], row[2].strip()))
    return items


def read_plover(path: str | Path, split: str = "heldout") -> list[Item]:
    """PLOVER gold-standard sentences with their PLOVER event (``path``: the folder or the .json)."""
    p = _file(path, PLOVER_FILE)
    try:
        records = json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"{p}:{exc.lineno}: not JSON ({exc.msg})") from None
    items = []
    for rec in records:
        if rec.get("event") in (None, "DOCUMENT") or not rec.get("text"):
            continue
        if in_split("plover", rec["id"], split):
            items.append(Item(rec["id"], rec["text"], rec["event"]))
    return items


def read_acled(path: str | Path) -> list[dict]:
    """ACLED rows (all columns as strings) from every ``part_*.csv`` under ``path`` (or one file)."""
    p = Path(path)
    files = sorted(p.glob("*.csv")) if p.is_dir() else [p]
    if not files or not all(f.is_file() for f in files):
        raise DataError(f"{p}: no ACLED .csv file found")
    rows = []
    for f in files:
        with f.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            for line_no, row in enumerate(reader, 2):
                if not row.get("notes") or not row.get("event_type"):
                    raise DataError(f"{f}:{line_no}: row without notes or event_type")
                row["_where"] = f"{f.name}:{line_no}"
                rows.append(row)
    return rows
