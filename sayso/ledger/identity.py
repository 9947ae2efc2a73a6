"""People's identity decisions: merge two entities, split a name off one, and the speaker view.

A decision is stored by the *name keys* of the names involved (:func:`sayso.link.entities.name_key`),
never by entity ids, so it survives re-ingest and re-extraction (which delete and recreate entity
rows): whenever an article's entity is linked, :func:`decided_link` is asked first and
:func:`split_off` keeps a split name out of the entity it was split from.

- ``merge(A, B)``: A and B are one entity from now on; B's claims, mentions, roles, forecasts and
  aliases move to A, and a later article naming B links to A.
- ``split(E, NAME)``: NAME is not E; the claims and mentions of E written as NAME move to a new
  entity, and NAME is never again an alias of E.
"""
from __future__ import annotations

import sqlite3

from sayso.errors import SaysoError
from sayso.ledger.schema import now_iso
from sayso.ledger.sql import has_table, transaction
from sayso.link.entities import block_key, name_key

MERGE, SPLIT = "merge", "split"
REFERENCES = (("mentions", "entity_id"), ("claims", "speaker_entity_id"), ("entity_roles", "entity_id"),
              ("forecasts", "predictor_entity_id"))


class IdentityError(SaysoError):
    """An entity reference that names no entity, or several."""


def find_entity(conn: sqlite3.Connection, ref: str | int) -> sqlite3.Row:
    """The one entity ``ref`` names: an id, a name or an alias (folded); IdentityError otherwise."""
    text = str(ref).strip()
    if text.isdigit():
        row = conn.execute("SELECT id, name, kind FROM entities WHERE id = ?", (int(text),)).fetchone()
        if row is None:
            raise IdentityError(f"no entity with id {text}")
        return row
    key = name_key(text)
    rows = conn.execute(
        """SELECT DISTINCT e.id, e.name, e.kind FROM entities e
             LEFT JOIN entity_aliases a ON a.entity_id = e.id
            WHERE e.name_key = ? OR a.alias_key = ? OR lower(e.name) = lower(?) ORDER BY e.id""",
        (key, key, text)).fetchall()
    if not rows and key and " " not in key:  # a bare surname: the entities whose name ends in it
        rows = conn.execute("SELECT id, name, kind FROM entities WHERE name_key LIKE ? ORDER BY id",
                            (f"% {key}",)).fetchall()
    if not rows:
        raise IdentityError(f"no entity named {text!r} (see `sayso speakers`)")
    if len(rows) > 1:
        listed = ", ".join(f"{r['id']} {r['name']}" for r in rows)
        raise IdentityError(f"{text!r} names several entities ({listed}); give an id")
    return rows[0]


def decisions(conn: sqlite3.Connection) -> list[dict]:
    """Every identity decision, oldest first."""
    return [dict(r) for r in conn.execute("SELECT * FROM entity_decisions ORDER BY id")]


