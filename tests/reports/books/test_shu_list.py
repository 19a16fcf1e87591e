"""The daftar SHU anggota (PDF, xlsx) of the hand-worked 2025 (tests/services/books/test_shu.py): the parts by the
AD/ART, how each member part was shared, and every member with the basis and amount of each part."""

from __future__ import annotations

import uuid
from datetime import date
from io import BytesIO

import openpyxl
import pypdf

from koperasi.domain.books.plan import MemberShu, PartAmount, ShuPaper, ShuPlan
from koperasi.domain.books.rules import BusinessSource, CapitalBasis, PaymentMethod, ShuPart
from koperasi.domain.office.profile import OfficeProfile
from koperasi.reports.books.shu_list import write_shu_list_pdf, write_shu_list_xlsx

OFFICE = OfficeProfile(name="Koperasi Berdaya Sarolangun", code="SRL", address="Jl. Jenderal Sudirman No. 10, Sarolangun")
AMOUNTS = {ShuPart.RESERVE: 15_000, ShuPart.CAPITAL: 12_000, ShuPart.BUSINESS: 15_000, ShuPart.BOARD: 6_000,
           ShuPart.STAFF: 3_000, ShuPart.EDUCATION: 3_000, ShuPart.SOCIAL: 3_000, ShuPart.AREA_DEVELOPMENT: 3_000}
SHARES = {ShuPart.RESERVE: 2500, ShuPart.CAPITAL: 2000, ShuPart.BUSINESS: 2500, ShuPart.BOARD: 1000}


def _paper(basis: CapitalBasis = CapitalBasis.YEAR_END) -> ShuPaper:
    parts = tuple(PartAmount(part, SHARES.get(part, 500), AMOUNTS[part], 0) for part in ShuPart)
    members = (
        MemberShu(uuid.uuid4(), "SRL-000001", "Siti Aminah", 300_000, 50_000, 7_200, 12_500,
                  PaymentMethod.CASH, date(2026, 3, 20), "KW/SRL/2026/000410"),
        MemberShu(uuid.uuid4(), "SRL-000002", "Rina Wati", 200_000, 0, 4_800, 0),
        MemberShu(uuid.uuid4(), "SRL-000003", "Dewi Lestari", 0, 10_000, 0, 2_500),
    )
    plan = ShuPlan(2025, 60_000, basis, frozenset(BusinessSource), parts, members, date(2026, 3, 14))
    return ShuPaper(OFFICE, plan, date(2026, 11, 28))


def test_the_pdf_gives_the_parts_the_basis_and_every_member():
    buffer = BytesIO()
    write_shu_list_pdf(_paper(), buffer)
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(buffer.getvalue())).pages).split())
    assert "DAFTAR SHU ANGGOTA" in text and "tahun buku 2025" in text
    assert "Cadangan 25 % Rp15.000" in text and "Dana pembangunan daerah kerja 5 % Rp3.000" in text
    assert "Jumlah 100 % Rp60.000" in text
    assert "Rp12.000 × simpanannya ÷ Rp500.000" in text and "Rp15.000 × transaksinya ÷ Rp60.000" in text
    assert "SRL-000001 Siti Aminah Rp300.000 Rp7.200 Rp50.000 Rp12.500 Rp19.700 Tunai, 20-03-2026" in text
    assert "SRL-000002 Rina Wati Rp200.000 Rp4.800 Rp0 Rp0 Rp4.800 Belum" in text
    assert "Jumlah Rp12.000 Rp15.000 Rp27.000" in text


def test_the_workbook_keeps_the_basis_and_amounts_as_numbers():
    buffer = BytesIO()
    write_shu_list_xlsx(_paper(CapitalBasis.AVERAGE), buffer)
    book = openpyxl.load_workbook(BytesIO(buffer.getvalue()))
    parts = [row for row in book["Pembagian SHU"].iter_rows(values_only=True) if row and row[0]]
    assert ("Jasa modal", 0.2, 12_000, 0) in parts and ("Jumlah", 1, 60_000, 0) in parts
    members = list(book["SHU anggota"].iter_rows(values_only=True))
    header = next(row for row in members if row and row[0] == "Nomor")
    assert header[2:4] == ("Jumlah simpanan 12 akhir bulan", "Rata-rata simpanan")
    siti = next(row for row in members if row and row[0] == "SRL-000001")
    assert siti[:9] == ("SRL-000001", "Siti Aminah", 300_000, 25_000, 7_200, 50_000, 12_500, 19_700, "Tunai")
    assert siti[10] == "KW/SRL/2026/000410"
