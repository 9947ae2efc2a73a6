"""extract_events: triggers -> realis filter -> one event per reported happening -> typed, placed, dated.

Stages (each a function below):
  1. triggers (``triggers.find_triggers``) and the realis filter (``modality.is_realis``);
  2. grouping, per sentence: a bare 'killed' next to a stronger trigger is that event's toll, and one
     sentence after a violent event ("... shelled Marinka. Two civilians were killed.") is that event's
     too; the triggers of one protest (protest, tear gas, arrests) are one event; violent triggers one
     of which governs the other ("killed in an air strike", "clashes after militants attacked") are one
     event, typed by the most specific;
  3. typing (``typing_rules.refine``, then the trained re-typer ``typer`` when its model is present);
  4. actor, target, place (``actors``), date (``dates``), killed / injured / civilian (``casualties``).
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from ...records import Article, Span
from . import actors, casualties, dates, taxonomy
from . import lexicon as L
from .intents import find_intents
from .modality import is_realis
from .record import Event
from .syntax import Context, doer_of, lem, target_of
from .triggers import Trigger, find_triggers
from .typer import Typer, event_features, load_typer
from .typing_rules import PROTEST_FAMILY, refine

SPECIFICITY = ("suicide_bombing", "chemical_attack", "grenade", "air_strike", "shelling", "bombing",
               "abduction", "sexual_violence", "force_against_protest", "riot", "mob_violence",
               "protest_intervention", "interception", "armed_clash", "offensive", "attack")
"""Of merged violent triggers the event takes the first kind in this order."""
MERGEABLE = frozenset(SPECIFICITY)
MERGE_FAMILIES = (MERGEABLE, frozenset({"ceasefire", "agreement", "release"}), frozenset({"election"}),
                  frozenset({"accident", "natural_disaster"}), frozenset({"meeting"}), frozenset({"sanction"}),
                  frozenset({"capture", "retake", "territory_transfer"}))
"""Triggers of one family one of which governs the other are one event ("signed a ceasefire agreement",
"went to the polls in a presidential election", "a fire broke out")."""
SENTENCE_FAMILIES = MERGE_FAMILIES[2:6]
"""Families whose triggers in one sentence are one event even when neither governs the other."""
PRECEDENCE = SPECIFICITY + ("ceasefire", "release", "agreement", "territory_transfer", "retake", "capture",
                            "natural_disaster", "accident")
PROTEST_MEMBERS = PROTEST_FAMILY | frozenset({"arrest", "attack", "armed_clash", "looting"})
TOLL_KINDS = taxonomy.VIOLENT_KINDS | frozenset({"natural_disaster", "accident", "crime"})
MAX_MERGE_DEPTH = 6
PLACE_OBJECT_KINDS = frozenset({"shelling", "air_strike", "bombing", "capture", "retake", "territory_transfer",
                                "offensive"})
"""Kinds whose proper-noun object is the place: "shelled Avdiivka", "retook Husarivka"."""
PROTEST_CROWD = (L.PROTESTER_WORDS - {"activist"}) | {"crowd"}
"""Arresting protesters is part of their protest; arresting activists is an arrest (measured on dev)."""


@dataclass
class Group:
    """The triggers of one event and the sentences its toll is read from."""

    head: Trigger
    members: list[Trigger]
    toll_spans: list[tuple[int, int]] = field(default_factory=list)


def extract_events(doc, article: Article, times=(), figures=(), places=(), *,
                   model: Typer | bool | None = None, extractor: str | None = None) -> Iterator[Event]:
    """Every reported event of one parsed article, in text order (see the module docstring).

    ``times``: the article's ``TimeExpr`` records; ``figures``: its ``Figure`` records; ``places``:
    records with ``start``/``end`` offsets (the places stage), matched to each event's place span.
    ``model``: the re-typer (default: the shipped one; False: the rules alone). ``extractor``: the
    string the records carry (the pipeline's, with the model's fingerprint; default the version).
    """
    for event, _ in events_with_features(doc, article, times, figures, places, model=model):
        yield event if extractor is None else replace(event, extractor=extractor)


def events_with_features(doc, article: Article, times=(), figures=(), places=(), *,
                         model: Typer | bool | None = None) -> Iterator[tuple[Event, list[str]]]:
    """Each event with the re-typer's features (computed from the rule kind; for training)."""
    ctx = Context(doc, article.text)
    triggers = [t for t in find_triggers(ctx) if is_realis(doc[t.head])]
    heads = {t.head for t in triggers}
    triggers += [t for t in find_intents(ctx) if t.head not in heads and is_realis(doc[t.head])]
    triggers.sort(key=lambda t: t.first)
    typer = shipped_typer() if model is None or model is True else (model or None)
    places = list(places)
    times = list(times)
    groups = group_triggers(ctx, triggers)
    by_sentence: dict[int, list[Trigger]] = {}
    for t in triggers:
        by_sentence.setdefault(doc[t.head].sent.start_char, []).append(t)
    for group in groups:
        others = [t.kind for lo, _ in group.toll_spans for t in by_sentence.get(lo, ())
                  if t.head != group.head.head]
        built = build_event(ctx, article, group, times, figures, places, typer, others)
        if built is not None:
            yield built


