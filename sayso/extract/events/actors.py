"""Who did it (actor), to whom (target) and where (place), as spans of the article text.

- actor: a verb's subject or a passive's 'by X' (through 'X slammed Y for launching' -> Y, relative
  clauses, '..., killing' participles); a noun's possessor, 'by X', nationality adjective ("Russian
  strike" -> Russian) or the subject of the verb it is the object of ("militants launched an attack").
  A bare pronoun is no actor (it names nobody); a munition is none either ("rockets hit" -> None) unless
  a name or nationality qualifies it ("Russian missiles").
- target: the object (or a passive's subject), 'on / against / at X', 'with X' of a clash, the second
  side of 'between X and Y'; a place there is the place, not the target ("shelled Marinka").
- place: a place named in the trigger's own phrases ('in / at / near / around / on X', 'of X', the
  object), then in its clause (the verb it hangs on), then the sentence's only place name.
  "the city of Kramatorsk" gives Kramatorsk. Place names are the parser's GPE / LOC / FAC entities
  or proper nouns where a place is expected (the small model tags some towns as PRODUCT or ORG).
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from ...records import Span
from . import lexicon as L
from .syntax import NOUN_POS, PLACE_ENTS, Context, doer_of, first_kid, governing_verb, kids, lem, phrase, \
    prep_objects, target_of

PLACE_PREPS = ("in", "at", "near", "around", "outside", "on", "across", "into", "inside", "from", "over",
               "towards", "toward", "throughout", "within", "of", "to", "off")
PLACE_NOUNS = frozenset({"city", "town", "village", "region", "province", "district", "area", "oblast",
                         "governorate", "county", "state", "municipality", "settlement", "suburb", "outskirts",
                         "neighbourhood", "neighborhood", "capital", "port", "island", "camp", "hamlet",
                         "community", "locality", "commune", "part", "centre", "center", "east", "west",
                         "north", "south", "countryside", "border"})
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this", "these",
                      "those", "them", "him", "her", "us", "one", "some", "others", "both", "all"})
MUNITIONS = frozenset({"rocket", "missile", "shell", "bomb", "mortar", "drone", "explosion", "blast",
                       "strike", "airstrike", "projectile", "grenade", "device", "ied", "attack", "fire",
                       "shelling", "artillery", "landmine", "mine", "explosive", "round"})
NOT_PLACE_ENTS = ("PERSON", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "NORP",
                  "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE")


def _entity_span(tok):
    """The entity span containing ``tok``, or None (read from the IOB tags: no scan of doc.ents)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    lo = tok.i
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    hi = tok.i + 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return SpacySpan(doc, lo, hi, label=tok.ent_type_)


def _sentence_entities(sent, labels):
    """The entities of one sentence with one of ``labels`` (from the IOB tags)."""
    out = []
    for tok in sent:
        if tok.ent_iob_ == "B" and tok.ent_type_ in labels:
            out.append(_entity_span(tok))
    return out


def _span(ctx: Context, toks) -> Span:
    return Span.of(ctx.text, toks[0].idx, toks[-1].idx + len(toks[-1]))


def _relative_antecedent(tok):
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        return tok.head.head
    return None


def _actor_token(tok):
    doer = doer_of(tok)
    if doer is None and tok.pos_ in NOUN_POS:
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
                return c  # "Russian strike", "Israeli air raid", "NATO attack"
    if doer is None:
        return None
    doer = _relative_antecedent(doer) or doer
    if doer.lower_ in PRONOUNS:
        return None
    if lem(doer) in MUNITIONS:
        for c in doer.children:
            if c.dep_ in ("amod", "compound", "poss") and (c.ent_type_ in ("NORP", "GPE", "ORG") or
                                                           c.pos_ == "PROPN"):
                return c
        by = prep_objects(doer, "by", "from")
        return by[0] if by and by[0].lower_ not in PRONOUNS else None
    return doer


CLASH_WORDS = frozenset({"clash", "fight", "fighting", "battle", "skirmish", "firefight", "gunfight", "hostility",
                         "combat", "shootout", "exchange"})


