"""Finding input files and decoding their bytes (no newline translation, so offsets match the file)."""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from sayso.errors import SourceError

TEXT_SUFFIXES = frozenset({"", ".txt", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
EXPECTED_TYPES = "expected .txt, .jsonl, .html"
BINARY_SNIFF_BYTES = 8192
BOM = "\ufeff"
# <meta charset="x"> or <meta http-equiv=... content="text/html; charset=x"> near the top of a page.
HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
HTML_CHARSET_SNIFF_BYTES = 4096


def kind_of(path: str) -> str | None:
    """"text", "jsonl" or "html" from the file's extension (case-insensitive), else None."""
    suffix = Path(path).suffix.lower()
    for kind, suffixes in (("text", TEXT_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("html", HTML_SUFFIXES)):
        if suffix in suffixes:
            return kind
    return None


def unsupported(path: str) -> SourceError:
    """The error for a named file whose extension sayso cannot read."""
    return SourceError(path, f"unsupported file type {Path(path).suffix!r} ({EXPECTED_TYPES})")


def walk(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | SourceError]:
    """Each readable file under ``paths`` in order, as the path string to show the user.

    Directories are walked recursively and sorted; hidden files and directories (".name")
    and files of unsupported types are skipped inside them. A path named explicitly is
    always reported on, and kept exactly as given.
    """
    for given in paths:
        path = os.fspath(given)
        if os.path.isdir(path):
            yield from _walk_dir(path)
        elif os.path.isfile(path):
            yield path if kind_of(path) else unsupported(path)
        elif os.path.lexists(path):
            yield SourceError(path, "not a regular file or directory")
        else:
            yield SourceError(path, "no such file or directory")


def _walk_dir(root: str) -> Iterator[str | SourceError]:
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        files += [os.path.join(dirpath, name) for name in filenames if not name.startswith(".") and kind_of(name)]
    if not files:
        yield SourceError(root, "no .txt, .jsonl or .html files in this directory")
    yield from sorted(files, key=lambda path: Path(path).relative_to(root).parts)


def read_text(path: str) -> str:
    """The file's text, decoded from UTF-8 with a BOM stripped; raises ``SourceError`` if it is not usable text."""
    data = _read_bytes(path)
    _check_bytes(path, data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        text = _decode_declared_html(path, data)
        if text is None:
            raise _not_utf8(path, data, error) from None
    text = text.removeprefix(BOM)
    if not text.strip():
        raise SourceError(path, "empty file")
    return text


def _read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise SourceError(path, f"cannot read file ({error.strerror or error})") from None


def _check_bytes(path: str, data: bytes) -> None:
    if not data.strip():
        raise SourceError(path, "empty file")
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise SourceError(path, "binary file, not text")


def _not_utf8(path: str, data: bytes, error: UnicodeDecodeError) -> SourceError:
    offset = error.start
    line = data.count(b"\n", 0, offset) + 1
    reason = f"not UTF-8 text (invalid byte 0x{data[offset]:02x} at offset {offset})"
    return SourceError(path, reason, line)


def _decode_declared_html(path: str, data: bytes) -> str | None:
    """An HTML page that declares another charset (``<meta charset>``) is decoded with it."""
    if kind_of(path) != "html":
        return None
    match = HTML_CHARSET.search(data[:HTML_CHARSET_SNIFF_BYTES])
    if not match:
        return None
    try:
        return data.decode(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None
