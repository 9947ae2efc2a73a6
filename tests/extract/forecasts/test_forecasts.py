"""Forecasts: which statements look forward, how surely, for when, and who predicts them."""
from __future__ import annotations

import pytest

from sayso import stages
from sayso.extract.claims import extract_claims
from sayso.extract.forecasts import entity_names, extract_forecasts
from sayso.extract.forecasts.windows import (
    article_day, shift_back_year, shift_forward_year, status, window,
)
from sayso.extract.speakers import resolve_speakers
from sayso.pipeline import extract
from sayso.records import Article, Entity, TimeExpr
from sayso.extract.models import Models

EXTRACTOR = stages.extractor("forecasts")

DCT = "2023-02-02"


def run(nlp, text: str, published: str | None = DCT, times: list[TimeExpr] | None = None):
    """The whole chain on one text; times hand-built (default none) unless given."""
    article = Article(text=text, published=published)
    doc = nlp(text)
    claims = list(extract_claims(doc, article, Models.default()))
    claims, entities, _ = resolve_speakers(doc, article, claims)
    return list(extract_forecasts(doc, article, claims, entities, times or [])), claims, entities


def timex(text: str, phrase: str, value: str, earliest=None, latest=None, type_="DATE", mod=None) -> TimeExpr:
    start = text.index(phrase)
    return TimeExpr(start, start + len(phrase), phrase, type_, value, earliest, latest, mod)


# --- what is a forecast, and how surely --------------------------------------------

FORECASTS = [
    # (text, hedging, a piece of the predicted event)
    ("The central bank will raise interest rates.", "certain", "raise interest rates"),
    ("Officials said the storm could strengthen before landfall.", "possible", "strengthen before landfall"),
    ("The company is expected to announce layoffs.", "likely", "announce layoffs"),
    ("Russia is preparing to launch a fresh offensive.", "certain", "launch a fresh offensive"),
    ("The union plans to strike next week.", "certain", "strike"),
    ("The minister is set to resign.", "certain", "resign"),
    ("The rebels threatened to attack the capital.", "likely", "attack the capital"),
    ("Inflation is likely to rise this year.", "likely", "rise"),
    ("Prices will probably rise.", "likely", "rise"),
    ("Analysts predict a recession.", "likely", "recession"),
    ("Deadly flash flooding is possible.", "possible", "flash flooding"),
    ("Large Labour losses are predicted across Scotland.", "likely", "Labour losses"),
    ("The agency warned of potential flash floods.", "likely", "flash floods"),
    ("The government announced plans to withdraw its troops.", "certain", "withdraw its troops"),
    ("They may try something around February 24.", "possible", "try something"),
    ("Russia is going to attack from the north.", "certain", "attack from the north"),
    ("Police forces are to turn the country upside down.", "certain", "turn the country upside down"),
    ("The asteroid has a 1 in 300 chance of colliding with Earth.", "possible", "chance of colliding"),
    ("The air force is in danger of losing its superiority.", "possible", "losing its superiority"),
    ("The prospects of finding survivors are very low.", "possible", "finding survivors"),
    ("Several inductions planned by the air force have been delayed.", "certain", "inductions planned"),
    ("Officials are recounting votes in an effort to resolve the dispute.", "possible", "resolve the dispute"),
    ("The mayor said the city received threats to bomb department stores.", "likely", "bomb department stores"),
    ("The agency removed the post, threatening a lawsuit against the blogger.", "likely", "a lawsuit"),
    ("The air chief has asked the government to acquire 40 jets.", "possible", "acquire 40 jets"),
    ("The minister recommended that airlines should not buy Airbus aircraft.", "possible", "not buy Airbus"),
    ("They refused to approve a treaty designed to cut emissions by 2020.", "likely", "cut emissions"),
    ("This act aims at dragging the country toward civil strife.", "likely", "dragging the country"),
    ("The sources said Ratzinger was a front runner to succeed the Pope.", "likely", "succeed the Pope"),
]


