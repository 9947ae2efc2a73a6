"""Checks for the words of violence: battles, strikes, shelling, bombs, attacks, captures (see checks.py)."""
from __future__ import annotations

from . import lexicon as L
from .checks_base import (
    _abstract, _doer, _is_person, _is_place, _military_context, _modifiers, _names_thing, _object_words,
    _sent_has, _sport_context, _target, _weapon_kind_near, MUNITIONS, PERSON_NOUNS, VIOLENCE_WORDS,
)
from .syntax import NOUN_POS, PLACE_ENTS, first_kid, lem, object_of, prep_objects


FILMED_THINGS = frozenset({"film", "video", "scene", "footage", "movie", "photo", "picture", "ad", "episode",
                           "documentary", "clip", "series", "season"})


LAUNCH_NOUNS = frozenset({"launch", "fire", "drop", "lob", "hurl", "throw"})


def check_weak(ctx, tok, kind):
    return None if _sport_context(ctx, tok) else kind


def check_clash(ctx, tok, kind):
    subj = _doer(tok)
    if subj is not None and lem(subj) in L.ABSTRACT_SUBJECTS or _sport_context(ctx, tok):
        return None
    if _modifiers(tok) & L.FIGURATIVE_MODIFIERS:
        return None
    if not _military_context(ctx, tok) and not _sent_has(ctx, tok, L.PROTESTER_WORDS | L.MOB_WORDS
                                                          | frozenset({"police", "group", "supporter"})):
        return None
    return kind


def check_fight(ctx, tok, kind):
    if _modifiers(tok) & L.FIGURATIVE_MODIFIERS or _sport_context(ctx, tok):
        return None
    against = prep_objects(tok, "against", "for", "over", "with")
    if any(_abstract(a) for a in against) or _abstract(_target(tok)):
        return None
    if not _military_context(ctx, tok):
        return None
    return kind


def check_offensive(ctx, tok, kind):
    if _modifiers(tok) & L.FIGURATIVE_MODIFIERS or _names_thing(tok):
        return None
    return kind


def check_physical_object(ctx, tok, kind):
    obj = _target(tok)
    if obj is None and tok.pos_ not in NOUN_POS:
        return None
    if _abstract(obj) or _sport_context(ctx, tok):
        return None
    if kind == "meeting" and obj is not None and not _is_person(obj) and obj.ent_type_ not in ("ORG", "GPE"):
        return None
    return kind


def check_person_object(ctx, tok, kind):
    obj = _target(tok)
    if obj is None or not (_is_person(obj) or obj.ent_type_ in ("ORG", "GPE", "NORP")):
        return None
    return kind


def check_military_subject(ctx, tok, kind):
    doer = _doer(tok)
    words = {lem(doer)} | _modifiers(doer) if doer is not None else set()
    if tok.pos_ in NOUN_POS:
        words |= _modifiers(tok) | {lem(o) for o in prep_objects(tok, "of")}
    if words & (L.MILITARY_WORDS | L.NONSTATE_ACTORS | L.TROOP_OBJECTS):
        return kind
    if _abstract(_target(tok)):
        return None
    if doer is None and _military_context(ctx, tok) and tok.pos_ in NOUN_POS:
        return kind
    return None


def check_territory(ctx, tok, kind):
    obj = _target(tok)
    if tok.pos_ in NOUN_POS and obj is None:
        return kind if _military_context(ctx, tok) and lem(tok) not in ("seizure",) else None
    if obj is None or _abstract(obj):
        return None
    words = {lem(obj)} | _modifiers(obj) | {lem(o) for o in prep_objects(obj, "of")}
    if words & L.WEAPON_OBJECTS:
        return "weapons_seizure" if lem(tok) in ("seize", "seizure", "capture", "recover") else None
    if words & {"drug", "cocaine", "heroin", "narcotic", "cannabis", "marijuana", "methamphetamine",
                "counterfeit", "contraband"}:
        return "crime"
    if lem(tok) in ("seize", "capture") and obj.pos_ != "PROPN" and lem(obj) in PERSON_NOUNS and \
            lem(obj) not in ("troop", "force", "army", "militant", "rebel", "fighter", "soldier"):
        return "abduction"  # "gunmen seized ten passengers"
    if lem(obj) == "control" or _is_place(obj):
        if not _military_context(ctx, tok) and obj.ent_type_ not in PLACE_ENTS and lem(obj) != "control":
            return None
        return kind
    return None


