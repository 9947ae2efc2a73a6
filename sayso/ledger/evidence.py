"""The SQL side of ``sayso evidence``: a forecast, the places it names, and the events and claims of
later articles that may bear on it; :func:`sayso.link.evidence.rank_evidence` ranks them.

Candidates are pre-selected here (events of the kinds the forecast names, their families and the
kinds that answer them; claims whose content has one of those words, through the full-text index),
so the ranking never reads the whole ledger.
"""
from __future__ import annotations

import sqlite3

from sayso.ledger.events import later_events
from sayso.ledger.forecasts import forecasts_by_id
from sayso.ledger.places import article_places
from sayso.ledger.queries import DATE_HIGH_PAD, ISO_DAY_LENGTH, _CLAIM_SELECT, claim_dict
from sayso.ledger.schema import LedgerError
from sayso.ledger.sql import fts
from sayso.link.evidence import expectation, rank_evidence

MAX_CLAIMS = 2000
"""At most this many candidate claims are read (the newest matching ones win beyond it)."""


def forecast(conn: sqlite3.Connection, forecast_id: int) -> dict:
    """One forecast as ``sayso forecasts`` lists it; LedgerError when there is none with that id."""
    found = next(iter(forecasts_by_id(conn, [forecast_id])), None)  # one row, not the whole board
    if found is None:
        raise LedgerError(f"no forecast with id {forecast_id} (see `sayso forecasts`)")
    return found


def _in(items: list[dict], start: int, end: int) -> list[dict]:
    return [p for p in items if start <= p["start"] and p["end"] <= end]


def later_claims(conn: sqlite3.Connection, after: str | None, article_id: str, words: tuple[str, ...]) -> list[dict]:
    """Claims of other articles published on or after ``after`` whose content has one of ``words``
    (stemmed by the index: "seize" finds "seized"), each with the places its content names."""
    if not words:
        return []
    match = fts(conn).any_word(words)
    sql = _CLAIM_SELECT + f""" WHERE c.article_id != ? AND {fts(conn).claims_matching("c.id")}
        AND c.id NOT IN (SELECT claim_id FROM forecasts WHERE claim_id IS NOT NULL)"""
    params: list = [article_id, match]
    if after:
        sql += f" AND substr(COALESCE(a.published, '') || '{DATE_HIGH_PAD}', 1, {ISO_DAY_LENGTH}) >= ?"
        params.append(after)
    sql += " ORDER BY a.published DESC NULLS LAST, c.id LIMIT ?"
    params.append(MAX_CLAIMS)
    out, places_of = [], {}
    for row in conn.execute(sql, params).fetchall():
        claim = claim_dict(row)
        if claim["article_id"] not in places_of:
            places_of[claim["article_id"]] = article_places(conn, claim["article_id"])
        claim["places"] = _in(places_of[claim["article_id"]], claim["content_start"], claim["content_end"])
        claim["record"] = "claim"
        out.append(claim)
    return out


def evidence(conn: sqlite3.Connection, forecast_id: int, limit: int | None = None) -> list[dict]:
    """The ranked evidence for one forecast (see :mod:`sayso.link.evidence`)."""
    found = forecast(conn, forecast_id)
    places = _in(article_places(conn, found["article_id"]), found["span_start"], found["span_end"])
    exp = expectation(found, places)
    after = exp.published
    events = [{**e, "record": "event"} for e in later_events(conn, after or "0000", found["article_id"],
                                                               exp.evidence_kinds)]
    claims = later_claims(conn, after, found["article_id"], exp.fts_words)
    ranked = rank_evidence(found, events + claims, places)
    return ranked[:limit] if limit is not None else ranked