@pytest.mark.parametrize("text,hedging,event", FORECASTS)
def test_forecast_found_with_hedging(nlp, text, hedging, event):
    forecasts, _, _ = run(nlp, text)
    assert len(forecasts) == 1, [f.text for f in forecasts]
    found = forecasts[0]
    assert found.hedging == hedging
    assert event in found.text
    assert text[found.start:found.end] == found.text
    assert found.extractor == EXTRACTOR


NOT_FORECASTS = [
    "The army launched an offensive on Monday.",  # past
    "Prices are rising across the country.",  # present
    "He could have won the race.",  # a modal with a perfect: the past
    "I would like to thank the voters.",  # a wish
    "It would seem we are more pessimistic than others.",  # hedged speech about the present
    "She couldn't breathe.",  # a past inability
    "Anyone who may have photos of the crash is asked to call the police.",  # a possible present state
    "Will Russia attack again?",  # a question
    "Russia will celebrate Army Day on February 23.",  # a scheduled fact: a calendar observance
    "The country will mark the anniversary of the war on Friday.",  # idem
    "Smokers are three times more likely to develop cancer.",  # a comparative risk, generic
    "He was going to try again.",  # a past prospective
    "He can swim across the lake.",  # ability
    "I'll tell you, it was a hard campaign.",  # a speech act
    "Our first priority is to help our students.",  # a specifying "be to": a goal named, no event
    "The exact nature of the charges is yet to be announced.",  # "is yet to": not done so far
    "Rising sea levels threaten the coast.",  # "threaten" with a thing as subject: "endanger"
    "I would like to express my sympathy to the families.",  # a wish that performs a speech act
    "The remains were to be transported to Yakutsk.",  # a past "be to"
    "People are demanding to know who is responsible.",  # a request with no addressee: a wish now
    "Airlines should check their fleets.",  # "should" outside a request: an obligation now
    "He would like to retire to a Bavarian village.",  # a wish
    "The army had planned to attack in January.",  # a past plan
]


@pytest.mark.parametrize("text", NOT_FORECASTS)
def test_past_present_and_scheduled_statements_are_not_forecasts(nlp, text):
    forecasts, _, _ = run(nlp, text)
    assert forecasts == [], [f.text for f in forecasts]


@pytest.mark.parametrize("text,expected", [
    # one forecast per clause tree: a cue inside another forecast's clause is part of it
    # ... but a conjoined clause with a cue of its own is a predicted event of its own
    ("The heavy rain will hit Florida and could become a source of drought relief.",
     ["The heavy rain will hit Florida", "could become a source of drought relief"]),
    ("The company is expected to say that it will cut jobs.", ["say that it will cut jobs"]),
    ("Governor Corzine said that he will sign the bill before he leaves office next week.",
     ["he will sign the bill before he leaves office next week"]),
    # separate sentences stay separate forecasts
    ("Prices will rise. Wages will fall.", ["Prices will rise", "Wages will fall"]),
])
def test_one_forecast_per_predicted_event(nlp, text, expected):
    forecasts, _, _ = run(nlp, text)
    assert len(forecasts) == len(expected), [f.text for f in forecasts]
    for found, piece in zip(forecasts, expected):
        assert piece in found.text


def test_a_repeated_statement_is_one_forecast_of_its_speaker(nlp):
    text = ("'We will stay out until the ministry listens': union leader\n\n"
            "\"We will stay out until the ministry listens,\" the union's leader, Oleksii Marchenko, told the radio.")
    forecasts, _, entities = run(nlp, text)
    assert len(forecasts) == 1, [f.text for f in forecasts]
    names = {e.key: e.name for e in entities}
    assert "Marchenko" in names.get(forecasts[0].predictor_key, "")


def test_the_same_words_of_two_speakers_are_two_forecasts(nlp):
    text = "Economist John Smith said prices will rise. Banker Mary Jones said prices will rise."
    forecasts, _, entities = run(nlp, text)
    names = {e.key: e.name for e in entities}
    predictors = [names.get(f.predictor_key, "") for f in forecasts]
    assert len(forecasts) == 2 and "Smith" in predictors[0] and "Jones" in predictors[1], predictors


