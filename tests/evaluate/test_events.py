"""Events evaluation: the split, the label scorer, the baselines, the readers' errors, the command;
scores on the shared data against the targets (slow)."""
from __future__ import annotations

import json

import pytest

from tests import gold_data

from sayso.evaluate import events as ev
from sayso.evaluate.events_baseline import CASE_KEYWORDS, keyword_label, score_labels
from sayso.evaluate.events_data import DataError, read_acled, read_case, split_of

CASE_HELDOUT_TARGET = 0.70  # issue 16: weighted F1 on case2021-task2 (measured 0.703, see docs/events.md)
ACLED_TYPE_FLOOR = 0.80
ACLED_PLACE_TEXT_FLOOR = 0.50
ACLED_DATE_FLOOR = 0.90


def test_split_is_deterministic_and_about_half():
    ids = [str(i) for i in range(2000)]
    first = [split_of("case2021", i) for i in ids]
    assert first == [split_of("case2021", i) for i in ids]
    assert 900 < first.count("dev") < 1100
    assert split_of("case2021", "1") != split_of("plover", "1") or split_of("case2021", "2") != split_of("plover", "2")


def test_weighted_f1_is_support_weighted():
    gold = ["A", "A", "A", "B"]
    pred = ["A", "A", "B", "B"]
    scores = score_labels(gold, pred)
    f1_a = 2 * 1.0 * (2 / 3) / (1.0 + 2 / 3)
    f1_b = 2 * 0.5 * 1.0 / 1.5
    assert scores["weighted_f1"] == pytest.approx((3 * f1_a + f1_b) / 4, abs=1e-4)
    assert scores["macro_f1"] == pytest.approx((f1_a + f1_b) / 2, abs=1e-4)
    assert scores["accuracy"] == 0.75


def test_keyword_baseline_counts_whole_words():
    assert keyword_label("Warplanes struck; an airstrike followed.", CASE_KEYWORDS, "X") == "AIR_STRIKE"
    assert keyword_label("Nothing happened here.", CASE_KEYWORDS, "X") == "X"
    assert keyword_label("The arrestee was freed.", CASE_KEYWORDS, "X") == "X"  # not "arrest" inside a word


def test_readers_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tEventSnippet\tSubType\n1\tonly two fields\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"bad\.tsv:2"):
        read_case(bad, "all")
    with pytest.raises(DataError, match="not found"):
        read_case(tmp_path / "missing.tsv")
    csv = tmp_path / "part.csv"
    csv.write_text("event_type,notes\nBattles,\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"part\.csv:2"):
        read_acled(csv)


def test_command_reports_a_bad_path_in_one_line(tmp_path, capsys):
    assert ev.main(["case2021", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:")


def test_command_scores_a_small_file(tmp_path, capsys):
    data = tmp_path / "case.tsv"
    rows = ["id\tEventSnippet\tSubType", "1\tRebels shelled the town of Bor, killing two civilians.\tART_MISS_ATTACK",
            "2\tThousands of people marched through Nairobi to protest against the tax.\tPEACE_PROTEST",
            "3\tThe weather was mild.\tOTHER"]
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert ev.main(["case2021", str(data), "--split", "all", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["n"] == 3
    assert result["system"]["accuracy"] == 1.0
    assert set(result["baseline"]) >= {"accuracy", "weighted_f1", "macro_f1"}


def _evaldata(shared_dir, name):
    return gold_data(shared_dir / "evaldata" / name)


@pytest.mark.slow
def test_case2021_heldout(shared_dir):
    result = ev.evaluate_case(_evaldata(shared_dir, "case2021-task2"), "heldout")
    system, baseline = result["system"], result["baseline"]
    assert result["n"] > 500
    assert system["weighted_f1"] > baseline["weighted_f1"] + 0.1
    assert system["weighted_f1"] >= CASE_HELDOUT_TARGET


@pytest.mark.slow
def test_plover_heldout_beats_the_baseline(shared_dir):
    result = ev.evaluate_plover(_evaldata(shared_dir, "plover-gsr"), "heldout")
    assert result["system"]["macro_f1"] > result["baseline"]["macro_f1"]


@pytest.mark.slow
def test_acled_sample(shared_dir, below_floors):
    result = ev.evaluate_acled(_evaldata(shared_dir, "acled-ukraine-sample"))
    system, baseline = result["system"], result["baseline"]
    assert system["type_accuracy"] >= ACLED_TYPE_FLOOR > baseline["type_accuracy"]
    assert system["place_text_accuracy"] >= ACLED_PLACE_TEXT_FLOOR
    assert system["date_accuracy"] >= ACLED_DATE_FLOOR
    # the place located by the places stage, within 161 km of ACLED's point (CI's floor), and
    # better than the baseline's first place entity
    assert below_floors("events-acled", result) == {}
    assert system["place_161km_accuracy"] > baseline["place_161km_accuracy"]


@pytest.mark.slow
def test_a_geocoder_only_adds_points_for_places_the_stage_left_unresolved(shared_dir):
    import csv

    path = _evaldata(shared_dir, "acled-ukraine-sample")
    table = {}
    for f in sorted(path.glob("*.csv")):
        with f.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                table[row["location"].lower()] = (float(row["latitude"]), float(row["longitude"]))
    # a stand-in gazetteer built from the sample itself: not a score of any geocoder, only a check that
    # the hook is consulted where the places stage resolved nothing and never overrides it
    plain = ev.evaluate_acled(path)["system"]
    helped = ev.evaluate_acled(path, geocode=lambda name, text: table.get(name.lower()))["system"]
    assert helped["place_located"] >= plain["place_located"]
    assert helped["place_161km_accuracy"] >= plain["place_161km_accuracy"]
