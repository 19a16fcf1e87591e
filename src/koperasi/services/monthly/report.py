"""The Laporan bulanan's figures: the month's movements, twelve months of history and the arrears list.

Every figure is a set query over the month (sums and counts in the database); the arrears list is
the arrears report itself as of the month's last day, so the two papers never disagree.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import LoanMovement, Member, Payout, Sale, TrainingAttendance, TrainingSession
from koperasi.domain.loans.rules import MovementKind
from koperasi.domain.monthly.figures import MonthlyReport, MonthMovements
from koperasi.domain.months import Month, check_month, month_end, month_start
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.loans.arrears import arrears_report, reversed_movements
from koperasi.services.monthly.history import history
from koperasi.services.office.profile import current_office
from koperasi.services.sales.book import standing_payouts, standing_sale_lines


def monthly_report(session: Session, actor: Actor, *, month: Month) -> MonthlyReport:
    authorize(session, actor, Permission.USE_APP)
    as_of = month_end(check_month(month))
    return MonthlyReport(
        office=current_office(session).profile,
        month=month,
        as_of=as_of,
        movements=_movements(session, month),
        history=history(session, actor, last=month),
        arrears=arrears_report(session, actor, as_of=as_of),
    )


def _movements(session: Session, month: Month) -> MonthMovements:
    first, last = month_start(month), month_end(month)
    members = session.execute(
        select(
            func.count().filter(Member.join_date.between(first, last)),
            func.count().filter(Member.left_on.between(first, last)),
            func.count().filter(Member.join_date <= last, (Member.left_on.is_(None)) | (Member.left_on > last)),
            func.count().filter(Member.join_date <= last, (Member.left_on.is_(None)) | (Member.left_on > last),
                                Member.sex == "P"),
        )
    ).one()
    # The month's range of ix_loan_movements_day, less the movements a reversal cancelled (few, one list);
    # the reversals themselves are of their own kind, not read.
    loans = dict.fromkeys(MovementKind, (0, 0))
    for kind, count, total in session.execute(
        select(LoanMovement.kind, func.count(), func.sum(LoanMovement.amount))
        .where(LoanMovement.occurred_on.between(first, last), LoanMovement.kind != MovementKind.REVERSAL.value,
               LoanMovement.id.not_in(reversed_movements()))
        .group_by(LoanMovement.kind)
    ):
        loans[MovementKind(kind)] = (int(count), int(total or 0))
    sessions = session.execute(
        select(func.count(func.distinct(TrainingSession.id)), func.count(TrainingAttendance.participant_id))
        .select_from(TrainingSession)
        .outerjoin(TrainingAttendance, (TrainingAttendance.session_id == TrainingSession.id) & TrainingAttendance.present.is_(True))
        .where(TrainingSession.held_on.between(first, last), TrainingSession.cancelled.is_(False))
    ).one()
    lines = standing_sale_lines().subquery()
    sales = session.execute(
        select(func.count(func.distinct(lines.c.sale_id)), func.sum(lines.c.total), func.sum(lines.c.producer_share))
        .select_from(lines)
        .join(Sale, Sale.id == lines.c.sale_id)
        .where(Sale.sold_on.between(first, last))
    ).one()
    paid = standing_payouts().where(Payout.paid_on.between(first, last)).subquery()
    payouts = session.scalar(select(func.sum(paid.c.amount)))
    return MonthMovements(
        members_joined=members[0], members_left=members[1], members_at_end=members[2], women_at_end=members[3],
        loans_disbursed=loans[MovementKind.DISBURSEMENT][0], disbursed=loans[MovementKind.DISBURSEMENT][1],
        repaid=loans[MovementKind.REPAYMENT][1], written_off=loans[MovementKind.WRITE_OFF][1],
        sessions_held=int(sessions[0]), attendances=int(sessions[1]),
        sales_count=int(sales[0]), sales=int(sales[1] or 0), producer_share=int(sales[2] or 0), payouts=int(payouts or 0),
    )
