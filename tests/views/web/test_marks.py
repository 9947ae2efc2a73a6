"""An article's text cut into marked segments (sayso.views.web.marks): every record marked in place."""
from __future__ import annotations

import pytest

from sayso.views.web.marks import segments, window

TEXT = "Ana Costa said the strike will end by May. Prices rose 5%."


def span(piece: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def claim(cid=1, speaker="Ana Costa", cue="said", parts=("the strike will end by May",), **extra):
    s, c = span(speaker) if speaker else (None, None), span(cue) if cue else (None, None)
    return {"id": cid, "speaker": speaker, "cue": cue, "kind": "indirect", "extractor": "claims.v9",
            "speaker_start": s[0], "speaker_end": s[1], "cue_start": c[0], "cue_end": c[1],
            "parts": [list(span(p)) for p in parts], **extra}


def article(claims=(), figures=(), times=(), forecasts=(), text=TEXT) -> dict:
    return {"text": text, "claims": list(claims), "figures": list(figures), "times": list(times),
            "forecasts": list(forecasts)}


def marked(segs, role: str) -> list[str]:
    return [s["text"] for s in segs if role in s["classes"]]


def test_the_segments_join_back_to_the_text():
    a = article([claim()], [{"id": 3, "start": span("5%")[0], "end": span("5%")[1], "value": 5.0, "unit": "percent",
                            "extractor": "figures.v2"}])
    assert "".join(s["text"] for s in segments(a)) == TEXT


def test_a_claim_marks_speaker_cue_and_content_with_its_number():
    segs = segments(article([claim()]))
    assert marked(segs, "speaker") == ["Ana Costa"] and marked(segs, "cue") == ["said"]
    assert marked(segs, "content") == ["the strike will end by May"]
    content = next(s for s in segs if "content" in s["classes"])
    assert content["number"] == 1 and content["claim"] == "claim-1" and content["recs"] == ["claim-1"]
    assert "claims.v9" in content["title"] and "Ana Costa" in content["title"]


def test_overlapping_records_share_a_segment():
    time = {"id": 7, "start": span("by May")[0], "end": span("by May")[1], "type": "DATE", "value": "2024-05",
            "extractor": "times.v3"}
    forecast = {"id": 9, "span_start": span("the strike will end by May")[0],
                "span_end": span("the strike will end by May")[1], "hedging": "certain", "earliest": None,
                "latest": "2024-05-31", "predictor": "Ana Costa", "extractor": "forecasts.v3"}
    segs = segments(article([claim()], times=[time], forecasts=[forecast]))
    by_may = next(s for s in segs if s["text"] == "by May")
    assert by_may["classes"] == ["content", "time", "forecast"]
    assert set(by_may["recs"]) == {"claim-1", "time-7", "forecast-9"}
    assert [t["text"] for t in by_may["tags"]] == ["2024-05", "certain · by 2024-05-31"]
    assert "times.v3" in by_may["title"] and "forecasts.v3" in by_may["title"]


def test_a_split_quote_marks_both_parts_and_numbers_the_first():
    text = '"We will stay," she said, "until May."'
    c = {"id": 4, "speaker": "she", "cue": "said", "kind": "direct", "extractor": "claims.v9",
         "speaker_start": text.index("she"), "speaker_end": text.index("she") + 3, "cue_start": text.index("said"),
         "cue_end": text.index("said") + 4, "parts": [[text.index('"until'), len(text)], [0, text.index(" she")]]}
    segs = segments(article([c], text=text))
    assert marked(segs, "content") == ['"We will stay,"', '"until May."']
    assert [s["number"] for s in segs if s["number"]] == [1]
    assert segs[0]["number"] == 1


@pytest.mark.parametrize("bad", [
    {"speaker_start": None, "speaker_end": None},
    {"speaker_start": 50, "speaker_end": 10},  # reversed: nothing
    {"speaker_start": -5, "speaker_end": 3},  # clipped to the text
    {"speaker_start": 55, "speaker_end": 10_000},
])
def test_spans_out_of_the_text_never_break_the_text(bad):
    segs = segments(article([claim(**bad)]))
    assert "".join(s["text"] for s in segs) == TEXT


def test_an_article_without_records_is_one_plain_segment():
    assert segments(article()) == [{"text": TEXT, "classes": [], "recs": [], "title": "", "number": None,
                                    "claim": None, "tags": []}]
    assert segments(article(text="")) == []


def test_markup_in_the_text_stays_text():
    text = '<script>alert(1)</script> "Hi," <b>Eve</b> said.'
    c = {"id": 1, "speaker": "<b>Eve</b>", "cue": "said", "kind": "direct", "extractor": "x",
         "speaker_start": text.index("<b>"), "speaker_end": text.index("</b>") + 4, "cue_start": text.index("said"),
         "cue_end": text.index("said") + 4, "parts": [[text.index('"Hi'), text.index('"Hi') + 5]]}
    segs = segments(article([c], text=text))
    assert "".join(s["text"] for s in segs) == text and marked(segs, "speaker") == ["<b>Eve</b>"]


@pytest.mark.parametrize("row, expected", [
    ({"earliest": "2024-03-01", "latest": "2024-03-31"}, "2024-03-01 to 2024-03-31"),
    ({"earliest": "2024-03-31", "latest": "2024-03-31"}, "by 2024-03-31"),
    ({"earliest": None, "latest": "2024-03-31"}, "by 2024-03-31"),
    ({"earliest": "2024-03-01", "latest": None}, "no deadline"),
    ({}, "no deadline"),
])
def test_window(row, expected):
    assert window(row) == expected
