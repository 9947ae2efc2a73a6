"""What one ingest or load run did: :class:`IngestSummary`.

Its own module so that ``sayso load`` (:mod:`sayso.scale.load`), which stores records and parses
nothing, does not import spaCy and the stages with :mod:`sayso.pipeline`: that import was 1.3 s of a
2,000-story load's 7.7 s (py-spy).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .errors import SourceError


@dataclass
class IngestSummary:
    """What one ingest run did."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    claims: int = 0
    metadata: int = 0  # unchanged articles seen again with other metadata (recorded as versions)
    errors: list[SourceError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # readers' notes (a date stored undated ...)

    @property
    def ingested(self) -> int:
        return self.new + self.updated + self.unchanged

    def count(self, outcome: str, n_claims: int = 0) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        if outcome in ("new", "updated"):
            self.claims += n_claims
