"""Cues that look forward in form but predict nothing: questions, wishes, past plans, hypotheticals.

:func:`reason` returns why a cue is not a forecast (or None):

- **question**: the event's clause asks ("Will Russia attack", "nobody knows **when** Russia will
  attack", "it is unclear **how quickly** businesses will adopt it", "asked **whether** it would",
  a clause followed by "?"); a sentence ending in "?" is dropped before any cue is looked at;
- **wish**: "hopes to win", "would like to retire", "wants to", "wishes to" (:data:`~.lexicon.WISH_VERBS`):
  what someone would like, not what they say will happen ("hopes the deal **will** be completed by
  the end of 2007" says it will, hedged: a forecast, ``possible``);
- **past plan**: a plan, schedule or arrangement in the simple past or the past perfect that nobody
  reports as still standing ("they **planned to** kill", "the terminal **was scheduled to** open",
  "**had planned to** attack"): under a reporting verb the past is only the report's tense ("the
  company **said** it **planned to** cut 500 jobs" stays a forecast; a past perfect never does);
- **hypothetical**: "would" in a clause nobody reports and nothing conditions ("it **would** be a very
  good idea", "people **would** be less inclined to gossip"): an opinion or an unreal case, not a
  prediction; "he said prices would rise" and "if the talks fail, the strike would spread" stay.
"""
from __future__ import annotations

from .lexicon import (ASPECT_VERBS, CONDITION_MARKS, DELIBERATION_VERBS, DISCOURSE_OBJECTS, DISCOURSE_SUBJECTS,
    DISCOURSE_OBJECT_VERBS, DISCOURSE_VERBS, SPECIFYING_NOUNS, FIRST_PERSON_FORMS, PAST_PLAN_CUES,
    PROPOSAL_NOUNS, REFLEXIVE, REPORTING_HEADS, REPORTING_NOUNS, SELF_PERMISSION, SPEECH_ACT_VERBS,
    UNREAL_MODALS, WISH_VERBS)

QUESTION_DEPS = frozenset({"ccomp", "csubj", "csubjpass", "pcomp", "xcomp", "dobj", "nsubj", "attr", "acl", "conj"})
WH_WORDS = frozenset({"how", "what", "when", "where", "why", "who", "whom", "whose", "which", "whether"})
WH_DEPS = frozenset({"advmod", "dobj", "nsubj", "nsubjpass", "attr", "npadvmod", "acomp", "pobj"})
INVERTED_MODALS = frozenset({"will", "would", "can", "could", "may", "might", "shall", "wo", "ca"})
PAST_TAGS = frozenset({"VBD"})
WILL = frozenset({"will", "'ll", "wo", "shall"})
PURPOSE_MARKS = frozenset({"so", "that"})
MAX_STEPS = 8


def reason(cue) -> str | None:
    """Why ``cue`` is not a forecast ("question", "wish", "past plan", "hypothetical", "speech act",
    "imperative", "present", "deliberated"), or None."""
    if _question(cue):
        return "question"
    if _wish(cue):
        return "wish"
    if _past_plan(cue):
        return "past plan"
    if _hypothetical(cue) or _counterfactual(cue) or _concessive(cue):
        return "hypothetical"
    if _speech_act(cue):
        return "speech act"
    if _imperative(cue):
        return "imperative"
    if _present_speculation(cue) or _permission(cue) or _ongoing(cue) or _anniversary(cue):
        return "present"
    if _deliberated(cue) or _specified(cue) or _warned_of_now(cue):
        return "deliberated"
    return None


def _clause_heads(cue) -> list:
    """The anchor and the verbs between it and the top of the cue (its clause heads)."""
    heads, tok = [cue.anchor], cue.anchor
    tops = {t.i for t in (cue.event_root, *cue.tokens)}
    for _ in range(MAX_STEPS):
        if tok.head.i == tok.i or tok.i in tops:
            break
        tok = tok.head
        heads.append(tok)
    return heads


def _question(cue) -> bool:
    heads = _clause_heads(cue)
    if any(h.dep_ == "relcl" or h.head.dep_ == "relcl" for h in heads):
        return False  # "the city where he plans to speak": a relative clause, not a question
    return any(_asks(h) for h in heads) or _inverted(cue.anchor) or _before_question_mark(cue.anchor)


def _asks(head) -> bool:
    """A complement clause opened by "whether", "if" or a wh-word of its own ("nobody knows when it
    will", "it is unclear how quickly they will", "did not know what form the attack would take")."""
    if head.dep_ not in QUESTION_DEPS:
        return False
    for child in head.children:
        if child.i > head.i:
            continue
        if child.dep_ == "mark" and child.lower_ in ("whether", "if"):
            return True
        if child.lower_ in WH_WORDS and child.dep_ in WH_DEPS:
            return True
        if child.dep_ in WH_DEPS and any(g.lower_ in WH_WORDS and g.dep_ in ("advmod", "det") for g in child.children):
            return True
    return False


