from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from io import BytesIO

import openpyxl
import pypdf
import pytest

from koperasi.domain.loans.papers import ArrearsLine, ArrearsReport, CardMovement, CollectionLine, CollectionSheet, LoanCard, PortfolioShare, Receipt, ReceiptLine, ScheduleLine
from koperasi.domain.money import METERAI_THRESHOLD
from koperasi.domain.office.profile import OfficeProfile
from koperasi.reports.loans.arrears import write_arrears_pdf, write_arrears_xlsx
from koperasi.reports.loans.collection_sheet import write_collection_sheet
from koperasi.reports.loans.card import write_loan_card
from koperasi.reports.loans.receipt import write_receipt_a5, write_receipt_thermal
from koperasi.reports.layout import amount_in_words

OFFICE = OfficeProfile(name="Koperasi Berdaya Sarolangun", code="SRL", address="Jl. Jenderal Sudirman No. 10, Sarolangun", phone="074591234")
DAY = date(2026, 11, 28)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf)).pages)


def _flat(pdf: bytes) -> str:
    """The text with line breaks and runs of spaces folded, so wrapped phrases still match."""
    return " ".join(_text(pdf).split())


def _pdf(write, paper) -> bytes:
    stream = BytesIO()
    write(paper, stream)
    return stream.getvalue()


def _receipt(amount: int = 1_500_000, **changes) -> Receipt:
    receipt = Receipt(
        office=OFFICE,
        title="KWITANSI PEMBAYARAN ANGSURAN",
        number="KW/SRL/2026/000123",
        issued_on=DAY,
        place="Sarolangun",
        received_from="Siti Khadijah",
        received_by="Rahmawati",
        signer_label="Petugas penerima",
        amount=amount,
        purpose="Pembayaran angsuran pinjaman PJM/SRL/2026/000045",
        lines=(ReceiptLine("Angsuran ke-3", amount - 50_000), ReceiptLine("Biaya administrasi", 50_000)),
        member_number="SRL-000123",
        loan_number="PJM/SRL/2026/000045",
        remaining_balance=3_000_000,
    )
    return replace(receipt, **changes)


# --- kwitansi ---------------------------------------------------------------------------------


def test_amount_in_words_is_capitalised_and_ends_in_rupiah():
    assert amount_in_words(1_001_000) == "Satu juta seribu rupiah"


@pytest.mark.parametrize("write", [write_receipt_a5, write_receipt_thermal])
def test_receipt_shows_number_amount_words_purpose_and_balance(write):
    text = _flat(_pdf(write, _receipt()))
    assert "KW/SRL/2026/000123" in text
    assert "Rp1.500.000" in text
    assert "Satu juta lima ratus ribu rupiah" in text
    assert "Siti Khadijah" in text and "Rahmawati" in text
    assert "Angsuran ke-3" in text and "Rp1.450.000" in text and "Biaya administrasi" in text
    assert "Sisa pinjaman" in text and "Rp3.000.000" in text
    assert "Sarolangun, 28 November 2026" in text
    assert "BATAL" not in text


@pytest.mark.parametrize("write", [write_receipt_a5, write_receipt_thermal])
def test_a_repayment_receipt_puts_the_member_number_beside_the_paying_member(write):
    text = _flat(_pdf(write, _receipt()))
    assert "Siti Khadijah (No. anggota SRL-000123)" in text
    assert "Diterima oleh" not in text


@pytest.mark.parametrize("write", [write_receipt_a5, write_receipt_thermal])
def test_a_disbursement_receipt_names_the_office_alone_and_the_member_with_the_number(write):
    disbursement = _receipt(
        title="KWITANSI PENCAIRAN PINJAMAN", received_from=OFFICE.name, received_by="Siti Khadijah",
        signer_label="Yang menerima (peminjam)", paid_by_member=False,
    )
    text = _flat(_pdf(write, disbursement))
    assert f"{OFFICE.name} (No. anggota" not in text
    assert "Siti Khadijah (No. anggota SRL-000123)" in text
    assert re.search(r"Telah terima dari\s*:?\s*" + re.escape(OFFICE.name) + r"\s+Diterima oleh", text)


