"""The audit trail: who did what, when (UTC), with the record before and after.

Never log secrets: callers pass snapshots built for the audit, without password hashes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import AuditEvent
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.paging import page_bounds
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
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
    """Add an event to the caller's transaction (``actor`` None: the program itself)."""
    session.add(
        AuditEvent(
            occurred_at=clock.now(),
            user_id=actor.user_id if actor else None,
            username=actor.username if actor else (username or SYSTEM_USERNAME),
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            before=before,
            after=after,
            reason=reason,
        )
    )


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