# --------------------------------------------------------------------------- 2. grouping


def _sentence_key(doc, trig: Trigger) -> int:
    return doc[trig.head].sent.start


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return "\n" not in text[min(a, b):max(a, b)]


def _governs(top, low) -> bool:
    """``top`` is an ancestor of ``low`` within ``MAX_MERGE_DEPTH`` heads, not through a conjunction."""
    cur = low
    for _ in range(MAX_MERGE_DEPTH):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "conj":
            return False
        cur = cur.head
        if cur.i == top.i:
            return True
    return False


def group_triggers(ctx: Context, triggers: list[Trigger]) -> list[Group]:
    doc, text = ctx.doc, ctx.text
    by_sent: dict[int, list[Trigger]] = {}
    for trig in triggers:
        by_sent.setdefault(_sentence_key(doc, trig), []).append(trig)
    groups: list[Group] = []
    last_violent: Group | None = None
    for sent in doc.sents:
        trigs = by_sent.get(sent.start, [])
        span = (sent.start_char, sent.end_char)
        strong = [t for t in trigs if not t.weak]
        weak = [t for t in trigs if t.weak]
        if not trigs:
            if last_violent is not None and _same_paragraph(text, last_violent.toll_spans[-1][1], span[0]):
                last_violent.toll_spans.append(span)  # "As a result, 15 people died."
            last_violent = None
            continue
        if weak and not any(t.kind in TOLL_KINDS for t in strong):
            if not strong and last_violent is not None and \
                    _same_paragraph(text, last_violent.toll_spans[-1][1], span[0]):
                last_violent.toll_spans.append(span)
                continue
            strong = strong + weak[:1]
        sent_groups = _merge(doc, strong)
        violent_here = [g for g in sent_groups if g.head.kind in TOLL_KINDS]
        for w in weak:
            if violent_here and all(w is not g.head for g in sent_groups):
                violent_here[0].members.append(w)  # its victims tell who was hit
        for g in sent_groups:
            g.toll_spans.append(span)
        groups.extend(sent_groups)
        violent = [g for g in sent_groups if g.head.kind in TOLL_KINDS]
        last_violent = violent[-1] if violent else None
    return groups


