"""The trained models of the extract stages, as one value passed to them.

>>> models = Models()                          # doctest: +SKIP
>>> extract_claims(doc, article, models)       # loads the cue model, tagger and filter on first use

Each model is read from its file (:data:`sayso.stages.STAGES` names them) the first time a
stage asks for it, once per :class:`Models`; :func:`Models.default` is the one for the whole
process (the shipped files). A missing file means "without that model", as each loader says.
Tests and training hand models over directly: ``Models(claim_filter=None)``.
"""
from __future__ import annotations

import functools
from pathlib import Path

from .. import stages
from .claims.learned.cue_model import CueModel, load_cue_model
from .claims.learned.filter import ClaimFilter, load_filter
from .claims.learned.tagger import load_tagger

from .events.typer import Typer, load_typer

LOADERS = {"cue_model": load_cue_model, "tagger": load_tagger, "claim_filter": load_filter,
           "event_typer": load_typer}
"""Models attribute -> the function that reads its file."""


class Models:
    """The cue model, the CRF tagger and the claims filter, each loaded lazily from ``data_dir``."""

    def __init__(self, data_dir: str | Path = stages.DATA_DIR, **given) -> None:
        unknown = set(given) - set(LOADERS)
        if unknown:
            raise TypeError(f"unknown models: {', '.join(sorted(unknown))} (known: {', '.join(LOADERS)})")
        self.data_dir = Path(data_dir)
        self._given = dict(given)
        self._loaded: dict[str, object] = {}

    @classmethod
    @functools.cache
    def default(cls) -> "Models":
        """The process-wide models, read from the shipped files on first use."""
        return cls()

    def _get(self, name: str):
        if name in self._given:
            return self._given[name]
        if name not in self._loaded:
            self._loaded[name] = LOADERS[name](stages.model_path(name, self.data_dir))
        return self._loaded[name]

    @property
    def cue_model(self) -> CueModel:
        return self._get("cue_model")

    @property
    def tagger(self):
        """The pycrfsuite Tagger, or None (no model file, or pycrfsuite missing)."""
        return self._get("tagger")

    @property
    def claim_filter(self) -> ClaimFilter | None:
        return self._get("claim_filter")

    @property
    def event_typer(self) -> Typer | None:
        """The events re-typer, or None (no model file: the rule kinds stand)."""
        return self._get("event_typer")

    @functools.cached_property
    def versions(self) -> dict[str, str]:
        """Stage name -> extractor string (version + fingerprint of these model files)."""
        given = frozenset(self._given)
        return {stage.name: stages.extractor(stage.name, self.data_dir, given) for stage in stages.STAGES}

    def extractor(self, stage: str) -> str:
        """The extractor string records of ``stage`` carry."""
        return self.versions[stage]
