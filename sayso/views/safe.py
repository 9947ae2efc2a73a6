"""The one place untrusted text (every article, title, name, file name) becomes output.

- **Terminal**: control characters are shown, never sent. ESC (clear screen, cursor moves,
  window titles, OSC 8 links), the other C0/C1 controls, DEL and the bidirectional overrides
  (which reorder what a reader sees) become visible escapes such as ``\\x1b``; line breaks and
  tabs stay. The result is a ``rich.text.Text``, never parsed as Rich markup, so ``[link=…]``
  or ``[/bold]`` in an article is printed as written.
- **CSV**: a cell that a spreadsheet would run as a formula (it starts with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return) is written with a leading ``'``, as OWASP's
  "CSV injection" guidance recommends; numbers stay numbers.

>>> plain("a\\x1b]0;pwned\\x07b")
'a\\\\x1b]0;pwned\\\\x07b'
>>> csv_cell("=HYPERLINK(1)"), csv_cell(-3), csv_cell("-3")
("'=HYPERLINK(1)", -3, '-3')
"""
from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Characters never sent to a terminal: C0 (but tab and line feed), DEL, C1, bidi controls, lone surrogates."""
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)*|\.\d+)([eE][+-]?\d+)?%?$")


def _escape(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def plain(text) -> str:
    """``text`` (any value) as a string safe to print: control characters shown as escapes."""
    return _CONTROL.sub(_escape, "" if text is None else str(text))


def text(value, style: str | None = None) -> Text:
    """A Rich Text of untrusted ``value``: controls escaped, never read as markup."""
    return Text(plain(value), style=style or "")


def csv_cell(value):
    """A CSV cell that no spreadsheet runs as a formula (OWASP); numbers and plain text unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value
