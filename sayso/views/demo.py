"""``sayso demo``: the bundled example articles into a fresh ledger."""
from __future__ import annotations

from pathlib import Path

from ..ledger import Ledger
from ..pipeline import IngestSummary, ingest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DEMO_AS_OF = "2024-06-30"
"""The day the demo computes forecast statuses for (the examples are from spring 2024)."""


def run_demo(db: str | Path, examples: Path = EXAMPLES) -> tuple[IngestSummary, dict[str, list[dict]]]:
    """Replace ``db`` with a ledger of the examples; return the summary and its records.

    Records: every claim, every forecast (status on each article's own date), the
    disputed figures.
    """
    if not examples.is_dir():
        raise FileNotFoundError(f"bundled examples not found at {examples}")
    db = Path(db)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with Ledger(db) as ledger:
        summary = ingest([examples], ledger)
        records = {"claims": ledger.claims(), "forecasts": ledger.forecasts(as_of=DEMO_AS_OF),
                   "disputed figures": ledger.figures(disputed=True)}
        return summary, records
