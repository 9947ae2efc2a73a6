"""sayso's tests; the folders mirror the package (tests/extract/claims/ tests sayso/extract/claims/)."""
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "sayso" / "examples"


def gold_data(path: Path) -> Path:
    """``path`` in ../shared/evaldata, or skip the test saying which gold data is missing."""
    import pytest

    if not path.exists():
        pytest.skip(f"gold data missing: {path} not found (it comes with ../shared/evaldata, which CI has)")
    return path
