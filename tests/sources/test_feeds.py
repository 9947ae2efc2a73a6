"""RSS and Atom feeds: one article per entry, full content else summary, with link, date and author."""
from __future__ import annotations

import pytest

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources import read_articles
from .sources_util import ATOM, LONG_PARAGRAPH, RSS, SECOND_PARAGRAPH, only, write

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
