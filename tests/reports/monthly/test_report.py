"""The Laporan bulanan's PDF and workbook say the month's figures, the history and the arrears list."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import openpyxl
import pypdf

from koperasi.reports.monthly.report import write_monthly_pdf, write_monthly_xlsx
from koperasi.services.monthly.report import monthly_report
from tests.support import set_up_office
from tests.loan_support import loan_office


def _report(database):
    admin = set_up_office(database)
    office = loan_office(database, admin)
    late = office.active_loan(office.member("Siti Aminah"))  # 6 January 2025, never repaid
    paying = office.active_loan(office.member("Rahmat Hidayat"))
    office.repay(paying, 100_000, on=date(2025, 2, 6))
    with database.session() as session:
        return monthly_report(session, admin, month=(2025, 3)), late


def test_the_pdf_carries_the_month_the_movements_the_charts_and_the_arrears_list(sqlite_db):
    report, _ = _report(sqlite_db)
    stream = BytesIO()
    write_monthly_pdf(report, stream)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(stream.getvalue())).pages)
    assert "LAPORAN BULANAN" in text and "MARET 2025" in text
    assert "Rp2.300.000" in text  # outstanding at 31 March: 2 x 1.200.000 - 100.000
    assert "Apr 24" in text and "Mar 25" in text  # twelve months on the charts' axes, Indonesian names
    assert "Siti Aminah" in text and "Rahmat Hidayat" in text  # both late on 31 March: the arrears list
    assert "Daftar pinjaman terlambat (2 pinjaman" in text


def test_the_workbook_keeps_numbers_as_numbers(sqlite_db):
    report, _ = _report(sqlite_db)
    stream = BytesIO()
    write_monthly_xlsx(report, stream)
    book = openpyxl.load_workbook(BytesIO(stream.getvalue()))
    assert book.sheetnames == ["Ringkasan", "12 bulan", "Penjualan", "Anggota", "Tunggakan"]
    history = list(book["12 bulan"].iter_rows(min_row=2, values_only=True))
    assert history[-1][:3] == ("Maret 2025", 2_300_000, 1_200_000)  # Siti's loan is 53 days late: at risk
    arrears = list(book["Tunggakan"].iter_rows(min_row=2, values_only=True))
    assert [line[1] for line in arrears] == ["Siti Aminah", "Rahmat Hidayat"]  # the longest late first


def test_a_rescheduled_loan_not_late_is_listed_as_the_arrears_report_lists_it_not_as_late(sqlite_db):
    """Before, the list said "terlambat" over a loan 0 days late and "Lancar": the arrears report's heading,
    mark and note say why it is there (rescheduled, not cured, in PAR30)."""
    from datetime import timedelta

    from koperasi import clock
    from koperasi.domain.loans.rules import Frequency
    from koperasi.services.loans import lifecycle

    admin = set_up_office(sqlite_db)
    office = loan_office(sqlite_db, admin)
    today = clock.today()
    loan_id = office.approved_loan(office.member("Anggota X"))
    office.disburse(loan_id, on=today - timedelta(days=60), first_due=today - timedelta(days=31))
    with sqlite_db.session() as session:
        lifecycle.reschedule_loan(session, office.manager, loan_id, term=4, frequency=Frequency.MONTHLY,
                                  first_due_on=today + timedelta(days=10), reason="Gagal panen karet",
                                  expected_version=office.loan(loan_id).version)
    with sqlite_db.session() as session:
        report = monthly_report(session, admin, month=(today.year, today.month))
    (line,) = report.arrears.late_loans
    assert (line.days_past_due, line.restructured) == (0, True)
    stream = BytesIO()
    write_monthly_pdf(report, stream)
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(stream.getvalue())).pages).split())
    assert "Daftar pinjaman terlambat atau direstrukturisasi (1 pinjaman" in text
    assert f"{line.loan_number} (R)" in text and "(R) dijadwal ulang, belum pulih" in text
    stream = BytesIO()
    write_monthly_xlsx(report, stream)
    rows = list(openpyxl.load_workbook(BytesIO(stream.getvalue()))["Tunggakan"].iter_rows(min_row=2, values_only=True))
    assert [(row[1], row[7], row[8]) for row in rows] == [("Anggota X", 0, "Restrukturisasi")]
