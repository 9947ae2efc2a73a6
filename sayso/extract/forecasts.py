"""Forecasts extractor: who predicted what, for when, how surely (``docs/forecasts.md``).

Works on the spaCy parse of ``Article.text`` and on the records of the earlier
stages (claims with resolved speakers, time expressions). A forecast is anchored
on one verb of a clause that looks forward:

1. a modal auxiliary governs it ("will launch", "may attempt", "could be"), not
   with a perfect ("could have been" is about the past);
2. it is the "to"-complement of a predictive verb or adjective ("is expected to
   launch", "plans to", "is preparing to", "is set to", "threatens to", "is likely to",
   "is going to");
3. it is a predictive verb with a noun object ("plans a mass mobilisation",
   "forecasts growth"; in the present, except verbs of predicting proper), or the
   clause of a verb of predicting ("predicted that ..."), or a passive prediction
   ("losses are predicted"), a warning of something ("warned of floods"), a plan
   noun ("plans to withdraw"), a predictive adjective ("flooding is possible");
4. it is an order whose scope holds a deadline or a time after the article's date
   ("has ordered the seizure of Donetsk by March"), or a request ("asked the Government
   to acquire jets", "recommended that airlines should not buy");
5. it is the "to"-verb of a present "be" ("police are to turn the country upside down"),
   the gerund of a chance noun or an aim ("a chance of colliding", "aims at dragging"),
   a planned participle's noun ("inductions planned by the IAF"), a stated intention
   ("would like to retire"), or a present verb dated ahead ("resumes next week").

One forecast per clause tree: a cue inside another forecast's event is part of it. The
same statement twice (a headline repeating a quote) is one forecast, its speaker's.

Questions and scheduled facts (observances of calendar days, "will celebrate Army
Day on February 23") are not forecasts. The predicted event is the anchor's clause
(cut to the claim's content and the sentence, the "if" clause set apart as the
condition); the predictor is the speaker of the claim holding the cue, else the holder
of a reported plan or request when it is a known entity, else the publication (None);
the window comes from the time expression inside the event (``forecasts_windows``).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Iterator

from ..records import Article, Claim, Entity, Forecast, Span, TimeExpr
from .claims_spans import span
from .forecasts_cues import (
    ADVERB_HEDGING, AGENTIVE_OBJECT_CUES, AGENT_ENT_TYPES, AGENT_PRONOUNS, AIM_GERUND_CUES,
    BACKGROUND_DEPS, BE_TO_BLOCKERS, BE_TO_HEDGING, BE_TO_TAGS, CALENDAR_ENTITY_TYPES, CALENDAR_NOUNS,
    COMPARATIVE_WORDS, COMPLEMENT_CUES, CONDITION_MARKS, DEADLINE_MODS, DEADLINE_WORDS, DIRECTIVE_HEDGING,
    DIRECTIVE_VERBS, FIRST_PERSON, FORWARD_TIME_DEPS, FORWARD_TIME_WORDS, GOING_TO_AUX, INTENTION_HEDGING,
    INTENTION_VERBS, MODAL_HEDGING, NEGATED_PAST_MODALS, NOUN_CUES, OBJECT_CUES, OBLIGATION_MODALS,
    OBSERVANCE_VERBS, PARTICIPLE_DEPS, PASSIVE_CUES, PAST_AUX_TAGS, PAST_OBJECT_OK, PAST_PROSPECTIVE_CUES,
    PERFECT_OK_MODALS, PERFORMATIVE_VERBS, PLANNED_PARTICIPLES, PREDICATIVE_CUES, PREDICTION_VERBS,
    PRESENT_VERB_TAGS, QUESTION_END, REQUEST_HEDGING, REQUEST_VERBS, RISK_NOUNS, RISK_PREP,
    SCHEDULED_PLAN_HEDGING, SPECIFYING_NOUNS, SPEECH_ACT_VERBS, STATIVE_MODALS, STATIVE_VERBS,
    VOLITION_MODALS, VOLITION_VERBS, WARNING_PREPS, WARNING_VERBS,
)
from .forecasts_windows import (
    article_day, has_window, preposition, shift_back_year, shift_forward_year, status, window,
)

EXTRACTOR = "forecasts.v3"
log = logging.getLogger(__name__)
WORDING = re.compile(r"[^\W_]+")

CLAUSE_POS = frozenset({"VERB", "AUX"})
AUX_DEPS = frozenset({"aux", "auxpass"})
CUE_AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
# Children left out of the event: before the anchor ("that", "and"), and anywhere for these two
# ("..., Reznikov said" as parataxis; a trailing "or").
DROPPED_DEPS = frozenset({"parataxis", "mark", "cc", "preconj"})
ANYWHERE_DROPPED = frozenset({"parataxis", "cc"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
PRESENT_TAGS = frozenset({"VBZ", "VBP", "VB", "VBG"})
OBJECT_DEPS = frozenset({"dobj"})
# Rules whose cue is a plan, aim or request held by its subject (see ``planner_key``).
PLANNER_RULES = frozenset({"complement", "noun", "object", "be_to", "request", "risk"})
NOUN_CUE_DEPS = frozenset({"acl", "relcl"})  # "plans to withdraw"; "threats to bomb" parsed as relcl
# The past perfect ("had warned", "had been warning"): a participle with the auxiliary "had".
PERFECT_VERB_TAGS = frozenset({"VBN", "VBG"})
PERFECT_AUX = ("have", "VBD")  # (lemma, tag) of "had"


@dataclass
class Cue:
    """What makes one verb forward-looking: the anchor, the cue tokens and the level."""

    anchor: object  # spaCy Token heading the predicted event's clause
    tokens: list  # the cue words ("will", "is expected to")
    hedging: str
    rule: str  # modal, complement, noun, object, clause, passive, warning, predicative, directive
    event_root: object  # the token whose subtree is the event


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


def extract_forecasts(
    doc, article: Article, claims: list[Claim], entities: list[Entity], times: list[TimeExpr]
) -> Iterator[Forecast]:
    """Every forward-looking statement of ``article``, each once; bad input yields nothing."""
    ctx = Context(doc, article, claims, entities, times, entity_names(entities))
    kept: dict[tuple[str, str | None], Forecast] = {}
    for sent in doc.sents:
        for forecast in _sentence_forecasts(ctx, sent):
            kept.setdefault((_wording(forecast.text), forecast.predictor_key), forecast)
    named = {wording for wording, key in kept if key is not None}
    once = [f for (wording, key), f in kept.items() if key is not None or wording not in named]
    yield from sorted(once, key=lambda f: (f.start, f.end))


def entity_names(entities: list[Entity]) -> dict[str, str]:
    """Each lower-cased name and alias of the article's entities -> its key (the first entity wins)."""
    names: dict[str, str] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            names.setdefault(name.lower(), entity.key)
    return names


