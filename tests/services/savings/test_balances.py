"""The member and group panels' balances: pokok, wajib, sukarela and wajib arrears, from one grouped query."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from koperasi.domain.members.register import GroupKind
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services.members import groups
from koperasi.services.savings import queries
from tests.savings_support import savings_office
from tests.support import TODAY


@pytest.fixture
def both(db, admin):
    return savings_office(db, admin)


def _statements(session):
    """Counts the SQL statements run on ``session``'s connection."""
    count = [0]
    event.listen(session.get_bind(), "before_cursor_execute", lambda *args: count.__setitem__(0, count[0] + 1))
    return count


def test_a_members_balances_and_wajib_arrears(both):
    both.set_rate(SavingsKind.WAJIB, date(2026, 1, 1), 10_000)  # Jan..Nov 2026: Rp110.000 due
    siti = both.member()
    both.deposit(siti, SavingsKind.WAJIB, 30_000)
    both.deposit(siti, SavingsKind.SUKARELA, 25_000)
    both.withdraw(siti, 5_000)
    with both.session() as session:
        shown = queries.member_balances(session, both.clerk, siti, as_of=TODAY)
    assert (shown.pokok, shown.wajib, shown.sukarela, shown.wajib_arrears) == (0, 30_000, 20_000, 80_000)
    assert shown.total == 50_000 and shown.members == 1
    with both.session() as session:
        assert queries.member_balances(session, both.clerk, both.member("Rahmat Hidayat"), as_of=TODAY).wajib_arrears == 110_000


def test_a_groups_balances_are_the_sum_of_its_present_members_in_one_query(both):
    both.set_rate(SavingsKind.WAJIB, date(2026, 1, 1), 10_000)
    siti, nur, gone = both.member(), both.member("Nur Aini"), both.member("Rahmat Hidayat")
    with both.session() as session:
        group = groups.create_group(session, both.admin, name="KWT Mawar", kind=GroupKind.WOMEN_BUSINESS, desa_id=both.desa_id)
        other = groups.create_group(session, both.admin, name="Tani Maju", kind=GroupKind.FARMERS, desa_id=both.desa_id)
        for member in (siti, nur, gone):
            groups.add_to_group(session, both.admin, group.id, member, joined_on=date(2026, 2, 1))
        groups.add_to_group(session, both.admin, other.id, siti, joined_on=date(2026, 2, 1))
        groups.remove_from_group(session, both.admin, group.id, gone, left_on=date(2026, 3, 1))
    both.deposit(siti, SavingsKind.WAJIB, 110_000)  # up to date
    both.deposit(nur, SavingsKind.WAJIB, 50_000)
    both.deposit(nur, SavingsKind.SUKARELA, 7_000)
    both.deposit(gone, SavingsKind.SUKARELA, 1_000_000)  # no longer in the group
    with both.session() as session:
        count = _statements(session)
        shown = queries.group_balances(session, both.clerk, as_of=TODAY)
    assert count[0] <= 4  # the actor's right (2), the rates and one grouped query, whatever the number of members
    assert shown[group.id] == queries.Balances(0, 160_000, 7_000, 60_000, 2)
    assert shown[other.id] == queries.Balances(0, 110_000, 0, 0, 1)
