"""``sayso demo``: the bundled example articles into a fresh ledger."""
from __future__ import annotations

from pathlib import Path

from .ledger import Ledger
from .pipeline import IngestSummary, ingest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run_demo(db: str | Path, examples: Path = EXAMPLES) -> tuple[IngestSummary, list[dict]]:
    """Replace ``db`` with a ledger of the examples; return the summary and all claims."""
    if not examples.is_dir():
        raise FileNotFoundError(f"bundled examples not found at {examples}")
    db = Path(db)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with Ledger(db) as ledger:
        summary = ingest([examples], ledger)
        return summary, ledger.claims()
