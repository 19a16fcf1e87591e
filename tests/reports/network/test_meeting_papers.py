"""The daftar hadir and the notulen of a community meeting: what a funder reads on them."""

from __future__ import annotations

from datetime import date, time
from io import BytesIO

import pypdf

from koperasi.domain.network.meetings import Guests
from koperasi.domain.network.papers import MeetingMinutes, MeetingParticulars, MeetingSheet, MinutesFollowUp, SheetMember
from koperasi.domain.office.profile import OfficeProfile
from koperasi.reports.network.meeting_papers import BLANK_ROWS_WHEN_EMPTY, GUEST_ROWS, write_meeting_sheet, write_minutes

OFFICE = OfficeProfile(name="Koperasi Berdaya Pauh", code="PAU", kecamatan_code="15.03.04")
MEETING = MeetingParticulars("Pelatihan menjahit di BLK", date(2026, 11, 20), time(14), time(16), "Balai desa, Desa Perdamaian",
                             "KUP Mawar", "Ibu Rahmawati", "KUP Mawar")
PEOPLE = tuple(SheetMember(n, f"Anggota {n:03d}", f"PAU-{n:06d}", "P", "Perdamaian") for n in range(1, 41))


def _text(write, paper) -> str:
    out = BytesIO()
    write(paper, out)
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(out.getvalue())).pages)


def test_the_sheet_lists_every_member_then_numbered_rows_for_guests_and_the_facilitator_signs():
    text = _text(write_meeting_sheet, MeetingSheet(OFFICE, MEETING, PEOPLE))
    assert "DAFTAR HADIR PERTEMUAN KOMUNITAS" in text and "Jumat, 20 November 2026" in text and "14.00–16.00 WIB" in text
    assert all(f"Anggota {n:03d}" in text for n in range(1, 41))
    assert "Tamu (bukan anggota)" in text and text.count("Ibu Rahmawati") >= 2  # particulars and signature
    assert "Halaman 1 dari" in text


def test_a_sheet_for_an_audience_without_members_has_rows_to_write_names_in():
    text = _text(write_meeting_sheet, MeetingSheet(OFFICE, MEETING, ()))
    numbers = [line.strip() for line in text.splitlines() if line.strip().isdigit()]
    assert len(numbers) >= BLANK_ROWS_WHEN_EMPTY + GUEST_ROWS


def test_the_minutes_count_guests_by_sex_and_age_and_list_the_follow_ups():
    minutes = MeetingMinutes(OFFICE, MEETING, PEOPLE[:3], Guests(male_child=1, female_adult=4, female_elder=1),
                             "BLK membuka kelas menjahit gratis.", "Ibu Siti mendata peserta.",
                             (MinutesFollowUp("Kumpulkan fotokopi KK", "Ibu Ani", date(2026, 11, 27)),), "Petugas Kantor")
    text = _text(write_minutes, minutes)
    assert "Hadir 3 anggota dan 6 tamu (laki-laki 1, perempuan 5); seluruhnya 9 orang." in text
    assert "BLK membuka kelas menjahit gratis." in text and "Ibu Siti mendata peserta." in text
    assert "Kumpulkan fotokopi KK" in text and "27 November 2026" in text and "Petugas Kantor" in text
