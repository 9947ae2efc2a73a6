"""sayso.sources: files -> Article records, bad input -> SourceError (never an exception)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.errors import SourceError
from sayso.records import Article, content_hash
from sayso.sources import read_articles
from sayso.sources.files import EXPECTED_TYPES
from .sources_util import ARTICLE_PAGE, NAV_ONLY_PAGE, NO_DATE, PAGE_DATE_META, only, write

# --- bad files: one SourceError naming the file, never an exception -------------------------


@pytest.mark.parametrize(
    "name, content, reason, line",
    [
        ("empty.txt", b"", "empty file", None),
        ("blank.txt", b"  \n\t\r\n", "empty file", None),
        ("bom_only.txt", b"\xef\xbb\xbf\n", "empty file", None),
        ("blank.jsonl", b"\n\n", "empty file", None),
        ("binary.txt", b"PK\x03\x04\x00\x00binary", "binary file, not text", None),
        ("latin1.txt", "café".encode("latin-1"), "not UTF-8 text (invalid byte 0xe9 at offset 3)", 1),
        ("impossible.txt", " date 2023-02-30 Title\nBody.", "impossible date '2023-02-30'", 1),
        ("bad_month.txt", " date 2023-13 Title\nBody.", "impossible date '2023-13'", 1),
        ("malformed.txt", " date 2023/02/02 Title", "invalid date '2023/02/02' (expected YYYY-MM-DD, YYYY-MM or YYYY)", 1),
        ("header_only.txt", " date 2023-02-02 \n\n", "no article text after the date header", 1),
        ("undated.txt", "A title\n\nSome body text.", NO_DATE, None),
        ("nav.html", NAV_ONLY_PAGE, "no article text found in HTML", None),
        ("empty_body.html", "<html><head><title>Nothing</title></head><body></body></html>", "no article text found in HTML", None),
        ("notes.xyz", "hello", f"unsupported file type '.xyz' ({EXPECTED_TYPES})", None),
        ("data.JSON", "{}", f"unsupported file type '.JSON' ({EXPECTED_TYPES})", None),
    ],
)
def test_bad_file_yields_one_source_error(tmp_path, name, content, reason, line):
    path = write(tmp_path, name, content)
    error = only(list(read_articles([path])))
    assert error == SourceError(str(path), reason, line)


def test_nonexistent_path_is_an_error_and_reading_goes_on(tmp_path):
    good = write(tmp_path, "good.txt", " date 2023-02-02 Title\nBody.")
    missing = tmp_path / "missing.txt"
    items = list(read_articles([missing, good]))
    assert items[0] == SourceError(str(missing), "no such file or directory")
    assert isinstance(items[1], Article) and items[1].published == "2023-02-02"


# --- seed format ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, published, precision, text, title",
    [
        (" date 2023-02-02 Title line\n\nBody.", "2023-02-02", "day", "Title line\n\nBody.", "Title line"),
        (" date 2023-02 Month title\nBody.", "2023-02", "month", "Month title\nBody.", "Month title"),
        (" date 2023 Year title\nBody.", "2023", "year", "Year title\nBody.", "Year title"),
        ("date 2023-02-02 No space\nBody.", "2023-02-02", "day", "No space\nBody.", "No space"),
        ("\tdate\t2023-02-02\tTabs\nBody.", "2023-02-02", "day", "Tabs\nBody.", "Tabs"),
        ("\ufeff date 2023-02-02 After BOM\nBody.", "2023-02-02", "day", "After BOM\nBody.", "After BOM"),
        (" date 2023-02-02\nOwn line title\nBody.", "2023-02-02", "day", "Own line title\nBody.", "Own line title"),
        (" date 2023-02-02 CRLF title\r\n\r\nBody.\r\n", "2023-02-02", "day", "CRLF title\r\n\r\nBody.\r\n", "CRLF title"),
    ],
)
def test_seed_header_variants(tmp_path, content, published, precision, text, title):
    path = write(tmp_path, "seed.txt", content)
    article = only(list(read_articles([path])))
    assert isinstance(article, Article), article
    assert (article.published, article.date_precision) == (published, precision)
    assert (article.text, article.title) == (text, title)
    assert (article.url, article.source) == (str(path), None)


def test_seed_date_wins_over_date_argument(tmp_path):
    path = write(tmp_path, "seed.txt", " date 2023-02-02 Title\nBody.")
    article = only(list(read_articles([path], date="1999-01-01")))
    assert article.published == "2023-02-02"


@pytest.mark.parametrize(
    "first_line, title",
    [
        ("Short headline", "Short headline"),
        ("x" * 200, "x" * 200),
        (
            "Mr. Smith told the U.S. Senate on Feb. 2 that J. Doe had resigned after a long inquiry into "
            "the spending of the agency. " + "He said the inquiry would continue for months and more. " * 3,
            "Mr. Smith told the U.S. Senate on Feb. 2 that J. Doe had resigned after a long inquiry into "
            "the spending of the agency.",
        ),
        (
            "“We will win,” the president said. " + "Then he went on talking about the war for a long time. " * 4,
            "“We will win,” the president said.",
        ),
    ],
)
def test_title_is_first_line_or_its_first_sentence(tmp_path, first_line, title):
    path = write(tmp_path, "seed.txt", f" date 2023-02-02 {first_line}\nBody.")
    assert only(list(read_articles([path]))).title == title


def test_title_without_sentence_end_is_cut_at_a_word(tmp_path):
    first_line = "word " * 100
    path = write(tmp_path, "seed.txt", f" date 2023-02-02 {first_line}\nBody.")
    title = only(list(read_articles([path]))).title
    assert len(title) <= 200 and title.endswith("word…") and "  " not in title


def test_real_seed(seed_path):
    article = only(list(read_articles([seed_path])))
    body = seed_path.read_text(encoding="utf-8").removeprefix(" date 2023-02-02 ")
    assert (article.published, article.date_precision) == ("2023-02-02", "day")
    assert article.title.startswith("Ukraine Defense Minister")
    assert len(article.title) <= 200 and article.title.endswith("February 24.")
    assert article.text.startswith("Ukraine Defense Minister")
    assert article.text == body
    assert article.url == str(seed_path)


# --- plain text, dates, offsets -------------------------------------------------------------------


def test_plain_text_is_kept_unchanged(tmp_path):
    content = "\n\n  Budget approved  \nThe minister said the budget passed.\n"
    path = write(tmp_path, "plain.txt", content)
    article = only(list(read_articles([str(path)], date="2024-05")))
    assert article.text == content
    assert article.title == "Budget approved"
    assert (article.published, article.date_precision) == ("2024-05", "month")
    assert article.url == str(path)


@pytest.mark.parametrize("name", ["plain.txt", "plain.text", "PLAIN.TXT", "README"])
def test_text_extensions(tmp_path, name):
    path = write(tmp_path, name, "Title\nBody.")
    assert isinstance(only(list(read_articles([path], date="2024"))), Article)


@pytest.mark.parametrize(
    "content, header_length",
    [
        ("Title\r\n\r\nThe minister said \u201cno\u201d.\r\nOfficials said yes.\r\n", 0),
        (" date 2023-02-02 Title\r\n\r\nThe minister said \u201cno\u201d.\r\nOfficials said yes.\r\n", 17),
    ],
)
def test_crlf_offsets_match_the_file(tmp_path, content, header_length):
    path = write(tmp_path, "crlf.txt", content)
    article = only(list(read_articles([path], date="2023")))
    file_text = path.read_bytes().decode("utf-8")
    assert "\r\n" in article.text
    for word in ("minister", "\u201cno\u201d", "Officials"):
        start = file_text.index(word)
        end = start + len(word)
        assert article.text[start - header_length : end - header_length] == file_text[start:end]


def test_missing_date_is_an_error_unless_undated_allowed(tmp_path):
    path = write(tmp_path, "plain.txt", "Title\nBody.")
    assert only(list(read_articles([path]))) == SourceError(str(path), NO_DATE)
    article = only(list(read_articles([path], allow_undated=True)))
    assert isinstance(article, Article)
    assert (article.published, article.date_precision) == (None, "unknown")


@pytest.mark.parametrize("kwargs", [{"date": "2023-02-30"}, {"date": "Feb 2"}, {"fields": {"body": "x"}}, {"fields": {"text": ""}}])
def test_invalid_arguments_raise_at_call_time(tmp_path, kwargs):
    with pytest.raises(ValueError):
        read_articles([tmp_path / "not-even-read.txt"], **kwargs)  # no iteration needed


# --- directories ----------------------------------------------------------------------------------


def test_directory_walk_is_sorted_recursive_and_skips_hidden_and_unsupported(tmp_path):
    for name in ["b.txt", "a.txt", "a/z.txt", "sub/c.jsonl", "sub/deeper/d.htm", ".hidden.txt",
                 ".git/x.txt", "sub/.cache/y.txt", "notes.xyz", "image.png"]:
        content = json.dumps({"text": "Body text."}) if name.endswith(".jsonl") else "Title\nBody text."
        if name.endswith(".htm"):
            content = ARTICLE_PAGE.format(date_meta=PAGE_DATE_META)
        write(tmp_path, name, content)
    items = list(read_articles([tmp_path], date="2023-01-01"))
    assert all(isinstance(item, Article) for item in items), items
    urls = [item.url for item in items]
    root = str(tmp_path)
    assert urls == [f"{root}/a/z.txt", f"{root}/a.txt", f"{root}/b.txt", f"{root}/sub/c.jsonl:1",
                    "https://news.example.com/2016/09/minister-warns"]


def test_named_hidden_file_is_read(tmp_path):
    path = write(tmp_path, ".hidden.txt", " date 2023-02-02 Title\nBody.")
    assert isinstance(only(list(read_articles([path]))), Article)


def test_directory_without_readable_files_is_reported(tmp_path):
    write(tmp_path, "notes.xyz", "hello")
    write(tmp_path, ".hidden.txt", "hello")
    error = only(list(read_articles([tmp_path])))
    assert error == SourceError(str(tmp_path), f"no readable files in this directory ({EXPECTED_TYPES})")


@pytest.mark.parametrize("as_type", [str, Path])
def test_single_path_argument(tmp_path, as_type):
    path = write(tmp_path, "one.txt", " date 2023-02-02 Title\nBody.")
    assert only(list(read_articles(as_type(path)))).url == str(path)


def test_ids_depend_only_on_text(tmp_path):
    first = write(tmp_path, "first.txt", " date 2023-02-02 Same title\nSame body.")
    second = write(tmp_path, "second.txt", " date 2021-01-01 Same title\nSame body.")
    a, b = read_articles([first, second])
    again = only(list(read_articles([first])))
    assert a.id == b.id == again.id == content_hash("Same title\nSame body.")
    assert a.url != b.url
    other = only(list(read_articles([write(tmp_path, "other.txt", " date 2023-02-02 Other\nBody.")])))
    assert other.id != a.id


@pytest.mark.parametrize("files, expected", [
    ({"a.txt": " date 2024-01-01 T\nx", "b.html": "<p>x</p>"}, 2),
    ({"feed.jsonl": '{"text": "a"}\n\n{"text": "b"}\nnot json\n'}, 3),
    ({"empty.jsonl": ""}, 1),
    ({"notes.md": "x"}, 1),  # a folder with nothing readable: one error
])
def test_count_inputs_bounds_what_read_articles_yields(tmp_path, files, expected):
    from sayso.sources import count_inputs

    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    assert count_inputs(tmp_path) == expected
    assert len(list(read_articles(tmp_path, allow_undated=True))) <= expected
