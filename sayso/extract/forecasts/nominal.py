"""Forecasts without a modal or a predictive verb: headlines, nouns and copulas that predict.

Each ``*_cue`` looks at one token (as the rules of :mod:`.cues` do) and returns a
:class:`~.cues.Cue` or None:

- **headline**: "Apple **to give** free cases to iPhone 4 owners", "Singapore Airlines **to be
  compensated**": a subject and a "to"-verb heading the sentence, the headline's future;
- **track**: "the company is **on track to** hit its targets", "on course to", "in line to",
  "on schedule to";
- **scenario**: "the **most likely scenario is** a recession next year", "the best outcome would
  be ...": a copula whose subject is a scenario, outlook or forecast noun (:data:`SCENARIO_NOUNS`);
  the predicted event is what follows the copula;
- **projection**: "**projections show** the population reaching 10 billion by 2050", "polls
  suggest ...": a verb of showing whose subject is a projection, model or poll; the event is its
  clause or object (when that clause has no cue of its own);
- **looks like**: "it **looks more like 60,000**": an estimate of a number;
- **scheduled noun**: "another special event **to be held** on October 12", "Lion, **to be
  released** in mid-2011": a noun with a passive "to"-infinitive that a time expression dates (not
  "the first to be built", "enough votes to be noticed").

Tried and left out: "**called for** a re-run / national unity / a new currency system" (a demand of a
state of affairs, 1 of 7 found a future-statement on dev-even).
"""
from __future__ import annotations

from .cues import CLAUSE_POS, Cue, complement_cue, modal_cue
from .lexicon import (HEADLINE_HEDGING, LOOKS_LIKE_HEDGING, LOOKS_LIKE_VERBS, ORDINAL_WORDS, PROJECTION_NOUNS,
    PROJECTION_VERBS, SCENARIO_ADJECTIVES, SCENARIO_NOUNS, SCENARIO_TAGS, SCHEDULED_NOUN_HEDGING, TRACK_NOUNS)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def nominal_cue(ctx, tok) -> Cue | None:
    """The first of this module's rules that applies to ``tok``."""
    return (headline_cue(tok) or track_cue(tok) or scenario_cue(tok) or projection_cue(tok)
            or looks_like_cue(tok) or scheduled_noun_cue(ctx, tok))


def _to(tok):
    return next((c for c in tok.children if c.dep_ == "aux" and c.tag_ == "TO"), None)


def headline_cue(tok) -> Cue | None:
    """"Apple to give free cases": the sentence's root is a "to"-verb with a subject before it."""
    to = _to(tok) if tok.dep_ == "ROOT" else None  # (its children are read only for a root)
    if to is None or tok.pos_ not in CLAUSE_POS or tok.sent.text.rstrip().endswith("."):
        return None  # (a headline has no full stop)
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.i < to.i]
    if not subjects or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return None
    return Cue(tok, [to], HEADLINE_HEDGING, "headline", tok)


def track_cue(tok) -> Cue | None:
    """"is on track to hit its targets": a "to"-verb right after "on track" (course, line, schedule)."""
    to = _to(tok)
    if to is None or to.i < 2:
        return None
    doc = tok.doc
    noun = doc[to.i - 1]
    prep = doc[to.i - 2] if doc[to.i - 2].dep_ != "det" else doc[to.i - 3]
    if TRACK_NOUNS.get((prep.lower_, noun.lemma_.lower())) is None:
        return None
    verb = prep.head if prep.head.pos_ in CLAUSE_POS else tok
    return Cue(tok, [prep, noun, to], TRACK_NOUNS[(prep.lower_, noun.lemma_.lower())], "track", verb)


def scenario_cue(tok) -> Cue | None:
    """"the most likely scenario is a recession": the thing the copula names is predicted."""
    if tok.lemma_ != "be" or tok.dep_ in ("aux", "auxpass") or not _present_or_future(tok):
        return None
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in SCENARIO_NOUNS]
    complements = [c for c in tok.children if c.dep_ in ("attr", "ccomp", "xcomp") and c.i > tok.i]
    if not subjects or not complements:
        return None
    level = next((SCENARIO_ADJECTIVES[a.lower_] for a in subjects[0].children
                  if a.dep_ == "amod" and a.lower_ in SCENARIO_ADJECTIVES), SCENARIO_NOUNS[subjects[0].lemma_.lower()])
    return Cue(tok, [subjects[0], tok], level, "scenario", complements[0])


def _present_or_future(verb) -> bool:
    """"is", "are", "will be", "would be" (not "was")."""
    return verb.tag_ in SCENARIO_TAGS and not any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children)


def projection_cue(tok) -> Cue | None:
    """"projections show the population reaching 10 billion": what a projection, model or poll shows."""
    if tok.lemma_.lower() not in PROJECTION_VERBS or tok.pos_ != "VERB":
        return None
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.lemma_.lower() in PROJECTION_NOUNS]
    shown = [c for c in tok.children if c.dep_ in ("ccomp", "dobj") and c.i > tok.i]
    if not subjects or not shown:
        return None
    if shown[0].pos_ in CLAUSE_POS and (modal_cue(shown[0]) or complement_cue(shown[0])):
        return None  # "projections show that it could intensify": the inner cue is the forecast
    return Cue(shown[0], [subjects[0], tok], PROJECTION_NOUNS[subjects[0].lemma_.lower()], "projection", shown[0])


def looks_like_cue(tok) -> Cue | None:
    """"it looks more like 60,000": "looks / seems like" a number."""
    if tok.lemma_.lower() not in LOOKS_LIKE_VERBS:
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "like" and any(
                o.dep_ == "pobj" and (o.like_num or any(t.like_num for t in o.subtree)) for o in prep.children):
            return Cue(tok, [tok, prep], LOOKS_LIKE_HEDGING, "looks_like", tok)
    return None


def scheduled_noun_cue(ctx, tok) -> Cue | None:
    """"another special event to be held on October 12": a noun's passive "to"-infinitive, dated."""
    noun = tok.head
    if tok.tag_ != "VBN" or _to(tok) is None or tok.dep_ not in ("acl", "relcl", "advcl"):
        return None
    if noun.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    if any(c.lower_ in ORDINAL_WORDS or c.tag_ == "JJS" for c in noun.children):
        return None  # "the first model to be built out of plastic": no event ahead
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    if not any(start <= t.start and t.end <= end for t in ctx.times):
        return None
    return Cue(tok, [_to(tok), tok], SCHEDULED_NOUN_HEDGING, "scheduled_noun", noun)
