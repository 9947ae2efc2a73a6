"""Event kinds and how each maps to PLOVER and to ACLED (see docs/events.md for the full table).

The extractor first gives every event a *kind*: a small, lexical class that the trigger words and
their context decide ("shelling", "air_strike", "capture", "protest", ...). Every kind has one
PLOVER category and, when ACLED codes such events, one ACLED event type and sub-event type.

PLOVER names are those of the PLOVER gold-standard records (``plover-gsr``, PLOVER 0.6): DEMAND,
DISAPPROVE, INVESTIGATE and FIGHT are, in the 2021 manual (``CAMEO2PLOVER-2021.txt``), REQUEST,
ACCUSE, ACCUSE (mode investigate) and ASSAULT (mode military). ``PLOVER_2021`` gives the newer name.

ACLED names are the sub-event types of the ACLED codebook; ``CASE_CODES`` gives the label the CASE 2021
task 2 data uses for each ("Shelling/artillery/missile attack" -> ART_MISS_ATTACK) and for the kinds ACLED
does not code (disasters, organised crime, diplomacy, claims of responsibility).
"""
from __future__ import annotations

from typing import NamedTuple

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

ARMED_CLASH = "Armed clash"
GOV_REGAINS = "Government regains territory"
NON_STATE_OVERTAKES = "Non-state actor overtakes territory"
SHELLING = "Shelling/artillery/missile attack"
AIR_STRIKE = "Air/drone strike"
IED = "Remote explosive/landmine/IED"
SUICIDE = "Suicide bomb"
GRENADE = "Grenade"
CHEMICAL = "Chemical weapon"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
SEXUAL = "Sexual violence"
PEACEFUL = "Peaceful protest"
INTERVENTION = "Protest with intervention"
EXCESSIVE_FORCE = "Excessive force against protesters"
VIOLENT_DEMO = "Violent demonstration"
MOB = "Mob violence"
AGREEMENT = "Agreement"
ARRESTS = "Arrests"
GROUP_CHANGE = "Change to group/activity"
DISRUPTED = "Disrupted weapons use"
BASE = "Headquarters or base established"
LOOTING = "Looting/property destruction"
TRANSFER = "Non-violent transfer of territory"
OTHER = "Other"

ACLED_TYPE = {
    ARMED_CLASH: BATTLES, GOV_REGAINS: BATTLES, NON_STATE_OVERTAKES: BATTLES,
    SHELLING: REMOTE, AIR_STRIKE: REMOTE, IED: REMOTE, SUICIDE: REMOTE, GRENADE: REMOTE, CHEMICAL: REMOTE,
    ATTACK: VAC, ABDUCTION: VAC, SEXUAL: VAC,
    PEACEFUL: PROTESTS, INTERVENTION: PROTESTS, EXCESSIVE_FORCE: PROTESTS,
    VIOLENT_DEMO: RIOTS, MOB: RIOTS,
    AGREEMENT: STRATEGIC, ARRESTS: STRATEGIC, GROUP_CHANGE: STRATEGIC, DISRUPTED: STRATEGIC, BASE: STRATEGIC,
    LOOTING: STRATEGIC, TRANSFER: STRATEGIC, OTHER: STRATEGIC,
}


class KindInfo(NamedTuple):
    plover: str | None  # PLOVER category (GSR names); None: PLOVER has none (elections, disasters, crime)
    acled: str | None  # ACLED sub-event type; None: ACLED does not code it
    case: str  # the CASE 2021 task 2 label


