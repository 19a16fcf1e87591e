"""A member who has left gets their savings back: pokok and wajib (and any sukarela left) on one kwitansi.

Each kind is its own movement and journal entry (a movement owns one entry), all in one transaction;
the first carries the kwitansi number and the others name it in their reason, so the kwitansi lists
every kind paid out. Setting savings against a loan still owed is not done here: while the member
has a loan running the return is refused, naming the loan, so the clerk settles it first.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import Loan, SavingsMovement
from koperasi.domain.errors import ValidationError
from koperasi.domain.ledger import Account, credit, debit
from koperasi.domain.loans.rules import LoanStatus
from koperasi.domain.members.register import MemberStatus
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.savings.rules import SavingsAction, SavingsKind, change_of
from koperasi.services import ledger
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.savings import book
from koperasi.services.transaction import write

ENTRY_KIND = "savings_return"
RETURN_REASON = "Dikembalikan karena keluar, kwitansi {number}"


@dataclass(frozen=True, slots=True)
class SavingsReturn:
    member_id: uuid.UUID
    receipt_number: str
    movement_id: uuid.UUID  # the movement that carries the kwitansi number
    paid: dict[SavingsKind, int]

    @property
    def total(self) -> int:
        return sum(self.paid.values())


def return_savings(
    session: Session, actor: Actor, member_id: uuid.UUID, *, occurred_on: date, request_id: uuid.UUID
) -> SavingsReturn:
    """Pay a member who has left everything they saved, on one kwitansi; refused while a loan is running."""
    with write(session):
        authorize(session, actor, Permission.RECORD_SAVINGS)
        if not isinstance(occurred_on, date):
            raise ValidationError("Tanggal transaksi wajib diisi.", field="occurred_on")
        request = {"member": member_id, "occurred_on": occurred_on}
        keys = {kind: uuid.uuid5(request_id, kind.value) for kind in SavingsKind}
        done = [entry for kind in SavingsKind
                if (entry := ledger.find_entry(session, keys[kind], ENTRY_KIND, request=request)) is not None]
        if done:
            return _earlier_return(session, [entry.id for entry in done])
        member = book.member_of(session, member_id)
        if member.status != MemberStatus.LEFT.value:
            raise ValidationError(
                f"{member.full_name} masih anggota aktif. Catat dahulu keluarnya di tab Anggota; "
                "simpanan pokok dan wajib hanya dikembalikan kepada anggota yang keluar."
            )
        book.check_day(occurred_on, member)
        if member.left_on is not None and occurred_on < member.left_on:
            raise ValidationError(
                f"Tanggal pengembalian tidak boleh sebelum tanggal keluar ({member.left_on:%d-%m-%Y}).", field="occurred_on"
            )
        _refuse_while_loan_open(session, member.id, member.full_name)
        paid = {kind: amount for kind, amount in book.balances(session, member.id).items() if amount > 0}
        if not paid:
            raise ValidationError(f"{member.full_name} tidak mempunyai saldo simpanan untuk dikembalikan.")
        number = book.receipt_number(session, on=occurred_on)
        first: SavingsMovement | None = None
        for kind, amount in paid.items():
            entry = ledger.post(
                session, actor, key=keys[kind], entry_date=occurred_on, kind=ENTRY_KIND,
                description=f"Pengembalian {kind.label.lower()} {member.number} {member.full_name} (keluar)",
                lines=[debit(kind.account, amount), credit(Account.CASH, amount)], request=request,
            )
            row = book.add_movement(
                session, actor, member, kind=kind, action=SavingsAction.WITHDRAWAL, amount=amount,
                change=change_of(SavingsAction.WITHDRAWAL, amount), occurred_on=occurred_on, journal_entry_id=entry.id,
                receipt=number if first is None else None, reason=RETURN_REASON.format(number=number),
            )
            first = first or row
        audit.record(
            session, actor, action=AuditAction.SAVINGS_RETURNED, entity="member", entity_id=member.id,
            after={"receipt_number": number, "occurred_on": occurred_on.isoformat(),
                   **{kind.label: format_rupiah(amount) for kind, amount in paid.items()}},
        )
        return SavingsReturn(member.id, number, first.id, paid)


def _refuse_while_loan_open(session: Session, member_id: uuid.UUID, name: str) -> None:
    loan = session.scalar(
        select(Loan).where(Loan.member_id == member_id, Loan.status.in_((LoanStatus.ACTIVE.value, LoanStatus.APPROVED.value)))
        .order_by(Loan.number).limit(1)
    )
    if loan is None:
        return
    owed = loan.disbursed - loan.principal_paid - loan.written_off if loan.status == LoanStatus.ACTIVE.value else 0
    still = f"masih berutang {format_rupiah(owed)}" if owed else "pinjamannya sudah disetujui dan belum selesai"
    raise ValidationError(
        f"{name} {still} pada pinjaman {loan.number}. Lunasi atau selesaikan pinjaman itu dahulu di tab Pinjaman; "
        "simpanan belum dapat diperhitungkan dengan pinjaman di sini."
    )


def _earlier_return(session: Session, entry_ids: list[uuid.UUID]) -> SavingsReturn:
    """A retried save: what the first one wrote, rebuilt from its movements."""
    rows = list(session.scalars(select(SavingsMovement).where(SavingsMovement.journal_entry_id.in_(entry_ids))))
    first = next(row for row in rows if row.receipt_number)
    return SavingsReturn(first.member_id, first.receipt_number, first.id, {SavingsKind(row.kind): row.amount for row in rows})


def return_lines(session: Session, movement: SavingsMovement) -> list[SavingsMovement]:
    """The movements paid out on the same leaving kwitansi as ``movement``, the numbered one first
    (just ``movement`` when it is an ordinary deposit or withdrawal)."""
    if not movement.reason.startswith(RETURN_REASON.format(number="")):
        return [movement]
    rows = session.scalars(
        select(SavingsMovement).where(
            SavingsMovement.member_id == movement.member_id, SavingsMovement.reason == movement.reason,
            SavingsMovement.action == SavingsAction.WITHDRAWAL.value,
        )
    )
    return sorted(rows, key=lambda row: (row.receipt_number is None, list(SavingsKind).index(SavingsKind(row.kind))))
