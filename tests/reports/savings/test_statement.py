"""The member's savings statement (A4) and the savings kwitansi on the loan kwitansi's paper."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pypdf

from koperasi.domain.loans.papers import Receipt, ReceiptLine
from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.savings.papers import SavingsStatement, StatementLine
from koperasi.domain.savings.rules import SavingsKind
from koperasi.reports.loans.receipt import write_receipt_a5, write_receipt_thermal
from koperasi.reports.savings.statement import write_savings_statement

OFFICE = OfficeProfile(name="Koperasi Berdaya Sarolangun", code="SRL", address="Jl. Jenderal Sudirman No. 10, Sarolangun", phone="074591234")


def _text(write, paper) -> str:
    buffer = BytesIO()
    write(paper, buffer)
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(buffer.getvalue())).pages).split())


def _statement(lines=None) -> SavingsStatement:
    opening = {SavingsKind.POKOK: 100_000, SavingsKind.WAJIB: 60_000, SavingsKind.SUKARELA: 0}
    lines = (
        StatementLine(date(2026, 7, 6), "Setoran simpanan wajib", "KW/SRL/2026/000120", SavingsKind.WAJIB, 30_000, 190_000),
        StatementLine(date(2026, 8, 1), "Setoran simpanan sukarela", "KW/SRL/2026/000150", SavingsKind.SUKARELA, 250_000, 440_000, True),
        StatementLine(date(2026, 8, 3), "Pembatalan KW/SRL/2026/000150: salah anggota", "", SavingsKind.SUKARELA, -250_000, 190_000),
    ) if lines is None else lines
    closing = dict(opening)
    for line in lines:
        closing[line.kind] += line.change
    return SavingsStatement(OFFICE, "SRL-000032", "Zulkifli Handayani", "Desa Tinting, Kec. Pauh", date(2024, 7, 16),
                            date(2026, 7, 1), date(2026, 9, 30), opening, lines, closing, 15_000, date(2026, 11, 28))


def test_the_statement_shows_the_opening_every_movement_and_the_closing():
    text = _text(write_savings_statement, _statement())
    for expected in (
        "REKENING SIMPANAN ANGGOTA", "periode 1 Juli s.d. 30 September 2026", "Zulkifli Handayani (No. anggota SRL-000032)",
        "Saldo awal Rp100.000 Rp60.000 Rp0 Rp160.000", "+Rp30.000 Rp190.000", "Setoran simpanan sukarela (BATAL)",
        "-Rp250.000 Rp190.000", "Saldo akhir per 30 September 2026 Rp100.000 Rp90.000 Rp0 Rp190.000",
        "Tunggakan wajib Rp15.000 per 30 September 2026",
    ):  # fmt: skip
        assert expected in text, expected


def test_a_statement_without_movements_says_so():
    assert "Tidak ada transaksi simpanan pada periode ini." in _text(write_savings_statement, _statement(lines=()))


def test_the_savings_kwitansi_names_its_balance_and_has_no_meterai_box_above_the_threshold():
    receipt = Receipt(OFFICE, "KWITANSI SETORAN SIMPANAN", "KW/SRL/2026/000151", date(2026, 11, 28), "Sarolangun",
                      "Zulkifli Handayani", "Siti Aminah", "Yang menerima (petugas)", 6_000_000, "Setoran simpanan sukarela",
                      (ReceiptLine("Simpanan sukarela", 6_000_000),), member_number="SRL-000032", remaining_balance=6_250_000,
                      balance_label="Saldo simpanan sukarela", meterai_exempt=True)
    for write in (write_receipt_a5, write_receipt_thermal):
        text = _text(write, receipt)
        assert "Saldo simpanan sukarela" in text and "Rp6.250.000" in text and "enam juta rupiah" in text.lower()
        assert "Meterai" not in text and "Sisa pinjaman" not in text
