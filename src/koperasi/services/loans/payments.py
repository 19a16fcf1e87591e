"""Money coming back: repayments at the counter, a group's collection in one go, and reversals (four eyes)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import Loan, LoanMovement, LoanSchedule, Member, MemberGroup
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.ledger import Account, credit, debit
from koperasi.domain.loans.rules import Allocation, LoanStatus, MovementKind, allocate, check_payment
from koperasi.domain.ledger import check_reason
from koperasi.domain.money import format_rupiah
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.reversals import ReversalKind
from koperasi.services import ledger, reversals
from koperasi.services.office import audit
from koperasi.services.loans import book as loan_book
from koperasi.services.access import authorize
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class Payment:
    loan_id: uuid.UUID
    movement_id: uuid.UUID
    receipt_number: str
    amount: int
    allocations: tuple[Allocation, ...]  # which installments it paid, oldest first
    remaining: int  # principal still owed after it


def repay(
    session: Session,
    actor: Actor,
    loan_id: uuid.UUID,
    *,
    amount: int,
    paid_on: date,
    request_id: uuid.UUID,
    receipt_number: str | None = None,
) -> Payment:
    """Take a payment: it pays the oldest unpaid installment first; more than is owed is refused."""
    with write(session):
        authorize(session, actor, Permission.TAKE_REPAYMENTS)
        return _repay(session, actor, loan_id, amount=amount, paid_on=paid_on, key=request_id, receipt=receipt_number)


def _repay(
    session: Session, actor: Actor, loan_id: uuid.UUID, *, amount: int, paid_on: date, key: uuid.UUID, receipt: str | None
) -> Payment:
    request = {"loan": loan_id, "amount": amount, "paid_on": paid_on, "receipt": receipt}
    existing = ledger.find_entry(session, key, "loan_repayment", request=request)
    if existing is not None:
        return _payment_of(session, existing.id)
    loan = loan_book.loan_to_repay(session, loan_id)
    loan_book.require_status(loan, LoanStatus.ACTIVE, doing="menerima angsuran")
    remaining = loan_book.outstanding(loan)
    check_payment(amount, remaining)
    loan_book.check_day(paid_on, not_before=loan.disbursed_on, what="pembayaran")
    schedule = loan_book.installments(session, loan.id, loan.schedule_no)
    allocations = allocate([item.amount for item in schedule], loan.principal_paid - loan.paid_before, amount)
    entry = ledger.post(
        session, actor, key=key, entry_date=paid_on, kind="loan_repayment",
        description=f"Angsuran pinjaman {loan.number} {loan.borrower}",
        lines=[debit(Account.CASH, amount), credit(Account.LOANS_RECEIVABLE, amount, loan.fund_source_id)],
        request=request,
    )
    movement = loan_book.add_movement(
        session, actor, loan, kind=MovementKind.REPAYMENT, amount=amount, occurred_on=paid_on,
        journal_entry_id=entry.id, receipt=loan_book.receipt_number(session, on=paid_on, given=receipt),
    )
    loan_book.pay_into(session, loan, amount, paid_on=paid_on)
    audit.record(
        session, actor, action=AuditAction.LOAN_REPAID, entity="loan", entity_id=loan.id,
        after={"amount": format_rupiah(amount), "receipt_number": movement.receipt_number, "occurred_on": paid_on.isoformat()},
    )
    return Payment(loan.id, movement.id, movement.receipt_number, amount, tuple(allocations), remaining - amount)


def _payment_of(session: Session, entry_id: uuid.UUID) -> Payment:
    """The result of an earlier save with the same key (a retry), rebuilt from what it wrote."""
    record = loan_book.movements_of_entry(session, entry_id)[0]
    row = session.get(LoanMovement, record.id)
    loan = session.get(Loan, row.loan_id)
    header, schedule = loan_book.current_schedule(session, loan)
    allocations: list[Allocation] = []
    if header is not None and header.created_at <= row.created_at:
        # What stood paid when it was taken: the repayments saved before it that were not cancelled.
        cancelled = select(LoanMovement.reversal_of_id).where(
            LoanMovement.loan_id == loan.id, LoanMovement.reversal_of_id.is_not(None)
        )
        earlier = session.scalar(
            select(func.coalesce(func.sum(LoanMovement.amount), 0)).where(
                LoanMovement.loan_id == loan.id, LoanMovement.kind == MovementKind.REPAYMENT.value,
                LoanMovement.created_at < row.created_at, LoanMovement.id.not_in(cancelled),
            )
        )
        allocations = allocate([item.amount for item in schedule], int(earlier) - header.paid_before, record.amount)
    return Payment(
        loan.id, record.id, record.receipt_number or "", record.amount, tuple(allocations), loan_book.outstanding(loan)
    )


@dataclass(frozen=True, slots=True)
class GroupPayment:
    loan_id: uuid.UUID
    amount: int  # 0: the member paid nothing at this meeting


def post_group_collection(
    session: Session,
    actor: Actor,
    group_id: uuid.UUID,
    *,
    paid_on: date,
    payments: Sequence[GroupPayment],
    request_id: uuid.UUID,
) -> list[Payment]:
    """Post what each member paid at the group's meeting, all or nothing, one receipt per member."""
    with write(session):
        authorize(session, actor, Permission.TAKE_REPAYMENTS)
        group = session.get(MemberGroup, group_id)
        if group is None:
            raise NotFound("Kelompok tidak ditemukan.")
        paying = [payment for payment in payments if payment.amount != 0]
        if not paying:
            raise ValidationError("Belum ada setoran yang diisi.", field="amount")
        if len({payment.loan_id for payment in paying}) != len(paying):
            raise ValidationError("Satu pinjaman tercantum dua kali dalam setoran.")
        keys = {payment.loan_id: uuid.uuid5(request_id, str(payment.loan_id)) for payment in paying}
        _check_whole_retry(session, list(keys.values()))
        results = []
        for payment in paying:
            loan = session.get(Loan, payment.loan_id)
            if loan is None or loan.group_id != group_id:
                raise ValidationError("Setoran memuat pinjaman yang bukan milik kelompok ini.")
            try:
                results.append(
                    _repay(session, actor, payment.loan_id, amount=payment.amount, paid_on=paid_on,
                           key=keys[payment.loan_id], receipt=None)
                )
            except ValidationError as error:
                member = session.get(Member, loan.member_id)
                raise ValidationError(f"{member.full_name} ({loan.number}): {error}", field=error.field) from error
        audit.record(
            session, actor, action=AuditAction.GROUP_COLLECTION_POSTED, entity="group", entity_id=group_id,
            after={"amount": format_rupiah(sum(item.amount for item in results)), "rows": len(results),
                   "occurred_on": paid_on.isoformat()},
        )
        return results


