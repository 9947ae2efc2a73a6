"""JSON Lines input: one article per line, field mapping, bad lines reported while the rest is read."""
from __future__ import annotations

import json

import pytest

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources import read_articles
from .sources_util import only, write


def test_jsonl_bad_lines_are_reported_and_good_lines_still_read(tmp_path):
    lines = [
        json.dumps({"text": "First article.", "title": "First", "date": "2016-09-12"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "No text", "date": "2016-09-12"}),
        json.dumps({"text": "   ", "date": "2016-09-12"}),
        json.dumps({"text": 42, "date": "2016-09-12"}),
        json.dumps({"text": "Bad date.", "date": "2023-02-30"}),
        json.dumps({"text": "Odd date.", "date": "someday"}),
        json.dumps({"text": "Second article.\r\nMore.", "date": "2016-09-12T10:00:00Z", "url": "https://x.test/2"}),
        "   ",
        json.dumps({"text": "Third.", "published": "Mon, 12 Sep 2016 10:00:00 GMT", "source": "Wire"}),
    ]
    path = write(tmp_path, "feed.jsonl", "\r\n".join(lines) + "\n")
    p = str(path)
    items = list(read_articles([path]))
    assert items[0] == Article("First article.", "First", "2016-09-12", "day", url=f"{p}:1")
    assert items[1:6] == [
        SourceError(p, "not valid JSON (Expecting property name enclosed in double quotes at column 2)", 3),
        SourceError(p, "expected a JSON object, got array", 4),
        SourceError(p, "no article text (no field 'text' or 'body' or 'content' or 'speech'; name another with --field text=NAME)", 5),
        SourceError(p, "empty article text in field 'text'", 6),
        SourceError(p, "field 'text' is not a string (got number)", 7),
    ]
    # An unreadable date is a warning and an undated article, not a failure.
    assert items[6] == Article("Bad date.", "Bad date.", None, "unknown", url=f"{p}:8",
                               warnings=(f"{p}:8: impossible date '2023-02-30' in field 'date'; stored undated",))
    assert items[7] == Article("Odd date.", "Odd date.", None, "unknown", url=f"{p}:9", warnings=(
        f"{p}:9: unrecognised date 'someday' (expected a calendar date with a year, such as 2023-05-12 or 12 May 2023)"
        " in field 'date'; stored undated",))
    assert items[8] == Article("Second article.\r\nMore.", "Second article.", "2016-09-12", "day", url="https://x.test/2")
    assert items[9] == Article("Third.", "Third.", "2016-09-12", "day", url=f"{p}:12", source="Wire")
    assert len(items) == 10


def test_jsonl_default_field_names(tmp_path):
    record = {"body": "Body text.", "headline": "Headline", "published_at": "2016-09-12T10:00:00+02:00",
              "link": "https://x.test/a", "publisher": "Example News"}
    path = write(tmp_path, "feed.ndjson", json.dumps(record))
    article = only(list(read_articles([path])))
    assert article == Article("Body text.", "Headline", "2016-09-12", "day", url="https://x.test/a", source="Example News")


def test_jsonl_null_fields_count_as_absent(tmp_path):
    path = write(tmp_path, "feed.jsonl", json.dumps({"text": None, "body": "Body.", "date": None, "title": None}))
    article = only(list(read_articles([path], date="2020")))
    assert (article.text, article.title, article.published) == ("Body.", "Body.", "2020")


@pytest.mark.parametrize(
    "fields, record",
    [
        ({"text": "article_body", "date": "pub"}, {"article_body": "Mapped.", "pub": "2016-09-12", "text": "Wrong."}),
        ({"text": "content.main", "date": "meta.date", "title": "meta.title"},
         {"content": {"main": "Mapped."}, "meta": {"date": "2016-09-12", "title": "Mapped title"}}),
        ({"date": "meta.date"}, {"text": "Mapped.", "meta.date": "2016-09-12"}),
    ],
)
def test_jsonl_field_mapping(tmp_path, fields, record):
    path = write(tmp_path, "feed.jsonl", json.dumps(record))
    article = only(list(read_articles([path], fields=fields)))
    assert (article.text, article.published) == ("Mapped.", "2016-09-12")


def test_jsonl_mapped_text_field_missing(tmp_path):
    path = write(tmp_path, "feed.jsonl", json.dumps({"text": "Not this one.", "date": "2016"}))
    error = only(list(read_articles([path], fields={"text": "article_body"})))
    assert error == SourceError(str(path), "no article text (no field 'article_body')", 1)


def test_jsonl_missing_date(tmp_path):
    path = write(tmp_path, "feed.jsonl", json.dumps({"text": "Undated."}) + "\n" + json.dumps({"text": "Dated.", "date": "2001"}))
    p = str(path)
    no_date = "no publication date (add a 'date' field, or pass --date, or --undated)"
    assert list(read_articles([path])) == [SourceError(p, no_date, 1), Article("Dated.", "Dated.", "2001", "year", url=f"{p}:2")]
    assert [a.published for a in read_articles([path], date="2010-10-10")] == ["2010-10-10", "2001"]
    assert [a.date_precision for a in read_articles([path], allow_undated=True)] == ["unknown", "year"]



