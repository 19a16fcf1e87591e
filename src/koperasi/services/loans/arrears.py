"""Arrears and portfolio at risk as of any day: days past due, ageing buckets, PAR30.

The portfolio is read in four set queries (loans, effective repayments and write-offs,
schedules, installments) and combined in Python with the pure rules of domain.loans,
so 20,000 loans cost a few hundred thousand rows, not 20,000 round trips.

A rescheduled loan is current on its new schedule at once, but it was late: it stays at risk
(counted in PAR30, reported on the "Restrukturisasi" line) until it has paid its product's
``cure_installments`` installments of the new schedule on time in a row. Only the rescheduled
loans need their payments' dates, read in two more queries.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import (
    Desa,
    FundSource,
    Kecamatan,
    Loan,
    LoanInstallment,
    LoanMovement,
    LoanProduct,
    LoanSchedule,
    Member,
    MemberGroup,
)
from koperasi.domain.loans.papers import ArrearsLine, ArrearsReport, PortfolioShare
from koperasi.domain.loans.rules import (
    RESTRUCTURED_LABEL,
    AgeingBucket,
    Installment,
    LoanStatus,
    MovementKind,
    ScheduleState,
    ageing_bucket,
    collectibility,
    installments_paid_on_time,
    schedule_state,
)
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office.profile import current_office
from koperasi import clock

PAR_DAYS = 30


def state_today(session: Session, loan: Loan, *, on: date | None = None) -> ScheduleState | None:
    """Where an active loan's current schedule stands (None before disbursement)."""
    if loan.schedule_no == 0:
        return None
    header = session.get(LoanSchedule, (loan.id, loan.schedule_no))
    schedule = [
        Installment(number, due_on, amount)
        for number, due_on, amount in session.execute(
            select(LoanInstallment.number, LoanInstallment.due_on, LoanInstallment.amount)
            .where(LoanInstallment.loan_id == loan.id, LoanInstallment.schedule_no == loan.schedule_no)
            .order_by(LoanInstallment.number)
        )
    ]
    return schedule_state(schedule, loan.principal_paid - header.paid_before, on or clock.today())


def days_past_due_today(session: Session, loan: Loan) -> int:
    if LoanStatus(loan.status) is not LoanStatus.ACTIVE:
        return 0
    state = state_today(session, loan)
    return state.days_past_due if state else 0


@dataclass(frozen=True, slots=True)
class LoanPosition:
    loan_id: uuid.UUID
    loan_number: str
    member_number: str
    member_name: str
    desa: str
    kecamatan: str
    group: str
    product: str
    fund: str
    outstanding: int
    arrears: int
    days_past_due: int
    restructured: bool = False  # rescheduled and not yet cured

    @property
    def bucket(self) -> AgeingBucket:
        return ageing_bucket(self.days_past_due)

    @property
    def at_risk(self) -> bool:
        """Counted in PAR30: more than 30 days late, or restructured and not yet cured (DOMAIN.md)."""
        return self.days_past_due > PAR_DAYS or self.restructured


def positions(session: Session, actor: Actor, *, as_of: date) -> list[LoanPosition]:
    """Every loan with principal outstanding at the end of ``as_of``."""
    authorize(session, actor, Permission.USE_APP)
    loans = _open_loans(session, as_of)
    if not loans:
        return []
    # Today (or later) the loans' own running totals are the effective ones: no movement is dated in the
    # future and a reversal cancels its original outright. Only a past day needs the movements re-added.
    current = as_of >= clock.today()
    if current:
        repaid = {row.id: row.principal_paid for row in loans}
        written_off = {row.id: row.written_off for row in loans}
    else:
        totals = _effective_totals(session, as_of)
        repaid, written_off = totals[MovementKind.REPAYMENT], totals[MovementKind.WRITE_OFF]
    states = _schedule_states(session, as_of, current=current)
    restructured = _not_yet_cured(session, as_of, {row.id: states[row.id][3] for row in loans if row.id in states},
                                  {row.id: row.cure_installments for row in loans})
    result = []
    for row in loans:
        remaining = row.disbursed - repaid.get(row.id, 0) - written_off.get(row.id, 0)
        if remaining <= 0 or row.id not in states:
            continue
        due_so_far, paid_toward, oldest_unpaid, _ = states[row.id]
        days_past_due = (as_of - oldest_unpaid).days if oldest_unpaid is not None and oldest_unpaid < as_of else 0
        result.append(
            LoanPosition(
                row.id, row.number, row.member_number, row.member_name, row.desa, row.kecamatan, row.group or "",
                row.product, row.fund, remaining, min(max(0, due_so_far - paid_toward), remaining), days_past_due,
                row.id in restructured,
            )
        )
    return result


