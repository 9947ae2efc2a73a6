"""Plain text files, and the seed format: a first line starting `` date YYYY-MM-DD``."""
from __future__ import annotations

import re
from collections.abc import Iterator

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options, make_title, resolve_date
from sayso.sources.dates import parse_date

# " date 2023-02-02 Title…": optional spaces/tabs, "date", the date token, then whitespace.
# The token only has to start with four digits so that "date 2023-02-30" is reported, not read as text.
SEED_HEADER = re.compile(r"[ \t]*date[ \t]+(\d{4}\S*)(?:\s+|\Z)")
TEXT_DATE_HINT = "add a ` date YYYY-MM-DD` first line"


def read_text_article(path: str, text: str, options: Options) -> Iterator[Article | SourceError]:
    """One article from a ``.txt`` file: the seed format when it has the date header, else plain text.

    Seed: ``Article.text`` is everything after the header (its first line is the title or lead).
    Plain: ``Article.text`` is the file's text unchanged, dated by ``options.date``.
    """
    header = SEED_HEADER.match(text)
    if header:
        yield _seed_article(path, text, header)
    else:
        yield _plain_article(path, text, options)


def _seed_article(path: str, text: str, header: re.Match[str]) -> Article | SourceError:
    try:
        published, precision = parse_date(header.group(1))
    except ValueError as error:
        return SourceError(path, str(error), 1)
    body = text[header.end():]
    if not body.strip():
        return SourceError(path, "no article text after the date header", 1)
    return Article(body, make_title(body), published, precision, url=path)


def _plain_article(path: str, text: str, options: Options) -> Article | SourceError:
    dated = resolve_date(None, options, path, TEXT_DATE_HINT)
    if isinstance(dated, SourceError):
        return dated
    published, precision = dated
    return Article(text, make_title(text), published, precision, url=path)
