from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time
from io import BytesIO

import openpyxl
import pypdf
import pytest

from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.trainings.papers import (
    AttendanceSheet,
    BatchReport,
    BatchReportLine,
    Certificate,
    SheetPerson,
    TrainedCount,
    TrainingSummary,
)
from koperasi.reports.trainings.attendance_sheet import BLANK_ROWS_WHEN_EMPTY, WALK_IN_ROWS, session_time, write_attendance_sheet
from koperasi.reports.trainings.certificate import write_certificate, write_certificates
from koperasi.domain.dates import date_range
from koperasi.reports.trainings.summaries import write_batch_report, write_training_summary_pdf, write_training_summary_xlsx

OFFICE = OfficeProfile(name="Koperasi Berdaya Sarolangun", code="SRL", address="Jl. Jenderal Sudirman No. 10, Sarolangun", phone="074591234")
DAY = date(2026, 11, 28)


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf)).pages]


def _flat(pdf: bytes) -> str:
    return " ".join(" ".join(_pages(pdf)).split())


def _pdf(write, paper) -> bytes:
    stream = BytesIO()
    write(paper, stream)
    return stream.getvalue()


def _sheet(count: int = 3) -> AttendanceSheet:
    people = tuple(
        SheetPerson(n, f"Peserta Nomor {n}", f"SRL-{n:06d}" if n % 2 else f"Anak dari Siti Aminah (SRL-{n:06d})", "P" if n % 3 else "L", "Pelawan")
        for n in range(1, count + 1)
    )
    return AttendanceSheet(
        office=OFFICE, programme="Pertanian organik padi sawah", batch="Angkatan 1 Pauh 2026", session_number=2, session_count=6,
        subject="Membuat pupuk kompos", held_on=DAY, starts_at=time(8, 0), ends_at=time(12, 0),
        place="Balai Desa Pelawan", facilitator="Ir. Hendra Gunawan", people=people,
    )  # fmt: skip


def _certificate(**changes) -> Certificate:
    cert = Certificate(
        office=OFFICE, number="SRT/SRL/2026/000012", name="Siti Khadijah", identity="No. anggota SRL-000123",
        programme="Pertanian organik padi sawah", topic="Pertanian organik", batch="Angkatan 1 Pauh 2026",
        first_day=date(2026, 10, 3), last_day=date(2026, 10, 24), sessions_attended=5, sessions_held=6,
        place="Sarolangun", issued_on=DAY, signer_name="Drs. H. Abdul Rahman", signer_title="Ketua",
    )  # fmt: skip
    return replace(cert, **changes)


# --- daftar hadir -----------------------------------------------------------------------------


def test_attendance_sheet_names_the_session_and_its_participants():
    text = _flat(_pdf(write_attendance_sheet, _sheet()))
    for expected in (
        "DAFTAR HADIR", "Koperasi Berdaya Sarolangun", "Pertanian organik padi sawah", "Angkatan 1 Pauh 2026", "Sesi ke-2 dari 6",
        "Membuat pupuk kompos", "Sabtu, 28 November 2026", "08.00\u201312.00 WIB", "Balai Desa Pelawan", "Ir. Hendra Gunawan",
        "Peserta Nomor 1", "SRL-000001", "Peserta Nomor 3", "Anak dari Siti Aminah", "Tanda tangan", "Fasilitator", "Petugas koperasi",
        "Jumlah peserta hadir",
    ):  # fmt: skip
        assert expected in text, expected


def test_session_time_uses_indonesian_clock_and_zone():
    assert session_time(time(8, 0), time(12, 0)) == "08.00\u201312.00 WIB"


