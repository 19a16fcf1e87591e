"""The database schema as typed SQLAlchemy models.

Ids are UUIDs so that two offices' data can be combined without clashes.
Rows that others may edit at the same time carry a ``version`` column: SQLAlchemy
adds it to every UPDATE, so a stale write fails instead of overwriting.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy import text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from koperasi.db.types import AutoIncrementBigInt, UtcDateTime
from koperasi.domain.roles import Role

# Stable constraint names: Alembic's SQLite batch mode needs them to alter tables later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Kecamatan(Base):
    __tablename__ = "kecamatan"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)  # Kemendagri, e.g. 15.03.03
    # Not unique: kecamatan of neighbouring kabupaten may share a name (0008).
    name: Mapped[str] = mapped_column(String(80))


class Desa(Base):
    __tablename__ = "desa"
    # No unique name per kecamatan (0008): the official list has a desa and a kelurahan of one name in a
    # few kecamatan. The services refuse a second desa of a name typed by hand; the official code is unique.
    __table_args__ = (CheckConstraint("kind IN ('desa', 'kelurahan')", name="kind"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    # Kemendagri, e.g. 15.03.03.2001; None for a desa typed by hand that the official list does not hold.
    code: Mapped[str | None] = mapped_column(String(13), unique=True)
    kecamatan_code: Mapped[str] = mapped_column(ForeignKey("kecamatan.code"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(10), default="desa")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Office(Base):
    __tablename__ = "offices"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(6), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    kecamatan_code: Mapped[str | None] = mapped_column(ForeignKey("kecamatan.code"))
    address: Mapped[str] = mapped_column(String(250), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    chair_name: Mapped[str] = mapped_column(String(120), default="")
    treasurer_name: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(
            "role IN (" + ", ".join(f"'{role.value}'" for role in Role) + ")", name="role"
        ),
        CheckConstraint("failed_logins >= 0", name="failed_logins"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class DocumentCounter(Base):
    """The last number issued per office, document type and year.

    Incremented inside the transaction that writes the document, so a rolled-back
    document gives its number back: the sequence stays gapless.
    """

    __tablename__ = "document_counters"
    __table_args__ = (CheckConstraint("last_number >= 0", name="last_number"),)

    office_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    doc_type: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class AuditEvent(Base):
    """Append-only: the database refuses UPDATE and DELETE (triggers in the migration)."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_entity", "entity", "entity_id"),
        Index("ix_audit_events_action", "action", "occurred_at"),  # the last event of a kind: Beranda's backup line (0023)
    )

    id: Mapped[int] = mapped_column(AutoIncrementBigInt, primary_key=True, autoincrement=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    username: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
    # SHA-256 of the previous event's hash and this event's content (domain/office/audit_chain.py).
    chain_hash: Mapped[str | None] = mapped_column(String(64))


class Category(Base):
    """Vulnerability categories (the programme's four, and any the office adds)."""

    __tablename__ = "categories"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Member(Base):
    """A member of the cooperative: an adult, never deleted (``status`` keluar instead)."""

    __tablename__ = "members"
    __table_args__ = (
        CheckConstraint("sex IN ('L', 'P')", name="sex"),
        CheckConstraint("status IN ('aktif', 'keluar')", name="status"),
        # Covering indexes for the member list: search, filters and order without the wide rows.
        Index("ix_members_list", "full_name", "number", "status", "sex", "kecamatan_code", "desa_id", "search_text", "id"),
        Index("ix_members_list_number", "number", "status", "search_text", "id"),
        # Members who left, for counting them apart (0005); partial, so it never serves the active list.
        Index("ix_members_left_search", "status", "search_text", sqlite_where=text("status = 'keluar'"), postgresql_where=text("status = 'keluar'")),
        Index("ix_members_kecamatan_status", "kecamatan_code", "status"),
        Index("ix_members_birth_date", "birth_date"),  # "same name and birth date?" on every save
        # Beranda's members tile (0016): the roll per kecamatan, and "on the roll?" for a member reached by id.
        Index("ix_members_roll", "kecamatan_code", "join_date", "left_on", "sex"),
        Index("ix_members_id_roll", "id", "join_date", "left_on"),
        # The impact report's people by id: sex, desa, kecamatan and age group without the rows (0029).
        Index("ix_members_id_people", "id", "sex", "desa_id", "kecamatan_code", "birth_date"),
        # Who joined in a period, with their id and desa: Beranda's month, the impact report's cohort (0031).
        Index("ix_members_join_date", "join_date", "id", "desa_id"),
        # The members who left, by day (0027): those off the roll on a day, taken off the tile's categories.
        Index("ix_members_left_on", "left_on", "id", sqlite_where=text("left_on IS NOT NULL"),
              postgresql_where=text("left_on IS NOT NULL")),
        # PostgreSQL only, with pg_trgm (0025): the search's LIKE from a trigram index. Declared as an
        # expression because an SQLite database has no such index and Alembic skips expressions it lacks.
        Index("ix_members_search_trgm", text("search_text"), postgresql_using="gin"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offices.id"))
    number: Mapped[str] = mapped_column(String(16), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    nik: Mapped[str | None] = mapped_column(String(16), unique=True)
    kk_number: Mapped[str] = mapped_column(String(16), default="")
    sex: Mapped[str] = mapped_column(String(1))
    birth_place: Mapped[str] = mapped_column(String(80), default="")
    birth_date: Mapped[date] = mapped_column(Date)
    address: Mapped[str] = mapped_column(String(250), default="")
    desa_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("desa.id"), index=True)
    # Copied from the desa so that filtering 100,000 members by kecamatan needs no join.
    kecamatan_code: Mapped[str] = mapped_column(ForeignKey("kecamatan.code"))
    phone: Mapped[str] = mapped_column(String(20), default="")
    occupation: Mapped[str] = mapped_column(String(80), default="")
    household_relation: Mapped[str] = mapped_column(String(20), default="kepala_keluarga")
    join_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8), default="aktif")
    left_on: Mapped[date | None] = mapped_column(Date)
    left_reason: Mapped[str | None] = mapped_column(String(250))
    notes: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class MemberPhoto(Base):
    """A member's pas foto (0028; the rules: domain/photos.py). Its own table, not a column of ``members``: in
    SQLite a photo of tens of KB spills into overflow pages that a search reading ``search_text``, the list,
    and every save's version check walked through, and every update of the member rewrote."""

    __tablename__ = "member_photos"

    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), primary_key=True)
    photo: Mapped[bytes] = mapped_column(LargeBinary)


