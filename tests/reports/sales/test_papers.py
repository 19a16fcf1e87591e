from __future__ import annotations

from dataclasses import replace
from datetime import date
from io import BytesIO

import openpyxl
import pypdf

from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.sales.papers import (
    NoteLine,
    PayoutLine,
    PayoutSlip,
    ProducerStatement,
    SalesNote,
    SalesReport,
    SalesTotal,
    StatementLine,
    StockLine,
)
from koperasi.reports.sales.payout_slip import write_payout_slip
from koperasi.reports.sales.note import write_sales_note
from koperasi.reports.sales.statements import write_producer_statement, write_sales_report_pdf, write_sales_report_xlsx

OFFICE = OfficeProfile(name="Koperasi Berdaya Sarolangun", code="SRL", address="Jl. Jenderal Sudirman No. 10, Sarolangun", phone="074591234")
DAY = date(2026, 11, 28)
BREAKDOWNS = ("Produk", "Saluran", "Bulan", "Kecamatan", "Kelompok penitip")


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf)).pages]


def _flat(pdf: bytes) -> str:
    return " ".join(" ".join(_pages(pdf)).split())


def _pdf(write, paper) -> bytes:
    stream = BytesIO()
    write(paper, stream)
    return stream.getvalue()


def _note(**changes) -> SalesNote:
    lines = (
        NoteLine("Beras organik", "kg", "Siti Aminah (SRL-000123)", 2_500, 14_500, 36_250),
        NoteLine("Tikar anyaman pandan", "lembar", "KUP Mawar", 3_000, 185_000, 555_000),
    )
    note = SalesNote(
        office=OFFICE, number="NJ/SRL/2026/000123", sold_on=DAY, channel="Pasar kabupaten", buyer_name="CV Tani Makmur",
        buyer_address="Jl. Lintas Sumatera Km 5, Bangko", lines=lines, total=591_250, place="Sarolangun", clerk_name="Rahmawati",
    )  # fmt: skip
    return replace(note, **changes)


def _slip(**changes) -> PayoutSlip:
    lines = (
        PayoutLine(date(2026, 11, 3), "NJ/SRL/2026/000101", "Beras organik", "kg", 20_000, 290_000, 29_000, 261_000),
        PayoutLine(date(2026, 11, 9), "NJ/SRL/2026/000117", "Beras organik", "kg", 2_500, 36_250, 3_625, 32_625),
    )
    slip = PayoutSlip(
        office=OFFICE, number="BYR/SRL/2026/000045", paid_on=DAY, producer="Siti Aminah", producer_identity="No. anggota SRL-000123",
        period_from=date(2026, 11, 1), period_to=date(2026, 11, 27), amount=293_625, lines=lines, payable_before=400_000,
        payable_after=106_375, place="Sarolangun", clerk_name="Rahmawati",
    )  # fmt: skip
    return replace(slip, **changes)


def _statement(**changes) -> ProducerStatement:
    lines = (
        StatementLine(date(2026, 11, 1), "Titip: Beras organik 50 kg", "TTP/SRL/2026/000010", 50_000, "kg", 0, 0, 100_000),
        StatementLine(date(2026, 11, 3), "Terjual NJ/SRL/2026/000101: 20 kg", "NJ/SRL/2026/000101", -20_000, "kg", 261_000, 0, 361_000),
        StatementLine(date(2026, 11, 28), "Dibayar BYR/SRL/2026/000045", "BYR/SRL/2026/000045", 0, "", 0, 300_000, 61_000),
    )
    statement = ProducerStatement(
        office=OFFICE, producer="Siti Aminah", producer_identity="No. anggota SRL-000123", period_from=date(2026, 11, 1),
        period_to=date(2026, 11, 30), opening_payable=100_000, lines=lines, closing_payable=61_000,
        stock=(StockLine("Beras organik", "kg", 30_000),),
    )  # fmt: skip
    return replace(statement, **changes)


def _report(rows: int = 3, **changes) -> SalesReport:
    def line(name: str, n: int) -> SalesTotal:
        return SalesTotal(name, n, 1_000_000 * n, 100_000 * n)

    breakdowns = {name: tuple(line(f"{name} {n}", n) for n in range(1, rows + 1)) for name in BREAKDOWNS}
    total = SalesTotal("Jumlah", 1_234, 12_345_678, 1_234_567)
    report = SalesReport(office=OFFICE, period_from=date(2026, 1, 1), period_to=date(2026, 12, 31), total=total, breakdowns=breakdowns)
    return replace(report, **changes)


# --- nota penjualan ---------------------------------------------------------------------------


