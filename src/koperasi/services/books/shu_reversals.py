"""Undoing a member's SHU payment by reversal, under four eyes as every money reversal (Berkas → Pembatalan
menunggu persetujuan): one user with the right asks, another approves.

Approval posts the mirror of the payment dated today (an open year): paid in cash, Kas back against Hutang SHU
anggota and the kwitansi reprints BATAL; paid into sukarela, the savings deposit is reversed as any savings
reversal (refused if the member already drew on it). The share is then owed again and may be paid anew.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import Member, ShuDivision, ShuPayment, ShuPaymentReversal, SavingsMovement
from koperasi.domain.books.rules import PaymentMethod, check_year
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.ledger import check_reason
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.reversals import ReversalKind
from koperasi.domain.roles import Actor, Permission
from koperasi.services import ledger, reversals
from koperasi.services.access import authorize
from koperasi.services.books.shu import standing_payment
from koperasi.services.office import audit
from koperasi.services.savings import movements as savings
from koperasi.services.transaction import write
from koperasi import clock


def request_shu_payment_reversal(
    session: Session, actor: Actor, year: int, member_id: uuid.UUID, *, reason: str, request_id: uuid.UUID
) -> uuid.UUID:
    """Ask for the member's standing SHU payment of ``year`` to be undone; another user approves it."""
    with write(session):
        authorize(session, actor, Permission.REVERSE_SHU_PAYMENTS)
        check_year(year)
        payment = _standing(session, year, member_id)
        if (known := reversals.known_request(session, request_id, ReversalKind.SHU_PAYMENT, payment.id)) is not None:
            return known
        reason = check_reason(reason, "pembatalan")
        method = PaymentMethod(payment.method)
        if method is PaymentMethod.SUKARELA:
            savings.check_reversible(session, payment.savings_movement_id)
        member = session.get(Member, member_id)
        receipt = payment.receipt_number or _savings_receipt(session, payment)
        return reversals.open_request(
            session, actor, kind=ReversalKind.SHU_PAYMENT, target_id=payment.id,
            summary=f"SHU {year} {method.label.lower()} {receipt}, {member.number} {member.full_name}",
            amount=payment.amount, reason=reason, request_id=request_id,
        )


def approve_shu_payment_reversal(session: Session, actor: Actor, reversal_request_id: uuid.UUID) -> uuid.UUID:
    """Approve another user's request: the payment's mirror is posted today and the share is owed again.
    Returns the reversal's id; a retried approval posts nothing."""
    with write(session):
        authorize(session, actor, Permission.REVERSE_SHU_PAYMENTS)
        request = reversals.claim(session, actor, reversal_request_id, ReversalKind.SHU_PAYMENT)
        if request.result_id is not None:
            return request.result_id
        payment = session.get(ShuPayment, request.target_id)
        if session.scalar(select(ShuPaymentReversal.id).where(ShuPaymentReversal.payment_id == payment.id)) is not None:
            raise ValidationError("Pembayaran SHU ini sudah dibatalkan.")
        year = session.get(ShuDivision, payment.division_id).year
        reason, today = check_reason(request.reason, "pembatalan"), clock.today()
        movement_id = None
        if PaymentMethod(payment.method) is PaymentMethod.SUKARELA:
            movement_id = savings.reverse_within(session, actor, payment.savings_movement_id, key=request.id,
                                                 reason=f"pembayaran SHU {year} dibatalkan: {reason}")
            entry_id = session.get(SavingsMovement, movement_id).journal_entry_id
        else:
            entry_id = ledger.post_reversal(
                session, actor, original_id=payment.journal_entry_id, key=request.id, entry_date=today,
                description=f"Pembatalan pembayaran SHU {year} {payment.receipt_number}: {reason}",
                request={"shu_payment": payment.id},
            ).id
        row = ShuPaymentReversal(
            id=uuid.uuid4(), payment_id=payment.id, reversed_on=today, reason=reason, journal_entry_id=entry_id,
            savings_movement_id=movement_id, created_by=actor.user_id, created_at=clock.now(),
        )
        session.add(row)
        session.flush()
        audit.record(
            session, actor, action=AuditAction.SHU_PAYMENT_REVERSED, entity="member", entity_id=payment.member_id,
            before={"year": year, "amount": format_rupiah(payment.amount), "method": PaymentMethod(payment.method).label,
                    "receipt_number": payment.receipt_number or _savings_receipt(session, payment)},
            reason=reason,
        )
        reversals.settle(session, actor, request, row.id)
        return row.id


def _standing(session: Session, year: int, member_id: uuid.UUID) -> ShuPayment:
    division_id = session.scalar(select(ShuDivision.id).where(ShuDivision.year == year))
    payment = None if division_id is None else standing_payment(session, division_id, member_id)
    if payment is None:
        raise NotFound(f"SHU tahun {year} anggota ini belum dibayarkan; tidak ada yang dibatalkan.")
    return payment


def _savings_receipt(session: Session, payment: ShuPayment) -> str:
    return session.get(SavingsMovement, payment.savings_movement_id).receipt_number or ""