class MemberCategory(Base):
    __tablename__ = "member_categories"
    __table_args__ = (Index("ix_member_categories_code_member", "category_code", "member_id"),)  # Beranda (0016)

    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), primary_key=True)
    category_code: Mapped[str] = mapped_column(ForeignKey("categories.code"), primary_key=True, index=True)


class HouseholdMember(Base):
    """Another person in a member's household (Kartu Keluarga), e.g. a child and their schooling."""

    __tablename__ = "household_members"
    __table_args__ = (
        CheckConstraint("sex IN ('L', 'P')", name="sex"),
        CheckConstraint(
            "school_status IS NULL OR school_status IN ('sekolah', 'putus_sekolah', 'tidak_pernah_sekolah')",
            name="school_status",
        ),
        Index("ix_household_members_school", "school_status", "member_id"),  # Beranda's out-of-school count (0016)
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    full_name: Mapped[str] = mapped_column(String(120))
    nik: Mapped[str | None] = mapped_column(String(16))
    relation: Mapped[str] = mapped_column(String(20))
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    school_status: Mapped[str | None] = mapped_column(String(24))


class MemberGroup(Base):
    """A kelompok: farmers' group, women's business group, ... with a chair (ketua)."""

    __tablename__ = "member_groups"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    desa_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("desa.id"))
    chair_member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class GroupMembership(Base):
    """Membership of a group over time: leaving sets ``left_on``; the row stays."""

    __tablename__ = "group_memberships"
    __table_args__ = (
        Index("ix_group_memberships_member", "member_id", "left_on"),
        # At most one open membership of a member in a group, even with two PCs saving at once.
        Index(
            "uq_group_memberships_open", "group_id", "member_id", unique=True,
            sqlite_where=text("left_on IS NULL"), postgresql_where=text("left_on IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    group_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("member_groups.id"), index=True)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"))
    joined_on: Mapped[date] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)


class FundSource(Base):
    """A revolving fund (dana bergulir): who gave it; what it holds is read off the journal."""

    __tablename__ = "fund_sources"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    donor: Mapped[str] = mapped_column(String(120))
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class LoanProduct(Base):
    __tablename__ = "loan_products"
    __table_args__ = (
        CheckConstraint("kind IN ('individual', 'group')", name="kind"),
        CheckConstraint("frequency IN ('weekly', 'biweekly', 'monthly')", name="frequency"),
        CheckConstraint("min_amount > 0 AND max_amount >= min_amount", name="amounts"),
        CheckConstraint("min_term > 0 AND max_term >= min_term", name="terms"),
        CheckConstraint("rounding_multiple > 0 AND admin_fee >= 0", name="rounding_fee"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    fund_source_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fund_sources.id"))
    kind: Mapped[str] = mapped_column(String(12))
    min_amount: Mapped[int] = mapped_column(BigInteger)
    max_amount: Mapped[int] = mapped_column(BigInteger)
    min_term: Mapped[int] = mapped_column(Integer)
    max_term: Mapped[int] = mapped_column(Integer)
    frequency: Mapped[str] = mapped_column(String(10))
    rounding_multiple: Mapped[int] = mapped_column(Integer, default=1)
    admin_fee: Mapped[int] = mapped_column(BigInteger, default=0)
    # Installments a rescheduled loan must pay on time, in a row, before it counts as cured (out of PAR).
    cure_installments: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    # A training programme the borrower must have completed first.
    required_programme_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("training_programmes.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Loan(Base):
    """One member's loan. Money never changes here by editing: ``principal_paid`` and
    ``written_off`` are the sub-ledger totals, moved only together with a movement row
    and its journal entry, and ``koperasi doctor`` checks them against the journal."""

    __tablename__ = "loans"
    __table_args__ = (
        CheckConstraint(
            "status IN ('applied', 'approved', 'rejected', 'active', 'paid_off', 'written_off')", name="status"
        ),
        CheckConstraint("principal > 0 AND term > 0", name="principal_term"),
        CheckConstraint(
            "disbursed >= 0 AND principal_paid >= 0 AND written_off >= 0 "
            "AND principal_paid + written_off <= disbursed",
            name="balance",
        ),
        Index("ix_loans_list", "status", "number"),
        Index("ix_loans_member", "member_id", "status"),
        Index("ix_loans_group", "group_id", "status"),
        # The Pinjaman search walks the list in number order checking each loan's number and borrower:
        # from this index alone, without reading every loan row (0017).
        Index("ix_loans_number_member", "number", "member_id"),
        Index("ix_loans_number_trgm", text("lower(number)"), postgresql_using="gin"),  # as ix_members_search_trgm
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offices.id"))
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"))
    group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("member_groups.id"))
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loan_products.id"), index=True)
    fund_source_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fund_sources.id"), index=True)
    principal: Mapped[int] = mapped_column(BigInteger)
    term: Mapped[int] = mapped_column(Integer)
    frequency: Mapped[str] = mapped_column(String(10))
    rounding_multiple: Mapped[int] = mapped_column(Integer)
    admin_fee: Mapped[int] = mapped_column(BigInteger)
    purpose: Mapped[str] = mapped_column(String(250))
    status: Mapped[str] = mapped_column(String(12))
    applied_on: Mapped[date] = mapped_column(Date)
    applied_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    decided_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    decided_on: Mapped[date | None] = mapped_column(Date)
    decision_note: Mapped[str] = mapped_column(String(500), default="")
    disbursed_on: Mapped[date | None] = mapped_column(Date)
    first_due_on: Mapped[date | None] = mapped_column(Date)
    schedule_no: Mapped[int] = mapped_column(Integer, default=0)  # 0: no schedule yet
    rescheduled: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_on: Mapped[date | None] = mapped_column(Date)
    disbursed: Mapped[int] = mapped_column(BigInteger, default=0)
    principal_paid: Mapped[int] = mapped_column(BigInteger, default=0)
    written_off: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class LoanSchedule(Base):
    """A repayment schedule of a loan; a reschedule adds the next one and the old stays."""

    __tablename__ = "loan_schedules"

    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"), primary_key=True)
    schedule_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    effective_on: Mapped[date] = mapped_column(Date)
    principal: Mapped[int] = mapped_column(BigInteger)  # the balance this schedule repays
    paid_before: Mapped[int] = mapped_column(BigInteger)  # principal repaid before it began
    frequency: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(500), default="")
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class LoanInstallment(Base):
    __tablename__ = "loan_installments"
    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount"),
        # What fell due by a day, per loan and schedule, from the index alone: the arrears report (0023, 0024).
        Index("ix_loan_installments_due", "loan_id", "schedule_no", "due_on", "cumulative", "amount"),
        # A loan's oldest installment its repayments have not covered: one seek (0024).
        Index("ix_loan_installments_unpaid", "loan_id", "schedule_no", "cumulative", "due_on"),
        # The installments falling due in a period, all loans: due this month, due per month (0023).
        Index("ix_loan_installments_day", "due_on", "loan_id", "schedule_no", "amount"),
    )

    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"), primary_key=True)
    schedule_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    due_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)
    # The schedule's amounts up to and including this one (written with the schedule, which is never
    # changed; ``koperasi doctor`` holds it to the amounts): what had fallen due by any day is the
    # cumulative of the last installment due by then, one index seek instead of a sum.
    cumulative: Mapped[int] = mapped_column(BigInteger)


