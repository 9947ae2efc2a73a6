"""Shared fixtures: the spaCy model and the trained models once per session, and the ../shared data."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
FLOORS = REPO / ".ci" / "floors.json"


@pytest.fixture(scope="session")
def nlp():
    """The process-wide spaCy pipeline (loaded once for the whole session)."""
    from sayso import nlp as sayso_nlp

    return sayso_nlp.load()


@pytest.fixture(scope="session")
def models():
    """The process-wide trained models (cue model, tagger, claims filter), loaded on first use."""
    from sayso.extract.models import Models

    return Models.default()


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


@pytest.fixture(scope="session")
def evidence_ledger(seed_path, nlp, tmp_path_factory) -> Path:
    """A ledger of the seed and the later reports of our own writing in tests/data/evidence/ (each
    settles one of the seed's forecasts, or must never count as evidence); its path."""
    from sayso.ledger import Ledger
    from sayso.pipeline import ingest

    later = REPO / "tests" / "data" / "evidence"
    path = tmp_path_factory.mktemp("evidence") / "ledger.db"
    with Ledger(path) as ledger:
        summary = ingest([seed_path, later], ledger)
    assert summary.failed == 0 and summary.new == 1 + len(list(later.glob("*.txt")))
    return path


def _check_floors():
    """The module CI gates with (.ci/check_floors.py): the floors are read the way CI reads them."""
    spec = importlib.util.spec_from_file_location("check_floors", REPO / ".ci" / "check_floors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def below_floors():
    """below_floors(section, result) -> the scores of one eval under the floors CI pins for it.

    The floors are `.ci/floors.json`, the file `.ci/check_floors.py` reads; a missing section is an error.
    """
    pinned = json.loads(FLOORS.read_text("utf-8"))
    dotted = _check_floors().lookup

    def below(section: str, result: dict) -> dict[str, tuple[float, float]]:
        return {path: (dotted(result, path), floor) for path, floor in pinned[section].items()
                if dotted(result, path) < floor}

    return below