def _merge(doc, trigs: list[Trigger]) -> list[Group]:
    """One group per event of one sentence (protest triggers together; governed violent triggers)."""
    groups: list[Group] = []
    protest = [t for t in trigs if t.kind in PROTEST_FAMILY]
    rest = trigs
    if protest:
        members = [t for t in trigs if t.kind in PROTEST_FAMILY or
                   t.kind in PROTEST_MEMBERS and _about_protest(doc, t, protest)]
        heads = [t for t in protest if lem(doc[t.head]) not in L.PROTESTER_WORDS] or protest
        groups.append(Group(heads[0], members))  # 'protesters threw stones': the act heads it
        rest = [t for t in trigs if t not in members]
    for trig in rest:
        merged = False
        family = next((f for f in MERGE_FAMILIES if trig.kind in f), None)
        if family is not None:
            for g in groups:
                if g.head.kind in family and (family in SENTENCE_FAMILIES or
                                              _governs(doc[g.head.head], doc[trig.head]) or
                                              _governs(doc[trig.head], doc[g.head.head])):
                    g.members.append(trig)
                    if _governs(doc[trig.head], doc[g.head.head]):
                        g.head = trig
                    merged = True
                    break
        if not merged:
            groups.append(Group(trig, [trig]))
    return sorted(groups, key=lambda g: g.head.first)


def _about_protest(doc, trig: Trigger, protest: list[Trigger]) -> bool:
    """An arrest / attack / clash is part of the protest when it is done to protesters or one of the two
    governs the other ("police dispersed the protest, arresting 20"; "protesters clashed with police")."""
    tok = doc[trig.head]
    target = target_of(tok)
    if target is not None and lem(target) in PROTEST_CROWD:
        return True
    doer = doer_of(tok)
    if doer is not None and lem(doer) in PROTEST_CROWD:
        return True
    return any(_governs(doc[p.head], tok) or _governs(tok, doc[p.head]) for p in protest)


def _group_kind(group: Group) -> str:
    kinds = [t.kind for t in group.members if not t.weak] + [group.head.kind]
    for kind in PRECEDENCE:
        if kind in kinds:
            return kind
    return group.head.kind


# --------------------------------------------------------------------------- 3, 4. one event


def _words(doc, span: Span | None) -> set[str]:
    if span is None:
        return set()
    return {lem(t) for t in doc.char_span(span.start, span.end, alignment_mode="expand") or []}


def _next_sentence_text(ctx: Context, tok) -> str:
    end = tok.sent.end
    if end >= len(ctx.doc):
        return ""
    nxt = ctx.doc[end].sent
    if not _same_paragraph(ctx.text, tok.sent.end_char, nxt.start_char):
        return ""
    return nxt.text


def build_event(ctx: Context, article: Article, group: Group, times, figures, places, typer,
                other_kinds: list[str]) -> tuple[Event, list[str]] | None:
    doc, text = ctx.doc, ctx.text
    head = doc[group.head.head]
    trig_span = Span.of(text, doc[group.head.first].idx, doc[group.head.last].idx + len(doc[group.head.last]))
    actor = actors.actor_span(ctx, head)
    actor_toks = frozenset(t.i for t in doc.char_span(actor.start, actor.end, alignment_mode="expand")) \
        if actor else frozenset()
    place_tok = actors.place_token(ctx, head, actor_toks, group.head.kind in PLACE_OBJECT_KINDS,
                                   taxonomy.KINDS[group.head.kind].acled is not None)
    place = actors._place_span(ctx, place_tok) if place_tok is not None else None
    trig_toks = frozenset(range(group.head.first, group.head.last + 1))
    target = actors.target_span(ctx, head, place_tok, trig_toks, group.head.kind in PLACE_OBJECT_KINDS)
    actor_words, target_words = _words(doc, actor), _words(doc, target)
    for member in group.members:  # "... forces were killed in Taliban attacks": the killed were hit
        if member.head != group.head.head:
            target_words |= _words(doc, actors.target_span(ctx, doc[member.head]))
    kind = refine(ctx, head, _group_kind(group), actor_words, target_words, _next_sentence_text(ctx, head))
    feats = event_features(ctx, head, kind, group, actor_words, target_words, other_kinds)
    if typer is not None:
        kind = typer.retype(kind, feats)
    info = taxonomy.KINDS[kind]
    earliest, latest, source, t_index = dates.window(text, head, times, article)
    killed = injured = None
    civilian = False
    if kind in TOLL_KINDS:
        killed, injured = casualties.counts(text, group.toll_spans, figures)
        lemmas = frozenset().union(*(ctx.sent_lemmas(doc.char_span(lo, hi, alignment_mode="expand")[0])
                                     for lo, hi in group.toll_spans if doc.char_span(lo, hi, alignment_mode="expand")))
        civilian = casualties.civilian(lemmas | _words(doc, target))
    place, place_ref = locate(text, head, place, place_tok, places, actor, info.acled is not None)
    spans = [s for s in (trig_span, actor, target, place) if s is not None]
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    return Event(
        start=start, end=end, text=text[start:end], trigger=trig_span, kind=kind, plover=info.plover,
        acled_type=taxonomy.acled_type(info.acled), acled_subtype=info.acled, actor=actor, target=target,
        place=place, place_ref=place_ref, earliest=earliest, latest=latest,
        date_source=source, time_index=t_index, killed=killed, injured=injured, civilian=civilian), feats


