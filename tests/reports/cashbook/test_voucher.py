"""Bukti kas masuk and keluar on A5, and the cash book as a workbook."""

from __future__ import annotations

import uuid
from datetime import date
from io import BytesIO

import openpyxl
import pypdf
from reportlab.lib.pagesizes import A5, landscape

from koperasi.domain.cashbook.papers import CashBookPage, CashLine, Voucher
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.office.profile import OfficeProfile
from koperasi.reports.cashbook.sheet import write_cash_book_xlsx
from koperasi.reports.cashbook.voucher import write_voucher

OFFICE = OfficeProfile(name="Koperasi Berdaya Sarolangun", code="SRL", address="Jl. Jenderal Sudirman No. 10, Sarolangun", phone="074591234")


def _voucher(**changes) -> Voucher:
    fields = dict(office=OFFICE, direction=CashDirection.EXPENSE, number="BKK/SRL/2026/000007", issued_on=date(2026, 11, 28),
                  place="Sarolangun", account_code="5102", account_name="Beban honorarium", amount=1_001_000,
                  description="Honor fasilitator pelatihan pertanian organik", party="Ir. Hendra Gunawan",
                  recorded_by="Bendahara Kantor")
    return Voucher(**(fields | changes))


def _pdf(voucher: Voucher) -> pypdf.PdfReader:
    buffer = BytesIO()
    write_voucher(voucher, buffer)
    return pypdf.PdfReader(BytesIO(buffer.getvalue()))


def _text(reader: pypdf.PdfReader) -> str:
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_expense_voucher_fits_one_a5_page_with_words_account_and_three_signatures():
    reader = _pdf(_voucher())
    assert len(reader.pages) == 1
    width, height = (float(side) for side in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == tuple(round(side) for side in landscape(A5))
    text = _text(reader)
    for expected in ("BUKTI KAS KELUAR", "BKK/SRL/2026/000007", "Satu juta seribu rupiah", "Rp1.001.000",
                     "5102 Beban honorarium", "Dibayarkan kepada", "Ir. Hendra Gunawan", "Disetujui oleh (Ketua)",
                     "Dibayar oleh (Bendahara)", "Penerima", "Sarolangun, 28 November 2026", "Bendahara Kantor"):
        assert expected in text, expected
    assert "BATAL" not in text


def test_the_income_voucher_names_the_payer_and_a_cancelled_one_says_why():
    text = _text(_pdf(_voucher(direction=CashDirection.INCOME, number="BKM/SRL/2026/000001", account_code="4201",
                               account_name="Pendapatan hibah dan donasi", party="Dinas Koperasi",
                               cancelled=True, cancel_reason="Dicatat dua kali")))
    for expected in ("BUKTI KAS MASUK", "Diterima dari", "Dinas Koperasi", "Diterima oleh (Bendahara)", "Penyetor",
                     "DIBATALKAN: Dicatat dua kali", "BATAL"):
        assert expected in text, expected


def test_a_long_description_still_fits_one_page():
    assert len(_pdf(_voucher(description="Pembelian alat tulis kantor " * 9, party="")).pages) == 1


def test_the_workbook_keeps_numbers_as_numbers_and_totals_the_month():
    lines = (
        CashLine(uuid.uuid4(), date(2026, 11, 2), "BKM/SRL/2026/000001", CashDirection.INCOME, "4201",
                 "Pendapatan hibah dan donasi", "Hibah", "Dinas", 5_000_000, 0, "Bendahara", False, False),
        CashLine(uuid.uuid4(), date(2026, 11, 3), "BKK/SRL/2026/000001", CashDirection.EXPENSE, "5101",
                 "Beban operasional kantor", "Kertas", "", 0, 150_000, "Bendahara", True, False),
        CashLine(uuid.uuid4(), date(2026, 11, 4), "", CashDirection.EXPENSE, "5101", "Beban operasional kantor",
                 "Pembatalan BKK/SRL/2026/000001: dua kali", "", 150_000, 0, "Ketua", False, True),
    )
    buffer = BytesIO()
    write_cash_book_xlsx(CashBookPage(lines, 5_150_000, 150_000), buffer, heading=["Koperasi Berdaya", "Buku kas kantor, November 2026"])
    rows = list(openpyxl.load_workbook(BytesIO(buffer.getvalue())).active.iter_rows(values_only=True))
    assert rows[0][0] == "Koperasi Berdaya" and rows[3][:2] == ("Tanggal", "No. bukti")
    assert rows[4][7] == 5_000_000 and rows[5][8] == 150_000 and rows[5][10] == "Dibatalkan" and rows[6][10] == "Pembatalan"
    assert rows[-2][7:9] == (5_150_000, 150_000) and rows[-1][7] == 5_000_000
