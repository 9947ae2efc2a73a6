"""Word sets and small helpers shared by the trigger checks (checks_violence, checks_civil)."""
from __future__ import annotations

from . import lexicon as L
from .syntax import NOUN_POS, PLACE_ENTS, Context, first_kid, lem, prep_objects
from .syntax import doer_of as _doer
from .syntax import target_of as _target


VIOLENCE_WORDS = frozenset(L.WEAPON_KINDS) | L.MILITARY_WORDS | frozenset({
    "kill", "dead", "death", "injure", "wound", "casualty", "gun", "knife", "machete", "bullet", "gunfire",
    "shoot", "shot", "blood", "bloody", "violence", "violent", "armed", "war", "hostage", "victim", "body"})


PERSON_NOUNS = frozenset({
    "man", "woman", "child", "boy", "girl", "people", "person", "civilian", "resident", "villager", "soldier",
    "officer", "policeman", "protester", "demonstrator", "student", "journalist", "activist", "leader",
    "prisoner", "detainee", "suspect", "worker", "member", "official", "minister", "president", "farmer",
    "family", "teenager", "youth", "driver", "passenger", "priest", "doctor", "teacher", "opponent",
    "migrant", "refugee", "militant", "rebel", "fighter", "guard", "diplomat", "ambassador", "counterpart",
    "delegation", "envoy", "premier", "chancellor", "king", "prince", "secretary", "head", "chief", "mayor",
    "governor", "commander", "general", "troop", "force", "army", "patient", "wife", "husband", "son",
    "daughter", "mother", "father", "brother", "sister", "cleric", "imam", "pastor", "monk", "nun",
    "inmate", "hostage", "tourist", "worshipper", "lawmaker", "senator", "mp", "candidate", "supporter",
    "vigilante", "herdsman", "trainee", "pilgrim", "spy", "agent", "attacker", "gunman"})


PHYSICAL_SUBJECTS = L.VEHICLES | frozenset({
    "building", "bridge", "roof", "house", "mine", "dam", "wall", "tunnel", "structure", "block", "tower",
    "stage", "ceiling", "school", "factory", "hotel", "mall", "stadium", "pipeline", "tank", "well",
    "reactor", "plant", "church", "mosque", "market", "hospital", "apartment", "home", "shaft", "crane"})


def _sent_has(ctx: Context, tok, words) -> bool:
    return not ctx.sent_lemmas(tok).isdisjoint(words)


def _military_context(ctx: Context, tok) -> bool:
    return _sent_has(ctx, tok, VIOLENCE_WORDS)


def _sport_context(ctx: Context, tok) -> bool:
    return _sent_has(ctx, tok, L.SPORT_WORDS) and not _sent_has(ctx, tok, L.MILITARY_WORDS)


def _modifiers(tok) -> set[str]:
    return {lem(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}


def _names_thing(tok) -> bool:
    """The trigger noun modifies another noun ('protest song', 'attack helicopter', 'strike price')."""
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in NOUN_POS and \
        lem(tok.head) in L.NON_EVENT_HEADS


def _is_place(tok) -> bool:
    return tok.ent_type_ in PLACE_ENTS or lem(tok) in L.TERRITORY_WORDS or \
        (tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", "DATE", "TIME", "MONEY", "CARDINAL"))


def _is_person(tok) -> bool:
    return tok.ent_type_ in ("PERSON", "NORP") or lem(tok) in PERSON_NOUNS or tok.pos_ == "PRON" or \
        tok.lower_ in ("who", "whom")


def _abstract(tok) -> bool:
    return tok is not None and lem(tok) in L.ABSTRACT_OBJECTS


def _weapon_kind_near(tok, default: str | None) -> str | None:
    """The kind a weapon word next to ``tok`` implies (the trigger, its modifiers, subject, object)."""
    words = {lem(tok)} | _modifiers(tok)
    for other in (_doer(tok), _target(tok), first_kid(tok, "dobj")):
        if other is not None:
            words.add(lem(other))
            words |= _modifiers(other)
    for p in prep_objects(tok, "with", "by"):
        words.add(lem(p))
        words |= _modifiers(p)
    found = {L.WEAPON_KINDS[w] for w in words if w in L.WEAPON_KINDS}
    for kind in L.WEAPON_PRIORITY:
        if kind in found:
            return kind
    return default


# --------------------------------------------------------------------------- the checks


MUNITIONS = frozenset({"shell", "rocket", "missile", "mortar", "bomb", "projectile", "grenade", "round",
                       "drone", "artillery"})


def _object_words(obj) -> set[str]:
    """Lemmas naming what ``obj`` is: itself, its modifiers and, for 'a number / dozens / hundreds of X',
    X and its modifiers."""
    if obj is None:
        return set()
    words = {lem(obj)} | _modifiers(obj)
    for o in prep_objects(obj, "of"):
        words |= {lem(o)} | _modifiers(o)
    return words