def _wording(text: str) -> str:
    """The words of an event, lower-cased: a headline's quote and the body's are one statement; the
    occurrence with a named predictor wins over the publication's, two speakers' stay two."""
    return " ".join(WORDING.findall(text.lower()))


def _sentence_forecasts(ctx: Context, sent) -> list[Forecast]:
    """The forecasts of one sentence; a sentence the rules trip on is logged and skipped."""
    if sent.text.rstrip().endswith(QUESTION_END):
        return []
    try:
        built = (build(ctx, cue, sent) for cue in outermost(list(sentence_cues(ctx, sent))))
        return [f for f in built if f is not None]
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        log.debug("forecasts of the sentence at %d skipped", sent.start_char, exc_info=True)
        return []


# --- cues ------------------------------------------------------------------------

def sentence_cues(ctx: Context, sent) -> Iterator[Cue]:
    """The forward-looking anchors of one sentence; relative clauses and scheduled facts left out."""
    for tok in sent:
        if tok.pos_ not in CLAUSE_POS or tok.dep_ in AUX_DEPS or _background(tok):
            continue
        cue = token_cue(ctx, tok)
        if cue is not None and not is_scheduled_fact(cue):
            yield cue


def _background(tok) -> bool:
    """A relative clause, not an infinitive the parser calls one ("threats to bomb" is a plan noun's)."""
    return tok.dep_ in BACKGROUND_DEPS and not _has_to(tok)


