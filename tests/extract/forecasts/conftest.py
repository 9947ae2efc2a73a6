"""The whole chain on one sentence of our own, with the article's date (shared by the forecast tests)."""
from __future__ import annotations

import pytest

from sayso.pipeline import extract
from sayso.records import Article


@pytest.fixture(scope="module")
def forecasts_of(nlp):
    """forecasts_of(text, published="2023-02-04") -> the forecasts the pipeline finds (a Saturday by default)."""
    def run(text: str, published: str | None = "2023-02-04"):
        return extract(nlp(text), Article(text=text, published=published)).forecasts
    return run
