"""The twelve-month history worked out in the database agrees with its plain definition, on random offices:
every loan read row by row at each month end and judged with the domain's own rules (``schedule_state``,
``installments_paid_on_time``), every installment counted in the month it fell due if its schedule was the
one in force that day, every standing repayment in the month it was made. The offices' loans are
disbursed on different days, paid early, late, in part, reversed, written off, rescheduled, or disbursed,
cancelled and disbursed again; the months run from before the first loan to after today."""

from __future__ import annotations

import os
import uuid
from collections import defaultdict
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from koperasi.db.models import Loan, LoanInstallment, LoanMovement, LoanProduct, LoanSchedule
from koperasi.domain.loans.rules import Installment, MovementKind, installments_paid_on_time, schedule_state
from koperasi.domain.months import month_end
from koperasi.services.loans import arrears
from koperasi.services.monthly.history import history
from tests import loan_stories
from tests.loan_support import loan_office

EXAMPLES = int(os.environ.get("KOPERASI_HISTORY_EXAMPLES", "8"))
LAST, COUNT = (2027, 1), 16  # October 2025 (before the first loan) to two months after today (28 November 2026)

loan_story = loan_stories.loan_story("disburse_again")


def _standing(session) -> dict[uuid.UUID, list[LoanMovement]]:
    cancelled = set(session.scalars(select(LoanMovement.reversal_of_id).where(LoanMovement.reversal_of_id.is_not(None))))
    standing = defaultdict(list)
    for movement in session.scalars(select(LoanMovement)):
        if movement.id not in cancelled and movement.reversal_of_id is None:
            standing[movement.loan_id].append(movement)
    return standing


def _plain_portfolio(session, as_of: date) -> tuple[int, int]:
    """Outstanding principal and PAR30 at the end of ``as_of``, loan by loan."""
    standing = _standing(session)
    outstanding = at_risk = 0
    for loan in session.scalars(select(Loan).where(Loan.disbursed > 0)):
        if loan.disbursed_on > as_of or (loan.closed_on is not None and loan.closed_on <= as_of):
            continue
        by_then = [m for m in standing[loan.id] if m.occurred_on <= as_of]
        repayments = [(m.occurred_on, m.amount) for m in by_then if m.kind == MovementKind.REPAYMENT.value]
        repaid = sum(amount for _, amount in repayments)
        remaining = loan.disbursed - repaid - sum(m.amount for m in by_then if m.kind == MovementKind.WRITE_OFF.value)
        if remaining <= 0:
            continue
        header = max((s for s in session.scalars(select(LoanSchedule).where(LoanSchedule.loan_id == loan.id))
                      if s.effective_on <= as_of and s.schedule_no <= loan.schedule_no), key=lambda s: s.schedule_no)
        schedule = [Installment(i.number, i.due_on, i.amount) for i in session.scalars(
            select(LoanInstallment).where(LoanInstallment.loan_id == loan.id, LoanInstallment.schedule_no == header.schedule_no)
            .order_by(LoanInstallment.number))]
        state = schedule_state(schedule, repaid - header.paid_before, as_of)
        cure = session.get(LoanProduct, loan.product_id).cure_installments
        restructured = header.schedule_no > 1 and installments_paid_on_time(
            schedule, repayments, as_of, paid_before=header.paid_before) < cure
        outstanding += remaining
        if state.days_past_due > arrears.PAR_DAYS or restructured:
            at_risk += remaining
    return outstanding, at_risk


def _plain_collections(session) -> tuple[dict, dict]:
    """Installments due per (year, month) on the schedule in force on their due dates, of loans disbursed
    (not cancelled); standing repayments per (year, month) they were made."""
    due: dict = defaultdict(int)
    for loan in session.scalars(select(Loan).where(Loan.schedule_no > 0)):
        schedules = session.scalars(select(LoanSchedule).where(LoanSchedule.loan_id == loan.id)).all()
        for item in session.scalars(select(LoanInstallment).where(LoanInstallment.loan_id == loan.id)):
            in_force = max(s.schedule_no for s in schedules if s.effective_on <= item.due_on and s.schedule_no <= loan.schedule_no)
            if in_force == item.schedule_no:
                due[(item.due_on.year, item.due_on.month)] += item.amount
    collected: dict = defaultdict(int)
    for movements in _standing(session).values():
        for m in movements:
            if m.kind == MovementKind.REPAYMENT.value:
                collected[(m.occurred_on.year, m.occurred_on.month)] += m.amount
    return due, collected


@pytest.fixture
def office(db, admin):
    """One office for all the examples: each adds its loans to those of the examples before it."""
    return loan_office(db, admin, capital=10_000_000_000)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(stories=st.lists(loan_story, min_size=1, max_size=4))
def test_the_history_from_the_database_is_its_plain_definition_on_random_offices(office, stories):
    loan_stories.play(office, stories)
    with office.session() as session:
        result = history(session, office.clerk, last=LAST, count=COUNT)
        assert [(p.outstanding, p.at_risk) for p in result.portfolio] == [
            _plain_portfolio(session, month_end(month)) for month in result.months
        ]
        due, collected = _plain_collections(session)
    assert [(p.due, p.collected) for p in result.collections] == [(due[month], collected[month]) for month in result.months]