def test_present_plan_dated_ahead_is_a_forecast(nlp):
    text = "The leaders meet in Paris next week."
    times = [timex(text, "next week", "P1W")]
    forecasts, _, _ = run(nlp, text, times=times)
    assert [f.text for f in forecasts] == ["The leaders meet in Paris next week"]
    ahead_of = "Militants step up attacks ahead of next week's elections."
    times = [timex(ahead_of, "next week", "P1W")]
    assert run(nlp, ahead_of, times=times)[0] == []  # the time dates the elections, not the attacks
    assert run(nlp, "The leaders met in Paris last week.")[0] == []


def test_condition_is_set_apart(nlp):
    forecasts, _, _ = run(nlp, "If the talks fail, the strike will continue for weeks.")
    assert len(forecasts) == 1
    assert forecasts[0].condition is not None and forecasts[0].condition.text == "If the talks fail"
    assert "If" not in forecasts[0].text and "the strike will continue" in forecasts[0].text


def test_trailing_condition_is_cut_from_the_event(nlp):
    text = "Shares fell. It will fall through unless backed by shareholders.\n\nRyanair said no."
    forecasts, _, _ = run(nlp, text)
    assert [(f.text, f.condition.text) for f in forecasts] == [("It will fall through", "unless backed by shareholders")]


def test_predictor_is_the_claims_speaker_else_the_publication(nlp):
    text = "Reznikov said that Russia will attack in spring. The weather will turn cold."
    forecasts, claims, entities = run(nlp, text)
    by_text = {f.text: f for f in forecasts}
    attack = next(f for t, f in by_text.items() if "attack" in t)
    weather = next(f for t, f in by_text.items() if "cold" in t)
    names = {e.key: e.name for e in entities}
    assert attack.claim_index is not None and "Reznikov" in names[attack.predictor_key]
    assert attack.predictor_key == claims[attack.claim_index].speaker_key
    assert weather.claim_index is None and weather.predictor_key is None


@pytest.mark.parametrize("second,planner", [
    ("The Westboro Baptist Church plans two more protests in Oklahoma City.", "Westboro Baptist Church"),
    ("The Westboro Baptist Church will protest again.", None),  # a plain modal: the publication's
])
def test_a_reported_plan_is_its_holders(nlp, second, planner):
    text = "The Westboro Baptist Church protested at the concert on Friday, a spokesman said. " + second
    forecasts, _, entities = run(nlp, text)
    assert len(forecasts) == 1, [f.text for f in forecasts]
    names = {e.key: e.name for e in entities}
    assert names.get(forecasts[0].predictor_key) == planner


# --- windows and status -----------------------------------------------------------------

def test_window_and_status_from_a_hand_built_time(nlp):
    text = "Chernyak said Russian forces will seize the east of the country within a month."
    times = [timex(text, "a month", "P1M", type_="DURATION")]
    forecasts, _, _ = run(nlp, text, times=times)
    assert len(forecasts) == 1
    found = forecasts[0]
    assert (found.earliest, found.latest, found.time_index, found.status) == (DCT, "2023-03-02", 0, "open")


def test_order_with_a_deadline_is_a_forecast(nlp):
    text = "A spokesman said that Putin has ordered the seizure of Donetsk by March."
    times = [timex(text, "March", "2022-03", "2022-03-01", "2022-03-31", mod="ON_OR_BEFORE")]
    forecasts, _, _ = run(nlp, text, times=times)
    assert len(forecasts) == 1
    assert "seizure of Donetsk" in forecasts[0].text
    assert (forecasts[0].earliest, forecasts[0].latest) == (DCT, "2023-03-31")


def test_past_order_without_deadline_is_not_a_forecast(nlp):
    text = "Putin ordered the invasion in February 2022."
    times = [timex(text, "February 2022", "2022-02", "2022-02-01", "2022-02-28")]
    assert run(nlp, text, times=times)[0] == []


def test_window_past_due_under_a_past_perfect_report(nlp):
    text = "Kovalchuk had warned that Putin will order new troops into the war in January."
    times = [timex(text, "January", "2024-01", "2024-01-01", "2024-01-31")]
    forecasts, _, _ = run(nlp, text, times=times)
    assert len(forecasts) == 1
    assert (forecasts[0].earliest, forecasts[0].latest, forecasts[0].status) == ("2023-01-01", "2023-01-31", "due")


