"""The stage table: every extraction stage in order, its version, what it reads, its model files.

This is the one place a stage's version is declared. Each record carries its stage's
*extractor* string: the version, and for a stage that loads model files a fingerprint of
their bytes, so a retrained model changes it by itself (``"claims.v3+1a2b3c4d"``). The
ledger stores every stage's string with each article; an article stored under other
strings is stale, and ``sayso ingest`` (or ``sayso ingest --reextract``) extracts it again.

Bump a version by hand when a stage's rules or word lists change.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
"""The folder of the shipped model files."""
FINGERPRINT_HEX = 8
"""Hex digits of the SHA-256 kept in an extractor string."""


@dataclass(frozen=True)
class ModelFile:
    """A model file a stage loads: the :class:`~sayso.extract.models.Models` attribute that holds it."""

    name: str  # "tagger"
    file: str  # "claims_tagger.crfsuite", in the data folder


@dataclass(frozen=True)
class Stage:
    """One extraction stage: its package under ``sayso/extract``, its version, its inputs, its models."""

    name: str
    version: str
    reads: tuple[str, ...]
    models: tuple[ModelFile, ...] = ()


STAGES: tuple[Stage, ...] = (
    Stage("claims", "claims.v5", ("doc",),  # a. who said what
          (ModelFile("cue_model", "claims_cues.json"), ModelFile("tagger", "claims_tagger.crfsuite"),
           ModelFile("claim_filter", "claims_filter.json"))),
    Stage("speakers", "speakers.v3", ("doc", "claims")),  # b. who they are
    Stage("times", "times.v5", ("doc", "article date")),  # c. when
    Stage("figures", "figures.v3", ("doc", "claims")),  # d. which numbers, whose
    Stage("forecasts", "forecasts.v4", ("doc", "claims", "speakers", "times")),  # e. what will be
    Stage("places", "places.v2", ("doc",)),  # f. where (the gazetteer tables are word lists: bump by hand)
    Stage("events", "events.v2", ("doc", "article date", "times", "figures", "places"),  # g. what happened
          (ModelFile("event_typer", "events_typer.json"),)),
)
"""The stages in the order the pipeline runs them (each reads only stages before it)."""

BY_NAME = {stage.name: stage for stage in STAGES}
MODEL_FILES = {model.name: model.file for stage in STAGES for model in stage.models}
"""Models attribute -> file name in the data folder."""


def model_path(name: str, data_dir: str | Path = DATA_DIR) -> Path:
    """Where the model ``name`` ("tagger") is read from (and written to by ``training``)."""
    return Path(data_dir) / MODEL_FILES[name]


def fingerprint(parts: list[tuple[str, bytes | None]]) -> str:
    """A short hash of (file name, bytes) pairs; None stands for a file that is absent."""
    digest = hashlib.sha256()
    for name, data in parts:
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(b"absent" if data is None else hashlib.sha256(data).digest())
    return digest.hexdigest()[:FINGERPRINT_HEX]


def extractor(name: str, data_dir: str | Path = DATA_DIR, given: frozenset[str] = frozenset()) -> str:
    """The extractor string of stage ``name`` with its model files read from ``data_dir``.

    ``given`` names models handed over in memory rather than read from a file (training, tests):
    they count as "given", never as the file's bytes.
    """
    stage = BY_NAME[name]
    if not stage.models:
        return stage.version
    parts = []
    for model in stage.models:
        path = Path(data_dir) / model.file
        if model.name in given:
            parts.append((f"{model.file}:given", None))
        else:
            parts.append((model.file, path.read_bytes() if path.is_file() else None))
    return f"{stage.version}+{fingerprint(parts)}"
