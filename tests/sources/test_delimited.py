"""CSV and TSV input: one article per row, sniffed dialect, column mapping, bad rows reported."""
from __future__ import annotations

import csv
import io

import pytest

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources import read_articles
from .sources_util import only, write

# The shape of the bundled speech collection: a timestamp with a dash and a trailing space,
# quoted fields with doubled quotes, commas and line breaks inside.
SPEECHES = (
    'timestamp,title,speech\n'
    '31 May 2023  - 22:53 ,Grain exports matter - address by the President ,'
    '", Good health to you, fellow Ukrainians!, I said ""we will hold"" and we held.\nNew paragraph."\n'
    '14 February 2022  - 20:53 ,Address on unity,", Great people of a great country!"\n'
)


def rows_csv(rows: list[list[str]], delimiter: str = ",", line_end: str = "\n") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=line_end).writerows(rows)
    return out.getvalue()


def test_speech_collection_shape(tmp_path):
    path = write(tmp_path, "speeches.csv", SPEECHES)
    p = str(path)
    first, second = read_articles([path], speaker="Volodymyr Zelenskyy")
    assert first == Article(
        ', Good health to you, fellow Ukrainians!, I said "we will hold" and we held.\nNew paragraph.',
        "Grain exports matter - address by the President", "2023-05-31", "day", url=f"{p}:2",
        speaker="Volodymyr Zelenskyy",
    )
    assert (second.published, second.url, second.title) == ("2022-02-14", f"{p}:4", "Address on unity")


def test_press_release_shape_with_link_and_iso_dates(tmp_path):
    rows = [["link", "headline", "date", "location", "summary", "body"],
            ["http://en.kremlin.ru/events/president/news/68700", "BRICS+ meeting", "2022-06-24T17:30:00Z",
             "Moscow Region", "Vladimir Putin attended a meeting.", "The meeting's topic is partnership."],
            ["http://en.kremlin.ru/events/president/news/66988", "Greetings", "2021-10-24T11:00:00Z", "NA", "",
             'The message reads, in part: "Founded in 1946, the school..."']]
    path = write(tmp_path, "putin.csv", rows_csv(rows, line_end="\r\n"))
    first, second = read_articles([path])
    assert first == Article("The meeting's topic is partnership.", "BRICS+ meeting", "2022-06-24", "day",
                            url="http://en.kremlin.ru/events/president/news/68700")
    assert second.text == 'The message reads, in part: "Founded in 1946, the school..."'


@pytest.mark.parametrize("name, delimiter", [("semi.csv", ";"), ("pipe.csv", "|"), ("tabs.csv", "\t"),
                                             ("data.tsv", "\t"), ("DATA.TSV", "\t"), ("data.tab", "\t")])
def test_dialect_is_sniffed(tmp_path, name, delimiter):
    rows = [["Title", "Date", "Text"], ["A; b | c", "2023-05-12", "One, two; three | four."],
            ["Second", "12 May 2023", "Five, six."]]
    path = write(tmp_path, name, rows_csv(rows, delimiter))
    items = list(read_articles([path]))
    assert [(a.title, a.published, a.text) for a in items] == [
        ("A; b | c", "2023-05-12", "One, two; three | four."), ("Second", "2023-05-12", "Five, six.")]


def test_column_mapping_like_jsonl_fields(tmp_path):
    rows = [["story", "when", "who", "by", "where"], ["I will not leave.", "2022-02-25", "Zelenskyy", "Jane Roe", "https://x.test/1"]]
    path = write(tmp_path, "mapped.csv", rows_csv(rows))
    fields = {"text": "story", "date": "when", "speaker": "who", "author": "by", "url": "where"}
    article = only(list(read_articles([path], fields=fields)))
    assert article == Article("I will not leave.", "I will not leave.", "2022-02-25", "day", url="https://x.test/1",
                              author="Jane Roe", speaker="Zelenskyy")


def test_header_names_match_case_insensitively(tmp_path):
    path = write(tmp_path, "caps.csv", rows_csv([[" Title ", "DATE", "Body"], ["T", "2020", "Text."]]))
    assert only(list(read_articles([path]))) == Article("Text.", "T", "2020", "year", url=f"{path}:2")


