"""sayso's tests; the folders mirror the package (tests/extract/claims/ tests sayso/extract/claims/)."""
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "sayso" / "examples"