def test_sales_note_shows_number_buyer_lines_total_and_terbilang():
    text = _flat(_pdf(write_sales_note, _note()))
    for expected in (
        "NOTA PENJUALAN", "Koperasi Berdaya Sarolangun", "NJ/SRL/2026/000123", "28 November 2026", "Pasar kabupaten",
        "CV Tani Makmur", "Bangko", "Beras organik", "Siti Aminah (SRL-000123)", "2,5 kg", "Rp14.500", "Rp36.250",
        "3 lembar", "Rp185.000", "Rp555.000", "Rp591.250", "Lima ratus sembilan puluh satu ribu dua ratus lima puluh rupiah",
        "Sarolangun, 28 November 2026", "Pembeli", "Petugas", "Rahmawati", "Halaman 1 dari 1",
    ):  # fmt: skip
        assert expected in text, expected
    assert "BATAL" not in text and "Meterai" not in text


def test_sales_note_above_five_million_has_a_meterai_box():
    line = NoteLine("Karet lump", "kg", "KUP Mawar", 500_000, 12_750, 6_375_000)
    text = _flat(_pdf(write_sales_note, _note(lines=(line,), total=6_375_000)))
    assert "Meterai" in text and "Rp10.000" in text
    assert "Enam juta tiga ratus tujuh puluh lima ribu rupiah" in text


def test_cancelled_sales_note_is_stamped_batal_with_the_reason():
    text = _flat(_pdf(write_sales_note, _note(cancelled=True, cancel_reason="pembeli membatalkan")))
    assert "BATAL" in text and "DIBATALKAN: pembeli membatalkan" in text


def test_long_sales_note_runs_over_pages_and_keeps_the_total():
    lines = tuple(NoteLine(f"Barang nomor {n}", "kg", "KUP Mawar", 1_000, 10_000, 10_000) for n in range(1, 61))
    pages = _pages(_pdf(write_sales_note, _note(lines=lines, total=600_000)))
    assert len(pages) > 1
    assert "Barang nomor 60" in " ".join(pages[-2:])
    assert "Jumlah Rp600.000, terbilang" in pages[-1]  # the total is restated beside the words, on the signatures' page
    assert f"Halaman {len(pages)} dari {len(pages)}" in pages[-1]


LONG_BUYER = "Kelompok Usaha Bersama Perempuan Tani Sejahtera Mandiri Desa Lubuk Napal, Sungai"  # 80 characters
PHONE = "Telp. 0812-3456-7890"


def _header_lines(pdf: bytes) -> list[str]:
    """The lines above the title, as the reader sees them."""
    header = _pages(pdf)[0].replace("\u00a0", " ").split("NOTA PENJUALAN")[0]
    return [line.strip() for line in header.splitlines() if line.strip()]


def test_a_long_buyer_name_wraps_whole_under_the_signature():
    assert len(LONG_BUYER) == 80
    text = _flat(_pdf(write_sales_note, _note(buyer_name=LONG_BUYER)))
    signatures = text.split("rupiah", 1)[1]  # after the amount in words: the signature blocks
    assert LONG_BUYER in signatures and "\u2026" not in signatures


def test_the_office_details_stay_on_one_line_and_a_telephone_is_never_split():
    fits = replace(OFFICE, address="Jl. Lintas Sumatera Km 12 No. 45, Desa Pauh, Kecamatan Pauh, Sarolangun", phone="081234567890")
    # Too long for one line at 9 pt on A5 but not at a smaller size: one line, smaller.
    assert _header_lines(_pdf(write_sales_note, _note(office=fits))) == [OFFICE.name, f"{fits.address} \u00b7 {PHONE}"]
    very_long = replace(fits, address="Jl. Lintas Sumatera Km 12 No. 45, Desa Pauh, Kecamatan Pauh, Kabupaten Sarolangun, Provinsi Jambi 37376")
    lines = _header_lines(_pdf(write_sales_note, _note(office=very_long)))
    # Too long for any size: the address wraps, the telephone stays whole on one line.
    assert lines[0] == OFFICE.name and len(lines) == 3
    assert " ".join(lines[1:]) == f"{very_long.address} \u00b7 {PHONE}" and lines[-1].endswith(PHONE)


# --- bukti pembayaran -------------------------------------------------------------------------


def test_payout_slip_shows_amount_terbilang_sales_and_payables():
    text = _flat(_pdf(write_payout_slip, _slip()))
    for expected in (
        "BUKTI PEMBAYARAN HASIL PENJUALAN", "BYR/SRL/2026/000045", "Siti Aminah", "No. anggota SRL-000123", "1 s.d. 27 November 2026",
        "Rp293.625", "Dua ratus sembilan puluh tiga ribu enam ratus dua puluh lima rupiah", "NJ/SRL/2026/000101", "20 kg", "2,5 kg",
        "Rp290.000", "Rp29.000", "Rp261.000", "Rp326.250", "Rp32.625", "Rp400.000", "Rp106.375", "Yang menerima", "Petugas", "Rahmawati",
    ):  # fmt: skip
        assert expected in text, expected
    assert "BATAL" not in text and "Meterai" not in text