# A past-perfect report ("had warned") puts the speaker well before the article's date, so a
# yearless month the times stage put in the coming year moves back one year when that is nearer.
# A simple past ("warned that Putin will ... in January", published 2 February) is recent news: a
# reader takes "January" as the next one, so nothing moves; nor does a past perfect that does not
# govern the cue (a relative clause), nor "had" as a main verb.
REPORTED_WINDOWS = [
    # (text, month phrase, the times stage's (value, earliest, latest), expected (earliest, latest, status))
    ("Kovalchuk had warned that Putin will order new troops into the war in January.", "January",
     ("2024-01", "2024-01-01", "2024-01-31"), ("2023-01-01", "2023-01-31", "due")),
    ('"Putin will order new troops into the war in January," Kovalchuk had warned.', "January",
     ("2024-01", "2024-01-01", "2024-01-31"), ("2023-01-01", "2023-01-31", "due")),
    ("Kovalchuk had been warning that Putin will order new troops in January.", "January",
     ("2024-01", "2024-01-01", "2024-01-31"), ("2023-01-01", "2023-01-31", "due")),
    ("The ministry had predicted that prices will rise in December.", "December",
     ("2023-12", "2023-12-01", "2023-12-31"), ("2022-12-01", "2022-12-31", "due")),
    ("He'd warned that Putin will order new troops into the war in January.", "January",
     ("2024-01", "2024-01-01", "2024-01-31"), ("2023-01-01", "2023-01-31", "due")),  # "'d" as "had"
    # must NOT move:
    ("Kovalchuk warned that Putin will order new troops into the war in January.", "January",
     ("2024-01", "2024-01-01", "2024-01-31"), ("2024-01-01", "2024-01-31", "open")),
    ("Kovalchuk had warned that Putin will order new troops into the war in March.", "March",
     ("2023-03", "2023-03-01", "2023-03-31"), ("2023-03-01", "2023-03-31", "open")),
    ("Putin, who had lost the battle, will order new troops into the war in January.", "January",
     ("2024-01", "2024-01-01", "2024-01-31"), ("2024-01-01", "2024-01-31", "open")),
    ("The analysts, who had predicted a war, say Putin will order new troops in January.", "January",
     ("2024-01", "2024-01-01", "2024-01-31"), ("2024-01-01", "2024-01-31", "open")),
    ("Kovalchuk had a warning: Putin will order new troops into the war in January.", "January",
     ("2024-01", "2024-01-01", "2024-01-31"), ("2024-01-01", "2024-01-31", "open")),  # "had" a main verb
]


@pytest.mark.parametrize("text,phrase,resolved,expected", REPORTED_WINDOWS)
def test_past_perfect_report_moves_a_yearless_month_back(nlp, text, phrase, resolved, expected):
    forecasts, _, _ = run(nlp, text, times=[timex(text, phrase, *resolved)])
    assert len(forecasts) == 1, [f.text for f in forecasts]
    assert (forecasts[0].earliest, forecasts[0].latest, forecasts[0].status) == expected


