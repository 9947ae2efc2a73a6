"""The trained re-typer: a linear model that re-reads an event's sentences to choose its ACLED type.

The rules give each event a kind; some distinctions they draw badly (an attack on soldiers or on
civilians, a protest with intervention or a violent one, a capture or a government's return). A
multinomial logistic regression (``sayso/data/events_typer.json``, trained by
``training/events.py`` on the **dev** half of case2021-task2 only) scores the 30 CASE labels
from string features of the event: its rule kind, trigger lemma, the weapon, actor and target
classes, the other kinds in its sentences, and the lemmas of those sentences (names replaced by
their entity type, so that no place or group name is learnt). The event takes the best label's kind
when its probability is at least ``min_prob`` and the kind is one the rule kind may become
(``FAMILIES``: an attack may become an armed clash or an IED, never an agreement); otherwise it keeps
the rule kind. Without the file nothing changes. Pure Python at run time (no scikit-learn).
"""
from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import lexicon as L
from . import taxonomy
from .syntax import Context, lem
from .typing_rules import weapon_kind, _window_lemmas

log = logging.getLogger(__name__)

DATA_PATH = Path(__file__).resolve().parent.parent.parent / "data" / "events_typer.json"
MIN_PROB = 0.35  # default; the trained file carries the value chosen by cross-validation on dev
STOP_POS = frozenset({"PUNCT", "SPACE", "NUM", "DET", "ADP", "CCONJ", "SCONJ", "PART", "PRON", "AUX", "SYM", "X"})
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})

CASE_TO_KIND = {**{case: kind for kind, (_, acled, case) in taxonomy.KINDS.items() if acled},
                "NATURAL_DISASTER": "natural_disaster", "MAN_MADE_DISASTER": "accident", "ORG_CRIME": "crime",
                "ATTRIB": "responsibility"}
CASE_TO_KIND.update({c: k for k, c in (("armed_clash", "ARMED_CLASH"), ("attack", "ATTACK"),
                                       ("agreement", "AGREEMENT"), ("protest", "PEACE_PROTEST"),
                                       ("weapons_seizure", "DISR_WEAP"), ("group_change", "CHANGE_TO_GROUP_ACT"),
                                       ("territory_transfer", "NON_VIOL_TERRIT_TRANSFER"))})

_VIOLENCE = taxonomy.VIOLENT_KINDS | {"looting", "weapons_seizure", "protest_intervention", "accident", "crime",
                                      "territory_transfer", "protest"}
_STRATEGIC = frozenset({"arrest", "deployment", "mobilisation", "group_change", "base_established",
                        "weapons_seizure", "agreement", "ceasefire", "release", "withdrawal", "crime",
                        "territory_transfer", "capture", "retake", "abduction", "protest_intervention"})
_VERBAL = frozenset({"sanction", "expulsion", "meeting", "aid", "cooperation", "support", "concession", "coercion",
                     "intent",
                     "threat", "demand", "rejection", "accusation", "investigation", "responsibility", "agreement",
                     "ceasefire", "release"})
FAMILIES = [_VIOLENCE, _STRATEGIC, _VERBAL, frozenset({"natural_disaster", "accident"}),
            frozenset({"election", "protest", "riot"})]
"""A rule kind may be re-typed to any kind that shares one of these families with it."""


def may_become(rule_kind: str, kind: str) -> bool:
    return kind == rule_kind or any(rule_kind in fam and kind in fam for fam in FAMILIES)


def _class(words: set[str]) -> str:
    if words & L.NONSTATE_ACTORS:
        return "nonstate"
    if words & L.PROTESTER_WORDS:
        return "protester"
    if words & L.STATE_ACTORS or words & L.MILITARY_WORDS:
        return "state"
    if words & L.CIVILIAN_WORDS:
        return "civilian"
    return "none" if not words else "other"


def event_features(ctx: Context, tok, rule_kind: str, group, actor_words: set[str],
                   target_words: set[str], other_kinds: list[str]) -> list[str]:
    """String features of one event (see the module docstring)."""
    doc = ctx.doc
    feats = [f"k={rule_kind}", f"tr={lem(tok)}", f"ac={_class(actor_words)}", f"tc={_class(target_words)}"]
    feats.append(f"wk={weapon_kind(_window_lemmas(tok) - {'fire'}) or 'none'}")
    feats.extend(f"ok={k}" for k in sorted(set(other_kinds)))
    seen = set()
    for lo, hi in group.toll_spans:
        span = doc.char_span(lo, hi, alignment_mode="expand")
        for t in span or ():
            if t.pos_ in STOP_POS or t.is_stop:
                continue
            word = f"e={t.ent_type_}" if t.ent_type_ in NAME_ENTS or t.pos_ == "PROPN" else f"w={lem(t)}"
            seen.add(word)
    feats.extend(sorted(seen))
    return feats


@dataclass
class Typer:
    labels: list[str]
    bias: list[float]
    weights: dict[str, dict[int, float]]
    min_prob: float = MIN_PROB

    def probabilities(self, feats: list[str]) -> list[float]:
        scores = list(self.bias)
        for f in feats:
            for j, w in self.weights.get(f, {}).items():
                scores[j] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def best(self, feats: list[str]) -> tuple[str, float]:
        probs = self.probabilities(feats)
        j = max(range(len(probs)), key=probs.__getitem__)
        return self.labels[j], probs[j]

    def retype(self, rule_kind: str, feats: list[str]) -> str:
        """The kind the model gives, when sure enough and allowed (see the module docstring)."""
        label, prob = self.best(feats)
        kind = CASE_TO_KIND.get(label)
        if kind is None or prob < self.min_prob:
            if label == "DIPLO" and rule_kind in _VERBAL:
                return rule_kind
            return rule_kind
        if taxonomy.KINDS[kind].case == taxonomy.KINDS[rule_kind].case:
            return rule_kind  # the same label: keep the finer rule kind ("offensive", "ceasefire")
        return kind if may_become(rule_kind, kind) else rule_kind


@lru_cache(maxsize=1)
def load_typer(path: str | None = None) -> Typer | None:
    p = Path(path) if path else DATA_PATH
    if not p.is_file():
        log.debug("events typer: no model at %s; the rule kinds stand", p)
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    weights = {f: {int(j): w for j, w in row.items()} for f, row in data["weights"].items()}
    return Typer(data["labels"], data["bias"], weights, data.get("min_prob", MIN_PROB))
