"""Whatever the treasurer records in the cash book, in any order, with any reversals, the books stay sound.

Hypothesis generates income and expenses on the program's and the office's own accounts, and reversals
of earlier entries (some already reversed). After every sequence the journal balances, the cash account
moved by exactly the sum of what stands in the cash book, each account equals its standing entries,
every voucher number of a kind is gapless, and ``koperasi doctor``'s checks hold. One SQLite database
serves every example; the totals are compared as differences from where the example started.
"""

from __future__ import annotations

import os
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from koperasi.db.models import CashEntry
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.errors import ValidationError
from koperasi.domain.ledger import Account, AccountGroup
from koperasi.services import accounts, ledger, ledger_checks
from tests.cashbook_support import cash_office
from tests.support import set_up_office

EXAMPLES = int(os.environ.get("KOPERASI_LEDGER_EXAMPLES", "15"))
INCOME = [Account.GRANT_INCOME.value, Account.OTHER_INCOME.value, "4301"]
EXPENSES = [Account.OPERATING_EXPENSE.value, Account.HONORARIA_EXPENSE.value, Account.TRAINING_EXPENSE.value,
            Account.TRANSPORT_EXPENSE.value, "5301"]

operations = st.lists(
    st.one_of(
        st.tuples(st.just(CashDirection.INCOME), st.sampled_from(INCOME), st.integers(1, 50_000_000)),
        st.tuples(st.just(CashDirection.EXPENSE), st.sampled_from(EXPENSES), st.integers(1, 50_000_000)),
        st.tuples(st.just("reverse"), st.just(""), st.integers(0, 30)),
    ),
    min_size=1, max_size=10,
)


@pytest.fixture
def books(sqlite_db):
    office = cash_office(sqlite_db, set_up_office(sqlite_db))
    with office.session() as session:
        accounts.add_account(session, office.treasurer, group=AccountGroup.INCOME, code="4301", name="Sewa tenda")
        accounts.add_account(session, office.treasurer, group=AccountGroup.EXPENSE, code="5301", name="Beban listrik")
    return office


def _balances(office) -> dict[str, int]:
    with office.session() as session:
        totals = ledger.account_totals(session)
    return {row.account.value: row.balance for row in totals}


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=operations)
def test_any_sequence_of_cash_entries_and_reversals_keeps_the_journal_balanced_and_equal_to_the_cash(books, steps):
    before = _balances(books)
    standing: dict[uuid.UUID, tuple[str, int]] = {}  # entry -> (account, change to cash)
    recorded: list[uuid.UUID] = []
    for action, account, number in steps:
        if action == "reverse":
            if not recorded:
                continue
            target = recorded[number % len(recorded)]
            try:
                books.reverse(target, reason="Salah catat")
            except ValidationError as refused:  # a second reversal of the same entry
                assert target not in standing and "sudah dibatalkan" in refused.message
                continue
            standing.pop(target)
        else:
            entry = books.record(action, number, account, description="Uraian uji")
            recorded.append(entry.id)
            standing[entry.id] = (account, action.change(number))
    after = _balances(books)
    moved = {code: after.get(code, 0) - before.get(code, 0) for code in set(after) | set(before)}
    assert moved[Account.CASH.value] == sum(change for _, change in standing.values())
    for code in INCOME + EXPENSES:
        expected = sum(abs(change) for account, change in standing.values() if account == code)
        assert moved.get(code, 0) == expected, code
    with books.session() as session:
        assert ledger_checks.ledger_problems(session) == []
        for direction in CashDirection:
            numbers = sorted(int(number.rsplit("/", 1)[1]) for number in session.scalars(
                select(CashEntry.voucher_number).where(CashEntry.direction == direction.value,
                                                       CashEntry.voucher_number.is_not(None))))
            assert numbers == list(range(1, len(numbers) + 1))
