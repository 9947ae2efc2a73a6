"""Forecasts in the ledger: listing with status as of a date, resolving, track records.

A forecast's *status* is computed when it is read, on the as-of day (today by default), with the
horizon ``stale_after`` days (:data:`DEFAULT_STALE_AFTER_DAYS`):

- ``resolved``: it has a resolution;
- ``open``: its deadline (the window's latest day) is the as-of day or later;
- ``due``: the deadline has passed, by at most ``stale_after`` days: time to settle it;
- ``overdue``: the deadline passed more than ``stale_after`` days ago and nobody settled it;
- ``no-deadline``: the source set no deadline. Its *horizon* is the article's date plus
  ``stale_after`` days; past it the forecast is ``stale`` (listed apart, counted apart), so an
  open-ended forecast no longer looks open forever. An ``overdue`` forecast is stale too.

Resolutions are kept by the forecast's stable key (article id + span), never deleted: resolving
again adds a row and the newest row is the current outcome; the rest is the history. The outcome
says whether the **predicted event happened** (``forecasts.event``, the event in positive form).

The track record scores resolved forecasts: a forecast is *right* to the degree the event
happened (:data:`OUTCOME_SCORE`) when it is positive, and to the degree it did not when it is
negative ("Russia will not attack" is right when no attack came); ``unclear`` is not scored.
Hit rate = mean rightness. Brier score = mean of (p - right)², with p the stated probability of
its hedging level (:data:`HEDGING_PROBABILITY`); equivalently (p_event - happened)² with
p_event = p for a positive forecast and 1 - p for a negative one.
"""
from __future__ import annotations

import calendar
import re
import sqlite3
from datetime import date, timedelta

from sayso.ledger.queries import date_low, name_filter, resolve_article
from sayso.ledger.schema import LedgerError
from sayso.ledger.sql import Where
from sayso.ledger.store import add_resolution

HEDGING_PROBABILITY = {"certain": 0.9, "likely": 0.7, "possible": 0.4}
"""Stated probability of each hedging level (will -> certain, expected to -> likely, may -> possible)."""
OUTCOME_SCORE = {"true": 1.0, "partly": 0.5, "false": 0.0}
"""What happened, as a number, for the hit rate and the Brier score."""
OUTCOMES = (*OUTCOME_SCORE, "unclear")
STATUSES = ("open", "due", "overdue", "no-deadline", "resolved")
DEFAULT_STALE_AFTER_DAYS = 365
"""The horizon: a deadline passed longer ago than this is overdue; a forecast with no deadline
made longer ago than this is stale."""
PUBLICATION = "(the publication)"
"""Predictor label of a forecast the article makes itself (no speaker)."""
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)

_LATEST_OUTCOME = """(SELECT {col} FROM resolutions r WHERE r.forecast_key = f.forecast_key
                      ORDER BY r.id DESC LIMIT 1)"""

_FORECAST_SELECT = f"""SELECT f.id, f.forecast_key, f.article_id, a.title, a.published, a.url, a.source,
    f.predictor_entity_id, e.name AS entity_name, c.speaker_text, f.claim_id,
    f.span_start, f.span_end, f.text, f.event, f.polarity, f.cue_text, f.hedging, f.earliest, f.latest,
    f.condition_text, f.status AS status_on_publication, f.extractor,
    t.text AS time_text, t.value AS time_value,
    {_LATEST_OUTCOME.format(col="outcome")} AS outcome,
    {_LATEST_OUTCOME.format(col="evidence")} AS evidence
  FROM forecasts f JOIN articles a ON a.id = f.article_id
  LEFT JOIN entities e ON e.id = f.predictor_entity_id
  LEFT JOIN claims c ON c.id = f.claim_id
  LEFT JOIN time_exprs t ON t.id = f.time_expr_id"""

_FORECAST_ORDER = " ORDER BY f.latest IS NULL, f.latest, a.published, f.article_id, f.span_start, f.id"


def status(row: dict, as_of: str, stale_after: int = DEFAULT_STALE_AFTER_DAYS) -> str:
    """resolved / open / due / overdue / no-deadline for one forecast row on the day ``as_of`` (YYYY-MM-DD)."""
    if row["outcome"]:
        return "resolved"
    if not row["latest"]:
        return "no-deadline"
    if row["latest"] >= as_of:
        return "open"
    return "due" if _days(row["latest"], as_of) <= stale_after else "overdue"


def horizon(row: dict, stale_after: int = DEFAULT_STALE_AFTER_DAYS) -> str | None:
    """The day a forecast goes stale: its deadline plus ``stale_after`` days, or with no deadline its
    article's date plus ``stale_after`` days (None for an undated article without a deadline)."""
    start = row["latest"] or (first_day(row["published"]) if row.get("published") else None)
    if not start:
        return None
    return (date.fromisoformat(start[:10]) + timedelta(days=stale_after)).isoformat()


def _days(earlier: str, later: str) -> int:
    return (date.fromisoformat(later[:10]) - date.fromisoformat(earlier[:10])).days


