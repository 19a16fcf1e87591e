"""The Pinjaman search's own trigram index, as the Anggota list has one (issue 19).

SQLite: ``member_search_loans`` is an FTS5 table with the trigram tokenizer holding, for each loan
(keyed by the loan's rowid), one line: the loan number in lower case, a space, and the borrower's
``search_text``. A searched word holds no space, so it is in that line exactly when it is in the
number or in the borrower's text: the list's own rule. Four triggers keep it in step: a loan added,
renumbered or moved to another member, a loan deleted, a member's ``search_text`` changed. It is
named under ``member_search`` because it is that index's borrower side, and the tools that skip
member search's FTS tables (Alembic's comparison with the models) skip it with them.
``services/loans/search.py`` uses it only when the table and all four triggers are there.

PostgreSQL: ``pg_trgm`` GIN indexes on ``members.search_text`` and on ``lower(loans.number)``, so the
LIKE both lists always ran is answered from an index. The extension is created when the role may
(it is a trusted extension from PostgreSQL 13: the database owner may); when it cannot be, there are
no such indexes and the searches scan, correct but slower, as before.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06
"""

import sqlite3

from alembic import op
from sqlalchemy import exc, text

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

_LINE = "lower({loan}.number) || ' ' || m.search_text"
_ADD = (
    "INSERT INTO member_search_loans(rowid, search_text) SELECT {loan}.rowid, " + _LINE.format(loan="{loan}")
    + " FROM members m WHERE m.id = {loan}.member_id;"
)
TRIGGERS = {
    "loans_search_ai": "AFTER INSERT ON loans BEGIN " + _ADD.format(loan="new") + " END",
    "loans_search_ad": "AFTER DELETE ON loans BEGIN DELETE FROM member_search_loans WHERE rowid = old.rowid; END",
    "loans_search_au": "AFTER UPDATE OF number, member_id ON loans BEGIN"
    " DELETE FROM member_search_loans WHERE rowid = old.rowid; " + _ADD.format(loan="new") + " END",
    "members_loans_search_au": "AFTER UPDATE OF search_text ON members BEGIN"
    " UPDATE member_search_loans SET search_text ="
    " (SELECT lower(l.number) FROM loans l WHERE l.rowid = member_search_loans.rowid) || ' ' || new.search_text"
    " WHERE rowid IN (SELECT l.rowid FROM loans l WHERE l.member_id = new.id); END",
}
POSTGRES_INDEXES = {
    "ix_members_search_trgm": "members USING gin (search_text {ops})",
    "ix_loans_number_trgm": "loans USING gin (lower(number) {ops})",
}


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = _pg_trgm_schema()
        if schema is not None:
            ops = f'"{schema}".gin_trgm_ops'
            for name, target in POSTGRES_INDEXES.items():
                op.execute(f"CREATE INDEX {name} ON {target.format(ops=ops)}")
        return
    if bind.dialect.name != "sqlite" or not _trigram_available():
        return
    op.execute("CREATE VIRTUAL TABLE member_search_loans USING fts5(search_text, tokenize='trigram')")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(
        "INSERT INTO member_search_loans(rowid, search_text) SELECT l.rowid, " + _LINE.format(loan="l")
        + " FROM loans l JOIN members m ON m.id = l.member_id"
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for name in POSTGRES_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS member_search_loans")


def _pg_trgm_schema() -> str | None:
    """The schema holding pg_trgm, created here if the role may; None when it cannot be had."""
    bind = op.get_bind()
    found = text("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'")
    schema = bind.execute(found).scalar()
    if schema is not None:
        return schema
    savepoint = bind.begin_nested()  # a refusal must not abort the whole upgrade's transaction
    try:
        bind.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except exc.DBAPIError:  # not installed on the server, or not allowed for this role
        savepoint.rollback()
        return None
    savepoint.commit()
    return bind.execute(found).scalar()


def _trigram_available() -> bool:
    if sqlite3.sqlite_version_info < (3, 34, 0):
        return False
    try:
        op.execute("CREATE VIRTUAL TABLE temp.loan_search_probe USING fts5(x, tokenize='trigram')")
    except exc.OperationalError:  # no FTS5 in this SQLite build
        return False
    op.execute("DROP TABLE temp.loan_search_probe")
    return True