class JournalEntry(Base):
    """Append-only (triggers in the migration). ``idempotency_key`` is the client's id of the
    save: a retried save finds its entry instead of posting twice."""

    __tablename__ = "journal_entries"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    idempotency_key: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    entry_date: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(24))
    description: Mapped[str] = mapped_column(String(250))
    reversal_of_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("journal_entries.id"), unique=True)
    # What the save asked for (services/ledger.request_digest): a reused request id with other content is refused.
    request_digest: Mapped[str | None] = mapped_column(String(64))
    created_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class JournalLine(Base):
    __tablename__ = "journal_lines"
    __table_args__ = (
        CheckConstraint("debit >= 0 AND credit >= 0 AND (debit = 0) <> (credit = 0)", name="one_side"),
        Index("ix_journal_lines_account", "account", "fund_source_id"),
        # Each fund's balances summed from the index alone, in its order (the fund list, Beranda's loan tile; 0024).
        Index("ix_journal_lines_fund", "fund_source_id", "account", "debit", "credit",
              sqlite_where=text("fund_source_id IS NOT NULL"), postgresql_where=text("fund_source_id IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(AutoIncrementBigInt, primary_key=True, autoincrement=True)
    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journal_entries.id"), index=True)
    account: Mapped[str] = mapped_column(String(8))
    fund_source_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("fund_sources.id"))
    debit: Mapped[int] = mapped_column(BigInteger, default=0)
    credit: Mapped[int] = mapped_column(BigInteger, default=0)


class FundCapitalReceipt(Base):
    """Capital a donor handed to a fund (append-only, with its journal entry)."""

    __tablename__ = "fund_capital_receipts"
    __table_args__ = (CheckConstraint("amount > 0", name="amount"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    fund_source_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fund_sources.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str] = mapped_column(String(250), default="")
    journal_entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journal_entries.id"), unique=True)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class LoanMovement(Base):
    """A money movement of a loan (append-only). A mistake is undone by a REVERSAL row that
    names the movement it cancels; the original keeps its data and its printed receipt."""

    __tablename__ = "loan_movements"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('disbursement', 'admin_fee', 'repayment', 'write_off', 'reversal')", name="kind"
        ),
        CheckConstraint("amount > 0", name="amount"),
        Index("ix_loan_movements_loan", "loan_id", "occurred_on"),
        # The movements of a period, all loans: Beranda's month and year, the arrears report on a past day (0023).
        Index("ix_loan_movements_day", "occurred_on", "kind", "loan_id", "amount"),
        # One loan's movements of a kind after a day, summed from the index: the Laporan bulanan's month ends (0026).
        Index("ix_loan_movements_paid", "loan_id", "kind", "occurred_on", "amount"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"))
    kind: Mapped[str] = mapped_column(String(14))
    occurred_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)
    receipt_number: Mapped[str | None] = mapped_column(String(32), unique=True)
    reversal_of_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("loan_movements.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(500), default="")
    # A disbursement and its admin fee share one entry; the entry's idempotency key guards retries.
    journal_entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journal_entries.id"), index=True)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class TrainingProgramme(Base):
    """A kind of training (jenis pelatihan) with the rule for completing it."""

    __tablename__ = "training_programmes"
    __table_args__ = (
        CheckConstraint("rule_kind IN ('min_sessions', 'share')", name="rule_kind"),
        CheckConstraint("rule_value BETWEEN 1 AND 100", name="rule_value"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    topic: Mapped[str] = mapped_column(String(24))
    description: Mapped[str] = mapped_column(Text, default="")
    target_groups: Mapped[str] = mapped_column(String(250), default="")
    rule_kind: Mapped[str] = mapped_column(String(14))
    rule_value: Mapped[int] = mapped_column(Integer)
    partner: Mapped[str] = mapped_column(String(120), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class TrainingBatch(Base):
    """One run (angkatan) of a programme with its own participants and sessions."""

    __tablename__ = "training_batches"
    __table_args__ = (UniqueConstraint("programme_id", "name"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    programme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training_programmes.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    kecamatan_code: Mapped[str | None] = mapped_column(ForeignKey("kecamatan.code"))
    notes: Mapped[str] = mapped_column(Text, default="")
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class TrainingSession(Base):
    __tablename__ = "training_sessions"
    __table_args__ = (Index("ix_training_sessions_batch", "batch_id", "held_on"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training_batches.id"))
    held_on: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[time] = mapped_column(Time)
    ends_at: Mapped[time] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(160))
    kecamatan_code: Mapped[str | None] = mapped_column(ForeignKey("kecamatan.code"))
    desa_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("desa.id"))
    facilitator: Mapped[str] = mapped_column(String(120))
    subject: Mapped[str] = mapped_column(String(160), default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class TrainingParticipant(Base):
    """A member, or a person of a member's household (out-of-school youth), in a batch."""

    __tablename__ = "training_participants"
    __table_args__ = (
        CheckConstraint("(member_id IS NULL) <> (household_member_id IS NULL)", name="one_person"),
        UniqueConstraint("batch_id", "member_id"),
        UniqueConstraint("batch_id", "household_member_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training_batches.id"), index=True)
    member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"), index=True)
    household_member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("household_members.id"), index=True)
    enrolled_on: Mapped[date] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    withdraw_reason: Mapped[str] = mapped_column(String(250), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class TrainingAttendance(Base):
    """Present or absent at one session; changed later only with an audit event."""

    __tablename__ = "training_attendance"

    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training_sessions.id"), primary_key=True)
    participant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training_participants.id"), primary_key=True, index=True)
    present: Mapped[bool] = mapped_column(Boolean)
    recorded_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class TrainingCertificate(Base):
    """A sertifikat, numbered once and never re-issued under another number."""

    __tablename__ = "training_certificates"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    participant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training_participants.id"), unique=True)
    issued_on: Mapped[date] = mapped_column(Date)
    issued_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AppSetting(Base):
    """An office-wide setting (domain/office/settings.py defines each key, its type, default and label)."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class SalesProduct(Base):
    __tablename__ = "sales_products"
    __table_args__ = (
        CheckConstraint("default_price > 0", name="default_price"),
        CheckConstraint("commission_bp IS NULL OR commission_bp BETWEEN 0 AND 10000", name="commission_bp"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    unit: Mapped[str] = mapped_column(String(20))
    default_price: Mapped[int] = mapped_column(BigInteger)
    category: Mapped[str] = mapped_column(String(60), default="")
    commission_bp: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class SalesChannel(Base):
    __tablename__ = "sales_channels"
    __table_args__ = (CheckConstraint("commission_bp IS NULL OR commission_bp BETWEEN 0 AND 10000", name="commission_bp"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    commission_bp: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Buyer(Base):
    __tablename__ = "buyers"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    phone: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[str] = mapped_column(String(250), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ConsignmentIntake(Base):
    """Goods a producer handed over to sell (append-only; a mistake is a reversal row)."""

    __tablename__ = "consignment_intakes"
    __table_args__ = (
        CheckConstraint("(member_id IS NULL) <> (group_id IS NULL)", name="one_producer"),
        CheckConstraint("quantity_milli > 0", name="quantity"),
        Index("ix_consignment_intakes_producer", "member_id", "group_id", "product_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))
    group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("member_groups.id"))
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sales_products.id"), index=True)
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    received_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(250), default="")
    reversal_of_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("consignment_intakes.id"), unique=True)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Sale(Base):
    """A sale (nota) with its lines; append-only — a return cancels it by a reversal sale."""

    __tablename__ = "sales"
    __table_args__ = (
        Index("ix_sales_sold_on", "sold_on"),
        Index("ix_sales_day_channel", "sold_on", "channel_id", "id"),  # Beranda's sales tile (0016)
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    number: Mapped[str | None] = mapped_column(String(32), unique=True)  # none on a reversal
    sold_on: Mapped[date] = mapped_column(Date)
    channel_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sales_channels.id"))
    buyer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("buyers.id"))
    buyer_name: Mapped[str] = mapped_column(String(120))
    total: Mapped[int] = mapped_column(BigInteger)
    commission: Mapped[int] = mapped_column(BigInteger)
    reversal_of_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sales.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(500), default="")
    journal_entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journal_entries.id"), unique=True)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SalesDay(Base):
    """Running figures of the standing sale lines of one day and channel (0027): how many, their total and the
    cooperative's commission, so Beranda's month and year of sales are a few hundred rows, not every line.
    Kept in the sale's own transaction (services/sales/running.py); ``koperasi doctor`` holds them to the lines."""

    __tablename__ = "sales_days"

    sold_on: Mapped[date] = mapped_column(Date, primary_key=True)
    channel_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sales_channels.id"), primary_key=True)
    lines: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(BigInteger)
    commission: Mapped[int] = mapped_column(BigInteger)


class ProducerBalance(Base):
    """What the office owes one producer (0027): their shares of standing sale lines less their standing payouts,
    kept in the sale's or the payout's own transaction (services/sales/running.py) so Beranda reads "owed to
    producers" without summing every line; ``koperasi doctor`` holds it to the rows. Keyed by the member's or
    the group's id (both uuid4: never the same), as a sale line or a payout names exactly one of them."""

    __tablename__ = "producer_balances"

    producer_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    owed: Mapped[int] = mapped_column(BigInteger)


class SaleLine(Base):
    __tablename__ = "sale_lines"
    __table_args__ = (
        CheckConstraint("(member_id IS NULL) <> (group_id IS NULL)", name="one_producer"),
        CheckConstraint("quantity_milli > 0 AND unit_price > 0", name="quantity_price"),
        CheckConstraint("commission + producer_share = total AND commission >= 0 AND producer_share >= 0", name="split"),
        Index("ix_sale_lines_producer", "member_id", "group_id", "product_id"),
        Index("ix_sale_lines_sale_sums", "sale_id", "total", "commission"),  # Beranda's sales tile (0016)
        Index("ix_sale_lines_producer_share", "member_id", "group_id", "producer_share"),  # owed to producers (0023)
    )

    id: Mapped[int] = mapped_column(AutoIncrementBigInt, primary_key=True, autoincrement=True)
    sale_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sales.id"), index=True)
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sales_products.id"))
    member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))
    group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("member_groups.id"))
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    unit_price: Mapped[int] = mapped_column(BigInteger)
    total: Mapped[int] = mapped_column(BigInteger)
    commission_bp: Mapped[int] = mapped_column(Integer)
    commission: Mapped[int] = mapped_column(BigInteger)
    producer_share: Mapped[int] = mapped_column(BigInteger)


class Payout(Base):
    """Money paid to a producer from what their sales earned (append-only; corrected by reversal)."""

    __tablename__ = "payouts"
    __table_args__ = (
        CheckConstraint("(member_id IS NULL) <> (group_id IS NULL)", name="one_producer"),
        CheckConstraint("amount > 0", name="amount"),
        Index("ix_payouts_producer", "member_id", "group_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    number: Mapped[str | None] = mapped_column(String(32), unique=True)  # none on a reversal
    member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id"))
    group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("member_groups.id"))
    amount: Mapped[int] = mapped_column(BigInteger)
    paid_on: Mapped[date] = mapped_column(Date)
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    reversal_of_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("payouts.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(500), default="")
    journal_entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journal_entries.id"), unique=True)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReversalRequest(Base):
    """A reversal asked for by one user and decided by another (four eyes); the reversal itself
    is posted only on approval. At most one request per movement is pending at a time."""

    __tablename__ = "reversal_requests"
    __table_args__ = (
        CheckConstraint("kind IN ('loan_movement', 'sale', 'payout', 'saving', 'cash_entry', 'shu_payment')", name="kind"),
        CheckConstraint("status IN ('pending', 'approved', 'rejected')", name="status"),
        CheckConstraint("decided_by IS NULL OR decided_by <> requested_by", name="four_eyes"),
        Index("ux_reversal_requests_pending", "kind", "target_id", unique=True,
              sqlite_where=text("status = 'pending'"), postgresql_where=text("status = 'pending'")),
        Index("ix_reversal_requests_status", "status"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[uuid.UUID] = mapped_column(Uuid)  # the loan movement, sale or payout to cancel
    summary: Mapped[str] = mapped_column(String(250))  # what it cancels, as the list shows it
    amount: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(16))
    requested_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decision_note: Mapped[str] = mapped_column(String(500), default="")
    result_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # the reversal row it posted
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class SavingsMovement(Base):
    """A deposit to or withdrawal from a member's simpanan (append-only). ``change`` is what it did
    to the balance (a reversal carries its original's, negated), so a balance is one SUM."""

    __tablename__ = "savings_movements"
    __table_args__ = (
        CheckConstraint("kind IN ('pokok', 'wajib', 'sukarela')", name="kind"),
        CheckConstraint("action IN ('deposit', 'withdrawal', 'reversal')", name="action"),
        CheckConstraint("amount > 0 AND (change = amount OR change = -amount)", name="change"),
        CheckConstraint("(action = 'reversal') = (reversal_of_id IS NOT NULL)", name="reversal"),
        Index("ix_savings_movements_member", "member_id", "kind", "occurred_on"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"))
    kind: Mapped[str] = mapped_column(String(10))
    action: Mapped[str] = mapped_column(String(10))
    occurred_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)
    change: Mapped[int] = mapped_column(BigInteger)
    receipt_number: Mapped[str | None] = mapped_column(String(32), unique=True)  # none on a reversal
    reversal_of_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("savings_movements.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(500), default="")
    journal_entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journal_entries.id"), unique=True)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SavingsRate(Base):
    """The pokok or wajib amount the AD/ART sets, in force from a month on (wajib may change by year)."""

    __tablename__ = "savings_rates"
    __table_args__ = (
        CheckConstraint("kind IN ('pokok', 'wajib')", name="kind"),
        CheckConstraint("amount >= 0", name="amount"),
        UniqueConstraint("kind", "effective_from", name="uq_savings_rates_kind_month"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(10))
    effective_from: Mapped[date] = mapped_column(Date)  # the first day of a month
    amount: Mapped[int] = mapped_column(BigInteger)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class SavingsPassbook(Base):
    """Where a member's buku simpanan was left: how many movements (in the order they were recorded) are
    printed in it, and the page and line the next one goes on."""

    __tablename__ = "savings_passbooks"
    __table_args__ = (CheckConstraint("printed >= 0 AND page >= 1 AND line >= 1", name="position"),)

    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), primary_key=True)
    printed: Mapped[int] = mapped_column(Integer, default=0)
    page: Mapped[int] = mapped_column(Integer, default=1)
    line: Mapped[int] = mapped_column(Integer, default=1)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class LedgerAccount(Base):
    """An income or expense account the office added to the chart (the program's own are in
    ``domain.ledger.Account``). Retired accounts take no new entries and stay in the reports."""

    __tablename__ = "ledger_accounts"
    __table_args__ = (
        CheckConstraint("account_group IN ('4', '5')", name="account_group"),
        CheckConstraint("substr(code, 1, 1) = account_group", name="code_in_group"),
    )

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    account_group: Mapped[str] = mapped_column(String(1))
    name: Mapped[str] = mapped_column(String(80))
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CashEntry(Base):
    """The office's own income or expense (append-only), against cash and one account of the chart.
    ``change`` is what it did to the cash (a reversal carries its original's, negated)."""

    __tablename__ = "cash_entries"
    __table_args__ = (
        CheckConstraint("direction IN ('in', 'out')", name="direction"),
        CheckConstraint("amount > 0 AND (change = amount OR change = -amount)", name="change"),
        CheckConstraint("(reversal_of_id IS NULL) = (voucher_number IS NOT NULL)", name="voucher"),
        Index("ix_cash_entries_occurred_on", "occurred_on", "account"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    direction: Mapped[str] = mapped_column(String(3))
    account: Mapped[str] = mapped_column(String(8))
    occurred_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)
    change: Mapped[int] = mapped_column(BigInteger)
    description: Mapped[str] = mapped_column(String(250))
    party: Mapped[str] = mapped_column(String(120), default="")
    voucher_number: Mapped[str | None] = mapped_column(String(32), unique=True)  # none on a reversal
    reversal_of_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("cash_entries.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(500), default="")
    journal_entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journal_entries.id"), unique=True)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class BookClosing(Base):
    """A financial year's close: requested by the treasurer, approved (posted) or rejected by another user.

    Once approved the row is the year's lock: a trigger refuses any journal entry dated in the year, and the
    row itself refuses to change (migration 0019). At most one request per year stands (pending or closed)."""

    __tablename__ = "book_closings"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'closed', 'rejected')", name="status"),
        CheckConstraint("decided_by IS NULL OR decided_by <> requested_by", name="four_eyes"),
        CheckConstraint("status = 'closed' OR journal_entry_id IS NULL", name="closed_entry"),
        Index("ux_book_closings_year", "year", unique=True,
              sqlite_where=text("status <> 'rejected'"), postgresql_where=text("status <> 'rejected'")),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    year: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10))
    requested_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decision_note: Mapped[str] = mapped_column(String(500), default="")
    income: Mapped[int | None] = mapped_column(BigInteger)  # the year's, as closed
    expenses: Mapped[int | None] = mapped_column(BigInteger)
    journal_entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("journal_entries.id"), unique=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class BookClosingBalance(Base):
    """Every account's balance at the end of a closed year, closing entry included (so income and expenses are
    zero), written in the close's own transaction (append-only, migration 0021). The neraca of a closed year reads
    these instead of the whole journal up to it; ``koperasi doctor`` checks them against the journal."""

    __tablename__ = "book_closing_balances"

    closing_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("book_closings.id"), primary_key=True)
    account: Mapped[str] = mapped_column(String(8), primary_key=True)
    balance: Mapped[int] = mapped_column(BigInteger)  # credits less debits up to 31 December; never 0 (not stored)


class ShuDivision(Base):
    """A closed year's SHU divided by the AD/ART's shares in force that day (append-only, one per year)."""

    __tablename__ = "shu_divisions"
    __table_args__ = (CheckConstraint("shu > 0", name="shu"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    closing_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("book_closings.id"), unique=True)
    divided_on: Mapped[date] = mapped_column(Date)
    shu: Mapped[int] = mapped_column(BigInteger)
    capital_basis: Mapped[str] = mapped_column(String(10))  # domain/books/rules.CapitalBasis
    business_sources: Mapped[str] = mapped_column(String(40))  # "sales,admin_fees"
    journal_entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journal_entries.id"), unique=True)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ShuDivisionPart(Base):
    """One AD/ART part of a division: its share, its amount, and what of it no member could share in."""

    __tablename__ = "shu_division_parts"
    __table_args__ = (CheckConstraint("amount >= 0 AND undivided >= 0 AND undivided <= amount", name="amounts"),)

    division_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("shu_divisions.id"), primary_key=True)
    part: Mapped[str] = mapped_column(String(32), primary_key=True)
    share_bp: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(BigInteger)
    undivided: Mapped[int] = mapped_column(BigInteger, default=0)  # to SHU belum dibagikan (no member had a basis)


class ShuMemberShare(Base):
    """A member's SHU of a division with the basis of each part (append-only). Keyed by the division and the
    member, so 100,000 shares are written without making an id for each."""

    __tablename__ = "shu_member_shares"
    __table_args__ = (
        CheckConstraint(
            "capital_basis >= 0 AND business_basis >= 0 AND jasa_modal >= 0 AND jasa_usaha >= 0", name="amounts"
        ),
    )

    division_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("shu_divisions.id"), primary_key=True)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), primary_key=True)
    capital_basis: Mapped[int] = mapped_column(BigInteger)  # pokok + wajib (year end, or the sum of 12 month ends)
    business_basis: Mapped[int] = mapped_column(BigInteger)  # rupiah the cooperative earned from the member
    jasa_modal: Mapped[int] = mapped_column(BigInteger)
    jasa_usaha: Mapped[int] = mapped_column(BigInteger)


class ShuPayment(Base):
    """A member's SHU paid out: in cash (its own kwitansi) or into sukarela (the savings deposit's kwitansi).
    A share has at most one payment standing: one reversed (``ShuPaymentReversal``) may be followed by another."""

    __tablename__ = "shu_payments"
    __table_args__ = (
        CheckConstraint("method IN ('cash', 'sukarela')", name="method"),
        CheckConstraint("amount > 0", name="amount"),
        CheckConstraint("(method = 'cash') = (receipt_number IS NOT NULL)", name="cash_receipt"),
        CheckConstraint("(method = 'sukarela') = (savings_movement_id IS NOT NULL)", name="sukarela_movement"),
        ForeignKeyConstraint(["division_id", "member_id"], ["shu_member_shares.division_id", "shu_member_shares.member_id"],
                             name="fk_shu_payments_share_shu_member_shares"),
        Index("ix_shu_payments_share", "division_id", "member_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    division_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    method: Mapped[str] = mapped_column(String(10))
    amount: Mapped[int] = mapped_column(BigInteger)
    paid_on: Mapped[date] = mapped_column(Date)
    receipt_number: Mapped[str | None] = mapped_column(String(32), unique=True)
    journal_entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journal_entries.id"), unique=True)
    savings_movement_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("savings_movements.id"), unique=True)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ShuPaymentReversal(Base):
    """An SHU payment undone (append-only, migration 0022), dated the day the second user approved it: the mirror
    of the payment's entry, and for one paid into sukarela the savings reversal that takes the deposit back."""

    __tablename__ = "shu_payment_reversals"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    payment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("shu_payments.id"), unique=True)
    reversed_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(500))
    journal_entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journal_entries.id"), unique=True)
    savings_movement_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("savings_movements.id"), unique=True)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CommunityMeeting(Base):
    """A pertemuan komunitas: planned ahead, completed after (information, decisions, attendance, guests)."""

    __tablename__ = "community_meetings"
    __table_args__ = (
        CheckConstraint(
            "guests_male_child >= 0 AND guests_female_child >= 0 AND guests_male_adult >= 0 AND "
            "guests_female_adult >= 0 AND guests_male_elder >= 0 AND guests_female_elder >= 0",
            name="guests",
        ),
        Index("ix_community_meetings_held_on", "held_on"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    held_on: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[time] = mapped_column(Time)
    ends_at: Mapped[time] = mapped_column(Time)
    desa_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("desa.id"), index=True)
    # Copied from the desa, as for members: the report by kecamatan needs no join.
    kecamatan_code: Mapped[str] = mapped_column(ForeignKey("kecamatan.code"))
    place: Mapped[str] = mapped_column(String(160), default="")
    organiser: Mapped[str] = mapped_column(String(120))
    facilitator: Mapped[str] = mapped_column(String(120))
    topics: Mapped[str] = mapped_column(String(500))
    information: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    guests_male_child: Mapped[int] = mapped_column(Integer, default=0)
    guests_female_child: Mapped[int] = mapped_column(Integer, default=0)
    guests_male_adult: Mapped[int] = mapped_column(Integer, default=0)
    guests_female_adult: Mapped[int] = mapped_column(Integer, default=0)
    guests_male_elder: Mapped[int] = mapped_column(Integer, default=0)
    guests_female_elder: Mapped[int] = mapped_column(Integer, default=0)
    # When the attendance was first taken; None: not yet (a meeting with only guests is still taken).
    attendance_taken_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CommunityMeetingAudience(Base):
    """A group or a desa a meeting is for: its members make the attendance checklist."""

    __tablename__ = "community_meeting_audience"
    __table_args__ = (
        CheckConstraint("(group_id IS NULL) <> (desa_id IS NULL)", name="one_target"),
        UniqueConstraint("meeting_id", "group_id"),
        UniqueConstraint("meeting_id", "desa_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("community_meetings.id"), index=True)
    group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("member_groups.id"))
    desa_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("desa.id"))


class CommunityMeetingAttendance(Base):
    """A member present at a meeting (absence is not stored: the checklist is of who came)."""

    __tablename__ = "community_meeting_attendance"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("community_meetings.id"), primary_key=True)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), primary_key=True, index=True)
    recorded_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class MeetingFollowUp(Base):
    """What a meeting decided someone does by a day; open until marked done (Beranda lists it)."""

    __tablename__ = "meeting_follow_ups"
    __table_args__ = (Index("ix_meeting_follow_ups_open", "done_on", "due_on"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("community_meetings.id"), index=True)
    action: Mapped[str] = mapped_column(String(250))
    responsible: Mapped[str] = mapped_column(String(120))
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    done_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Opportunity(Base):
    """An entry of the papan peluang: a job, a training elsewhere, a buyer, a government programme, a public service."""

    __tablename__ = "opportunities"
    __table_args__ = (
        CheckConstraint("sex IS NULL OR sex IN ('L', 'P')", name="sex"),
        CheckConstraint("cost >= 0", name="cost"),
        CheckConstraint("min_age IS NULL OR max_age IS NULL OR min_age <= max_age", name="ages"),
        Index("ix_opportunities_open", "closed", "deadline"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(24))
    title: Mapped[str] = mapped_column(String(160))
    provider: Mapped[str] = mapped_column(String(120))
    contact: Mapped[str] = mapped_column(String(120), default="")
    # Who may take it (None / empty: does not narrow): domain/network/opportunities.Conditions.
    kecamatan_code: Mapped[str | None] = mapped_column(ForeignKey("kecamatan.code"))
    desa_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("desa.id"))
    sex: Mapped[str | None] = mapped_column(String(1))
    min_age: Mapped[int | None] = mapped_column(Integer)
    max_age: Mapped[int | None] = mapped_column(Integer)
    livelihood: Mapped[str] = mapped_column(String(80), default="")
    for_children: Mapped[bool] = mapped_column(Boolean, default=False)
    cost: Mapped[int] = mapped_column(BigInteger, default=0)
    deadline: Mapped[date | None] = mapped_column(Date)
    how_to_apply: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(250), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class OpportunityCategory(Base):
    __tablename__ = "opportunity_categories"

    opportunity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("opportunities.id"), primary_key=True)
    category_code: Mapped[str] = mapped_column(ForeignKey("categories.code"), primary_key=True)


class OpportunityProgramme(Base):
    """A training programme whose certificate the opportunity asks for (any one of them)."""

    __tablename__ = "opportunity_programmes"

    opportunity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("opportunities.id"), primary_key=True)
    programme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training_programmes.id"), primary_key=True)


