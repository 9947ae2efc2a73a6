"""Safe walking and decoding: special files, links, sizes, unreadable folders, odd names and encodings."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from sayso.errors import SourceError
from sayso.records import Article, content_hash
from sayso.sources import read_articles
from sayso.sources import files as files_module
from sayso.sources.files import shown_name
from .sources_util import only, write

SEED = " date 2023-02-02 Title\nBody."


def run_with_timeout(function, seconds: float = 10.0):
    """Run ``function`` in a thread; fail (instead of hanging the suite) if it does not return."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(function()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s (it would hang)"
    return result[0]


def test_fifo_in_a_folder_is_reported_not_opened(tmp_path):
    write(tmp_path, "a.txt", SEED)
    os.mkfifo(tmp_path / "pipe.txt")
    items = run_with_timeout(lambda: list(read_articles([tmp_path])))
    assert isinstance(items[0], Article)
    assert items[1] == SourceError(str(tmp_path / "pipe.txt"), "not a regular file (a named pipe (FIFO))")


def test_fifo_named_explicitly_is_reported_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    error = only(run_with_timeout(lambda: list(read_articles([tmp_path / "pipe.jsonl"]))))
    assert error == SourceError(str(tmp_path / "pipe.jsonl"), "not a regular file (a named pipe (FIFO))")


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/null"])
def test_link_to_a_device_is_not_read(tmp_path, target):
    if not os.path.exists(target):
        pytest.skip(f"{target} not on this system")
    (tmp_path / "zero.txt").symlink_to(target)
    write(tmp_path, "b.txt", SEED)
    items = run_with_timeout(lambda: list(read_articles([tmp_path])))
    assert items[0] == Article("Title\nBody.", "Title", "2023-02-02", "day", url=str(tmp_path / "b.txt"))
    assert items[1] == SourceError(str(tmp_path / "zero.txt"), "not a regular file (a character device)")


def test_broken_link_and_link_to_a_folder_are_reported(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "elsewhere").mkdir()
    write(tmp_path / "elsewhere", "c.txt", SEED)
    (tmp_path / "root" / "sub").mkdir(parents=True)
    (tmp_path / "root" / "linked").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "root" / "gone.txt").symlink_to(tmp_path / "missing.txt")
    items = list(read_articles([tmp_path / "root"]))
    assert items == [
        SourceError(str(tmp_path / "root" / "gone.txt"), "broken symbolic link"),
        SourceError(str(tmp_path / "root" / "linked"), "a link to a directory, not followed (name it to read it)"),
    ]