@pytest.mark.parametrize("write", [write_receipt_a5, write_receipt_thermal])
def test_meterai_box_appears_only_above_the_threshold(write):
    assert "Meterai" not in _text(_pdf(write, _receipt(METERAI_THRESHOLD)))
    above = _flat(_pdf(write, _receipt(METERAI_THRESHOLD + 1)))
    assert "Meterai" in above and "Rp10.000" in above


@pytest.mark.parametrize("write", [write_receipt_a5, write_receipt_thermal])
def test_cancelled_receipt_is_stamped_batal_with_the_reason(write):
    text = _flat(_pdf(write, _receipt(cancelled=True, cancel_reason="salah ketik jumlah")))
    assert "BATAL" in text
    assert "salah ketik jumlah" in text


def test_receipt_with_one_line_and_no_balance_leaves_breakdown_and_balance_out():
    receipt = _receipt(lines=(ReceiptLine("Angsuran ke-3", 1_500_000),), remaining_balance=None)
    text = _flat(_pdf(write_receipt_a5, receipt))
    assert "Rincian" not in text and "Sisa pinjaman" not in text


def test_thermal_receipt_is_80_mm_wide_and_as_long_as_its_content():
    short = pypdf.PdfReader(BytesIO(_pdf(write_receipt_thermal, _receipt()))).pages[0].mediabox
    long_purpose = "Pembayaran angsuran untuk usaha kebun karet dan warung sembako " * 6
    longer = pypdf.PdfReader(BytesIO(_pdf(write_receipt_thermal, _receipt(purpose=long_purpose)))).pages[0].mediabox
    assert round(float(short.width) / 72 * 25.4) == 80
    assert float(longer.height) > float(short.height)
    # Every line fits the 72 mm printable width: Courier 8 pt holds 42 characters.
    for line in _text(_pdf(write_receipt_thermal, _receipt(purpose=long_purpose))).splitlines():
        assert len(line.rstrip()) <= 42, line


# --- kartu pinjaman ---------------------------------------------------------------------------


def _card(payments: int = 4) -> LoanCard:
    start = date(2026, 1, 10)
    movements = [CardMovement(start, "Pencairan", "", "KW/SRL/2026/000010", 5_000_000, 0, 5_000_000)]
    balance = 5_000_000
    for number in range(1, payments + 1):
        balance -= 500_000
        movements.append(CardMovement(start + timedelta(days=30 * number), f"Angsuran ke-{number}", str(number), f"KW/SRL/2026/{100 + number:06d}", 0, 500_000, balance))
    movements.append(CardMovement(DAY, "Pembatalan KW/SRL/2026/000104: salah ketik", "", "KW/SRL/2026/000200", 1_234_000, 0, balance + 1_234_000, cancelled=True))
    schedule = tuple(ScheduleLine(n, start + timedelta(days=30 * n), 500_000, 500_000 if n <= payments else 0, "Lunas" if n <= payments else "Belum jatuh tempo") for n in range(1, 11))
    return LoanCard(
        office=OFFICE, as_of=DAY, loan_number="PJM/SRL/2026/000045", member_number="SRL-000123", member_name="Siti Khadijah",
        member_address="Desa Pelawan, Kec. Pelawan", group_name="Kelompok Tani Maju", product_name="Modal usaha tani",
        fund_name="Dana bergulir Pemkab", principal=5_000_000, term=10, frequency_label="Bulanan", installment=500_000,
        admin_fee=50_000, purpose="Bibit karet", status_label="Berjalan", applied_on=date(2026, 1, 2), disbursed_on=start,
        outstanding=2_987_000, arrears=0, days_past_due=0, schedule=schedule, movements=tuple(movements),
    )  # fmt: skip


def test_loan_card_lists_every_movement_and_the_final_balance():
    card = _card()
    text = _flat(_pdf(write_loan_card, card))
    for movement in card.movements:
        assert movement.receipt_number in text
        assert movement.description.split(":")[0] in text
    assert "Rp1.234.000" in text
    assert "Sisa pinjaman per 28 November 2026 Rp2.987.000" in text
    assert "(dibatalkan)" in text
    assert "Halaman 1 dari 1" in text


