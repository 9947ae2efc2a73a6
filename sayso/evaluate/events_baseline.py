"""The keyword baselines the events evaluation reports next to the system, and the label scorer.

Each baseline is a plain word-count classifier: the label whose keywords (whole words, any case)
occur most often in the text wins, ties going to the label listed first; text with no keyword gets
the corpus's most frequent dev label. No syntax, no context — the floor any event typer must clear.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

CASE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "SUIC_BOMB": ("suicide",), "CHEM_WEAP": ("chemical", "chlorine", "sarin", "gas attack"),
    "GRENADE": ("grenade", "grenades"), "AIR_STRIKE": ("airstrike", "airstrikes", "air strike", "warplanes",
                                                      "warplane", "drone strike", "jets"),
    "ART_MISS_ATTACK": ("shelling", "shelled", "artillery", "missile", "missiles", "rocket", "rockets", "mortar"),
    "REM_EXPLOS": ("bomb", "explosive", "ied", "landmine", "blast", "explosion"),
    "ARMED_CLASH": ("clash", "clashes", "clashed", "fighting", "gunfight"),
    "ATTACK": ("attack", "attacked", "gunmen", "killed"),
    "ABDUCT_DISSAP": ("abducted", "kidnapped", "abduction", "kidnapping"),
    "SEX_VIOL": ("rape", "raped", "sexual", "sexually"),
    "ARREST": ("arrested", "arrest", "detained"),
    "FORCE_AGAINST_PROTEST": ("opened fire on protesters", "killed protesters"),
    "PROTEST_WITH_INTER": ("tear gas", "teargas", "water cannon", "dispersed"),
    "VIOL_DEMONSTR": ("riot", "rioters", "stones", "petrol bombs"),
    "MOB_VIOL": ("mob", "lynched", "lynching"),
    "PEACE_PROTEST": ("protest", "protesters", "protested", "demonstration", "rally", "march"),
    "GOV_REGAINS_TERIT": ("regained", "recaptured", "retook", "liberated"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("seized", "captured", "took control"),
    "NON_VIOL_TERRIT_TRANSFER": ("withdrew", "withdrawn", "handed over"),
    "HQ_ESTABLISHED": ("base", "headquarters", "observation post"),
    "CHANGE_TO_GROUP_ACT": ("defected", "deployed", "formed", "merged"),
    "DISR_WEAP": ("seized weapons", "defused", "intercepted", "weapons cache", "ammunition"),
    "PROPERTY_DISTRUCT": ("looted", "looting", "torched", "set fire", "vandalised"),
    "AGREEMENT": ("agreement", "agreed", "ceasefire", "deal", "signed"),
    "DIPLO": ("sanctions", "diplomats", "expelled", "embassy"),
    "ATTRIB": ("claimed responsibility", "blamed", "responsibility"),
    "NATURAL_DISASTER": ("earthquake", "flood", "floods", "storm", "cyclone", "covid"),
    "MAN_MADE_DISASTER": ("crash", "crashed", "fire", "spill", "collapsed"),
    "ORG_CRIME": ("robbery", "smuggling", "trafficking", "drugs", "gang"),
}
PLOVER_KEYWORDS: dict[str, tuple[str, ...]] = {
    "AGREE": ("agree", "agreed", "agreement"), "DEMAND": ("demand", "demanded", "demanding"),
    "REJECT": ("reject", "rejected", "refused"), "THREATEN": ("threaten", "threatened", "warned"),
    "PROTEST": ("protest", "demonstrated", "strike", "rally", "rallies"),
    "COERCE": ("arrested", "banned", "seized", "detained"), "FIGHT": ("fighting", "clashes", "shelled"),
    "DISAPPROVE": ("criticized", "accused", "condemned"), "ASSAULT": ("killed", "attacked", "bomb"),
    "RETREAT": ("withdrew", "withdrawal", "released", "surrendered"), "SANCTION": ("sanctions", "suspended"),
    "SUPPORT": ("praised", "welcomed", "support"), "CONCEDE": ("eased", "lifted", "allowed"),
    "CONSULT": ("met", "visit", "talks"), "AID": ("aid", "donated", "asylum"),
    "INVESTIGATE": ("investigate", "investigated", "investigation"), "MOBILIZE": ("mobilized", "mobilised"),
    "COOPERATE": ("cooperate", "extradited", "shared"),
}


@lru_cache(maxsize=None)
def _patterns(table_id: int, keywords: tuple[tuple[str, tuple[str, ...]], ...]):
    return [(label, re.compile(r"\b(?:" + "|".join(re.escape(k) for k in words) + r")\b", re.I))
            for label, words in keywords]


def keyword_label(text: str, table: dict[str, tuple[str, ...]], default: str) -> str:
    """The label whose keywords occur most often in ``text`` (``default`` when none does)."""
    pats = _patterns(id(table), tuple(table.items()))
    best, best_n = default, 0
    for label, pat in pats:
        n = len(pat.findall(text))
        if n > best_n:
            best, best_n = label, n
    return best


def score_labels(gold: list[str], pred: list[str]) -> dict:
    """Accuracy, macro-F1 and support-weighted F1 over the gold labels (as scikit-learn computes
    ``f1_score(average="weighted")``: per-label F1 weighted by the label's gold count), plus per label."""
    labels = sorted(set(gold))
    tp, n_gold, n_pred = Counter(), Counter(gold), Counter(pred)
    for g, p in zip(gold, pred):
        if g == p:
            tp[g] += 1
    per = {}
    for label in labels:
        p = tp[label] / n_pred[label] if n_pred[label] else 0.0
        r = tp[label] / n_gold[label] if n_gold[label] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per[label] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "support": n_gold[label]}
    total = len(gold) or 1
    return {
        "n": len(gold),
        "accuracy": round(sum(tp.values()) / total, 4),
        "macro_f1": round(sum(v["f1"] for v in per.values()) / (len(per) or 1), 4),
        "weighted_f1": round(sum(v["f1"] * v["support"] for v in per.values()) / total, 4),
        "per_label": per,
    }
