"""Member search: an index of the members who left, and on SQLite a trigram full-text index.

``member_search`` is an FTS5 table with the trigram tokenizer over ``members.search_text``
(external content: it stores only the index, keyed by the members' rowid), kept in step by
three triggers. ``services/members/search.py`` uses it only when the table and all three
triggers are there, and still checks every word with the LIKE it always used, so results
never depend on it. An SQLite built without FTS5 or older than 3.34 (no trigram tokenizer)
simply gets no index; PostgreSQL gets none here either.

A later migration that rebuilds ``members`` in batch mode drops these triggers with the old
table: it must create them again and run ``INSERT INTO member_search(member_search) VALUES
('rebuild')`` (the search falls back to LIKE, correct but slower, until it does).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

import sqlite3

import sqlalchemy as sa
from alembic import op
from sqlalchemy import exc

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TRIGGERS = {
    "members_search_ai": "AFTER INSERT ON members BEGIN"
    " INSERT INTO member_search(rowid, search_text) VALUES (new.rowid, new.search_text); END",
    "members_search_ad": "AFTER DELETE ON members BEGIN"
    " INSERT INTO member_search(member_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); END",
    "members_search_au": "AFTER UPDATE OF search_text ON members BEGIN"
    " INSERT INTO member_search(member_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);"
    " INSERT INTO member_search(rowid, search_text) VALUES (new.rowid, new.search_text); END",
}


def upgrade() -> None:
    op.create_index(
        "ix_members_left_search", "members", ["status", "search_text"],
        sqlite_where=sa.text("status = 'keluar'"), postgresql_where=sa.text("status = 'keluar'"),
    )
    if op.get_bind().dialect.name != "sqlite" or not _trigram_available():
        return
    op.execute(
        "CREATE VIRTUAL TABLE member_search USING fts5("
        "search_text, content='members', content_rowid='rowid', tokenize='trigram')"
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute("INSERT INTO member_search(member_search) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS member_search")
    op.drop_index("ix_members_left_search", table_name="members")


def _trigram_available() -> bool:
    if sqlite3.sqlite_version_info < (3, 34, 0):
        return False
    try:
        op.execute("CREATE VIRTUAL TABLE temp.member_search_probe USING fts5(x, tokenize='trigram')")
    except exc.OperationalError:  # no FTS5 in this SQLite build
        return False
    op.execute("DROP TABLE temp.member_search_probe")
    return True
