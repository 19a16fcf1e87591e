"""The audit trail: who did what, when (UTC), with the record before and after.

Never log secrets: callers pass snapshots built for the audit, without password hashes.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from koperasi.db.engine import UNSTORABLE_TEXT
from koperasi.db.models import AuditEvent
from koperasi.domain.errors import ValidationError
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.office.audit_chain import canonical_content, chain_hash
from koperasi.domain.paging import page_bounds
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.transaction import in_write, lock_writers
from koperasi import clock

SYSTEM_USERNAME = "sistem"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    occurred_at: datetime
    username: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str | None


def record(
    session: Session,
    actor: Actor | None,
    *,
    action: AuditAction,
    entity: str,
    entity_id: uuid.UUID | str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str | None = None,
    username: str | None = None,
) -> None:
    """Add an event to the caller's transaction (``actor`` None: the program itself).

    The event is chained to the newest one (``chain_hash``). Two clerks saving at once must not both
    chain to the same predecessor: the write transaction admits one writer at a time (SQLite: BEGIN
    IMMEDIATE; PostgreSQL: ``transaction.lock_writers``, taken here too for a caller outside ``write``).

    Written at once with a plain INSERT, not as an ORM object for a later flush: the next event of the
    same transaction then finds it as the newest, and a posting does not pay for the unit of work.
    """
    if not in_write(session):
        lock_writers(session)
    # Stored as JSON: hash what will be read back (tuples become lists, keys become strings).
    row = {
        "occurred_at": clock.now(),
        "user_id": actor.user_id if actor else None,
        "username": actor.username if actor else (username or SYSTEM_USERNAME),
        "action": str(action),
        "entity": entity,
        "entity_id": str(entity_id),
        "before": _as_stored(before),
        "after": _as_stored(after),
        "reason": reason,
    }
    try:
        row["chain_hash"] = chain_hash(_newest_hash(session), canonical_content(**row))
    except UnicodeEncodeError:  # a lone surrogate in the text the event records: the engine would refuse it too
        raise ValidationError(UNSTORABLE_TEXT) from None
    session.execute(_INSERT_EVENT, row)


# Built once: a statement object keeps its cache key, one built per event computes it every time.
_INSERT_EVENT = insert(AuditEvent.__table__)
_NEWEST_HASH = select(AuditEvent.chain_hash).order_by(AuditEvent.id.desc()).limit(1)


def _newest_hash(session: Session) -> str | None:
    # Not flushing here: a caller may hold half-built records that are not ready to be inserted.
    with session.no_autoflush:
        return session.scalar(_NEWEST_HASH)


def chain_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Give rows about to be bulk-inserted, in this order, their ``chain_hash`` (bulk import, demo data).

    Events recorded earlier in the transaction are already written (``record``), so the rows chain after
    them and get later ids.
    """
    lock_writers(session)
    session.flush()
    previous = _newest_hash(session)
    for row in rows:
        row["before"], row["after"] = _as_stored(row["before"]), _as_stored(row["after"])
        previous = row["chain_hash"] = chain_hash(previous, canonical_content(
            occurred_at=row["occurred_at"], user_id=row["user_id"], username=row["username"], action=row["action"],
            entity=row["entity"], entity_id=row["entity_id"], before=row["before"], after=row["after"],
            reason=row["reason"],
        ))


def content_of(event: AuditEvent) -> str:
    return canonical_content(
        occurred_at=event.occurred_at, user_id=event.user_id, username=event.username, action=event.action,
        entity=event.entity, entity_id=event.entity_id, before=event.before, after=event.after, reason=event.reason,
    )


def _as_stored(value: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if value is None else json.loads(json.dumps(value))


def recent_events(session: Session, actor: Actor, *, limit: int = 200) -> list[AuditEntry]:
    authorize(session, actor, Permission.VIEW_AUDIT)
    rows = session.scalars(
        select(AuditEvent).order_by(AuditEvent.id.desc()).limit(page_bounds(0, limit, most=10_000)[1])
    )
    return [
        AuditEntry(
            occurred_at=row.occurred_at,
            username=row.username,
            action=row.action,
            entity=row.entity,
            entity_id=row.entity_id,
            before=row.before,
            after=row.after,
            reason=row.reason,
        )
        for row in rows
    ]