@pytest.mark.parametrize("value, kind", [(1684000000, "number"), ({"day": 12}, "object"), (["2023"], "array")])
def test_jsonl_date_that_is_not_a_string_is_a_warning(tmp_path, value, kind):
    path = write(tmp_path, "odd.jsonl", json.dumps({"text": "Body.", "date": value}))
    article = only(list(read_articles([path])))
    assert (article.published, article.date_precision) == (None, "unknown")
    assert article.warnings == (f"{path}:1: field 'date' is not a date string (got {kind}); stored undated",)


def test_jsonl_lines_are_decoded_one_by_one(tmp_path):
    path = write(tmp_path, "mixed.jsonl", b'{"text": "ok", "date": "2020"}\n{"text": "caf\xe9"}\n{"text": "after", "date": "2021"}\n')
    p = str(path)
    items = list(read_articles([path]))
    assert items == [
        Article("ok", "ok", "2020", "year", url=f"{p}:1"),
        SourceError(p, "not UTF-8 text (invalid byte 0xe9 at column 14)", 2),
        Article("after", "after", "2021", "year", url=f"{p}:3"),
    ]


def test_jsonl_nested_too_deeply_is_one_line_error_and_batch_goes_on(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    lines = [json.dumps({"text": "Before.", "date": "2020"}), '{"text": ' + deep + "}", deep,
             json.dumps({"text": "After.", "date": "2020"})]
    path = write(tmp_path, "deep.jsonl", "\n".join(lines))
    p = str(path)
    items = list(read_articles([path]))
    assert [type(item).__name__ for item in items] == ["Article", "SourceError", "SourceError", "Article"]
    assert items[1] == SourceError(p, "JSON nested too deeply to read", 2)
    assert items[2] == SourceError(p, "JSON nested too deeply to read", 3)


@pytest.mark.parametrize("escaped, expected", [
    ("\\ud800", "\ufffd"),  # a lone high surrogate
    ("\\udfff tail", "\ufffd tail"),  # a lone low surrogate
    ("\\ud83d\\ude00", "\U0001F600"),  # a proper pair is one character, kept
])
def test_jsonl_lone_surrogates_become_replacement_characters(tmp_path, escaped, expected):
    line = '{"text": "A ' + escaped + ' B", "title": "T ' + escaped + '", "speaker": "S ' + escaped + '", "date": "2020"}'
    path = write(tmp_path, "surrogates.jsonl", line)
    article = only(list(read_articles([path])))
    assert article.text == f"A {expected} B"
    assert (article.title, article.speaker) == (f"T {expected}", f"S {expected}")
    article.text.encode("utf-8")  # nothing downstream can fail to encode it
    assert len(article.text) == len(f"A {expected} B")  # one character for one: offsets hold


def test_jsonl_nul_in_text_is_refused(tmp_path):
    path = write(tmp_path, "nul.jsonl", json.dumps({"text": "before\u0000after", "date": "2020"}))
    error = only(list(read_articles([path])))
    assert error == SourceError(str(path), "binary data, not text (NUL character at offset 6 of the text)", 1)


def test_jsonl_line_over_the_size_limit_is_refused_and_the_next_read(tmp_path, monkeypatch):
    import sayso.sources.files as files

    monkeypatch.setattr(files, "MAX_DOCUMENT_BYTES", 1000)
    big = json.dumps({"text": "x" * 5000, "date": "2020"})
    path = write(tmp_path, "big.jsonl", big + "\n" + json.dumps({"text": "small", "date": "2020"}) + "\n")
    items = list(read_articles([path]))
    assert items[0] == SourceError(str(path), "line too large (over 1000 bytes, the limit for one line)", 1)
    assert isinstance(items[1], Article) and items[1].text == "small"


def test_jsonl_utf16_with_bom_is_decoded(tmp_path):
    content = json.dumps({"text": "Kyiv – Київ", "date": "2020"}, ensure_ascii=False) + "\r\n"
    path = write(tmp_path, "wide.jsonl", "\ufeff".encode("utf-16-le") + content.encode("utf-16-le"))
    assert only(list(read_articles([path]))).text == "Kyiv – Київ"


@pytest.mark.parametrize("record, fields, speaker, expected", [
    ({"text": "I will win.", "speaker": "Volodymyr Zelenskyy"}, None, None, ("Volodymyr Zelenskyy", None)),
    ({"text": "I will win.", "author": "Jane Roe"}, None, None, ("Jane Roe", "Jane Roe")),
    ({"text": "I will win.", "author": "Jane Roe"}, None, "Caller Name", ("Caller Name", "Jane Roe")),
    ({"text": "I will win.", "speaker": "Own Speaker"}, None, "Caller Name", ("Own Speaker", None)),
    ({"text": "I will win.", "who": {"name": "Mapped"}}, {"speaker": "who.name"}, None, ("Mapped", None)),
    ({"text": "I will win."}, None, None, (None, None)),
])
def test_jsonl_speaker_and_author(tmp_path, record, fields, speaker, expected):
    path = write(tmp_path, "speakers.jsonl", json.dumps({**record, "date": "2023-05-12"}))
    article = only(list(read_articles([path], fields=fields, speaker=speaker)))
    assert (article.speaker, article.author) == expected