SHIFTS = [
    # (shift, text, phrase, (value, earliest, latest), DCT, expected (value, earliest, latest))
    (shift_back_year, "had warned of an attack in January", "January", ("2024-01", "2024-01-01", "2024-01-31"),
     DCT, ("2023-01", "2023-01-01", "2023-01-31")),
    (shift_back_year, "had said it would end in December", "December", ("2023-12", "2023-12-01", "2023-12-31"),
     "2023-02", ("2022-12", "2022-12-01", "2022-12-31")),
    (shift_back_year, "had forecast a thaw on February 29", "February 29",
     ("2028-02-29", "2028-02-29", "2028-02-29"), "2027-03-10", ("2027-02-28", "2027-02-28", "2027-02-28")),
    # no move: the month is nearer ahead, the year is written, already past, undated, bad date
    (shift_back_year, "had warned of an attack in March", "March", ("2023-03", "2023-03-01", "2023-03-31"),
     DCT, ("2023-03", "2023-03-01", "2023-03-31")),
    (shift_back_year, "had warned of it in January 2024", "January 2024", ("2024-01", "2024-01-01", "2024-01-31"),
     DCT, ("2024-01", "2024-01-01", "2024-01-31")),
    (shift_back_year, "had warned of it in Jan. '24", "Jan. '24", ("2024-01", "2024-01-01", "2024-01-31"),
     DCT, ("2024-01", "2024-01-01", "2024-01-31")),
    (shift_back_year, "had warned of it on February 1", "February 1", ("2023-02-01", "2023-02-01", "2023-02-01"),
     DCT, ("2023-02-01", "2023-02-01", "2023-02-01")),
    (shift_back_year, "had warned of an attack in January", "January", ("2024-01", "2024-01-01", "2024-01-31"),
     None, ("2024-01", "2024-01-01", "2024-01-31")),
    (shift_back_year, "had warned of an attack in January", "January", ("2024-01", "2024-01-01", "2024-01-31"),
     "2023-13-45", ("2024-01", "2024-01-01", "2024-01-31")),
    (shift_forward_year, "ordered the seizure by March", "March", ("2022-03", "2022-03-01", "2022-03-31"),
     DCT, ("2023-03", "2023-03-01", "2023-03-31")),
    (shift_forward_year, "ordered it done by January", "January", ("2023-01", "2023-01-01", "2023-01-31"),
     DCT, ("2024-01", "2024-01-01", "2024-01-31")),
    # no move: already ahead, the year is written, undated
    (shift_forward_year, "ordered the seizure by March", "March", ("2023-03", "2023-03-01", "2023-03-31"),
     DCT, ("2023-03", "2023-03-01", "2023-03-31")),
    (shift_forward_year, "ordered the seizure by March 2022", "March 2022", ("2022-03", "2022-03-01", "2022-03-31"),
     DCT, ("2022-03", "2022-03-01", "2022-03-31")),
    (shift_forward_year, "ordered the seizure by March", "March", ("2022-03", "2022-03-01", "2022-03-31"),
     None, ("2022-03", "2022-03-01", "2022-03-31")),
]


@pytest.mark.parametrize("shift,text,phrase,resolved,published,expected", SHIFTS)
def test_year_shift(shift, text, phrase, resolved, published, expected):
    moved = shift(timex(text, phrase, *resolved), published)
    assert (moved.value, moved.earliest, moved.latest) == expected


@pytest.mark.parametrize("published,last,expected", [
    ("2023-02-02", False, "2023-02-02"),
    ("2023-02", False, "2023-02-01"),
    ("2023-02", True, "2023-02-28"),
    ("2024-02", True, "2024-02-29"),
    ("2023", True, "2023-12-31"),
    ("2023-02-02T10:00:00Z", True, "2023-02-02"),
    (None, False, None),
    ("not a date", False, None),
    ("2023-13-45", False, None),  # not a calendar day: undated, never an error later
])
def test_article_day(published, last, expected):
    assert article_day(published, last) == expected


@pytest.mark.parametrize("entities,expected", [
    ([Entity("e1", "Oleksii Reznikov", aliases=["Reznikov"])],
     {"oleksii reznikov": "e1", "reznikov": "e1"}),
    ([Entity("e1", "GUR"), Entity("e2", "gur", aliases=["Main Directorate"])],
     {"gur": "e1", "main directorate": "e2"}),  # the first entity keeps a shared name
    ([], {}),
])
def test_entity_names(entities, expected):
    assert entity_names(entities) == expected


