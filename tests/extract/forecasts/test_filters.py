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
    ("We discussed what needs doing now and what we will do after the war.", 0),  # the topics, asked
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

SPEECH_ACT_IMPERATIVE_PRESENT = [
    ("I will note that the plant must open this year.", 0),  # the speaker's own act of speaking
    ("I will not list the figures now.", 0),
    ("We will allow ourselves to outline the results.", 0),
    ("Go out to the squares and demand peace.", 0),  # a command
    ("So be sure to come back next year.", 0),
    ("Analysts say the firm may be trying to sell the unit.", 0),  # a guess about now
    ("Officials are discussing the possibility of closing the border.", 0),  # a chance weighed
    ("As disappointed as I may be, I am still in charge.", 0),  # a concession about now
    ("Before the drug may be sold, it must be tested.", 0),  # "may" of permission
    ("Russia is addressing it, proposing new initiatives.", 0),  # a proposal described, now
    ("Their efforts to ensure food safety are welcome.", 0),  # an effort going on
    ("One of the key areas of our work is to make housing affordable.", 0),  # a goal named
    ("I want to ask the speakers to focus on housing.", 0),  # a wish to ask
    ("Officials recounted votes in an effort to resolve the dispute.", 1),  # the aim of the act
    ("Today we will talk about it in more detail.", 0),  # the talk itself
    ("I am not going to give any examples.", 0),
    ("It will soon be 20 years since the agency was founded.", 0),  # the calendar
    ("We have already started preparing a recovery plan.", 0),  # going on now
    ("Common sense tells us that the response must be quick.", 0),  # a norm stated
    ("The president will talk with the rebels next week.", 1),  # a talk ahead, with someone
    ("We will now go into more detail.", 0),
    ("The key task is to prepare the market for the change.", 0),  # a goal named
    ("We warned about this at the start of the project.", 0),  # a past warning of what is here
    ("The steps that the city intends to take were discussed.", 0),  # a plan in a relative clause
    ("Support - to have resources against the floods - is vital.", 0),  # no headline: a full stop
    ("The fund buys medicine for the first quarter of next year.", 0),  # what it covers, bought now
    # ... forecasts
    ("The minister will tell parliament about the plan on Monday.", 1),  # someone else's speech ahead
    ("The firm may try to sell the unit.", 1),
    ("The team is in danger of losing the title on Sunday.", 1),
]

HYPOTHETICAL = [
    ("It would be a very good idea.", 0),
    ("Such a tax would be hard to defend.", 0),
    ("If the sanctions really worked, they would not need explaining.", 0),  # an unreal condition
    ("The minister said that if the talks failed, the strike would spread.", 1),  # a report's backshift
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


@pytest.mark.parametrize("text,count", SPEECH_ACT_IMPERATIVE_PRESENT)
def test_speech_acts_commands_and_guesses_about_now_are_not_forecasts(forecasts_of, text, count):
    assert len(forecasts_of(text)) == count, [f.text for f in forecasts_of(text)]


@pytest.mark.parametrize("text,count", HYPOTHETICAL)
def test_unreported_hypotheticals_are_not_forecasts(forecasts_of, text, count):
    assert len(forecasts_of(text)) == count, [f.text for f in forecasts_of(text)]
