"""Span matching and precision / recall / F1 for attribution roles.

A unit is one role span (a list of (start, end) fragments) of one attribution.
Fragments are compared as the union of their characters, after trimming
whitespace, punctuation and quote marks from both ends.

- exact: the trimmed character sets are equal;
- overlap: the shared characters cover at least half of the gold span AND at
  least half of the predicted span.

Within one document and one role, gold and predicted units are matched one to
one, greedily by the largest number of shared characters.
"""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Iterable, Sequence

TRIM_CHARS = frozenset(string.whitespace + string.punctuation + "“”‘’«»„‟‚‛—–…")
OVERLAP_MIN = 0.5
MODES = ("exact", "overlap")

Fragments = Sequence[tuple[int, int]]


def trimmed_chars(text: str, fragments: Fragments) -> frozenset[int]:
    """Character offsets covered by ``fragments``, trimmed at both ends."""
    chars = sorted({i for start, end in fragments for i in range(start, min(end, len(text)))})
    lo, hi = 0, len(chars)
    while lo < hi and text[chars[lo]] in TRIM_CHARS:
        lo += 1
    while hi > lo and text[chars[hi - 1]] in TRIM_CHARS:
        hi -= 1
    return frozenset(chars[lo:hi])


def is_match(gold: frozenset[int], pred: frozenset[int], mode: str) -> bool:
    if not gold or not pred:
        return False
    if mode == "exact":
        return gold == pred
    shared = len(gold & pred)
    return shared >= OVERLAP_MIN * len(gold) and shared >= OVERLAP_MIN * len(pred)


def matched_pairs(gold: list[frozenset[int]], pred: list[frozenset[int]], mode: str) -> list[tuple[int, int]]:
    """(gold index, predicted index) of a greedy one-to-one matching (largest shared characters first)."""
    pairs = [
        (len(g & p), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if is_match(g, p, mode)
    ]
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_gold, used_pred, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            out.append((gi, pi))
    return out


def count_matches(gold: list[frozenset[int]], pred: list[frozenset[int]], mode: str) -> int:
    """Size of a greedy one-to-one matching (largest shared characters first)."""
    return len(matched_pairs(gold, pred, mode))


@dataclass
class Counts:
    tp: int = 0
    n_gold: int = 0
    n_pred: int = 0

    def add(self, tp: int, n_gold: int, n_pred: int) -> None:
        self.tp += tp
        self.n_gold += n_gold
        self.n_pred += n_pred

    def prf(self) -> dict[str, float]:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}


@dataclass
class RoleScorer:
    """Accumulates counts per role and mode over documents."""

    roles: tuple[str, ...] = ("source", "cue", "content")
    counts: dict[tuple[str, str], Counts] = field(default_factory=dict)

    def add_doc(self, text: str, gold: dict[str, list[Fragments]], pred: dict[str, list[Fragments]]) -> None:
        """``gold``/``pred``: role -> list of units (each a list of fragments) in one document."""
        for role in self.roles:
            g = _units(text, gold.get(role, []))
            p = _units(text, pred.get(role, []))
            for mode in MODES:
                tp = count_matches(g, p, mode)
                self.counts.setdefault((role, mode), Counts()).add(tp, len(g), len(p))

    def result(self) -> dict[str, dict[str, dict[str, float]]]:
        return {
            role: {mode: self.counts.get((role, mode), Counts()).prf() for mode in MODES}
            for role in self.roles
        }


def _units(text: str, units: Iterable[Fragments]) -> list[frozenset[int]]:
    """Trimmed character sets; units that trim to nothing are dropped."""
    sets = (trimmed_chars(text, u) for u in units if u)
    return [s for s in sets if s]
