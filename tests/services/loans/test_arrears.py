"""Arrears, ageing buckets and PAR30 on a small portfolio worked out by hand."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest

from koperasi.db.models import Loan
from koperasi.domain.loans.papers import PortfolioShare
from koperasi.domain.loans.rules import Frequency, due_dates
from koperasi.services import ledger_checks
from koperasi.services.loans import arrears
from koperasi.services.loans import lifecycle as loans
from koperasi import clock
from tests.loan_support import loan_office

AS_OF = date(2025, 6, 20)

# Every loan: Rp1.200.000 in 12 monthly installments of Rp100.000, disbursed 6 January 2025,
# due on the 6th from 6 February 2025. By 20 June five installments are due (Feb..Jun = Rp500.000).
#
# loan  product  paid by 20 June                        oldest unpaid     days past due           bucket   outstanding
# A     Mikro    200.000 (6 Feb) + 300.000 (30 May)     #6, 6 July        0 (not yet due)         Lancar      700.000
# B     Mikro    400.000 (6 May); 400.000 on 1 July     #5, 6 June        14                      1-30        800.000
#                comes after the day and does not count
# C     Mikro    250.000 (10 Mar); a 100.000 payment     #3, 6 April       30+31+14 = 75           61-90       950.000
#                of 1 April was reversed: never counted
# D     Tani     300.000 (20 Apr)                       #4, 6 May         31+14 = 45              31-60       900.000
# E     Tani     nothing                                #1, 6 February    28+31+30+31+14 = 134    >90       1.200.000
# F     Mikro    100.000 (6 Feb); rescheduled today     #2, 6 March       31+30+31+14 = 106       >90       1.100.000
#                (the schedule in force on 20 June is still the first one)
# G     Mikro    1.200.000 (1 May): paid off before the day, not in the portfolio
# H     Mikro    written off on 1 June: not in the portfolio
#
# Total outstanding 700+800+950+900+1.200+1.100 = 5.650.000; more than 30 days late: C, D, E, F
# = 950+900+1.200+1.100 = 4.150.000, so PAR30 = 4.150.000 / 5.650.000 = 0,7345.
# By product: Mikro (A, B, C, F) 3.550.000 of which 2.050.000 at risk; Tani (D, E) 2.100.000, all at risk.


@pytest.fixture
def portfolio(db, admin):
    office = loan_office(db, admin)
    _, tani = office.second_fund_product(product="Modal Tani", fund="Dana CSR Sawit")
    names = {key: f"Anggota {key}" for key in "ABCDEFGH"}
    loan = {key: office.active_loan(office.member(name), product_id=tani if key in "DE" else None) for key, name in names.items()}
    office.repay(loan["A"], 200_000, on=date(2025, 2, 6))
    office.repay(loan["A"], 300_000, on=date(2025, 5, 30))
    office.repay(loan["B"], 400_000, on=date(2025, 5, 6))
    office.repay(loan["B"], 400_000, on=date(2025, 7, 1))
    office.repay(loan["C"], 250_000, on=date(2025, 3, 10))
    office.reverse(office.repay(loan["C"], 100_000, on=date(2025, 4, 1)).movement_id, reason="Uang kembali ke anggota")
    office.repay(loan["D"], 300_000, on=date(2025, 4, 20))
    office.repay(loan["F"], 100_000, on=date(2025, 2, 6))
    office.repay(loan["G"], 1_200_000, on=date(2025, 5, 1))
    with office.session() as session:
        loans.write_off_loan(session, office.manager, loan["H"], written_off_on=date(2025, 6, 1), reason="Pindah tanpa kabar",
                             request_id=uuid.uuid4())
        loans.reschedule_loan(session, office.manager, loan["F"], term=4, frequency=Frequency.MONTHLY,
                              first_due_on=clock.today() + timedelta(days=10), reason="Gagal panen karet",
                              expected_version=office.loan(loan["F"]).version)
    return office, loan


def test_par30_buckets_and_breakdowns_match_the_hand_worked_portfolio(portfolio):
    office, loan = portfolio
    with office.session() as session:
        report = arrears.arrears_report(session, office.clerk, as_of=AS_OF)
        assert ledger_checks.ledger_problems(session) == []
    assert report.as_of == AS_OF
    assert report.total == PortfolioShare("Jumlah", 6, 5_650_000, 4_150_000)
    assert report.total.par30 == pytest.approx(4_150_000 / 5_650_000)
    assert report.buckets == (
        PortfolioShare("Lancar", 1, 700_000, 0),
        PortfolioShare("1–30 hari", 1, 800_000, 0),
        PortfolioShare("31–60 hari", 1, 900_000, 900_000),
        PortfolioShare("61–90 hari", 1, 950_000, 950_000),
        PortfolioShare("> 90 hari", 2, 2_300_000, 2_300_000),
        PortfolioShare("Restrukturisasi", 0, 0, 0),  # on 20 June F still ran on its first schedule
    )
    assert report.breakdowns["Produk"] == (
        PortfolioShare("Modal Tani", 2, 2_100_000, 2_100_000),
        PortfolioShare("Modal Usaha Mikro", 4, 3_550_000, 2_050_000),
    )
    assert report.breakdowns["Sumber dana"] == (
        PortfolioShare("Dana Bergulir Pemkab", 4, 3_550_000, 2_050_000),
        PortfolioShare("Dana CSR Sawit", 2, 2_100_000, 2_100_000),
    )
    assert report.breakdowns["Kelompok"] == (PortfolioShare("Perorangan (tanpa kelompok)", 6, 5_650_000, 4_150_000),)
    assert [(line.member_name, line.days_past_due, line.arrears, line.outstanding, line.bucket) for line in report.late_loans] == [
        ("Anggota E", 134, 500_000, 1_200_000, "> 90 hari"),
        ("Anggota F", 106, 400_000, 1_100_000, "> 90 hari"),
        ("Anggota C", 75, 250_000, 950_000, "61–90 hari"),
        ("Anggota D", 45, 200_000, 900_000, "31–60 hari"),
        ("Anggota B", 14, 100_000, 800_000, "1–30 hari"),
    ]
    assert [line.collectibility for line in report.late_loans] == [
        "4 Diragukan", "3 Kurang lancar", "2 Dalam perhatian khusus", "2 Dalam perhatian khusus", "2 Dalam perhatian khusus",
    ]


def test_a_rescheduled_loan_counts_from_its_new_schedule(portfolio):
    office, loan = portfolio
    first_due = clock.today() + timedelta(days=10)
    new_dues = due_dates(first_due, 4, Frequency.MONTHLY)

    def position_of_f(as_of):
        with office.session() as session:
            return next(p for p in arrears.positions(session, office.admin, as_of=as_of) if p.loan_id == loan["F"])

    # Today nothing of the new schedule (4 x 275.000 from today + 10 days) is due: current, although the
    # first schedule would make it more than a year late.
    today = position_of_f(clock.today())
    assert (today.outstanding, today.arrears, today.days_past_due) == (1_100_000, 0, 0)
    # ... but it was late, so it stays at risk (restructured, not yet cured) until it pays on time.
    assert today.restructured and today.at_risk
    # 30 days after the new first due date: 30 days late on the new schedule, still at risk as restructured.
    thirty = position_of_f(first_due + timedelta(days=30))
    due_by_then = sum(275_000 for day in new_dues if day <= first_due + timedelta(days=30))
    assert (thirty.arrears, thirty.days_past_due, thirty.bucket.label) == (due_by_then, 30, "1–30 hari")
    assert thirty.restructured and thirty.at_risk
    with office.session() as session:
        late = arrears.arrears_report(session, office.admin, as_of=first_due + timedelta(days=31))
        on_time = arrears.arrears_report(session, office.admin, as_of=first_due + timedelta(days=30))
        # Eligibility reads the same days past due for today: E (nothing paid) since 6 February 2025.
        assert arrears.days_past_due_today(session, session.get(Loan, loan["E"])) == (clock.today() - date(2025, 2, 6)).days
        assert arrears.days_past_due_today(session, session.get(Loan, loan["G"])) == 0  # paid off
        assert arrears.days_past_due_today(session, session.get(Loan, loan["F"])) == 0
    f_number = office.loan(loan["F"]).number
    assert [(line.days_past_due, line.bucket, line.restructured) for line in late.late_loans if line.loan_number == f_number] == [
        (31, "Restrukturisasi", True)
    ]
    # Restructured and never paid on time, F is at risk on both days: PAR30 does not move.
    assert late.total.at_risk_30 == on_time.total.at_risk_30 == on_time.total.outstanding
    assert late.total.outstanding == on_time.total.outstanding


# ---- restructured loans stay at risk until cured ----------------------------------------------


@pytest.fixture
def half_at_risk(db, admin):
    """Two loans of 1.200.000: X is 31 days late today, Y is current (its first due is in 10 days)."""
    office = loan_office(db, admin)
    today = clock.today()
    x = office.approved_loan(office.member("Anggota X"))
    office.disburse(x, on=today - timedelta(days=60), first_due=today - timedelta(days=31))
    y = office.approved_loan(office.member("Anggota Y"))
    office.disburse(y, on=today - timedelta(days=20), first_due=today + timedelta(days=10))
    return office, x, y


def _reschedule(office, loan_id, first_due):
    with office.session() as session:
        loans.reschedule_loan(session, office.manager, loan_id, term=4, frequency=Frequency.MONTHLY, first_due_on=first_due,
                              reason="Gagal panen karet", expected_version=office.loan(loan_id).version)


def _report(office, as_of):
    with office.session() as session:
        return arrears.arrears_report(session, office.clerk, as_of=as_of)


def test_a_rescheduled_loan_stays_in_par30_on_its_own_line_until_cured(half_at_risk):
    office, x, y = half_at_risk
    today = clock.today()
    assert _report(office, today).total.par30 == pytest.approx(0.5)
    first_due = today + timedelta(days=10)
    _reschedule(office, x, first_due)

    report = _report(office, today)
    # Current on its new schedule, yet not "Lancar": it sits on the restructured line and in PAR30.
    assert report.total == PortfolioShare("Jumlah", 2, 2_400_000, 1_200_000)
    assert report.total.par30 == pytest.approx(0.5)
    assert report.buckets[0] == PortfolioShare("Lancar", 1, 1_200_000, 0)
    assert report.buckets[-1] == PortfolioShare("Restrukturisasi", 1, 1_200_000, 1_200_000)
    assert sum(bucket.outstanding for bucket in report.buckets) == report.total.outstanding
    assert [(line.member_name, line.days_past_due, line.bucket, line.restructured) for line in report.late_loans] == [
        ("Anggota X", 0, "Restrukturisasi", True)
    ]

    # Three installments of 300.000 paid ahead, today: each falls due already paid. Two on time are not
    # enough (the product asks for three); after the third the loan is cured and leaves PAR.
    office.repay(x, 900_000, on=today)
    dues = due_dates(first_due, 4, Frequency.MONTHLY)
    assert _report(office, dues[1]).buckets[-1].loans == 1
    cured = _report(office, dues[2])
    assert cured.buckets[-1] == PortfolioShare("Restrukturisasi", 0, 0, 0)
    assert "Anggota X" not in [line.member_name for line in cured.late_loans]  # Y, never paid, is late by then
    assert not next(p for p in _positions(office, dues[2]) if p.loan_id == x).at_risk


def test_a_late_installment_breaks_the_run_of_on_time_payments(half_at_risk):
    office, x, _ = half_at_risk
    today = clock.today()
    first_due = today + timedelta(days=10)
    _reschedule(office, x, first_due)
    dues = due_dates(first_due, 4, Frequency.MONTHLY)
    # Nothing paid: a month after the last due it is still restructured, and late besides.
    position = next(p for p in _positions(office, dues[3] + timedelta(days=31)) if p.loan_id == x)
    assert position.restructured and position.days_past_due > 30


def _positions(office, as_of):
    with office.session() as session:
        return arrears.positions(session, office.admin, as_of=as_of)


def test_berandas_ten_most_overdue_are_the_reports_first_ten(db, admin):
    """Twelve loans never paid, first due three days apart from 6 February 2025, and one first due 40 days
    before the day: on 20 June 2025 twelve are more than 90 days late, on 20 May five. On both days
    Beranda's part of the report (its lines, its total, its ten worst by rank) is the report's."""
    office = loan_office(db, admin, capital=1_000_000_000)
    for week in range(12):
        first_due = date(2025, 2, 6) + timedelta(days=3 * week)
        office.disburse(office.approved_loan(office.member(f"Anggota {week:02d}")), on=first_due - timedelta(days=31), first_due=first_due)
    office.disburse(office.approved_loan(office.member("Anggota baru")), on=date(2025, 4, 10), first_due=AS_OF - timedelta(days=40))
    with db.session() as session:
        for day in (AS_OF, date(2025, 5, 20)):
            buckets, total, worst = arrears.book_summary(session, admin, as_of=day)
            report = arrears.arrears_report(session, admin, as_of=day)
            assert (buckets, total) == (report.buckets, report.total)
            assert worst == report.late_loans[:arrears.WORST_SHOWN], day
    assert sum(line.days_past_due > 90 for line in report.late_loans) == 5  # 20 May
    with db.session() as session:
        report = arrears.arrears_report(session, admin, as_of=AS_OF)
    assert sum(line.days_past_due > 90 for line in report.late_loans) == 12