WINDOWS = [
    # (text, phrase, value, earliest, latest, type, mod, published, expected window)
    ("seize Donetsk by March", "March", "2023-03", "2023-03-01", "2023-03-31", "DATE", None, DCT,
     (DCT, "2023-03-31")),
    ("launch it within a month", "a month", "P1M", None, None, "DURATION", None, DCT, (DCT, "2023-03-02")),
    ("attack on February 24", "February 24", "2023-02-24", "2023-02-24", "2023-02-24", "DATE", None, DCT,
     ("2023-02-24", "2023-02-24")),
    ("rise after the summer", "the summer", "2023-SU", "2023-06-01", "2023-08-31", "DATE", None, DCT,
     ("2023-06-01", None)),
    ("take place this time", "this time", "PRESENT_REF", None, None, "DATE", None, DCT, (None, None)),
    ("launch it within a month", "a month", "P1M", None, None, "DURATION", None, None, (None, None)),
    ("fall in the next two weeks", "the next two weeks", "P2W", None, None, "DURATION", None, DCT,
     (DCT, "2023-02-16")),
    ("demanded it for the past two months", "the past two months", "P2M", None, None, "DURATION", None, DCT,
     (None, None)),
    ("end it within a quarter", "a quarter", "P1Q", None, None, "DURATION", None, DCT, (DCT, "2023-05-02")),
    ("end it within a year", "a year", "P1Y", None, None, "DURATION", None, "2024-02-29",
     ("2024-02-29", "2025-02-28")),
    ("end it within three days", "three days", "P3D", None, None, "DURATION", None, DCT, (DCT, "2023-02-05")),
    ("end it within a month and a half", "a month and a half", "P1.5M", None, None, "DURATION", None, DCT,
     (DCT, "2023-03-19")),
    ("end it within minutes", "minutes", "PTXM", None, None, "DURATION", None, DCT, (None, None)),
]


@pytest.mark.parametrize("text,phrase,value,earliest,latest,type_,mod,published,expected", WINDOWS)
def test_window(text, phrase, value, earliest, latest, type_, mod, published, expected):
    assert window(text, timex(text, phrase, value, earliest, latest, type_, mod), published) == expected


def test_no_time_is_open_ended():
    assert window("they will attack", None, DCT) == (None, None)


@pytest.mark.parametrize("latest,published,expected", [
    ("2023-01-31", DCT, "due"),
    ("2023-03-02", DCT, "open"),
    ("2023-02-02", DCT, "open"),
    (None, DCT, "open"),
    ("2023-01-31", None, "open"),
    ("2022-12-31", "2023-01", "due"),
])
def test_status(latest, published, expected):
    assert status(latest, published) == expected


def test_year_shifts_only_for_yearless_dates():
    text = "in January and in January 2024"
    jan = timex(text, "January", "2024-01", "2024-01-01", "2024-01-31")
    assert shift_back_year(jan, DCT).latest == "2023-01-31"
    with_year = timex(text, "January 2024", "2024-01", "2024-01-01", "2024-01-31")
    assert shift_back_year(with_year, DCT) == with_year
    march = timex("by March", "March", "2022-03", "2022-03-01", "2022-03-31")
    assert (shift_forward_year(march, DCT).value, shift_forward_year(march, DCT).latest) == ("2023-03", "2023-03-31")
    deadline = timex("by March", "March", "2022-03", None, "2022-03-31", mod="ON_OR_BEFORE")  # no start
    moved = shift_forward_year(deadline, DCT)
    assert (moved.earliest, moved.latest) == (None, "2023-03-31")
    assert window("by March", moved, DCT) == (DCT, "2023-03-31")


def test_bad_input_yields_nothing(nlp):
    assert run(nlp, "")[0] == []
    assert run(nlp, "???", published="not a date")[0] == []


# --- the seed article: what a reader finds ------------------------------------------------

REZNIKOV = ("Reznikov",)
CHERNYAK_OR_GUR = ("Chernyak", "GUR", "Defence Intelligence", "Main Directorate")
MILITARY_INTELLIGENCE = ("Defence Intelligence", "military intelligence", "GUR")


@pytest.fixture(scope="module")
def seed_forecasts(nlp, seed_path):
    from sayso.sources import read_articles

    article = next(iter(read_articles([seed_path])))
    extraction = extract(nlp(article.text), article)  # the pipeline's own chain, times stage included
    names = {e.key: " ".join([e.name, *e.aliases]) for e in extraction.entities}
    return [(f, names.get(f.predictor_key or "", "the publication")) for f in extraction.forecasts]


