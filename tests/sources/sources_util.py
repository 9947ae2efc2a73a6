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


# --- feeds of real shape (RSS 2.0 with content:encoded, Atom with html content) ---------------------

LONG_PARAGRAPH = ("The defence minister said on Monday that the army was preparing for a new offensive in the east, "
                  "according to officials at a press conference.")
SECOND_PARAGRAPH = ('"We expect them to try something around the anniversary," the minister told reporters, '
                    "adding that more assistance was needed from allies.")

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example News &amp; Views</title>
  <link>https://news.example.com/</link>
  <description>World news</description>
  <item>
    <title>Minister warns of new offensive</title>
    <link>https://news.example.com/2016/09/minister-warns</link>
    <pubDate>Mon, 12 Sep 2016 23:30:00 -0500</pubDate>
    <dc:creator>Jane Roe</dc:creator>
    <description>A short teaser about the warning.</description>
    <content:encoded><![CDATA[<p>{LONG_PARAGRAPH}</p><p>{SECOND_PARAGRAPH}</p><script>alert(1)</script>]]></content:encoded>
  </item>
  <item>
    <title>Summary only</title>
    <link>https://news.example.com/2016/09/summary-only</link>
    <pubDate>Tue, 13 Sep 2016 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;Officials said the talks would resume &lt;b&gt;next week&lt;/b&gt;.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Odd date</title>
    <link>https://news.example.com/odd</link>
    <pubDate>sometime soon</pubDate>
    <description>Text of an entry whose date cannot be read.</description>
  </item>
  <item>
    <title>Nothing to read</title>
    <link>https://news.example.com/empty</link>
    <pubDate>Tue, 13 Sep 2016 08:00:00 GMT</pubDate>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Statements of the Office</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2023-05-12T18:19:00Z</updated>
  <entry>
    <title type="html">We will &lt;em&gt;not&lt;/em&gt; give up</title>
    <link rel="alternate" href="https://office.example.org/statements/1"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2023-05-12T18:19:00+03:00</published>
    <updated>2023-05-14T09:00:00Z</updated>
    <author><name>Volodymyr Zelenskyy</name></author>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;{LONG_PARAGRAPH}&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Updated only</title>
    <link href="https://office.example.org/statements/2"/>
    <id>urn:uuid:2</id>
    <updated>2023-05-13T10:00:00Z</updated>
    <content type="text">Plain text content: I said it, and I meant it.</content>
  </entry>
</feed>
"""
