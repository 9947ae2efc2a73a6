"""Cross-article figure comparison: group figures that measure the same thing, flag groups that disagree.

Pure functions over :class:`FigureRow` (one figure with where it came from); the ledger and
``sayso figures`` build the rows. Two figures measure the same thing when they have

- the same **measure**: the words of the counted phrase and of the act counted, each mapped to its
  concept by sayso/data/figures_synonyms.json ("mobilised soldiers", "troops mobilised" and "the
  mobilisation of ... soldiers" are all {mobilisation, soldier}); words such as "new" are ignored;
  with an act, the people it counts merge into "person" ("40,000 members joined the strike", "12,000
  dockworkers on strike", "12,000 strikers" are all {strike, person}; see :func:`measure_key`);
- the same **subject** (what the count is of: "Russia"), compared case-insensitively; a figure
  without a subject is not grouped: "15 civilians were killed" in two towns are not one count;
- the same **kind of unit** (a count, people, a currency, percent, ...);
- **compatible time**: published within ``FIGURE_TIME_WINDOW_DAYS`` of the group's first figure
  (an undated figure is compatible with any date).

A group is **disputed** when no single value fits every member's interval. Each figure gets half the
tolerance on either side, so two plain figures disagree when they differ by more than about
``FIGURE_TOLERANCE`` (10 %): a plain value v stands for v ± 5 %, an approximate one ("about", "an
estimated") for v ± ``FIGURE_APPROX_TOLERANCE`` / 2 (10 %), "more than v" for [v, ∞), "up to v" for
[0, v + 5 %], "nearly v" for [v − 20 %, v + 5 %], a range for its low..high (± 5 %). A negative value
keeps its sign and widens the same way (−10 is −10.5..−9.5; −5 % and +5 % disagree). Figures with no
counted thing and no act are not grouped either.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

__all__ = [
    "FIGURE_TOLERANCE", "FIGURE_APPROX_TOLERANCE", "FIGURE_TIME_WINDOW_DAYS", "FigureRow", "FigureGroup",
    "group_figures", "measure_key", "participants", "interval", "disputed", "rows_from_extraction", "group_dict",
]

FIGURE_TOLERANCE = 0.10  # relative: 500,000 and 540,000 agree; 500,000 and 560,000 do not
FIGURE_APPROX_TOLERANCE = 0.20  # for "about", "an estimated", "roughly", ...
FIGURE_TIME_WINDOW_DAYS = 31
LOWER_BOUND = frozenset({"more than", "much more than", "far more than", "well over", "over", "at least",
                         "no fewer than", "no less than", "above", "in excess of", "upwards of", "just over",
                         "or more", "plus", "and counting"})
UPPER_BOUND = frozenset({"up to", "fewer than", "less than", "at most", "no more than", "under", "below",
                         "or fewer", "or less", "as few as"})
NEAR_BELOW = frozenset({"nearly", "almost", "just under", "close to"})
APPROXIMATE = frozenset({"an estimated", "estimated", "about", "around", "roughly", "approximately", "some",
                         "or so", "as many as", "as much as", "somewhere around"})
PEOPLE_UNIT = "people"
COUNT_UNITS = frozenset({None, "", PEOPLE_UNIT})
PERSON = "person"  # the concept of people counted by an act


@dataclass(frozen=True)
class FigureRow:
    """One figure as the comparison sees it: what it measures, its value, and where it came from."""

    figure_id: str
    article_id: str
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    counted: str | None = None
    subject: str | None = None
    speaker: str | None = None  # who states it (None: the publication)
    owner: str | None = None  # whose figure it is, when the speaker reports another party's
    published: str | None = None  # "YYYY-MM-DD", "YYYY-MM", "YYYY" or None
    event: str | None = None
    qualifier: str | None = None
    text: str | None = None  # the figure as written
    source: str | None = None  # the publication / article title


@dataclass
class FigureGroup:
    """Figures of several articles or speakers that measure the same thing."""

    subject: str
    measure: tuple[str, ...]  # sorted concepts: ("mobilisation", "soldier")
    unit: str | None
    rows: list[FigureRow] = field(default_factory=list)
    disputed: bool = False

    @property
    def label(self) -> str:
        what = " ".join(self.measure)
        return f"{self.subject}: {what}" if self.subject else what


@lru_cache(maxsize=1)
def _synonym_data() -> dict:
    return json.loads(resources.files("sayso.data").joinpath("figures_synonyms.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def synonyms() -> tuple[dict[str, str], frozenset[str]]:
    """word -> concept, and the ignored words (sayso/data/figures_synonyms.json)."""
    data = _synonym_data()
    table = {word: concept for concept, ws in data["concepts"].items() for word in ws}
    return table, frozenset(data["ignore"])


def participants(event: str | None) -> frozenset[str]:
    """Concepts of the people an event counts that do not change the measure: for a strike,
    "members", "dockworkers" and "workers" on strike are all people on strike."""
    table = _synonym_data()["participants"]
    return frozenset(table.get("*", [])) | frozenset(table.get(event or "", [])) if event else frozenset()


def _lemma(word: str) -> str:
    """A crude singular for words the extractor did not lemmatise (plural nouns in rows from elsewhere)."""
    table, _ = synonyms()
    if word in table or len(word) < 4:
        return word
    for suffix, repl in (("ies", "y"), ("ses", "s"), ("s", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in table:
            return word[: -len(suffix)] + repl
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def measure_key(counted: str | None, event: str | None, unit: str | None = None) -> tuple[str, ...]:
    """The concepts a figure measures: counted words and the act, mapped through the synonyms.

    With an act, the people it counts become one concept, ``PERSON``: "40,000 members joined the
    strike", "12,000 dockworkers on strike", "12,000 strikers" and "40,000 on strike" (a bare count
    of people) are all ("strike", "person"); "15 strikes" (a count of acts) is ("strike",)."""
    table, ignore = synonyms()
    agents = _synonym_data()["agent_nouns"]
    concepts, acts = set(), {table.get(event.lower(), event.lower())} if event else set()
    for word in (w for w in (counted or "").lower().replace("-", " ").split() if w not in ignore):
        lemma = _lemma(word)
        if lemma in agents:  # "strikers": people taking part in a strike
            acts.add(agents[lemma])
            concepts.add(PERSON)
        else:
            concepts.add(table.get(lemma, lemma))
    for act in acts:
        concepts = {PERSON if c in participants(act) else c for c in concepts} | {act}
    if acts and not counted and unit == PEOPLE_UNIT:
        concepts.add(PERSON)
    return tuple(sorted(concepts - {PERSON})) + ((PERSON,) if PERSON in concepts else ())  # "strike person"


def unit_kind(unit: str | None) -> str | None:
    return None if unit in COUNT_UNITS else unit


def row_key(row: FigureRow) -> tuple | None:
    """(subject, measure, unit kind), or None when the row cannot be compared (no subject or measure)."""
    measure = measure_key(row.counted, row.event, row.unit)
    if not measure or not row.subject:
        return None
    return ((row.subject or "").lower(), measure, unit_kind(row.unit))


def interval(row: FigureRow) -> tuple[float, float] | None:
    """The values ``row`` allows (see the module docstring); None when it has no number.

    Each figure gets half the tolerance on either side, so two plain figures disagree when they
    differ by more than about ``FIGURE_TOLERANCE`` of their size."""
    t, a = FIGURE_TOLERANCE / 2, FIGURE_APPROX_TOLERANCE / 2
    if row.value is None:
        if row.low is None and row.high is None:
            return None
        low = row.low if row.low is not None else row.high
        high = row.high if row.high is not None else math.inf
        return (_scaled(min(low, high), 1 - t, 1 + t)[0], _scaled(max(low, high), 1 - t, 1 + t)[1])
    v, q = row.value, (row.qualifier or "").lower()
    if q in LOWER_BOUND:
        return (v, math.inf)
    if q in UPPER_BOUND:
        return (0.0 if v >= 0 else -math.inf, _scaled(v, 1 - t, 1 + t)[1])
    if q in NEAR_BELOW:
        return _scaled(v, 1 - 2 * a, 1 + t)
    tol = a if q in APPROXIMATE else t
    return _scaled(v, 1 - tol, 1 + tol)


def _scaled(v: float, down: float, up: float) -> tuple[float, float]:
    """``v`` times both factors, lower first: a negative value widens the same way as a positive
    one (-10 ± 5 % is -10.5..-9.5), and "nearly -10" stays on the side of zero, as "nearly 10" does."""
    ends = (v * down, v * up)
    return (min(ends), max(ends))


def disputed(rows: list[FigureRow]) -> bool:
    """True when no single value lies in every row's interval."""
    spans = [s for s in (interval(r) for r in rows) if s is not None]
    return len(spans) > 1 and max(s[0] for s in spans) > min(s[1] for s in spans)


