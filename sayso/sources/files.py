"""Finding input files, opening them safely, and decoding their bytes.

Safe walking: only regular files are ever opened (``os.stat`` + ``S_ISREG`` before, ``fstat`` after
opening), so a FIFO named ``x.txt`` cannot hang a run and a link to ``/dev/zero`` is refused unread;
sizes are checked before reading and reads are bounded; an unreadable folder is reported, not skipped.
Text is decoded without newline translation, so offsets match the file.
"""
from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sayso.errors import SourceError

# One document (a .txt or .html file, a feed, a WARC record, a fetched page, one JSONL line or
# CSV field) larger than this is refused. The largest article in the bundled collections is
# 176 KB; issue 12 asks for 2M-character articles (2-8 MB in UTF-8): 10 MiB leaves room for both.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# A feed file holds many entries, each bounded by MAX_DOCUMENT_BYTES once parsed.
MAX_FEED_BYTES = 5 * MAX_DOCUMENT_BYTES
KINDS: dict[str, frozenset[str]] = {
    "text": frozenset({"", ".txt", ".text"}),
    "jsonl": frozenset({".jsonl", ".ndjson"}),
    "html": frozenset({".html", ".htm"}),
    "csv": frozenset({".csv"}),
    "tsv": frozenset({".tsv", ".tab"}),
    "feed": frozenset({".rss", ".atom", ".xml"}),
    "warc": frozenset({".warc", ".warc.gz", ".arc", ".arc.gz"}),
    "urls": frozenset({".urls"}),
    "parquet": frozenset({".parquet"}),
}
EXPECTED_TYPES = "expected .txt, .jsonl, .html, .csv, .tsv, .rss, .atom, .xml, .warc, .warc.gz, .urls, .parquet"
BINARY_SNIFF_BYTES = 8192
BOM = "\ufeff"
# Byte-order marks, longest first (a UTF-32-LE BOM starts with the UTF-16-LE one).
BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# <meta charset="x"> or <meta http-equiv=... content="text/html; charset=x"> near the top of a page.
HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
HTML_CHARSET_SNIFF_BYTES = 4096
FILE_TYPES = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
              (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


@dataclass(frozen=True)
class Found:
    """A file to read: ``path`` opens it, ``shown`` names it to the user (always printable)."""

    path: str
    shown: str
    kind: str


def shown_name(path: str | os.PathLike[str]) -> str:
    """A file name safe to print and store: undecodable bytes and control characters become escapes.

    ``b"caf\\xe9.txt"`` (Latin-1 bytes on a UTF-8 system) is shown as ``caf\\xe9.txt``; a valid
    UTF-8 name is shown as it is. Python gives such names lone surrogates (surrogateescape), which
    would crash any later encode; the shown name never has one.
    """
    text = os.fspath(path)
    try:
        shown = os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte
        shown = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
                   for ch in shown)


def kind_of(path: str) -> str | None:
    """The input kind from the file's extension (case-insensitive), else None."""
    name = Path(path).name.lower()
    suffix = Path(name).suffix
    if suffix == ".gz":
        suffix = "".join(Path(name).suffixes[-2:])
    return next((kind for kind, suffixes in KINDS.items() if suffix in suffixes), None)


def unsupported(path: str) -> SourceError:
    """The error for a named file whose extension sayso cannot read."""
    return SourceError(shown_name(path), f"unsupported file type {shown_name(Path(path).suffix)!r} ({EXPECTED_TYPES})")


def walk(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Found | SourceError]:
    """Each readable file under ``paths`` in order, or the reason an entry cannot be read.

    Directories are walked recursively and sorted; hidden files and directories (".name")
    and files of unsupported types are skipped inside them. A special file (FIFO, device,
    socket) with a readable extension, a broken link, a link to a directory (not followed)
    and an unreadable sub-folder are each reported. A path named explicitly is always reported on.
    """
    for given in paths:
        path = os.fspath(given)
        mode = _mode(path)
        if isinstance(mode, SourceError):
            yield mode
        elif stat.S_ISDIR(mode):
            yield from _walk_dir(path)
        elif not stat.S_ISREG(mode):
            yield SourceError(shown_name(path), f"not a regular file ({_type_name(mode)})")
        else:
            kind = kind_of(path)
            yield Found(path, shown_name(path), kind) if kind else unsupported(path)


