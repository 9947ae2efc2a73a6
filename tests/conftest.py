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


# -- ledger backends -----------------------------------------------------------------------------

PG_ENV = "SAYSO_TEST_PG"
"""A PostgreSQL URL (a server the tests may create and drop schemas in); .ci/run starts one."""
BACKENDS = ("sqlite", "postgresql")


def pg_url_or_skip() -> str:
    """The test server's URL, or skip with the reason."""
    import os

    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"PostgreSQL half: set {PG_ENV} to a server URL (.ci/run starts one; "
                    "see docs/postgresql.md)")
    return url


class PgSchemas:
    """Fresh, empty PostgreSQL ledgers: one schema each (``search_path`` in the URL), dropped after."""

    def __init__(self, base: str) -> None:
        import psycopg

        self.base, self.made = base, []
        self.admin = psycopg.connect(base, autocommit=True)
        try:  # pg_trgm once in public, not in a test's schema (dropping that would drop it for all)
            self.admin.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        except psycopg.Error:
            pass

    def url(self, name: str) -> str:
        import re
        import uuid

        schema = f"t_{re.sub(r'[^a-z0-9]', '_', name.lower())[:30]}_{uuid.uuid4().hex[:8]}"
        self.admin.execute(f'CREATE SCHEMA "{schema}"')
        self.made.append(schema)
        sep = "&" if "?" in self.base else "?"
        return f"{self.base}{sep}options=-csearch_path%3D{schema}"

    def drop(self) -> None:
        for schema in self.made:
            self.admin.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        self.admin.close()


@pytest.fixture(params=BACKENDS)
def ledger_url(request, tmp_path):
    """A ledger URL factory over both backends: ``ledger_url("name")`` is a fresh, empty ledger, an
    SQLite file in ``tmp_path`` or (``postgresql``, needs $SAYSO_TEST_PG) a PostgreSQL schema of its
    own, dropped after the test. A test taking it runs once per backend."""
    if request.param == "sqlite":
        yield lambda name: str(tmp_path / f"{name}.db")
        return
    schemas = PgSchemas(pg_url_or_skip())
    yield schemas.url
    schemas.drop()


@pytest.fixture
def backend(ledger_url, request) -> str:
    """The backend ``ledger_url`` gives in this test: "sqlite" or "postgresql"."""
    return request.node.callspec.params["ledger_url"]


@pytest.fixture(scope="module", params=BACKENDS)
def module_ledger_url(request, tmp_path_factory):
    """:func:`ledger_url` for a module's shared ledger (built once per backend)."""
    if request.param == "sqlite":
        folder = tmp_path_factory.mktemp("ledgers")
        yield lambda name: str(folder / f"{name}.db")
        return
    schemas = PgSchemas(pg_url_or_skip())
    yield schemas.url
    schemas.drop()