def _check_whole_retry(session: Session, keys: Sequence[uuid.UUID]) -> None:
    """A retried collection repeats every member's payment; one that finds only some of them saved
    (a member added or dropped since) is another collection under the same request id."""
    if {ledger.find_entry(session, key) is not None for key in keys} == {True, False}:
        raise ledger.request_changed()


def request_movement_reversal(
    session: Session, actor: Actor, movement_id: uuid.UUID, *, reason: str, request_id: uuid.UUID
) -> uuid.UUID:
    """Ask for a mistaken movement to be cancelled; another user approves it (four eyes). Returns the request's id."""
    with write(session):
        authorize(session, actor, Permission.REVERSE_MOVEMENTS)
        if (known := reversals.known_request(session, request_id, ReversalKind.LOAN_MOVEMENT, movement_id)) is not None:
            return known
        original, loan, reason = _reversible(session, movement_id, reason)
        member = session.get(Member, loan.member_id)
        return reversals.open_request(
            session, actor, kind=ReversalKind.LOAN_MOVEMENT, target_id=original.id,
            summary=f"{MovementKind(original.kind).label} {original.receipt_number or loan.number}, "
                    f"pinjaman {loan.number} {member.full_name}",
            amount=original.amount, reason=reason, request_id=request_id,
        )


def approve_movement_reversal(session: Session, actor: Actor, reversal_request_id: uuid.UUID) -> uuid.UUID:
    """Approve another user's request: cancel the movement by its mirror image (the original stays,
    its receipt reprints BATAL). Returns the reversal movement's id; a retried approval posts nothing."""
    with write(session):
        authorize(session, actor, Permission.REVERSE_MOVEMENTS)
        request = reversals.claim(session, actor, reversal_request_id, ReversalKind.LOAN_MOVEMENT)
        if request.result_id is not None:
            return request.result_id
        original, loan, reason = _reversible(session, request.target_id, request.reason)
        key = request.id
        reversal_id = _reverse(session, actor, loan, original, key=key, reason=reason, request={"movement": original.id})
        if MovementKind(original.kind) is MovementKind.DISBURSEMENT:
            # A cancelled disbursement gives the member back the fee taken with it.
            fee = _open_fee(session, loan)
            if fee is not None:
                _reverse(session, actor, loan, fee, key=uuid.uuid5(key, "admin_fee"), reason=reason)
        reversals.settle(session, actor, request, reversal_id)
        return reversal_id


