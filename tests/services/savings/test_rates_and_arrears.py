"""Rates the AD/ART sets, and wajib arrears per member and across the office."""

from __future__ import annotations

from datetime import date

import pytest

from koperasi.domain.errors import ConflictError, PermissionDenied, ValidationError
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services.savings import queries, rates
from tests.savings_support import savings_office
from tests.support import TODAY, set_up_office


@pytest.fixture
def office(sqlite_db):
    return savings_office(sqlite_db, set_up_office(sqlite_db))


@pytest.fixture
def both(db, admin):
    return savings_office(db, admin)


def test_a_rate_is_in_force_from_the_first_of_its_month_and_can_be_replaced(office):
    with office.session() as session:
        first = rates.set_rate(session, office.manager, kind=SavingsKind.WAJIB, effective_from=date(2026, 1, 17), amount=10_000)
        assert first.effective_from == date(2026, 1, 1)
        with pytest.raises(ConflictError):
            rates.set_rate(session, office.manager, kind=SavingsKind.WAJIB, effective_from=date(2026, 1, 1), amount=12_000)
        rates.set_rate(session, office.manager, kind=SavingsKind.WAJIB, effective_from=date(2026, 1, 1), amount=12_000,
                       expected_version=first.version)
        assert [(r.kind, r.amount) for r in rates.savings_rates(session, office.clerk)] == [(SavingsKind.WAJIB, 12_000)]




@pytest.mark.parametrize(
    ("kind", "amount", "message"),
    [(SavingsKind.SUKARELA, 10_000, "hanya untuk simpanan pokok dan wajib"), (SavingsKind.WAJIB, -1, "nol atau lebih")],
)
def test_bad_rates_are_refused(office, kind, amount, message):
    with office.session() as session, pytest.raises(ValidationError, match=message):
        rates.set_rate(session, office.manager, kind=kind, effective_from=date(2026, 1, 1), amount=amount)


def test_a_clerk_may_not_set_rates(office):
    with office.session() as session, pytest.raises(PermissionDenied):
        rates.set_rate(session, office.clerk, kind=SavingsKind.WAJIB, effective_from=date(2026, 1, 1), amount=10_000)


def test_wajib_arrears_follow_the_rate_of_each_month(both):
    # Hand-worked: joined 5 March 2025; Rp10.000 a month in 2025 (Mar–Dec: 10 months = 100.000),
    # Rp15.000 from January 2026 (Jan–Nov 2026: 11 months = 165.000): 265.000 due by 28 November 2026.
    both.set_rate(SavingsKind.WAJIB, date(2025, 1, 1), 10_000)
    both.set_rate(SavingsKind.WAJIB, date(2026, 1, 1), 15_000)
    late = both.member("Siti Aminah", joined=date(2025, 3, 5))
    paid_up = both.member("Rahmah", joined=date(2026, 10, 1))
    both.deposit(late, SavingsKind.WAJIB, 100_000, on=date(2025, 12, 1))
    both.deposit(paid_up, SavingsKind.WAJIB, 30_000, on=date(2026, 11, 2))
    with both.session() as session:
        state = queries.member_savings(session, both.clerk, late, as_of=TODAY).wajib
        behind = queries.members_behind(session, both.clerk, as_of=TODAY)
    assert (state.due, state.paid, state.arrears, state.months_behind) == (265_000, 100_000, 165_000, 11)
    assert [(row.name, row.arrears, row.months_behind) for row in behind] == [("Siti Aminah", 165_000, 11)]


def test_no_wajib_rate_means_nobody_is_behind(office):
    office.member()
    with office.session() as session:
        assert queries.members_behind(session, office.clerk, as_of=TODAY) == []
