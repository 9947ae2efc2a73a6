"""Events: kinds and their PLOVER / ACLED types, actors, places, dates, tolls; what is not an event;
the seed; linking two reports of one event."""
from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

from sayso.extract.events import EXTRACTOR, Event, event_dict, extract_events, taxonomy
from sayso.extract.events.casualties import counts
from sayso.extract.events.typer import CASE_TO_KIND, Typer, load_typer, may_become
from sayso.extract.figures import extract_figures
from sayso.extract.times import extract_times
from sayso.extract.events.intents import READY_ADJECTIVES, _statement_head, find_intents, intent_kind
from sayso.extract.events.syntax import Context, lem
from sayso.extract.events.triggers import Trigger, _match_multi, _match_single, find_triggers
from sayso.link.events import (SAME_EVENT_MIN, UNKNOWN, WEIGHTS, actor_key, event_similarity, parts,
                                same_event, same_event_similarity)
from sayso.records import Article, Span

PUBLISHED = "2023-02-02"  # a Thursday


def events(nlp, text, published=PUBLISHED, model=None, places=()):
    article = Article(text, published=published, date_precision="day" if published else "unknown")
    doc = nlp(text)
    times = list(extract_times(doc, article))
    figures = list(extract_figures(doc, article, []))
    return list(extract_events(doc, article, times, figures, places, model=model))


# (text, kind, ACLED sub-event type, actor, place, killed, injured)
EVENTS = [
    ("Russian troops shelled the village of Novoselivka on Tuesday, killing three civilians and wounding seven.",
     "shelling", "Shelling/artillery/missile attack", "Russian troops", "Novoselivka", 3, 7),
    ("An Israeli air strike hit a house in Gaza, killing a woman and her two children.",
     "air_strike", "Air/drone strike", "Israeli", "Gaza", None, None),
    ("Rebels captured the town of Bunia after two days of heavy fighting.",
     "capture", "Non-state actor overtakes territory", "Rebels", "Bunia", None, None),
    ("Government forces retook the town from Islamic State militants.",
     "retake", "Government regains territory", "Government forces", None, None, None),
    ("Thousands of people marched through the capital to protest against the new law.",
     "protest", "Peaceful protest", "Thousands of people", None, None, None),
    ("Police fired tear gas to disperse the protesters outside parliament.",
     "protest_intervention", "Protest with intervention", "Police", None, None, None),
    ("Protesters threw stones at police and set cars on fire.",
     "riot", "Violent demonstration", "Protesters", None, None, None),
    ("Police arrested 12 opposition activists in Minsk on Monday.",
     "arrest", "Arrests", "Police", "Minsk", None, None),
    ("The two sides signed a ceasefire agreement in Doha on Sunday.",
     "ceasefire", "Agreement", "two sides", "Doha", None, None),
    ("A suicide bomber blew himself up at a checkpoint in Mogadishu, killing five soldiers.",
     "suicide_bombing", "Suicide bomb", "suicide bomber", "Mogadishu", 5, None),
    ("Gunmen opened fire on a bus in Kaduna state, killing 11 passengers.",
     "attack", "Attack", "Gunmen", "Kaduna", 11, None),
    ("A roadside bomb exploded near a police patrol in Kandahar.",
     "bombing", "Remote explosive/landmine/IED", None, "Kandahar", None, None),
    ("Militants attacked an army base in northern Mali.",
     "armed_clash", "Armed clash", "Militants", "Mali", None, None),
    ("Security forces found a weapons cache in the forest near Goma.",
     "weapons_seizure", "Disrupted weapons use", "Security forces", "Goma", None, None),
    ("Russia has mobilised 300,000 reservists.",
     "mobilisation", "Change to group/activity", "Russia", None, None, None),
    ("On 12 April 2022, Russian forces shelled Avdiivka, Donetsk. As a result, 3 civilians were killed.",
     "shelling", "Shelling/artillery/missile attack", "Russian forces", "Avdiivka", 3, None),
    ("Armed clashes continued between Russian and Ukrainian forces near Sievierodonetsk, Luhansk.",
     "armed_clash", "Armed clash", "Russian", "Sievierodonetsk", None, None),
    ("Ukrainian forces retook Husarivka, Kharkiv, without a fight.",
     "territory_transfer", "Non-violent transfer of territory", "Ukrainian forces", "Husarivka", None, None),
    ("The president vowed an inquiry after seven villagers were murdered by vigilantes.",
     "mob_violence", "Mob violence", "vigilantes", None, 7, None),
    ("Troops clashed with rebels near the border; at least two soldiers were dead and 16 injured.",
     "armed_clash", "Armed clash", "Troops", None, 2, 16),
]


