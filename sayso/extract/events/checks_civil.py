"""Checks for protests, arrests, deployments, agreements, diplomacy, disasters and crime (see checks.py)."""
from __future__ import annotations

from . import lexicon as L
from .checks_base import (
    _abstract, _doer, _is_person, _military_context, _modifiers, _names_thing, _object_words, _sent_has,
    _sport_context, _target, PERSON_NOUNS, PHYSICAL_SUBJECTS,
)
from .syntax import NOUN_POS, first_kid, governing_verb, lem, object_of, prep_objects


MEET_ABSTRACT = frozenset({"target", "demand", "need", "requirement", "criterion", "deadline", "expectation",
                           "standard", "goal", "obligation", "condition", "cost", "challenge", "end", "fate",
                           "death", "threshold", "quota", "mark", "eye", "gaze", "approval"})


RELEASED_THINGS = frozenset({"statement", "report", "video", "footage", "album", "film", "fund", "figure",
                             "data", "list", "detail", "image", "photo", "picture", "document", "result",
                             "version", "update", "song", "book", "plan", "budget", "information", "letter",
                             "balloon", "water", "gas", "pressure", "tension"})


AGREEMENT_VERBS = frozenset({"sign", "reach", "strike", "seal", "conclude", "broker", "clinch", "agree",
                             "announce", "finalise", "finalize", "ink", "hammer", "approve", "ratify",
                             "negotiate", "secure", "declare", "come", "take", "hold", "begin", "start",
                             "implement", "mediate", "unveil", "accept"})


AGREEMENT_NOUNS = frozenset({"agreement", "deal", "accord", "pact", "treaty", "ceasefire", "cease-fire",
                             "truce", "armistice", "memorandum", "protocol", "contract", "understanding",
                             "deal", "settlement"})


THREAT_VERBS = frozenset({"issue", "make", "receive", "send", "repeat", "renew", "deliver", "carry", "level"})
TEAR_GAS_CONTEXT = L.PROTESTER_WORDS | frozenset({"disperse", "crowd", "police", "supporter"})
OFFICIAL_SUBJECTS = frozenset({"government", "ministry", "embassy", "foreign", "minister", "state",
                               "beijing", "moscow", "washington", "kremlin", "spokesman", "spokeswoman"})


def check_expel(ctx, tok, kind):
    obj = object_of(tok)
    words = ({lem(obj)} | _modifiers(obj)) if obj is not None else set()
    if words & {"diplomat", "ambassador", "envoy", "attache", "official", "staff", "inspector", "journalist",
                "correspondent", "observer", "mission", "monitor"}:
        return "expulsion"
    if _military_context(ctx, tok) and obj is not None and (lem(obj) in L.MILITARY_WORDS or
                                                            lem(obj) in L.NONSTATE_ACTORS):
        return "retake"  # "expelled the militants from the town"
    if obj is not None and _is_person(obj):
        return "coercion"  # deportation of people
    return None


def check_volcano(ctx, tok, kind):
    doer = _doer(tok)
    return kind if doer is not None and lem(doer) in ("volcano", "mount", "crater") or \
        _sent_has(ctx, tok, {"volcano", "lava", "ash"}) else None


def check_gang(ctx, tok, kind):
    if tok.dep_ in ("compound", "npadvmod") or _military_context(ctx, tok) and \
            _sent_has(ctx, tok, {"rebel", "militant", "army", "troop"}):
        return None  # "gang-raped", "armed gangs" in a war
    return kind


def check_foiled(ctx, tok, kind):
    obj = object_of(tok)
    words = ({lem(obj)} | _modifiers(obj) | {lem(o) for o in prep_objects(obj, "of")}) if obj is not None else set()
    if words & {"smuggle", "smuggling", "trafficking", "robbery", "theft"} or _sent_has(ctx, tok, {"smuggle",
                                                                                                  "traffick"}):
        return "crime"
    if words & ({"attack", "plot", "bombing", "attempt", "strike", "assault"} | L.WEAPON_OBJECTS):
        return kind
    return None


def check_group_object(ctx, tok, kind):
    obj = object_of(tok)
    words = ({lem(obj)} | _modifiers(obj)) if obj is not None else set()
    if lem(tok) == "merge" and obj is None:
        doer = _doer(tok)
        words = ({lem(doer)} | _modifiers(doer)) if doer is not None else set()
    if words & (L.NONSTATE_ACTORS | {"brigade", "battalion", "unit", "force", "militia", "coalition", "army",
                                     "alliance", "regiment", "division", "command"}):
        return kind
    return None


def check_diplomat_object(ctx, tok, kind):
    obj = object_of(tok)
    if obj is not None and lem(obj) in ("ambassador", "envoy", "diplomat", "charge", "attache", "consul"):
        return kind
    return None


def check_protester_subject(ctx, tok, kind):
    """'Protesters gathered / blocked / chanted ...': the protest is told through its people."""
    if tok.dep_ not in ("nsubj",) or tok.head.pos_ not in ("VERB",):
        return None
    if lem(tok.head) in ("say", "tell", "claim", "believe", "want", "demand", "accuse", "fear", "hope", "die",
                         "kill", "injure", "arrest", "detain", "flee"):
        return None
    return kind


