"""Tutup buku and SHU: the year's close under four eyes (and the lock it puts on the year's postings), the SHU's
division by the AD/ART, each member's share with its basis, and the shares paid out.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from koperasi.db.migrations import append_only

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

APPEND_ONLY = ("shu_divisions", "shu_division_parts", "shu_member_shares", "shu_payments")
CLOSED_YEAR = "a journal entry is dated in a closed financial year"
CLOSED_ROW = "a closed financial year does not change"


def upgrade() -> None:
    op.create_table(
        "book_closings",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("requested_by", sa.Uuid(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.String(length=500), nullable=False),
        sa.Column("income", sa.BigInteger(), nullable=True),
        sa.Column("expenses", sa.BigInteger(), nullable=True),
        sa.Column("journal_entry_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('pending', 'closed', 'rejected')", name=op.f("ck_book_closings_status")),
        sa.CheckConstraint("decided_by IS NULL OR decided_by <> requested_by", name=op.f("ck_book_closings_four_eyes")),
        sa.CheckConstraint("status = 'closed' OR journal_entry_id IS NULL", name=op.f("ck_book_closings_closed_entry")),
        sa.ForeignKeyConstraint(["requested_by"], ["users.id"], name=op.f("fk_book_closings_requested_by_users")),
        sa.ForeignKeyConstraint(["decided_by"], ["users.id"], name=op.f("fk_book_closings_decided_by_users")),
        sa.ForeignKeyConstraint(["journal_entry_id"], ["journal_entries.id"], name=op.f("fk_book_closings_journal_entry_id_journal_entries")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_book_closings")),
        sa.UniqueConstraint("journal_entry_id", name=op.f("uq_book_closings_journal_entry_id")),
    )
    op.create_index(
        "ux_book_closings_year", "book_closings", ["year"], unique=True,
        sqlite_where=sa.text("status <> 'rejected'"), postgresql_where=sa.text("status <> 'rejected'"),
    )
    op.create_table(
        "shu_divisions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("closing_id", sa.Uuid(), nullable=False),
        sa.Column("divided_on", sa.Date(), nullable=False),
        sa.Column("shu", sa.BigInteger(), nullable=False),
        sa.Column("capital_basis", sa.String(length=10), nullable=False),
        sa.Column("business_sources", sa.String(length=40), nullable=False),
        sa.Column("journal_entry_id", sa.Uuid(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("shu > 0", name=op.f("ck_shu_divisions_shu")),
        sa.ForeignKeyConstraint(["closing_id"], ["book_closings.id"], name=op.f("fk_shu_divisions_closing_id_book_closings")),
        sa.ForeignKeyConstraint(["journal_entry_id"], ["journal_entries.id"], name=op.f("fk_shu_divisions_journal_entry_id_journal_entries")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_shu_divisions_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shu_divisions")),
        sa.UniqueConstraint("year", name=op.f("uq_shu_divisions_year")),
        sa.UniqueConstraint("closing_id", name=op.f("uq_shu_divisions_closing_id")),
        sa.UniqueConstraint("journal_entry_id", name=op.f("uq_shu_divisions_journal_entry_id")),
    )
    op.create_table(
        "shu_division_parts",
        sa.Column("division_id", sa.Uuid(), nullable=False),
        sa.Column("part", sa.String(length=32), nullable=False),
        sa.Column("share_bp", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("undivided", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("amount >= 0 AND undivided >= 0 AND undivided <= amount", name=op.f("ck_shu_division_parts_amounts")),
        sa.ForeignKeyConstraint(["division_id"], ["shu_divisions.id"], name=op.f("fk_shu_division_parts_division_id_shu_divisions")),
        sa.PrimaryKeyConstraint("division_id", "part", name=op.f("pk_shu_division_parts")),
    )
    op.create_table(
        "shu_member_shares",
        sa.Column("division_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("capital_basis", sa.BigInteger(), nullable=False),
        sa.Column("business_basis", sa.BigInteger(), nullable=False),
        sa.Column("jasa_modal", sa.BigInteger(), nullable=False),
        sa.Column("jasa_usaha", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(
            "capital_basis >= 0 AND business_basis >= 0 AND jasa_modal >= 0 AND jasa_usaha >= 0",
            name=op.f("ck_shu_member_shares_amounts"),
        ),
        sa.ForeignKeyConstraint(["division_id"], ["shu_divisions.id"], name=op.f("fk_shu_member_shares_division_id_shu_divisions")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_shu_member_shares_member_id_members")),
        sa.PrimaryKeyConstraint("division_id", "member_id", name=op.f("pk_shu_member_shares")),
    )
    op.create_table(
        "shu_payments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("division_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("receipt_number", sa.String(length=32), nullable=True),
        sa.Column("journal_entry_id", sa.Uuid(), nullable=False),
        sa.Column("savings_movement_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("method IN ('cash', 'sukarela')", name=op.f("ck_shu_payments_method")),
        sa.CheckConstraint("amount > 0", name=op.f("ck_shu_payments_amount")),
        sa.CheckConstraint("(method = 'cash') = (receipt_number IS NOT NULL)", name=op.f("ck_shu_payments_cash_receipt")),
        sa.CheckConstraint("(method = 'sukarela') = (savings_movement_id IS NOT NULL)", name=op.f("ck_shu_payments_sukarela_movement")),
        sa.ForeignKeyConstraint(["division_id", "member_id"], ["shu_member_shares.division_id", "shu_member_shares.member_id"],
                                name="fk_shu_payments_share_shu_member_shares"),
        sa.ForeignKeyConstraint(["journal_entry_id"], ["journal_entries.id"], name=op.f("fk_shu_payments_journal_entry_id_journal_entries")),
        sa.ForeignKeyConstraint(["savings_movement_id"], ["savings_movements.id"], name=op.f("fk_shu_payments_savings_movement_id_savings_movements")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_shu_payments_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shu_payments")),
        sa.UniqueConstraint("division_id", "member_id", name="uq_shu_payments_share"),
        sa.UniqueConstraint("receipt_number", name=op.f("uq_shu_payments_receipt_number")),
        sa.UniqueConstraint("journal_entry_id", name=op.f("uq_shu_payments_journal_entry_id")),
        sa.UniqueConstraint("savings_movement_id", name=op.f("uq_shu_payments_savings_movement_id")),
    )
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_triggers()
    else:
        _postgres_triggers()
    append_only.protect(*APPEND_ONLY)


def _sqlite_triggers() -> None:
    """The lock behind services/ledger.post's own check: nothing writes a journal entry into a closed year."""
    op.execute(
        "CREATE TRIGGER journal_entries_closed_year BEFORE INSERT ON journal_entries "
        "WHEN EXISTS (SELECT 1 FROM book_closings WHERE status = 'closed' "
        "AND year = CAST(strftime('%Y', NEW.entry_date) AS INTEGER)) "
        f"BEGIN SELECT RAISE(ABORT, '{CLOSED_YEAR}'); END"
    )
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER book_closings_closed_no_{verb.lower()} BEFORE {verb} ON book_closings "
            f"WHEN OLD.status = 'closed' BEGIN SELECT RAISE(ABORT, '{CLOSED_ROW}'); END"
        )


