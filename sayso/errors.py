"""Errors that carry what a user needs to fix their input."""
from __future__ import annotations

from dataclasses import dataclass


class SaysoError(Exception):
    """Base class: a message meant for the user, never a traceback."""


@dataclass
class SourceError(SaysoError):
    """One input (file, or one line/record of it) could not be read as an article."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


class ModelNotFound(SaysoError):
    """No English spaCy pipeline is installed."""