def check_violence_erupts(ctx, tok, kind):
    if tok.dep_ == "nsubj" and lem(tok.head) in ("erupt", "break", "flare", "spread", "rock", "engulf", "grip"):
        return kind
    return None


def check_disease(ctx, tok, kind):
    return kind if _sent_has(ctx, tok, {"covid", "covid-19", "coronavirus", "virus", "outbreak", "epidemic",
                                        "case", "cholera", "ebola", "spread"}) else None


def check_protest(ctx, tok, kind):
    if _names_thing(tok) or lem(tok.head) == "under" and tok.dep_ == "pobj":
        return None
    obj = first_kid(tok, "dobj")
    if obj is not None and lem(obj) in ("innocence",):
        return None
    doer = _doer(tok)
    if doer is not None and tok.pos_ not in NOUN_POS and (lem(doer) in OFFICIAL_SUBJECTS or
                                                         doer.ent_type_ == "GPE") and \
            not _sent_has(ctx, tok, L.PROTESTER_WORDS - {"protest"} | {"thousand", "hundred", "street"}):
        return "accusation"  # "China protested the visit": a diplomatic complaint
    return kind


def check_crowd_subject(ctx, tok, kind):
    doer = _doer(tok)
    if doer is not None and ({lem(doer)} | _modifiers(doer)) & (L.PROTESTER_WORDS | {"supporter", "worker"}):
        return kind
    return None


def check_demonstrate(ctx, tok, kind):
    if first_kid(tok, "dobj", "ccomp") is not None:
        return None  # "demonstrated its resolve"
    return kind


def check_rally(ctx, tok, kind):
    doer = _doer(tok)
    if doer is not None and lem(doer) in L.ABSTRACT_SUBJECTS:
        return None
    if tok.pos_ not in NOUN_POS and (first_kid(tok, "dobj") is not None or prep_objects(tok, "behind", "around")):
        return None
    if tok.pos_ in NOUN_POS and (_modifiers(tok) & {"market", "stock", "relief", "late", "share", "price",
                                                    "bond", "oil"} or _sent_has(ctx, tok, {"stock", "share",
                                                                                           "index", "price"})):
        return None
    return kind


def check_march(ctx, tok, kind):
    if tok.ent_type_ == "DATE" or tok.text[:1].isupper() and tok.i > tok.sent.start:
        return None
    if _sent_has(ctx, tok, L.PROTESTER_WORDS | {"supporter", "thousand", "hundred"}) or \
            prep_objects(tok, "against", "for", "in support of") or _modifiers(tok) & {"protest", "peace"}:
        if _sent_has(ctx, tok, {"troop", "soldier", "army", "column"}) and \
                not _sent_has(ctx, tok, L.PROTESTER_WORDS):
            return None
        return kind
    return None


def check_arrest(ctx, tok, kind):
    if _modifiers(tok) & {"cardiac", "respiratory", "heart"}:
        return None
    return kind


def check_weapons_object(ctx, tok, kind):
    obj = object_of(tok) if tok.pos_ not in NOUN_POS else _target(tok)
    if obj is None:
        return None
    words = {lem(obj)} | _modifiers(obj) | {lem(o) for o in prep_objects(obj, "of")}
    if words & L.WEAPON_OBJECTS:
        return kind
    if words & {"drug", "cocaine", "heroin", "narcotic", "cannabis", "contraband", "counterfeit"}:
        return "crime"
    return None


def check_intercept(ctx, tok, kind):
    obj = object_of(tok)
    if obj is None:
        return None
    if lem(obj) in ("missile", "rocket", "drone", "shell", "projectile", "uav", "aircraft", "target"):
        return "interception"
    if lem(obj) in L.WEAPON_OBJECTS or lem(obj) in ("shipment", "package", "consignment", "parcel", "boat"):
        return "weapons_seizure"
    return None


def check_troops_object(ctx, tok, kind):
    obj = _target(tok)
    words = _object_words(obj)
    if tok.pos_ in NOUN_POS:
        words |= _modifiers(tok)
    if words & L.TROOP_OBJECTS:
        return kind
    return None


def check_mobilise(ctx, tok, kind):
    obj = _target(tok)
    words = _object_words(obj)
    if tok.pos_ in NOUN_POS:
        words |= _modifiers(tok)
        if words & (L.MOBILISED_OBJECTS | {"military", "partial", "general", "mass", "full"}) or \
                _military_context(ctx, tok):
            return kind
        return None
    if words & L.MOBILISED_OBJECTS:
        return kind
    if obj is None and _military_context(ctx, tok):
        return kind
    return None


def check_agree(ctx, tok, kind):
    subj = _doer(tok)
    if subj is not None and subj.lower_ in ("i", "you", "we", "analysts", "experts", "scientists", "most"):
        return None
    has_terms = prep_objects(tok, "on", "to", "upon") or first_kid(tok, "xcomp", "ccomp", "dobj") is not None
    if not has_terms:
        return None
    return kind


