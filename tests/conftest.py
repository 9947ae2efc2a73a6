"""Shared fixtures: the spaCy model once per session, and the ../shared data."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The process-wide spaCy pipeline (loaded once for the whole session)."""
    from sayso import nlp as sayso_nlp

    return sayso_nlp.load()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout (CI has it); skip with the reason when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"needs ../shared beside the checkout ({SHARED} not found)")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir) -> Path:
    path = shared_dir / "seed" / "000_b5f3a73349865c75.txt"
    if not path.is_file():
        pytest.skip(f"seed article {path} not found")
    return path