@pytest.mark.parametrize("rows, fields, reason", [
    ([["id", "words"], ["1", "Text."]], None,
     "no article text column (no 'text' or 'body' or 'content' or 'speech'; name another with --field text=NAME; columns: 'id', 'words')"),
    ([["text", "date"], ["Text.", "2020"]], {"date": "published_on"},
     "no column 'published_on' for --field date (columns: 'text', 'date')"),
])
def test_header_without_the_needed_columns_is_one_error(tmp_path, rows, fields, reason):
    path = write(tmp_path, "bad.csv", rows_csv(rows))
    assert only(list(read_articles([path], fields=fields))) == SourceError(str(path), reason, 1)


def test_bad_rows_are_reported_and_the_rest_read(tmp_path):
    content = ("text,date,title\n"
               "First.,2020-01-01,One\n"
               "\n"
               "Short row\n"
               ",2020-01-01,No text\n"
               "Too,many,fields,here\n"
               "Dated oddly.,someday,Odd\n"
               '"Multi\nline.",2021-03-04,Multi\n'
               "Last.,,Undated\n")
    path = write(tmp_path, "rows.csv", content)
    p = str(path)
    items = list(read_articles([path], date="1999"))
    assert items[0] == Article("First.", "One", "2020-01-01", "day", url=f"{p}:2")
    assert items[1:4] == [
        SourceError(p, "expected 3 fields as in the header, got 1 (a stray quote or delimiter?)", 4),
        SourceError(p, "no article text (no field 'text' or 'body' or 'content' or 'speech'; name another with --field text=NAME)", 5),
        SourceError(p, "expected 3 fields as in the header, got 4 (a stray quote or delimiter?)", 6),
    ]
    assert (items[4].published, items[4].warnings[0].endswith("in field 'date'; stored undated")) == (None, True)
    assert (items[5].text, items[5].url) == ("Multi\nline.", f"{p}:8")
    assert (items[6].published, items[6].date_precision) == ("1999", "year")  # no date of its own: --date
    assert len(items) == 7


@pytest.mark.parametrize("content, reason, line", [
    ("", "empty file", None),
    ("  \n", "empty file", None),
    ("text,date\n", "no data rows after the header", 1),
    ("text,date\n\n ,\n", "no data rows after the header", 1),
])
def test_empty_tables(tmp_path, content, reason, line):
    path = write(tmp_path, "empty.csv", content)
    assert only(list(read_articles([path]))) == SourceError(str(path), reason, line)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_and_utf16(tmp_path, encoding):
    path = write(tmp_path, "wide.csv", rows_csv([["text", "date"], ["Київ said so.", "2020"]]).encode(encoding))
    assert only(list(read_articles([path]))).text == "Київ said so."


def test_invalid_utf8_stops_the_file_with_one_error_after_the_good_rows(tmp_path):
    """Rows are streamed: those decoded before the bad byte are kept, then one error ends the file."""
    good = "text,date\n" + "Fine row.,2020\n" * 3000  # 45 KB: several decoding chunks
    path = write(tmp_path, "latin.csv", good.encode() + "Caf\xe9.,2020\n".encode("latin-1"))
    items = list(read_articles([path]))
    assert all(isinstance(item, Article) for item in items[:-1]) and len(items) > 2000
    assert items[-1] == SourceError(str(path), "not UTF-8 text (invalid continuation byte); stopped reading")


def test_field_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    from sayso.sources import files

    monkeypatch.setattr(files, "MAX_DOCUMENT_BYTES", 1000)
    path = write(tmp_path, "big.csv", "text,date\nsmall,2020\n" + "x" * 2000 + ",2020\n")
    items = list(read_articles([path]))
    assert isinstance(items[0], Article)
    assert items[1] == SourceError(str(path), "not valid CSV (field larger than field limit (1000)); stopped reading", 3)
    assert csv.field_size_limit() != 1000  # the process-wide limit is restored


def test_binary_csv_is_one_error(tmp_path):
    path = write(tmp_path, "binary.csv", b"text,date\n\x00\x01\x02")
    assert only(list(read_articles([path]))) == SourceError(str(path), "binary file, not text")
