"""One forecast record from one cue: the predicted event, the claim holding it, the predictor,
the condition and the window (from the time expression inside the event, :mod:`.windows`)."""
from __future__ import annotations

import re

from ... import stages
from ...records import Claim, Forecast
from ..spans import span, tokens_span
from .cues import AUX_DEPS, Context, Cue, modifies_noun
from .lexicon import CONDITION_MARKS
from .polarity import positive_form, read
from .timing import keep_ahead, pick_time
from .windows import article_day, day_before, preposition, shift_back_year, shift_forward_year, status, window

NOT_UNTIL = frozenset({"until", "till"})  # "will not begin until April"
CALENDAR_VALUE = re.compile(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?$")


def first_day_of(value: str | None) -> str | None:
    """The first day of a calendar value ("1987-04" -> "1987-04-01"); None for anything else."""
    m = CALENDAR_VALUE.match(value or "")
    return f"{m[1]}-{m[2] or '01'}-{m[3] or '01'}" if m else None

# Children left out of the event: before the anchor ("that", "and"), and anywhere for these two
# ("..., Reznikov said" as parataxis; a trailing "or").
DROPPED_DEPS = frozenset({"parataxis", "mark", "cc", "preconj"})
ANYWHERE_DROPPED = frozenset({"parataxis", "cc"})
# Rules whose cue is a plan, aim or request held by its subject (see ``planner_key``).
PLANNER_RULES = frozenset({"complement", "noun", "object", "be_to", "request", "risk"})
# The past perfect ("had warned", "had been warning"): a participle with the auxiliary "had".
PERFECT_VERB_TAGS = frozenset({"VBN", "VBG"})
PERFECT_AUX = ("have", "VBD")  # (lemma, tag) of "had"


def build(ctx: Context, cue: Cue, sent) -> Forecast | None:
    """The Forecast record of one cue: event span, claim, predictor, condition, window."""
    reading = read(cue)
    if reading.drop:
        return None
    claim_index = claim_of(ctx.claims, cue)
    condition_tokens = _condition(cue)
    kept = event_tokens(ctx, cue, sent, claim_index, condition_tokens)
    if not kept:
        return None
    event = span(ctx.text, kept[0].idx, kept[-1].idx + len(kept[-1].text))
    lo, hi = (event.start, event.end) if cue.rule != "predicative" else _subtree_range(cue.anchor, sent)
    earliest, latest, time_index = dated(ctx, cue, lo, hi, claim_index, reading.polarity)
    return Forecast(
        start=event.start, end=event.end, text=event.text,
        cue=tokens_span(ctx.doc, ctx.text, cue.tokens), hedging=reading.hedging, polarity=reading.polarity,
        event=positive_form(ctx.doc[kept[0].i:kept[-1].i + 1], reading.negations),
        earliest=earliest, latest=latest, time_index=time_index, claim_index=claim_index,
        predictor_key=ctx.claims[claim_index].speaker_key if claim_index is not None else planner_key(ctx, cue),
        condition=tokens_span(ctx.doc, ctx.text, condition_tokens), status=status(latest, ctx.article.published),
        extractor=stages.extractor("forecasts"),
    )


def dated(ctx: Context, cue: Cue, lo: int, hi: int, claim_index: int | None, polarity: str = "positive") -> tuple:
    """(earliest, latest, time index) of the event: the time expression attached to it (:mod:`.timing`);
    a yearless date moved back under a past-perfect report (it may be due already), else kept ahead of
    the article's date, an order's deadline a year on when needed. "Will not begin until April" is a
    negative forecast whose window ends the day before April: it is right if nothing began by then."""
    time_index = pick_time(ctx, cue, lo, hi, modifies_noun)
    time = ctx.times[time_index] if time_index is not None else None
    published = ctx.article.published
    perfect = time is not None and _reported_in_past_perfect(ctx, cue, claim_index)
    if perfect:
        time = shift_back_year(time, published)
    elif time is not None:
        time = keep_ahead(shift_forward_year(time, published) if cue.rule == "directive" else time, published)
    if time is None:
        return None, None, None
    earliest, latest = window(ctx.text, time, published)
    start = first_day_of(time.value)
    if polarity == "negative" and preposition(ctx.text, time) in NOT_UNTIL and start:
        latest = day_before(start)
        today = article_day(published) or ""
        return (today, latest, time_index) if latest >= today else (None, None, None)
    if latest is None and earliest and earliest < (article_day(published) or "") and not perfect:
        return None, None, None  # "off slightly from last year's 40": a level, not a start
    return earliest, latest, time_index


def _subtree_range(tok, sent) -> tuple[int, int]:
    """The characters of ``tok``'s clause, within the sentence."""
    right = tok.right_edge
    return max(tok.left_edge.idx, sent.start_char), min(right.idx + len(right.text), sent.end_char)


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


def event_tokens(ctx: Context, cue: Cue, sent, claim_index: int | None, condition: list) -> list:
    """The predicted event's tokens: the anchor's clause within the sentence and the claim's content."""
    dropped = {t.i for t in condition}
    for anchor in cue.split_off:  # a conjoined forecast of its own, and the "and" before it
        dropped.update(t.i for t in anchor.subtree)
        dropped.update(c.i for c in anchor.head.children if c.dep_ in ("cc", "punct") and c.i < anchor.i)
    for child in cue.event_root.children:
        if child.dep_ in DROPPED_DEPS and (child.i < cue.event_root.i or child.dep_ in ANYWHERE_DROPPED):
            dropped.update(t.i for t in child.subtree)
    lo, hi = sent.start_char, sent.end_char
    if claim_index is not None:
        lo, hi = _content_bounds(ctx.claims[claim_index], cue, lo, hi)
    return [t for t in cue.event_root.subtree if t.i not in dropped and not (t.is_punct or t.is_space)
            and lo <= t.idx and t.idx + len(t.text) <= hi]


def _content_bounds(claim: Claim, cue: Cue, lo: int, hi: int) -> tuple[int, int]:
    at = cue.anchor.idx
    for part in claim.content:
        if part.start <= at < part.end:
            return max(lo, part.start), min(hi, part.end)
    return lo, hi


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
