"""Evaluation of extractors against public gold data (PolNeAR for claims)."""
