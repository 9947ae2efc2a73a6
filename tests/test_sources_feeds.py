"""RSS and Atom feeds: one article per entry, full content else summary, with link, date and author."""
from __future__ import annotations

import pytest

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources import read_articles
from sources_util import only, write

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


def test_rss_entries(tmp_path):
    path = write(tmp_path, "news.rss", RSS)
    p = str(path)
    items = list(read_articles([path]))
    assert len(items) == 4
    first = items[0]
    assert first.text == f"{LONG_PARAGRAPH}\n{SECOND_PARAGRAPH}"  # full content, not the teaser; no script
    assert (first.title, first.url, first.published) == (
        "Minister warns of new offensive", "https://news.example.com/2016/09/minister-warns", "2016-09-12")
    assert (first.author, first.speaker, first.source) == ("Jane Roe", "Jane Roe", "Example News & Views")
    assert items[1].text == "Officials said the talks would resume next week."  # summary, HTML as text
    assert (items[2].published, items[2].warnings) == (None, (
        f"{p}: entry 3: unrecognised date 'sometime soon' (expected a calendar date with a year, such as "
        "2023-05-12 or 12 May 2023) in the entry's published date; stored undated",))
    assert items[3] == SourceError(p, "entry 4: no text (neither content nor summary)")


def test_atom_entries(tmp_path):
    path = write(tmp_path, "statements.atom", ATOM)
    first, second = read_articles([path], allow_undated=True)
    assert first == Article(LONG_PARAGRAPH, "We will not give up", "2023-05-12", "day",
                            url="https://office.example.org/statements/1", source="Statements of the Office",
                            author="Volodymyr Zelenskyy", speaker="Volodymyr Zelenskyy")
    assert (second.text, second.published) == ("Plain text content: I said it, and I meant it.", "2023-05-13")


def test_entries_without_a_date_follow_the_date_rules(tmp_path):
    feed = RSS.replace("<pubDate>Mon, 12 Sep 2016 23:30:00 -0500</pubDate>", "")
    path = write(tmp_path, "nodate.xml", feed)
    first = list(read_articles([path]))[0]
    assert first == SourceError(str(path), "entry 1: no publication date (the entry has no date, or pass --date, or --undated)")
    assert list(read_articles([path], date="2016-09"))[0].published == "2016-09"


@pytest.mark.parametrize("content, reason", [
    ("<html><body><p>Not a feed at all.</p></body></html>", "not an RSS or Atom feed"),
    ('<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>', "feed has no entries"),
    ("just some words", "not an RSS or Atom feed"),
])
def test_not_a_feed_or_empty(tmp_path, content, reason):
    path = write(tmp_path, "feed.xml", content)
    error = only(list(read_articles([path])))
    assert isinstance(error, SourceError) and error.reason.startswith(reason), error


def test_feed_never_fetches_or_opens_what_it_names(tmp_path):
    """A feed's text is parsed from bytes: an entity or link naming a file is never read."""
    secret = write(tmp_path, "secret.txt", "TOP SECRET")
    feed = RSS.replace("<!-- -->", "").replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>',
    ).replace("A short teaser about the warning.", "&x;")
    path = write(tmp_path, "entity.rss", feed)
    for item in read_articles([path], allow_undated=True):
        assert "TOP SECRET" not in (item.text if isinstance(item, Article) else item.reason)
