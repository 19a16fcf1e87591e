"""Twelve months of figures for the Beranda charts and the Laporan bulanan.

Each series is read by a few set queries, never one query per month, loan or sale: the portfolio at the
twelve month ends (a table of month ends joined to the loans; what each loan had repaid by each is its
running total less the standing repayments after it, and what had fallen due on its schedule in force a
running total, both read from an index; the arrears report's rules, held to a loan-by-loan reading in
tests/services/monthly/test_history_equivalence.py), installments due and repayments collected (one
index range per month, less the few rows that do not count), sales by channel (one index range per
month, grouped by channel), members by kecamatan and category (as of the last month's end).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import Date, and_, case, extract, func, literal, literal_column, null, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import (
    Category,
    Kecamatan,
    Loan,
    LoanInstallment,
    LoanMovement,
    LoanProduct,
    LoanSchedule,
    Member,
    MemberCategory,
    Sale,
    SaleLine,
    SalesChannel,
)
from koperasi.domain.loans.rules import Installment, MovementKind, installments_paid_on_time
from koperasi.domain.monthly.figures import CollectionPoint, Count, History, PortfolioPoint
from koperasi.domain.months import Month, check_month, last_months, month_end, month_start
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.loans.arrears import PAR_DAYS, reversed_movements


def history(session: Session, actor: Actor, *, last: Month, count: int = 12) -> History:
    """The ``count`` months ending with ``last`` (its end is the "as of" day of the members' figures)."""
    authorize(session, actor, Permission.USE_APP)
    months = last_months(check_month(last, count), count)
    last_day = month_end(months[-1])
    channels, sales = sales_by_channel(session, months)
    return History(
        months=months,
        portfolio=portfolio(session, months),
        collections=collections(session, months),
        channels=channels,
        sales=sales,
        members_by_kecamatan=members_by_kecamatan(session, last_day),
        members_by_category=members_by_category(session, last_day),
    )


def portfolio(session: Session, months: tuple[Month, ...]) -> tuple[PortfolioPoint, ...]:
    """Outstanding principal and PAR30 at every month end in one pass, by the arrears report's rules
    (services.loans.arrears): a loan is at risk when the oldest installment its repayments have not
    covered, on the schedule in force that day, is more than 30 days overdue, or when it was
    rescheduled and has not yet paid its product's ``cure_installments`` on time in a row.

    The month ends are a small table joined to the loans. What a loan had repaid and written off by a
    month end is its running total (``principal_paid``, ``written_off``; ``koperasi doctor`` holds them to
    the movements) less its standing movements dated after that end: one short range of
    ix_loan_movements_paid per loan and month end, as the arrears report does for its one day. What had
    fallen due on the schedule in force is the running total read from ix_loan_installments_due. No
    movement is sorted by loan, and no window runs. Only the rescheduled loans (few) have their cure
    checked in Python.
    """
    ends_on = [month_end(month) for month in months]
    ends = union_all(*(
        select(literal(day, Date()).label("end_on"), literal(day - timedelta(days=PAR_DAYS), Date()).label("late_before"))
        for day in ends_on
    )).cte("ends")
    # In loan order, so each loan's index entries are read at one place, twelve times over, rather than
    # twelve passes across the whole index (the month ends would otherwise be the outer loop on SQLite).
    open_ = (
        select(Loan.id.label("loan_id"), ends.c.end_on, ends.c.late_before, Loan.disbursed, Loan.principal_paid,
               Loan.written_off, Loan.schedule_no.label("current_no"))
        .join(ends, and_(Loan.disbursed_on <= ends.c.end_on, or_(Loan.closed_on.is_(None), Loan.closed_on > ends.c.end_on)))
        .where(Loan.disbursed > 0)
        .order_by(Loan.id)
        .cte("open_loans")
        .prefix_with("MATERIALIZED")
    )

    def after_end(kind: MovementKind, *, standing: bool):
        """The loan's movements of ``kind`` dated after the month end; with ``standing``, less those a reversal
        cancelled (their ids are not in the index: asked only for the few loans that have one)."""
        conditions = [LoanMovement.loan_id == open_.c.loan_id, LoanMovement.kind == kind.value,
                      LoanMovement.occurred_on > open_.c.end_on]
        if standing:
            conditions.append(LoanMovement.id.not_in(reversed_movements()))
        return func.coalesce(select(func.sum(LoanMovement.amount)).where(*conditions).scalar_subquery(), 0)

    with_cancelled = select(LoanMovement.loan_id).where(LoanMovement.id.in_(reversed_movements()))
    repaid_after = case((open_.c.loan_id.in_(with_cancelled), after_end(MovementKind.REPAYMENT, standing=True)),
                        else_=after_end(MovementKind.REPAYMENT, standing=False))
    # A loan's first schedule is made at its disbursement, in force from that day, with nothing paid before
    # it: a loan never rescheduled (nor disbursed again) is on it at every month end it is open.
    in_force = case(
        (open_.c.current_no == 1, literal(1)),
        else_=select(func.max(LoanSchedule.schedule_no))
        .where(LoanSchedule.loan_id == open_.c.loan_id, LoanSchedule.effective_on <= open_.c.end_on,
               LoanSchedule.schedule_no <= open_.c.current_no)
        .scalar_subquery(),
    )
    paid = (
        select(open_.c.end_on, open_.c.late_before, open_.c.loan_id, open_.c.disbursed,
               (open_.c.principal_paid - repaid_after).label("repaid"),
               case((open_.c.written_off > 0, open_.c.written_off - after_end(MovementKind.WRITE_OFF, standing=True)),
                    else_=0).label("written_off"),
               in_force.label("schedule_no"))
        .cte("paid")
        .prefix_with("MATERIALIZED")  # each figure read twice below: its index ranges summed once
    )
    paid_before = case(
        (paid.c.schedule_no == 1, literal(0)),
        else_=select(LoanSchedule.paid_before)
        .where(LoanSchedule.loan_id == paid.c.loan_id, LoanSchedule.schedule_no == paid.c.schedule_no)
        .scalar_subquery(),
    )
    # Late by more than 30 days at a month end: what fell due on the schedule in force more than 30 days
    # before it exceeds what was paid toward that schedule; the running total of the last installment due
    # before then, one seek in ix_loan_installments_due per loan and month end.
    fell_due = func.coalesce(
        select(LoanInstallment.cumulative)
        .where(LoanInstallment.loan_id == paid.c.loan_id, LoanInstallment.schedule_no == paid.c.schedule_no,
               LoanInstallment.due_on < paid.c.late_before)
        .order_by(LoanInstallment.due_on.desc(), LoanInstallment.cumulative.desc())
        .limit(1)
        .scalar_subquery(),
        0,
    )
    remaining = paid.c.disbursed - paid.c.repaid - paid.c.written_off
    book = (
        select(paid.c.end_on, paid.c.loan_id, remaining.label("remaining"), paid.c.schedule_no,
               (fell_due > paid.c.repaid - paid_before).label("late"))
        .where(remaining > 0, paid.c.schedule_no.is_not(None))
        .cte("book")
        .prefix_with("MATERIALIZED")  # its "late" is read several times below: worked out once per row
    )
    # The database adds the book up per month end, late or not; beside those sums only the rescheduled
    # loans not otherwise late come back one by one (their cure is checked below), so a few hundred rows
    # come back instead of one per loan and month.
    cure_pending = and_(book.c.late.is_(False), book.c.schedule_no > 1)
    rows = session.execute(union_all(  # the loans first: their columns give the UNION its types
        select(book.c.end_on, book.c.late, book.c.remaining, book.c.loan_id, book.c.schedule_no).where(cure_pending),
        select(book.c.end_on, book.c.late, func.sum(book.c.remaining), null(), null()).group_by(book.c.end_on, book.c.late),
    )).all()
    totals: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    rescheduled = []
    for end_on, late, remaining, loan_id, schedule_no in rows:
        remaining = int(remaining)
        if loan_id is not None:
            rescheduled.append((end_on, loan_id, schedule_no, remaining))
            continue
        totals[end_on][0] += remaining
        if late:
            totals[end_on][1] += remaining
    uncured = _not_yet_cured(session, rescheduled)
    points = []
    for month in months:
        end_on = month_end(month)
        outstanding, at_risk = totals.get(end_on, (0, 0))
        at_risk += sum(remaining for day, _, _, remaining in uncured if day == end_on)
        points.append(PortfolioPoint(month, outstanding, at_risk))
    return tuple(points)


def _not_yet_cured(session: Session, rescheduled: list) -> list:
    """Of the (month end, loan, schedule, remaining) rows of rescheduled loans not otherwise at risk,
    those whose new schedule was not yet paid on time for the product's number of installments in a row."""
    if not rescheduled:
        return []
    loans = {row[1] for row in rescheduled}
    schedules: dict[tuple, list[Installment]] = defaultdict(list)
    for loan_id, schedule_no, number, due_on, amount in session.execute(
        select(LoanInstallment.loan_id, LoanInstallment.schedule_no, LoanInstallment.number, LoanInstallment.due_on,
               LoanInstallment.amount)
        .where(LoanInstallment.loan_id.in_(loans), LoanInstallment.schedule_no > 1)  # the new schedules alone
        .order_by(LoanInstallment.loan_id, LoanInstallment.schedule_no, LoanInstallment.number)
    ):
        schedules[(loan_id, schedule_no)].append(Installment(number, due_on, amount))
    paid_before = {
        (loan_id, schedule_no): paid for loan_id, schedule_no, paid in session.execute(
            select(LoanSchedule.loan_id, LoanSchedule.schedule_no, LoanSchedule.paid_before)
            .where(LoanSchedule.loan_id.in_(loans), LoanSchedule.schedule_no > 1)
        )
    }
    cure = dict(session.execute(
        select(Loan.id, LoanProduct.cure_installments).join(LoanProduct, LoanProduct.id == Loan.product_id).where(Loan.id.in_(loans))
    ).all())
    payments: dict = defaultdict(list)
    for loan_id, occurred_on, amount in session.execute(
        select(LoanMovement.loan_id, LoanMovement.occurred_on, LoanMovement.amount)
        .where(LoanMovement.loan_id.in_(loans), LoanMovement.kind == MovementKind.REPAYMENT.value,
               LoanMovement.id.not_in(reversed_movements()))
    ):
        payments[loan_id].append((occurred_on, amount))
    return [
        row for row in rescheduled
        if installments_paid_on_time(
            schedules[(row[1], row[2])], [p for p in payments[row[1]] if p[0] <= row[0]], row[0],
            paid_before=paid_before[(row[1], row[2])],
        ) < cure[row[1]]
    ]


def _by_month(rows) -> dict[Month, int]:
    return {(int(year), int(number)): int(total or 0) for year, number, total in rows}


def collections(session: Session, months: tuple[Month, ...]) -> tuple[CollectionPoint, ...]:
    return tuple(CollectionPoint(month, due, collected) for month, due, collected in zip(
        months, _by_months(_due(session, months), months), _by_months(_collected(session, months), months)))


def _by_months(parts: tuple[dict[Month, int], ...], months: tuple[Month, ...]) -> list[int]:
    """Each month's total of the first part less the others (the few rows it must not count)."""
    first, *less = parts
    return [first.get(month, 0) - sum(part.get(month, 0) for part in less) for month in months]


def _per_month(session: Session, months: tuple[Month, ...], day, total, *criteria) -> dict[Month, int]:
    """``total`` summed over each month's days of ``day``: one range of the day's index per month, in a
    UNION ALL, rather than every row's month worked out and the rows sorted by it."""
    parts = [
        select(literal_column(str(index)), func.sum(total)).where(day.between(month_start(month), month_end(month)), *criteria)
        for index, month in enumerate(months)
    ]
    return {months[int(index)]: int(value or 0) for index, value in session.execute(union_all(*parts))}


def _due(session: Session, months: tuple[Month, ...]) -> tuple[dict[Month, int], ...]:
    """Installments due per month on the schedules in force on their due dates: every installment of the
    months (from ix_loan_installments_day alone), less those of a schedule a reschedule had replaced by
    then and those of loans whose disbursement was cancelled (schedule number back to 0). Both are a few
    loans, reached by loan id; no installment of the other loans is looked up one by one."""
    first_day, last_day = month_start(months[0]), month_end(months[-1])
    year, number = extract("year", LoanInstallment.due_on), extract("month", LoanInstallment.due_on)
    in_range = LoanInstallment.due_on.between(first_day, last_day)
    per_month = select(year, number, func.sum(LoanInstallment.amount)).where(in_range).group_by(year, number)
    following = aliased(LoanSchedule)
    rescheduled = select(LoanSchedule.loan_id).where(LoanSchedule.schedule_no > 1)
    superseded = (
        per_month
        .join(following, and_(following.loan_id == LoanInstallment.loan_id, following.schedule_no == LoanInstallment.schedule_no + 1,
                              following.effective_on <= LoanInstallment.due_on))
        .join(Loan, Loan.id == LoanInstallment.loan_id)
        .where(LoanInstallment.loan_id.in_(rescheduled), Loan.schedule_no > 0)
    )
    undone = per_month.where(LoanInstallment.loan_id.in_(select(Loan.id).where(Loan.schedule_no == 0)))
    every = _per_month(session, months, LoanInstallment.due_on, LoanInstallment.amount)
    return (every, *(_by_month(session.execute(query)) for query in (superseded, undone)))


def _collected(session: Session, months: tuple[Month, ...]) -> tuple[dict[Month, int], ...]:
    """Standing repayments per month: every repayment of the months (ix_loan_movements_day), less those
    reversals cancelled (few)."""
    first_day, last_day = month_start(months[0]), month_end(months[-1])
    year, number = extract("year", LoanMovement.occurred_on), extract("month", LoanMovement.occurred_on)
    repaid = _per_month(session, months, LoanMovement.occurred_on, LoanMovement.amount,
                        LoanMovement.kind == MovementKind.REPAYMENT.value)
    cancelled = _by_month(session.execute(
        select(year, number, func.sum(LoanMovement.amount))
        .where(LoanMovement.id.in_(reversed_movements()), LoanMovement.occurred_on.between(first_day, last_day),
               LoanMovement.kind == MovementKind.REPAYMENT.value)
        .group_by(year, number)
    ))
    return repaid, cancelled


def sales_by_channel(session: Session, months: tuple[Month, ...]) -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """Standing sales per channel and month, as the sales report sums them (its "Saluran" breakdown): the
    lines of the sales not cancelled. Each month is one range of ix_sales_day_channel, its lines summed
    from ix_sale_lines_sale_sums; the cancelled sales (few) are one list read once."""
    cancelled = select(Sale.reversal_of_id).where(Sale.reversal_of_id.is_not(None))
    parts = [
        select(literal_column(str(index)).label("month"), Sale.channel_id, func.sum(SaleLine.total))
        .join(SaleLine, SaleLine.sale_id == Sale.id)
        .where(Sale.sold_on.between(month_start(month), month_end(month)), Sale.id.not_in(cancelled))
        .group_by(Sale.channel_id)
        for index, month in enumerate(months)
    ]
    channel_rows = session.execute(select(SalesChannel.id, SalesChannel.name).order_by(SalesChannel.position, SalesChannel.name)).all()
    names = dict(channel_rows)
    totals: dict[tuple[str, Month], int] = defaultdict(int)
    for index, channel_id, total in session.execute(union_all(*parts)):
        totals[(names[channel_id], months[int(index)])] += int(total or 0)
    sold = {name for name, _ in totals}
    channels = tuple(dict.fromkeys(name for _, name in channel_rows if name in sold))
    return channels, {name: tuple(totals.get((name, month), 0) for month in months) for name in channels}


def _member_on(as_of: date):
    """Members of the cooperative at the end of ``as_of``: joined by then and not yet left."""
    return and_(Member.join_date <= as_of, or_(Member.left_on.is_(None), Member.left_on > as_of))


def members_by_kecamatan(session: Session, as_of: date) -> tuple[Count, ...]:
    # Counted per kecamatan code with a filter over every member rather than a WHERE, so the database walks
    # the covering index ix_members_roll (kecamatan first) in its order, neither sorting the members nor
    # looking up a name for each; the few counts are then named (and added up per name).
    on_roll = func.count().filter(_member_on(as_of))
    per_code = select(Member.kecamatan_code, on_roll.label("members")).group_by(Member.kecamatan_code).subquery("per_code")
    members = func.sum(per_code.c.members)
    rows = session.execute(
        select(Kecamatan.name, members)
        .join(per_code, per_code.c.kecamatan_code == Kecamatan.code)
        .group_by(Kecamatan.name)
        .having(members > 0)
        .order_by(members.desc(), Kecamatan.name)
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
