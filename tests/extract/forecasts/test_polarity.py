"""Polarity: what the source says will NOT happen, and the event it is about (issue 11).

Each sentence is ours. ``event`` is the predicted event in positive form: read with the polarity
("not: ..."), it says what the source said.
"""
from __future__ import annotations

import pytest

# (text, polarity, hedging, the predicted event in positive form)
NEGATION = [
    ("Russia will not attack Kyiv this winter.", "negative", "certain", "Russia will attack Kyiv this winter"),
    ("The ferry won't sail on Sunday.", "negative", "certain", "The ferry will sail on Sunday"),
    ("The mayor will never approve the tower.", "negative", "certain", "The mayor will approve the tower"),
    ("The bank will no longer lend to farmers.", "negative", "certain", "The bank will lend to farmers"),
    ("Nobody will win the lottery this week.", "negative", "certain", "somebody will win the lottery this week"),
    ("No decision will be taken before March.", "negative", "certain", "decision will be taken before March"),
    ("The council is not expected to raise rents.", "negative", "likely", "The council is expected to raise rents"),
    ("The union does not plan to strike.", "negative", "certain", "The union does plan to strike"),
    ("The storm is unlikely to reach the coast.", "negative", "likely", "to reach the coast"),
    ("There are no plans to close the school.", "negative", "certain", "to close the school"),
    ("I don't think the talks will succeed.", "negative", "likely", "the talks will succeed"),
    ("We do not expect prices to fall.", "negative", "likely", "prices to fall"),
    ("He hoped the minister would not resign.", "negative", "possible", "the minister would resign"),  # a hope lowers
    ("There will be no more checkpoints in the city.", "negative", "certain", "There will be checkpoints in the city"),
    ("No more troops will be sent.", "negative", "certain", "troops will be sent"),
    # must stay positive: the negation belongs to something else
    ("The bank will lend to farmers who have no savings.", "positive", "certain",
     "The bank will lend to farmers who have no savings"),
    ("The plan will not only cut costs but also raise wages.", "positive", "certain", None),
    ("Prices will rise unless nothing changes.", "positive", "certain", "Prices will rise"),
]

DENIAL = [
    ("Moscow denies it is planning to attack its neighbour.", "negative", "it is planning to attack its neighbour"),
    ("The company rejected reports that it would cut 500 jobs.", "negative", "it would cut 500 jobs"),
    ("The minister dismissed claims that taxes will rise.", "negative", "taxes will rise"),
    ("The firm did not deny that it will sell the plant.", "positive", "it will sell the plant"),  # two negations
    ("The firm confirmed that it will sell the plant.", "positive", "it will sell the plant"),
    ("The official expressed deep misgivings that the plan would work.", "negative", "the plan would work"),
    ("It is hard to see that the bill will pass before June.", "negative", "the bill will pass before June"),
]

NO_GUARANTEE = [
    # a denied necessity leaves the event open: positive, possible
    ("There is no guarantee that these forecasts will prove accurate.", "positive", "possible",
     "these forecasts will prove accurate"),
    ("It is not certain that the bridge will open in May.", "positive", "possible", "the bridge will open in May"),
    ("We do not believe conflict is inevitable.", "positive", "possible", "conflict"),
    ("A recession is not inevitable.", "positive", "possible", "A recession"),
    ("The team is not certain to qualify.", "positive", "possible", "to qualify"),
    # ... a necessity affirmed stays certain, a denied imminence is a negative forecast
    ("A recession is inevitable.", "positive", "certain", "A recession"),
    ("An attack is not imminent.", "negative", "certain", "An attack"),
]


@pytest.mark.parametrize("text,polarity,hedging,event", NEGATION)
def test_negation(forecasts_of, text, polarity, hedging, event):
    found = forecasts_of(text)
    assert len(found) == 1, [f.text for f in found]
    assert (found[0].polarity, found[0].hedging) == (polarity, hedging)
    if event is not None:
        assert found[0].event == event


@pytest.mark.parametrize("text,polarity,event", DENIAL)
def test_denial(forecasts_of, text, polarity, event):
    found = forecasts_of(text)
    assert [(f.polarity, f.event) for f in found] == [(polarity, event)]


@pytest.mark.parametrize("text,polarity,hedging,event", NO_GUARANTEE)
def test_no_guarantee(forecasts_of, text, polarity, hedging, event):
    found = forecasts_of(text)
    assert [(f.polarity, f.hedging, f.event) for f in found] == [(polarity, hedging, event)]


@pytest.mark.parametrize("text", [
    "He did not say whether he would resign.",  # a denied speech act asserts nothing
    "The spokesman would not comment on when the plant will close.",
    "Do not give them the impression that the world will not resist.",  # under a command: not asserted
    "The officials could neither confirm nor deny reports.",  # a past inability
])
def test_what_nobody_asserted_is_no_forecast(forecasts_of, text):
    assert forecasts_of(text) == []


def test_the_event_text_is_the_source_span_and_the_event_its_positive_form(forecasts_of):
    text = "Officials said the border won't reopen before April."
    found, = forecasts_of(text)
    assert text[found.start:found.end] == found.text == "the border won't reopen before April"
    assert (found.polarity, found.event) == ("negative", "the border will reopen before April")
