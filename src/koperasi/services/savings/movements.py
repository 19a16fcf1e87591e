"""Money into and out of members' savings at the counter, and reversals under four eyes.

Each deposit or withdrawal writes its movement, a kwitansi number, a balanced journal entry and an
audit event in one transaction. The dialog's request id becomes the entry's key: a retried save
returns the first result and posts nothing; the same id with other content is refused.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import SavingsMovement, ShuPayment
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.ledger import Account, check_reason, credit, debit
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.reversals import ReversalKind
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.savings.rules import (
    SavingsAction,
    SavingsKind,
    change_of,
    check_amount,
    check_pokok_deposit,
    check_reversal,
    check_withdrawal,
    pokok_owed,
)
from koperasi.services import ledger, reversals
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.savings import book
from koperasi.services.savings.book import Movement
from koperasi.services.transaction import write
from koperasi import clock

_ENTRY_KINDS = {SavingsAction.DEPOSIT: "savings_deposit", SavingsAction.WITHDRAWAL: "savings_withdrawal"}


def deposit(
    session: Session, actor: Actor, member_id: uuid.UUID, *, kind: SavingsKind, amount: int, occurred_on: date,
    request_id: uuid.UUID,
) -> Movement:
    """Take a deposit of any kind; pokok no more than the member still owes of it."""
    with write(session):
        authorize(session, actor, Permission.RECORD_SAVINGS)
        return _record(session, actor, member_id, SavingsAction.DEPOSIT, kind=kind, amount=amount,
                       occurred_on=occurred_on, key=request_id)


def withdraw(
    session: Session, actor: Actor, member_id: uuid.UUID, *, amount: int, occurred_on: date, request_id: uuid.UUID,
    kind: SavingsKind = SavingsKind.SUKARELA,
) -> Movement:
    """Pay out savings: sukarela only (pokok and wajib are refused while the member stays), never more than the balance."""
    with write(session):
        authorize(session, actor, Permission.RECORD_SAVINGS)
        return _record(session, actor, member_id, SavingsAction.WITHDRAWAL, kind=kind, amount=amount,
                       occurred_on=occurred_on, key=request_id)


def deposit_from(
    session: Session, actor: Actor, member_id: uuid.UUID, *, amount: int, occurred_on: date, key: uuid.UUID,
    source: Account,
) -> Movement:
    """A sukarela deposit paid from what the cooperative owes the member (``source``, e.g. Hutang SHU anggota)
    instead of cash: the same movement, kwitansi, audit event and balance checks as a deposit at the counter.
    A building block: the caller has opened the write transaction and checked the actor's right."""
    return _record(session, actor, member_id, SavingsAction.DEPOSIT, kind=SavingsKind.SUKARELA, amount=amount,
                   occurred_on=occurred_on, key=key, counter=source)


def _record(
    session: Session, actor: Actor, member_id: uuid.UUID, action: SavingsAction, *, kind: SavingsKind, amount: int,
    occurred_on: date, key: uuid.UUID, counter: Account = Account.CASH,
) -> Movement:
    kind = _checked_kind(kind)
    request = {"member": member_id, "kind": kind, "action": action, "amount": amount, "occurred_on": occurred_on}
    if counter is not Account.CASH:
        request["from"] = counter
    entry_kind = _ENTRY_KINDS[action]
    if (existing := ledger.find_entry(session, key, entry_kind, request=request)) is not None:
        return book.movement_result(session, _movement_of_entry(session, existing.id))
    check_amount(amount)
    if not isinstance(occurred_on, date):
        raise ValidationError("Tanggal transaksi wajib diisi.", field="occurred_on")
    member = book.member_of(session, member_id)
    book.require_active(member)
    book.check_day(occurred_on, member)
    balance = book.balances(session, member.id)[kind]
    if action is SavingsAction.WITHDRAWAL:
        check_withdrawal(kind, amount, balance)
    elif kind is SavingsKind.POKOK:
        owed = pokok_owed(member.join_date, book.rates_of(session, SavingsKind.POKOK))
        if owed == 0 and balance == 0:
            raise ValidationError("Besar simpanan pokok belum diatur (Simpanan → Besar simpanan…).", field="kind")
        check_pokok_deposit(amount, owed - balance)
    cash, savings = debit(counter, amount), credit(kind.account, amount)
    if action is SavingsAction.WITHDRAWAL:
        cash, savings = credit(counter, amount), debit(kind.account, amount)
    entry = ledger.post(
        session, actor, key=key, entry_date=occurred_on, kind=entry_kind,
        description=f"{action.label} {kind.label.lower()} {member.number} {member.full_name}",
        lines=[cash, savings], request=request,
    )
    row = book.add_movement(
        session, actor, member, kind=kind, action=action, amount=amount, change=change_of(action, amount),
        occurred_on=occurred_on, journal_entry_id=entry.id, receipt=book.receipt_number(session, on=occurred_on),
    )
    audit.record(
        session, actor,
        action=AuditAction.SAVINGS_DEPOSITED if action is SavingsAction.DEPOSIT else AuditAction.SAVINGS_WITHDRAWN,
        entity="member", entity_id=member.id,
        after={"kind": kind.label, "amount": format_rupiah(amount), "receipt_number": row.receipt_number,
               "occurred_on": occurred_on.isoformat()},
    )
    return book.movement_result(session, row, balance=balance + row.change)


