"""Typing: from a trigger's first kind to the kind its sentence tells (and so its PLOVER / ACLED type).

The rules, in order, each one only for the kinds it names:

1. weapons: an attack, bombing or strike takes the most specific weapon named in its clause
   ("attacked with grenades" -> grenade; "a suicide car bomb" -> suicide bombing; "rockets hit" ->
   shelling; "warplanes bombed" -> air strike);
2. who was hit: a generic attack or killing of soldiers, positions, bases or patrols is an armed clash
   (ACLED codes an attack on armed forces as a battle, on civilians as violence against civilians);
3. protests: a protest with violence by the protesters (stones, petrol bombs, torching, clashes) is a
   violent demonstration (riot); with lethal force or beatings by security forces an excessive-force
   event; with tear gas, water cannon, dispersal or arrests a protest with intervention; a clash of
   mobs, villagers or communities is mob violence;
4. territory: a capture told with a non-violence cue ("without a fight", "withdrew", "no information
   on whether fighting took place") is a non-violent transfer; otherwise a government's or army's
   capture is "government regains territory" and a rebel, militant or foreign occupier's capture is
   "non-state actor overtakes territory", whatever the verb ("retook", "seized").
"""
from __future__ import annotations

from . import lexicon as L
from .syntax import Context, lem

ATTACK_LIKE = frozenset({"attack", "bombing", "shelling", "air_strike", "offensive"})
PROTEST_FAMILY = frozenset({"protest", "protest_intervention", "force_against_protest", "riot", "mob_violence"})
CAPTURE_FAMILY = frozenset({"capture", "retake", "territory_transfer"})
ARMED_TARGETS = L.MILITARY_TARGETS | frozenset({"terrorist", "militant", "rebel", "insurgent", "jihadist",
                                                "fighter", "gunman", "guerrilla"})
MOB_ONLY = frozenset({"mob", "vigilante", "lynch", "vigilantism"})
WEAPON_WINDOW = 12  # tokens either side of the trigger where a weapon word types it
PROTEST_INTERVENTION_LEMMAS = frozenset({"tear", "teargas", "cannon", "disperse", "pepper", "rubber", "baton",
                                         "arrest", "detain", "dispersal", "truncheon", "spray"})
LETHAL_LEMMAS = frozenset({"kill", "dead", "death", "die", "beat", "bullet", "live", "gunfire", "brutally",
                           "injure", "wound", "torture"})
RIOTING_LEMMAS = frozenset({"stone", "rock", "petrol", "molotov", "torch", "vandalise", "vandalize", "smash",
                            "loot", "hurl", "throw", "pelt", "firecracker", "barricade", "ransack", "arson",
                            "brick", "violent", "riot", "rioter", "clash", "burn", "unrest", "storm"})


def _window_lemmas(tok, width: int = WEAPON_WINDOW) -> set[str]:
    sent = tok.sent
    lo, hi = max(sent.start, tok.i - width), min(sent.end, tok.i + width + 1)
    return {lem(t) for t in tok.doc[lo:hi]}


def weapon_kind(lemmas) -> str | None:
    found = {L.WEAPON_KINDS[w] for w in lemmas if w in L.WEAPON_KINDS}
    for kind in L.WEAPON_PRIORITY:
        if kind in found:
            return kind
    return None


def _actor_class(words: set[str]) -> str | None:
    if words & L.FOREIGN_OCCUPIER_CUES or words & L.NONSTATE_ACTORS:
        return "nonstate"
    if words & L.STATE_ACTORS:
        return "state"
    return None


def refine(ctx: Context, tok, kind: str, actor_words: set[str], target_words: set[str],
           next_sentence: str = "") -> str:
    """The kind the trigger at ``tok`` has once its sentence is read (see the module docstring)."""
    sent_lemmas = ctx.sent_lemmas(tok)
    if kind in ATTACK_LIKE:
        weapon = weapon_kind(_window_lemmas(tok) - {"fire"})
        if weapon is not None and _more_specific(weapon, kind):
            kind = weapon
        elif kind == "attack" and target_words & ARMED_TARGETS and not target_words & L.CIVILIAN_WORDS:
            kind = "armed_clash"
    if kind in PROTEST_FAMILY or kind in ("armed_clash", "attack", "arrest", "looting") and \
            sent_lemmas & (L.PROTESTER_WORDS - {"crowd", "activist"}):
        kind = _protest_kind(kind, sent_lemmas)
    elif (kind in ("armed_clash", "attack", "looting") and sent_lemmas & MOB_ONLY or
          kind == "armed_clash" and sent_lemmas & L.MOB_WORDS) and not sent_lemmas & L.MILITARY_WORDS:
        kind = "mob_violence"
    if kind in CAPTURE_FAMILY:
        kind = _capture_kind(kind, ctx.text[tok.sent.start_char:tok.sent.end_char] + " " + next_sentence,
                             actor_words)
    return kind


def _more_specific(weapon: str, kind: str) -> bool:
    """A weapon types a generic attack; among weapons the more specific wins (``WEAPON_PRIORITY``)."""
    if kind == "attack":
        return True
    if kind not in L.WEAPON_PRIORITY:
        return False
    return L.WEAPON_PRIORITY.index(weapon) < L.WEAPON_PRIORITY.index(kind)


def _protest_kind(kind: str, lemmas: frozenset[str]) -> str:
    if kind == "mob_violence" or lemmas & {"mob", "lynch", "vigilante"}:
        return "mob_violence"
    if lemmas & RIOTING_LEMMAS or kind == "riot":
        return "riot"
    if lemmas & LETHAL_LEMMAS and lemmas & L.SECURITY_WORDS:
        return "force_against_protest"
    if lemmas & PROTEST_INTERVENTION_LEMMAS or kind == "protest_intervention":
        return "protest_intervention"
    if kind in ("attack", "armed_clash") and lemmas & L.SECURITY_WORDS:
        return "force_against_protest"
    return "protest" if kind not in ("attack", "armed_clash", "looting") else kind


def _capture_kind(kind: str, text: str, actor_words: set[str]) -> str:
    low = text.lower()
    if kind == "territory_transfer" or any(cue in low for cue in L.NONVIOLENT_CUES):
        return "territory_transfer"
    actor = _actor_class(actor_words)
    if actor == "nonstate":
        return "capture"
    if actor == "state":
        return "retake"
    return kind
