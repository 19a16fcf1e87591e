"""Beranda's running figures of sales (services/sales/running.py) follow every sale, cancellation, payout and
payout cancellation in their own transaction, agree with the rows they sum, and the doctor sees them drift."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, text

from koperasi.db.models import ProducerBalance, SalesDay
from koperasi.services import ledger_checks
from koperasi.services.dashboard.figures import producers_owed
from koperasi.services.sales import running
from tests.sales_support import sales_office

KG = 1000


@pytest.fixture
def office(db, admin):
    """Two channels, three days, a member, another member and a group: one sale cancelled, three payouts,
    one of them cancelled."""
    office = sales_office(db, admin)
    siti, ani = office.producer("Siti Aminah"), office.producer("Ani Rahmawati")
    group = office.group_producer("KUP Mawar", [siti.member_id])
    rice, mat = office.product("Beras organik"), office.product("Tikar anyaman", "lembar", 120_000)
    for producer, product in ((siti, rice), (ani, rice), (group, mat)):
        office.intake(producer, product, 20 * KG)
    shop, market = office.channel("Toko"), office.channel("Pasar lokal")
    office.sell((siti, rice, 4 * KG, 15_000), (ani, rice, 2 * KG, 15_000), on=date(2026, 3, 10), channel_id=shop)
    office.sell((group, mat, 1 * KG, 120_000), (siti, rice, 1 * KG, 15_000), on=date(2026, 3, 10), channel_id=market)
    cancelled = office.sell((ani, rice, 3 * KG, 15_000), (group, mat, 2 * KG, 120_000), on=date(2026, 3, 11), channel_id=shop)
    office.sell((ani, rice, 1 * KG, 16_000), on=date(2026, 3, 12), channel_id=shop)
    office.reverse_sale(cancelled.id)
    office.pay(siti, 20_000)
    office.reverse_payout(office.pay(group, 50_000).id)
    office.pay(ani, 10_000)
    office.payees = (siti, ani, group)
    return office


def _kept(session):
    return (sorted(session.execute(select(SalesDay.sold_on, SalesDay.lines, SalesDay.total, SalesDay.commission)).all()),
            sorted(session.execute(select(ProducerBalance.producer_id, ProducerBalance.owed)).all()))


def test_the_running_figures_are_the_rows_after_sales_cancellations_and_payouts(office):
    siti, ani, group = office.payees
    with office.session() as session:
        assert running.mismatches(session) == [] and ledger_checks.ledger_problems(session) == []
        days, balances = _kept(session)
        # The cancelled sale of 11 March is taken off again: its day stands at nothing.
        assert [(day, lines) for day, lines, *_ in days] == [
            (date(2026, 3, 10), 2), (date(2026, 3, 10), 2), (date(2026, 3, 11), 0), (date(2026, 3, 12), 1)]
        owed = {producer: office.payable(producer) for producer in (siti, ani, group)}
        assert dict(balances) == {siti.member_id: owed[siti], ani.member_id: owed[ani], group.group_id: owed[group]}
        assert owed[group] == 108_000  # its payout was cancelled: owed again in full
        assert producers_owed(session) == (sum(owed.values()), 3)


def test_counting_afresh_gives_what_the_services_kept(office):
    with office.session() as session:
        kept = _kept(session)
        running.recount(session)
        assert _kept(session)[0] == [row for row in kept[0] if row.lines]  # the emptied day is not made again
        assert _kept(session)[1] == kept[1]
        session.rollback()


def test_the_doctor_sees_running_figures_that_drifted_from_the_rows(office):
    with office.session() as session:
        session.execute(text("UPDATE sales_days SET lines = lines + 1, total = total + 500 WHERE sold_on = :day"),
                        {"day": date(2026, 3, 12)})
        session.execute(text("UPDATE producer_balances SET owed = owed - 1"))
        problems = ledger_checks.ledger_problems(session)
        assert any("ringkasan penjualan 2026-03-12" in problem and "seharusnya 1 baris" in problem for problem in problems)
        assert any("utang kepada 3 penitip" in problem for problem in problems)
        session.execute(text("DELETE FROM producer_balances"))
        assert running.mismatches(session)[-1].startswith("utang kepada 3 penitip")
        assert session.scalar(select(func.count()).select_from(ProducerBalance)) == 0
        session.rollback()
