"""Property tests (hypothesis) over every reader: whatever is in the file, reading never raises,
and every Article has text without lone surrogates, every string field storable as UTF-8.

Fixed budget for CI: ``derandomize=True`` (the same examples every run) and a set number of
examples per reader. Nothing is fetched: URL lists hit a stub that refuses every URL.
"""
from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources import read_articles, web

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
EXTENSIONS = [".txt", ".jsonl", ".html", ".csv", ".tsv", ".rss", ".atom", ".xml", ".warc", ".warc.gz", ".urls"]
BUDGET = settings(max_examples=40, derandomize=True, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Text that stresses readers: any code point (surrogates included), plus the characters formats care about.
# Pieces of text that stress readers, joined: lone surrogates, NUL, every kind of line end, a BOM,
# the characters formats care about, any code point at all, and a sentence long enough to count as
# an article. (Plain st.text() almost never yields a surrogate: measured 2 in 200 examples.)
SENTENCE = "The minister said on Monday that the talks would resume next week in the capital."
hostile_piece = st.one_of(
    st.sampled_from(["\ud800", "\udfff", "\udcff", "\x00", "\r\n", "\r", "\n", "\ufeff", "\u2028", '"', ",", ";",
                     "\t", "|", "<", ">", "&", "{", "}", "\\", "date 2023-02-30 ", "\x1b[2J"]),
    st.text(st.characters(exclude_categories=[]), max_size=20),
    st.just(SENTENCE),
)
hostile_text = st.lists(hostile_piece, max_size=12).map("".join)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(url: str):
        raise SourceError(url, "network disabled in property tests")

    monkeypatch.setattr(web, "fetch", refuse)


def check(items: list) -> None:
    for item in items:
        assert isinstance(item, (Article, SourceError)), item
        if isinstance(item, Article):
            assert isinstance(item.text, str) and item.text.strip()
            assert not LONE_SURROGATE.search(item.text)
            assert "\x00" not in item.text
            for value in (item.text, item.title, item.url, item.source, item.author, item.speaker, item.id, *item.warnings):
                if value is not None:
                    value.encode("utf-8")  # storable and printable: never a UnicodeEncodeError downstream
        else:
            str(item).encode("utf-8")


def read_file(name: str, data: bytes, **kwargs) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(read_articles([path], allow_undated=True, **kwargs))
    check(items)
    return items


@pytest.mark.parametrize("extension", EXTENSIONS)
@BUDGET
@given(data=st.binary(max_size=2000))
def test_any_bytes_in_a_file_of_each_kind(extension, data):
    read_file("input" + extension, data)


@pytest.mark.parametrize("extension", EXTENSIONS)
@BUDGET
@given(text=hostile_text)
def test_any_text_in_a_file_of_each_kind(extension, text):
    read_file("input" + extension, text.encode("utf-8", "surrogatepass"))


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
                           max_leaves=10)
records = st.fixed_dictionaries({"text": st.one_of(hostile_text, hostile_text, json_values)}, optional={
    "title": st.one_of(hostile_text, json_values),
    "date": st.one_of(hostile_text, st.sampled_from(["2023-02-30", "12 May 2023 - 18:19", "02/03/2023"])),
    "url": hostile_text, "speaker": st.one_of(hostile_text, json_values), "author": hostile_text,
})


@BUDGET
@given(lines=st.lists(records, min_size=1, max_size=5))
def test_jsonl_records(lines):
    """JSON escapes reach every code point, lone surrogates included ("\\ud800")."""
    content = "\n".join(json.dumps(record) for record in lines)
    items = read_file("records.jsonl", content.encode())
    assert len(items) == len(lines)


@pytest.mark.parametrize("name, delimiter", [("rows.csv", ","), ("rows.csv", ";"), ("rows.tsv", "\t")])
@BUDGET
@given(rows=st.lists(st.lists(hostile_text.filter(lambda s: "\x00" not in s and not LONE_SURROGATE.search(s)),
                              min_size=3, max_size=3), min_size=1, max_size=5))
def test_csv_rows(name, delimiter, rows):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows([["text", "date", "speaker"], *rows])
    items = read_file(name, out.getvalue().encode())
    assert len(items) <= max(1, len(rows))


@BUDGET
@given(entries=st.lists(st.tuples(hostile_text, hostile_text, hostile_text), min_size=1, max_size=4))
def test_feed_entries(entries):
    """Entry titles, dates and HTML contents of any text (escaped into the XML as a feed would)."""
    def xml(value: str) -> str:
        value = LONE_SURROGATE.sub("", value).replace("\x00", "")
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    items_xml = "".join(f"<item><title>{xml(t)}</title><pubDate>{xml(d)}</pubDate><description>{xml(c)}</description></item>"
                        for t, d, c in entries)
    feed = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>{items_xml}</channel></rss>'
    read_file("feed.rss", feed.encode("utf-8", "surrogatepass"))


@BUDGET
@given(body=hostile_text, date=hostile_text)
def test_html_pages(body, date):
    paragraph = " ".join([body] * 3) + " and the minister said more words than twelve in this sentence today."
    page = (f'<html><head><meta property="article:published_time" content="{date}"><title>{body}</title></head>'
            f"<body><article><p>{paragraph}</p></article></body></html>")
    read_file("page.html", page.encode("utf-8", "surrogatepass"))


@BUDGET
@given(body=st.binary(max_size=1500), uri=hostile_text, gzipped=st.booleans())
def test_warc_records(body, uri, gzipped):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    safe_uri = "https://x.test/" + re.sub(r"[^A-Za-z0-9/._-]", "", uri)
    writer.write_record(writer.create_warc_record(safe_uri, "response", payload=io.BytesIO(body), http_headers=http))
    read_file("crawl.warc.gz" if gzipped else "crawl.warc", out.getvalue())