def arrears_report(session: Session, actor: Actor, *, as_of: date) -> ArrearsReport:
    book = positions(session, actor, as_of=as_of)
    office = current_office(session)
    late = sorted((p for p in book if p.days_past_due > 0 or p.restructured), key=lambda p: (-p.days_past_due, p.loan_number))
    return ArrearsReport(
        office=office.profile,
        as_of=as_of,
        buckets=(
            *(_share(bucket.label, [p for p in book if p.bucket is bucket and not p.restructured]) for bucket in AgeingBucket),
            _share(RESTRUCTURED_LABEL, [p for p in book if p.restructured]),
        ),
        total=_share("Jumlah", book),
        breakdowns={
            "Kecamatan": _by(book, lambda p: p.kecamatan),
            "Desa": _by(book, lambda p: f"{p.desa} ({p.kecamatan})"),
            "Kelompok": _by(book, lambda p: p.group or "Perorangan (tanpa kelompok)"),
            "Produk": _by(book, lambda p: p.product),
            "Sumber dana": _by(book, lambda p: p.fund),
        },
        late_loans=tuple(
            ArrearsLine(
                p.loan_number, p.member_number, p.member_name, p.desa, p.kecamatan, p.group, p.product, p.fund,
                p.outstanding, p.arrears, p.days_past_due, RESTRUCTURED_LABEL if p.restructured else p.bucket.label,
                collectibility(p.days_past_due), p.restructured,
            )
            for p in late
        ),
    )


def _share(name: str, book: Iterable[LoanPosition]) -> PortfolioShare:
    loans = outstanding = at_risk = 0
    for position in book:
        loans += 1
        outstanding += position.outstanding
        if position.at_risk:
            at_risk += position.outstanding
    return PortfolioShare(name, loans, outstanding, at_risk)


def _by(book: list[LoanPosition], key: Callable[[LoanPosition], str]) -> tuple[PortfolioShare, ...]:
    groups: dict[str, list[LoanPosition]] = defaultdict(list)
    for position in book:
        groups[key(position)].append(position)
    return tuple(_share(name, groups[name]) for name in sorted(groups))


def _open_on(as_of: date):
    """The loans with principal out at the end of ``as_of`` (disbursed by then, not yet closed)."""
    return (Loan.disbursed > 0, Loan.disbursed_on <= as_of, or_(Loan.closed_on.is_(None), Loan.closed_on > as_of))


def _open_loans(session: Session, as_of: date):
    group = aliased(MemberGroup)
    return session.execute(
        select(
            Loan.id, Loan.number, Loan.disbursed, Loan.principal_paid, Loan.written_off, Member.number.label("member_number"),
            Member.full_name.label("member_name"), Desa.name.label("desa"), Kecamatan.name.label("kecamatan"),
            group.name.label("group"), LoanProduct.name.label("product"), FundSource.name.label("fund"),
            LoanProduct.cure_installments,
        )
        .join(Member, Member.id == Loan.member_id)
        .join(Desa, Desa.id == Member.desa_id)
        .join(Kecamatan, Kecamatan.code == Member.kecamatan_code)
        .outerjoin(group, group.id == Loan.group_id)
        .join(LoanProduct, LoanProduct.id == Loan.product_id)
        .join(FundSource, FundSource.id == Loan.fund_source_id)
        .where(*_open_on(as_of))
    ).all()


def _effective_totals(session: Session, as_of: date) -> dict[MovementKind, dict[uuid.UUID, int]]:
    """Per loan, its repayments and write-offs up to the day that were not later cancelled (one pass)."""
    reversal = aliased(LoanMovement)
    rows = session.execute(
        select(LoanMovement.loan_id, LoanMovement.kind, func.sum(LoanMovement.amount))
        .outerjoin(reversal, reversal.reversal_of_id == LoanMovement.id)
        .where(
            LoanMovement.kind.in_([MovementKind.REPAYMENT.value, MovementKind.WRITE_OFF.value]),
            LoanMovement.occurred_on <= as_of, reversal.id.is_(None),
        )
        .group_by(LoanMovement.loan_id, LoanMovement.kind)
    )
    totals: dict[MovementKind, dict[uuid.UUID, int]] = {MovementKind.REPAYMENT: {}, MovementKind.WRITE_OFF: {}}
    for loan_id, kind, total in rows:
        totals[MovementKind(kind)][loan_id] = int(total)
    return totals