def test_sixty_people_run_over_pages_numbered_with_the_header_repeated():
    pages = _pages(_pdf(write_attendance_sheet, _sheet(60)))
    count = len(pages)
    assert count >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {count}" in page
        assert "Tanda tangan" in page  # the header row repeats
    text = " ".join(" ".join(pages).split())
    assert "Peserta Nomor 60" in text
    assert "Peserta tambahan" in text
    # The signatures close the list on the last page, not on a page of their own.
    assert "Ir. Hendra Gunawan" in pages[-1] and f"{60 + WALK_IN_ROWS}" in pages[-1]


def test_empty_sheet_prints_blank_numbered_rows_on_one_page():
    pages = _pages(_pdf(write_attendance_sheet, _sheet(0)))
    assert len(pages) == 1
    numbers = re.findall(r"^(\d+)\b", pages[0], flags=re.MULTILINE)
    assert str(BLANK_ROWS_WHEN_EMPTY) in numbers
    assert "Peserta tambahan" not in pages[0]
    assert "Halaman 1 dari 1" in pages[0]


# --- sertifikat -------------------------------------------------------------------------------


def test_certificate_shows_number_name_programme_dates_and_attendance():
    text = _flat(_pdf(write_certificate, _certificate(partner="Yayasan Hijau Lestari")))
    for expected in (
        "SERTIFIKAT", "Nomor: SRT/SRL/2026/000012", "diberikan kepada", "Siti Khadijah", "No. anggota SRL-000123",
        "Pertanian organik padi sawah", "(Pertanian organik)", "Angkatan 1 Pauh 2026", "tanggal 3 s.d. 24 Oktober 2026",
        "dengan kehadiran 5 dari 6 sesi", "Yayasan Hijau Lestari", "Sarolangun, 28 November 2026", "Ketua", "Drs. H. Abdul Rahman",
    ):  # fmt: skip
        assert expected in text, expected


def test_certificate_without_partner_or_identity_leaves_their_lines_out():
    text = _flat(_pdf(write_certificate, _certificate(identity="", partner="")))
    assert "kerja sama" not in text
    assert "No. anggota" not in text


def test_long_name_is_printed_whole():
    name = "Raden Ajeng Siti Nurhaliza binti Muhammad Abdullah Syarifuddin Wirokusumo Hadiningrat Mangkunegoro Al-Banjari"
    text = _flat(_pdf(write_certificate, _certificate(name=name)))
    assert name in text


def test_all_certificates_at_once_one_page_each():
    certs = [_certificate(number=f"SRT/SRL/2026/{n:06d}", name=f"Peserta Nomor {n}") for n in range(1, 6)]
    pages = _pages(_pdf(write_certificates, certs))
    assert len(pages) == 5
    for n, page in enumerate(pages, start=1):
        assert f"SRT/SRL/2026/{n:06d}" in page and f"Peserta Nomor {n}" in page


def test_no_certificates_is_refused():
    with pytest.raises(ValueError):
        write_certificates([], BytesIO())


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (date(2026, 10, 3), date(2026, 10, 24), "3 s.d. 24 Oktober 2026"),
        (date(2026, 9, 28), date(2026, 10, 24), "28 September s.d. 24 Oktober 2026"),
        (date(2026, 12, 20), date(2027, 1, 10), "20 Desember 2026 s.d. 10 Januari 2027"),
        (date(2026, 10, 3), date(2026, 10, 3), "3 Oktober 2026"),
    ],
)
def test_date_range_writes_the_shared_month_and_year_once(first, last, expected):
    assert date_range(first, last) == expected


# --- laporan angkatan -------------------------------------------------------------------------


def _batch_report(**changes) -> BatchReport:
    sessions = tuple((date(2026, 10, 3 + 7 * k), f"Materi {k + 1}", "Ir. Hendra Gunawan") for k in range(4))
    lines = (
        BatchReportLine("Siti Khadijah", "SRL-000123", "P", 4, "Lulus", "SRT/SRL/2026/000012"),
        BatchReportLine("Ahmad Fauzi", "SRL-000124", "L", 2, "Belum memenuhi", ""),
        BatchReportLine("Nurhayati", "SRL-000125", "P", 1, "Mengundurkan diri", ""),
    )
    report = BatchReport(OFFICE, "Pertanian organik padi sawah", "Angkatan 1 Pauh 2026", "hadir minimal 75% sesi", sessions, lines, 7 / 12, 1, 3, 1)
    return replace(report, **changes)


