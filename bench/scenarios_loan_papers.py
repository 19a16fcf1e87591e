"""Loan papers: a kwitansi on A5 and on an 80 mm roll, a kartu pinjaman, and the arrears report
(PDF and Excel) over 20,000 late loans. Each beside the bare ReportLab or openpyxl work beneath it."""

from __future__ import annotations

import random
from datetime import date, timedelta
from io import BytesIO

from harness import Workspace, scenario, timed

LATE_LOANS = 20_000
DAY = date(2026, 11, 28)


def _office():
    from koperasi.domain.office.profile import OfficeProfile

    return OfficeProfile(name="Koperasi Berdaya Sarolangun", code="SRL", address="Jl. Jenderal Sudirman No. 10, Sarolangun", phone="074591234")


def _receipt():
    from koperasi.domain.loans.papers import Receipt, ReceiptLine

    return Receipt(
        office=_office(), title="KWITANSI PEMBAYARAN ANGSURAN", number="KW/SRL/2026/000123", issued_on=DAY, place="Sarolangun",
        received_from="Siti Khadijah", received_by="Rahmawati", signer_label="Petugas penerima", amount=7_500_000,
        purpose="Pembayaran angsuran pinjaman PJM/SRL/2026/000045",
        lines=(ReceiptLine("Angsuran ke-3 s.d. ke-5", 7_450_000), ReceiptLine("Biaya administrasi", 50_000)),
        member_number="SRL-000123", loan_number="PJM/SRL/2026/000045", remaining_balance=3_000_000, clerk_name="Rahmawati",
    )  # fmt: skip


def _card():
    from koperasi.domain.loans.papers import CardMovement, LoanCard, ScheduleLine

    start = date(2025, 12, 1)
    schedule = tuple(ScheduleLine(n, start + timedelta(weeks=2 * n), 250_000, 250_000 if n <= 20 else 0, "Lunas" if n <= 20 else "Belum jatuh tempo") for n in range(1, 25))
    movements = [CardMovement(start, "Pencairan", "", "KW/SRL/2025/000900", 6_000_000, 0, 6_000_000)]
    for n in range(1, 21):
        movements.append(CardMovement(start + timedelta(weeks=2 * n), f"Angsuran ke-{n}", str(n), f"KW/SRL/2026/{n:06d}", 0, 250_000, 6_000_000 - 250_000 * n))
    return LoanCard(
        office=_office(), as_of=DAY, loan_number="PJM/SRL/2025/000045", member_number="SRL-000123", member_name="Siti Khadijah",
        member_address="Desa Pelawan, Kec. Pelawan", group_name="Kelompok Tani Maju", product_name="Modal usaha tani",
        fund_name="Dana bergulir Pemkab", principal=6_000_000, term=24, frequency_label="Dua mingguan", installment=250_000, admin_fee=50_000,
        purpose="Bibit karet", status_label="Berjalan", applied_on=start, disbursed_on=start, outstanding=1_000_000, arrears=0,
        days_past_due=0, schedule=schedule, movements=tuple(movements),
    )  # fmt: skip