def token_cue(ctx: Context, tok) -> Cue | None:
    """The cue that makes ``tok`` forward-looking, by the first rule that applies."""
    return (modal_cue(tok) or complement_cue(tok) or noun_cue(tok) or object_cue(tok) or clause_cue(tok)
            or passive_cue(tok) or warning_cue(tok) or predicative_cue(tok) or be_to_cue(tok)
            or risk_cue(tok) or dated_plan_cue(ctx, tok) or participle_cue(tok) or request_cue(tok)
            or directive_cue(ctx, tok))


def outermost(cues: list[Cue]) -> list[Cue]:
    """One forecast per clause tree: a cue inside another cue's event ("will hit Florida and
    could become a source of relief", "is expected to say it will ...") is part of that forecast."""
    return [cue for cue in cues
            if not any(other is not cue and other.event_root.is_ancestor(cue.anchor) for other in cues)]


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
    if modal in NEGATED_PAST_MODALS and any(c.dep_ == "neg" for c in tok.children):
        return True
    stative = lemma in STATIVE_VERBS and not any(c.dep_ in COMPLEMENT_DEPS for c in tok.children)
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
    root = tok if _has_subject(tok) else head
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
    return Cue(tok, [tok, adjective], PREDICATIVE_CUES[adjective.lower_], "predicative", tok)


def be_to_cue(tok) -> Cue | None:
    """"police are to turn the country upside down": present "be" + "to"-verb, an arrangement ahead."""
    head = tok.head
    if tok.dep_ != "xcomp" or head is tok or head.lemma_ != "be" or not _has_to(tok):
        return None
    if head.tag_ not in BE_TO_TAGS or not _has_subject(head) or modal_cue(head) is not None:
        return None
    if any(c.dep_ in ("acomp", "attr") for c in head.children) or _specifying(head, tok):
        return None
    to = [c for c in tok.children if c.tag_ == "TO"]
    return Cue(tok, [head, *to], _adverb_level(tok, BE_TO_HEDGING), "be_to", tok)


def _specifying(be, verb) -> bool:
    """"the priority is to help", "who is to blame", "is yet to be announced": not an arrangement."""
    if verb.lemma_.lower() in BE_TO_BLOCKERS or any(c.lower_ in BE_TO_BLOCKERS for c in be.children):
        return True
    subjects = [c for c in be.children if c.dep_ in SUBJECT_DEPS]
    return any(s.lemma_.lower() in SPECIFYING_NOUNS or s.tag_ in ("WP", "WDT") for s in subjects)


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
        if child.dep_ in FORWARD_TIME_DEPS and _forward_time(ctx, child):
            return Cue(tok, [*aux, tok], SCHEDULED_PLAN_HEDGING, "dated_plan", tok)
    return None


def _forward_time(ctx: Context, child) -> bool:
    """A time expression of the times stage inside ``child`` that looks ahead ("next week")."""
    start, end = _subtree_range(child)
    return any(start <= t.start and t.end <= end and FORWARD_TIME_WORDS & set(t.text.lower().split())
               and not _modifies_noun(ctx.doc, t) for t in ctx.times)


def participle_cue(tok) -> Cue | None:
    """"inductions planned by the IAF", "the proposed aircraft": a noun made a planned event."""
    noun = tok.head
    if tok.dep_ not in PARTICIPLE_DEPS or tok.tag_ != "VBN" or noun.pos_ not in ("NOUN", "PROPN"):
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
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    return not subjects or any(s.lower_ in AGENT_PRONOUNS or s.ent_type_ in AGENT_ENT_TYPES for s in subjects)


