"""Twelve months of history agree, month by month, with the reports they summarise."""

from __future__ import annotations

from datetime import date

from koperasi.domain.months import month_end, month_start
from koperasi.services.loans import arrears
from koperasi.services.monthly.history import history
from koperasi.services.sales.papers import sales_report
from tests.sales_support import sales_office

# Loans of Rp1.200.000 in 12 monthly installments of Rp100.000 each, disbursed 6 January 2025,
# due on the 6th from 6 February 2025.
#   A pays every installment on its day up to June: never late.
#   B pays February only: from 7 March it is late, more than 30 days late from 6 April on.
#   C pays February to April, then a Rp100.000 payment of 6 May is reversed.


def _portfolio(office):
    a, b, c = (office.member(name) for name in ("Siti Aminah", "Rahmat Hidayat", "Dewi Lestari"))
    loans = [office.active_loan(member) for member in (a, b, c)]
    for month in range(2, 7):
        office.repay(loans[0], 100_000, on=date(2025, month, 6))
    office.repay(loans[1], 100_000, on=date(2025, 2, 6))
    for month in range(2, 5):
        office.repay(loans[2], 100_000, on=date(2025, month, 6))
    wrong = office.repay(loans[2], 100_000, on=date(2025, 5, 6))
    office.reverse(wrong.movement_id)
    return loans


def test_outstanding_and_par30_agree_with_the_arrears_report_at_each_month_end(db, admin):
    office = sales_office(db, admin).office
    _portfolio(office)
    with db.session() as session:
        result = history(session, admin, last=(2025, 7))
        for point in result.portfolio:
            report = arrears.arrears_report(session, admin, as_of=month_end(point.month))
            assert (point.outstanding, point.at_risk) == (report.total.outstanding, report.total.at_risk_30), point.month
    by_month = {point.month: point for point in result.portfolio}
    assert by_month[(2024, 12)].outstanding == 0  # before the disbursement
    assert by_month[(2025, 3)].at_risk == 0  # B is 25 days late at the end of March
    assert by_month[(2025, 4)].at_risk == 1_100_000  # B: 55 days past 6 March's installment
    assert by_month[(2025, 7)].outstanding == 3 * 1_200_000 - 500_000 - 100_000 - 300_000


def test_installments_due_and_collected_per_month(db, admin):
    office = sales_office(db, admin).office
    _portfolio(office)
    with db.session() as session:
        points = {p.month: p for p in history(session, admin, last=(2025, 7)).collections}
    assert (points[(2025, 1)].due, points[(2025, 1)].collected) == (0, 0)
    assert (points[(2025, 2)].due, points[(2025, 2)].collected) == (300_000, 300_000)
    assert (points[(2025, 5)].due, points[(2025, 5)].collected) == (300_000, 100_000)  # C's payment was reversed
    assert points[(2025, 6)].rate == 100_000 / 300_000


def test_sales_by_channel_agree_with_the_sales_report_of_each_month(db, admin):
    shop = sales_office(db, admin)
    producer = shop.producer()
    rice = shop.product()
    shop.intake(producer, rice, 500_000, on=date(2026, 1, 5))
    market, = [shop.channel()]
    shop.sell((producer, rice, 10_000, 15_000), on=date(2026, 1, 20), channel_id=market)
    shop.sell((producer, rice, 4_000, 16_000), on=date(2026, 3, 2), channel_id=market)
    cancelled = shop.sell((producer, rice, 2_000, 15_000), on=date(2026, 3, 3), channel_id=market)
    shop.reverse_sale(cancelled.id)
    with db.session() as session:
        result = history(session, admin, last=(2026, 3))
        for index, month in enumerate(result.months):
            report = sales_report(session, admin, period_from=month_start(month), period_to=month_end(month))
            by_channel = {row.name: row.total for row in report.breakdowns["Saluran"]}
            assert {name: totals[index] for name, totals in result.sales.items() if totals[index]} == by_channel, month
    assert result.sales[result.channels[0]][-3:] == (150_000, 0, 64_000)


