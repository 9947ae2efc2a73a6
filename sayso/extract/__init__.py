"""Extractors: spaCy Doc + Article -> typed records with spans."""
