"""The RAT pack's papers of the hand-worked 2025 (tests/services/books/test_rat_pack.py): the members' report with
the statements beside 2024, the blank daftar hadir, and the auditor's workbook with numbers as numbers."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import openpyxl
import pypdf

from koperasi.domain.books.rat import (
    Attendee,
    BalanceSheet,
    CashActivity,
    CashFlow,
    CashFlowLine,
    CashFlowSection,
    RatPack,
    StatementLine,
    StatementSection,
    SurplusStatement,
    Unit,
    WorkFigure,
)
from koperasi.reports.books.rat_pack import write_attendance_pdf, write_rat_report_pdf, write_rat_xlsx
from tests.reports.books.test_shu_list import OFFICE, _paper


def _pack(members: int = 3, shu: bool = True) -> RatPack:
    sheet = BalanceSheet(
        date(2025, 12, 31), date(2024, 12, 31),
        StatementSection("Aset", (StatementLine("1101", "Kas", 99_810_000, 100_000_000),
                                  StatementLine("1301", "Piutang pinjaman anggota", 1_200_000, 0))),
        StatementSection("Kewajiban", (StatementLine("2101", "Hutang hasil penjualan anggota", 450_000, 0),)),
        StatementSection("Ekuitas", (StatementLine("3101", "Dana bergulir", 100_000_000, 100_000_000),
                                     StatementLine("3109", "Piutang dihapusbukukan", -250_000, 0),
                                     StatementLine("3201", "Simpanan pokok", 200_000, 0),
                                     StatementLine("3202", "Simpanan wajib", 300_000, 0),
                                     StatementLine("3301", "SHU tahun berjalan", 310_000, 0))),
    )
    surplus = SurplusStatement(2025, StatementSection("Pendapatan", (
        StatementLine("4101", "Pendapatan jasa penjualan", 50_000, 0),
        StatementLine("4102", "Pendapatan administrasi", 10_000, 0),
        StatementLine("4201", "Pendapatan hibah dan donasi", 250_000, 0))), StatementSection("Beban", ()))
    flow = CashFlow(2025, 100_000_000, (
        CashFlowSection(CashActivity.OPERATING, (CashFlowLine("1301", "Piutang pinjaman anggota", 0, 1_200_000),
                                                 CashFlowLine("2101", "Hutang hasil penjualan anggota", 450_000, 0),
                                                 CashFlowLine("4101", "Pendapatan jasa penjualan", 50_000, 0),
                                                 CashFlowLine("4102", "Pendapatan administrasi", 10_000, 0))),
        CashFlowSection(CashActivity.FINANCING, (CashFlowLine("3201", "Simpanan pokok", 200_000, 0),
                                                 CashFlowLine("3202", "Simpanan wajib", 300_000, 0))),
    ), 99_810_000)
    work = (WorkFigure("Anggota", "Anggota pada 31 Desember", 1_234, Unit.COUNT),
            WorkFigure("Pinjaman", "Sisa pokok pinjaman pada 31 Desember", 1_200_000, Unit.RUPIAH),
            WorkFigure("Pinjaman", "PAR30 (pinjaman terlambat lebih dari 30 hari)", 1_250, Unit.BASIS_POINTS))
    attendees = tuple(Attendee(f"SRL-{n:06d}", f"Anggota Nomor {n}", "Perdamaian") for n in range(1, members + 1))
    return RatPack(OFFICE, 2025, date(2026, 11, 28), sheet, surplus, flow, _paper().plan if shu else None, work, attendees)


def _text(write, pack) -> tuple[str, int]:
    buffer = BytesIO()
    write(pack, buffer)
    reader = pypdf.PdfReader(BytesIO(buffer.getvalue()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split()), len(reader.pages)


def test_the_report_has_every_statement_beside_the_year_before():
    text, pages = _text(write_rat_report_pdf, _pack())
    assert "LAPORAN RAPAT ANGGOTA TAHUNAN" in text
    assert "Kas Rp99.810.000 Rp100.000.000" in text
    assert "Jumlah aset Rp101.010.000 Rp100.000.000" in text
    assert "Piutang dihapusbukukan (Rp250.000) Rp0" in text  # a contra account in brackets
    assert "Jumlah kewajiban dan ekuitas Rp101.010.000 Rp100.000.000" in text
    assert "Sisa hasil usaha (SHU) Rp310.000 Rp0" in text
    assert "Kas pada 1 Januari 2025 Rp100.000.000" in text and "Kas pada 31 Desember 2025 Rp99.810.000" in text
    assert "Piutang pinjaman anggota Rp0 Rp1.200.000 (Rp1.200.000)" in text
    assert "Cadangan 25 % Rp15.000" in text and "PAR30 (pinjaman terlambat lebih dari 30 hari) 12,50 %" in text
    assert "Anggota pada 31 Desember 1.234" in text
    assert "SRL-000001 Siti Aminah Rp300.000 Rp7.200" in text
    assert "Halaman 1 dari" in text and pages >= 2


def test_a_year_without_surplus_says_nothing_is_divided():
    text, _ = _text(write_rat_report_pdf, _pack(shu=False))
    assert "tidak menghasilkan SHU" in text and "SHU setiap anggota" not in text


def test_the_daftar_hadir_lists_every_member_with_room_to_sign():
    text, pages = _text(write_attendance_pdf, _pack(members=120))
    assert "DAFTAR HADIR" in text and "Jumlah anggota 120" in text and "Kuorum (lebih dari separuh) 61 anggota" in text
    assert "1 SRL-000001 Anggota Nomor 1 Perdamaian 1. ...................." in text
    assert "120 SRL-000120" in text and pages >= 4


def test_the_workbook_has_a_sheet_per_statement_with_numbers():
    buffer = BytesIO()
    write_rat_xlsx(_pack(), buffer)
    book = openpyxl.load_workbook(BytesIO(buffer.getvalue()))
    assert book.sheetnames == ["Neraca", "Hasil usaha", "Arus kas", "Pembagian SHU", "SHU anggota", "Kegiatan"]
    neraca = list(book["Neraca"].iter_rows(values_only=True))
    assert ("1101", "Kas", 99_810_000, 100_000_000) in neraca
    assert (None, "Jumlah kewajiban dan ekuitas", 101_010_000, 100_000_000) in neraca
    assert all(type(value) is int for row in neraca if row and row[0] == "1101" for value in row[2:])
    cash = list(book["Arus kas"].iter_rows(values_only=True))
    assert ("operasi", "1301", "Piutang pinjaman anggota", 0, 1_200_000, -1_200_000) in cash
    work = list(book["Kegiatan"].iter_rows(values_only=True))
    assert ("Pinjaman", "PAR30 (pinjaman terlambat lebih dari 30 hari)", 0.125, "bp") in work
