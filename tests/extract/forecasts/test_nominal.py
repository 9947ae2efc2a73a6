"""Nominal, copular and headline predictions (issue 11), and one forecast per predicted event.

Sentences of our own; each table has cases that must give no forecast.
"""
from __future__ import annotations

import pytest

# (text, hedging, a piece of the predicted event), or (text, None, None) for no forecast
NOMINAL = [
    ("The most likely scenario is a recession next year.", "likely", "a recession next year"),
    ("The worst case is a default by the summer.", "possible", "a default by the summer"),
    ("Projections show the population reaching ten million by 2050.", "likely", "the population reaching"),
    ("Current forecasts suggest a mild winter.", "likely", "a mild winter"),
    ("The death toll looks more like 60,000.", "likely", "looks more like 60,000"),
    ("The company is on track to double its sales.", "likely", "double its sales"),
    ("The railway is on course to open in June.", "likely", "open in June"),
    ("The carmaker is poised to cut prices.", "certain", "cut prices"),
    ("Apple to give free cases to iPhone owners", "certain", "give free cases"),
    ("Airline to be compensated for engine delays", "certain", "compensated for engine delays"),
    ("The firm won a contract to supply the navy with ten ships.", "certain", "supply the navy"),
    ("The two airlines have agreed to merge their fleets.", "certain", "merge their fleets"),
    ("The studio announced another premiere to be held on March 12.", "certain", "premiere to be held"),
    ("The government is on the verge of collapsing.", "likely", "collapsing"),
    ("The new tablet may have a large impact on the market.", "possible", "have a large impact"),
    # ... not forecasts
    ("The most likely scenario was a recession.", None, None),  # told in the past
    ("The outcome is uncertain.", None, None),  # nothing predicted
    ("The poll showed the senator leading.", None, None),  # a poll's present standing
    ("It looks like a bomb.", None, None),  # no number estimated
    ("The soldiers are putting their lives on the line to protect us.", None, None),
    ("It was the first model to be built out of plastic.", None, None),
    ("Visitors may have photos of the crash.", None, None),  # a possible present state
]


@pytest.mark.parametrize("text,hedging,event", NOMINAL)
def test_nominal_copular_and_headline_predictions(forecasts_of, text, hedging, event):
    found = forecasts_of(text)
    if hedging is None:
        assert found == [], [f.text for f in found]
        return
    assert len(found) == 1, [f.text for f in found]
    assert found[0].hedging == hedging and event in found[0].text


@pytest.mark.parametrize("text,expected", [
    # two predicted events in one sentence are two forecasts, each with its own window
    ("It will receive six jets in 2024, and it will take delivery of six more in 2026.",
     [("It will receive six jets in 2024", "2024-12-31"), ("it will take delivery of six more in 2026", "2026-12-31")]),
    ("The rain will hit Florida and could bring relief to farmers.",
     [("The rain will hit Florida", None), ("could bring relief to farmers", None)]),
    # ... one predicted event stays one forecast
    ("Troops will launch an offensive and seize the east within a month.",
     [("Troops will launch an offensive and seize the east within a month", "2023-03-04")]),
    ("The company is expected to say that it will cut jobs.",
     [("The company is expected to say that it will cut jobs", None)]),
])
def test_one_forecast_per_predicted_event(forecasts_of, text, expected):
    assert [(f.text, f.latest) for f in forecasts_of(text)] == expected