def request_cue(tok) -> Cue | None:
    """"asked the Government to acquire jets", "recommended that airlines should not buy Airbus"."""
    head = tok.head
    if head is tok or head.lemma_.lower() not in REQUEST_VERBS:
        return None
    if tok.dep_ == "xcomp" and _has_to(tok):
        addressees = [c for c in head.children if c.dep_ == "dobj" and c.i < tok.i]
        if not addressees and not _has_subject(tok):
            return None  # "demanding to know": the speaker's own wish, no addressee
        root = head  # "urged both sides to return to mediation": the addressee is part of the event
    elif tok.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in tok.children):
        root = tok
    else:
        return None
    return Cue(tok, [*_aux_of(head), head], REQUEST_HEDGING, "request", root)


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
    return any(c.dep_ in SUBJECT_DEPS for c in tok.children)


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


# --- the record ---------------------------------------------------------------------

def build(ctx: Context, cue: Cue, sent) -> Forecast | None:
    """The Forecast record of one cue: event span, claim, predictor, condition, window."""
    claim_index = claim_of(ctx.claims, cue)
    condition_tokens = _condition(cue)
    event = event_span(ctx, cue, sent, claim_index, condition_tokens)
    if event is None:
        return None
    time_index = pick_time(ctx, cue, event, claim_index)
    time = ctx.times[time_index] if time_index is not None else None
    if time is not None and _reported_in_past_perfect(ctx, cue, claim_index):
        time = shift_back_year(time, ctx.article.published)
    if time is not None and cue.rule == "directive":
        time = shift_forward_year(time, ctx.article.published)
    earliest, latest = window(ctx.text, time, ctx.article.published)
    return Forecast(
        start=event.start, end=event.end, text=event.text,
        cue=_tokens_span(ctx.text, cue.tokens), hedging=cue.hedging,
        earliest=earliest, latest=latest, time_index=time_index, claim_index=claim_index,
        predictor_key=ctx.claims[claim_index].speaker_key if claim_index is not None else planner_key(ctx, cue),
        condition=_tokens_span(ctx.text, condition_tokens), status=status(latest, ctx.article.published),
        extractor=EXTRACTOR,
    )


def planner_key(ctx: Context, cue: Cue) -> str | None:
    """The article's own report of someone's plan, aim or request ("The Church plans two more
    protests", "Mangoma unveiled a plan to relaunch the economy"): the plan's holder, the subject
    of the cue, predicts it when it is one of the article's entities; else the publication (None).
    Plain modals ("Howard will face the inquiry") stay the publication's."""
    if cue.rule not in PLANNER_RULES:
        return None
    names = ctx.names
    for head in (*(t.head for t in cue.tokens), *cue.tokens, cue.anchor):
        for subject in head.children:
            if subject.dep_ == "nsubj" and subject.pos_ in ("PROPN", "NOUN"):
                words = [t for t in subject.subtree if t.dep_ not in ("det", "punct")]
                key = names.get(ctx.text[words[0].idx:words[-1].idx + len(words[-1].text)].lower())
                if key is not None:
                    return key
    return None


def claim_of(claims: list[Claim], cue: Cue) -> int | None:
    """The claim whose content holds the cue (or whose cue is the forecast's cue: "Russia plans ...",
    "Dow expects to see ...").

    When two claims share the content part (a quote both follows one cue and precedes
    another), the claim with the fewest parts and the nearest cue wins."""
    at = min(t.idx for t in cue.tokens)
    ranked = []
    for i, claim in enumerate(claims):
        for part in claim.content:
            if part.start <= at < part.end:
                near = abs(claim.cue.start - part.start) if claim.cue else 0
                ranked.append((part.end - part.start, len(claim.content), near, i))
    if ranked:
        return min(ranked)[3]
    for i, claim in enumerate(claims):
        if claim.cue and any(claim.cue.start <= t.idx < claim.cue.end for t in (cue.anchor, *cue.tokens)):
            return i
    return None


