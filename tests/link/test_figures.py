"""Cross-article figure groups: same measured thing, compatible time, and the dispute flag."""
from __future__ import annotations

import math

import pytest

from sayso.link.figures import (
    FIGURE_TOLERANCE, FigureRow, disputed, group_figures, interval, measure_key, rows_from_extraction,
)

from tests import EXAMPLES


def row(value, counted="mobilised soldier", subject="Russia", published="2023-02-02", article="a1", **kw):
    return FigureRow(f"{article}:{value}", article, value, counted=counted, subject=subject,
                     published=published, **kw)


@pytest.mark.parametrize("a,b,same", [
    (("mobilised soldier", None), ("troop", "mobilisation"), True),
    (("soldier", "mobilisation"), ("new conscript", "mobilisation"), True),
    (("mobilised soldiers", None), ("soldiers mobilized", None), True),
    (("killed civilian", "killing"), ("civilian", "death"), True),
    (("mobilised soldier", None), ("killed soldier", None), False),
    (("shelter", None), ("school", None), False),
    # the people an event counts merge: members, dockworkers, workers, strikers on strike are people on strike
    (("member", "strike"), ("dockworker", "strike"), True),
    (("union member", "strike"), ("worker", "strike"), True),
    (("striker", None), ("worker", "strike"), True),
    (("striker", None), (None, "strike", "people"), True),  # "40,000 on strike"
    (("protester", None), ("people", "protest"), True),
    ((None, "evacuation", "people"), ("evacuated people", "evacuation"), True),  # "9,000 were evacuated"
    ((None, "killing", "people"), ("people", "death"), True),  # "killing 15"
    # ... but not other people, other acts, people counted without an act, or acts counted
    ((None, "killing", "people"), ("killed civilian", "killing"), False),
    (("worker", None), ("worker", "strike"), False),
    (("member", "strike"), ("member", "protest"), False),
    (("member", "strike"), ("member", "joining"), False),
    (("strike", None), (None, "strike", "people"), False),  # "15 strikes" are acts, not people
    (("ship", "waiting"), ("worker", "strike"), False),
    ((None, "injury", "people"), (None, "killing", "people"), False),
])
def test_measure_key_synonyms(a, b, same):
    assert (measure_key(*a) == measure_key(*b)) is same


@pytest.mark.parametrize("rows,expected", [
    ([row(500_000), row(300_000, article="a2")], True),
    ([row(500_000), row(500_000 * (1 + FIGURE_TOLERANCE / 2), article="a2")], False),
    ([row(500_000), row(300_000, qualifier="more than", article="a2")], False),
    ([row(500_000), row(300_000, qualifier="up to", article="a2")], True),
    ([row(500_000), row(460_000, qualifier="about", article="a2")], False),
    ([row(500_000), row(420_000, qualifier="about", article="a2")], True),
    ([row(500_000), row(540_000, article="a2")], False),
    ([row(500_000), row(560_000, article="a2")], True),
    ([row(500_000), row(480_000, qualifier="nearly", article="a2")], False),
    ([row(500_000), row(450_000, qualifier="nearly", article="a2")], True),
    ([row(None, low=2e6, high=1e9), row(500_000, article="a2")], True),
    ([row(None, low=400_000, high=600_000), row(500_000, article="a2")], False),
    ([row(500_000)], False),
    # negative figures keep their sign: a fall of 5 % is no rise of 5 %
    ([row(-5, unit="percent"), row(5, unit="percent", article="a2")], True),
    ([row(-10, unit="percent"), row(-10.3, unit="percent", article="a2")], False),
    ([row(-10, unit="percent"), row(-12, unit="percent", article="a2")], True),
    ([row(5, unit="percent"), row(5.2, unit="percent", article="a2")], False),
    ([row(None, low=-10, high=-5), row(-10.4, article="a2")], False),  # the range widens on both ends
    ([row(None, low=-10, high=-5), row(-4.8, article="a2")], False),
    ([row(None, low=-10, high=-5), row(-3, article="a2")], True),
    ([row(-9), row(-10, qualifier="nearly", article="a2")], False),  # "nearly -10": toward zero
    ([row(-12), row(-10, qualifier="nearly", article="a2")], True),
])
def test_dispute_flag(rows, expected):
    assert disputed(rows) is expected


@pytest.mark.parametrize("kw,expected", [
    ({"value": None, "low": -10, "high": -5}, (-10.5, -4.75)),  # widened, not narrowed to -9.5..-5.25
    ({"value": None, "low": 10, "high": 20}, (9.5, 21.0)),  # unchanged for positive ranges
    ({"value": -10}, (-10.5, -9.5)),
    ({"value": 10}, (9.5, 10.5)),
    ({"value": -10, "qualifier": "nearly"}, (-10.5, -8.0)),
    ({"value": 10, "qualifier": "nearly"}, (8.0, 10.5)),
])
def test_interval_keeps_sign_and_widens(kw, expected):
    lo, hi = interval(row(**kw))
    assert (lo, hi) == (pytest.approx(expected[0]), pytest.approx(expected[1]))


def test_interval_of_qualified_values():
    assert interval(row(100, qualifier="at least")) == (100, math.inf)
    assert interval(row(100, qualifier="up to"))[0] == 0
    assert interval(row(None)) is None