def _not_yet_cured(
    session: Session, as_of: date, schedule_in_force: dict[uuid.UUID, int], cure_installments: dict[uuid.UUID, int]
) -> set[uuid.UUID]:
    """The loans whose schedule in force on ``as_of`` is a reschedule that has not yet been paid on time
    for its product's number of installments in a row."""
    rescheduled = {loan_id: number for loan_id, number in schedule_in_force.items() if number > 1}
    if not rescheduled:
        return set()
    schedules: dict[uuid.UUID, list[Installment]] = defaultdict(list)
    for loan_id, schedule_no, number, due_on, amount in session.execute(
        select(LoanInstallment.loan_id, LoanInstallment.schedule_no, LoanInstallment.number, LoanInstallment.due_on,
               LoanInstallment.amount)
        .where(LoanInstallment.loan_id.in_(rescheduled))
        .order_by(LoanInstallment.loan_id, LoanInstallment.number)
    ):
        if schedule_no == rescheduled[loan_id]:
            schedules[loan_id].append(Installment(number, due_on, amount))
    paid_before = {
        loan_id: paid for loan_id, schedule_no, paid in session.execute(
            select(LoanSchedule.loan_id, LoanSchedule.schedule_no, LoanSchedule.paid_before)
            .where(LoanSchedule.loan_id.in_(rescheduled))
        )
        if schedule_no == rescheduled[loan_id]
    }
    reversal = aliased(LoanMovement)
    payments: dict[uuid.UUID, list[tuple[date, int]]] = defaultdict(list)
    for loan_id, occurred_on, amount in session.execute(
        select(LoanMovement.loan_id, LoanMovement.occurred_on, LoanMovement.amount)
        .outerjoin(reversal, reversal.reversal_of_id == LoanMovement.id)
        .where(LoanMovement.loan_id.in_(rescheduled), LoanMovement.kind == MovementKind.REPAYMENT.value,
               LoanMovement.occurred_on <= as_of, reversal.id.is_(None))
    ):
        payments[loan_id].append((occurred_on, amount))
    return {
        loan_id for loan_id in rescheduled
        if installments_paid_on_time(schedules[loan_id], payments[loan_id], as_of, paid_before=paid_before[loan_id])
        < cure_installments[loan_id]
    }


def _schedule_states(session: Session, as_of: date, *, current: bool) -> dict[uuid.UUID, tuple[int, int, date | None, int]]:
    """Per open loan, from its schedule in force on the day: what fell due by then, what was paid
    toward it, the due date of the oldest installment the payments have not covered, and the
    schedule's number (1 the first, more after a reschedule).

    Payments fill installments oldest first, so installment i is unpaid while the running total
    of the schedule up to i exceeds what was paid: one window-function pass in the database
    (SQLite 3.25+, PostgreSQL) instead of every installment row in Python.
    """
    if current:
        paid = select(Loan.id.label("loan_id"), Loan.principal_paid.label("paid")).where(*_open_on(as_of)).cte("paid")
    else:
        reversal = aliased(LoanMovement)
        paid = (
            select(LoanMovement.loan_id, func.sum(LoanMovement.amount).label("paid"))
            .outerjoin(reversal, reversal.reversal_of_id == LoanMovement.id)
            .where(LoanMovement.kind == MovementKind.REPAYMENT.value, LoanMovement.occurred_on <= as_of, reversal.id.is_(None))
            .group_by(LoanMovement.loan_id)
            .cte("paid")
        )
    in_force = (
        select(LoanSchedule.loan_id, func.max(LoanSchedule.schedule_no).label("schedule_no"))
        .join(Loan, Loan.id == LoanSchedule.loan_id)
        .where(*_open_on(as_of), LoanSchedule.effective_on <= as_of, LoanSchedule.schedule_no <= Loan.schedule_no)
        .group_by(LoanSchedule.loan_id)
        .cte("in_force")
    )
    toward = (
        select(
            in_force.c.loan_id, in_force.c.schedule_no,
            (func.coalesce(paid.c.paid, 0) - LoanSchedule.paid_before).label("toward"),
        )
        .join(LoanSchedule, (LoanSchedule.loan_id == in_force.c.loan_id) & (LoanSchedule.schedule_no == in_force.c.schedule_no))
        .outerjoin(paid, paid.c.loan_id == in_force.c.loan_id)
        .cte("toward")
    )
    running = (
        select(
            LoanInstallment.loan_id, LoanInstallment.due_on, LoanInstallment.amount, toward.c.toward, toward.c.schedule_no,
            func.sum(LoanInstallment.amount).over(partition_by=LoanInstallment.loan_id, order_by=LoanInstallment.number).label("cumulative"),
        )
        .join(toward, (toward.c.loan_id == LoanInstallment.loan_id) & (toward.c.schedule_no == LoanInstallment.schedule_no))
        .cte("running")
    )
    rows = session.execute(
        select(
            running.c.loan_id,
            func.sum(case((running.c.due_on <= as_of, running.c.amount), else_=0)),
            func.max(running.c.toward),
            func.min(case((running.c.cumulative > running.c.toward, running.c.due_on))),
            func.max(running.c.schedule_no),
        ).group_by(running.c.loan_id)
    )
    return {
        loan_id: (int(due or 0), int(toward_paid or 0), oldest, int(number))
        for loan_id, due, toward_paid, oldest, number in rows
    }
