"""Whatever the counter does after a year is closed, the closed year does not change and the books stay sound.

Hypothesis posts deposits, withdrawals, repayments and sales on any day from 2024 to today, after 2024 and 2025 were
closed and 2025's SHU divided. Every posting dated in a closed year is refused with the clerk's message; the journal
lines dated in the closed years stay exactly as they were; every entry balances and doctor's checks hold.
One database (of each kind) serves every example.
"""

from __future__ import annotations

import os
import uuid
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from koperasi.db.models import JournalEntry, JournalLine
from koperasi.domain.errors import ValidationError
from koperasi.domain.sales.rules import Producer
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services import ledger, ledger_checks
from koperasi.services.books import shu
from koperasi.services.savings import movements
from tests.books_support import books_office
from tests.support import TODAY

EXAMPLES = int(os.environ.get("KOPERASI_LEDGER_EXAMPLES", "15"))
FIRST_DAY = date(2024, 1, 2)
days = st.integers(0, (TODAY - FIRST_DAY).days).map(lambda offset: FIRST_DAY + timedelta(days=offset))
operations = st.lists(
    st.tuples(st.sampled_from(["deposit", "withdraw", "repay", "sell"]), days, st.integers(1, 500).map(lambda n: n * 1_000)),
    min_size=1, max_size=6,
)


@pytest.fixture
def closed_office(db, admin):
    books = books_office(db, admin)
    office = books.office
    member = office.member("Siti Aminah")
    loan_id = office.active_loan(member)
    books.deposit(member, SavingsKind.POKOK, 100_000, date(2025, 3, 1))
    product = books.shop.product()
    books.shop.intake(Producer(member_id=member), product, 1_000_000, on=date(2025, 3, 2))
    books.shop.sell((Producer(member_id=member), product, 1000, 200_000), on=date(2025, 3, 3))
    books.close(2024)
    books.close(2025)
    with books.session() as session:
        shu.divide_shu(session, office.treasurer, 2025, divided_on=date(2026, 2, 1), request_id=uuid.uuid4())
    return books, member, loan_id, product


def _closed_years_lines(session) -> list[tuple]:
    return sorted(session.execute(
        select(JournalEntry.id, JournalLine.account, JournalLine.debit, JournalLine.credit)
        .join(JournalLine, JournalLine.entry_id == JournalEntry.id).where(JournalEntry.entry_date <= date(2025, 12, 31))
    ).all(), key=str)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=operations)
def test_a_closed_year_cannot_change_whatever_is_posted(closed_office, steps):
    books, member, loan_id, product = closed_office
    with books.session() as session:
        before = _closed_years_lines(session)
        plan = shu.shu_plan(session, books.office.clerk, 2025)
    for action, day, amount in steps:
        try:
            with books.session() as session:
                if action == "deposit":
                    movements.deposit(session, books.office.clerk, member, kind=SavingsKind.SUKARELA, amount=amount,
                                      occurred_on=day, request_id=uuid.uuid4())
                elif action == "withdraw":
                    movements.withdraw(session, books.office.clerk, member, amount=amount, occurred_on=day,
                                       request_id=uuid.uuid4())
            if action == "repay":
                books.office.repay(loan_id, amount, on=day)
            elif action == "sell":
                books.shop.sell((Producer(member_id=member), product, 1000, amount), on=day)
        except ValidationError as error:
            if action == "deposit":  # a sukarela deposit has no other limit: only the closed year refuses it
                assert day.year <= 2025 and f"Tahun buku {day.year} sudah ditutup" in error.message, error.message
            continue
        assert day.year == 2026, (action, day)
    with books.session() as session:
        assert _closed_years_lines(session) == before
        assert ledger.unbalanced_entries(session) == []
        assert ledger_checks.ledger_problems(session) == []
        assert shu.shu_plan(session, books.office.clerk, 2025) == plan