def test_long_loan_card_repeats_headers_and_counts_pages():
    pdf = _pdf(write_loan_card, _card(payments=120))
    pages = [page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf)).pages]
    assert len(pages) > 2
    assert all(f"Halaman {n} dari {len(pages)}" in page for n, page in enumerate(pages, start=1))
    assert all("Saldo" in page for page in pages[2:])  # the movements' header row on every page


def test_loan_card_without_movements_says_so():
    text = _flat(_pdf(write_loan_card, replace(_card(), movements=(), schedule=())))
    assert "Belum ada transaksi." in text and "Jadwal angsuran belum dibuat." in text



def test_loan_card_keeps_wide_figures_and_long_descriptions_whole():
    correction = "Koreksi pembayaran angsuran ke-7 karena salah input jumlah oleh petugas lapangan; dikembalikan ke anggota"
    card = _card()
    movements = (*card.movements, CardMovement(DAY, correction, "7", "KW/SRL/2026/000300", 0, 12_345_678_900, 86_419_753_200))
    text = _flat(_pdf(write_loan_card, replace(card, movements=movements, member_name="Ni Luh Putu Ayu Kadek Swastika Dewi")))
    assert "Rp12.345.678.900" in text and "Rp86.419.753.200" in text  # shrunk to fit its column, never cut
    assert correction in text
    assert "Ni Luh Putu Ayu Kadek Swastika Dewi (SRL-000123)" in text

# --- laporan tunggakan ------------------------------------------------------------------------

BUCKETS = ("Lancar", "1–30 hari", "31–60 hari", "61–90 hari", "> 90 hari")


def _report(late: int = 30) -> ArrearsReport:
    lines = tuple(
        ArrearsLine(
            f"PJM/SRL/2026/{n:06d}", f"SRL-{n:06d}", f"Anggota {n}", "Pelawan", "Pelawan" if n % 2 else "Singkut",
            f"Kelompok {n % 3}", "Modal usaha tani", "Dana bergulir Pemkab", 2_000_000, 500_000, n, "1–30 hari", "2 Dalam perhatian khusus",
        )  # fmt: skip
        for n in range(1, late + 1)
    )
    buckets = tuple(PortfolioShare(label, 10, 10_000_000, 0 if index < 2 else 10_000_000) for index, label in enumerate(BUCKETS))
    total = PortfolioShare("Jumlah", 50, 50_000_000, 30_000_000)
    breakdowns = {"Kecamatan": (PortfolioShare("Pelawan", 25, 25_000_000, 20_000_000), PortfolioShare("Singkut", 25, 25_000_000, 10_000_000))}
    return ArrearsReport(OFFICE, DAY, buckets, total, breakdowns, lines)


def test_arrears_pdf_has_par30_buckets_breakdowns_and_the_late_loans_worst_first():
    text = _flat(_pdf(write_arrears_pdf, _report()))
    assert "PAR30: 60,0%" in text
    for label in BUCKETS:
        assert label in text
    assert "Menurut kecamatan" in text and "Singkut" in text and "80,0%" in text
    # Worst first: 30 days late before 1 day late, whatever order the lines came in.
    assert text.index("PJM/SRL/2026/000030") < text.index("PJM/SRL/2026/000001")


def test_arrears_pdf_and_xlsx_show_restructured_loans_on_their_own_line_and_marked():
    report = _report(late=3)
    restructured = ArrearsLine(
        "PJM/SRL/2026/000099", "SRL-000099", "Anggota Restrukturisasi", "Pelawan", "Pelawan", "", "Modal usaha tani",
        "Dana bergulir Pemkab", 1_200_000, 0, 0, "Restrukturisasi", "1 Lancar", restructured=True,
    )
    report = replace(
        report, buckets=(*report.buckets, PortfolioShare("Restrukturisasi", 1, 1_200_000, 1_200_000)),
        late_loans=(*report.late_loans, restructured),
    )
    text = _flat(_pdf(write_arrears_pdf, report))
    assert "Restrukturisasi 1 Rp1.200.000" in text
    assert "terlambat atau direstrukturisasi" in text
    assert "PJM/SRL/2026/000099 (R)" in text and "(R) dijadwal ulang, belum pulih" in text
    assert "PJM/SRL/2026/000001 (R)" not in text
    stream = BytesIO()
    write_arrears_xlsx(report, stream)
    book = openpyxl.load_workbook(BytesIO(stream.getvalue()))
    assert ["Restrukturisasi", 1, 1_200_000] == [cell.value for cell in book["Ringkasan"][7][:3]]
    assert "Restrukturisasi" in [row[11] for row in book["Daftar tunggakan"].iter_rows(values_only=True)]


