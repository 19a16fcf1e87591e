from __future__ import annotations

from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from reportlab.lib.units import mm

from koperasi.domain.members.register import HouseholdPerson, Relation, SchoolStatus
from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.people import Sex
from koperasi.reports.members.documents import MemberSheet, write_member_card, write_member_profile

PRINTED_ON = date(2026, 11, 28)
LONG_NAME = "Raden Ayu Siti Khadijah Nurul Hidayah Kusumawardhani binti Haji Muhammad Abdurrahman Syamsuddin"

OFFICE = OfficeProfile(
    name="Koperasi Berdaya Sarolangun",
    code="SRL",
    address="Jl. Jenderal Sudirman No. 10, Sarolangun",
    phone="074591234",
    chair_name="H. Syamsul Bahri",
)

HOUSEHOLD = (
    HouseholdPerson("Ahmad Fauzi", Relation.HEAD, Sex.MALE, date(1980, 3, 2)),
    HouseholdPerson("Rina Wulandari", Relation.CHILD, Sex.FEMALE, date(2010, 9, 28), SchoolStatus.DROPPED_OUT),
    HouseholdPerson("Budi Santoso", Relation.CHILD, Sex.MALE, date(2013, 1, 5), SchoolStatus.IN_SCHOOL),
    HouseholdPerson("Dewi Lestari", Relation.CHILD, Sex.FEMALE, date(2016, 7, 14), SchoolStatus.NEVER),
    HouseholdPerson("Maimunah", Relation.PARENT_IN_LAW, Sex.FEMALE),
    HouseholdPerson("Rudi Hartono", Relation.OTHER_FAMILY, Sex.MALE, date(2001, 12, 31)),
)


def _photo() -> bytes:
    stream = BytesIO()
    Image.new("RGB", (30, 40), (120, 160, 200)).save(stream, "PNG")
    return stream.getvalue()


@pytest.fixture
def sheet() -> MemberSheet:
    return MemberSheet(
        number="SRL-000123",
        full_name=LONG_NAME,
        nik="1503014508850002",
        kk_number="1503010101100003",
        sex=Sex.FEMALE,
        birth_place="Sarolangun",
        birth_date=date(1985, 8, 5),
        address="Jl. Lintas Sumatera KM 12, RT 004 RW 002, Dusun Pematang Kolim Ujung, sebelah gudang karet koperasi lama",
        desa_name="Pematang Kolim",
        kecamatan_name="Pelawan",
        phone="081234567890",
        occupation="Petani karet",
        join_date=PRINTED_ON,
        status_label="Aktif",
        category_names=["Perempuan kepala keluarga"],
        groups=[("Kelompok Tani Maju Bersama", date(2024, 3, 12))],
        household=HOUSEHOLD,
        household_size=7,
        out_of_school_children=2,
        photo=_photo(),
    )


def _pages(path: Path) -> list[str]:
    """Each page's text with runs of whitespace (including line wraps) collapsed to one space."""
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def test_member_card_prints_name_number_and_nik(sheet: MemberSheet, tmp_path: Path) -> None:
    write_member_card(sheet, OFFICE, tmp_path / "card.pdf")
    [text] = _pages(tmp_path / "card.pdf")
    assert LONG_NAME in text
    assert "SRL-000123" in text
    assert "1503014508850002" in text


def test_member_card_is_one_id1_sized_page(sheet: MemberSheet, tmp_path: Path) -> None:
    write_member_card(sheet, OFFICE, tmp_path / "card.pdf")
    pages = pypdf.PdfReader(tmp_path / "card.pdf").pages
    assert len(pages) == 1
    assert float(pages[0].mediabox.width) == pytest.approx(85.6 * mm)
    assert float(pages[0].mediabox.height) == pytest.approx(54 * mm)