def test_batch_report_shows_sessions_participants_and_figures():
    text = _flat(_pdf(write_batch_report, _batch_report()))
    for expected in (
        "LAPORAN ANGKATAN PELATIHAN", "Pertanian organik padi sawah", "Angkatan 1 Pauh 2026", "hadir minimal 75% sesi",
        "4 sesi, 3 s.d. 24 Oktober 2026", "58,3%", "Materi 4", "Ir. Hendra Gunawan", "Siti Khadijah", "4 dari 4", "Lulus",
        "SRT/SRL/2026/000012", "Belum memenuhi", "Mengundurkan diri", "Halaman 1 dari 1",
    ):  # fmt: skip
        assert expected in text, expected
    # The figures: enrolled, withdrawn, completed, attendance rate, over their labels.
    assert "3 1 1 58,3% peserta terdaftar mengundurkan diri lulus tingkat kehadiran" in text


def test_empty_batch_report_says_so():
    text = _flat(_pdf(write_batch_report, _batch_report(sessions=(), lines=(), attendance_rate=0.0, completed=0, enrolled=0, withdrawn=0)))
    assert "Belum ada sesi." in text and "Belum ada peserta." in text


# --- laporan peserta pelatihan ----------------------------------------------------------------


def _summary() -> TrainingSummary:
    return TrainingSummary(
        office=OFFICE,
        period_from=date(2026, 1, 1),
        period_to=date(2026, 6, 30),
        total=TrainedCount("Jumlah", 30, 20, 18, 12),
        breakdowns={
            "Program": (TrainedCount("Pertanian organik", 20, 15, 12, 8), TrainedCount("Literasi keuangan", 14, 5, 8, 6)),
            "Jenis kelamin": (TrainedCount("Perempuan", 18, 12, 18, 0), TrainedCount("Laki-laki", 12, 8, 0, 12)),
            "Kategori kerentanan": (TrainedCount("Pemuda putus sekolah", 7, 4, 3, 4), TrainedCount("Tidak ada", 23, 16, 15, 8)),
            "Kecamatan": (TrainedCount("Pauh", 30, 20, 18, 12),),
        },
    )


def test_training_summary_pdf_has_the_period_and_every_breakdown():
    text = _flat(_pdf(write_training_summary_pdf, _summary()))
    for expected in (
        "LAPORAN PESERTA PELATIHAN", "periode 1 Januari s.d. 30 Juni 2026", "Menurut program", "Menurut jenis kelamin",
        "Menurut kategori kerentanan", "Menurut kecamatan", "Pertanian organik 20 15 12 8", "Pemuda putus sekolah 7 4 3 4",
        "Jumlah 30 20 18 12", "dihitung sekali",
    ):  # fmt: skip
        assert expected in text, expected


def test_training_summary_xlsx_has_a_sheet_per_breakdown_with_numbers():
    stream = BytesIO()
    write_training_summary_xlsx(_summary(), stream)
    book = openpyxl.load_workbook(BytesIO(stream.getvalue()))
    assert book.sheetnames == ["Program", "Jenis kelamin", "Kategori kerentanan", "Kecamatan"]
    rows = list(book["Program"].iter_rows(values_only=True))
    assert "1 Januari s.d. 30 Juni 2026" in rows[0][0]
    assert rows[3] == ("Program", "Peserta", "Lulus", "Perempuan", "Laki-laki")
    assert rows[4] == ("Pertanian organik", 20, 15, 12, 8)
    assert rows[-1] == ("Jumlah", 30, 20, 18, 12)
    assert book["Kecamatan"].freeze_panes == "A5"