def _checked_kind(kind: object) -> SavingsKind:
    try:
        return SavingsKind(kind)
    except ValueError:
        raise ValidationError("Pilih jenis simpanan: pokok, wajib atau sukarela.", field="kind") from None


def _movement_of_entry(session: Session, entry_id: uuid.UUID) -> SavingsMovement:
    return session.scalars(select(SavingsMovement).where(SavingsMovement.journal_entry_id == entry_id)).one()


def request_savings_reversal(
    session: Session, actor: Actor, movement_id: uuid.UUID, *, reason: str, request_id: uuid.UUID
) -> uuid.UUID:
    """Ask for a mistaken deposit or withdrawal to be cancelled; another user approves it (four eyes)."""
    with write(session):
        authorize(session, actor, Permission.REVERSE_SAVINGS)
        if (known := reversals.known_request(session, request_id, ReversalKind.SAVING, movement_id)) is not None:
            return known
        original, reason = _reversible(session, movement_id, reason)
        member = book.member_of(session, original.member_id)
        action, kind = SavingsAction(original.action), SavingsKind(original.kind)
        return reversals.open_request(
            session, actor, kind=ReversalKind.SAVING, target_id=original.id,
            summary=f"{action.label} {kind.label.lower()} {original.receipt_number or original.reason}, {member.number} {member.full_name}",
            amount=original.amount, reason=reason, request_id=request_id,
        )


def approve_savings_reversal(session: Session, actor: Actor, reversal_request_id: uuid.UUID) -> uuid.UUID:
    """Approve another user's request: the movement's mirror image is posted (the original stays and its
    kwitansi reprints BATAL). Returns the reversal movement's id; a retried approval posts nothing."""
    with write(session):
        authorize(session, actor, Permission.REVERSE_SAVINGS)
        request = reversals.claim(session, actor, reversal_request_id, ReversalKind.SAVING)
        if request.result_id is not None:
            return request.result_id
        original, reason = _reversible(session, request.target_id, request.reason)
        row = _reverse(session, actor, original, reason, key=request.id)
        reversals.settle(session, actor, request, row.id)
        return row.id


def reverse_within(session: Session, actor: Actor, movement_id: uuid.UUID, *, key: uuid.UUID, reason: str) -> uuid.UUID:
    """Take back a deposit made by ``deposit_from`` (an SHU paid into sukarela) as its own area's reversal, dated
    today, with the same balance check and audit as any savings reversal. A building block: the caller has opened
    the write transaction, checked the actor's right and settled the four eyes. Returns the reversal movement's id."""
    original, reason = _reversible(session, movement_id, reason, paid_from_elsewhere=True)
    return _reverse(session, actor, original, reason, key=key).id


def check_reversible(session: Session, movement_id: uuid.UUID) -> None:
    """Refuse, before a reversal is asked for, one that would leave the balance negative (a deposit drawn on)."""
    original = session.get(SavingsMovement, movement_id)
    kind = SavingsKind(original.kind)
    check_reversal(book.balances(session, original.member_id)[kind], original.change, kind)


def _reverse(session: Session, actor: Actor, original: SavingsMovement, reason: str, *, key: uuid.UUID) -> SavingsMovement:
    member = book.member_of(session, original.member_id)
    kind, action, today = SavingsKind(original.kind), SavingsAction(original.action), clock.today()
    entry = ledger.post_reversal(
        session, actor, original_id=original.journal_entry_id, key=key, entry_date=today,
        description=f"Pembatalan {action.label.lower()} {kind.label.lower()} {original.receipt_number}: {reason}",
        request={"movement": original.id},
    )
    row = book.add_movement(
        session, actor, member, kind=kind, action=SavingsAction.REVERSAL, amount=original.amount,
        change=-original.change, occurred_on=today, journal_entry_id=entry.id, receipt=None,
        reversal_of=original.id, reason=reason,
    )
    audit.record(
        session, actor, action=AuditAction.SAVINGS_REVERSED, entity="member", entity_id=member.id,
        before={"kind": kind.label, "amount": format_rupiah(original.amount), "receipt_number": original.receipt_number},
        reason=reason,
    )
    return row


def _reversible(
    session: Session, movement_id: uuid.UUID, reason: str, *, paid_from_elsewhere: bool = False
) -> tuple[SavingsMovement, str]:
    original = session.get(SavingsMovement, movement_id)
    if original is None:
        raise NotFound("Transaksi simpanan tidak ditemukan.")
    reason = check_reason(reason, "pembatalan")
    if not paid_from_elsewhere and session.scalar(
            select(ShuPayment.id).where(ShuPayment.savings_movement_id == original.id)) is not None:
        # undone here, the SHU would stay paid while Hutang SHU anggota owed it again
        raise ValidationError("Setoran ini adalah pembayaran SHU ke simpanan sukarela. Batalkan dari Berkas → "
                              "Tutup buku & SHU (Batalkan pembayaran SHU…), agar SHU anggota kembali belum dibayar.")
    if SavingsAction(original.action) is SavingsAction.REVERSAL:
        raise ValidationError("Pembatalan tidak dapat dibatalkan; catat transaksi yang benar sebagai transaksi baru.")
    if session.scalar(select(SavingsMovement.id).where(SavingsMovement.reversal_of_id == original.id)) is not None:
        raise ValidationError("Transaksi ini sudah dibatalkan.")
    kind = SavingsKind(original.kind)
    check_reversal(book.balances(session, original.member_id)[kind], original.change, kind)
    return original, reason