def test_member_card_names_the_office_the_document_and_the_chair(sheet: MemberSheet, tmp_path: Path) -> None:
    write_member_card(sheet, OFFICE, tmp_path / "card.pdf")
    [text] = _pages(tmp_path / "card.pdf")
    for expected in ("Koperasi Berdaya Sarolangun", "KARTU ANGGOTA", "Bergabung: 28 November 2026", "H. Syamsul Bahri", "Ketua"):
        assert expected in text


def test_member_card_draws_the_photo_or_an_empty_frame(sheet: MemberSheet, tmp_path: Path) -> None:
    write_member_card(sheet, OFFICE, tmp_path / "with.pdf")
    write_member_card(replace(sheet, photo=None), OFFICE, tmp_path / "without.pdf")
    assert len(pypdf.PdfReader(tmp_path / "with.pdf").pages[0].images) == 1
    assert len(pypdf.PdfReader(tmp_path / "without.pdf").pages[0].images) == 0
    assert "Foto" in _pages(tmp_path / "without.pdf")[0]


def test_member_card_writes_to_a_binary_stream(sheet: MemberSheet) -> None:
    stream = BytesIO()
    write_member_card(sheet, OFFICE, stream)
    assert stream.getvalue().startswith(b"%PDF")


def test_member_profile_prints_name_number_and_nik(sheet: MemberSheet, tmp_path: Path) -> None:
    write_member_profile(sheet, OFFICE, tmp_path / "profile.pdf", printed_on=PRINTED_ON)
    [text] = _pages(tmp_path / "profile.pdf")
    assert "PROFIL ANGGOTA" in text
    assert LONG_NAME in text
    assert "SRL-000123" in text
    assert "1503014508850002" in text


def test_member_profile_lists_the_household_and_its_figures(sheet: MemberSheet, tmp_path: Path) -> None:
    write_member_profile(sheet, OFFICE, tmp_path / "profile.pdf", printed_on=PRINTED_ON)
    [text] = _pages(tmp_path / "profile.pdf")
    for person in HOUSEHOLD:
        assert person.full_name in text
    assert "28 September 2010 16 tahun" in text
    assert "Putus sekolah" in text
    assert "7 orang" in text
    assert "2 anak" in text


def test_member_profile_footer_numbers_a_single_page(sheet: MemberSheet, tmp_path: Path) -> None:
    write_member_profile(sheet, OFFICE, tmp_path / "profile.pdf", printed_on=PRINTED_ON)
    [text] = _pages(tmp_path / "profile.pdf")
    assert "Dicetak 28 November 2026 · Halaman 1 dari 1" in text


def test_member_profile_shows_a_dash_for_empty_values(sheet: MemberSheet, tmp_path: Path) -> None:
    bare = replace(sheet, nik="", kk_number="", phone="", category_names=[], groups=[], household=(), household_size=1)
    write_member_profile(bare, OFFICE, tmp_path / "profile.pdf", printed_on=PRINTED_ON)
    [text] = _pages(tmp_path / "profile.pdf")
    assert "NIK — No. KK —" in text
    assert "Telepon —" in text
    assert "Belum ada anggota keluarga yang dicatat." in text


def test_member_profile_of_a_large_household_runs_over_pages_repeating_the_header(sheet: MemberSheet, tmp_path: Path) -> None:
    household = tuple(replace(HOUSEHOLD[2], full_name=f"Anak Ke-{index}") for index in range(1, 41))
    write_member_profile(replace(sheet, household=household, household_size=41), OFFICE, tmp_path / "profile.pdf", printed_on=PRINTED_ON)
    pages = _pages(tmp_path / "profile.pdf")
    total = len(pages)
    assert total >= 2
    for number, text in enumerate(pages, start=1):
        assert f"Halaman {number} dari {total}" in text
        assert "Nama Hubungan Jenis kelamin Tanggal lahir/umur Status sekolah" in text
    assert "Anak Ke-40" in pages[-1]


def test_member_profile_writes_to_a_binary_stream(sheet: MemberSheet) -> None:
    stream = BytesIO()
    write_member_profile(sheet, OFFICE, stream, printed_on=PRINTED_ON)
    assert stream.getvalue().startswith(b"%PDF")