@functools.cache
def shipped_typer() -> Typer | None:
    """The shipped re-typer, read once per process (the pipeline passes its Models' one instead)."""
    return load_typer()


def match_place(place: Span | None, places: Iterable) -> object | None:
    """The places-stage record whose span overlaps the event's place span (the longest overlap)."""
    if place is None:
        return None
    best, best_overlap = None, 0
    for rec in places:
        overlap = min(place.end, rec.end) - max(place.start, rec.start)
        if overlap > best_overlap:
            best, best_overlap = rec, overlap
    return best


PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC", "FAC"})


def locate(text: str, head, place: Span | None, place_tok, places: list, actor: Span | None,
           sentence_wide: bool) -> tuple[Span | None, object | None]:
    """The event's place span and the places-stage record it resolves to (measured on
    acled-ukraine-sample, docs/events.md: place within 161 km 0.33 -> 0.64):

    1. the place span's own record ("shelled Avdiivka");
    2. a town the gazetteer does not know, written with its region ("retook Krasnivka, Kherson"):
       the span stays, the record is the region that holds it;
    3. no place span, or one that names no place ("shelled DPR in Makiivka, Donetsk": DPR is an
       organisation to the parser) and the event is one ACLED codes: the most specific place the
       places stage resolved in the sentence (:func:`sentence_place`);
    4. otherwise the span without a record.
    """
    ref = match_place(place, places)
    if ref is not None:
        return place, ref
    if place is not None:
        after = text[place.end:place.end + 3]
        nxt = next((p for p in places if after.startswith(",") and 0 < p.start - place.end <= 2 and
                    getattr(p, "feature", None) in ("admin1", "admin2", "country")), None)
        if nxt is not None:
            return place, nxt
        if place_tok is not None and place_tok.ent_type_ in PLACE_ENTITY_TYPES:
            return place, None
    if not sentence_wide:
        return place, None
    ref = sentence_place(head.sent, places, actor)
    return (Span.of(text, ref.start, ref.end), ref) if ref is not None else (place, None)


SPECIFIC_FIRST = ("city", "admin2", "area", "admin1", "region", "river", "water", "country", "continent")
"""Of a sentence's places, the most specific is where its event happened ("in Makiivka, Donetsk")."""


def sentence_place(sent, places: Iterable, actor: Span | None) -> object | None:
    """When the trigger's own phrases name no place the gazetteer knows ("shelled civilian
    infrastructure in Rudneve, Kharkiv"; "shelled DPR in Makiivka, Donetsk"): the most specific
    place the places stage resolved in the sentence, outside the actor, named (not an adjective)."""
    inside = [p for p in places if sent.start_char <= p.start and p.end <= sent.end_char and
              getattr(p, "kind", "name") == "name" and getattr(p, "feature", None) in SPECIFIC_FIRST and
              not (actor is not None and actor.start <= p.start and p.end <= actor.end)]
    if not inside:
        return None
    return min(inside, key=lambda p: (SPECIFIC_FIRST.index(p.feature), p.start))


def is_material(event: Event) -> bool:
    """ACLED codes this kind of event (a battle, strike, protest, arrest, agreement, ...)."""
    return event.acled_subtype is not None


__all__ = ["Event", "extract_events", "is_material", "L"]
