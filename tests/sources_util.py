"""Helpers shared by the tests of sayso.sources (pages and files of real shape, written into tmp_path)."""
from __future__ import annotations

from pathlib import Path

from sayso.errors import SourceError
from sayso.records import Article

NO_DATE = "no publication date (add a ` date YYYY-MM-DD` first line, or pass --date, or --undated)"

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Minister warns of new offensive | Example News</title>
  <meta property="og:title" content="Minister warns of new offensive">
  <meta property="og:site_name" content="Example News">
  {date_meta}
  <link rel="canonical" href="https://news.example.com/2016/09/minister-warns">
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
  <article>
    <h1>Minister warns of new offensive</h1>
    <p>The defence minister said on Monday that the army was preparing for a new offensive in the east, according to officials at a press conference.</p>
    <p>"We expect them to try something around the anniversary," the minister told reporters, adding that more assistance was needed from allies.</p>
    <p>Analysts said the warning was consistent with intelligence reports published last week, which described a build-up of troops along the border.</p>
  </article>
  <aside>Subscribe to our newsletter</aside>
  <footer>Copyright 2016 Example News. All rights reserved.</footer>
</body>
</html>
"""
PAGE_DATE_META = '<meta property="article:published_time" content="2016-09-12T10:00:00Z">'
PARAGRAPHS = [
    "The defence minister said on Monday that the army was preparing for a new offensive in the east, "
    "according to officials at a press conference.",
    '"We expect them to try something around the anniversary," the minister told reporters, '
    "adding that more assistance was needed from allies.",
]
NAV_ONLY_PAGE = """<html><head><title>Example News</title></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie">We use cookies to improve your experience.</div>
<footer>Copyright 2016 Example News. All rights reserved.</footer></body></html>"""


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def only(items: list) -> Article | SourceError:
    assert len(items) == 1, items
    return items[0]