def _day(published: str | None) -> date | None:
    if not published:
        return None
    parts = (published.split("-") + ["1", "1"])[:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def _time_windows(rows: list[FigureRow]) -> list[list[FigureRow]]:
    """Split rows of one key into runs whose dates lie within the window of the run's first date."""
    days = [(_day(r.published), r) for r in rows]
    dated = sorted(((d, r) for d, r in days if d), key=lambda pair: pair[0])
    undated = [r for d, r in days if not d]
    runs: list[list[FigureRow]] = []
    first = None  # the date of the current run's first row
    for day, row in dated:
        if runs and (day - first).days <= FIGURE_TIME_WINDOW_DAYS:
            runs[-1].append(row)
        else:
            runs.append([row])
            first = day
    if undated:
        if not runs:
            runs.append([])
        runs[0].extend(undated)
    return runs


def group_figures(rows) -> list[FigureGroup]:
    """Group rows that measure the same thing (disputed groups first, then by size)."""
    by_key: dict[tuple, list[FigureRow]] = {}
    for row in rows:
        key = row_key(row)
        if key is not None:
            by_key.setdefault(key, []).append(row)
    groups = []
    for (_, measure, unit), members in by_key.items():
        for run in _time_windows(members):
            groups.append(FigureGroup(run[0].subject, measure, unit, run, disputed(run)))
    groups.sort(key=lambda g: (not g.disputed, -len(g.rows), g.label))
    return groups


def rows_from_extraction(extraction) -> list[FigureRow]:
    """FigureRows of one :class:`~sayso.records.Extraction` (speaker names from its entities)."""
    names = {e.key: e.name for e in extraction.entities}
    article, rows = extraction.article, []
    for fig in extraction.figures:
        claim = extraction.claims[fig.claim_index] if fig.claim_index is not None else None
        speaker = None
        if claim is not None:
            speaker = names.get(claim.speaker_key or "") or (claim.speaker.text if claim.speaker else None)
        rows.append(FigureRow(
            f"{article.id}:{fig.start}", article.id, fig.value, fig.low, fig.high, fig.unit, fig.counted,
            fig.subject, speaker, fig.owner, article.published, fig.event, fig.qualifier, fig.text,
            article.source or article.title,
        ))
    return rows


def group_dict(group: FigureGroup) -> dict:
    """A group as a JSON-ready dict: what it measures, whether it is disputed, each value with its source."""
    return {
        "subject": group.subject, "measure": list(group.measure), "unit": group.unit, "label": group.label,
        "disputed": group.disputed,
        "figures": [asdict(r) for r in group.rows],
    }