def _reversible(session: Session, movement_id: uuid.UUID, reason: str) -> tuple[LoanMovement, Loan, str]:
    """The movement, its loan (locked) and the checked reason, or why it cannot be cancelled now."""
    original = session.get(LoanMovement, movement_id)
    if original is None:
        raise NotFound("Transaksi tidak ditemukan.")
    reason = check_reason(reason, "pembatalan")
    kind = MovementKind(original.kind)
    if kind is MovementKind.REVERSAL:
        raise ValidationError("Pembatalan tidak dapat dibatalkan; catat transaksi yang benar sebagai transaksi baru.")
    if session.scalar(select(LoanMovement.id).where(LoanMovement.reversal_of_id == original.id)) is not None:
        raise ValidationError("Transaksi ini sudah dibatalkan.")
    loan = loan_book.locked_loan(session, original.loan_id)
    _check_reversible(session, loan, original, kind)
    return original, loan, reason


def _reverse(session: Session, actor: Actor, loan: Loan, original: LoanMovement, *, key: uuid.UUID, reason: str,
             request: dict[str, object] | None = None) -> uuid.UUID:
    kind = MovementKind(original.kind)
    today = clock.today()
    entry = ledger.post_reversal(
        session, actor, original_id=original.journal_entry_id, key=key, entry_date=today,
        description=f"Pembatalan {kind.label.lower()} {original.receipt_number or loan.number}: {reason}",
        request=request,
    )
    reversal = loan_book.add_movement(
        session, actor, loan, kind=MovementKind.REVERSAL, amount=original.amount, occurred_on=today,
        journal_entry_id=entry.id, reversal_of=original.id, reason=reason,
    )
    _undo_on_loan(loan, kind, original.amount)
    session.flush()
    audit.record(
        session, actor, action=AuditAction.LOAN_MOVEMENT_REVERSED, entity="loan", entity_id=loan.id,
        before={"kind": kind.label, "amount": format_rupiah(original.amount), "receipt_number": original.receipt_number},
        reason=reason,
    )
    return reversal.id


def _open_fee(session: Session, loan: Loan) -> LoanMovement | None:
    reversed_ids = select(LoanMovement.reversal_of_id).where(
        LoanMovement.loan_id == loan.id, LoanMovement.reversal_of_id.is_not(None)
    )
    return session.scalar(
        select(LoanMovement).where(
            LoanMovement.loan_id == loan.id, LoanMovement.kind == MovementKind.ADMIN_FEE.value,
            LoanMovement.id.not_in(reversed_ids),
        )
    )


def _check_reversible(session: Session, loan: Loan, original: LoanMovement, kind: MovementKind) -> None:
    if kind is MovementKind.DISBURSEMENT and (loan.principal_paid or loan.written_off):
        raise ValidationError("Pencairan yang sudah diangsur tidak dapat dibatalkan; batalkan angsurannya dahulu.")
    if kind is MovementKind.REPAYMENT and LoanStatus(loan.status) is LoanStatus.WRITTEN_OFF:
        raise ValidationError("Pinjaman ini sudah dihapusbukukan; batalkan hapus bukunya dahulu.")
    if kind is MovementKind.REPAYMENT:
        # The current schedule was built on the payments recorded before it (its paid_before), whatever
        # their dates: a same-day payment recorded before the reschedule is one of them.
        made_at = session.scalar(
            select(LoanSchedule.created_at).where(LoanSchedule.loan_id == loan.id, LoanSchedule.schedule_no == loan.schedule_no)
        )
        if loan.rescheduled and original.created_at < made_at:
            raise ValidationError("Angsuran sebelum penjadwalan ulang tidak dapat dibatalkan.")
    if kind is MovementKind.DISBURSEMENT and LoanStatus(loan.status) is not LoanStatus.ACTIVE:
        raise ValidationError("Pinjaman ini tidak sedang berjalan.")


def _undo_on_loan(loan: Loan, kind: MovementKind, amount: int) -> None:
    """Put the loan back where it stood before the cancelled movement."""
    if kind is MovementKind.DISBURSEMENT:
        loan.status, loan.disbursed, loan.disbursed_on, loan.first_due_on, loan.schedule_no = (
            LoanStatus.APPROVED.value, 0, None, None, 0,
        )
    elif kind is MovementKind.REPAYMENT:
        loan.principal_paid -= amount
        loan.status, loan.closed_on = LoanStatus.ACTIVE.value, None
    elif kind is MovementKind.WRITE_OFF:
        loan.written_off -= amount
        loan.status, loan.closed_on = LoanStatus.ACTIVE.value, None
