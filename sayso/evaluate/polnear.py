"""Read PolNeAR (brat standoff) gold attributions.

Layout: ``<split>/text/<name>.txt`` and ``<split>/attributions/<name>_<annotator>.ann``.
Some texts have several annotator files; exactly one is used per text: the
first ``.ann`` file in sorted order whose name starts with ``<name>_``.

``T<n>\\t<Label> <start> <end>[;<start> <end>...]\\t<text>`` lines are text-bound
annotations; ``E<n>\\tAttribution:Tx Content:Ty Cue:Tz Source:Tw`` lines tie them
into one attribution. ``Content2`` (the second half of a quote split by its cue)
is merged into ``Content``. Discontinuous spans are kept as lists of fragments.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("source", "cue", "content")
ROLE_OF_LABEL = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content"}

Fragments = tuple[tuple[int, int], ...]


@dataclass
class GoldAttribution:
    """One gold attribution: each role is a tuple of (start, end) fragments, or absent."""

    source: Fragments = ()
    cue: Fragments = ()
    content: Fragments = ()

    def role(self, name: str) -> Fragments:
        return getattr(self, name)


@dataclass
class GoldDoc:
    name: str
    text: str
    ann_path: Path
    attributions: list[GoldAttribution] = field(default_factory=list)


def parse_fragments(offsets: str) -> Fragments:
    """``"3 7;9 12"`` -> ``((3, 7), (9, 12))``."""
    frags = []
    for part in offsets.split(";"):
        start, end = part.split()
        frags.append((int(start), int(end)))
    return tuple(frags)


def _read_text_bound(lines: list[str]) -> dict[str, tuple[str, Fragments]]:
    """T-id -> (label, fragments)."""
    bound = {}
    for line in lines:
        if not line.startswith("T"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or " " not in cols[1]:
            continue
        label, offsets = cols[1].split(" ", 1)
        bound[cols[0]] = (label, parse_fragments(offsets))
    return bound


def _event_roles(line: str) -> list[tuple[str, str]]:
    """``E1\\tAttribution:T4 Content:T3`` -> [("Attribution", "T4"), ("Content", "T3")]."""
    cols = line.split("\t")
    if len(cols) < 2:
        return []
    return [tuple(arg.split(":", 1)) for arg in cols[1].split() if ":" in arg]


def _merge(frags: Fragments, more: Fragments) -> Fragments:
    return tuple(sorted(set(frags) | set(more)))


def parse_ann(ann_text: str) -> list[GoldAttribution]:
    """All attributions (E lines) of one .ann file."""
    lines = ann_text.splitlines()
    bound = _read_text_bound(lines)
    attributions = []
    for line in lines:
        if not line.startswith("E"):
            continue
        gold = GoldAttribution()
        for label, tid in _event_roles(line):
            role = ROLE_OF_LABEL.get(label)
            if role and tid in bound:
                setattr(gold, role, _merge(gold.role(role), bound[tid][1]))
        attributions.append(gold)
    return attributions


def pick_ann(ann_dir: Path, name: str) -> Path | None:
    """The first annotator file (sorted) for text ``name``."""
    prefix = f"{name}_"
    candidates = sorted(
        p for p in ann_dir.glob(f"{name}_*.ann") if "_" not in p.stem[len(prefix):]
    )
    exact = ann_dir / f"{name}.ann"
    if exact.is_file():
        candidates = sorted([exact, *candidates])
    return candidates[0] if candidates else None


def read_split(split_dir: str | Path, limit: int | None = None) -> list[GoldDoc]:
    """Gold docs of one split directory (``.../polnear/dev``), texts in sorted order."""
    split_dir = Path(split_dir)
    docs = []
    for txt in sorted((split_dir / "text").glob("*.txt")):
        if limit is not None and len(docs) >= limit:
            break
        ann = pick_ann(split_dir / "attributions", txt.stem)
        if ann is None:
            continue
        text = txt.read_bytes().decode("utf-8")  # no newline translation: offsets are raw
        gold = parse_ann(ann.read_bytes().decode("utf-8"))
        docs.append(GoldDoc(txt.stem, text, ann, gold))
    return docs
