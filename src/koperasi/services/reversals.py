"""Reversal requests under four eyes, shared by the areas that move money.

The area asks ``open_request`` once it has checked that the movement can be reversed; on approval
it takes the request with ``claim``, posts the reversal (journal entry, reversal row, audit) and
closes the request with ``settle``, all in the approver's one transaction. Rejection and the list of
waiting requests need nothing from the areas, so they live here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import (
    CashEntry,
    JournalEntry,
    LoanMovement,
    Payout,
    ReversalRequest,
    Sale,
    SavingsMovement,
    ShuPayment,
    User,
)
from koperasi.domain.errors import NotFound, PermissionDenied, ValidationError
from koperasi.domain.ledger import check_reason
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.reversals import OWN_REQUEST, ReversalKind, ReversalStatus
from koperasi.domain.roles import Actor, Permission, four_eyes_refusal
from koperasi.services import ledger
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.transaction import write
from koperasi import clock

ALREADY_PENDING = "Pembatalan transaksi ini sudah diminta dan masih menunggu persetujuan."


def open_request(
    session: Session, actor: Actor, *, kind: ReversalKind, target_id: uuid.UUID, summary: str, amount: int, reason: str,
    request_id: uuid.UUID,
) -> uuid.UUID:
    """Record the request (inside the caller's transaction, after its own checks)."""
    if session.scalar(select(ReversalRequest.id).where(
        ReversalRequest.kind == kind.value, ReversalRequest.target_id == target_id,
        ReversalRequest.status == ReversalStatus.PENDING.value,
    )) is not None:
        raise ValidationError(ALREADY_PENDING)
    row = ReversalRequest(
        id=request_id, kind=kind.value, target_id=target_id, summary=summary[:250], amount=amount, reason=reason,
        status=ReversalStatus.PENDING.value, requested_by=actor.user_id, requested_at=clock.now(), decision_note="",
    )
    session.add(row)
    session.flush()
    audit.record(
        session, actor, action=AuditAction.REVERSAL_REQUESTED, entity=kind.value, entity_id=target_id,
        after={"summary": row.summary, "amount": format_rupiah(amount), "request": str(row.id)}, reason=reason,
    )
    return row.id


def known_request(session: Session, request_id: uuid.UUID, kind: ReversalKind, target_id: uuid.UUID) -> uuid.UUID | None:
    """The request already saved under this id (a retried save), answered before checking anything again."""
    existing = session.get(ReversalRequest, request_id)
    if existing is None:
        return None
    if (existing.kind, existing.target_id) != (kind.value, target_id):
        raise ledger.key_reused()
    return existing.id


def claim(session: Session, actor: Actor, request_id: uuid.UUID, kind: ReversalKind) -> ReversalRequest:
    """The request to approve, locked; an approved one is returned as is (a retried approval)."""
    row = session.get(ReversalRequest, request_id, with_for_update=True, populate_existing=True)
    if row is None or row.kind != kind.value:
        raise NotFound("Permintaan pembatalan tidak ditemukan.")
    if row.status == ReversalStatus.REJECTED.value:
        raise ValidationError("Permintaan pembatalan ini sudah ditolak.")
    if row.status == ReversalStatus.PENDING.value and (refusal := four_eyes_refusal(row.requested_by, actor, OWN_REQUEST)):
        raise PermissionDenied(refusal)
    return row


def settle(session: Session, actor: Actor, row: ReversalRequest, result_id: uuid.UUID) -> None:
    """Close an approved request with the reversal it posted."""
    row.status, row.decided_by, row.decided_at, row.result_id = (
        ReversalStatus.APPROVED.value, actor.user_id, clock.now(), result_id,
    )
    session.flush()
    audit.record(
        session, actor, action=AuditAction.REVERSAL_APPROVED, entity=row.kind, entity_id=row.target_id,
        after={"summary": row.summary, "amount": format_rupiah(row.amount), "request": str(row.id)},
    )


def reject_reversal(session: Session, actor: Actor, request_id: uuid.UUID, *, reason: str) -> None:
    """Turn a request down; the movement stands and may be asked for again."""
    with write(session):
        _authorize_any_kind(session, actor)
        row = session.get(ReversalRequest, request_id, with_for_update=True, populate_existing=True)
        if row is None:
            raise NotFound("Permintaan pembatalan tidak ditemukan.")
        authorize(session, actor, ReversalKind(row.kind).permission)
        if row.status != ReversalStatus.PENDING.value:
            raise ValidationError("Permintaan pembatalan ini sudah diputuskan.")
        if (refusal := four_eyes_refusal(row.requested_by, actor, OWN_REQUEST)) is not None:
            raise PermissionDenied(refusal)
        note = check_reason(reason, "penolakan")
        row.status, row.decided_by, row.decided_at, row.decision_note = (
            ReversalStatus.REJECTED.value, actor.user_id, clock.now(), note,
        )
        session.flush()
        audit.record(
            session, actor, action=AuditAction.REVERSAL_REJECTED, entity=row.kind, entity_id=row.target_id,
            after={"summary": row.summary, "amount": format_rupiah(row.amount), "request": str(row.id)}, reason=note,
        )


def _authorize_any_kind(session: Session, actor: Actor) -> None:
    """Refuse before looking anything up when the user may reverse nothing at all."""
    refused: PermissionDenied | None = None
    for kind in ReversalKind:
        try:
            authorize(session, actor, kind.permission)
            return
        except PermissionDenied as error:
            refused = error
    raise refused


@dataclass(frozen=True, slots=True)
class PendingReversal:
    id: uuid.UUID
    kind: ReversalKind
    target_id: uuid.UUID
    summary: str
    amount: int
    reason: str
    requested_by: str  # full name
    requested_at: datetime
    refusal: str | None  # why this user may not decide it (own request, or no right); None if they may


def pending_reversals(session: Session, actor: Actor) -> list[PendingReversal]:
    """Every request still waiting, oldest first, with whether ``actor`` may decide it (for Beranda and the list)."""
    authorize(session, actor, Permission.USE_APP)
    rows = session.execute(
        select(ReversalRequest, User.full_name).join(User, User.id == ReversalRequest.requested_by)
        .where(ReversalRequest.status == ReversalStatus.PENDING.value).order_by(ReversalRequest.requested_at)
    )
    return [
        PendingReversal(row.id, ReversalKind(row.kind), row.target_id, row.summary, row.amount, row.reason, name,
                        row.requested_at, _refusal(row, actor))
        for row, name in rows
    ]


def _refusal(row: ReversalRequest, actor: Actor) -> str | None:
    kind = ReversalKind(row.kind)
    if not actor.can(kind.permission):
        return f"Peran Anda ({actor.role.label}) tidak berwenang untuk {kind.permission.label}."
    return four_eyes_refusal(row.requested_by, actor, OWN_REQUEST)


# Each kind's rows and the journal entry that dates them.
_TARGETS = {
    ReversalKind.LOAN_MOVEMENT: LoanMovement,
    ReversalKind.SALE: Sale,
    ReversalKind.PAYOUT: Payout,
    ReversalKind.SAVING: SavingsMovement,
    ReversalKind.CASH_ENTRY: CashEntry,
    ReversalKind.SHU_PAYMENT: ShuPayment,
}


def pending_between(session: Session, start: date, end: date) -> list[str]:
    """The summaries of the requests still waiting whose movement is dated from ``start`` to ``end`` (a year
    being closed: once it is, their reversal can only be dated in the next year)."""
    summaries: list[str] = []
    for kind, model in _TARGETS.items():
        summaries += session.scalars(
            select(ReversalRequest.summary).join(model, model.id == ReversalRequest.target_id)
            .join(JournalEntry, JournalEntry.id == model.journal_entry_id)
            .where(ReversalRequest.kind == kind.value, ReversalRequest.status == ReversalStatus.PENDING.value,
                   JournalEntry.entry_date.between(start, end))
            .order_by(ReversalRequest.requested_at)
        )
    return summaries