def _between(tok):
    """'clashes (continued) between X and Y' -> (X, Y)."""
    for owner in (tok, tok.head):
        between = prep_objects(owner, "between")
        if between:
            first = between[0]
            conj = kids(first, "conj")
            if conj:
                return first, conj[0]
            mods = [c for c in first.children if c.dep_ == "amod" and kids(c, "conj")]
            if mods:  # "between Russian and Ukrainian forces"
                return mods[0], kids(mods[0], "conj")[0]
    return None


def actor_span(ctx: Context, tok) -> Span | None:
    """The actor of the trigger at ``tok`` (see the module docstring)."""
    if lem(tok) in CLASH_WORDS and doer_of(tok) is None:
        sides = _between(tok)
        if sides is not None:
            return _span(ctx, list(phrase(sides[0], stop={tok.i})) if sides[0].pos_ in NOUN_POS else [sides[0]])
    if lem(tok) in L.PROTESTER_WORDS and tok.dep_ == "nsubj":
        return _span(ctx, list(phrase(tok)))  # "Thousands of protesters gathered": they are the actors
    actor = _actor_token(tok)
    if actor is None:
        return None
    if actor.dep_ in ("amod", "compound", "poss") and actor.head.i == tok.i:
        ent = _entity_span(actor)
        return _span(ctx, list(ent) if ent is not None else [actor])
    np = phrase(actor, stop={tok.i})
    return _span(ctx, list(np))


COMPASS = frozenset({"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                     "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
                     "north-western", "south-eastern", "south-western", "occupied", "rural", "coastal"})


def _is_place_token(tok) -> bool:
    if tok.ent_type_ in PLACE_ENTS:
        return True
    if tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "") and \
            (any(c.dep_ == "amod" and c.lower_ in COMPASS for c in tok.children) or
             tok.head.lower_ == "of" and lem(tok.head.head) in PLACE_NOUNS):
        return True  # "in northern Mali", "the city of Kramatorsk" (names the small model calls persons)
    if tok.pos_ == "PROPN" and tok.ent_type_ not in NOT_PLACE_ENTS:
        return lem(tok.head) in PLACE_NOUNS or tok.head.dep_ == "prep" and tok.head.lower_ in PLACE_PREPS or \
            tok.dep_ in ("pobj", "dobj", "appos", "conj")
    return False


def _place_in(tok):
    """A place token for the noun ``tok``: itself, 'the city of X', 'X's outskirts', its compound."""
    if _is_place_token(tok) and tok.ent_type_ not in ("ORG",):
        return tok
    if lem(tok) in PLACE_NOUNS or lem(tok) in L.TERRITORY_WORDS:
        for o in prep_objects(tok, "of"):
            if _is_place_token(o):
                return o
        for c in tok.children:
            if c.dep_ in ("compound", "poss", "appos") and _is_place_token(c):
                return c
    return None