TAKEN_PEOPLE = frozenset({"people", "person", "civilian", "man", "woman", "child", "villager", "passenger",
                          "student", "worker", "resident", "farmer", "girl", "boy", "traveller", "traveler"})


def check_take_control(ctx, tok, kind):
    obj = first_kid(tok, "dobj")
    if obj is None:
        return None
    if lem(obj) == "control":
        return kind
    doer = _doer(tok)
    doer_words = _object_words(doer)
    if _object_words(obj) & TAKEN_PEOPLE and doer_words & (L.MILITARY_WORDS | L.NONSTATE_ACTORS) and \
            (any(c.dep_ in ("nummod", "quantmod", "advmod") for c in obj.children) or obj.like_num):
        return "abduction"  # "forces have taken at least five people"
    if _is_place(obj) and obj.ent_type_ in PLACE_ENTS and _military_context(ctx, tok):
        return kind
    return None


def check_shell(ctx, tok, kind):
    if any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        return None  # "shelled out $300"
    return kind


def check_weapon_subject(ctx, tok, kind):
    doer = _doer(tok)
    if doer is None:
        return None
    words = {lem(doer)} | _modifiers(doer)
    weapon = {L.WEAPON_KINDS[w] for w in words if w in L.WEAPON_KINDS}
    if weapon:
        return next(k for k in L.WEAPON_PRIORITY if k in weapon)
    if words & L.MILITARY_WORDS and not _abstract(_target(tok)):
        return _weapon_kind_near(tok, "shelling" if lem(tok) != "target" else "attack")
    return None


DISCOVERY_VERBS = frozenset({"find", "discover", "uncover", "unearth", "seize", "confiscate", "defuse",
                             "dismantle", "destroy", "neutralise", "neutralize", "recover", "intercept", "contain",
                             "store", "hide", "stockpile", "smuggle", "display", "plant", "carry", "possess"})


def _found_weapon(tok) -> bool:
    """'grenades were found', 'a bomb has been defused', 'caches of explosives': no attack."""
    verb = tok.head if tok.dep_ in ("dobj", "nsubjpass", "obj") else None
    if verb is None and tok.dep_ == "pobj" and tok.head.head.dep_ in ("dobj", "nsubjpass"):
        verb = tok.head.head.head  # "caches of grenades were found"
    return verb is not None and lem(verb) in DISCOVERY_VERBS


def check_grenade(ctx, tok, kind):
    return None if _found_weapon(tok) else kind


def check_bomb(ctx, tok, kind):
    if _found_weapon(tok):
        return None
    mods = _modifiers(tok)
    if mods & {"atomic", "nuclear", "hydrogen", "dirty"} or _names_thing(tok):
        return None
    if tok.pos_ in NOUN_POS:
        head = tok.head
        if tok.dep_ in ("compound",) and lem(head) in ("threat", "squad", "scare", "hoax", "disposal", "shelter"):
            return None
        return _weapon_kind_near(tok, "bombing")
    doer = _doer(tok)
    if doer is None and not _military_context(ctx, tok):
        return None
    if doer is not None and ({lem(doer)} | _modifiers(doer)) & {"warplane", "jet", "aircraft", "plane", "air",
                                                                "bomber", "helicopter", "drone", "coalition"}:
        return "air_strike"
    return _weapon_kind_near(tok, "bombing")