def test_part_payout_without_lines_or_period_and_cancelled():
    text = _flat(_pdf(write_payout_slip, _slip(lines=(), period_from=None, amount=6_000_000, payable_before=7_000_000, payable_after=1_000_000, cancelled=True, cancel_reason="salah penitip")))
    assert "Rp6.000.000" in text and "Enam juta rupiah" in text
    assert "Penjualan yang dibayarkan" not in text
    assert "s.d. 27 November 2026" in text
    assert "BATAL" in text and "DIBATALKAN: salah penitip" in text
    assert "Meterai" in text  # the producer acknowledges more than Rp5.000.000


# --- laporan penitip --------------------------------------------------------------------------


def test_producer_statement_has_running_payable_and_stock():
    text = _flat(_pdf(write_producer_statement, _statement()))
    for expected in (
        "LAPORAN PENITIP", "periode 1 s.d. 30 November 2026", "Siti Aminah", "Saldo awal", "Rp100.000", "+50 kg", "-20 kg",
        "Rp261.000", "Rp361.000", "Rp300.000", "Rp61.000", "Saldo akhir per 30 November 2026", "Beras organik", "30 kg",
    ):  # fmt: skip
        assert expected in text, expected
    # each row ends in the running payable
    assert "Rp261.000 Rp361.000" in text
    assert "Dibayar BYR/SRL/2026/000045 Rp300.000 Rp61.000" in text


def test_producer_statement_without_movements_or_stock():
    text = _flat(_pdf(write_producer_statement, _statement(lines=(), closing_payable=100_000, stock=())))
    assert "Tidak ada titipan, penjualan atau pembayaran pada periode ini." in text
    assert "Tidak ada barang titipan yang tersisa." in text
    assert "Rp100.000" in text


# --- laporan penjualan ------------------------------------------------------------------------


def test_sales_report_pdf_has_totals_and_every_breakdown():
    text = _flat(_pdf(write_sales_report_pdf, _report()))
    for expected in ("LAPORAN PENJUALAN", "periode 1 Januari s.d. 31 Desember 2026", "Rp12.345.678", "Rp1.234.567", "Rp11.111.111", "1.234", "Rp3.000.000", "Rp300.000", "Rp2.700.000"):
        assert expected in text, expected
    for name in BREAKDOWNS:
        assert f"Menurut {name.lower()}" in text and f"{name} 3" in text


def test_sales_report_pdf_long_breakdown_runs_over_pages_with_the_header_repeated():
    pages = _pages(_pdf(write_sales_report_pdf, _report(rows=400)))
    assert len(pages) > 5
    assert all("Bagian penitip" in page for page in pages)
    assert "Kelompok penitip 400" in pages[-1] and "Jumlah" in pages[-1]


def test_sales_report_pdf_without_sales():
    text = _flat(_pdf(write_sales_report_pdf, _report(total=SalesTotal("Jumlah", 0, 0, 0), breakdowns={})))
    assert "Tidak ada penjualan pada periode 1 Januari s.d. 31 Desember 2026." in text


def test_sales_report_xlsx_has_a_sheet_per_breakdown_with_numbers():
    stream = BytesIO()
    write_sales_report_xlsx(_report(), stream)
    book = openpyxl.load_workbook(BytesIO(stream.getvalue()))
    assert book.sheetnames == list(BREAKDOWNS)
    sheet = book["Produk"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Penjualan menurut produk, periode 1 Januari s.d. 31 Desember 2026"
    assert rows[3] == ("Produk", "Transaksi", "Penjualan", "Jasa koperasi", "Bagian penitip")
    assert rows[4] == ("Produk 1", 1, 1_000_000, 100_000, 900_000)
    assert rows[-1] == ("Jumlah", 1_234, 12_345_678, 1_234_567, 11_111_111)
    assert sheet.cell(row=5, column=3).number_format == '"Rp"#,##0'
    assert sheet.freeze_panes == "A5"


def test_sales_report_xlsx_without_breakdowns_has_a_summary_sheet():
    stream = BytesIO()
    write_sales_report_xlsx(_report(total=SalesTotal("Jumlah", 0, 0, 0), breakdowns={}), stream)
    book = openpyxl.load_workbook(BytesIO(stream.getvalue()))
    assert book.sheetnames == ["Ringkasan"]
    assert list(book["Ringkasan"].iter_rows(values_only=True))[-1] == ("Jumlah", 0, 0, 0, 0)