@pytest.mark.parametrize("text,kind,subtype,actor,place,killed,injured", EVENTS)
def test_event_kind_actor_place_toll(nlp, text, kind, subtype, actor, place, killed, injured):
    found = [e for e in events(nlp, text, model=False) if e.acled_subtype is not None]
    assert found, f"no event in {text!r}"
    event = found[0]
    assert (event.kind, event.acled_subtype) == (kind, subtype)
    assert event.acled_type == taxonomy.acled_type(subtype)
    assert (event.actor.text if event.actor else None) == actor
    assert (event.place.text if event.place else None) == place
    if killed is not None:
        assert event.killed == killed
    if injured is not None:
        assert event.injured == injured
    for span in (event.trigger, event.actor, event.target, event.place):
        if span is not None:
            assert text[span.start:span.end] == span.text
    assert text[event.start:event.end] == event.text
    assert event.extractor == EXTRACTOR


# (text, PLOVER category) for events ACLED does not code
VERBAL = [
    ("The European Union imposed new sanctions on Belarus.", "SANCTION"),
    ("The US and China held talks in Geneva.", "CONSULT"),
    ("Moscow expelled three Polish diplomats on Friday.", "SANCTION"),
    ("Iran threatened to close the Strait of Hormuz.", "THREATEN"),
    ("The ministry condemned the decision.", "DISAPPROVE"),
    ("The rebels said they will release the hostages on Sunday.", "AGREE"),
    ("The minister insisted that the government must hold new elections.", "DEMAND"),
    ("The union said it will boycott the talks unless wages rise.", "THREATEN"),
]


@pytest.mark.parametrize("text,plover", VERBAL)
def test_verbal_events_are_typed_with_plover_only(nlp, text, plover):
    found = events(nlp, text, model=False)
    assert [e.plover for e in found][:1] == [plover]
    assert found[0].acled_subtype is None


