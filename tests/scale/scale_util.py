"""Inputs for the Spark tests: Reuters stories as JSONL and Parquet, the bundled examples as a WARC."""
from __future__ import annotations

import html
import json
import re
import sys
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "sayso" / "examples"
SEED_HEADER = re.compile(r"^\s*date (\d{4}(?:-\d{2}){0,2}) (.*)$")
BAD_LINES = ['{"title": "cut off", "text": "The minister said\n', '{"title": "no text here", "date": "1987-03-02"}\n']
"""Two records sayso cannot read: a line that is not JSON, an object with no text."""


def reuters(corpus: Path, limit: int) -> list[dict]:
    """The first ``limit`` Reuters-21578 stories with a body (read as bench/ingest_reuters.py does)."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from ingest_reuters import read_stories
    finally:
        sys.path.pop(0)
    return read_stories(corpus, limit)


def write_jsonl(path: Path, stories: list[dict], bad_after: int | None = None) -> Path:
    lines = [json.dumps(s) + "\n" for s in stories]
    if bad_after is not None:
        lines[bad_after:bad_after] = BAD_LINES
    path.write_text("".join(lines), encoding="utf-8")
    return path


def write_parquet(path: Path, stories: list[dict]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(stories), path, row_group_size=3)
    return path


def example_page(path: Path) -> tuple[str, str]:
    """(date, HTML page) of one bundled example: its headline and paragraphs in an <article>."""
    first, _, body = path.read_text(encoding="utf-8").partition("\n")
    date, title = SEED_HEADER.match(first).groups()
    date = (date + "-01-01")[:10]  # a page's date is a day
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in body.split("\n\n") if p.strip())
    page = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<meta property='article:published_time' content='{date}T08:00:00Z'></head>"
            f"<body><article><h1>{html.escape(title)}</h1>\n{paragraphs}</article></body></html>")
    return date, page


def write_warc(path: Path) -> Path:
    """A gzipped WARC of the bundled examples as pages, with a 404 and a request record among them."""
    out = BytesIO()
    writer = WARCWriter(out, gzip=True)
    for n, example in enumerate(sorted(EXAMPLES.glob("*.txt"))):
        date, page = example_page(example)
        body = page.encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example.org/{n}", "response", payload=BytesIO(body),
                                                      http_headers=http, warc_headers_dict={"WARC-Date": f"{date}T09:00:00Z"}))
    missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example.org/gone", "response",
                                                  payload=BytesIO(b"<html>gone</html>"), http_headers=missing))
    path.write_bytes(out.getvalue())
    return path