def _record(conn, action: str, kind: str, keep: str, other: str, other_name: str, who: str, note) -> None:
    conn.execute(
        """INSERT INTO entity_decisions (action, kind, keep_key, other_key, other_name, decided_by, decided_at, note)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        (action, kind, keep, other, other_name, who, now_iso(), note))


def merge(conn: sqlite3.Connection, keep_ref, other_ref, who: str, note: str | None = None) -> dict:
    """Merge entity ``other_ref`` into ``keep_ref`` and record the decision; returns the kept entity."""
    with transaction(conn):
        keep, other = find_entity(conn, keep_ref), find_entity(conn, other_ref)
        if keep["id"] == other["id"]:
            raise IdentityError(f"{keep['name']!r} and {other['name']!r} are already one entity")
        _record(conn, MERGE, keep["kind"], name_key(keep["name"], keep["kind"]),
                name_key(other["name"], other["kind"]), other["name"], who, note)
        move_references(conn, other["id"], keep["id"])
        conn.execute("""INSERT INTO entity_aliases (entity_id, alias, alias_key)
                        SELECT ?, alias, alias_key FROM entity_aliases WHERE entity_id = ?
                        ON CONFLICT (entity_id, alias) DO NOTHING""", (keep["id"], other["id"]))
        conn.execute("""INSERT INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, ?, ?)
                        ON CONFLICT (entity_id, alias) DO NOTHING""",
                     (keep["id"], other["name"], name_key(other["name"], other["kind"])))
        conn.execute("DELETE FROM entity_aliases WHERE entity_id = ?", (other["id"],))
        conn.execute("DELETE FROM entities WHERE id = ?", (other["id"],))
        return {"id": keep["id"], "name": keep["name"], "merged": other["name"]}


def move_references(conn: sqlite3.Connection, source: int, target: int) -> None:
    for table, column in REFERENCES:
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (target, source))


def split(conn: sqlite3.Connection, entity_ref, alias: str, who: str, note: str | None = None) -> dict:
    """Split the name ``alias`` off an entity: a new entity takes the claims and mentions written so."""
    with transaction(conn):
        entity = find_entity(conn, entity_ref)
        kind, akey = entity["kind"], name_key(alias, entity["kind"])
        if not akey or akey == name_key(entity["name"], kind):
            raise IdentityError(f"{alias!r} is the entity's own name; merge or rename instead")
        _record(conn, SPLIT, kind, name_key(entity["name"], kind), akey, alias, who, note)
        new = int(conn.execute("INSERT INTO entities (name, kind, name_key, block_key) VALUES (?, ?, ?, ?)",
                               (alias, kind, akey, block_key(alias, kind))).lastrowid)
        moved = _move_written(conn, entity["id"], new, akey, kind)
        conn.execute("DELETE FROM entity_aliases WHERE entity_id = ? AND alias_key = ?", (entity["id"], akey))
        conn.execute("INSERT INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, ?, ?)", (new, alias, akey))
        return {"id": entity["id"], "name": entity["name"], "new_id": new, "new_name": alias, "moved_claims": moved}


def _move_written(conn: sqlite3.Connection, old: int, new: int, key: str, kind: str) -> int:
    """Move the mentions and claims of ``old`` written with a name of key ``key`` to ``new``."""
    mentions = [r["id"] for r in conn.execute("SELECT id, text FROM mentions WHERE entity_id = ?", (old,))
                if name_key(r["text"], kind) == key]
    conn.executemany("UPDATE mentions SET entity_id = ? WHERE id = ?", [(new, m) for m in mentions])
    claims = [r["id"] for r in conn.execute(
        "SELECT c.id, c.speaker_text, m.entity_id FROM claims c LEFT JOIN mentions m ON m.id = c.speaker_mention_id"
        " WHERE c.speaker_entity_id = ?", (old,))
        if (r["entity_id"] == new) or name_key(r["speaker_text"] or "", kind) == key]
    conn.executemany("UPDATE claims SET speaker_entity_id = ? WHERE id = ?", [(new, c) for c in claims])
    conn.executemany("UPDATE forecasts SET predictor_entity_id = ? WHERE claim_id = ?", [(new, c) for c in claims])
    return len(claims)


# -- applied while linking (store.py) -------------------------------------------------------

def _has_decisions(conn: sqlite3.Connection) -> bool:
    """A ledger written before migration 4 has no decisions table (and so no decisions)."""
    return has_table(conn, "entity_decisions")


def any_decisions(conn: sqlite3.Connection) -> bool:
    """Whether the ledger holds any identity decision. Linking an entity asks three questions of
    them (and checked thrice that their table exists): about 0.3 ms an article on a ledger that
    has none, where every answer is "nothing"; the store asks this once per article instead."""
    return _has_decisions(conn) and conn.execute("SELECT 1 FROM entity_decisions LIMIT 1").fetchone() is not None


def decided_link(conn: sqlite3.Connection, keys: list[str], kind: str) -> int | None:
    """The entity a merge decision sends one of these name keys to (the entity holding the kept
    name, or else the merged one), or None when no decision names them."""
    if not _has_decisions(conn):
        return None
    for key in keys:
        rows = conn.execute("""SELECT keep_key, other_key FROM entity_decisions
                               WHERE action = ? AND kind = ? AND (keep_key = ? OR other_key = ?)
                               ORDER BY id DESC""", (MERGE, kind, key, key)).fetchall()
        for row in rows:
            for target in (row["keep_key"], row["other_key"]):
                found = conn.execute(
                    """SELECT e.id FROM entities e LEFT JOIN entity_aliases a ON a.entity_id = e.id
                       WHERE e.kind = ? AND (e.name_key = ? OR a.alias_key = ?) ORDER BY e.id LIMIT 1""",
                    (kind, target, target)).fetchone()
                if found:
                    return int(found[0])
    return None


def split_off(conn: sqlite3.Connection, entity_id: int, kind: str) -> set[str]:
    """Name keys a person decided are not this entity (its splits), so they never become its aliases."""
    if not _has_decisions(conn):
        return set()
    row = conn.execute("SELECT name_key FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return set()
    return {r[0] for r in conn.execute(
        "SELECT other_key FROM entity_decisions WHERE action = ? AND kind = ? AND keep_key = ?",
        (SPLIT, kind, row[0]))}


def refused(conn: sqlite3.Connection, keys: list[str], kind: str) -> set[str]:
    """Kept-name keys that a split separated from any of ``keys`` (a candidate named so is refused)."""
    out: set[str] = set()
    if not _has_decisions(conn):
        return out
    for key in keys:
        out |= {r[0] for r in conn.execute(
            "SELECT keep_key FROM entity_decisions WHERE action = ? AND kind = ? AND other_key = ?", (SPLIT, kind, key))}
    return out


# -- the speaker view -------------------------------------------------------------------------

def speaker(conn: sqlite3.Connection, ref: str) -> dict:
    """One entity with its aliases, roles with their first and last dates, articles and decisions."""
    row = find_entity(conn, ref)
    eid = row["id"]
    aliases = [r[0] for r in conn.execute("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", (eid,))
               if r[0] != row["name"]]
    roles = [dict(r) for r in conn.execute(
        """SELECT role, affiliation, MIN(published) AS first, MAX(published) AS last, COUNT(*) AS articles
             FROM entity_roles WHERE entity_id = ? GROUP BY role, affiliation
            ORDER BY MIN(published) IS NULL, MIN(published)""", (eid,))]
    articles = [dict(r) for r in conn.execute(
        """SELECT a.id, a.title, a.published, a.url,
                  (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id AND c.speaker_entity_id = ?) AS claims
             FROM articles a
            WHERE a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?
                           UNION SELECT article_id FROM claims WHERE speaker_entity_id = ?)
            ORDER BY a.published IS NULL, a.published, a.id""", (eid, eid, eid))]
    keys = {name_key(row["name"], row["kind"])} | {name_key(a, row["kind"]) for a in aliases}
    decided = [d for d in decisions(conn) if d["keep_key"] in keys or d["other_key"] in keys]
    return {"id": eid, "name": row["name"], "kind": row["kind"], "aliases": aliases, "roles": roles,
            "articles": articles, "claims": sum(a["claims"] for a in articles), "decisions": decided}