def _mode(path: str) -> int | SourceError:
    try:
        return os.stat(path).st_mode
    except FileNotFoundError:
        reason = "broken symbolic link" if os.path.islink(path) else "no such file or directory"
        return SourceError(shown_name(path), reason)
    except (OSError, ValueError) as error:
        return SourceError(shown_name(path), f"cannot read ({_reason(error)})")


def _walk_dir(root: str) -> Iterator[Found | SourceError]:
    entries: list[tuple[tuple[str, ...], Found | SourceError]] = []

    def key(path: str) -> tuple[str, ...]:
        return Path(path).relative_to(root).parts

    def unreadable(error: OSError) -> None:
        name = error.filename or root
        entries.append((key(name), SourceError(shown_name(name), f"cannot read directory ({_reason(error)})")))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        for name in [n for n in dirnames if not n.startswith(".")]:
            full = os.path.join(dirpath, name)
            if os.path.islink(full):
                entries.append((key(full), SourceError(shown_name(full), "a link to a directory, not followed (name it to read it)")))
        dirnames[:] = sorted(n for n in dirnames if not n.startswith(".") and not os.path.islink(os.path.join(dirpath, n)))
        for name in filenames:
            kind = kind_of(name)
            if name.startswith(".") or not kind:
                continue
            full = os.path.join(dirpath, name)
            mode = _mode(full)
            if isinstance(mode, SourceError):
                item: Found | SourceError = mode
            elif not stat.S_ISREG(mode):
                item = SourceError(shown_name(full), f"not a regular file ({_type_name(mode)})")
            else:
                item = Found(full, shown_name(full), kind)
            entries.append((key(full), item))
    if not entries:
        yield SourceError(shown_name(root), "no readable files in this directory (" + EXPECTED_TYPES + ")")
    yield from (item for _, item in sorted(entries, key=lambda entry: entry[0]))


def _type_name(mode: int) -> str:
    return next((name for test, name in FILE_TYPES if test(mode)), "not a regular file")


def _reason(error: OSError | ValueError) -> str:
    return getattr(error, "strerror", None) or str(error)


def open_regular(found: Found) -> BinaryIO:
    """Open a regular file for binary reading; raise ``SourceError`` for anything else.

    ``O_NONBLOCK`` makes opening a FIFO return at once, and ``fstat`` on the open descriptor
    refuses it even if the file was swapped after it was walked.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(found.path, flags)
    except OSError as error:
        raise SourceError(found.shown, f"cannot read file ({_reason(error)})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise SourceError(found.shown, f"not a regular file ({_type_name(mode)})")
    return os.fdopen(fd, "rb")


def too_large(shown: str, limit: int, line: int | None = None, what: str = "document") -> SourceError:
    """The refusal of a document over the size limit."""
    size = f"{limit / 2**20:g} MiB" if limit >= 2**20 else f"{limit} bytes"
    return SourceError(shown, f"{what} too large (over {size}, the limit for one {what})", line)


def read_bounded(stream: BinaryIO, shown: str, limit: int | None = None, what: str = "document") -> bytes:
    """At most ``limit`` bytes of ``stream`` (default MAX_DOCUMENT_BYTES); raise ``SourceError`` when there are more."""
    limit = limit or MAX_DOCUMENT_BYTES
    try:
        data = stream.read(limit + 1)
    except OSError as error:
        raise SourceError(shown, f"cannot read file ({_reason(error)})") from None
    if len(data) > limit:
        raise too_large(shown, limit, what=what)
    return data


def read_file_bytes(found: Found, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (default MAX_DOCUMENT_BYTES; checked before reading)."""
    limit = limit or MAX_DOCUMENT_BYTES
    with open_regular(found) as stream:
        if os.fstat(stream.fileno()).st_size > limit:
            raise too_large(found.shown, limit, what="file")
        return read_bounded(stream, found.shown, limit, what="file")


def read_text(found: Found) -> str:
    """The file's text (see ``decode_text``); raises ``SourceError`` if it is not usable text."""
    return decode_text(found.shown, read_file_bytes(found), html=found.kind == "html")


