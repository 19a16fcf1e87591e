"""What every part of the demo writes with: the office's staff, event times in office hours, bulk inserts.

The demo writes hundreds of thousands of rows inside the caller's transaction; each part (loans, sales,
trainings, network, savings) builds the rows the services would have written and hands them to
``bulk_insert``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import AuditEvent, User
from koperasi.domain.roles import Actor, Role
from koperasi.services.office import audit

CHUNK = 10_000


@dataclass(slots=True)
class Staff:
    """The office's users who act in the demo's history: the admin, the manager, the treasurer, the clerks."""

    admin: Actor
    manager: Actor
    treasurer: Actor
    clerks: list[Actor]


def load_staff(session: Session) -> Staff:
    """The active users by role; a role nobody holds falls to the admin."""
    actors: dict[Role, list[Actor]] = defaultdict(list)
    for user in session.scalars(select(User).where(User.active.is_(True)).order_by(User.username)):
        actors[Role(user.role)].append(Actor(user.id, user.username, user.full_name, Role(user.role)))
    admin = actors[Role.ADMIN][0]
    return Staff(
        admin=admin,
        manager=(actors[Role.MANAGER] or [admin])[0],
        treasurer=(actors[Role.TREASURER] or [admin])[0],
        clerks=actors[Role.CLERK] or [admin],
    )


def event_time(day: date, index: int) -> datetime:
    """Office hours on that day (08:00 WIB = 01:00 UTC), one event after the other."""
    return datetime.combine(day, time(1, 0), UTC) + timedelta(seconds=index * 5)


def bulk_insert(session: Session, model, rows: list[dict]) -> None:
    """Bulk INSERT of rows that all have the same keys, values converted by the columns' own types.

    On SQLite the converted rows go straight to the driver's executemany: SQLAlchemy's
    per-row parameter handling costs more than SQLite's insert itself at this volume.
    """
    if not rows:
        return
    if model is AuditEvent:
        audit.chain_rows(session, rows)
    table = model.__table__
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite":
        for start in range(0, len(rows), CHUNK):
            connection.execute(table.insert(), rows[start : start + CHUNK])
        return
    keys = list(rows[0])
    processors = [table.c[key].type._cached_bind_processor(dialect) for key in keys]
    converters = [(key, processor) for key, processor in zip(keys, processors, strict=True)]
    columns = ", ".join(f'"{key}"' for key in keys)
    sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" * len(keys))})'
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.executemany(
            sql,
            ([row[key] if processor is None else processor(row[key]) for key, processor in converters] for row in rows),
        )
    finally:
        cursor.close()
