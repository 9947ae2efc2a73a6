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
the window comes from the time expression inside the event (:mod:`.windows`). The cues are in
:mod:`.cues`, the record in :mod:`.record`, the word lists in :mod:`.lexicon`.
"""
from __future__ import annotations

import logging
import re
from typing import Iterator

from ...records import Article, Claim, Entity, Forecast, TimeExpr
from ..spans import doc_text, token_table
from . import filters
from .cues import AUX_DEPS, CLAUSE_POS, Context, Cue, background, is_scheduled_fact, outermost, token_cue
from .lexicon import QUESTION_END
from .nominal import nominal_cue
from .record import build

__all__ = ["extract_forecasts", "entity_names", "sentence_cues"]

log = logging.getLogger(__name__)
WORDING = re.compile(r"[^\W_]+")
CLOSING_QUOTES = "\"'”’»)"


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


def sentence_cues(ctx: Context, sent) -> Iterator[Cue]:
    """The forward-looking anchors of one sentence (:mod:`.cues`, :mod:`.nominal`); relative clauses,
    scheduled facts, questions, wishes, past plans and hypotheticals (:mod:`.filters`) left out."""
    table, doc = token_table(ctx.doc), ctx.doc
    for i in range(sent.start, sent.end):
        if table.pos[i] not in CLAUSE_POS or table.dep[i] in AUX_DEPS:
            continue  # read from the table: a Token for every word was a third of the stage
        tok = doc[i]
        if background(tok):
            continue
        cue = token_cue(ctx, tok) or nominal_cue(ctx, tok)
        if cue is None or is_scheduled_fact(cue) or any(background(t) for t in (cue.event_root, *cue.tokens)):
            continue  # (a cue word in a relative clause: "the steps it intends to take were discussed")
        cue.claimed = any(p.start <= cue.anchor.idx < p.end for c in ctx.claims for p in c.content)
        if filters.reason(cue) is None:
            yield cue


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
    if doc_text(ctx.doc)[sent.start_char:sent.end_char].rstrip().rstrip(CLOSING_QUOTES).rstrip().endswith(QUESTION_END):
        return []
    try:
        built = (build(ctx, cue, sent) for cue in outermost(list(sentence_cues(ctx, sent))))
        return [f for f in built if f is not None]
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        log.debug("forecasts of the sentence at %d skipped", sent.start_char, exc_info=True)
        return []
