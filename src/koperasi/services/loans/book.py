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

from sqlalchemy import Row, bindparam, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from koperasi.db.models import Loan, LoanInstallment, LoanMovement, LoanSchedule, Member
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.loans.rules import Frequency, Installment, LoanStatus, MovementKind, build_schedule
from koperasi.domain.office.numbering import DocumentType
from koperasi.domain.roles import Actor
from koperasi.services.office.numbering import next_number
from koperasi.services.office.profile import office_code
from koperasi.services.transaction import held
from koperasi import clock

# Plain statements over the tables, built once, for the postings at the counter: a statement object keeps
# its cache key (one built per call computes it every time), and loading ORM objects and flushing them
# cost a repayment more than its queries.
_LOANS, _MEMBERS, _SCHEDULES = Loan.__table__, Member.__table__, LoanSchedule.__table__
_INSTALLMENTS, _MOVEMENTS = LoanInstallment.__table__, LoanMovement.__table__

# What a repayment needs of its loan, the borrower's name and the current schedule's paid_before, in one
# read that locks the loan (PostgreSQL: FOR UPDATE OF loans; SQLite: the writer's BEGIN IMMEDIATE).
_LOAN_TO_REPAY = (
    select(
        _LOANS.c.id, _LOANS.c.number, _LOANS.c.status, _LOANS.c.fund_source_id, _LOANS.c.disbursed,
        _LOANS.c.principal_paid, _LOANS.c.written_off, _LOANS.c.disbursed_on, _LOANS.c.closed_on, _LOANS.c.schedule_no,
        _LOANS.c.version,
        _MEMBERS.c.full_name.label("borrower"), _SCHEDULES.c.paid_before,
    )
    .join(_MEMBERS, _MEMBERS.c.id == _LOANS.c.member_id)
    .outerjoin(_SCHEDULES, (_SCHEDULES.c.loan_id == _LOANS.c.id) & (_SCHEDULES.c.schedule_no == _LOANS.c.schedule_no))
    .where(_LOANS.c.id == bindparam("loan_id"))
    .with_for_update(of=_LOANS)
)
_INSTALLMENTS_OF = (
    select(_INSTALLMENTS.c.number, _INSTALLMENTS.c.due_on, _INSTALLMENTS.c.amount)
    .where(_INSTALLMENTS.c.loan_id == bindparam("loan_id"), _INSTALLMENTS.c.schedule_no == bindparam("schedule"))
    .order_by(_INSTALLMENTS.c.number)
)
# The loan's version rises as the ORM's version counter would raise it; a loan changed since it was read
# (no row matched) is the ORM's StaleDataError, which the write transaction reports.
_PAY_INTO = (
    update(_LOANS)
    .where(_LOANS.c.id == bindparam("loan_id"), _LOANS.c.version == bindparam("read_version"))
    .values(principal_paid=bindparam("paid"), status=bindparam("new_status"), closed_on=bindparam("closed"),
            version=bindparam("new_version"))
)
_INSERT_MOVEMENT = insert(_MOVEMENTS)


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


def loan_to_repay(session: Session, loan_id: uuid.UUID) -> Row:
    """The loan, locked until this transaction ends, with ``borrower`` (the member's name) and ``paid_before``
    (its current schedule's; None before the first), read without loading it into the session."""
    loan = session.execute(_LOAN_TO_REPAY, {"loan_id": loan_id}).first()
    if loan is None:
        raise NotFound("Pinjaman tidak ditemukan.")
    return loan


def pay_into(session: Session, loan: Row, amount: int, *, paid_on: date) -> None:
    """Add a repayment to a loan read by ``loan_to_repay``; the payment that clears it closes it."""
    paid = loan.principal_paid + amount
    status, closed_on = (
        (LoanStatus.PAID_OFF.value, paid_on) if loan.disbursed - paid - loan.written_off == 0 else (loan.status, loan.closed_on)
    )
    result = session.execute(_PAY_INTO, {
        "loan_id": loan.id, "read_version": loan.version, "paid": paid, "new_status": status, "closed": closed_on,
        "new_version": loan.version + 1,
    })
    if result.rowcount != 1:
        raise StaleDataError(f"loan {loan.id} changed since it was read")
    # A Loan object the session already holds gets the new values, as the ORM's own UPDATE would give it.
    if (loaded := held(session, Loan, loan.id)) is not None:
        for name, value in (("principal_paid", paid), ("status", status), ("closed_on", closed_on), ("version", loan.version + 1)):
            set_committed_value(loaded, name, value)


def current_schedule(session: Session, loan: Loan) -> tuple[LoanSchedule | None, list[Installment]]:
    if loan.schedule_no == 0:
        return None, []
    return session.get(LoanSchedule, (loan.id, loan.schedule_no)), installments(session, loan.id, loan.schedule_no)


def installments(session: Session, loan_id: uuid.UUID, schedule_no: int) -> list[Installment]:
    """The installments of one of the loan's schedules, in order."""
    rows = session.execute(_INSTALLMENTS_OF, {"loan_id": loan_id, "schedule": schedule_no})
    return [Installment(number, due_on, amount) for number, due_on, amount in rows]


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
    office = office_code(session)
    if given is not None:
        cleaned = given.strip().upper()
        if not 1 <= len(cleaned) <= 32:
            raise ValidationError("Nomor kwitansi buku 1 sampai 32 huruf.", field="receipt_number")
        if re.fullmatch(rf"{DocumentType.RECEIPT.value}/{re.escape(office.upper())}/\d{{4}}/\d{{6}}", cleaned):
            # Taken by hand, the program's own next number would clash later and block every receipt after it.
            raise ValidationError(
                f"{cleaned} berformat nomor kwitansi otomatis; isi nomor buku kwitansi, atau kosongkan agar diberi nomor.",
                field="receipt_number",
            )
        if session.scalar(select(LoanMovement.id).where(LoanMovement.receipt_number == cleaned)) is not None:
            raise ValidationError(f"Nomor kwitansi {cleaned} sudah dipakai.", field="receipt_number")
        return cleaned
    return next_number(session, office_code=office, doc_type=DocumentType.RECEIPT, year=on.year)


@dataclass(frozen=True, slots=True)
class MovementRecord:
    id: uuid.UUID
    kind: MovementKind
    amount: int
    receipt_number: str | None


def add_movement(
    session: Session,
    actor: Actor,
    loan: Loan | Row,
    *,
    kind: MovementKind,
    amount: int,
    occurred_on: date,
    journal_entry_id: uuid.UUID,
    receipt: str | None = None,
    reversal_of: uuid.UUID | None = None,
    reason: str = "",
) -> MovementRecord:
    """Write a movement of ``loan`` (an ORM object or a row read by ``loan_to_repay``) at once."""
    movement_id = uuid.uuid4()
    session.execute(_INSERT_MOVEMENT, {
        "id": movement_id, "loan_id": loan.id, "kind": kind.value, "occurred_on": occurred_on, "amount": amount,
        "receipt_number": receipt, "reversal_of_id": reversal_of, "reason": reason, "journal_entry_id": journal_entry_id,
        "created_by": actor.user_id, "created_at": clock.now(),
    })
    return MovementRecord(movement_id, kind, amount, receipt)


def movements_of_entry(session: Session, entry_id: uuid.UUID) -> list[MovementRecord]:
    """What a journal entry recorded on loans: how a retried save finds its first result."""
    return [
        MovementRecord(row.id, MovementKind(row.kind), row.amount, row.receipt_number)
        for row in session.scalars(
            select(LoanMovement).where(LoanMovement.journal_entry_id == entry_id).order_by(LoanMovement.created_at)
        )
    ]
