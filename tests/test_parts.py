"""Long documents in parts: the cuts, the merge, and one article's failure never stopping a batch."""
from __future__ import annotations

import pytest

from sayso import parts
from sayso.errors import SourceError
from sayso.pipeline import extract_articles
from sayso.records import Article

from tests import EXAMPLES


@pytest.mark.parametrize("text, limit, expected", [
    ("short text", 50, [(0, 10)]),
    ("One.\n\nTwo.\n\nThree.", 8, [(0, 6), (6, 12), (12, 18)]),  # paragraphs first
    ("Aa bb. Cc dd. Ee ff.", 8, [(0, 7), (7, 14), (14, 20)]),  # then sentences
    ("aaa bbb ccc ddd", 8, [(0, 8), (8, 15)]),  # then the last space before the limit
    ("x" * 20, 8, [(0, 8), (8, 16), (16, 20)]),  # no space at all: at the limit
])
def test_split_text(text, limit, expected):
    assert parts.split_text(text, limit) == expected


@pytest.mark.parametrize("seed", range(5))
def test_parts_cover_the_text_and_respect_the_limit(seed):
    import random

    rng = random.Random(seed)
    words = ["word", "Word.", "x" * 30, "\n", "\n\n", "say,", "end!\"", " "]
    text = " ".join(rng.choice(words) for _ in range(3000))
    spans = parts.split_text(text, 500)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < e - s <= 500 for s, e in spans)


def _long_article() -> Article:
    texts = [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted(EXAMPLES.glob("*.txt"))]
    body = "\n\n".join(texts * 3)
    return Article(text=body, title="long", published="2024-03-04", date_precision="day")


def test_a_long_article_in_parts_has_offsets_into_the_whole_text(nlp, monkeypatch):
    article = _long_article()
    monkeypatch.setattr(parts, "PART_CHARS", 4000)
    monkeypatch.setattr(parts.split_text, "__defaults__", (4000,))
    assert len(parts.split_text(article.text)) > 3
    (extraction,) = extract_articles([article])
    text = article.text
    assert extraction.article is article and extraction.claims and extraction.times and extraction.figures
    for claim in extraction.claims:
        for span in [*claim.content, claim.cue, claim.speaker]:
            if span is not None:
                assert text[span.start:span.end] == span.text
    for record in [*extraction.mentions, *extraction.times, *extraction.figures, *extraction.forecasts]:
        assert text[record.start:record.end] == record.text
    keys = {e.key for e in extraction.entities}
    assert len(keys) == len(extraction.entities)
    assert {m.entity_key for m in extraction.mentions} <= keys
    assert all(c.speaker_key in keys for c in extraction.claims if c.speaker_key)
    names = [(e.kind, e.name) for e in extraction.entities]
    assert len(names) == len(set(names)), "one entity per name across parts"
    for f in extraction.forecasts:
        if f.claim_index is not None:
            assert extraction.claims[f.claim_index].start <= f.start
        if f.time_index is not None:
            assert 0 <= f.time_index < len(extraction.times)


def test_a_parser_failure_fails_only_that_article(nlp, monkeypatch):
    from sayso import pipeline

    model = pipeline.nlp.load()
    real_call, real_pipe = type(model).__call__, type(model).pipe

    def pipe(self, texts, **kwargs):
        texts = list(texts)
        if any("POISON" in t for t in texts):
            raise ValueError("E088-like failure")
        return real_pipe(self, texts, **kwargs)

    def call(self, text, **kwargs):
        if "POISON" in text:
            raise ValueError("E088-like failure")
        return real_call(self, text, **kwargs)

    monkeypatch.setattr(type(model), "pipe", pipe)
    monkeypatch.setattr(type(model), "__call__", call)
    good = [Article(text=f"The minister said {n} ships would sail.", published="2024-01-01") for n in range(3)]
    bad = Article(text="POISON text.", published="2024-01-01")
    items = list(extract_articles([good[0], bad, good[1], good[2]]))
    assert [type(i).__name__ for i in items] == ["Extraction", "SourceError", "Extraction", "Extraction"]
    assert isinstance(items[1], SourceError) and "parsing failed (ValueError" in items[1].reason
