"""Twelve months of figures for the Beranda charts and the Laporan bulanan.

Each series is read in set queries grouped by month, never one query per loan or per sale:
installments due and repayments collected (one query each, grouped by year and month), sales by
channel (one query grouped by year, month and channel), members by kecamatan and category (one each).
The portfolio (outstanding and PAR30 at each month end) is the arrears report's own reading
(services.loans.arrears.positions) at each of the twelve month ends: the same rule for a
rescheduled loan's cure, so the chart can never disagree with the arrears report; each reading
is a handful of set queries.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, extract, func, or_, select
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import (
    Category,
    Kecamatan,
    Loan,
    LoanInstallment,
    LoanMovement,
    LoanSchedule,
    Member,
    MemberCategory,
    Sale,
    SalesChannel,
)
from koperasi.domain.loans.rules import MovementKind
from koperasi.domain.monthly import CollectionPoint, Count, History, PortfolioPoint
from koperasi.domain.months import Month, last_months, month_end, month_start
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.loans.arrears import positions
from koperasi.services.sales.book import standing_sale_lines


def history(session: Session, actor: Actor, *, last: Month, count: int = 12) -> History:
    """The ``count`` months ending with ``last`` (its end is the "as of" day of the members' figures)."""
    authorize(session, actor, Permission.USE_APP)
    months = last_months(last, count)
    last_day = month_end(months[-1])
    channels, sales = sales_by_channel(session, months)
    return History(
        months=months,
        portfolio=tuple(_portfolio_at(session, actor, month) for month in months),
        collections=collections(session, months),
        channels=channels,
        sales=sales,
        members_by_kecamatan=members_by_kecamatan(session, last_day),
        members_by_category=members_by_category(session, last_day),
    )


def _portfolio_at(session: Session, actor: Actor, month: Month) -> PortfolioPoint:
    book = positions(session, actor, as_of=month_end(month))
    return PortfolioPoint(month, sum(p.outstanding for p in book), sum(p.outstanding for p in book if p.at_risk))


def _by_month(rows) -> dict[Month, int]:
    return {(int(year), int(number)): int(total or 0) for year, number, total in rows}


def collections(session: Session, months: tuple[Month, ...]) -> tuple[CollectionPoint, ...]:
    first_day, last_day = month_start(months[0]), month_end(months[-1])
    # An installment is due when its schedule was the one in force on its due date: no later
    # schedule of the loan (up to the loan's current one) had taken effect by then.
    later = aliased(LoanSchedule)
    superseded = (
        select(later.loan_id)
        .join(Loan, Loan.id == later.loan_id)
        .where(later.loan_id == LoanInstallment.loan_id, later.schedule_no > LoanInstallment.schedule_no,
               later.schedule_no <= Loan.schedule_no, later.effective_on <= LoanInstallment.due_on)
        .exists()
    )
    year, number = extract("year", LoanInstallment.due_on), extract("month", LoanInstallment.due_on)
    due = _by_month(session.execute(
        select(year, number, func.sum(LoanInstallment.amount))
        .join(Loan, Loan.id == LoanInstallment.loan_id)
        .where(LoanInstallment.due_on.between(first_day, last_day), LoanInstallment.schedule_no <= Loan.schedule_no,
               ~superseded)
        .group_by(year, number)
    ))
    reversal = aliased(LoanMovement)
    year, number = extract("year", LoanMovement.occurred_on), extract("month", LoanMovement.occurred_on)
    collected = _by_month(session.execute(
        select(year, number, func.sum(LoanMovement.amount))
        .outerjoin(reversal, reversal.reversal_of_id == LoanMovement.id)
        .where(LoanMovement.kind == MovementKind.REPAYMENT.value, reversal.id.is_(None),
               LoanMovement.occurred_on.between(first_day, last_day))
        .group_by(year, number)
    ))
    return tuple(CollectionPoint(month, due.get(month, 0), collected.get(month, 0)) for month in months)


def sales_by_channel(session: Session, months: tuple[Month, ...]) -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """Standing sales per channel and month, as the sales report sums them (its "Saluran" breakdown)."""
    lines = standing_sale_lines().subquery()
    year, number = extract("year", Sale.sold_on), extract("month", Sale.sold_on)
    rows = session.execute(
        select(SalesChannel.name, year, number, func.sum(lines.c.total))
        .select_from(lines)
        .join(Sale, Sale.id == lines.c.sale_id)
        .join(SalesChannel, SalesChannel.id == Sale.channel_id)
        .where(Sale.sold_on.between(month_start(months[0]), month_end(months[-1])))
        .group_by(SalesChannel.name, year, number)
    ).all()
    order = [name for name, in session.execute(select(SalesChannel.name).order_by(SalesChannel.position, SalesChannel.name))]
    totals = {(name, (int(y), int(m))): int(total or 0) for name, y, m, total in rows}
    sold = {name for name, _ in totals}
    channels = tuple(name for name in order if name in sold)
    return channels, {name: tuple(totals.get((name, month), 0) for month in months) for name in channels}


def _member_on(as_of: date):
    """Members of the cooperative at the end of ``as_of``: joined by then and not yet left."""
    return and_(Member.join_date <= as_of, or_(Member.left_on.is_(None), Member.left_on > as_of))


def members_by_kecamatan(session: Session, as_of: date) -> tuple[Count, ...]:
    rows = session.execute(
        select(Kecamatan.name, func.count())
        .join(Member, Member.kecamatan_code == Kecamatan.code)
        .where(_member_on(as_of))
        .group_by(Kecamatan.name)
        .order_by(func.count().desc(), Kecamatan.name)
    )
    return tuple(Count(name, int(n)) for name, n in rows)


def members_by_category(session: Session, as_of: date) -> tuple[Count, ...]:
    rows = session.execute(
        select(Category.name, func.count(Member.id))
        .select_from(Category)
        .outerjoin(MemberCategory, MemberCategory.category_code == Category.code)
        .outerjoin(Member, and_(Member.id == MemberCategory.member_id, _member_on(as_of)))
        .where(Category.active.is_(True))
        .group_by(Category.name, Category.position)
        .order_by(Category.position, Category.name)
    )
    return tuple(Count(name, int(n)) for name, n in rows)
