"""Building blocks every loan write shares: the locked loan, its schedule, a numbered movement.

Not a public service: callers (loans, loan_payments) have already opened the write
transaction and checked the actor's permission.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import Loan, LoanInstallment, LoanMovement, LoanSchedule
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.loans.rules import Frequency, Installment, LoanStatus, MovementKind, build_schedule
from koperasi.domain.office.numbering import DocumentType
from koperasi.domain.roles import Actor
from koperasi.services.office.numbering import next_number
from koperasi.services.office.profile import the_office
from koperasi import clock


def locked_loan(session: Session, loan_id: uuid.UUID) -> Loan:
    """The loan, re-read and locked against a second PC's write until this transaction ends."""
    loan = session.get(Loan, loan_id, with_for_update=True, populate_existing=True)
    if loan is None:
        raise NotFound("Pinjaman tidak ditemukan.")
    return loan


def outstanding(loan: Loan) -> int:
    return loan.disbursed - loan.principal_paid - loan.written_off


def require_status(loan: Loan, *allowed: LoanStatus, doing: str) -> None:
    if LoanStatus(loan.status) not in allowed:
        raise ValidationError(
            f"Pinjaman {loan.number} berstatus {LoanStatus(loan.status).label.lower()}; tidak dapat {doing}."
        )


def check_day(day: date, *, not_before: date | None, what: str) -> None:
    if day > clock.today():
        raise ValidationError(f"Tanggal {what} tidak boleh di masa depan.", field="occurred_on")
    if not_before is not None and day < not_before:
        raise ValidationError(f"Tanggal {what} tidak boleh sebelum {not_before:%d-%m-%Y}.", field="occurred_on")


def current_schedule(session: Session, loan: Loan) -> tuple[LoanSchedule | None, list[Installment]]:
    if loan.schedule_no == 0:
        return None, []
    header = session.get(LoanSchedule, (loan.id, loan.schedule_no))
    # The three columns only: loading whole rows into the session cost a repayment more than its query.
    rows = session.execute(
        select(LoanInstallment.number, LoanInstallment.due_on, LoanInstallment.amount)
        .where(LoanInstallment.loan_id == loan.id, LoanInstallment.schedule_no == loan.schedule_no)
        .order_by(LoanInstallment.number)
    )
    return header, [Installment(number, due_on, amount) for number, due_on, amount in rows]


def add_schedule(
    session: Session,
    actor: Actor,
    loan: Loan,
    *,
    principal: int,
    term: int,
    frequency: Frequency,
    first_due: date,
    effective_on: date,
    reason: str = "",
) -> list[Installment]:
    """A new schedule for ``principal`` becomes the loan's current one; earlier ones stay on record."""
    schedule = build_schedule(principal, term, frequency, first_due, loan.rounding_multiple)
    number = (session.scalar(select(LoanSchedule.schedule_no).where(LoanSchedule.loan_id == loan.id)
                             .order_by(LoanSchedule.schedule_no.desc()).limit(1)) or 0) + 1
    session.add(
        LoanSchedule(
            loan_id=loan.id, schedule_no=number, effective_on=effective_on, principal=principal,
            paid_before=loan.principal_paid, frequency=frequency.value, reason=reason,
            created_by=actor.user_id, created_at=clock.now(),
        )
    )
    session.flush()
    session.add_all(
        LoanInstallment(loan_id=loan.id, schedule_no=number, number=item.number, due_on=item.due_on, amount=item.amount,
                        cumulative=cumulative)
        for item, cumulative in zip(schedule, accumulate(item.amount for item in schedule))
    )
    loan.schedule_no = number
    return schedule


def receipt_number(session: Session, *, on: date, given: str | None) -> str:
    """The next kwitansi number, or the number of a pre-printed receipt book the clerk typed."""
    office = the_office(session)
    if given is not None:
        cleaned = given.strip().upper()
        if not 1 <= len(cleaned) <= 32:
            raise ValidationError("Nomor kwitansi buku 1 sampai 32 huruf.", field="receipt_number")
        if re.fullmatch(rf"{DocumentType.RECEIPT.value}/{re.escape(office.code.upper())}/\d{{4}}/\d{{6}}", cleaned):
            # Taken by hand, the program's own next number would clash later and block every receipt after it.
            raise ValidationError(
                f"{cleaned} berformat nomor kwitansi otomatis; isi nomor buku kwitansi, atau kosongkan agar diberi nomor.",
                field="receipt_number",
            )
        if session.scalar(select(LoanMovement.id).where(LoanMovement.receipt_number == cleaned)) is not None:
            raise ValidationError(f"Nomor kwitansi {cleaned} sudah dipakai.", field="receipt_number")
        return cleaned
    return next_number(session, office_code=office.code, doc_type=DocumentType.RECEIPT, year=on.year)


@dataclass(frozen=True, slots=True)
class MovementRecord:
    id: uuid.UUID
    kind: MovementKind
    amount: int
    receipt_number: str | None


def add_movement(
    session: Session,
    actor: Actor,
    loan: Loan,
    *,
    kind: MovementKind,
    amount: int,
    occurred_on: date,
    journal_entry_id: uuid.UUID,
    receipt: str | None = None,
    reversal_of: uuid.UUID | None = None,
    reason: str = "",
) -> MovementRecord:
    movement = LoanMovement(
        id=uuid.uuid4(), loan_id=loan.id, kind=kind.value, occurred_on=occurred_on, amount=amount,
        receipt_number=receipt, reversal_of_id=reversal_of, reason=reason, journal_entry_id=journal_entry_id,
        created_by=actor.user_id, created_at=clock.now(),
    )
    session.add(movement)
    return MovementRecord(movement.id, kind, amount, receipt)


def movements_of_entry(session: Session, entry_id: uuid.UUID) -> list[MovementRecord]:
    """What a journal entry recorded on loans: how a retried save finds its first result."""
    return [
        MovementRecord(row.id, MovementKind(row.kind), row.amount, row.receipt_number)
        for row in session.scalars(
            select(LoanMovement).where(LoanMovement.journal_entry_id == entry_id).order_by(LoanMovement.created_at)
        )
    ]