def _place_span(ctx: Context, tok) -> Span:
    ent = _entity_span(tok)
    if ent is not None and ent.label_ in PLACE_ENTS + ("ORG", "PRODUCT"):
        return _span(ctx, list(ent))
    toks = [tok] + [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    toks.sort(key=lambda t: t.i)
    return _span(ctx, toks)


def _first_of_pair(tok):
    """'Husarivka, Kharkiv' parsed with Kharkiv as head: the town is the left proper noun."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "," and doc[tok.i - 2].pos_ == "PROPN" and \
            doc[tok.i - 2].head.i == tok.i:
        return doc[tok.i - 2]
    return tok


def _own_place(tok, place_objects: bool = False):
    """Place in the trigger's own object and preposition phrases. With ``place_objects`` (shelling,
    capture) a proper-noun object is a place whatever entity type the small model gave it
    ("shelled Avdiivka" is tagged PERSON)."""
    cands = []
    if tok.pos_ not in NOUN_POS:
        obj = first_kid(tok, "dobj", "nsubjpass")
        if obj is not None:
            if place_objects and obj.pos_ == "PROPN" and obj.ent_type_ not in ("NORP", "DATE", "TIME"):
                return _first_of_pair(obj)
            cands.append(obj)
    cands.extend(prep_objects(tok, *PLACE_PREPS))
    for c in cands:
        place = _place_in(c)
        if place is not None:
            return place
        for sub in prep_objects(c, *PLACE_PREPS):  # "on the outskirts of Kyiv", "in a village in Idlib"
            place = _place_in(sub)
            if place is not None:
                return place
    for c in tok.children:
        if c.dep_ in ("compound", "npadvmod") and _is_place_token(c) and c.ent_type_ in PLACE_ENTS:
            return c  # "the Kramatorsk strike"
    return None


def place_token(ctx: Context, tok, others: frozenset[int] = frozenset(), place_objects: bool = False,
                sentence_fallback: bool = True):
    """Where the trigger at ``tok`` took place, as a token (see the module docstring). Without
    ``sentence_fallback`` (statements) only the trigger's own phrases and clause are read."""
    place = _own_place(tok, place_objects)
    if place is not None:
        return place
    verb = governing_verb(tok)
    if verb is not None and verb.i != tok.i:
        place = _own_place(verb)
        if place is not None:
            return place
    if not sentence_fallback:
        return None
    cands = [e for e in _sentence_entities(tok.sent, ("GPE", "LOC", "FAC")) if not (set(range(e.start, e.end))
                                                                                  & others)]
    nationals = {t.i for t in tok.sent if t.dep_ in ("amod", "compound", "poss")}
    cands = [e for e in cands if e.root.i not in nationals or lem(e.root.head) in PLACE_NOUNS]
    roots = {e.root.i for e in cands}
    cands = [e for e in cands if not (e.root.dep_ in ("appos", "conj") and e.root.head.i in roots)]
    if len(cands) == 1:  # "near Sievierodonetsk, Luhansk": the town, its region an apposition
        return cands[0].root
    return None


def place_span(ctx: Context, tok, others: frozenset[int] = frozenset(), place_objects: bool = False) -> Span | None:
    place = place_token(ctx, tok, others, place_objects)
    return _place_span(ctx, place) if place is not None else None


def target_span(ctx: Context, tok, place_tok=None, trig_toks: frozenset[int] = frozenset(),
                place_objects: bool = False) -> Span | None:
    """To whom the trigger at ``tok`` was done (a place there is the place, not the target; a
    capture's target is whom the place was taken from)."""
    target = None
    if place_objects:
        taken_from = prep_objects(tok, "from")
        if taken_from and taken_from[0].pos_ in NOUN_POS and not _is_place_token(taken_from[0]):
            return _span(ctx, list(phrase(taken_from[0], stop={tok.i})))
        return None
    if lem(tok) in CLASH_WORDS:
        sides = prep_objects(tok, "with", "against")
        if sides:
            target = sides[0]
        else:
            pair = _between(tok)
            if pair is not None and pair[1].pos_ not in NOUN_POS:
                return _span(ctx, [pair[1]])
            target = pair[1] if pair is not None else None
    else:
        target = target_of(tok)
    if target is not None and target.i in trig_toks:  # "opened fire on a bus": the bus
        objs = prep_objects(target, "on", "at", "against", "upon") or prep_objects(tok, "on", "at", "against")
        target = objs[0] if objs else None
    if target is None or target.lower_ in PRONOUNS or target.pos_ not in NOUN_POS + ("NUM",):
        return None
    if lem(target) in L.WEAPON_KINDS or lem(target) in L.WEAPON_OBJECTS:
        return None  # "launched a rocket on X": the rocket is the means, X the place
    if place_tok is not None and (target.i == place_tok.i or _place_in(target) is not None):
        return None
    if _is_place_token(target) and target.ent_type_ in PLACE_ENTS:
        return None
    np = phrase(target, stop={tok.i})
    return _span(ctx, list(np))