def test_unreadable_sub_folder_is_a_failure_with_its_name_and_reason(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", SEED)
    locked = tmp_path / "locked"
    write(locked, "hidden-from-us.txt", SEED)
    write(tmp_path, "z.txt", SEED)
    if os.geteuid() == 0:  # root reads any folder: make scandir fail as it does for a user
        real_scandir = os.scandir

        def scandir(path="."):
            if os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(locked))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        items = list(read_articles([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert [type(item).__name__ for item in items] == ["Article", "SourceError", "Article"]
    assert items[1] == SourceError(str(locked), "cannot read directory (Permission denied)")


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(files_module, "MAX_DOCUMENT_BYTES", 2048)
    path = write(tmp_path, "big.txt", " date 2023-02-02 Title\n" + "word " * 1000)
    small = write(tmp_path, "small.txt", SEED)
    items = list(read_articles([path, small]))
    assert items[0] == SourceError(str(path), "file too large (over 2048 bytes, the limit for one file)")
    assert isinstance(items[1], Article)


def test_non_utf8_file_name_is_shown_escaped_and_nothing_crashes(tmp_path):
    raw_dir = os.fsencode(tmp_path)
    with open(os.path.join(raw_dir, b"caf\xe9.txt"), "wb") as fh:
        fh.write(SEED.encode())
    with open(os.path.join(raw_dir, b"bad\xff.xyz"), "wb") as fh:
        fh.write(b"x")
    article = only(list(read_articles([tmp_path])))
    assert article.url == f"{tmp_path}/caf\\xe9.txt"
    article.url.encode("utf-8")  # printable and storable
    named = os.fsdecode(os.path.join(raw_dir, b"bad\xff.xyz"))  # as Python hands over a command-line argument
    error = only(list(read_articles([named])))
    assert error.path == f"{tmp_path}/bad\\xff.xyz"
    str(error).encode("utf-8")


@pytest.mark.parametrize("name, shown", [
    ("plain.txt", "plain.txt"),
    ("Київ.txt", "Київ.txt"),
    (os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"),
    ("new\nline.txt", "new\\nline.txt"),
    ("esc\x1b[2J.txt", "esc\\x1b[2J.txt"),
    ("lone\ud800.txt", "lone\\ud800.txt"),
])
def test_shown_name(name, shown):
    assert shown_name(name) == shown


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", "\ufeff"), ("utf-16-be", "\ufeff"), ("utf-32-le", "\ufeff"),
                                           ("utf-8", "\ufeff")])
def test_files_with_a_bom_are_decoded_not_called_binary(tmp_path, encoding, bom):
    path = write(tmp_path, "wide.txt", (bom + " date 2023-02-02 Київ said\r\nBody.").encode(encoding))
    article = only(list(read_articles([path])))
    assert (article.text, article.title) == ("Київ said\r\nBody.", "Київ said")


def test_utf16_without_bom_is_binary(tmp_path):
    path = write(tmp_path, "wide.txt", SEED.encode("utf-16-le"))
    assert only(list(read_articles([path]))) == SourceError(str(path), "binary file, not text")


def test_nul_after_the_first_8_kb_is_refused_with_its_place(tmp_path):
    content = " date 2023-02-02 Title\n" + "a" * 9000 + "\n\x00tail"
    path = write(tmp_path, "late_nul.txt", content)
    error = only(list(read_articles([path])))
    assert error == SourceError(str(path), f"binary data, not text (NUL character at offset {content.index(chr(0))})", 3)


# --- identity -------------------------------------------------------------------------------------


@pytest.mark.parametrize("copy", [
    "Title\r\nThe minister said no.\r\n",  # Windows line endings
    "Title\nThe minister said no.\n\n",  # one more trailing newline
    "Title\rThe minister said no.",  # old Mac line endings
    "Title  \nThe minister said no. \t\n",  # trailing spaces
    "\n\nTitle\nThe minister said no.",  # leading blank lines
    "\ufeffTitle\nThe minister said no.\n",  # a BOM (dropped when read)
])
def test_copies_that_differ_only_in_line_endings_or_trailing_space_are_one_article(tmp_path, copy):
    original = write(tmp_path, "original.txt", "Title\nThe minister said no.\n")
    other = write(tmp_path, "copy.txt", copy)
    first, second = read_articles([original, other], date="2023")
    assert first.id == second.id
    assert second.text == copy.removeprefix("\ufeff")  # the stored text stays exactly as read


def test_decomposed_accents_are_the_same_article():
    assert content_hash("Zelensky said café") == content_hash("Zelensky said cafe\u0301")


@pytest.mark.parametrize("a, b", [
    ("The minister said no.", "The minister said yes."),
    ("Title\nBody.", "Title\n\nBody."),  # a new paragraph break is a different text
    ("Title\nBody.", "Title Body."),
    ("Title\n  Body.", "Title\nBody."),  # indentation inside the text is kept
    ("No. 10", "No.10"),
])
def test_different_texts_are_different_articles(a, b):
    assert content_hash(a) != content_hash(b)


def test_stored_text_is_exactly_as_read_so_offsets_hold(tmp_path):
    content = "Title\r\n\r\nThe minister said \u201cno\u201d.  \r\n"
    path = write(tmp_path, "crlf.txt", content)
    article = only(list(read_articles([path], date="2023")))
    assert article.text == content
    assert article.id == content_hash("Title\n\nThe minister said \u201cno\u201d.")


def test_named_path_object_and_string_are_the_same(tmp_path):
    path = write(tmp_path, "a.txt", SEED)
    assert only(list(read_articles(Path(path)))).url == only(list(read_articles(str(path)))).url