def correct(row: dict) -> float | None:
    """How right a resolved forecast was (1, 0.5, 0): the outcome, turned round for a negative one."""
    score = OUTCOME_SCORE.get(row.get("outcome") or "")
    if score is None:
        return None
    return 1.0 - score if row.get("polarity") == "negative" else score


def predictor(row) -> str:
    """Who made the forecast: the canonical speaker, the speaker's words, or the publication."""
    if row["entity_name"]:
        return row["entity_name"]
    if row["claim_id"] is not None and row["speaker_text"]:
        return row["speaker_text"]
    return row["source"] or PUBLICATION


def _forecast_dict(row: sqlite3.Row, as_of: str, stale_after: int = DEFAULT_STALE_AFTER_DAYS) -> dict:
    out = {key: row[key] for key in row.keys() if key not in ("entity_name", "speaker_text")}
    out["event"] = out["event"] or out["text"]
    out["predictor"] = predictor(row)
    out["status"] = status(out, as_of, stale_after)
    out["horizon"] = horizon(out, stale_after)
    out["stale"] = out["status"] == "overdue" or (
        out["status"] == "no-deadline" and out["horizon"] is not None and out["horizon"] < as_of)
    out["correct"] = correct(out)
    return out


def as_of_day(as_of: str | None) -> str:
    """The as-of day (YYYY-MM-DD): a month or year stands for its last day; None means today."""
    if not as_of:
        return date.today().isoformat()
    year, month, day = _date_parts(as_of)
    month = month or 12
    return date(year, month, day or calendar.monthrange(year, month)[1]).isoformat()


def first_day(value: str) -> str:
    """The first day of a YYYY, YYYY-MM or YYYY-MM-DD date (YYYY-MM-DD)."""
    year, month, day = _date_parts(value)
    return date(year, month or 1, day or 1).isoformat()


def _date_parts(value: str) -> tuple[int, int | None, int | None]:
    parts = date_low(value).split("-")  # LedgerError for what is not a date
    year, month, day = (int(p) or None for p in parts)
    try:
        date(year, month or 1, day or 1)
    except (TypeError, ValueError) as exc:
        raise LedgerError(f"not a date: {value!r} ({exc})") from None
    return year, month, day


_UNRESOLVED = "NOT EXISTS (SELECT 1 FROM resolutions r WHERE r.forecast_key = f.forecast_key)"
_STATUS_SQL = {  # status -> (condition, the names of its parameters in order)
    "resolved": ("EXISTS (SELECT 1 FROM resolutions r WHERE r.forecast_key = f.forecast_key)", ()),
    "no-deadline": (f"{_UNRESOLVED} AND COALESCE(f.latest, '') = ''", ()),
    "open": (f"{_UNRESOLVED} AND f.latest <> '' AND f.latest >= ?", ("day",)),
    # a deadline's first 10 characters are >= the 10-character cutoff exactly when the deadline is:
    # compared whole, the deadline index serves both bounds
    "due": (f"{_UNRESOLVED} AND f.latest <> '' AND f.latest < ? AND f.latest >= ?", ("day", "cutoff")),
    "overdue": (f"{_UNRESOLVED} AND f.latest <> '' AND f.latest < ? AND f.latest < ?", ("day", "cutoff")),
}
""":func:`status` in SQL (``cutoff``: the as-of day less the horizon), so that a page of due
forecasts reads only that page from the deadline index: on a ledger of 83,000 forecasts the first
50 due ones took 0.9 s filtered in Python, 2 ms so (bench/query_latency.py)."""


def forecasts(conn: sqlite3.Connection, speaker: str | None = None, due_before: str | None = None,
              status_is: str | None = None, as_of: str | None = None, article: str | None = None,
              stale_after: int | None = None, stale: bool | None = None, limit: int | None = None,
              offset: int = 0) -> list[dict]:
    """Forecasts matching every filter, soonest deadline first, each with its status on ``as_of``
    (horizon ``stale_after`` days); ``stale=True`` keeps only the stale ones; ``limit`` and
    ``offset`` give one page of them."""
    if status_is is not None and status_is not in STATUSES:
        raise LedgerError(f"unknown status {status_is!r} (choose from {', '.join(STATUSES)})")
    days = DEFAULT_STALE_AFTER_DAYS if stale_after is None else stale_after
    if days < 0:
        raise LedgerError(f"stale-after must be 0 days or more, not {days}")
    day = as_of_day(as_of)
    where = Where()
    if speaker:
        name_filter(where, speaker, "f.predictor_entity_id", "c.speaker_text", conn, "c.id")
    if due_before:
        # deadline before the period starts
        where.add("f.latest IS NOT NULL AND f.latest < ?", first_day(due_before))
    if article:
        where.prefix("f.article_id", article)
    if status_is is not None:
        values = {"day": day, "cutoff": (date.fromisoformat(day) - timedelta(days=days)).isoformat()}
        clause, names = _STATUS_SQL[status_is]
        where.add(clause, *(values[name] for name in names))
    sql, params = _FORECAST_SELECT + where.sql() + _FORECAST_ORDER, list(where.params)
    if stale is None and limit is not None:
        sql, params = sql + " LIMIT ? OFFSET ?", [*params, int(limit), int(offset or 0)]
    rows = [_forecast_dict(r, day, days) for r in conn.execute(sql, params)]
    found = [r for r in rows if (status_is is None or r["status"] == status_is)
             and (stale is None or r["stale"] == stale)]
    if stale is not None and limit is not None:
        return found[offset:offset + limit]
    return found


