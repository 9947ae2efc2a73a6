"""Forecast cues: what makes one verb of a sentence forward-looking, and how surely.

Each ``*_cue`` function looks at one token and returns a :class:`Cue` (anchor, cue words,
hedging level, rule) or None; :func:`sentence_cues` runs them over a sentence and leaves
out relative clauses and scheduled facts. The word lists are in :mod:`.lexicon`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...records import Article, Claim, Entity, TimeExpr
from ..spans import SUBJECT_DEPS
from .lexicon import (ADVERB_HEDGING, AGENTIVE_OBJECT_CUES, AGENT_ENT_TYPES, AGENT_PRONOUNS, AIM_GERUND_CUES,
    BACKGROUND_DEPS, BE_TO_BLOCKERS, CAUSATIVE_HEDGING, CAUSATIVE_VERBS, EVENT_OBJECTS, PRESENT_ONLY_REQUESTS, BE_TO_HEDGING, BE_TO_TAGS, CALENDAR_ENTITY_TYPES, CALENDAR_NOUNS,
    COMPARATIVE_WORDS, COMPLEMENT_CUES, DEADLINE_MODS, DEADLINE_WORDS, DIRECTIVE_HEDGING, DIRECTIVE_VERBS,
    FIRST_PERSON, FORWARD_TIME_DEPS, FORWARD_TIME_WORDS, GOING_TO_AUX, INTENTION_HEDGING, INTENTION_VERBS,
    MODAL_HEDGING, NEGATED_PAST_MODALS, NOUN_CUES, OBJECT_CUES, OBLIGATION_MODALS, OBSERVANCE_VERBS,
    PARTICIPLE_DEPS, PASSIVE_CUES, PAST_AUX_TAGS, PAST_OBJECT_OK, PAST_PROSPECTIVE_CUES, PERFECT_OK_MODALS,
    PERFORMATIVE_VERBS, PLANNED_PARTICIPLES, PREDICATIVE_CUES, PREDICTION_VERBS, PRESENT_VERB_TAGS,
    REQUEST_HEDGING, REQUEST_VERBS, RISK_NOUNS, RISK_PREP, SCHEDULED_PLAN_HEDGING, SPECIFYING_NOUNS,
    SPEECH_ACT_VERBS, STATIVE_MODALS, STATIVE_VERBS, VOLITION_MODALS, VOLITION_VERBS, WARNING_PREPS,
    WARNING_VERBS)
from .windows import article_day, has_window, preposition, shift_forward_year, window

CLAUSE_POS = frozenset({"VERB", "AUX"})
AUX_DEPS = frozenset({"aux", "auxpass"})
CUE_AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
CLAUSE_SUBJECT_DEPS = SUBJECT_DEPS | {"expl"}  # "there will be ..." has an expletive subject
PRESENT_TAGS = frozenset({"VBZ", "VBP", "VB", "VBG"})
OBJECT_DEPS = frozenset({"dobj"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
NOUN_CUE_DEPS = frozenset({"acl", "relcl"})  # "plans to withdraw"; "threats to bomb" parsed as relcl


@dataclass
class Cue:
    """What makes one verb forward-looking: the anchor, the cue tokens and the level."""

    anchor: object  # spaCy Token heading the predicted event's clause
    tokens: list  # the cue words ("will", "is expected to")
    hedging: str
    rule: str  # modal, complement, noun, object, clause, passive, warning, predicative, directive
    event_root: object  # the token whose subtree is the event
    claimed: bool = False  # a claim's content holds it (someone is reported saying it)
    split_off: list = field(default_factory=list)  # anchors of conjoined forecasts left out of the event


@dataclass
class Context:
    doc: object
    article: Article
    claims: list[Claim]
    entities: list[Entity]
    times: list[TimeExpr]
    names: dict[str, str] = field(default_factory=dict)  # lower-cased entity name or alias -> key

    @property
    def text(self) -> str:
        return self.article.text


def background(tok) -> bool:
    """A relative clause, not an infinitive the parser calls one ("threats to bomb" is a plan noun's)
    nor a "that"-clause it hangs on a noun ("announced in a memo that he would be on leave")."""
    return tok.dep_ in BACKGROUND_DEPS and not _has_to(tok) and not misparsed_complement(tok)


def misparsed_complement(tok) -> bool:
    """A "relative clause" opened by the conjunction "that" (a mark, not a pronoun): a complement clause."""
    return tok.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def token_cue(ctx: Context, tok) -> Cue | None:
    """The cue that makes ``tok`` forward-looking, by the first rule that applies."""
    return (modal_cue(tok) or complement_cue(tok) or noun_cue(tok) or object_cue(tok) or clause_cue(tok)
            or passive_cue(tok) or warning_cue(tok) or predicative_cue(tok) or be_to_cue(tok)
            or risk_cue(tok) or dated_plan_cue(ctx, tok) or participle_cue(tok) or request_cue(tok)
            or directive_cue(ctx, tok))


def outermost(cues: list[Cue]) -> list[Cue]:
    """One forecast per predicted event: a cue inside another cue's event ("is expected to say it will
    cut jobs", "will sign the bill before he leaves office") is part of that forecast, unless it heads a
    conjoined clause of its own ("the rain **will** hit Florida and **could** become a source of relief":
    two predicted events, two forecasts); the outer event then leaves that conjunct out."""
    kept = []
    for cue in cues:
        containers = [o for o in cues if o is not cue and o.event_root.is_ancestor(cue.anchor)]
        if not containers:
            kept.append(cue)
        elif all(_conjoined(cue, o) for o in containers):
            kept.append(cue)
            for other in containers:
                other.split_off.append(cue.anchor)
    return kept


def _conjoined(cue: Cue, outer: Cue) -> bool:
    """``cue``'s anchor is joined to ``outer``'s predicate by "and / or / but" alone."""
    tok = cue.anchor
    predicate = {outer.anchor.i, outer.event_root.i}
    while tok.dep_ == "conj" and tok.i not in predicate:
        tok = tok.head
    return tok.i in predicate and tok.i != cue.anchor.i


def modal_cue(tok) -> Cue | None:
    """"will launch", "may attempt"; not "could have been" (a modal with a perfect)."""
    modals = [c for c in tok.children if c.dep_ == "aux" and c.tag_ == "MD"]
    if not modals or modals[0].lower_ not in MODAL_HEDGING:
        return None
    modal = modals[0]
    if _not_a_prediction(tok, modal.lower_):
        return None
    level = INTENTION_HEDGING if _intention(tok) else _adverb_level(tok, MODAL_HEDGING[modal.lower_])
    return Cue(tok, [modal], level, "modal", tok)


def _not_a_prediction(tok, modal: str) -> bool:
    """"could have been" (past), "would like to" (a wish), "couldn't breathe" (past
    inability), "may have photos" (a possible present state)."""
    lemma = tok.lemma_.lower()
    if modal not in PERFECT_OK_MODALS and _has_perfect(tok):
        return True
    if modal in VOLITION_MODALS and lemma in VOLITION_VERBS and not _intention(tok):
        return True
    first_person = any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in tok.children)
    if lemma in SPEECH_ACT_VERBS and first_person:
        return True
    if modal in NEGATED_PAST_MODALS and any(c.dep_ == "neg" or c.lower_ == "neither" for c in tok.children):
        return True
    stative = lemma in STATIVE_VERBS and not any(c.dep_ in COMPLEMENT_DEPS for c in tok.children) and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in EVENT_OBJECTS for c in tok.children)
    return modal in STATIVE_MODALS and stative


def _intention(tok) -> bool:
    """"would like to retire": a wish with a "to"-verb that is not a speech act ("like to thank")."""
    if tok.lemma_.lower() not in INTENTION_VERBS:
        return False
    verbs = [c for c in tok.children if c.dep_ == "xcomp" and _has_to(c)]
    return bool(verbs) and verbs[0].lemma_.lower() not in PERFORMATIVE_VERBS


def _has_perfect(tok) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)


def complement_cue(tok) -> Cue | None:
    """"is expected to launch", "plans to", "is set to", "is likely to", "is going to"."""
    head = tok.head
    if tok.dep_ not in COMPLEMENT_DEPS or head is tok or not _has_to(tok):
        return None
    lemma = head.lemma_.lower()
    if lemma not in COMPLEMENT_CUES or modal_cue(head) is not None:
        return None
    if lemma == "go" and not (head.tag_ == "VBG" and _has_aux(head, GOING_TO_AUX)):
        return None
    if lemma in PAST_PROSPECTIVE_CUES and any(c.tag_ in PAST_AUX_TAGS for c in _aux_of(head)):
        return None
    if any(c.lower_ in COMPARATIVE_WORDS for c in head.children if c.dep_ == "advmod"):
        return None
    if lemma == "set" and head.tag_ != "VBN":
        return None
    # the event: the verb's clause, with the cue verb when it carries the subject ("Russia is preparing to
    # launch"); never with a cue adjective ("certain to qualify" read "possible" must not say "certain")
    root = tok if _has_subject(tok) or head.pos_ == "ADJ" else head
    to = [c for c in tok.children if c.tag_ == "TO" and c.i == head.i + 1]
    tokens = [*_aux_of(head), head, *to]
    return Cue(tok, tokens, _adverb_level(head, COMPLEMENT_CUES[lemma]), "complement", root)


def noun_cue(tok) -> Cue | None:
    """"announced plans to withdraw by September 11", "a pledge to cut emissions"."""
    head = tok.head
    if tok.dep_ not in NOUN_CUE_DEPS or head.pos_ != "NOUN" or not _has_to(tok):
        return None
    lemma = head.lemma_.lower()
    if lemma not in NOUN_CUES:
        return None
    if lemma == "effort" and not (head.dep_ == "pobj" and head.head.lower_ == "in"):
        return None  # only "in an effort to ..."
    return Cue(tok, [head], NOUN_CUES[lemma], "noun", tok)


def clause_cue(tok) -> Cue | None:
    """"predicted that the market is the future": a prediction verb's clause with no modal of its own."""
    lemma = tok.lemma_.lower()
    if lemma not in PREDICTION_VERBS or tok.pos_ != "VERB":
        return None
    clauses = [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in CLAUSE_POS]
    if not clauses or modal_cue(clauses[0]) is not None or complement_cue(clauses[0]) is not None:
        return None
    level = _adverb_level(tok, PREDICTION_VERBS[lemma])
    return Cue(clauses[0], [*_aux_of(tok), tok], level, "clause", clauses[0])


def passive_cue(tok) -> Cue | None:
    """"large Labour losses are predicted", "heavy crowding is to be expected" (a noun subject)."""
    lemma = tok.lemma_.lower()
    if lemma not in PASSIVE_CUES or tok.tag_ != "VBN" or not _has_aux(tok, "be"):
        return None
    children = list(tok.children)
    if any(c.dep_ in COMPLEMENT_DEPS for c in children) or modal_cue(tok) is not None:
        return None
    if not any(c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN") for c in children):
        return None
    return Cue(tok, [*_aux_of(tok), tok], _adverb_level(tok, PASSIVE_CUES[lemma]), "passive", tok)


def warning_cue(tok) -> Cue | None:
    """"warned of potential flash floods", "warned of dire consequences unless ..."."""
    lemma = tok.lemma_.lower()
    if lemma not in WARNING_VERBS or tok.pos_ != "VERB":
        return None
    children = list(tok.children)
    if any(c.dep_ in COMPLEMENT_DEPS for c in children):
        return None
    if not any(c.dep_ == "prep" and c.lower_ in WARNING_PREPS and any(o.dep_ == "pobj" for o in c.children)
               for c in children):
        return None
    return Cue(tok, [*_aux_of(tok), tok], WARNING_VERBS[lemma], "warning", tok)


def predicative_cue(tok) -> Cue | None:
    """"Deadly flash flooding is possible", "an attack is imminent" (a noun subject)."""
    if tok.lemma_ != "be":
        return None
    adjectives = [c for c in tok.children if c.dep_ == "acomp" and c.lower_ in PREDICATIVE_CUES]
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    if not adjectives or not subjects or any(c.dep_ in COMPLEMENT_DEPS for c in adjectives[0].children):
        return None
    adjective = adjectives[0]
    if any(c.lower_ in COMPARATIVE_WORDS for c in adjective.children if c.dep_ == "advmod"):
        return None
    # the event is the subject: "an attack is imminent" predicts "an attack" ("not inevitable" must
    # not read as "inevitable")
    return Cue(tok, [tok, adjective], PREDICATIVE_CUES[adjective.lower_], "predicative", subjects[0])


def be_to_cue(tok) -> Cue | None:
    """"police are to turn the country upside down": present "be" + "to"-verb, an arrangement ahead."""
    head = tok.head
    if tok.dep_ != "xcomp" or head is tok or head.lemma_ != "be" or not _has_to(tok):
        return None
    if head.tag_ not in BE_TO_TAGS or not _has_subject(head) or modal_cue(head) is not None:
        return None
    if any(c.dep_ in ("acomp", "attr") for c in head.children) or _specifying(head, tok):
        return None
    if any(c.dep_ == "prep" and c.i < tok.i for c in head.children):
        return None  # "is in Paris to sign" (a purpose), "is on course to open" (:mod:`.nominal`)
    to = [c for c in tok.children if c.tag_ == "TO"]
    return Cue(tok, [head, *to], _adverb_level(tok, BE_TO_HEDGING), "be_to", tok)


def _specifying(be, verb) -> bool:
    """"the priority is to help", "who is to blame", "is yet to be announced": not an arrangement."""
    if verb.lemma_.lower() in BE_TO_BLOCKERS or any(c.lower_ in BE_TO_BLOCKERS for c in be.children):
        return True
    subjects = [c for c in be.children if c.dep_ in CLAUSE_SUBJECT_DEPS]
    # ... also "one of the key areas of our work is to make housing affordable"
    named = [o for s in subjects for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
             for o in p.children if o.dep_ == "pobj"]
    return any(s.lemma_.lower() in SPECIFYING_NOUNS or s.tag_ in ("WP", "WDT") for s in (*subjects, *named))


def dated_plan_cue(ctx: Context, tok) -> Cue | None:
    """"the leaders meet in Paris tomorrow", "is launching the phone next year": a present plan dated ahead."""
    if tok.pos_ != "VERB" or tok.lemma_ == "be":
        return None
    aux = [c for c in tok.children if c.dep_ in AUX_DEPS]
    present = tok.tag_ in PRESENT_VERB_TAGS and not aux
    progressive = tok.tag_ == "VBG" and len(aux) == 1 and aux[0].tag_ in PRESENT_VERB_TAGS
    if not (present or progressive):
        return None
    for child in tok.children:
        if child.dep_ in FORWARD_TIME_DEPS and child.lower_ != "for" and _forward_time(ctx, child):
            # ("buys medication for the first quarter of next year": what it covers, not when it happens)
            return Cue(tok, [*aux, tok], SCHEDULED_PLAN_HEDGING, "dated_plan", tok)
    return None


def _forward_time(ctx: Context, child) -> bool:
    """A time expression of the times stage inside ``child`` that looks ahead ("next week")."""
    start, end = _subtree_range(child)
    return any(start <= t.start and t.end <= end and FORWARD_TIME_WORDS & set(t.text.lower().split())
               and not modifies_noun(ctx.doc, t) for t in ctx.times)


def participle_cue(tok) -> Cue | None:
    """"inductions planned by the IAF", "the proposed aircraft": a noun made a planned event; not a
    name ("the much-anticipated iPhone" is the product, introduced now)."""
    noun = tok.head
    if tok.dep_ not in PARTICIPLE_DEPS or tok.tag_ != "VBN" or noun.pos_ != "NOUN":
        return None
    lemma = tok.lemma_.lower()
    if lemma not in PLANNED_PARTICIPLES or any(c.dep_ in COMPLEMENT_DEPS for c in tok.children):
        return None
    return Cue(tok, [tok], PLANNED_PARTICIPLES[lemma], "participle", noun)


def risk_cue(tok) -> Cue | None:
    """"a 1 in 300 chance of colliding with earth", "in danger of losing": a chance noun's gerund;
    "aims at dragging the Lebanese toward civil strife": an aim's."""
    prep = tok.head
    if tok.dep_ != "pcomp" or tok.tag_ != "VBG" or prep.dep_ != "prep":
        return None
    aim = AIM_GERUND_CUES.get((prep.head.lemma_.lower(), prep.lower_))
    if aim is not None:
        return Cue(tok, [*_aux_of(prep.head), prep.head, prep], aim, "risk", tok)
    if prep.lower_ != RISK_PREP:
        return None
    noun = prep.head
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in RISK_NOUNS:
        return None
    return Cue(tok, [noun, prep], RISK_NOUNS[lemma], "risk", noun)


def object_cue(tok) -> Cue | None:
    """"Russia plans a mass mobilisation", "the bank forecasts growth" (present tense only)."""
    lemma = tok.lemma_.lower()
    if lemma not in OBJECT_CUES or tok.pos_ != "VERB":
        return None
    if tok.tag_ not in PRESENT_TAGS and lemma not in PAST_OBJECT_OK:
        return None
    children = list(tok.children)
    if any(c.dep_ in COMPLEMENT_DEPS for c in children):
        return None
    objects = [c for c in children if c.dep_ in OBJECT_DEPS and c.pos_ in ("NOUN", "PROPN")]
    if not objects or (lemma in AGENTIVE_OBJECT_CUES and not _agentive(tok)):
        return None
    return Cue(tok, [*_aux_of(tok), tok], _adverb_level(tok, OBJECT_CUES[lemma]), "object", tok)


def _agentive(tok) -> bool:
    """The subject is someone who can act (a person, group, place or pronoun), or there is none."""
    subjects = [c for c in tok.children if c.dep_ in CLAUSE_SUBJECT_DEPS]
    return not subjects or any(s.lower_ in AGENT_PRONOUNS or s.ent_type_ in AGENT_ENT_TYPES for s in subjects)


def request_cue(tok) -> Cue | None:
    """"asked the Government to acquire jets", "recommended that airlines should not buy Airbus"."""
    head = tok.head
    if head is tok or head.lemma_.lower() not in REQUEST_VERBS:
        return None
    if head.lemma_.lower() in PRESENT_ONLY_REQUESTS and (head.tag_ not in PRESENT_VERB_TAGS or _aux_of(head)):
        return None
    if tok.dep_ == "xcomp" and _has_to(tok):
        addressees = [c for c in head.children if c.dep_ == "dobj" and c.i < tok.i]
        if not addressees and not _has_subject(tok):
            return None  # "demanding to know": the speaker's own wish, no addressee
        root = head  # "urged both sides to return to mediation": the addressee is part of the event
    elif tok.dep_ == "ccomp" and head.lemma_.lower() != "tell" and any(
            c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in tok.children):
        root = tok  # (not "common sense tells us that the response must be immediate": a norm stated)
    else:
        return None
    level = CAUSATIVE_HEDGING if head.lemma_.lower() in CAUSATIVE_VERBS else REQUEST_HEDGING
    return Cue(tok, [*_aux_of(head), head], level, "request", root)


def directive_cue(ctx: Context, tok) -> Cue | None:
    """"has ordered the seizure of ... by March": an order with a deadline after the article's date."""
    if tok.lemma_.lower() not in DIRECTIVE_VERBS:
        return None
    start, end = _subtree_range(tok)
    for time in ctx.times:
        if start <= time.start and time.end <= end and _ahead(ctx, time):
            return Cue(tok, [*_aux_of(tok), tok], DIRECTIVE_HEDGING, "directive", tok)
    return None


def _ahead(ctx: Context, time: TimeExpr) -> bool:
    """A deadline ("by March"), or a window after the article's date."""
    if time.mod in DEADLINE_MODS or preposition(ctx.text, time) in DEADLINE_WORDS:
        return True
    today = article_day(ctx.article.published)
    if not today or not has_window(time, ctx.text):
        return False
    published = ctx.article.published
    earliest, latest = window(ctx.text, shift_forward_year(time, published), published)
    return bool(latest and latest >= today and (earliest or "") >= today)


def _has_to(tok) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def _has_aux(tok, lemma: str) -> bool:
    return any(c.dep_ in AUX_DEPS and c.lemma_ == lemma for c in tok.children)


def _has_subject(tok) -> bool:
    return any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in tok.children)


def _aux_of(tok) -> list:
    return [c for c in tok.children if c.dep_ in CUE_AUX_DEPS and c.i < tok.i]


def _adverb_level(tok, level: str) -> str:
    """"will probably" -> likely, "could possibly" -> possible."""
    for child in tok.children:
        if child.dep_ == "advmod" and child.lower_ in ADVERB_HEDGING:
            return ADVERB_HEDGING[child.lower_]
    return level


def _subtree_range(tok) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def is_scheduled_fact(cue: Cue) -> bool:
    """A certain observance of a calendar day ("will celebrate Army Day on February 23")."""
    if cue.hedging != "certain":
        return False
    anchor = cue.anchor
    if anchor.lemma_.lower() not in OBSERVANCE_VERBS:
        return False
    return any(_names_calendar_day(c) for c in anchor.children if c.dep_ in ("dobj", "nsubj", "attr"))


def _names_calendar_day(tok) -> bool:
    words = [t for t in tok.subtree]
    if any(t.lower_ in CALENDAR_NOUNS or t.lemma_.lower() in CALENDAR_NOUNS for t in words):
        return True
    return tok.ent_type_ in CALENDAR_ENTITY_TYPES


def modifies_noun(doc, time: TimeExpr) -> bool:
    span_ = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span_ is None or len(span_) == 0:
        return False
    return span_.root.dep_ in NOUN_MODIFIER_DEPS
