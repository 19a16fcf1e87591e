"""Savings rules: what is due each month, and balances that never go below zero."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.errors import ValidationError
from koperasi.domain.savings.rules import (
    Rate,
    SavingsAction,
    SavingsKind,
    WajibState,
    change_of,
    check_withdrawal,
    pokok_owed,
    rate_on,
    wajib_due,
)

months = st.dates(min_value=date(2018, 1, 1), max_value=date(2030, 12, 1)).map(lambda d: d.replace(day=1))
rate_lists = st.dictionaries(months, st.integers(0, 100_000), max_size=6).map(
    lambda found: [Rate(day, amount) for day, amount in sorted(found.items())]
)


def _brute_due(joined: date, as_of: date, rates: list[Rate]) -> int:
    """Month by month, the rate in force on the first of each month from joining to as_of."""
    total, month = 0, joined.replace(day=1)
    while month <= as_of:
        total += rate_on(rates, month) or 0
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return total


@given(rates=rate_lists, joined=st.dates(date(2018, 1, 1), date(2030, 12, 31)), as_of=st.dates(date(2018, 1, 1), date(2031, 12, 31)))
def test_wajib_due_is_the_sum_of_each_months_rate(rates, joined, as_of):
    assert wajib_due(joined, as_of, rates) == _brute_due(joined, as_of, rates)


def test_wajib_due_hand_worked():
    rates = [Rate(date(2025, 1, 1), 10_000), Rate(date(2026, 1, 1), 15_000)]
    assert wajib_due(date(2025, 3, 5), date(2026, 11, 28), rates) == 10 * 10_000 + 11 * 15_000
    assert wajib_due(date(2024, 6, 1), date(2024, 12, 31), rates) == 0  # before any rate
    assert wajib_due(date(2026, 12, 1), date(2026, 11, 28), rates) == 0  # joins after as_of


def test_arrears_count_part_months_as_whole_and_payments_in_advance_as_none():
    assert WajibState(due=50_000, paid=25_000, current_rate=10_000).months_behind == 3
    assert WajibState(due=50_000, paid=80_000, current_rate=10_000).arrears == 0


def test_pokok_owed_is_the_amount_at_joining_or_the_first_one_set():
    rates = [Rate(date(2025, 1, 1), 100_000), Rate(date(2027, 1, 1), 150_000)]
    assert pokok_owed(date(2026, 5, 1), rates) == 100_000
    assert pokok_owed(date(2027, 2, 1), rates) == 150_000
    assert pokok_owed(date(2019, 2, 1), rates) == 100_000  # moved over from paper before rates were kept
    assert pokok_owed(date(2026, 5, 1), []) == 0


@given(st.lists(st.tuples(st.booleans(), st.integers(1, 5_000_000)), max_size=40))
def test_a_withdrawal_never_makes_sukarela_negative(steps):
    """Whatever is asked, only withdrawals the balance covers pass; the balance is the sum of changes."""
    balance, changes = 0, []
    for is_withdrawal, amount in steps:
        action = SavingsAction.WITHDRAWAL if is_withdrawal else SavingsAction.DEPOSIT
        if is_withdrawal:
            try:
                check_withdrawal(SavingsKind.SUKARELA, amount, balance)
            except ValidationError:
                assert amount > balance
                continue
        changes.append(change_of(action, amount))
        balance += changes[-1]
        assert balance >= 0
    assert balance == sum(changes)


@pytest.mark.parametrize("kind", [SavingsKind.POKOK, SavingsKind.WAJIB])
def test_equity_savings_are_not_withdrawn_while_a_member_stays(kind):
    with pytest.raises(ValidationError, match="ketika anggota keluar"):
        check_withdrawal(kind, 1, 1_000_000)
