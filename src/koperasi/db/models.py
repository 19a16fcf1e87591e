"""The database schema as typed SQLAlchemy models.

Ids are UUIDs so that two offices' data can be combined without clashes.
Rows that others may edit at the same time carry a ``version`` column: SQLAlchemy
adds it to every UPDATE, so a stale write fails instead of overwriting.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
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