def check_agreement(ctx, tok, kind):
    if tok.dep_ == "pobj" and lem(tok.head) == "in" or _names_thing(tok):
        return None
    if lem(tok) == "deal" and any(c.lower_ in ("great", "good") for c in tok.children):
        return None
    verb = governing_verb(tok)
    if verb is not None and lem(verb) in AGREEMENT_VERBS:
        return kind
    if tok.dep_ in ("nsubj", "nsubjpass") and lem(tok.head) in AGREEMENT_VERBS | {"take", "come", "go"}:
        return kind
    return None


def check_sign(ctx, tok, kind):
    obj = object_of(tok)
    if obj is not None and lem(obj) in AGREEMENT_NOUNS:
        return "ceasefire" if lem(obj) in ("ceasefire", "cease-fire", "truce", "armistice") else kind
    return None


def check_release(ctx, tok, kind):
    obj = object_of(tok)
    if obj is None or lem(obj) in RELEASED_THINGS or _abstract(obj):
        return None
    if lem(obj) in L.PRISONER_WORDS or obj.ent_type_ == "PERSON" or lem(obj) in PERSON_NOUNS:
        return kind
    return None


def check_prisoners(ctx, tok, kind):
    obj = _target(tok) if tok.pos_ in NOUN_POS else object_of(tok)
    words = ({lem(obj)} | _modifiers(obj)) if obj is not None else set()
    words |= _modifiers(tok)
    if words & L.PRISONER_WORDS:
        return kind
    return None


def check_vote(ctx, tok, kind):
    if _modifiers(tok) & {"opinion", "exit", "straw"} or lem(tok.head) in ("show", "suggest", "find"):
        return None
    if _sent_has(ctx, tok, {"election", "referendum", "ballot", "voter", "polling", "electorate"}):
        return kind
    return None


def check_sanction(ctx, tok, kind):
    if tok.pos_ in NOUN_POS and tok.lower_ == "sanction" and not _modifiers(tok):
        return None  # "without the sanction of parliament"
    return kind


def check_relations(ctx, tok, kind):
    obj = object_of(tok)
    words = ({lem(obj)} | _modifiers(obj)) if obj is not None else set()
    if words & L.RELATION_OBJECTS:
        return kind
    return None


def check_meet(ctx, tok, kind):
    obj = first_kid(tok, "dobj")
    if obj is not None and (lem(obj) in MEET_ABSTRACT or _abstract(obj)):
        return None
    return kind


def check_talks(ctx, tok, kind):
    return kind if tok.lower_ == "talks" else None


def check_restriction_object(ctx, tok, kind):
    obj = object_of(tok)
    if obj is not None and ({lem(obj)} | _modifiers(obj)) & L.RESTRICTION_OBJECTS:
        return kind
    return None


def check_ban(ctx, tok, kind):
    return None if _sport_context(ctx, tok) else kind


def check_threat(ctx, tok, kind):
    return kind if lem(tok.head) in THREAT_VERBS else None


def check_appeal(ctx, tok, kind):
    return kind if prep_objects(tok, "for", "to") else None


def check_dismiss(ctx, tok, kind):
    obj = object_of(tok)
    if obj is None or _is_person(obj):
        return None
    return kind


def check_weather(ctx, tok, kind):
    if prep_objects(tok, "of") and lem(tok) == "storm":
        return None  # "a storm of criticism"
    if lem(tok) == "rain" and not _modifiers(tok) & L.WEATHER_CUES:
        return None
    if lem(tok) == "storm" and not (_modifiers(tok) & L.WEATHER_CUES or tok.ent_type_ or
                                     _sent_has(ctx, tok, {"wind", "rain", "flood", "landfall", "weather"})):
        return None
    return kind


def check_accident(ctx, tok, kind):
    doer = _doer(tok)
    words = _modifiers(tok) | ({lem(doer)} | _modifiers(doer) if doer is not None else set())
    if words & L.VEHICLES:
        return kind
    return None


def check_physical_subject(ctx, tok, kind):
    doer = _doer(tok) if tok.pos_ not in NOUN_POS else None
    words = _modifiers(tok) | ({lem(doer)} | _modifiers(doer) if doer is not None else set())
    if tok.pos_ in NOUN_POS:
        words |= {lem(o) for o in prep_objects(tok, "of", "at", "in")}
    if words & PHYSICAL_SUBJECTS or lem(tok) == "leak" and words & {"gas", "chemical", "oil", "radiation"}:
        return kind
    return None


def check_fire_breaks_out(ctx, tok, kind):
    subj = first_kid(tok, "nsubj")
    return kind if subj is not None and lem(subj) in ("fire", "blaze", "inferno") else None


def check_base_object(ctx, tok, kind):
    obj = first_kid(tok, "dobj")
    return kind if obj is not None and lem(obj) in L.BASE_OBJECTS else None


def check_teargas(ctx, tok, kind):
    return kind if _sent_has(ctx, tok, TEAR_GAS_CONTEXT) else None