def decode_text(shown: str, data: bytes, *, html: bool = False, declared: str | None = None) -> str:
    """Decode a document: a BOM names the encoding (UTF-8, UTF-16, UTF-32), else UTF-8.

    An HTML page may name another charset (``declared`` from an HTTP header, else ``<meta charset>``).
    NUL bytes: a NUL in the first 8 KB (no BOM) means "binary file"; a NUL character anywhere
    else in the decoded text is refused too, with its offset (stripping it would silently change
    the text and shift every offset after it).
    """
    if not data.strip():
        raise SourceError(shown, "empty file")
    encoding = bom_encoding(data)
    if encoding is None and b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise SourceError(shown, "binary file, not text")
    text = _decode(shown, data, encoding, html, declared).removeprefix(BOM)
    if not text.strip():
        raise SourceError(shown, "empty file")
    nul = text.find("\x00")
    if nul >= 0:
        raise SourceError(shown, f"binary data, not text (NUL character at offset {nul})", text.count("\n", 0, nul) + 1)
    return text


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark names, else None."""
    return next((encoding for bom, encoding in BOMS if data.startswith(bom)), None)


def _decode(shown: str, data: bytes, encoding: str | None, html: bool, declared: str | None) -> str:
    if encoding is not None and encoding != "utf-8":
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            raise SourceError(shown, f"not {encoding.upper()} text (invalid data at byte {error.start})") from None
    for charset in _html_charsets(data, declared) if html and encoding is None else ():
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _not_utf8(shown, data, error) from None


def _html_charsets(data: bytes, declared: str | None) -> list[str]:
    """Charsets a page declares (HTTP header first, then ``<meta>``), UTF-8 ones left to the default."""
    found = [declared] if declared else []
    match = HTML_CHARSET.search(data[:HTML_CHARSET_SNIFF_BYTES])
    if match:
        found.append(match.group(1).decode("ascii"))
    return [c for c in found if c.lower().replace("-", "").replace("_", "") != "utf8"]


def _not_utf8(shown: str, data: bytes, error: UnicodeDecodeError) -> SourceError:
    offset = error.start
    line = data.count(b"\n", 0, offset) + 1
    reason = f"not UTF-8 text (invalid byte 0x{data[offset]:02x} at offset {offset})"
    return SourceError(shown, reason, line)


def iter_lines(stream: BinaryIO, shown: str, limit: int | None = None) -> Iterator[tuple[int, str | SourceError]]:
    """Each line of a stream (numbered from 1, newline kept), decoded, or the reason it is unusable.

    Streamed: memory is bounded by ``limit`` per line, and a bad line (not UTF-8, NUL byte,
    too long) is one error while the lines after it are still read. A UTF-16/32 stream (BOM)
    is decoded as a whole stream; a decoding error there ends it.
    """
    limit = limit or MAX_DOCUMENT_BYTES
    head = stream.peek(BINARY_SNIFF_BYTES)[:BINARY_SNIFF_BYTES] if hasattr(stream, "peek") else b""
    encoding = bom_encoding(head)
    if encoding is None and b"\x00" in head:
        yield 1, SourceError(shown, "binary file, not text")
        return
    if encoding not in (None, "utf-8"):
        yield from _wide_lines(stream, shown, encoding, limit)
        return
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            _skip_to_newline(stream)
            yield number, too_large(shown, limit, number, what="line")
        elif (nul := raw.find(b"\x00")) >= 0:
            yield number, SourceError(shown, f"binary data, not text (NUL byte at column {nul + 1})", number)
        else:
            yield number, _decode_line(shown, raw, number)


def _decode_line(shown: str, raw: bytes, number: int) -> str | SourceError:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return SourceError(shown, f"not UTF-8 text (invalid byte 0x{raw[error.start]:02x} at column {error.start + 1})", number)
    return line.removeprefix(BOM) if number == 1 else line


def _skip_to_newline(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(1024 * 1024)
        if not chunk or chunk.endswith(b"\n"):
            return


def _wide_lines(stream: BinaryIO, shown: str, encoding: str, limit: int) -> Iterator[tuple[int, str | SourceError]]:
    import io

    text = io.TextIOWrapper(stream, encoding=encoding, newline="")  # type: ignore[arg-type]
    number = 0
    try:
        while line := text.readline(limit + 1):
            number += 1
            line = line.removeprefix(BOM) if number == 1 else line
            if len(line) > limit and not line.endswith(("\n", "\r")):
                while (rest := text.readline(1024 * 1024)) and not rest.endswith(("\n", "\r")):
                    pass
                yield number, too_large(shown, limit, number, what="line")
            elif (nul := line.find("\x00")) >= 0:
                yield number, SourceError(shown, f"binary data, not text (NUL character at column {nul + 1})", number)
            else:
                yield number, line
    except UnicodeDecodeError as error:
        yield number + 1, SourceError(shown, f"not {encoding.upper()} text ({error.reason})", number + 1)
    finally:
        text.detach()
