"""Each closed year's account balances at 31 December, written with the close, so the neraca of a closed year
reads a few dozen rows instead of the whole journal up to it (1.4 million lines at 100,000 members). Years
closed before this migration get theirs from the journal here. The lock of 0019 now also covers the years before
a closed one (years close in order, so those had nothing posted): an entry dated in them would change the closed
year's balances.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from koperasi.db.migrations import append_only

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

TABLE = "book_closing_balances"
CLOSED_YEAR = "a journal entry is dated in a closed financial year"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("closing_id", sa.Uuid(), nullable=False),
        sa.Column("account", sa.String(length=8), nullable=False),
        sa.Column("balance", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["closing_id"], ["book_closings.id"], name=op.f("fk_book_closing_balances_closing_id_book_closings")),
        sa.PrimaryKeyConstraint("closing_id", "account", name=op.f("pk_book_closing_balances")),
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    year_end = "(c.year || '-12-31')" if sqlite else "make_date(c.year, 12, 31)"
    op.execute(
        f"INSERT INTO {TABLE} (closing_id, account, balance) "
        "SELECT c.id, l.account, SUM(l.credit - l.debit) FROM book_closings c "
        f"JOIN journal_entries e ON e.entry_date <= {year_end} JOIN journal_lines l ON l.entry_id = e.id "
        "WHERE c.status = 'closed' GROUP BY c.id, l.account HAVING SUM(l.credit - l.debit) <> 0"
    )
    _lock(sqlite, ">=")
    append_only.protect(TABLE)


def downgrade() -> None:
    _lock(op.get_bind().dialect.name == "sqlite", "=")
    op.drop_table(TABLE)


def _lock(sqlite: bool, compare: str) -> None:
    """Refuse a journal entry dated in a year ``compare`` a closed one (``=``: migration 0019's lock)."""
    if sqlite:
        op.execute("DROP TRIGGER journal_entries_closed_year")
        op.execute(
            "CREATE TRIGGER journal_entries_closed_year BEFORE INSERT ON journal_entries "
            "WHEN EXISTS (SELECT 1 FROM book_closings WHERE status = 'closed' "
            f"AND year {compare} CAST(strftime('%Y', NEW.entry_date) AS INTEGER)) "
            f"BEGIN SELECT RAISE(ABORT, '{CLOSED_YEAR}'); END"
        )
    else:
        op.execute(
            "CREATE OR REPLACE FUNCTION journal_entry_in_open_year() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF EXISTS (SELECT 1 FROM book_closings WHERE status = 'closed' "
            f"AND year {compare} EXTRACT(YEAR FROM NEW.entry_date)::integer) "
            f"THEN RAISE EXCEPTION '{CLOSED_YEAR}'; END IF; RETURN NEW; END $$"
        )