def test_grouping_by_measure_subject_unit_and_time():
    rows = [
        row(500_000, article="a1", speaker="Reznikov"),
        row(300_000, counted="troop", event="mobilisation", article="a2", speaker="Reznikov", owner="Russia"),
        row(300_000, subject="Ukraine", article="a3"),  # another country
        row(450_000, published="2023-09-01", article="a4"),  # seven months later
        row(12, counted=None, article="a5"),  # nothing counted: not grouped
        row(400_000, subject=None, article="a7"),  # no subject: not grouped
        row(5e6, counted="mobilised soldier", unit="USD", article="a6"),  # money, not people
    ]
    groups = group_figures(rows)
    first = groups[0]
    assert first.disputed and first.subject == "Russia"
    assert sorted(r.article_id for r in first.rows) == ["a1", "a2"]
    assert sorted(len(g.rows) for g in groups) == [1, 1, 1, 2]
    grouped = {r.article_id for g in groups for r in g.rows}
    assert "a5" not in grouped and "a7" not in grouped


@pytest.mark.parametrize("dates,sizes", [
    (["2023-02-02", "2023-02-20", "2023-03-01"], [3]),  # all within the window of the first date
    (["2023-02-02", "2023-03-01", "2023-03-20"], [2, 1]),  # the window counts from the run's first date
    (["2023-03-20", "2023-02-02", "2023-03-01"], [2, 1]),  # order of the input does not matter
    (["2023-02", "2023-02-15", None], [3]),  # a month alone is its first day; undated rows join the first run
    (["2023-02-02", "not a date"], [2]),
    ([None, None], [2]),
])
def test_time_windows(dates, sizes):
    from sayso.link.figures import _time_windows

    rows = [row(500_000, published=d, article=f"a{i}") for i, d in enumerate(dates)]
    assert [len(run) for run in _time_windows(rows)] == sizes


def test_undated_rows_join_their_key():
    groups = group_figures([row(500_000), row(300_000, published=None, article="a2")])
    assert len(groups) == 1 and groups[0].disputed


@pytest.fixture(scope="module")
def example_groups(nlp):
    from sayso.extract.figures import extract_figures
    from sayso.pipeline import extract_files

    paths = [EXAMPLES / "004_river_floods_governor.txt", EXAMPLES / "005_river_floods_red_cross.txt"]
    rows = []
    for ex in extract_files(paths):
        ex.figures = list(extract_figures(nlp(ex.article.text), ex.article, ex.claims))
        rows += rows_from_extraction(ex)
    return rows, group_figures(rows)


def test_examples_report_different_evacuation_figures_grouped_and_flagged(example_groups):
    _, groups = example_groups
    disputed_groups = [g for g in groups if g.disputed]
    assert len(disputed_groups) == 1
    group = disputed_groups[0]
    assert "evacuation" in group.measure and group.subject == "Sella valley"
    assert sorted(r.value for r in group.rows) == [3200, 9000]
    assert len({r.article_id for r in group.rows}) == 2
    assert {r.speaker for r in group.rows} >= {"Red Cross"}


def test_examples_unrelated_figures_are_not_grouped(example_groups):
    rows, groups = example_groups
    assert {r.text for r in rows} >= {"140 mm", "18", "27", "€5 million"}
    multi = [g for g in groups if len(g.rows) > 1]
    assert len(multi) == 1
    assert all(r.value in (3200, 9000) for r in multi[0].rows)


def test_seed_mobilisation_disputed_with_both_sources(nlp, seed_path):
    from sayso.extract.figures import extract_figures
    from sayso.pipeline import extract_files

    [ex] = list(extract_files([seed_path]))
    ex.figures = list(extract_figures(nlp(ex.article.text), ex.article, ex.claims))
    groups = [g for g in group_figures(rows_from_extraction(ex)) if g.disputed and g.subject == "Russia"]
    assert len(groups) == 1
    rows = groups[0].rows
    assert {300_000, 500_000} <= {r.value for r in rows}
    assert any(r.value == 300_000 and r.owner == "Russia" and "Reznikov" in (r.speaker or "") for r in rows)
    assert sum(r.value == 500_000 and "Reznikov" in (r.speaker or "") for r in rows) == 2


def test_group_dict_lists_each_value_with_its_source():
    from sayso.link.figures import group_dict

    [group] = group_figures([row(500_000, speaker="Reznikov"), row(300_000, article="a2", owner="Russia")])
    data = group_dict(group)
    assert data["disputed"] is True and data["subject"] == "Russia"
    assert {(f["value"], f["speaker"], f["owner"], f["article_id"]) for f in data["figures"]} == {
        (500_000, "Reznikov", None, "a1"), (300_000, None, "Russia", "a2")}


@pytest.fixture(scope="module")
def strike_groups(nlp):
    from sayso.extract.figures import extract_figures
    from sayso.pipeline import extract_files

    paths = [EXAMPLES / "001_port_strike_union.txt", EXAMPLES / "002_port_strike_ministry.txt"]
    rows = []
    for ex in extract_files(paths):
        ex.figures = list(extract_figures(nlp(ex.article.text), ex.article, ex.claims))
        rows += rows_from_extraction(ex)
    return rows, group_figures(rows)


def test_examples_union_and_ministry_strike_counts_grouped_and_flagged(strike_groups):
    _, groups = strike_groups
    [group] = [g for g in groups if g.disputed]
    assert group.measure == ("strike", "person") and group.subject == "the country's ports"
    assert sorted(r.value for r in group.rows) == [12_000, 40_000]
    assert len({r.article_id for r in group.rows}) == 2
    speakers = " ".join(r.speaker or "" for r in group.rows)
    assert "Union" in speakers and "Ministry" in speakers


def test_examples_strike_unrelated_figures_stay_apart(strike_groups):
    rows, groups = strike_groups
    assert {r.text for r in rows} >= {"12%", "61", "58", "$150 million", "4.5%"}
    multi = [g for g in groups if len(g.rows) > 1]
    assert len(multi) == 1
    assert all(r.value in (12_000, 40_000) for r in multi[0].rows)
