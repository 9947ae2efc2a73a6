"""Context checks for ambiguous trigger words: keep the trigger, change its kind, or refuse it (None).

Each check is ``check(ctx, tok, kind) -> kind | None``; ``lexicon.SINGLE`` and ``lexicon.MULTI`` name
the check a word needs (``CHECKS`` maps the name to the function ``check_<name>`` of
``checks_violence`` or ``checks_civil``). The refusals (metaphors and other non-events) are listed in
docs/events.md: "the strike price", "a protest song", "he attacked the proposal", "a legal battle", "the
fight against inflation", "captured the imagination", "stocks rallied", "cardiac arrest", "released a
statement".
"""
from __future__ import annotations

from . import checks_civil, checks_violence


def _checks(module) -> dict:
    return {name[6:]: fn for name, fn in vars(module).items() if name.startswith("check_") and callable(fn)}


CHECKS = {**_checks(checks_violence), **_checks(checks_civil)}
