"""The arrears report worked out in the database agrees with a plain reference: every loan read row by row
and judged with the domain's own rules (``schedule_state``, ``ageing_bucket``, ``installments_paid_on_time``),
on random offices: loans disbursed on different days, paid early, late, in part, reversed, written off and
rescheduled, seen on random days before, between and after their movements (today and later take the
loans' running totals, a past day re-adds the movements)."""

from __future__ import annotations

import os
from collections import defaultdict
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from koperasi import clock
from koperasi.db.models import Loan, LoanInstallment, LoanMovement, LoanProduct, LoanSchedule
from koperasi.domain.loans.papers import PortfolioShare
from koperasi.domain.loans.rules import (
    RESTRUCTURED_LABEL,
    AgeingBucket,
    Installment,
    MovementKind,
    ageing_bucket,
    installments_paid_on_time,
    schedule_state,
)
from koperasi.services.loans import arrears
from tests import loan_stories
from tests.loan_support import loan_office

EXAMPLES = int(os.environ.get("KOPERASI_ARREARS_EXAMPLES", "10"))

loan_story = loan_stories.loan_story()


def _reference(session, as_of: date) -> list[tuple]:
    """(number, outstanding, arrears, days past due, restructured, product) of every loan with principal out."""
    reversed_ids = {row for row in session.scalars(select(LoanMovement.reversal_of_id).where(LoanMovement.reversal_of_id.is_not(None)))}
    standing = defaultdict(list)
    for movement in session.scalars(select(LoanMovement)):
        if movement.id not in reversed_ids and movement.reversal_of_id is None and movement.occurred_on <= as_of:
            standing[movement.loan_id].append(movement)
    book = []
    for loan in session.scalars(select(Loan).where(Loan.disbursed > 0)):
        if loan.disbursed_on > as_of or (loan.closed_on is not None and loan.closed_on <= as_of):
            continue
        repayments = [(m.occurred_on, m.amount) for m in standing[loan.id] if m.kind == MovementKind.REPAYMENT.value]
        repaid = sum(amount for _, amount in repayments)
        written_off = sum(m.amount for m in standing[loan.id] if m.kind == MovementKind.WRITE_OFF.value)
        remaining = loan.disbursed - repaid - written_off
        if remaining <= 0:
            continue
        header = max(
            (s for s in session.scalars(select(LoanSchedule).where(LoanSchedule.loan_id == loan.id))
             if s.effective_on <= as_of and s.schedule_no <= loan.schedule_no),
            key=lambda s: s.schedule_no,
        )
        schedule = [
            Installment(i.number, i.due_on, i.amount)
            for i in session.scalars(select(LoanInstallment).where(
                LoanInstallment.loan_id == loan.id, LoanInstallment.schedule_no == header.schedule_no
            ).order_by(LoanInstallment.number))
        ]
        state = schedule_state(schedule, repaid - header.paid_before, as_of)
        cure = session.get(LoanProduct, loan.product_id).cure_installments
        restructured = header.schedule_no > 1 and installments_paid_on_time(
            schedule, repayments, as_of, paid_before=header.paid_before) < cure
        book.append((loan.number, remaining, min(state.arrears, remaining), state.days_past_due, restructured,
                     session.get(LoanProduct, loan.product_id).name))
    return book


def _share(name, rows) -> PortfolioShare:
    return PortfolioShare(name, len(rows), sum(r[1] for r in rows), sum(r[1] for r in rows if r[3] > arrears.PAR_DAYS or r[4]))


@pytest.fixture
def office(db, admin):
    """One office for all the examples: each adds its loans to those of the examples before it."""
    return loan_office(db, admin, capital=10_000_000_000)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(stories=st.lists(loan_story, min_size=1, max_size=4), days=st.lists(st.integers(0, 480), min_size=1, max_size=4))
def test_the_report_from_the_database_is_the_reference_on_random_offices(office, stories, days):
    loan_stories.play(office, stories)
    first_day = clock.today() - timedelta(days=400)
    with office.session() as session:
        for offset in days:
            as_of = first_day + timedelta(days=offset)
            expected = _reference(session, as_of)
            report = arrears.arrears_report(session, office.clerk, as_of=as_of)
            assert report.total == _share("Jumlah", expected), as_of
            lines = [(RESTRUCTURED_LABEL if r[4] else ageing_bucket(r[3]).label) for r in expected]
            assert report.buckets == tuple(
                _share(label, [r for r, line in zip(expected, lines, strict=True) if line == label])
                for label in (*(b.label for b in AgeingBucket), RESTRUCTURED_LABEL)
            ), as_of
            products = sorted({r[5] for r in expected})
            assert report.breakdowns["Produk"] == tuple(_share(name, [r for r in expected if r[5] == name]) for name in products)
            late = sorted((r for r in expected if r[3] > 0 or r[4]), key=lambda r: (-r[3], r[0]))
            assert [(line.loan_number, line.outstanding, line.arrears, line.days_past_due, line.restructured)
                    for line in report.late_loans] == [r[:5] for r in late], as_of
            positions = sorted((p.loan_number, p.outstanding, p.arrears, p.days_past_due, p.restructured, p.product)
                               for p in arrears.positions(session, office.clerk, as_of=as_of))
            assert positions == sorted(expected), as_of
            # Beranda's part of the report is the report's own, its ten worst late loans included.
            buckets, total, oldest = arrears.book_summary(session, office.clerk, as_of=as_of)
            assert (buckets, total, oldest) == (report.buckets, report.total, report.late_loans[:arrears.WORST_SHOWN])
