"""The database schema as typed SQLAlchemy models.

Ids are UUIDs so that two offices' data can be combined without clashes.
Rows that others may edit at the same time carry a ``version`` column: SQLAlchemy
adds it to every UPDATE, so a stale write fails instead of overwriting.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
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
    name: Mapped[str] = mapped_column(String(80), unique=True)


class Desa(Base):
    __tablename__ = "desa"
    __table_args__ = (
        UniqueConstraint("kecamatan_code", "name"),
        CheckConstraint("kind IN ('desa', 'kelurahan')", name="kind"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
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
    __table_args__ = (Index("ix_audit_events_entity", "entity", "entity_id"),)

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
        Index("ix_members_kecamatan_status", "kecamatan_code", "status"),
        Index("ix_members_birth_date", "birth_date"),  # "same name and birth date?" on every save
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
    join_date: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(8), default="aktif")
    left_on: Mapped[date | None] = mapped_column(Date)
    left_reason: Mapped[str | None] = mapped_column(String(250))
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class MemberCategory(Base):
    __tablename__ = "member_categories"

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
