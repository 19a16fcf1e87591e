"""The cash book as a workbook for the treasurer's files or the auditor: one row per entry, numbers as numbers."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook

from koperasi.domain.cashbook.papers import CashBookPage
from koperasi.reports.layout import Target, output
from koperasi.reports.sheets import RUPIAH, add_sheet, row

_HEADER = ("Tanggal", "No. bukti", "Jenis", "Akun", "Nama akun", "Uraian", "Diterima dari / dibayar kepada",
           "Masuk", "Keluar", "Dicatat oleh", "Keterangan")
_WIDTHS = (12, 22, 13, 8, 30, 44, 28, 16, 16, 18, 14)
_FORMATS = ("DD-MM-YYYY", None, None, None, None, None, None, RUPIAH, RUPIAH, None, None)


def write_cash_book_xlsx(page: CashBookPage, target: Target, *, heading: Sequence[str]) -> None:
    """``heading``: the office, then what the list shows ("Buku kas kantor, November 2026, semua akun")."""
    book = Workbook(write_only=True)
    sheet = add_sheet(book, "Buku kas", _HEADER, _WIDTHS, heading=heading)
    for line in page.lines:
        note = "Pembatalan" if line.is_reversal else ("Dibatalkan" if line.cancelled else "")
        sheet.append(row(sheet, (
            line.occurred_on, line.voucher_number, line.direction.label, line.account, line.account_name,
            line.description, line.party, line.into or None, line.out or None, line.recorded_by, note,
        ), _FORMATS))
    sheet.append(row(sheet, ("Jumlah", "", "", "", "", "", "", page.total_in, page.total_out), _FORMATS, bold=True))
    sheet.append(row(sheet, ("Selisih (masuk - keluar)", "", "", "", "", "", "", page.net), _FORMATS, bold=True))
    book.save(output(target))
