"""Standard input (``-``): JSON Lines when the first non-blank character is ``{``, else text.

Text is read like a ``.txt`` file (seed format or plain text) and bounded by MAX_DOCUMENT_BYTES;
JSON Lines are streamed line by line. Articles are named ``<stdin>`` (``<stdin>:3`` for line 3).
"""
from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from typing import BinaryIO

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options
from sayso.sources.files import BOM, decode_text, read_bounded
from sayso.sources.jsonl import read_jsonl_stream
from sayso.sources.text import text_article

STDIN = "-"
SHOWN = "<stdin>"
SNIFF_BYTES = 8192


def read_stdin(options: Options) -> Iterator[Article | SourceError]:
    """The article(s) on standard input (``options.stdin``, else ``sys.stdin.buffer``)."""
    stream = _peekable(options.stdin if options.stdin is not None else sys.stdin.buffer)
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES].lstrip(BOM.encode("utf-8")).lstrip()
    if head.startswith(b"{"):
        yield from read_jsonl_stream(stream, SHOWN, options)
        return
    try:
        text = decode_text(SHOWN, read_bounded(stream, SHOWN))
    except SourceError as error:
        yield error
        return
    yield text_article(SHOWN, text, options)


def _peekable(stream: BinaryIO) -> io.BufferedReader:
    if hasattr(stream, "peek"):
        return stream  # type: ignore[return-value]
    if isinstance(stream, io.RawIOBase):
        return io.BufferedReader(stream)
    return io.BufferedReader(_Raw(stream))  # BytesIO and other plain streams


class _Raw(io.RawIOBase):
    """A minimal raw stream over any object with ``read``."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
