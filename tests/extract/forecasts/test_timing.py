"""Deadlines from the right words (issue 11): only a time attached to the predicted event sets a window;
named events, comparisons, reference points and past events never do; a weekday follows the event's
tense; a forecast that looks forward never gets a window that closed before its article's date.

Sentences of our own, read as published on Saturday 2023-02-04 unless said otherwise.
"""
from __future__ import annotations

import pytest

from sayso.extract.forecasts.timing import keep_ahead
from sayso.records import TimeExpr

SATURDAY = "2023-02-04"

# (text, (earliest, latest)) of the one forecast
NAMED_EVENT = [
    ("The stadium will be finished before the Winter Olympics.", (None, None)),
    ("The airline will add flights for the 2024 Paris Olympic Games.", (None, None)),
    ("Tickets for the Spring Festival will sell out.", (None, None)),
    # ... a real date still sets one
    ("The stadium will be finished before March.", (SATURDAY, "2023-02-28")),
]

COMPARISON = [
    ("Prices will be higher than in 2021.", (None, None)),
    ("Exports will fall compared with 2019.", (None, None)),
    ("The target will be reached a decade earlier than 2040.", (None, None)),
    ("Output will probably be off slightly from last year's level.", (None, None)),
    # ... a year of its own still dates the event
    ("Prices will be higher in 2024.", ("2024-01-01", "2024-12-31")),
]

RECORD_SPAN = [
    # "in 20 years" after a first / a superlative is how long since the last one, not when
    ("The deal will bring the first rate cut in more than 20 years.", (None, None)),
    ("Output will fall to its lowest level in five years.", (None, None)),
    ("Output will fall within five years.", (SATURDAY, "2028-02-04")),
]

VAGUE = [
    ("We will keep up this pace in the future.", (None, None)),  # no horizon to hold anyone to
    ("Prices will rise in the coming weeks.", (SATURDAY, "2023-04-01")),  # a horizon of its own
]

PAST_EVENT = [
    ("The bridge, which opened in 2019, will close for repairs.", (None, None)),
    ("The team will try to beat the record set in 1998.", (None, None)),
    ("The company, founded last year, will hire 200 people.", (None, None)),
    ("The minister will resign after the vote on Tuesday.", (None, None)),  # dates the vote
    ("The minister will resign on Tuesday.", ("2023-02-07", "2023-02-07")),
]

FUTURE_WEEKDAY = [
    # a Saturday paper: Monday is the coming one under any forward-looking cue
    ("EU ministers will look at sanctions on Monday.", ("2023-02-06", "2023-02-06")),
    ("EU ministers are due to look at sanctions on Monday.", ("2023-02-06", "2023-02-06")),
    ("Flooding is possible on Friday.", ("2023-02-10", "2023-02-10")),
    ("The minister said talks would resume on Friday.", ("2023-02-10", "2023-02-10")),
    ("Ministers will look at sanctions when they meet on Monday.", ("2023-02-06", "2023-02-06")),
    ("The ferry will sail this Friday.", ("2023-02-10", "2023-02-10")),
]


def window_of(forecasts_of, text, published=SATURDAY):
    found = forecasts_of(text, published)
    assert len(found) == 1, [f.text for f in found]
    return found[0].earliest, found[0].latest


@pytest.mark.parametrize("text,expected", NAMED_EVENT)
def test_named_events_set_no_window(forecasts_of, text, expected):
    assert window_of(forecasts_of, text) == expected


@pytest.mark.parametrize("text,expected", COMPARISON)
def test_comparisons_and_reference_points_set_no_window(forecasts_of, text, expected):
    assert window_of(forecasts_of, text) == expected


@pytest.mark.parametrize("text,expected", VAGUE)
def test_the_future_without_a_unit_sets_no_window(forecasts_of, text, expected):
    assert window_of(forecasts_of, text) == expected


@pytest.mark.parametrize("text,expected", RECORD_SPAN)
def test_a_records_span_sets_no_window(forecasts_of, text, expected):
    assert window_of(forecasts_of, text) == expected


@pytest.mark.parametrize("text,polarity,expected", [
    # "not until April": nothing before April; the negative forecast's window ends the day before
    ("The harvest will not begin until April.", "negative", (SATURDAY, "2023-03-31")),
    ("The shops will not reopen until Monday.", "negative", (SATURDAY, "2023-02-05")),
    ("The shops will stay shut until Monday.", "positive", (SATURDAY, "2023-02-06")),
])
def test_not_until(forecasts_of, text, polarity, expected):
    found, = forecasts_of(text)
    assert (found.polarity, (found.earliest, found.latest)) == (polarity, expected)


@pytest.mark.parametrize("text,expected", PAST_EVENT)
def test_dates_of_other_events_set_no_window(forecasts_of, text, expected):
    assert window_of(forecasts_of, text) == expected


@pytest.mark.parametrize("text,expected", FUTURE_WEEKDAY)
def test_a_weekday_follows_the_future(forecasts_of, text, expected):
    assert window_of(forecasts_of, text) == expected


@pytest.mark.parametrize("text", [
    "The strike will end by January.",  # January 2023 has passed: the next one
    "Officials expect the dam to be repaired in the autumn of 2021.",  # a past year written: no window
    "The company will report results on Thursday.",
])
def test_a_forward_forecast_never_closes_before_its_article(forecasts_of, text):
    for forecast in forecasts_of(text):
        assert forecast.latest is None or forecast.latest >= SATURDAY
        assert forecast.status == "open"


def test_only_a_past_perfect_report_may_be_due_on_publication(forecasts_of):
    found, = forecasts_of("Analysts had predicted that the merger would close in January.")
    assert (found.latest, found.status) == ("2023-01-31", "due")


@pytest.mark.parametrize("text,value,earliest,latest,expected", [
    ("on Friday", "2023-02-03", "2023-02-03", "2023-02-03", ("2023-02-10", "2023-02-10")),
    ("in January", "2023-01", "2023-01-01", "2023-01-31", ("2024-01-01", "2024-01-31")),
    ("in 2021", "2021", "2021-01-01", "2021-12-31", None),  # a year written: it dates something else
    ("last week", "2023-W04", "2023-01-23", "2023-01-29", None),
    ("next week", "2023-W06", "2023-02-06", "2023-02-12", ("2023-02-06", "2023-02-12")),  # ahead already
])
def test_keep_ahead(text, value, earliest, latest, expected):
    moved = keep_ahead(TimeExpr(0, len(text), text, "DATE", value, earliest, latest), SATURDAY)
    assert (None if moved is None else (moved.earliest, moved.latest)) == expected
