"""Is a trigger a reported event, or something planned, feared, denied, asked for or negated?

A wrong event is worse than a missing one, so anything not told as having happened (or happening)
is dropped: a modal or future auxiliary ("will launch", "could attack"), a negation ("did not
attack", "no casualties"), a condition ("if they strike"), a question, and the complement of a verb
or noun of intent ("is preparing to launch an offensive", "vowed to retake", "called for a
ceasefire", "plans for an offensive", "the threat of an attack"). The verb of intent is itself an
event when it is a trigger ("threatened", "demanded"), so "X threatened to strike Y" is one THREATEN.
The walk goes up at most ``MAX_LEVELS`` heads, so it is bounded per trigger.
"""
from __future__ import annotations

from . import lexicon as L
from .syntax import NOUN_POS, lem

MAX_LEVELS = 5
CLAUSE_LINKS = ("xcomp", "ccomp", "advcl", "pcomp", "acl", "relcl", "conj", "dobj", "pobj", "prep", "nsubj",
                "nsubjpass", "compound", "amod", "attr", "appos", "oprd", "npadvmod")
NOUN_LINKS = ("dobj", "pobj", "prep", "compound", "nsubj", "nsubjpass", "attr", "appos", "conj", "amod")
FUTURE_GOING = ("going", "about")


NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "nothing", "no-one", "noone"})
"""A verb whose subject is one of these, or has "no" ("no one", "no soldiers"), did not happen."""


def _negated(tok) -> bool:
    for c in tok.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "det" and c.lower_ in L.NEGATION_DETS:
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("VERB", "AUX") and (
                c.lower_ in NEGATIVE_SUBJECTS or any(d.dep_ == "det" and d.lower_ in L.NEGATION_DETS
                                                     for d in c.children)):
            return True  # "no one was arrested", "nobody was hurt"
    return False


def _modal(verb) -> bool:
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass") and (c.lower_ in L.MODAL_AUX or lem(c) in L.MODAL_AUX):
            return True
        if c.dep_ == "aux" and c.lower_ == "to" and verb.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp") \
                and lem(verb.head) not in L.REALIS_GOVERNORS:
            return True  # "to strike": an infinitive is not a report ("continued to shell" is)
    return False


def _conditional(verb) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in L.CONDITION_MARKS for c in verb.children)


def _question(tok) -> bool:
    sent = tok.sent
    return sent[-1].text == "?" or (len(sent) > 1 and sent[-2].text == "?")


def is_realis(tok) -> bool:
    """True when the trigger at ``tok`` is told as an event that happened or is happening."""
    if _question(tok):
        return False
    cur = tok
    for level in range(MAX_LEVELS):
        if _negated(cur):
            return False
        if cur.pos_ in ("VERB", "AUX", "ADJ"):
            if _modal(cur) or _conditional(cur):
                return False
        if cur.i != tok.i and cur.pos_ in ("VERB", "AUX", "ADJ") and lem(cur) in L.IRREALIS_GOVERNORS and \
                _governs_intent(cur, tok):
            return False
        if cur.i != tok.i and cur.pos_ in NOUN_POS and lem(cur) in L.IRREALIS_NOUNS:
            return False
        if cur.pos_ in NOUN_POS and cur.dep_ == "pobj" and cur.head.lower_ == "for" and \
                lem(cur.head.head) in L.PURPOSE_HEADS:
            return False  # "mobilised soldiers for a fresh assault", "preparations for an offensive"
        head = cur.head
        if head.i == cur.i or cur.dep_ not in CLAUSE_LINKS:
            return True
        if cur.dep_ in ("conj",) and cur.pos_ in ("VERB", "AUX"):
            cur = head  # a conjoined verb shares its first verb's auxiliaries ("will attack and seize")
            continue
        if cur.dep_ == "ccomp" and cur.pos_ in ("VERB", "AUX"):
            # "said (that) forces shelled X": the clause's own tense decides (checked above); a bare
            # subjunctive ("demanded that the US cancel") has not happened
            return not (cur.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in cur.children))
        cur = head
    return True


INTENT_LINKS = frozenset({"xcomp", "ccomp", "dobj", "obj", "oprd", "acomp", "attr", "pcomp", "acl"})
INTENT_PREPS = frozenset({"for", "to", "of", "on", "against", "into"})


def _governs_intent(gov, tok) -> bool:
    """``gov`` (a verb / adjective of intent) takes ``tok``'s clause as what is intended: its object or
    complement ("prevented an attack", "vowed to retake", "called for a ceasefire"); not its subject or
    an adjunct ("the attack prevented talks"; "vowed an inquiry after seven people were murdered")."""
    node = tok
    while node.head.i != node.i and node.head.i != gov.i:
        node = node.head
    if node.dep_ == "prep":
        return node.lower_ in INTENT_PREPS
    return node.dep_ in INTENT_LINKS
