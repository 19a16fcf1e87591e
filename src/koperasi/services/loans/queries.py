"""Reading loans: the filtered list page by page, one loan in full, a member's loans."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import (
    FundSource,
    Loan,
    LoanInstallment,
    LoanMovement,
    LoanProduct,
    LoanSchedule,
    Member,
    MemberGroup,
    User,
)
from koperasi.domain.loans.products import LoanKind
from koperasi.domain.errors import NotFound
from koperasi.domain.loans.rules import Frequency, LoanStatus, MovementKind, build_schedule, first_due_after, installment_status
from koperasi.domain.paging import page_bounds
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.substring import holds
from koperasi.services.loans.arrears import state_today
from koperasi.services.loans.book import outstanding
from koperasi.services.loans.lifecycle import decision_refusal
from koperasi.services.loans.search import LOAN_ROWID, LoanSearch
from koperasi import clock


@dataclass(frozen=True, slots=True)
class LoanFilter:
    text: str = ""  # loan number, member name or member number
    status: LoanStatus | None = None
    product_id: uuid.UUID | None = None
    fund_source_id: uuid.UUID | None = None
    group_id: uuid.UUID | None = None
    member_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class LoanRow:
    id: uuid.UUID
    number: str
    member_number: str
    member_name: str
    product: str
    principal: int
    outstanding: int
    status: LoanStatus
    applied_on: date


@dataclass(frozen=True, slots=True)
class LoanPage:
    total: int
    rows: list[LoanRow]


def loan_page(session: Session, actor: Actor, where: LoanFilter, *, offset: int = 0, limit: int = 200) -> LoanPage:
    """Newest numbers first; the count runs only when the first page is full.

    When the list's trigram index says few loans hold the words, those are read once by rowid into
    ``hits`` and the page and the count both come from it (one statement); with many, the page is the
    number-ordered scan's first matches and the index counts them (``LoanSearch``).
    """
    authorize(session, actor, Permission.USE_APP)
    offset, limit = page_bounds(offset, limit)
    search = LoanSearch.of(session, where.text)
    if search.rowids is not None:  # few loans hold the words: read them once, then count and order them
        if search.count is None:  # words the index may over-match: the LIKE decides, on the borrower too
            hits = _filtered(session, select(Loan.id, Loan.number).join(Member, Member.id == Loan.member_id), where, search)
        else:
            hits = _filtered(session, select(Loan.id, Loan.number), replace(where, text=""), search)
        hits = (
            hits.where(LOAN_ROWID.in_(search.rowids))
            .cte("hits")
            .prefix_with("MATERIALIZED")
        )
        page = (
            select(hits.c.id, select(func.count()).select_from(hits).scalar_subquery().label("total"))
            .order_by(hits.c.number.desc())
            .offset(offset)
            .limit(limit)
            .subquery()
        )
        rows = session.execute(_row_columns().add_columns(page.c.total).join(page, page.c.id == Loan.id).order_by(Loan.number.desc())).all()
        total = rows[0].total if rows else _count(session, where, search)
        return LoanPage(total, [_row(row) for row in rows])
    rows = session.execute(_filtered(session, _row_columns(), where, search).order_by(Loan.number.desc()).offset(offset).limit(limit)).all()
    total = len(rows) if offset == 0 and len(rows) < limit else _count(session, where, search)
    return LoanPage(total, [_row(row) for row in rows])


def _row_columns() -> Select:
    return (
        select(
            Loan.id, Loan.number, Member.number.label("member_number"), Member.full_name, LoanProduct.name,
            Loan.principal, Loan.disbursed, Loan.principal_paid, Loan.written_off, Loan.status, Loan.applied_on,
        )
        .join(Member, Member.id == Loan.member_id)
        .join(LoanProduct, LoanProduct.id == Loan.product_id)
    )


def _row(row) -> LoanRow:
    return LoanRow(
        row.id, row.number, row.member_number, row.full_name, row.name, row.principal,
        row.disbursed - row.principal_paid - row.written_off, LoanStatus(row.status), row.applied_on,
    )


def _count(session: Session, where: LoanFilter, search: LoanSearch) -> int:
    """How many match; words alone (ASCII, three or more characters) the trigram index counts by itself."""
    others = where.status or where.product_id or where.fund_source_id or where.group_id or where.member_id
    if search.count is not None and not others:
        return search.count
    counted = select(func.count(Loan.id))
    if where.text.split() and not search.borrowers_indexed:  # the borrower's words need the member
        counted = counted.join(Member, Member.id == Loan.member_id)
    candidates = search.candidates()
    if candidates is not None:
        counted = counted.where(candidates)
    return session.scalar(_filtered(session, counted, where, search)) or 0


def _filtered(session: Session, query: Select, where: LoanFilter, search: LoanSearch) -> Select:
    for word in where.text.lower().split():
        if search.borrowers_indexed:
            # The loans whose number holds the word and the members holding it, each found once in its trigram
            # index and probed per loan (a lower() and LIKE on each loan took 100 ms for 20,000). An OR, not one
            # IN over a union: PostgreSQL then still walks the list in number order and stops at a full page.
            other = aliased(Loan)
            numbered = select(other.id).where(holds(session, func.lower(other.number), word)).correlate(None)
            borrowers = select(Member.id).where(holds(session, Member.search_text, word)).correlate(None)
            query = query.where(Loan.id.in_(numbered) | Loan.member_id.in_(borrowers))
        else:
            query = query.where(holds(session, func.lower(Loan.number), word) | holds(session, Member.search_text, word))
    if where.status:
        query = query.where(Loan.status == where.status.value)
    if where.product_id:
        query = query.where(Loan.product_id == where.product_id)
    if where.fund_source_id:
        query = query.where(Loan.fund_source_id == where.fund_source_id)
    if where.group_id:
        query = query.where(Loan.group_id == where.group_id)
    if where.member_id:
        query = query.where(Loan.member_id == where.member_id)
    return query


@dataclass(frozen=True, slots=True)
class ScheduleItem:
    number: int
    due_on: date
    amount: int
    paid: int
    status: str  # "Lunas", "Terlambat 12 hari", ... as of the detail's day

    @property
    def unpaid(self) -> int:
        return self.amount - self.paid


@dataclass(frozen=True, slots=True)
class MovementView:
    id: uuid.UUID
    kind: MovementKind
    occurred_on: date
    amount: int
    receipt_number: str
    reversal_of_id: uuid.UUID | None
    reversed: bool  # a later reversal cancelled it
    reason: str
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class LoanDetail:
    id: uuid.UUID
    number: str
    version: int
    status: LoanStatus
    member_id: uuid.UUID
    member_number: str
    member_name: str
    group_id: uuid.UUID | None
    group_name: str
    product_id: uuid.UUID
    product_name: str
    kind: LoanKind
    fund_name: str
    principal: int
    term: int
    frequency: Frequency
    admin_fee: int
    purpose: str
    applied_on: date
    applied_by: uuid.UUID
    applied_by_name: str
    decided_by_name: str
    decided_on: date | None
    decision_note: str
    disbursed_on: date | None
    closed_on: date | None
    disbursed: int
    principal_paid: int
    written_off: int
    outstanding: int
    rescheduled: bool
    arrears: int
    days_past_due: int
    next_due_on: date | None
    next_due_amount: int
    schedule: list[ScheduleItem]
    # True before disbursement: the schedule is the plan as if paid out today, not yet the loan's own.
    schedule_planned: bool
    movements: list[MovementView]
    decision_refusal: str | None  # why this user may not approve or reject it (four eyes); None if they may


def loan_detail(session: Session, actor: Actor, loan_id: uuid.UUID, *, today: date | None = None) -> LoanDetail:
    authorize(session, actor, Permission.USE_APP)
    loan = session.get(Loan, loan_id, populate_existing=True)
    if loan is None:
        raise NotFound("Pinjaman tidak ditemukan.")
    today = today or clock.today()
    member = session.get(Member, loan.member_id)
    product = session.get(LoanProduct, loan.product_id)
    group = session.get(MemberGroup, loan.group_id) if loan.group_id else None
    fund = session.get(FundSource, loan.fund_source_id)
    state = state_today(session, loan, on=today) if LoanStatus(loan.status) is LoanStatus.ACTIVE else None
    return LoanDetail(
        id=loan.id, number=loan.number, version=loan.version, status=LoanStatus(loan.status), member_id=member.id,
        member_number=member.number, member_name=member.full_name, group_id=loan.group_id,
        group_name=group.name if group else "", product_id=product.id, product_name=product.name,
        kind=LoanKind(product.kind), fund_name=fund.name, principal=loan.principal, term=loan.term,
        frequency=Frequency(loan.frequency), admin_fee=loan.admin_fee, purpose=loan.purpose, applied_on=loan.applied_on,
        applied_by=loan.applied_by, applied_by_name=_user_name(session, loan.applied_by),
        decided_by_name=_user_name(session, loan.decided_by), decided_on=loan.decided_on,
        decision_note=loan.decision_note, disbursed_on=loan.disbursed_on, closed_on=loan.closed_on,
        disbursed=loan.disbursed, principal_paid=loan.principal_paid, written_off=loan.written_off,
        outstanding=outstanding(loan), rescheduled=loan.rescheduled,
        arrears=state.arrears if state else 0, days_past_due=state.days_past_due if state else 0,
        next_due_on=state.next_due_on if state else None, next_due_amount=state.next_due_amount if state else 0,
        schedule=_schedule(session, loan, today) if loan.schedule_no else _planned_schedule(loan, today),
        schedule_planned=loan.schedule_no == 0 and LoanStatus(loan.status) in NOT_YET_DISBURSED, movements=movements(session, loan.id),
        decision_refusal=decision_refusal(loan, actor),
    )


def _user_name(session: Session, user_id: uuid.UUID | None) -> str:
    if user_id is None:
        return ""
    user = session.get(User, user_id)
    return user.full_name if user else ""


PLANNED = "Rencana"  # the status of an installment that exists only on paper
NOT_YET_DISBURSED = (LoanStatus.APPLIED, LoanStatus.APPROVED)


def _planned_schedule(loan: Loan, today: date) -> list[ScheduleItem]:
    """An application's or approved loan's installments as they would be if it were paid out today with the
    usual first due date (what the disbursement form proposes); a rejected loan will have none."""
    if LoanStatus(loan.status) not in NOT_YET_DISBURSED:
        return []
    frequency = Frequency(loan.frequency)
    try:
        plan = build_schedule(loan.principal, loan.term, frequency, first_due_after(today, frequency), loan.rounding_multiple)
    except (ValueError, OverflowError):  # asked as of a day so late that the plan would end after 31 December 9999
        return []
    return [ScheduleItem(item.number, item.due_on, item.amount, 0, PLANNED) for item in plan]


def _schedule(session: Session, loan: Loan, today: date) -> list[ScheduleItem]:
    """The current schedule with what each installment has received (oldest first)."""
    header = session.get(LoanSchedule, (loan.id, loan.schedule_no))
    rows = session.execute(
        select(LoanInstallment.number, LoanInstallment.due_on, LoanInstallment.amount)
        .where(LoanInstallment.loan_id == loan.id, LoanInstallment.schedule_no == loan.schedule_no)
        .order_by(LoanInstallment.number)
    ).all()
    left = loan.principal_paid - header.paid_before
    items = []
    for number, due_on, amount in rows:
        paid = max(0, min(amount, left))
        left -= paid
        items.append(ScheduleItem(number, due_on, amount, paid, installment_status(amount, paid, due_on, today)))
    return items


def movements(session: Session, loan_id: uuid.UUID) -> list[MovementView]:
    reversal = aliased(LoanMovement)
    rows = session.execute(
        select(LoanMovement, User.full_name, reversal.id.label("reversed_by"))
        .join(User, User.id == LoanMovement.created_by)
        .outerjoin(reversal, reversal.reversal_of_id == LoanMovement.id)
        .where(LoanMovement.loan_id == loan_id)
        .order_by(LoanMovement.occurred_on, LoanMovement.created_at)
    )
    return [
        MovementView(
            row.id, MovementKind(row.kind), row.occurred_on, row.amount, row.receipt_number or "",
            row.reversal_of_id, reversed_by is not None, row.reason, name, row.created_at,
        )
        for row, name, reversed_by in rows
    ]


def member_loans(session: Session, actor: Actor, member_id: uuid.UUID) -> list[LoanRow]:
    """A member's loans for the Anggota detail panel, newest first."""
    return loan_page(session, actor, LoanFilter(member_id=member_id), limit=100).rows