def _inverted(anchor) -> bool:
    """"Will Russia attack", "could it be": the modal opens the clause, before the subject."""
    modals = [c for c in anchor.children if c.dep_ == "aux" and c.lower_ in INVERTED_MODALS]
    subjects = [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    first = next((t for t in anchor.subtree if not t.is_punct), None)
    return bool(modals and subjects) and modals[0].i < subjects[0].i and first is not None and modals[0].i == first.i


def _before_question_mark(anchor) -> bool:
    """The clause ends with "?" ("'Will it hold?' he asked", "Will it hold?" inside a longer line)."""
    return any(c.dep_ == "punct" and c.text == "?" and c.i > anchor.i for c in anchor.children)


def _wish(cue) -> bool:
    """"hopes to win", "would like to retire", "wants to": the cue or the verb it governs is a wish
    ("passengers will want to fly direct" predicts a wish: a forecast)."""
    if cue.rule == "modal" and cue.tokens[0].lower_ in WILL:
        return False
    if any(h.lemma_.lower() in WISH_VERBS and h.dep_ == "ROOT" for t in cue.tokens for h in (t.head,)
           if t.dep_ == "xcomp"):
        return True  # "I want to ask the speakers to focus on ...": a wish to ask
    return any(t.lemma_.lower() in WISH_VERBS and any(c.dep_ in ("xcomp", "ccomp") for c in t.children)
               for t in (*cue.tokens, cue.anchor) if t.pos_ in ("VERB", "AUX"))


def _past_plan(cue) -> bool:
    """A plan or arrangement told in the past that no reporting verb carries (see the module doc)."""
    for tok in cue.tokens:
        lemma = tok.lemma_.lower()
        if lemma not in PAST_PLAN_CUES and not (lemma == "be" and cue.rule == "be_to"):
            continue
        if _past_perfect(tok):
            return True
        if _past(tok) and not reported(tok):
            return True
    return False


def _past(tok) -> bool:
    """Simple past: the verb itself (VBD), its auxiliary ("was scheduled", "were to be"), or the
    copula of an adjective ("it was due to fly")."""
    if tok.tag_ in PAST_TAGS:
        return True
    if tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.head.tag_ in PAST_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in PAST_TAGS for c in tok.children)


def _past_perfect(tok) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ == "VBD" for c in tok.children)


def reported(tok) -> bool:
    """``tok`` lies in a clause a reporting verb or noun governs ("said it planned to", "warned prices
    would", "fears that the Taliban would"), or a reporting verb hangs from it ("it would happen, he said")."""
    if any(c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in REPORTING_HEADS for c in tok.children):
        return True
    for _ in range(MAX_STEPS):
        if tok.head.i == tok.i:
            return False
        head = tok.head.lemma_.lower()
        if tok.dep_ in ("ccomp", "xcomp", "parataxis", "conj") and head in REPORTING_HEADS:
            return True
        if tok.dep_ in ("acl", "ccomp") and head in REPORTING_NOUNS:
            return True
        if tok.dep_ == "relcl":
            if not any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
                return False
            verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)  # "announced in a memo that"
            return verb is not None and verb.lemma_.lower() in REPORTING_HEADS
        tok = tok.head
    return False


def _hypothetical(cue) -> bool:
    """"would" with nothing that reports it, conditions it or dates it (see the module doc)."""
    if cue.rule != "modal" or cue.tokens[0].lower_ != "would":
        return False
    anchor = cue.anchor
    if reported(anchor) or cue.claimed:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in PROPOSAL_NOUNS for c in anchor.children):
        return False  # "the law would allow ...": what a proposal will do
    for head in _clause_heads(cue):
        if any(c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children) for c in head.children):
            return False
        if head.dep_ == "advcl" and any(m.lower_ in PURPOSE_MARKS for m in head.children if m.dep_ == "mark"):
            return False  # "sued so that the latter would stop selling it": the aim of an act
    return True


def _counterfactual(cue) -> bool:
    """"if the sanctions really worked, they would not have to explain": an unreal condition (a past or
    subjunctive "if"-clause) nobody reports ("he said that if the talks failed, the strike would spread"
    is a report's backshift of a real condition)."""
    if cue.rule != "modal" or cue.tokens[0].lower_ not in UNREAL_MODALS:
        return False
    for head in _clause_heads(cue):
        for clause in head.children:
            if clause.dep_ == "advcl" and any(m.lower_ == "if" for m in clause.children if m.dep_ == "mark"):
                if _unreal(clause) and not reported(cue.anchor):
                    return True
    return False


