"""The notice, the list of who should hear of an opportunity (PDF and Excel), and the referral letter."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import openpyxl
import pypdf

from koperasi.domain.network.papers import EligibleLine, EligibleSheet, OpportunityNotice, ReferralLetter
from koperasi.domain.office.profile import OfficeProfile
from koperasi.reports.network.opportunity_papers import write_eligible_pdf, write_eligible_xlsx, write_notice, write_referral_letter

OFFICE = OfficeProfile(name="Koperasi Berdaya Pauh", code="PAU", kecamatan_code="15.03.04", chair_name="Hj. Nurhasanah")


def _text(write, paper) -> str:
    out = BytesIO()
    write(paper, out)
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(BytesIO(out.getvalue())).pages)


def test_the_notice_says_what_for_whom_where_by_when_and_how_much():
    text = _text(write_notice, OpportunityNotice(OFFICE, "Lowongan kerja", "Pemanen sawit", "PT Sawit Makmur", "", "laki-laki, umur 18–40 tahun",
                                                  "Kecamatan Singkut", date(2026, 12, 15), 150_000, "", "", ""))
    assert "PENGUMUMAN · LOWONGAN KERJA" in text and "Pemanen sawit" in text
    assert "Laki-laki, umur 18–40 tahun" in text and "Selasa, 15 Desember 2026" in text and "Rp150.000" in text
    assert "Tanyakan ke kantor koperasi" in text  # no way to apply given: the office answers


def _sheet(people=3, total=None) -> EligibleSheet:
    lines = tuple(EligibleLine(n, f"Anggota {n}", "Siti Aminah" if n == 2 else "", f"PAU-{n:06d}", "P", 30, "Perdamaian", "0812-1")
                  for n in range(1, people + 1))
    return EligibleSheet(OFFICE, "Kelas menjahit", "perempuan", "Semua wilayah", None, total or people, lines, date(2026, 11, 28))


def test_the_list_names_everyone_and_says_when_it_holds_only_the_first():
    text = _text(write_eligible_pdf, _sheet(3))
    assert all(f"Anggota {n}" in text for n in (1, 2, 3)) and "3 orang" in text
    assert "yang pertama" not in text
    assert "50000 orang; daftar ini memuat 3 yang pertama menurut nama" in _text(write_eligible_pdf, _sheet(3, total=50_000))


def test_the_excel_list_keeps_numbers_as_numbers():
    out = BytesIO()
    write_eligible_xlsx(_sheet(3), out)
    sheet = openpyxl.load_workbook(BytesIO(out.getvalue())).active
    rows = [row for row in sheet.iter_rows(values_only=True) if row and row[0] in (1, 2, 3)]
    assert [(r[0], r[1], r[2], r[5]) for r in rows] == [(1, "Anggota 1", None, 30), (2, "Anggota 2", "Siti Aminah", 30),
                                                      (3, "Anggota 3", None, 30)]


def test_the_letter_carries_its_number_the_person_and_the_chairs_signature():
    text = _text(write_referral_letter, ReferralLetter(
        OFFICE, "RJK/PAU/2026/000007", date(2026, 11, 28), "Rudi Hartono", "PAU-000012", "Siti Aminah", "L", date(2012, 3, 1),
        "Desa Perdamaian, Kec. Singkut", "Program Indonesia Pintar", "Program pemerintah", "Dinas Pendidikan", "Pauh"))
    assert "SURAT RUJUKAN" in text and "Nomor: RJK/PAU/2026/000007" in text
    assert "Siti Aminah (anggota no. PAU-000012)" in text and "Program Indonesia Pintar" in text
    assert "Pauh, Sabtu, 28 November 2026" in text and "Hj. Nurhasanah" in text
