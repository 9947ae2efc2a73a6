"""The Place record (defined in :mod:`sayso.records` with every other record)."""
from __future__ import annotations

from ...records import Place, PlaceFeature as FeatureType, PlaceKind as MentionKind

__all__ = ["FeatureType", "MentionKind", "Place"]