def _unreal(verb) -> bool:
    """"were", "had been", "worked": a subjunctive, past perfect or simple past "if"-clause."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.lower_ == "were" or any(a.lower_ == "were" for a in auxes) or any(_is_had(a) for a in auxes):
        return True
    return verb.tag_ in PAST_TAGS and not auxes


def _is_had(tok) -> bool:
    return tok.lemma_ == "have" and tok.tag_ == "VBD"


def _speech_act(cue) -> bool:
    """"I will note that ...", "I will not list them now", "I will allow myself to outline ...", "expecting
    me to say": a speaker's own act of speaking, performed by saying it."""
    anchor = cue.anchor
    if _discourse(anchor):
        return True
    if anchor.lemma_.lower() not in SPEECH_ACT_VERBS:
        return anchor.lemma_.lower() in SELF_PERMISSION and any(
            t.lower_ in REFLEXIVE for c in anchor.children for t in (c, *c.children))
    speakers = [c for t in (anchor, *(x.head for x in cue.tokens)) for c in t.children
                if c.dep_ in ("nsubj", "dobj") and c.lower_ in FIRST_PERSON_FORMS]
    return bool(speakers)


def _discourse(anchor) -> bool:
    """The talk itself: "today we will talk about it in more detail", "I will refrain from sharing how
    long it takes", "I am not going to give any examples", "you will ask me questions"."""
    lemma = anchor.lemma_.lower()
    children = list(anchor.children)
    holder = anchor
    while holder.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in holder.children):
        holder = holder.head  # "I am not going to give any examples": the subject of "going"
    personal = any(c.dep_ == "nsubj" and c.lower_ in DISCOURSE_SUBJECTS for c in holder.children)
    if not personal:
        return False
    if lemma in DISCOURSE_VERBS:
        return not any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in children)  # "talk with Russia"
    return lemma in DISCOURSE_OBJECT_VERBS and any(t.dep_ in ("dobj", "pobj") and t.lemma_.lower() in DISCOURSE_OBJECTS
                                                    for c in children for t in (c, *c.children))


def _imperative(cue) -> bool:
    """"Go out and demand peace", "be sure to come back": a command, not a prediction."""
    tok = next((t for t in cue.tokens if t.pos_ in ("VERB", "AUX", "ADJ")), cue.anchor)
    while tok.dep_ in ("acomp", "xcomp", "conj") and tok.head.i != tok.i:
        tok = tok.head
    if tok.tag_ != "VB" or tok.dep_ != "ROOT":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in tok.children)


def _ongoing(cue) -> bool:
    """"We have already started preparing a recovery plan": an activity going on, not a prediction."""
    head = cue.anchor
    return cue.rule == "object" and head.tag_ == "VBG" and head.dep_ == "xcomp" and \
        head.head.lemma_.lower() in ASPECT_VERBS


def _anniversary(cue) -> bool:
    """"it will soon be 20 years since the mechanism was established": the calendar, not a prediction."""
    anchor = cue.anchor
    if anchor.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in anchor.children):
        return False
    return any(c.lower_ == "since" for c in anchor.subtree) and any(
        t.lemma_.lower() in ("year", "month", "week", "day", "decade", "century") for t in anchor.subtree)


def _present_speculation(cue) -> bool:
    """"Icahn may be trying to acquire USAir": a guess about what is going on now."""
    if cue.rule != "modal" or cue.tokens[0].lower_ not in ("may", "might", "could"):
        return False
    anchor = cue.anchor
    return anchor.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in anchor.children)


def _permission(cue) -> bool:
    """"before the test may be used, it must be approved": "may" of permission in a time clause."""
    if cue.rule != "modal" or cue.tokens[0].lower_ not in ("may", "can"):
        return False
    return any(c.dep_ == "mark" and c.lower_ in ("before", "until", "till") for c in cue.anchor.children)


def _specified(cue) -> bool:
    """"the key task is to prepare our currency market": a goal named, whatever the verb after it."""
    for tok in (cue.anchor, *cue.tokens):
        head = tok.head
        if tok.dep_ == "xcomp" and head.lemma_ == "be" and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in SPECIFYING_NOUNS for c in head.children):
            return True
    return False


def _warned_of_now(cue) -> bool:
    """"We warned about this at the beginning of the project": a past warning of what is here now."""
    verb = cue.anchor
    return cue.rule == "warning" and verb.tag_ == "VBD" and any(
        o.dep_ == "pobj" and o.lower_ in ("this", "that", "it") for p in verb.children for o in p.children)


def _deliberated(cue) -> bool:
    """"analyse the possibility of providing medication": a chance weighed is no chance predicted."""
    if cue.rule != "risk":
        return False
    noun = next((t for t in cue.tokens if t.pos_ == "NOUN"), None)
    return noun is not None and noun.dep_ in ("dobj", "pobj") and noun.head.lemma_.lower() in DELIBERATION_VERBS


def _concessive(cue) -> bool:
    """"as disappointed as I may be": a concession about now, not a prediction."""
    anchor = cue.anchor
    head = anchor.head
    return (any(c.dep_ == "mark" and c.lower_ == "as" for c in anchor.children)
            and any(c.lower_ == "as" and c.i < anchor.i for c in head.children))