def find(seed_forecasts, words: tuple[str, ...], predictors: tuple[str, ...]):
    return [f for f, name in seed_forecasts
            if all(w in f.text for w in words) and any(p in name for p in predictors)]


def test_seed_offensive_around_february_24(seed_forecasts):
    found = find(seed_forecasts, ("February 24",), REZNIKOV)
    assert any(f.earliest and f.earliest <= "2023-02-24" <= f.latest for f in found)


def test_seed_offensive_from_east_or_south_without_deadline(seed_forecasts):
    found = find(seed_forecasts, ("offensive", "east or south"), REZNIKOV)
    found += find(seed_forecasts, ("Donbass",), REZNIKOV)
    assert found and all(f.latest is None and f.status == "open" for f in found)


def test_seed_donetsk_and_luhansk_by_end_of_march(seed_forecasts):
    found = find(seed_forecasts, ("Donetsk", "Luhansk", "seizure"), CHERNYAK_OR_GUR)
    assert any(f.latest == "2023-03-31" and f.status == "open" for f in found)


def test_seed_massive_offensive_within_a_month(seed_forecasts):
    found = find(seed_forecasts, ("massive offensive",), ("Chernyak",))
    assert any(f.latest == "2023-03-02" and f.hedging == "certain" for f in found)


def test_seed_spring_offensive_from_belarus(seed_forecasts):
    found = find(seed_forecasts, ("Belarus", "Spring offensive"), ("Chernyak",))
    assert any(f.earliest == "2023-02-02" and f.status == "open" for f in found)


def test_seed_mobilisation_in_moscow_and_st_petersburg(seed_forecasts):
    found = find(seed_forecasts, ("Moscow", "St. Petersburg"), MILITARY_INTELLIGENCE)
    assert found and all(f.latest is None for f in found)


def test_seed_offensive_operations_will_continue(seed_forecasts):
    found = find(seed_forecasts, ("continue offensive operations",), ("Chernyak",))
    assert found and all(f.latest is None for f in found)


def test_seed_january_mobilisation_already_due(seed_forecasts):
    found = find(seed_forecasts, ("millions of soldiers", "January"), ("Kovalchuk",))
    assert any(f.latest == "2023-01-31" and f.status == "due" for f in found)


def test_seed_scheduled_fact_and_past_statements_are_not_forecasts(seed_forecasts):
    texts = [f.text for f, _ in seed_forecasts]
    assert not any("Army Day" in t for t in texts)
    assert not any(t.startswith("Russia has mobilised") or "officially announced" in t for t in texts)
    assert not any("rocket on the city of Kramatorsk" in t for t in texts)


@pytest.mark.parametrize("text", [
    "The minister said prices will rise by March, and farmers expect to plant less wheat.",
    "Is the bank going to cut rates? Analysts who said it would were wrong. Police are to close the road.",
    "Wheat rose 3 pct on Tuesday.",
])
def test_sentence_cues_are_those_of_every_token(nlp, text):
    """The token table's prefilter (part of speech, auxiliary) finds the cues testing every Token did."""
    from sayso.extract.forecasts import filters, sentence_cues
    from sayso.extract.forecasts.cues import AUX_DEPS, CLAUSE_POS, Context, background, is_scheduled_fact, token_cue
    from sayso.extract.forecasts.nominal import nominal_cue

    doc, article = nlp(text), Article(text=text, published="2024-01-02")
    ctx = Context(doc, article, [], [], [], {})
    found = 0
    for sent in doc.sents:
        every = []
        for tok in sent:
            if tok.pos_ not in CLAUSE_POS or tok.dep_ in AUX_DEPS or background(tok):
                continue
            cue = token_cue(ctx, tok) or nominal_cue(ctx, tok)
            if cue is None or is_scheduled_fact(cue) or any(background(t) for t in (cue.event_root, *cue.tokens)):
                continue
            if filters.reason(cue) is None:
                every.append((cue.anchor.i, cue.rule))
        assert [(c.anchor.i, c.rule) for c in sentence_cues(ctx, sent)] == every
        found += len(every)
    assert (found > 0) == (not text.startswith("Wheat"))  # a sentence of facts has none