def _postgres_triggers() -> None:
    op.execute(
        "CREATE FUNCTION journal_entry_in_open_year() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF EXISTS (SELECT 1 FROM book_closings WHERE status = 'closed' "
        "AND year = EXTRACT(YEAR FROM NEW.entry_date)::integer) "
        f"THEN RAISE EXCEPTION '{CLOSED_YEAR}'; END IF; RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER journal_entries_closed_year BEFORE INSERT ON journal_entries "
        "FOR EACH ROW EXECUTE FUNCTION journal_entry_in_open_year()"
    )
    op.execute(
        "CREATE FUNCTION book_closing_stays_closed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF OLD.status = 'closed' THEN RAISE EXCEPTION '{CLOSED_ROW}'; END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER book_closings_closed_no_change BEFORE UPDATE OR DELETE ON book_closings "
        "FOR EACH ROW EXECUTE FUNCTION book_closing_stays_closed()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER journal_entries_closed_year")
    else:
        op.execute("DROP TRIGGER journal_entries_closed_year ON journal_entries")
        op.execute("DROP FUNCTION journal_entry_in_open_year()")
        op.execute("DROP TRIGGER book_closings_closed_no_change ON book_closings")
        op.execute("DROP FUNCTION book_closing_stays_closed()")
    for table in ("shu_payments", "shu_member_shares", "shu_division_parts", "shu_divisions"):
        op.drop_table(table)
    op.drop_index("ux_book_closings_year", table_name="book_closings")
    op.drop_table("book_closings")
