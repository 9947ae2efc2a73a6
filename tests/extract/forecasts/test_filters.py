"""Questions, wishes, past plans and hypotheticals look forward in form but predict nothing (issue 11).

Sentences of our own; each table has cases that must give no forecast and cases that must give one.
"""
from __future__ import annotations

import pytest

QUESTION = [
    ("Will Russia attack again?", 0),
    ("Nobody knows when the bridge will reopen.", 0),
    ("It is unclear how quickly businesses will adopt the system.", 0),
    ("Reporters asked whether the minister would resign.", 0),
    ("Officials did not know what form the attack would take.", 0),
    ('"Will the dam hold?" the villagers asked.', 0),
    # ... not questions
    ("The minister said she would resign if the vote failed.", 1),  # a condition, not a question
    ("When the ground freezes, the army will attack.", 1),  # a time clause
    ("He will travel to Geneva, where he plans to meet the envoy.", 1),  # a relative "where"
    ("Officials know that the bridge will reopen in May.", 1),
]

WISH_PAST_PLAN = [
    ("The coach hopes to win the cup.", 0),  # a wish
    ("She would like to retire to the coast.", 0),
    ("They want to build a new stadium.", 0),
    ("The rebels planned to seize the airport.", 0),  # a past plan, told as such
    ("The bridge was scheduled to open last year.", 0),
    ("The army had intended to attack in January.", 0),
    # ... forecasts
    ("The company said it planned to cut 500 jobs.", 1),  # reported: the report's tense
    ("Fans will want to see the new stadium.", 1),  # a wish predicted
    ("The rebels plan to seize the airport.", 1),
]

HYPOTHETICAL = [
    ("It would be a very good idea.", 0),
    ("Such a tax would be hard to defend.", 0),
    # ... forecasts: reported, conditioned, or what a proposal would do
    ("The minister said the tax would raise 2 billion euros.", 1),
    ("If the talks fail, the strike would spread.", 1),
    ("The new law would allow shops to open on Sundays.", 1),
    ("The union fears that the plant would close.", 1),
]


@pytest.mark.parametrize("text,count", QUESTION)
def test_questions_are_not_forecasts(forecasts_of, text, count):
    assert len(forecasts_of(text)) == count, [f.text for f in forecasts_of(text)]


@pytest.mark.parametrize("text,count", WISH_PAST_PLAN)
def test_wishes_and_past_plans_are_not_forecasts(forecasts_of, text, count):
    assert len(forecasts_of(text)) == count, [f.text for f in forecasts_of(text)]


@pytest.mark.parametrize("text,count", HYPOTHETICAL)
def test_unreported_hypotheticals_are_not_forecasts(forecasts_of, text, count):
    assert len(forecasts_of(text)) == count, [f.text for f in forecasts_of(text)]