def check_strike(ctx, tok, kind):
    mods = _modifiers(tok)
    if _names_thing(tok) or mods & {"lucky", "price", "first-strike"}:
        return None
    if tok.pos_ in NOUN_POS:
        if mods & {"hunger"}:
            return "protest"
        if mods & L.LABOUR_CUES or prep_objects(tok, "by") and _sent_has(ctx, tok, L.LABOUR_CUES) or \
                tok.dep_ == "pobj" and tok.head.lower_ == "on" and not _military_context(ctx, tok):
            return "protest"
        if not _military_context(ctx, tok):
            return "protest" if _sent_has(ctx, tok, L.LABOUR_CUES) else None
        return _weapon_kind_near(tok, "air_strike")
    obj = object_of(tok)
    if obj is not None and (lem(obj) in ("deal", "agreement", "balance", "chord", "note", "tone", "pose",
                                         "blow", "match", "bargain", "compromise", "accord", "gold", "oil")
                            or _abstract(obj)):
        return None
    if any(c.dep_ == "prt" for c in tok.children):
        return None  # "struck down the law", "struck out"
    doer = _doer(tok)
    if doer is not None and lem(doer) in ("earthquake", "quake", "storm", "cyclone", "hurricane", "typhoon",
                                          "tornado", "lightning", "flood", "disaster", "tsunami"):
        return None
    if doer is not None and lem(doer) in L.VEHICLES and doer.pos_ != "PROPN" and not _military_context(ctx, tok):
        return "accident"  # "the tanker was struck by a bulk carrier"
    if doer is not None and ({lem(doer)} | _modifiers(doer)) & (L.MILITARY_WORDS | frozenset(L.WEAPON_KINDS)):
        return _weapon_kind_near(tok, "air_strike")
    if obj is not None and _military_context(ctx, tok) and (_is_place(obj) or lem(obj) in L.MILITARY_TARGETS):
        return _weapon_kind_near(tok, "air_strike")
    return None


def check_fire(ctx, tok, kind):
    if tok.pos_ in NOUN_POS:
        return _fire_noun(ctx, tok)
    obj = first_kid(tok, "dobj")
    if obj is not None:
        word = lem(obj)
        if word in ("tear", "teargas", "gas", "cannon") or "tear" in _modifiers(obj):
            return "protest_intervention"
        if word in ("shot", "bullet", "round", "gun", "rifle", "pellet", "warning"):
            return "attack"
        if word in L.WEAPON_KINDS or _modifiers(obj) & set(L.WEAPON_KINDS):
            return _weapon_kind_near(obj, "shelling")
        return None  # "fired the coach"
    if prep_objects(tok, "at", "on", "upon", "into") and _military_context(ctx, tok):
        return "attack"
    return None