def status_counts(rows: list[dict]) -> dict[str, int]:
    """How many forecasts of ``rows`` have each status, and how many are stale."""
    counts = {name: 0 for name in STATUSES}
    for row in rows:
        counts[row["status"]] += 1
    counts["stale"] = sum(bool(row["stale"]) for row in rows)
    return counts


def resolve(conn: sqlite3.Connection, forecast_id: int, outcome: str, evidence: str,
            note: str | None, who: str) -> dict:
    """Record an outcome for forecast ``forecast_id`` with its evidence; nothing is written on error."""
    if outcome not in OUTCOMES:
        raise LedgerError(f"unknown outcome {outcome!r} (choose from {', '.join(OUTCOMES)})")
    row = conn.execute("SELECT forecast_key FROM forecasts WHERE id = ?", (forecast_id,)).fetchone()
    if row is None:
        raise LedgerError(f"no forecast with id {forecast_id} (see `sayso forecasts`)")
    evidence = _evidence(conn, evidence)
    resolution_id = add_resolution(conn, row[0], outcome, evidence, note, who)
    return {"id": resolution_id, "forecast_id": forecast_id, "outcome": outcome, "evidence": evidence,
            "history": resolutions(conn, forecast_id)}


def _evidence(conn: sqlite3.Connection, evidence: str) -> str:
    """A URL as given, or the full id of an article in the ledger; LedgerError otherwise."""
    evidence = (evidence or "").strip()
    if _URL.match(evidence):
        return evidence
    article_id = resolve_article(conn, evidence) if evidence else None
    if article_id is None:
        raise LedgerError(f"evidence {evidence!r} is neither an http(s) URL nor an article in the ledger")
    return f"article:{article_id}"


def resolutions(conn: sqlite3.Connection, forecast_id: int) -> list[dict]:
    """Every resolution of a forecast, oldest first (the last one is current)."""
    rows = conn.execute(
        """SELECT r.id, r.outcome, r.evidence, r.note, r.resolved_by, r.resolved_at FROM resolutions r
            JOIN forecasts f ON f.forecast_key = r.forecast_key WHERE f.id = ? ORDER BY r.id""",
        (forecast_id,),
    )
    return [dict(r) for r in rows]


def track_record(conn: sqlite3.Connection, speaker: str | None = None, as_of: str | None = None,
                 stale_after: int | None = None) -> list[dict]:
    """Per predictor: forecasts made, how many are open, due, overdue, without deadline, resolved,
    scored, the hit rate and the Brier score (most forecasts first; see the module doc)."""
    groups: dict[object, list[dict]] = {}
    for row in forecasts(conn, speaker=speaker, as_of=as_of, stale_after=stale_after):
        groups.setdefault(row["predictor_entity_id"] or row["predictor"], []).append(row)
    records = [_record(rows) for rows in groups.values()]
    return sorted(records, key=lambda r: (-r["forecasts"], -r["resolved"], r["predictor"]))


def _record(rows: list[dict]) -> dict:
    scored = [r for r in rows if r["correct"] is not None]
    hits = [r["correct"] for r in scored]
    brier = [(HEDGING_PROBABILITY[r["hedging"]] - r["correct"]) ** 2 for r in scored]
    counts = status_counts(rows)
    return {
        "predictor": rows[0]["predictor"], "predictor_id": rows[0]["predictor_entity_id"],
        "forecasts": len(rows), **{key.replace("-", "_"): n for key, n in counts.items()},
        "negative": sum(r["polarity"] == "negative" for r in rows), "scored": len(scored),
        "hit_rate": round(sum(hits) / len(hits), 3) if hits else None,
        "brier": round(sum(brier) / len(brier), 3) if brier else None,
    }


def forecasts_by_id(conn: sqlite3.Connection, ids: list[int], as_of: str | None = None) -> list[dict]:
    """The forecast dicts of these ids (as :func:`forecasts` gives them), in the order given."""
    if not ids:
        return []
    day = as_of_day(as_of)
    rows = conn.execute(_FORECAST_SELECT + f" WHERE f.id IN ({', '.join('?' * len(ids))})", list(ids))
    found = {row["id"]: _forecast_dict(row, day) for row in rows}
    return [found[i] for i in ids if i in found]


def record_of(rows: list[dict]) -> dict:
    """The track record of one predictor's forecast rows, scored as :func:`track_record` scores them."""
    return _record(rows)
