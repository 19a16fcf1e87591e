"""The Laporan bulanan's movements of the month, and its arrears list is the arrears report's."""

from __future__ import annotations

from datetime import date

from koperasi.services.loans import arrears
from koperasi.services.monthly.report import monthly_report
from tests.sales_support import sales_office


def test_the_month_s_movements_count_only_what_happened_in_it_and_still_stands(db, admin):
    shop = sales_office(db, admin)
    office = shop.office
    loans = [office.active_loan(office.member(name)) for name in ("Siti Aminah", "Rahmat Hidayat")]  # 6 January 2025
    office.repay(loans[0], 100_000, on=date(2025, 2, 6))
    wrong = office.repay(loans[1], 100_000, on=date(2025, 2, 7))
    office.reverse(wrong.movement_id)
    producer, rice = shop.producer("Dewi Lestari"), shop.product()
    shop.intake(producer, rice, 100_000, on=date(2025, 2, 1))
    shop.sell((producer, rice, 10_000, 15_000), on=date(2025, 2, 10))
    shop.pay(producer, 50_000, on=date(2025, 2, 20))
    with db.session() as session:
        january = monthly_report(session, admin, month=(2025, 1))
        february = monthly_report(session, admin, month=(2025, 2))
        report_arrears = arrears.arrears_report(session, admin, as_of=date(2025, 2, 28))
    assert (january.movements.loans_disbursed, january.movements.disbursed) == (2, 2_400_000)
    assert (february.movements.loans_disbursed, february.movements.repaid) == (0, 100_000)  # the reversed payment is out
    assert (february.movements.sales_count, february.movements.sales, february.movements.payouts) == (1, 150_000, 50_000)
    assert 0 < february.movements.producer_share < 150_000
    assert january.movements.members_at_end == 3 and february.movements.members_joined == 0
    assert february.arrears == report_arrears
    assert february.history.months[-1] == (2025, 2) and len(february.history.months) == 12