def _fire_noun(ctx, tok):
    """'a fire broke out at the plant', 'the fire burned for hours' (not 'under fire', 'opened fire',
    'artillery fire' (a multi-word trigger), 'set fire to' (arson), 'fire on X')."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("under", "with") or prep_objects(tok, "on", "at", "from"):
        return None
    if _modifiers(tok) & (set(L.WEAPON_KINDS) | {"heavy", "small-arms", "machine-gun", "sniper", "friendly",
                                                 "enemy", "return", "tank", "mortar", "cross"}):
        return None
    if lem(head) in ("open", "set", "exchange", "return", "cease", "hold", "draw", "come"):
        return None
    if _military_context(ctx, tok) and not _sent_has(ctx, tok, L.ACCIDENT_CUES | {"firefighter", "blaze"}):
        return None
    if tok.dep_ in ("nsubj",) and lem(head) in ("break", "burn", "rage", "engulf", "destroy", "spread", "gut",
                                                 "kill", "start", "erupt", "damage", "send", "ravage", "sweep") \
            or _sent_has(ctx, tok, {"firefighter", "blaze", "extinguish", "smoke", "flame", "burn"}):
        return "accident"
    return None


def check_drive_out(ctx, tok, kind):
    """'drove the militants out of the village', 'drove ISIL back from key areas'."""
    if not any(c.dep_ in ("prt", "advmod") and c.lower_ in ("out", "back", "away") for c in tok.children) and \
            not prep_objects(tok, "out", "from"):
        return None
    return kind if _military_context(ctx, tok) else None


def check_abuse(ctx, tok, kind):
    obj = object_of(tok)
    if obj is None or not _is_person(obj):
        return None
    if _sent_has(ctx, tok, {"sexual", "sexually", "rape", "woman", "girl", "harassment", "molest"}):
        return "sexual_violence"
    return "attack" if _sent_has(ctx, tok, VIOLENCE_WORDS | {"beat", "torture", "assault"}) else None


def check_forced(ctx, tok, kind):
    """'forcibly disappeared': an enforced disappearance, not 'the snow disappeared'."""
    doer = first_kid(tok, "nsubj", "nsubjpass")
    if doer is not None and _is_person(doer) and _sent_has(ctx, tok, {"forcibly", "enforced", "forced",
                                                                      "abduct", "security", "agent"}):
        return kind
    return None


PROPERTY = frozenset({"shop", "house", "home", "building", "car", "vehicle", "office", "church", "mosque",
                      "temple", "school", "store", "market", "property", "business", "village", "hut",
                      "truck", "bus", "tyre", "tire", "effigy", "station", "headquarters", "flag", "warehouse"})


def check_property_object(ctx, tok, kind):
    obj = object_of(tok)
    if obj is None or not ({lem(obj)} | _modifiers(obj)) & PROPERTY:
        return None
    return kind


def check_toxic(ctx, tok, kind):
    if _sent_has(ctx, tok, {"leak", "spill", "factory", "plant", "accident", "industrial", "pipeline"}) and \
            not _sent_has(ctx, tok, {"attack", "weapon", "regime", "army", "militant"}):
        return "accident"
    return kind


def check_went_off(ctx, tok, kind):
    subj = first_kid(tok, "nsubj")
    if subj is not None and lem(subj) in ("bomb", "device", "explosive", "ied", "mine", "landmine", "grenade"):
        return _weapon_kind_near(subj, kind)
    return None


PROJECTILES = frozenset({"stone", "rock", "brick", "bottle", "molotov", "cocktail", "firebomb", "firecracker",
                         "egg", "projectile", "object", "tear", "petrol"})


def check_projectiles(ctx, tok, kind):
    """'protesters threw stones at police': a violent demonstration (grenades are the grenade trigger)."""
    obj = first_kid(tok, "dobj") if lem(tok) != "pelt" else first_kid(tok, "dobj")
    words = ({lem(obj)} | _modifiers(obj)) if obj is not None else set()
    if lem(tok) == "pelt":
        words |= {lem(o) for o in prep_objects(tok, "with")}
    if not words & PROJECTILES or words & {"tear"}:
        return None
    return kind if _sent_has(ctx, tok, L.PROTESTER_WORDS | L.MOB_WORDS | {"police", "youth", "supporter"}) else None


def check_set_fire(ctx, tok, kind):
    """'set cars on fire', 'set the building ablaze / alight' (arson)."""
    on = prep_objects(tok, "on")
    if any(lem(o) == "fire" for o in on) or any(c.lower_ in ("ablaze", "alight", "afire") for c in tok.children):
        return kind
    return None


def check_munition_subject(ctx, tok, kind):
    """'shells landed in the market', 'rockets fell on the town' (not 'the plane landed')."""
    doer = first_kid(tok, "nsubj")
    if doer is None or lem(doer) not in MUNITIONS:
        return None
    return _weapon_kind_near(doer, "shelling")


def check_to_death(ctx, tok, kind):
    return kind if any(lem(o) == "death" for o in prep_objects(tok, "to")) else None


def check_launch_weapon(ctx, tok, kind):
    obj = first_kid(tok, "dobj")
    if obj is None:
        return None
    word = lem(obj)
    if word in L.WEAPON_KINDS or _modifiers(obj) & set(L.WEAPON_KINDS):
        if "test" in _modifiers(obj) or _sent_has(ctx, tok, {"test", "test-fire", "launchpad", "satellite"}):
            return None
        return _weapon_kind_near(obj, "shelling")
    return None


def check_explosion(ctx, tok, kind):
    of = prep_objects(tok, "of")
    if of and (_abstract(of[0]) or lem(of[0]) in ("interest", "growth", "color", "colour", "anger", "joy",
                                                    "demand", "popularity", "violence")):
        return None
    if _sent_has(ctx, tok, L.ACCIDENT_CUES) and not _sent_has(ctx, tok, {"bomb", "ied", "explosive", "suicide",
                                                                        "attack", "militant", "terrorist"}):
        return "accident"
    return _weapon_kind_near(tok, "bombing")


def check_attack(ctx, tok, kind):
    mods = _modifiers(tok)
    if mods & L.MEDICAL_MODIFIERS or _names_thing(tok) or _sport_context(ctx, tok):
        return None
    if mods & {"cyber", "cyber-attack", "hacking", "ransomware"} or lem(tok) == "cyberattack":
        return "coercion"
    obj = _target(tok)
    if _abstract(obj):
        return None
    if obj is not None and tok.pos_ not in NOUN_POS and obj.ent_type_ in ("PERSON", "ORG", "NORP") and \
            prep_objects(tok, "over", "for", "as") and not _military_context(ctx, tok):
        return None  # "attacked the senator over his vote"
    return _weapon_kind_near(tok, kind)


def check_assault(ctx, tok, kind):
    if _names_thing(tok) or _modifiers(tok) & {"verbal", "rhetorical"}:
        return None
    if _modifiers(tok) & {"sexual", "sexually", "indecent"}:
        return "sexual_violence"
    return check_attack(ctx, tok, "offensive" if _modifiers(tok) & {"military", "ground", "final", "major",
                                                                    "full-scale"} else kind)


def check_raid(ctx, tok, kind):
    if _sport_context(ctx, tok) or _abstract(_target(tok)):
        return None
    doer = _doer(tok)
    words = ({lem(doer)} | _modifiers(doer)) if doer is not None else set()
    words |= _modifiers(tok)
    if words & {"police", "security", "agent", "officer", "authority", "immigration"}:
        return "arrest" if _sent_has(ctx, tok, {"arrest", "detain", "seize", "apprehend"}) else kind
    if not _military_context(ctx, tok):
        return None
    return _weapon_kind_near(tok, kind)


def check_shooting(ctx, tok, kind):
    obj = first_kid(tok, "dobj")
    if obj is not None and lem(obj) in FILMED_THINGS or _modifiers(tok) & {"photo", "film", "video", "school"} \
            and lem(tok) != "shooting":
        return None
    if _sport_context(ctx, tok):
        return None
    if any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
        return "interception"
    return kind


def check_beat(ctx, tok, kind):
    obj = object_of(tok)
    if obj is None or not _is_person(obj) or _sport_context(ctx, tok):
        return None
    if lem(obj) in ("team", "rival", "opponent", "record", "odds", "expectation", "estimate", "forecast"):
        return None
    return kind


def check_hostage(ctx, tok, kind):
    head = tok.head
    if lem(head) in ("take", "hold", "seize", "keep", "kidnap") or tok.dep_ in ("compound",) and \
            lem(head) in ("taking", "crisis", "situation"):
        return kind
    return None


def check_slam(ctx, tok, kind):
    doer = first_kid(tok, "nsubj")
    if doer is not None and lem(doer) in MUNITIONS and prep_objects(tok, "into", "onto", "on"):
        return _weapon_kind_near(doer, "shelling")  # "rockets slammed into the town"
    return check_person_object(ctx, tok, kind)
