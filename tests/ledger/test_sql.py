"""sayso.ledger.sql: the one transaction helper every write goes through."""
from __future__ import annotations

import sqlite3

import pytest

from sayso.ledger import LedgerError
from sayso.ledger.sql import transaction


class BusyAfterInterrupt:
    """A connection whose ROLLBACK fails, as a PostgreSQL connection does when Ctrl-C lands between
    sending a statement and waiting for it ("another command is already in progress")."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    def execute(self, sql: str, parameters=()):
        self.sent.append(sql)
        if sql == "ROLLBACK":
            raise LedgerError("the ledger refused the request (another command is already in progress)")


@pytest.mark.parametrize("raised", [KeyboardInterrupt, ValueError, LedgerError])
def test_the_first_exception_wins_over_a_failed_rollback(raised):
    conn = BusyAfterInterrupt()
    with pytest.raises(raised):
        with transaction(conn):
            raise raised("first")
    assert conn.sent == ["BEGIN IMMEDIATE", "ROLLBACK"]


def test_commit_on_success_and_rollback_on_error_on_sqlite():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    with transaction(conn):
        conn.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(KeyboardInterrupt):
        with transaction(conn):
            conn.execute("INSERT INTO t VALUES (2)")
            raise KeyboardInterrupt
    assert conn.execute("SELECT x FROM t").fetchall() == [(1,)]
    assert not conn.in_transaction
