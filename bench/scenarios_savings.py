"""Simpanan scenarios on a demo of ``scale`` members: one deposit at the counter, and the list of members behind
on wajib (every active member read with their wajib total; what is due worked out once per month of joining)."""

from __future__ import annotations

import shutil
import sqlite3
import time
import uuid
from datetime import date

from harness import Workspace, demo_database, open_demo, scenario, timed


@scenario("savings_deposit")
def deposit(workspace: Workspace):
    """A sukarela deposit: balance read, movement, journal entry, audit event and kwitansi number, committed."""
    from sqlalchemy import select

    from koperasi.db.models import Member
    from koperasi.domain.savings.rules import SavingsKind
    from koperasi.services.savings import movements

    path = str(workspace.folder / "savings-deposit.db")
    shutil.copy(demo_database(workspace, members=workspace.scale), path)
    database, clerk = open_demo(path, "petugas")
    with database.session() as session:
        members = session.scalars(select(Member.id).where(Member.status == "aktif").order_by(Member.number).limit(40)).all()
    samples = []
    with database.session() as session:
        for member_id in members:
            start = time.perf_counter()
            movements.deposit(session, clerk, member_id, kind=SavingsKind.SUKARELA, amount=25_000, occurred_on=date.today(),
                              request_id=uuid.uuid4())
            samples.append(time.perf_counter() - start)
    database.dispose()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, note TEXT)")

    def bare_insert() -> None:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO bench_floor (note) VALUES ('x')")
        connection.execute("COMMIT")

    floor = timed(bare_insert, len(samples))
    connection.close()
    return samples, floor, "sqlite3: BEGIN IMMEDIATE + 1-row INSERT + COMMIT, WAL, synchronous=FULL"


@scenario("savings_members_behind")
def members_behind(workspace: Workspace):
    from koperasi.services.savings import queries

    database, clerk = open_demo(demo_database(workspace, members=workspace.scale), "petugas")

    def read() -> None:
        with database.session() as session:
            queries.members_behind(session, clerk, as_of=date.today())

    samples = timed(read, 5)
    connection = sqlite3.connect(demo_database(workspace, members=workspace.scale))

    def bare() -> None:
        connection.execute("SELECT m.id, m.join_date, s.paid FROM members m LEFT JOIN (SELECT member_id, sum(change) AS paid "
                           "FROM savings_movements WHERE kind = 'wajib' GROUP BY member_id) s ON s.member_id = m.id "
                           "WHERE m.status = 'aktif'").fetchall()

    floor = timed(bare, 5)
    connection.close()
    database.dispose()
    return samples, floor, "sqlite3: the members with their wajib totals, one query"
