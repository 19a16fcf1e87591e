"""What ``koperasi doctor`` checks of the SQLite search indexes (migrations 0005, 0025 and 0030).

Each trigram index is an FTS5 table kept in step by triggers. The searches use one only when its table
and every trigger are there, so an index wholly absent (an SQLite without FTS5 when the schema was made)
only makes searching slower; half of one (a table whose triggers a table rebuild dropped) means it has
stopped following the data, and an index out of step with its rows would make the list miss or show the
wrong people. Both are reported, and the same of the members' sort keys (0030), a plain table kept by
triggers in the same way. PostgreSQL's pg_trgm indexes are PostgreSQL's own and need no check.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import bindparam, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

# Each index's FTS5 table and its triggers; the searches use one only when all of them are there.
MEMBER_INDEX = ("member_search", "members_search_ai", "members_search_ad", "members_search_au")
LOAN_INDEX = ("member_search_loans", "loans_search_ai", "loans_search_ad", "loans_search_au", "members_loans_search_au")
# Not an FTS5 table: the members' sort keys by rowid (migration 0030), which the member search orders its trigram matches by.
MEMBER_ORDER = ("member_search_order", "members_order_ai", "members_order_ad", "members_order_au")


def index_in_place(session: Session, objects: tuple[str, ...]) -> bool:
    """The SQLite index made of ``objects`` (its FTS5 table, then its triggers) is all there, so a search may use
    it; asked once per connection."""
    connection = session.connection()
    if connection.dialect.name != "sqlite" or sqlite3.sqlite_version_info < (3, 35, 0):  # trigram 3.34, MATERIALIZED 3.35
        return False
    key = f"koperasi.{objects[0]}"
    known = connection.info.get(key)
    if known is None:
        present = connection.scalar(
            text("SELECT count(*) FROM sqlite_master WHERE name IN :names").bindparams(bindparam("names", expanding=True)),
            {"names": list(objects)},
        )
        known = connection.info[key] = present == len(objects)
    return known


def search_index_problems(session: Session) -> list[str]:
    """Indonesian descriptions of what is wrong with the search indexes; empty when they are sound or absent."""
    if session.get_bind().dialect.name != "sqlite":
        return []
    present = set(session.scalars(
        text("SELECT name FROM sqlite_master WHERE name IN :names").bindparams(bindparam("names", expanding=True)),
        {"names": [*MEMBER_INDEX, *LOAN_INDEX, *MEMBER_ORDER]},
    ))
    problems = []
    for objects, label in ((MEMBER_INDEX, "anggota"), (LOAN_INDEX, "pinjaman"), (MEMBER_ORDER, "urutan anggota")):
        missing = [name for name in objects if name not in present]
        if missing and len(missing) < len(objects):
            problems.append(f"indeks pencarian {label} tidak lengkap (hilang: {', '.join(missing)})")
    if "member_search" in present:
        # rank 1: the index is compared with the members' own search_text, row by row. A command written as
        # an INSERT takes the write lock: given back at once, so the rest of the check holds none.
        try:
            session.execute(text("INSERT INTO member_search(member_search, rank) VALUES ('integrity-check', 1)"))
            mismatch = None
        except DatabaseError as error:  # FTS5 reports a mismatch as SQLITE_CORRUPT_VTAB
            mismatch = error.orig
        session.rollback()
        if mismatch is not None:
            problems.append(f"indeks pencarian anggota tidak cocok dengan data anggota ({mismatch})")
    if "member_search_loans" in present:
        problems += _out_of_step(session, "indeks pencarian pinjaman", "pinjaman", (
            "SELECT (SELECT count(*) FROM loans), (SELECT count(*) FROM member_search_loans),"
            " (SELECT count(*) FROM loans l JOIN members m ON m.id = l.member_id"
            " JOIN member_search_loans s ON s.rowid = l.rowid WHERE s.search_text = lower(l.number) || ' ' || m.search_text)"
        ))
    if "member_search_order" in present:
        problems += _out_of_step(session, "indeks pencarian urutan anggota", "anggota", (
            "SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM member_search_order),"
            " (SELECT count(*) FROM members m JOIN member_search_order o ON o.member_rowid = m.rowid"
            " WHERE o.full_name = m.full_name AND o.number = m.number AND o.join_date = m.join_date AND o.status = m.status)"
        ))
    return problems


def _out_of_step(session: Session, index: str, rows: str, counts: str) -> list[str]:
    """A table kept by triggers beside ``rows``: ``counts`` gives how many rows, how many lines the table has,
    and how many lines match their row."""
    total, lines, right = session.execute(text(counts)).one()
    problems = []
    if right < total:
        problems.append(f"{index} tidak cocok dengan {total - right} {rows}")
    if lines > total:
        problems.append(f"{index} memuat {lines - total} baris tanpa {rows}")
    return problems
