"""The funder's report's money: disbursed and repaid in the period, each net of its reversals, for everyone and for
a fund's borrowers."""

from __future__ import annotations

from datetime import date

from koperasi.services.impact.report import funder_report
from tests.loan_support import loan_office

TWO_YEARS = {"period_from": date(2025, 1, 1), "period_to": date(2026, 12, 31)}  # the reversal is dated its approval, in 2026


def test_reversed_movements_are_taken_off_their_own_kind(db, admin):
    office = loan_office(db, admin)
    kept, reversed_ = (office.active_loan(office.member(name)) for name in ("Siti Aminah", "Rahmat Hidayat"))  # 6 January
    office.repay(kept, 100_000, on=date(2025, 2, 6))
    office.reverse(office.repay(reversed_, 100_000, on=date(2025, 2, 7)).movement_id)
    office.repay(reversed_, 50_000, on=date(2025, 2, 8))
    with db.session() as session:
        everyone = funder_report(session, office.manager, **TWO_YEARS)
        fund = funder_report(session, office.manager, fund_id=office.fund_id, **TWO_YEARS)
        first_year = funder_report(session, office.manager, period_from=date(2025, 1, 1), period_to=date(2025, 12, 31))
        before = funder_report(session, office.manager, period_from=date(2024, 1, 1), period_to=date(2024, 12, 31))
    assert (everyone.lent, everyone.repaid, everyone.loans_disbursed) == (2_400_000, 150_000, 2)
    assert (fund.lent, fund.repaid, fund.loans_disbursed) == (2_400_000, 150_000, 2)
    assert (first_year.lent, first_year.repaid, first_year.loans_disbursed) == (2_400_000, 250_000, 2)
    assert (before.lent, before.repaid, before.loans_disbursed) == (0, 0, 0)
