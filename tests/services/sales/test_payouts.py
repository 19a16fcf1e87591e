"""Paying producers: never more than they are owed, one or all at once, retries posted once, corrections by reversal."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from koperasi.db.models import Payout
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.ledger import Account, credit, debit
from koperasi.services import ledger, ledger_checks
from koperasi.services.sales import payouts
from tests.loan_support import account_balance
from tests.sales_support import sales_office
from tests.support import set_up_office

KG = 1000


@pytest.fixture
def office(sqlite_db):
    return sales_office(sqlite_db, set_up_office(sqlite_db))


@pytest.fixture
def both(db, admin):
    return sales_office(db, admin)


def _with_sales(office):
    """Siti is owed 54.000 (4 kg), Ani 27.000 (2 kg), the KUP Mawar group 108.000 (1 lembar)."""
    siti, ani = office.producer("Siti Aminah"), office.producer("Ani Rahmawati")
    group = office.group_producer("KUP Mawar", [siti.member_id])
    rice, mat = office.product("Beras organik"), office.product("Tikar anyaman", "lembar", 120_000)
    office.intake(siti, rice, 10 * KG)
    office.intake(ani, rice, 10 * KG)
    office.intake(group, mat, 5 * KG)
    office.sell((siti, rice, 4 * KG, 15_000), (ani, rice, 2 * KG, 15_000), (group, mat, 1 * KG, 120_000))
    return siti, ani, group


def test_a_payout_posts_payable_against_cash_and_lowers_what_is_owed(office):
    siti, ani, _ = _with_sales(office)
    with office.session() as session:
        cash = account_balance(session, Account.CASH)
    paid = office.pay(siti, 20_000)
    assert (paid.producer, paid.amount) == (siti, 20_000)
    assert (office.payable(siti), office.payable(ani)) == (34_000, 27_000)
    with office.session() as session:
        entry_id = session.scalar(select(Payout.journal_entry_id).where(Payout.id == paid.id))
        lines = ledger.lines_of(session, entry_id)
        assert sorted(lines, key=lambda line: line.account.value) == [credit(Account.CASH, 20_000),
                                                                      debit(Account.PRODUCER_PAYABLE, 20_000)]
        assert account_balance(session, Account.CASH) == cash - 20_000
        assert account_balance(session, Account.PRODUCER_PAYABLE) == 34_000 + 27_000 + 108_000
        assert ledger_checks.ledger_problems(session) == []


def test_a_payout_over_what_is_owed_is_refused(both):
    office = both
    siti, _, _ = _with_sales(office)
    before = office.counts()
    with pytest.raises(ValidationError, match=r"Siti Aminah hanya berhak Rp\s?54\.000; tidak dapat dibayar Rp\s?54\.001"):
        office.pay(siti, 54_001)
    office.pay(siti, 50_000)
    with pytest.raises(ValidationError, match=r"hanya berhak Rp\s?4\.000"):
        office.pay(siti, 4_001)
    nobody = office.producer("Rina Wati")
    with pytest.raises(ValidationError, match=r"Rina Wati hanya berhak Rp\s?0"):
        office.pay(nobody, 1)
    for amount in (0, -5):
        with pytest.raises(ValidationError, match="lebih dari nol"):
            office.pay(siti, amount)
    with pytest.raises(ValidationError, match="masa depan"):
        office.pay(siti, 1, on=date(2999, 1, 1))
    assert office.counts()[2] == before[2] + 1
    assert office.payable(siti) == 4_000


def test_a_retried_payout_is_paid_once(office):
    siti, _, _ = _with_sales(office)
    request = uuid.uuid4()
    first = office.pay(siti, 20_000, request_id=request)
    counts = office.counts()
    assert office.pay(siti, 20_000, request_id=request) == first
    assert office.counts() == counts
    assert office.payable(siti) == 34_000


def test_pay_all_pays_everyone_exactly_what_is_owed(both):
    office = both
    siti, ani, group = _with_sales(office)
    office.pay(ani, 7_000)
    with office.session() as session:
        cash = account_balance(session, Account.CASH)
    paid = office.pay_all(on=date(2026, 4, 30), period_from=date(2026, 3, 1), period_to=date(2026, 3, 31))
    assert sorted((p.producer == siti, p.producer == ani, p.producer == group, p.amount) for p in paid) == sorted(
        [(True, False, False, 54_000), (False, True, False, 20_000), (False, False, True, 108_000)]
    )
    assert len({p.number for p in paid}) == 3
    assert [office.payable(p) for p in (siti, ani, group)] == [0, 0, 0]
    with office.session() as session:
        assert account_balance(session, Account.CASH) == cash - 182_000
        assert account_balance(session, Account.PRODUCER_PAYABLE) == 0
        assert payouts.payables(session, office.clerk) == []
        assert ledger_checks.ledger_problems(session) == []
    with pytest.raises(ValidationError, match="Tidak ada penitip"):
        office.pay_all()


def test_a_retried_pay_all_pays_once(office):
    siti, ani, group = _with_sales(office)
    request = uuid.uuid4()
    first = office.pay_all(request_id=request)
    counts = office.counts()
    again = office.pay_all(request_id=request)  # the answer was lost: the treasurer saves again
    assert sorted(p.id for p in again) == sorted(p.id for p in first)
    assert office.counts() == counts
    assert [office.payable(p) for p in (siti, ani, group)] == [0, 0, 0]
    # Even when someone earned more in between, the retry only returns what the first save paid.
    greens = office.product("Sayur bayam", "ikat", 5_000)
    office.intake(ani, greens, 10 * KG)
    office.sell((ani, greens, 2 * KG, 5_000))
    counts = office.counts()
    assert sorted(p.id for p in office.pay_all(request_id=request)) == sorted(p.id for p in first)
    assert office.counts() == counts
    assert office.payable(ani) == 9_000


def test_payables_list_what_each_producer_earned_was_paid_and_is_owed(office):
    siti, _, _ = _with_sales(office)
    rice = office.product("Sayur bayam", "ikat", 5_000)
    office.intake(siti, rice, 10 * KG, on=date(2026, 2, 1))
    office.sell((siti, rice, 2 * KG, 5_000), on=date(2026, 2, 10))  # share 9.000, in February
    office.pay(siti, 10_000)
    with office.session() as session:
        rows = payouts.payables(session, office.clerk, period_from=date(2026, 3, 1), period_to=date(2026, 3, 31))
    assert [(r.name, r.earned, r.paid, r.owed, r.earned_in_period) for r in rows] == [
        ("Ani Rahmawati", 27_000, 0, 27_000, 27_000),
        ("KUP Mawar", 108_000, 0, 108_000, 108_000),
        ("Siti Aminah", 63_000, 10_000, 53_000, 54_000),
    ]


def test_reversing_a_payout_makes_it_owed_again(office):
    siti, _, _ = _with_sales(office)
    paid = office.pay(siti, 54_000)
    assert office.payable(siti) == 0
    request = uuid.uuid4()
    reversal = office.reverse_payout(paid.id, reason="Dibayar ke orang lain", request_id=request)
    counts = office.counts()
    assert office.reverse_payout(paid.id, request_id=request) == reversal  # a retry posts nothing
    assert office.counts() == counts
    assert office.payable(siti) == 54_000
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        office.reverse_payout(paid.id)
    with pytest.raises(NotFound):
        office.reverse_payout(reversal)
    with office.session() as session:
        (row,) = payouts.recent_payouts(session, office.clerk, producer=siti)
        assert (row.number, row.cancelled, row.amount) == (paid.number, True, 54_000)
        assert ledger_checks.ledger_problems(session) == []
    again = office.pay(siti, 54_000)
    assert again.number != paid.number and office.payable(siti) == 0