def test_arrears_pdf_without_late_loans_says_so():
    text = _flat(_pdf(write_arrears_pdf, replace(_report(), late_loans=())))
    assert "Tidak ada pinjaman yang terlambat per 28 November 2026." in text


def test_arrears_pdf_of_thousands_of_loans_repeats_the_header_on_every_page():
    pdf = _pdf(write_arrears_pdf, _report(late=2_000))
    pages = [page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf)).pages]
    assert len(pages) > 40
    assert all("Kolektibilitas" in page and f"Halaman {n} dari {len(pages)}" in page for n, page in enumerate(pages[1:], start=2))
    text = " ".join(pages)
    assert all(f"PJM/SRL/2026/{n:06d}" in text for n in range(1, 2_001))


def test_arrears_xlsx_has_a_sheet_per_part_with_numbers_as_numbers():
    stream = BytesIO()
    write_arrears_xlsx(_report(), stream)
    book = openpyxl.load_workbook(BytesIO(stream.getvalue()))
    assert book.sheetnames == ["Ringkasan", "Per kecamatan", "Daftar tunggakan"]
    summary = book["Ringkasan"]
    assert [row[0] for row in summary.iter_rows(min_row=2, max_row=6, values_only=True)] == list(BUCKETS)
    assert summary["C2"].value == 10_000_000 and "Rp" in summary["C2"].number_format
    assert summary.freeze_panes == "A2"
    par = next(row for row in summary.iter_rows(values_only=True) if row[0] == "PAR30")
    assert par[1] == pytest.approx(0.6)
    late = book["Daftar tunggakan"]
    assert late.max_row == 31 and late.freeze_panes == "A2"
    assert late["A2"].value == "PJM/SRL/2026/000030" and late["I2"].value == 2_000_000 and "Rp" in late["I2"].number_format


# --- lembar tagihan kelompok ------------------------------------------------------------------


def _sheet(members: int = 5) -> CollectionSheet:
    lines = tuple(
        CollectionLine(f"id{n}", f"SRL-{n:06d}", f"Anggota Nomor {n}", f"PJM/SRL/2026/{n:06d}", 250_000, 250_000 if n == 1 else 0, 2_000_000)
        for n in range(1, members + 1)
    )
    return CollectionSheet(OFFICE, "Kelompok Tani Maju", "Pelawan", "Hj. Rosmaniar", DAY, lines)


def test_collection_sheet_lists_members_totals_and_signatures():
    text = _flat(_pdf(write_collection_sheet, _sheet()))
    for n in range(1, 6):
        assert f"Anggota Nomor {n}" in text
    assert "Dibayar" in text and "Paraf" in text
    assert "Rp500.000" in text  # the first member's installment plus arrears
    assert "Rp1.500.000" in text  # what the group owes in all
    assert "Ketua Kelompok" in text and "Hj. Rosmaniar" in text and "Petugas" in text
    assert "Halaman 1 dari 1" in text


def test_long_collection_sheet_counts_its_pages():
    pages = [page.extract_text() for page in pypdf.PdfReader(BytesIO(_pdf(write_collection_sheet, _sheet(60)))).pages]
    assert len(pages) > 1
    assert re.search(rf"Halaman 1 dari {len(pages)}", pages[0])
    assert all("Paraf" in page for page in pages[:-1])


def test_collection_sheet_without_dues_says_so():
    text = _flat(_pdf(write_collection_sheet, replace(_sheet(), lines=())))
    assert "Tidak ada angsuran yang jatuh tempo" in text