class Referral(Base):
    """A member (or a member's child) told of or referred to an opportunity, and what came of it."""

    __tablename__ = "referrals"
    __table_args__ = (
        CheckConstraint(
            "outcome IS NULL OR outcome IN ('melamar', 'diterima', 'ditolak', 'tidak_jadi', 'kembali_sekolah', 'paket_abc')",
            name="outcome",
        ),
        CheckConstraint("(outcome IS NULL) = (outcome_on IS NULL)", name="outcome_day"),
        Index("ix_referrals_waiting", "outcome", "referred_on"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    opportunity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("opportunities.id"), index=True)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"), index=True)
    household_member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("household_members.id"))
    referred_on: Mapped[date] = mapped_column(Date)
    referred_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(String(250), default="")
    letter_number: Mapped[str | None] = mapped_column(String(32), unique=True)
    letter_issued_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(20))
    outcome_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class HouseholdMeasurement(Base):
    """A member household's situation on a day (issue 16): the earliest is the baseline, each later one a
    follow-up visit. Append-only (triggers, migration 0013): a new measurement never overwrites an old one."""

    __tablename__ = "household_measurements"
    __table_args__ = (
        CheckConstraint("monthly_income >= 0", name="monthly_income"),
        CheckConstraint("household_size >= 1", name="household_size"),
        CheckConstraint("business_status IN ('belum_ada', 'baru_mulai', 'berjalan', 'berkembang')", name="business_status"),
        CheckConstraint("land_m2 IS NULL OR land_m2 >= 0", name="land_m2"),
        CheckConstraint("moneylender_amount >= 0", name="moneylender_amount"),
        CheckConstraint("children_in_school >= 0 AND children_in_school <= school_age_children", name="children"),
        # Baseline and latest of every member in one ordered pass (indicators, visits due); one measurement
        # a day, so a sheet saved twice (two clerks, a double Enter) is refused instead of counted twice.
        UniqueConstraint("member_id", "measured_on"),
        Index("ix_household_measurements_officer", "officer_id", "measured_on"),
        # The impact report's baseline and latest figures of each household, without the rows (0029).
        Index("ix_household_measurements_figures", "member_id", "measured_on", "monthly_income", "household_size",
              "business_status", "moneylender_debt", "children_in_school", "woman_business", "income_estimated"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"))
    measured_on: Mapped[date] = mapped_column(Date)
    livelihoods: Mapped[str] = mapped_column(String(200))
    monthly_income: Mapped[int] = mapped_column(BigInteger)
    income_estimated: Mapped[bool] = mapped_column(Boolean)
    household_size: Mapped[int] = mapped_column(Integer)
    business_status: Mapped[str] = mapped_column(String(12))
    land_m2: Mapped[int | None] = mapped_column(BigInteger)
    moneylender_debt: Mapped[bool] = mapped_column(Boolean)
    moneylender_amount: Mapped[int] = mapped_column(BigInteger)
    school_age_children: Mapped[int] = mapped_column(Integer)
    children_in_school: Mapped[int] = mapped_column(Integer)
    woman_business: Mapped[bool] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text, default="")
    officer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))  # the field officer who took the figures
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PovertyLine(Base):
    """The BPS garis kemiskinan per person per month for the office's province, from a day on, for rural
    (perdesaan: a desa) or urban (perkotaan: a kelurahan) households. The office enters each new figure."""

    __tablename__ = "poverty_lines"
    __table_args__ = (
        CheckConstraint("area IN ('perdesaan', 'perkotaan')", name="area"),
        CheckConstraint("amount > 0", name="amount"),
    )

    valid_from: Mapped[date] = mapped_column(Date, primary_key=True)
    area: Mapped[str] = mapped_column(String(10), primary_key=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class SuccessStory(Base):
    """A member's kisah sukses (migration 0020): title, text, an optional photo kept here so that backups carry
    it, and the member's written consent (the day and who recorded it). Without consent it stays in the office."""

    __tablename__ = "success_stories"
    __table_args__ = (
        CheckConstraint("(consent_on IS NULL) = (consent_recorded_by IS NULL)", name="consent"),
        Index("ix_success_stories_member", "member_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id"))
    title: Mapped[str] = mapped_column(String(120))
    text: Mapped[str] = mapped_column(Text)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    consent_on: Mapped[date | None] = mapped_column(Date)
    consent_recorded_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


# ---- District consolidation (issue 21, migration 0015) ------------------------------------------


class OfficeKey(Base):
    """The office's Ed25519 key for signing packets to the district: made at first use, one row.

    Kept in the database (not a file beside it) so that it travels with every backup and restore, and
    the fingerprint on the registration sheet stays true after the PC is replaced.
    """

    __tablename__ = "office_keys"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)  # raw 32 bytes
    public_key: Mapped[bytes] = mapped_column(LargeBinary)  # raw 32 bytes
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class DistrictKey(Base):
    """Mode kabupaten: the district's X25519 key, to which offices may encrypt their packets. One row, like OfficeKey."""

    __tablename__ = "district_keys"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)  # raw 32 bytes
    public_key: Mapped[bytes] = mapped_column(LargeBinary)  # raw 32 bytes
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class DistrictOffice(Base):
    """District mode: an office registered by its key's fingerprint, and the newest packet held from it."""

    __tablename__ = "district_offices"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    fingerprint: Mapped[str] = mapped_column(String(49), unique=True)
    label: Mapped[str] = mapped_column(String(120))  # as the district typed it when registering
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Learned from the first packet: the office's own id and profile.
    office_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, unique=True)
    office_code: Mapped[str] = mapped_column(String(6), default="")
    office_name: Mapped[str] = mapped_column(String(120), default="")
    kecamatan_code: Mapped[str] = mapped_column(String(8), default="")
    kecamatan: Mapped[str] = mapped_column(String(80), default="")
    as_of: Mapped[datetime | None] = mapped_column(UtcDateTime)
    packet_digest: Mapped[str | None] = mapped_column(String(64))
    received_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    personal_data: Mapped[bool] = mapped_column(Boolean, default=False)
    figures: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class DistrictMember(Base):
    """A member as an office's newest packet tells the district (names and NIK only when the office sends them)."""

    __tablename__ = "district_members"
    __table_args__ = (CheckConstraint("sex IN ('L', 'P')", name="sex"),)

    district_office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("district_offices.id"), primary_key=True)
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    kecamatan_code: Mapped[str] = mapped_column(String(8))
    kecamatan: Mapped[str] = mapped_column(String(80))
    sex: Mapped[str] = mapped_column(String(1))
    join_date: Mapped[date] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    number: Mapped[str | None] = mapped_column(String(16))
    full_name: Mapped[str | None] = mapped_column(String(120))
    nik: Mapped[str | None] = mapped_column(String(16))


class DistrictLoan(Base):
    """A loan with principal outstanding at the packet's moment, as the office's arrears report saw it."""

    __tablename__ = "district_loans"
    __table_args__ = (CheckConstraint("outstanding >= 0 AND arrears >= 0 AND days_past_due >= 0", name="amounts"),)

    district_office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("district_offices.id"), primary_key=True)
    loan_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    kecamatan: Mapped[str] = mapped_column(String(80))
    outstanding: Mapped[int] = mapped_column(BigInteger)
    arrears: Mapped[int] = mapped_column(BigInteger)
    days_past_due: Mapped[int] = mapped_column(Integer)
    at_risk: Mapped[bool] = mapped_column(Boolean)
