"""The network report's PDF and Excel say the same figures."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import openpyxl
import pypdf

from koperasi.domain.network.papers import MeetingCount, NetworkReport, OutcomeCount
from koperasi.domain.office.profile import OfficeProfile
from koperasi.reports.network.report import write_network_pdf, write_network_xlsx

OFFICE = OfficeProfile(name="Koperasi Berdaya Pauh", code="PAU", kecamatan_code="15.03.04")
TOTAL = OutcomeCount("Jumlah", 9, (1, 4, 1, 1, 0, 0), 2)
REPORT = NetworkReport(
    OFFICE, date(2026, 1, 1), date(2026, 12, 31),
    (MeetingCount("Perdamaian", date(2026, 10, 1), 2, 31, 4), MeetingCount("Pauh", date(2026, 11, 1), 1, 12, 0)),
    (("Lowongan kerja", 2, 5), ("Program pemerintah", 1, 4)),
    {"Jenis peluang": (OutcomeCount("Lowongan kerja", 5, (1, 2, 1, 1, 0, 0), 0), OutcomeCount("Program pemerintah", 4, (0, 2, 0, 0, 0, 0), 2)),
     "Kategori": (OutcomeCount("Petani kecil", 9, (1, 4, 1, 1, 0, 0), 2),),
     "Jenis kelamin": (OutcomeCount("Perempuan", 9, (1, 4, 1, 1, 0, 0), 2),)},
    TOTAL,
)


def test_the_pdf_has_each_section_and_its_totals():
    out = BytesIO()
    write_network_pdf(REPORT, out)
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(BytesIO(out.getvalue())).pages)
    assert "LAPORAN JARINGAN KOMUNITAS" in text and "1 Januari 2026 s.d. 31 Desember 2026" in text
    assert "Perdamaian Oktober 2026 2 31 4" in text and "Jumlah 3 43 4" in text
    assert "Rujukan dan hasilnya menurut kategori" in text and "Petani kecil 9 1 4 1 1 0 0 2" in text


def test_the_workbook_keeps_the_counts_as_numbers():
    out = BytesIO()
    write_network_xlsx(REPORT, out)
    book = openpyxl.load_workbook(BytesIO(out.getvalue()))
    assert book.sheetnames == ["Pertemuan", "Peluang", "Rujukan - Jenis peluang", "Rujukan - Kategori", "Rujukan - Jenis kelamin"]
    rows = list(book["Rujukan - Jenis peluang"].iter_rows(values_only=True))
    assert ("Lowongan kerja", 5, 1, 2, 1, 1, 0, 0, 0) in rows and ("Jumlah", 9, 1, 4, 1, 1, 0, 0, 2) in rows