def test_members_by_kecamatan_and_category_count_only_members_on_the_day(db, admin):
    office = sales_office(db, admin).office
    office.member("Siti Aminah")
    office.member("Rahmat Hidayat")
    with db.session() as session:
        before = history(session, admin, last=(2023, 12))
        now = history(session, admin, last=(2026, 11))
    assert before.members_by_kecamatan == ()  # the builder's members joined on 2 January 2024
    assert [row.count for row in now.members_by_kecamatan] == [2]  # both live in Perdamaian's kecamatan
    assert all(row.count == 0 for row in before.members_by_category)


def test_rescheduled_and_written_off_loans_agree_with_the_arrears_report(db, admin):
    """Three loans disbursed 1 June 2026, never paid. Today (28 November 2026) X is rescheduled and paid
    three installments ahead (restructured, cured once they fall due), Y is written off; Z stays late.
    Each month end from June 2026 to May 2027 matches the arrears report."""
    import uuid

    from koperasi.domain.loans.rules import Frequency
    from koperasi.services.loans import lifecycle

    office = sales_office(db, admin).office
    x, y, z = (office.approved_loan(office.member(name)) for name in ("Anggota X", "Anggota Y", "Anggota Z"))
    for loan in (x, y, z):
        office.disburse(loan, on=date(2026, 6, 1), first_due=date(2026, 7, 1))
    today = date(2026, 11, 28)
    with office.session() as session:
        lifecycle.reschedule_loan(session, office.manager, x, term=4, frequency=Frequency.MONTHLY, first_due_on=date(2026, 12, 10),
                                  reason="Gagal panen karet", expected_version=office.loan(x).version)
        lifecycle.write_off_loan(session, office.manager, y, written_off_on=today, reason="Meninggal dunia", request_id=uuid.uuid4())
    office.repay(x, 900_000, on=today)
    with db.session() as session:
        result = history(session, admin, last=(2027, 5))
        for point in result.portfolio:
            report = arrears.arrears_report(session, admin, as_of=month_end(point.month))
            assert (point.outstanding, point.at_risk) == (report.total.outstanding, report.total.at_risk_30), point.month
    by_month = {point.month: point for point in result.portfolio}
    assert by_month[(2026, 10)].at_risk == 3 * 1_200_000  # all three more than 30 days late
    assert by_month[(2026, 11)].at_risk == 300_000 + 1_200_000  # X restructured (300.000 left), Z late
    assert by_month[(2027, 2)].at_risk == 1_200_000  # X cured after three installments on time: Z alone


def test_installments_due_follow_the_schedule_in_force_and_leave_out_a_cancelled_disbursement(db, admin):
    """X and Y: Rp1.200.000 in 12 monthly installments from 1 July 2026. Today (28 November 2026) X is
    rescheduled to 4 monthly installments from 10 December; W's disbursement is cancelled. Each month
    counts the schedules in force on the installments' days: X's old 1 December installment no longer,
    its new one of 10 December (Rp300.000) instead; W's schedule in no month."""
    from koperasi.domain.loans.rules import Frequency
    from koperasi.services.loans import lifecycle

    office = sales_office(db, admin).office
    x, y, w = (office.approved_loan(office.member(name)) for name in ("Anggota X", "Anggota Y", "Anggota W"))
    for loan in (x, y):
        office.disburse(loan, on=date(2026, 6, 1), first_due=date(2026, 7, 1))
    office.reverse(office.disburse(w, on=date(2026, 6, 1), first_due=date(2026, 7, 1)).movement_id)
    with office.session() as session:
        lifecycle.reschedule_loan(session, office.manager, x, term=4, frequency=Frequency.MONTHLY, first_due_on=date(2026, 12, 10),
                                  reason="Gagal panen karet", expected_version=office.loan(x).version)
    with db.session() as session:
        due = {point.month: point.due for point in history(session, admin, last=(2027, 1)).collections}
    assert due[(2026, 6)] == 0
    assert [due[(2026, month)] for month in range(7, 12)] == [200_000] * 5
    assert due[(2026, 12)] == 300_000 + 100_000
    assert due[(2027, 1)] == 300_000 + 100_000
