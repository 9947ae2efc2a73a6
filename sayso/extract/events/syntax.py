"""Small helpers over the spaCy parse shared by the events modules (no word lists here)."""
from __future__ import annotations

from dataclasses import dataclass, field

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
OBJECT_DEPS = ("dobj", "obj", "attr", "oprd")
INHERIT_SUBJECT_DEPS = ("xcomp", "advcl", "conj", "pcomp", "acl")
NOUN_POS = ("NOUN", "PROPN")
PLACE_ENTS = ("GPE", "LOC", "FAC")
MAX_UP = 4  # how far up the tree a noun looks for the verb that governs it
QUANTITY_HEADS = frozenset({"score", "dozen", "hundred", "thousand", "million", "member", "number", "group",
                            "some", "many", "several", "majority", "couple", "pair", "batch", "total", "lot",
                            "handful", "most", "all", "none", "one", "two", "three", "four", "five", "six",
                            "seven", "eight", "nine", "ten", "tens", "rest"})


from .lexicon import SURFACE_LEMMAS


def lem(tok) -> str:
    low = tok.lower_
    if low in SURFACE_LEMMAS:
        return SURFACE_LEMMAS[low]
    return tok.lemma_.lower()


def kids(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def first_kid(tok, *deps):
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def prep_objects(tok, *preps):
    """Objects of ``tok``'s prepositions named in ``preps`` ("attack on X" -> X)."""
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lower_ in preps:
            out.extend(c for c in p.children if c.dep_ in ("pobj", "pcomp"))
    return out


def agent_of(verb):
    """The 'by X' of a passive verb."""
    for c in verb.children:
        if c.dep_ == "agent":
            return first_kid(c, "pobj")
    return None


def is_passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def subject_of(verb, depth: int = 0):
    """Who does ``verb``: its subject, the agent of a passive, or the subject it inherits.

    'X slammed Y for launching' -> Y (the object of the verb the 'for' gerund hangs on, or the noun it
    modifies: spaCy often attaches that 'for' to Y itself); 'forces that shelled' -> forces;
    'X continued shelling' / '..., killing' -> X.
    """
    if verb.pos_ in NOUN_POS:
        return None
    agent = agent_of(verb)
    if agent is not None:
        return agent
    subj = first_kid(verb, *SUBJECT_DEPS)
    if subj is not None:
        return subj
    if is_passive(verb) or depth >= MAX_UP:
        return None
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "relcl" and head.pos_ in NOUN_POS:
        return head
    if verb.dep_ == "acl" and head.pos_ in NOUN_POS and verb.tag_ == "VBG":
        return head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "for":
        owner = head.head
        if owner.pos_ in NOUN_POS:
            return owner
        obj = first_kid(owner, *OBJECT_DEPS)
        if obj is not None:
            return obj
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head, depth + 1)
    if verb.dep_ in INHERIT_SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "xcomp":
            obj = first_kid(head, *OBJECT_DEPS)  # "urged him to attack": the object acts
            if obj is not None and obj.pos_ in ("PROPN", "PRON") or obj is not None and obj.ent_type_:
                return obj
        return subject_of(head, depth + 1)
    return None


def object_of(verb):
    """What ``verb`` acts on: its direct object, or the subject of a passive."""
    obj = first_kid(verb, *OBJECT_DEPS)
    if obj is not None:
        return obj
    subj = first_kid(verb, *PASSIVE_SUBJECT_DEPS)
    if subj is not None:
        return subj
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in NOUN_POS:
        return verb.head  # "the town captured by rebels"
    return None


def target_of(tok):
    """What the trigger acts on: object of a verb, 'on/against X' or 'of X' of a noun."""
    if tok.pos_ in NOUN_POS:
        objs = prep_objects(tok, "on", "against", "of", "at")
        return objs[0] if objs else None
    obj = object_of(tok)
    if obj is None:
        objs = prep_objects(tok, "on", "against", "at")
        obj = objs[0] if objs else None
    return obj


def doer_of(tok):
    """Who does the trigger: a verb's subject, a noun's possessor / modifier / 'by X', or the subject
    of the verb a noun is the object of ('militants launched an attack')."""
    if tok.pos_ not in NOUN_POS:
        return subject_of(tok)
    for c in tok.children:
        if c.dep_ == "poss":
            return c
    by = prep_objects(tok, "by")
    if by:
        return by[0]
    if tok.dep_ in ("dobj", "obj", "nsubjpass"):
        return subject_of(tok.head)
    return None


def governing_verb(tok):
    """The verb a noun belongs to ('launched an attack' -> launched), or None; a verb is its own."""
    cur = tok
    for _ in range(MAX_UP):
        if cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
            return cur
        if cur.pos_ == "VERB":
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return cur if cur.pos_ in ("VERB", "AUX") else None


def phrase(tok, stop=frozenset()):
    """The noun phrase headed by ``tok`` without relative clauses, appositions or trailing preps."""
    keep = {"compound", "amod", "det", "poss", "case", "nummod", "nmod", "quantmod", "flat", "npadvmod"}
    toks = [tok]
    stack = [c for c in tok.children if c.dep_ in keep and c.i not in stop]
    while stack:
        c = stack.pop()
        if c.tag_ in ("VBD", "VBZ", "VBP"):
            continue  # a misparsed verb ("slammed Russian forces": 'slammed' as an adjective)
        toks.append(c)
        stack.extend(g for g in c.children if g.dep_ in keep | {"cc", "conj"} and g.i not in stop)
    if lem(tok) in QUANTITY_HEADS:  # "scores of terrorists", "members of the security forces"
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                toks.extend(p.subtree)
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks)
    doc = tok.doc
    while lo < tok.i and doc[lo].dep_ in ("det", "case", "punct") and doc[lo].lower_ in ("the", "a", "an"):
        lo += 1
    return doc[lo: hi + 1]


@dataclass
class Context:
    """One article's parse with per-sentence caches (every sentence's lemmas are read once)."""

    doc: object
    text: str
    _lemmas: dict[int, frozenset[str]] = field(default_factory=dict)

    def sent_lemmas(self, tok) -> frozenset[str]:
        sent = tok.sent
        got = self._lemmas.get(sent.start)
        if got is None:
            got = frozenset(lem(t) for t in sent)
            self._lemmas[sent.start] = got
        return got