def _report():
    from koperasi.domain.loans.papers import ArrearsLine, ArrearsReport, PortfolioShare
    from koperasi.domain.loans.rules import AgeingBucket, ageing_bucket, collectibility

    chance = random.Random(5)
    kecamatan = ["Sarolangun", "Pelawan", "Singkut", "Bathin VIII", "Pauh", "Mandiangin", "Air Hitam", "Limun", "Cermin Nan Gedang", "Batang Asai"]
    lines = []
    for n in range(LATE_LOANS):
        days, place = chance.randint(1, 365), chance.choice(kecamatan)
        outstanding = chance.randint(10, 400) * 25_000
        lines.append(
            ArrearsLine(
                f"PJM/SRL/2026/{n:06d}", f"SRL-{n:06d}", f"Anggota Koperasi Nomor {n}", f"Desa {n % 150}", place, f"Kelompok {n % 900}",
                chance.choice(["Modal usaha tani", "Usaha kerajinan"]), chance.choice(["Dana bergulir Pemkab", "CSR PT Sawit", "LSM Hijau"]),
                outstanding, min(outstanding, chance.randint(1, 12) * 250_000), days, ageing_bucket(days).label, collectibility(days),
            )
        )  # fmt: skip
    lines.sort(key=lambda line: -line.days_past_due)
    outstanding = sum(line.outstanding for line in lines)
    at_risk = sum(line.outstanding for line in lines if line.days_past_due > 30)
    buckets = tuple(
        PortfolioShare(bucket.label, sum(1 for line in lines if ageing_bucket(line.days_past_due) is bucket), sum(line.outstanding for line in lines if ageing_bucket(line.days_past_due) is bucket), 0)
        for bucket in AgeingBucket
    )
    breakdowns = {"Kecamatan": tuple(PortfolioShare(name, 1, 1_000_000, 0) for name in kecamatan)}
    return ArrearsReport(_office(), DAY, buckets, PortfolioShare("Jumlah", LATE_LOANS, outstanding, at_risk), breakdowns, tuple(lines))


def _bare_canvas(lines: int = 1, per_page: int = 1) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(BytesIO())
    for n in range(lines):
        if n and n % per_page == 0:
            canvas.showPage()
        canvas.drawString(40, 800 - (n % per_page) * 10, "PJM/SRL/2026/000001 Anggota Koperasi Rp1.500.000 Rp250.000 45 2 Dalam perhatian khusus")
    canvas.showPage()
    canvas.save()


@scenario("kwitansi_a5_pdf")
def kwitansi_a5(workspace: Workspace):
    from koperasi.reports.loans.receipt import write_receipt_a5

    receipt = _receipt()
    samples = timed(lambda: write_receipt_a5(receipt, BytesIO()), 20)
    return samples, timed(_bare_canvas, 20), "bare ReportLab canvas: one drawString and save"


@scenario("kwitansi_80mm_pdf")
def kwitansi_80mm(workspace: Workspace):
    from koperasi.reports.loans.receipt import write_receipt_thermal

    receipt = _receipt()
    samples = timed(lambda: write_receipt_thermal(receipt, BytesIO()), 20)
    return samples, timed(_bare_canvas, 20), "bare ReportLab canvas: one drawString and save"


@scenario("kartu_pinjaman_pdf")
def kartu_pinjaman(workspace: Workspace):
    from koperasi.reports.loans.card import write_loan_card

    card = _card()
    samples = timed(lambda: write_loan_card(card, BytesIO()), 10)
    return samples, timed(_bare_canvas, 10), "bare ReportLab canvas: one drawString and save"


@scenario("arrears_pdf_20000")
def arrears_pdf(workspace: Workspace):
    from koperasi.reports.loans.arrears import write_arrears_pdf

    report = _report()
    samples = timed(lambda: write_arrears_pdf(report, BytesIO()), 3)
    floor = timed(lambda: _bare_canvas(LATE_LOANS, 45), 3)
    return samples, floor, "bare canvas: 20,000 drawString lines, 45 a page"


@scenario("arrears_xlsx_20000")
def arrears_xlsx(workspace: Workspace):
    from openpyxl import Workbook

    from koperasi.reports.loans.arrears import write_arrears_xlsx

    report = _report()
    samples = timed(lambda: write_arrears_xlsx(report, BytesIO()), 3)

    def bare() -> None:
        book = Workbook(write_only=True)
        sheet = book.create_sheet("x")
        for line in report.late_loans:
            sheet.append((line.loan_number, line.member_name, line.member_number, line.desa, line.kecamatan, line.group, line.product, line.fund, line.outstanding, line.arrears, line.days_past_due, line.bucket, line.collectibility))
        book.save(BytesIO())

    return samples, timed(bare, 3), "openpyxl write_only: the same 20,000 rows, unstyled"
