"""Plain text files, and the seed format: a first line starting `` date YYYY-MM-DD``."""
from __future__ import annotations

import re
from collections.abc import Iterator

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options, Where, make_article, resolve_date
from sayso.sources.dates import parse_date
from sayso.sources.files import Found, read_text

# " date 2023-02-02 Title…": optional spaces/tabs, "date", the date token, then whitespace.
# The token only has to start with four digits so that "date 2023-02-30" is reported, not read as text.
SEED_HEADER = re.compile(r"[ \t]*date[ \t]+(\d{4}\S*)(?:\s+|\Z)")
TEXT_DATE_HINT = "add a ` date YYYY-MM-DD` first line"


def read_text_file(found: Found, options: Options) -> Iterator[Article | SourceError]:
    """One article from a ``.txt`` file (see ``text_article``)."""
    try:
        text = read_text(found)
    except SourceError as error:
        yield error
        return
    yield text_article(found.shown, text, options)


def text_article(shown: str, text: str, options: Options) -> Article | SourceError:
    """The seed format when the text has the date header, else plain text.

    Seed: ``Article.text`` is everything after the header (its first line is the title or lead).
    Plain: ``Article.text`` is the text unchanged, dated by ``options.date``.
    The seed header is a date the user typed: it must be strict and real (a bad one is an error,
    not a warning, unlike dates found in metadata).
    """
    header = SEED_HEADER.match(text)
    if header:
        return _seed_article(shown, text, header, options)
    return make_article(Where(shown), text, resolve_date(None, options, Where(shown), TEXT_DATE_HINT), options, url=shown)


def _seed_article(shown: str, text: str, header: re.Match[str], options: Options) -> Article | SourceError:
    try:
        dated = parse_date(header.group(1))
    except ValueError as error:
        return SourceError(shown, str(error), 1)
    body = text[header.end():]
    if not body.strip():
        return SourceError(shown, "no article text after the date header", 1)
    return make_article(Where(shown), body, dated, options, url=shown)
