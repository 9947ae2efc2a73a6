"""Score the claims extractor (and the textacy baseline) against PolNeAR.

``system`` is the extractor in PolNeAR's broad sense of attribution (acts, polls, sourceless
passives); ``ledger`` the attributions the ledger stores (``extract_claims(attributions_only=True)``:
speech, thought and stance cues with a speaker and a proposition), scored the same way.

``evaluate_claims(gold_dir)`` parses every text of one split once, runs both
systems on the same Docs and scores source / cue / content spans (see
``scoring``). ``gold_dir`` is a split directory (``.../polnear/dev``, holding
``text/`` and ``attributions/``); given the PolNeAR root, ``dev`` is used.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from ..extract.claims import extract_claims
from ..extract.models import Models
from ..records import Article
from .polnear import GoldDoc, read_split
from .scoring import MODES, RoleScorer

ROLES = ("source", "cue", "content")
DEFAULT_SPLIT = "dev"

Units = dict[str, list[list[tuple[int, int]]]]


def gold_units(gold: GoldDoc) -> Units:
    units: Units = {role: [] for role in ROLES}
    for attribution in gold.attributions:
        for role in ROLES:
            if attribution.role(role):
                units[role].append(list(attribution.role(role)))
    return units


def system_units(doc, text: str, models: Models | None = None, attributions_only: bool = False) -> Units:
    """sayso's claims as units: PolNeAR's broad sense (the default), or only the attributions the
    ledger stores (``attributions_only``)."""
    units: Units = {role: [] for role in ROLES}
    for claim in extract_claims(doc, Article(text=text), models or Models.default(), attributions_only=attributions_only):
        if claim.speaker:
            units["source"].append([(claim.speaker.start, claim.speaker.end)])
        if claim.cue:
            units["cue"].append([(claim.cue.start, claim.cue.end)])
        units["content"].append([(s.start, s.end) for s in claim.content])
    return units


def _token_fragments(tokens) -> list[tuple[int, int]]:
    """Tokens -> character fragments, one per run of consecutive tokens."""
    frags: list[list[int]] = []
    for tok in sorted(tokens, key=lambda t: t.i):
        end = tok.idx + len(tok.text)
        if frags and frags[-1][2] == tok.i - 1:
            frags[-1][1], frags[-1][2] = end, tok.i
        else:
            frags.append([tok.idx, end, tok.i])
    return [(a, b) for a, b, _ in frags]


def baseline_units(doc, text: str) -> Units:
    """textacy's direct-quotation triples (speaker, cue, content) as character fragments."""
    from textacy.extract.triples import direct_quotations

    units: Units = {role: [] for role in ROLES}
    for triple in direct_quotations(doc):
        for role, tokens in zip(ROLES, (triple.speaker, triple.cue, triple.content)):
            frags = _token_fragments(tokens)
            if frags:
                units[role].append(frags)
    return units


def _safe(units_of: Callable[[object, str], Units], doc, text: str) -> Units:
    try:
        return units_of(doc, text)
    except (ValueError, IndexError, KeyError, AttributeError):
        return {role: [] for role in ROLES}


def resolve_split(gold_dir: str | Path) -> Path:
    path = Path(gold_dir)
    if not (path / "text").is_dir() and (path / DEFAULT_SPLIT / "text").is_dir():
        return path / DEFAULT_SPLIT
    return path


def score_docs(golds: list[GoldDoc], docs: Iterable) -> dict:
    """Score both systems on already parsed Docs (one per gold text, same order)."""
    system, ledger, baseline = RoleScorer(ROLES), RoleScorer(ROLES), RoleScorer(ROLES)
    n = 0
    for gold, doc in zip(golds, docs):
        expected = gold_units(gold)
        system.add_doc(gold.text, expected, system_units(doc, gold.text))
        ledger.add_doc(gold.text, expected, system_units(doc, gold.text, attributions_only=True))
        baseline.add_doc(gold.text, expected, _safe(baseline_units, doc, gold.text))
        n += 1
    return {"system": system.result(), "ledger": ledger.result(), "baseline": baseline.result(), "docs": n}


def evaluate_claims(gold_dir: str | Path, limit: int | None = None) -> dict:
    """PRF of source / cue / content (exact and overlap) for the extractor and textacy."""
    from ..nlp import parse

    golds = read_split(resolve_split(gold_dir), limit=limit)
    return score_docs(golds, parse(g.text for g in golds))


def format_report(result: dict) -> str:
    """A plain-text table of ``evaluate_claims`` output."""
    lines = [f"PolNeAR claims, {result['docs']} docs", f"{'system':<9}{'role':<9}{'mode':<9}  P      R      F1"]
    for name in ("system", "ledger", "baseline"):
        for role in ROLES:
            for mode in MODES:
                s = result[name][role][mode]
                lines.append(f"{name:<9}{role:<9}{mode:<9}{s['p']:.3f}  {s['r']:.3f}  {s['f1']:.3f}")
    return "\n".join(lines)