# Texts that report no event: metaphors (refused, see docs/events.md), plans, forecasts, negations,
# conditions, questions, things named after an event word.
NO_EVENT = [
    "The strike price of the option is $40.",
    "She sang a protest song at the concert.",
    "He attacked the proposal in a long speech.",
    "The senator attacked his rival over the budget vote.",
    "The company launched a charm offensive in Brussels.",
    "The film captured the imagination of a generation.",
    "The party seized the opportunity to call an election.",
    "Stocks rallied after the report.",
    "The fight against inflation is far from over.",
    "She won a long legal battle with her former employer.",
    "He suffered a cardiac arrest on Monday.",
    "The ministry released a statement on Friday.",
    "The offensive remarks were deleted.",
    "Russia is preparing to launch a fresh offensive on February 24.",
    "Russian forces will make a new attempt to seize the east of the country.",
    "The army did not attack the town.",
    "If they strike the bridge, the city will be cut off.",
    "Will the rebels attack the capital?",
    "Officials fear an attack on the power grid.",
    "The army plans an offensive in the spring.",
    "The assault rifle is made in Russia.",
    "The attack helicopter flew over the city.",
    "Analysts agree with the forecast.",
    "He shot a film about the war.",
    "Workers shelled out $300 for the tickets.",
    "Ukraine's defence minister said Russia will launch an offensive.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(nlp, text):
    assert events(nlp, text) == []


def test_the_verb_of_intent_is_the_event_not_what_is_intended(nlp):
    assert [e.kind for e in events(nlp, "Hamas threatened to attack Israel.")] == ["threat"]
    assert [e.kind for e in events(nlp, "The opposition called for a ceasefire.")] == ["demand"]


def test_date_from_the_sentence_and_from_the_article(nlp):
    dated = events(nlp, "Russian forces shelled Kherson yesterday.")[0]
    assert (dated.earliest, dated.latest, dated.date_source) == ("2023-02-01", "2023-02-01", "text")
    undated = events(nlp, "Russian forces shelled Kherson.")[0]
    assert (undated.earliest, undated.latest, undated.date_source) == ("2023-01-31", "2023-02-02", "article")
    no_date = events(nlp, "Russian forces shelled Kherson.", published=None)[0]
    assert (no_date.earliest, no_date.latest, no_date.date_source) == (None, None, None)


def test_a_future_date_is_not_the_date_of_a_reported_event(nlp):
    event = events(nlp, "Russian forces shelled Kherson, a week before the talks on February 9.")[0]
    assert event.date_source == "article"


@dataclass(frozen=True)
class FakePlace:
    start: int
    end: int
    geonameid: int


def test_the_place_record_overlapping_the_place_span_is_attached(nlp):
    text = "Russian forces shelled Kherson on Monday."
    at = text.index("Kherson")
    places = [FakePlace(0, 7, 2017370), FakePlace(at, at + 7, 706448)]
    event = events(nlp, text, places=places)[0]
    assert event.place_ref == places[1]
    assert event_dict(event)["place_ref"] == 706448


def test_kinds_map_to_plover_acled_and_case():
    plover = {"AGREE", "DEMAND", "REJECT", "THREATEN", "PROTEST", "COERCE", "FIGHT", "DISAPPROVE", "ASSAULT",
              "RETREAT", "SANCTION", "SUPPORT", "CONCEDE", "CONSULT", "AID", "INVESTIGATE", "MOBILIZE", "COOPERATE"}
    for kind, info in taxonomy.KINDS.items():
        assert info.plover is None or info.plover in plover, kind
        assert info.acled is None or info.acled in taxonomy.ACLED_TYPE, kind
    assert set(taxonomy.KIND_BY_ACLED) <= set(taxonomy.ACLED_TYPE)
    assert all(kind in taxonomy.KINDS for kind in CASE_TO_KIND.values())


# (text, killed, injured): the module's own reading, without the figures stage
TOLLS = [
    ("The warplanes pounded the village, killing 6 civilians, including 2 women.", 6, None),
    ("At least two people were dead and 16 injured.", 2, 16),
    ("The blast left 15 dead.", 15, None),
    ("The blast left 15 homes without power.", None, None),
    ("The death toll rose to 66 on Friday.", 66, None),
    ("The strike caused no casualties.", 0, 0),
    ("Militants ambushed a convoy, wounding eight soldiers.", None, 8),
    ("The attack on 12 May hit a school 20 km from the border.", None, None),
]


@pytest.mark.parametrize("text,killed,injured", TOLLS)
def test_tolls_read_from_text(text, killed, injured):
    assert counts(text, [(0, len(text))]) == (killed, injured)


def _typer(label: str) -> Typer:
    labels = ["ATTACK", "ARMED_CLASH", "AGREEMENT"]
    bias = [5.0 if lab == label else 0.0 for lab in labels]
    return Typer(labels, bias, {}, 0.5)


def test_the_typer_retypes_only_within_a_family():
    assert _typer("ARMED_CLASH").retype("attack", []) == "armed_clash"
    assert _typer("AGREEMENT").retype("attack", []) == "attack"  # an attack never becomes an agreement
    assert _typer("ATTACK").retype("shelling", []) == "attack"
    assert may_become("protest", "riot") and not may_become("shelling", "meeting")


def test_the_shipped_typer_loads_and_keeps_kinds_valid(nlp):
    typer = load_typer()
    assert typer is not None and set(typer.labels) >= {"ATTACK", "ARMED_CLASH", "PEACE_PROTEST"}
    for text, *_ in EVENTS[:5]:
        assert all(e.kind in taxonomy.KINDS for e in events(nlp, text))


def test_seed_strike_on_kramatorsk(nlp, seed_path):
    from sayso.sources import read_articles

    article = next(a for a in read_articles([seed_path]) if isinstance(a, Article))
    doc = nlp(article.text)
    found = list(extract_events(doc, article, list(extract_times(doc, article)),
                                list(extract_figures(doc, article, []))))
    strikes = [e for e in found if e.acled_type == "Explosions/Remote violence" and e.place is not None
               and e.place.text == "Kramatorsk"]
    dated = [e for e in strikes if e.civilian and e.earliest == e.latest == article.published]
    assert dated, f"no dated strike on Kramatorsk with civilian casualties in {found}"
    assert dated[0].actor is not None and dated[0].actor.text == "Russian forces"
    # the forecasts of the seed are not events: no offensive, no seizure of Donetsk
    assert not [e for e in found if e.kind in ("offensive", "capture", "retake")]


def _event(kind="shelling", place="Kramatorsk", actor="Russian forces", day="2023-02-02", place_ref=None):
    info = taxonomy.KINDS[kind]
    span = Span(0, len(place), place) if place else None
    return Event(0, 1, "x", Span(0, 1, "x"), kind, info.plover, taxonomy.acled_type(info.acled), info.acled,
                 actor=Span(0, len(actor), actor) if actor else None, place=span, place_ref=place_ref,
                 earliest=day, latest=day)


@dataclass(frozen=True)
class Geo:
    geonameid: int
    lat: float
    lon: float


def test_same_event_across_reports():
    a = _event()
    assert same_event(a, _event(kind="air_strike", actor="Russia's army", day="2023-02-03"))
    assert same_event(a, _event(actor=None))
    assert not same_event(a, _event(day="2023-02-10"))  # days apart
    assert not same_event(a, _event(kind="protest"))  # a strike is not a protest
    assert not same_event(a, _event(place="Kherson", actor="Ukrainian forces"))
    near = _event(place="Kramatorsk", place_ref=Geo(1, 48.72, 37.56))
    far = _event(place="Kramatorsk", place_ref=Geo(2, 46.64, 32.61))
    assert not same_event(near, far)
    assert event_similarity(a, a) == pytest.approx(1.0)
    assert actor_key("Russian forces") == actor_key("Russia") == "russia"
    assert same_event(replace(a, place=None), a)
    for b in (a, _event(actor=None), _event(day="2023-02-10"), _event(kind="protest"), far, replace(a, place=None)):
        for x, y in ((a, b), (near, b)):
            expected = event_similarity(x, y) if same_event(x, y) else None
            assert same_event_similarity(x, y) == expected


def _reference_similarity(a, b):
    """The same-event test as documented: every part scored, a 0 in type, date or place rules the
    pair out, else the weighted mean (``WEIGHTS``' order) if it reaches ``SAME_EVENT_MIN``."""
    scores = parts(a, b)
    if 0.0 in (scores["type"], scores["date"], scores["place"]):
        return None
    mean = sum(WEIGHTS[k] * (UNKNOWN if v is None else v) for k, v in scores.items())
    return mean if mean >= SAME_EVENT_MIN else None


def test_same_event_similarity_is_the_documented_test_bit_for_bit():
    """Over a grid of kinds, days, places (named, with coordinates, missing) and actors, the short-cut
    score equals the reference float exactly (None where the reference rules the pair out)."""
    geo = (None, Geo(1, 48.72, 37.56), Geo(2, 48.9, 37.9), Geo(3, 46.64, 32.61))
    grid = [replace(_event(kind=kind, place=place, actor=actor, day=day), place_ref=ref)
            for kind in ("shelling", "air_strike", "protest", "capture")
            for day in ("2023-02-02", "2023-02-03", "2023-02-09", None)
            for place, ref in (("Kramatorsk", geo[0]), ("Kramatorsk", geo[1]), ("city of Kramatorsk", geo[2]),
                               ("Kherson", geo[3]), (None, None))
            for actor in ("Russian forces", "Ukraine", None)]
    outcomes = set()
    for a in grid[::7]:
        for b in grid:
            expected = _reference_similarity(a, b)
            assert same_event_similarity(a, b) == expected, (a, b)
            outcomes.add(expected is None)
    assert outcomes == {True, False}  # the grid holds pairs of both outcomes


def _every_token_triggers(ctx):
    """find_triggers as it was: every token tested (the reference for the prefiltered one)."""
    found, skip_to = [], -1
    for tok in ctx.doc:
        if tok.i <= skip_to or tok.is_punct or tok.like_num:
            continue
        trig = _match_multi(ctx, tok) or _match_single(ctx, tok)
        if trig is not None:
            found.append(trig)
            skip_to = trig.last
    return found


@pytest.mark.parametrize("text", [text for text, *_ in EVENTS] + [text for text, *_ in VERBAL] + NO_EVENT + [
    "Troops torched the village and a cease-fire was signed; the sit-in ended after an air raid killed 3.",
    "The counter-offensive stalled. Rebels said they will release the hostages unless talks resume.",
])
def test_triggers_and_intents_are_those_of_every_token(nlp, text):
    doc = nlp(text)
    ctx = Context(doc, text)
    assert find_triggers(ctx) == _every_token_triggers(ctx)
    assert find_intents(ctx) == _every_token_intents(ctx)


def _every_token_intents(ctx):
    """find_intents as it was: every token's part of speech and label read from a Token."""
    found = []
    for tok in ctx.doc:
        if tok.pos_ != "VERB" or tok.dep_ not in ("ccomp", "xcomp", "conj") or intent_kind(tok) is None:
            continue
        ready = tok.dep_ == "xcomp" and lem(tok.head) in READY_ADJECTIVES
        statement = _statement_head(tok.head.head if ready else tok)
        if statement is not None:
            found.append(Trigger(statement.i, tok.i, tok.i, intent_kind(tok)))
    return found