def _condition(cue: Cue) -> list:
    """The "if/unless" clause of the anchor (or of the cue's verb), as tokens."""
    for head in (cue.anchor, cue.event_root):
        for child in head.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS
                                             for m in child.children):
                return list(child.subtree)
    return []


def event_span(ctx: Context, cue: Cue, sent, claim_index: int | None, condition: list) -> Span | None:
    """The predicted event: the anchor's clause within the sentence and the claim's content."""
    dropped = {t.i for t in condition}
    for child in cue.event_root.children:
        if child.dep_ in DROPPED_DEPS and (child.i < cue.event_root.i or child.dep_ in ANYWHERE_DROPPED):
            dropped.update(t.i for t in child.subtree)
    lo, hi = sent.start_char, sent.end_char
    if claim_index is not None:
        lo, hi = _content_bounds(ctx.claims[claim_index], cue, lo, hi)
    kept = [t for t in cue.event_root.subtree if t.i not in dropped and not (t.is_punct or t.is_space)
            and lo <= t.idx and t.idx + len(t.text) <= hi]
    if not kept:
        return None
    return span(ctx.text, kept[0].idx, kept[-1].idx + len(kept[-1].text))


def _content_bounds(claim: Claim, cue: Cue, lo: int, hi: int) -> tuple[int, int]:
    at = cue.anchor.idx
    for part in claim.content:
        if part.start <= at < part.end:
            return max(lo, part.start), min(hi, part.end)
    return lo, hi


def pick_time(ctx: Context, cue: Cue, event: Span, claim_index: int | None) -> int | None:
    """The time expression inside the event that dates it: adverbials before noun
    modifiers ("in the coming weeks" before "a Spring offensive"), then the nearest."""
    candidates = [i for i, t in enumerate(ctx.times)
                  if event.start <= t.start and t.end <= event.end and has_window(t, ctx.text)]
    if not candidates:
        return None
    anchor = cue.anchor.idx
    return min(candidates, key=lambda i: (_modifies_noun(ctx.doc, ctx.times[i]),
                                         abs(ctx.times[i].start - anchor)))


def _modifies_noun(doc, time: TimeExpr) -> bool:
    span_ = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span_ is None or len(span_) == 0:
        return False
    return span_.root.dep_ in NOUN_MODIFIER_DEPS


def _reported_in_past_perfect(ctx: Context, cue: Cue, claim_index: int | None) -> bool:
    """"Kovalchuk had warned that Putin will ...", "'... in January,' he had warned": the cue, a
    verb governing it, or the verb of the claim holding it is in the past perfect, so the
    speaker spoke well before the article's date. A simple past ("warned that ...") is recent
    news and moves nothing; neither does a past perfect that does not govern the cue."""
    governing = [*cue.tokens, cue.anchor, *cue.anchor.ancestors]
    if claim_index is not None and ctx.claims[claim_index].cue is not None:
        claim_cue = ctx.claims[claim_index].cue
        span_ = ctx.doc.char_span(claim_cue.start, claim_cue.end, alignment_mode="expand")
        governing += list(span_ or [])
    return any(past_perfect(tok) for tok in governing)


def past_perfect(tok) -> bool:
    """A participle with the auxiliary "had" ("had warned", "had been warning")."""
    return tok.tag_ in PERFECT_VERB_TAGS and any(
        c.dep_ in AUX_DEPS and (c.lemma_.lower(), c.tag_) == PERFECT_AUX for c in tok.children)


def _tokens_span(text: str, tokens: list) -> Span | None:
    if not tokens:
        return None
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return span(text, first.idx, last.idx + len(last.text))
