"""Chart geometry (sayso.views.web.charts): bars inside the frame, values on one axis, outcomes stacked."""
from __future__ import annotations

import pytest

from sayso.views.web.charts import bars, outcome_bars, timeline, value_strip


def test_timeline_fills_empty_months():
    got = timeline([{"month": "2023-11", "claims": 2}, {"month": "2024-02", "claims": 5}])
    assert got == [("2023-11", 2), ("2023-12", 0), ("2024-01", 0), ("2024-02", 5)]


def test_a_long_timeline_counts_by_year():
    got = timeline([{"month": "2019-05", "claims": 1}, {"month": "2024-02", "claims": 3},
                    {"month": "2024-03", "claims": 1}])
    assert got[0] == ("2019", 1) and got[-1] == ("2024", 4) and len(got) == 6


@pytest.mark.parametrize("rows", [[], [{"month": None, "claims": 3}], [{"month": "2024", "claims": 1}]])
def test_no_dated_month_gives_no_timeline(rows):
    assert timeline(rows) == []


@pytest.mark.parametrize("points", [[("a", 3)], [("a", 0), ("b", 0)], [(str(i), i) for i in range(60)]])
def test_bars_stay_inside_the_frame(points):
    chart = bars(points)
    for bar in chart["bars"]:
        assert chart["pad"] <= bar["x"] and bar["x"] + bar["w"] <= chart["width"] - chart["pad"] + 0.1
        assert bar["y"] + bar["h"] == pytest.approx(chart["base"], abs=0.2) and bar["h"] >= 0
    if any(v for _, v in points):
        tallest = max(chart["bars"], key=lambda b: b["h"])
        assert tallest["y"] == pytest.approx(chart["pad"])


def test_value_strip_puts_values_in_order_and_ranges_as_lines():
    members = [{"value": 40000.0, "text": "40,000"}, {"value": 12000.0, "text": "12,000"},
               {"value": None, "low": 10000.0, "high": 15000.0, "text": "10,000-15,000"}]
    chart = value_strip(members)
    xs = [r["x"] for r in chart["rows"]]
    assert xs[1] < xs[0] and xs[0] == chart["right"]
    assert chart["rows"][2]["x0"] < chart["rows"][2]["x1"]
    assert chart["ticks"][0]["text"] == "0" and chart["ticks"][-1]["text"] == "40k"


def test_value_strip_with_negative_values():
    chart = value_strip([{"value": -5.0, "text": "-5%"}, {"value": 5.0, "text": "+5%"}])
    assert chart["rows"][0]["x"] == chart["left"] and chart["rows"][1]["x"] == chart["right"]


def test_outcome_bars_split_each_level_by_outcome():
    levels = [{"hedging": "certain", "stated": 0.9, "forecasts": 4, "outcomes": {"true": 2, "false": 1}},
              {"hedging": "likely", "stated": 0.7, "forecasts": 0, "outcomes": {}}]
    chart = outcome_bars(levels)
    parts = chart["rows"][0]["parts"]
    assert [(p["outcome"], p["n"]) for p in parts] == [("true", 2), ("false", 1), ("unresolved", 1)]
    assert parts[-1]["x"] + parts[-1]["w"] == pytest.approx(chart["width"] - 10)
    assert chart["rows"][1]["parts"] == []