KINDS: dict[str, KindInfo] = {
    # battles and remote violence
    "armed_clash": KindInfo("FIGHT", ARMED_CLASH, "ARMED_CLASH"),
    "offensive": KindInfo("FIGHT", ARMED_CLASH, "ARMED_CLASH"),
    "capture": KindInfo("FIGHT", NON_STATE_OVERTAKES, "NON_STATE_ACTOR_OVERTAKES_TER"),
    "retake": KindInfo("FIGHT", GOV_REGAINS, "GOV_REGAINS_TERIT"),
    "territory_transfer": KindInfo("RETREAT", TRANSFER, "NON_VIOL_TERRIT_TRANSFER"),
    "shelling": KindInfo("FIGHT", SHELLING, "ART_MISS_ATTACK"),
    "air_strike": KindInfo("FIGHT", AIR_STRIKE, "AIR_STRIKE"),
    "bombing": KindInfo("ASSAULT", IED, "REM_EXPLOS"),
    "suicide_bombing": KindInfo("ASSAULT", SUICIDE, "SUIC_BOMB"),
    "grenade": KindInfo("ASSAULT", GRENADE, "GRENADE"),
    "chemical_attack": KindInfo("ASSAULT", CHEMICAL, "CHEM_WEAP"),
    # violence against civilians
    "attack": KindInfo("ASSAULT", ATTACK, "ATTACK"),
    "abduction": KindInfo("ASSAULT", ABDUCTION, "ABDUCT_DISSAP"),
    "sexual_violence": KindInfo("ASSAULT", SEXUAL, "SEX_VIOL"),
    # protests and riots
    "protest": KindInfo("PROTEST", PEACEFUL, "PEACE_PROTEST"),
    "protest_intervention": KindInfo("PROTEST", INTERVENTION, "PROTEST_WITH_INTER"),
    "force_against_protest": KindInfo("ASSAULT", EXCESSIVE_FORCE, "FORCE_AGAINST_PROTEST"),
    "riot": KindInfo("PROTEST", VIOLENT_DEMO, "VIOL_DEMONSTR"),
    "mob_violence": KindInfo("ASSAULT", MOB, "MOB_VIOL"),
    # strategic developments
    "arrest": KindInfo("COERCE", ARRESTS, "ARREST"),
    "looting": KindInfo("COERCE", LOOTING, "PROPERTY_DISTRUCT"),
    "weapons_seizure": KindInfo("COERCE", DISRUPTED, "DISR_WEAP"),
    "interception": KindInfo("FIGHT", DISRUPTED, "DISR_WEAP"),
    "base_established": KindInfo("MOBILIZE", BASE, "HQ_ESTABLISHED"),
    "deployment": KindInfo("MOBILIZE", GROUP_CHANGE, "CHANGE_TO_GROUP_ACT"),
    "mobilisation": KindInfo("MOBILIZE", GROUP_CHANGE, "CHANGE_TO_GROUP_ACT"),
    "group_change": KindInfo("RETREAT", GROUP_CHANGE, "CHANGE_TO_GROUP_ACT"),
    "agreement": KindInfo("AGREE", AGREEMENT, "AGREEMENT"),
    "ceasefire": KindInfo("RETREAT", AGREEMENT, "AGREEMENT"),
    "release": KindInfo("RETREAT", AGREEMENT, "AGREEMENT"),
    "withdrawal": KindInfo("RETREAT", TRANSFER, "NON_VIOL_TERRIT_TRANSFER"),
    "election": KindInfo(None, None, "OTHER"),
    # verbal and diplomatic events (PLOVER codes them; ACLED does not)
    "sanction": KindInfo("SANCTION", None, "DIPLO"),
    "expulsion": KindInfo("SANCTION", None, "DIPLO"),
    "meeting": KindInfo("CONSULT", None, "DIPLO"),
    "aid": KindInfo("AID", None, "DIPLO"),
    "cooperation": KindInfo("COOPERATE", None, "DIPLO"),
    "support": KindInfo("SUPPORT", None, "DIPLO"),
    "concession": KindInfo("CONCEDE", None, "DIPLO"),
    "coercion": KindInfo("COERCE", None, "DIPLO"),
    "intent": KindInfo("AGREE", None, "DIPLO"),  # a stated intent to cooperate ("said it will release")
    "threat": KindInfo("THREATEN", None, "DIPLO"),
    "demand": KindInfo("DEMAND", None, "DIPLO"),
    "rejection": KindInfo("REJECT", None, "DIPLO"),
    "accusation": KindInfo("DISAPPROVE", None, "DIPLO"),
    "investigation": KindInfo("INVESTIGATE", None, "DIPLO"),
    "responsibility": KindInfo("DISAPPROVE", None, "ATTRIB"),
    # outside PLOVER and ACLED, kept so that they are not mistaken for political violence
    "natural_disaster": KindInfo(None, None, "NATURAL_DISASTER"),
    "accident": KindInfo(None, None, "MAN_MADE_DISASTER"),
    "crime": KindInfo(None, None, "ORG_CRIME"),
}

MATERIAL_KINDS = frozenset(k for k, info in KINDS.items() if info.acled is not None)
"""Kinds ACLED codes: the events an event dataset records (and the ones a snippet is about first)."""

VIOLENT_KINDS = frozenset({
    "armed_clash", "offensive", "capture", "retake", "shelling", "air_strike", "bombing", "suicide_bombing",
    "grenade", "chemical_attack", "attack", "abduction", "sexual_violence", "force_against_protest", "riot",
    "mob_violence", "interception"})

PLOVER_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

CASE_BY_ACLED = {info.acled: info.case for info in KINDS.values() if info.acled}
CASE_BY_ACLED[OTHER] = "OTHER"

KIND_BY_ACLED = {
    ARMED_CLASH: "armed_clash", GOV_REGAINS: "retake", NON_STATE_OVERTAKES: "capture", TRANSFER: "territory_transfer",
    SHELLING: "shelling", AIR_STRIKE: "air_strike", IED: "bombing", SUICIDE: "suicide_bombing", GRENADE: "grenade",
    CHEMICAL: "chemical_attack", ATTACK: "attack", ABDUCTION: "abduction", SEXUAL: "sexual_violence",
    PEACEFUL: "protest", INTERVENTION: "protest_intervention", EXCESSIVE_FORCE: "force_against_protest",
    VIOLENT_DEMO: "riot", MOB: "mob_violence", AGREEMENT: "agreement", ARRESTS: "arrest",
    GROUP_CHANGE: "group_change", DISRUPTED: "weapons_seizure", BASE: "base_established", LOOTING: "looting",
}
"""The kind an ACLED sub-event type stands for, when the typing model re-types an event."""


def info(kind: str) -> KindInfo:
    return KINDS[kind]


def acled_type(subtype: str | None) -> str | None:
    """ACLED event type of a sub-event type ("Air/drone strike" -> "Explosions/Remote violence")."""
    return ACLED_TYPE.get(subtype) if subtype else None
