"""Training papers: a daftar hadir for 40 people and 100 certificates in one PDF, each beside a
bare ReportLab canvas drawing as many pages."""

from __future__ import annotations

from datetime import date, time
from io import BytesIO

from harness import Workspace, scenario, timed
from scenarios_loan_papers import _bare_canvas, _office

DAY = date(2026, 11, 28)
PEOPLE = 40
CERTIFICATES = 100


def _sheet():
    from koperasi.domain.trainings.papers import AttendanceSheet, SheetPerson

    people = tuple(SheetPerson(n, f"Peserta Pelatihan Nomor {n}", f"SRL-{n:06d}", "P" if n % 3 else "L", f"Desa {n % 12}") for n in range(1, PEOPLE + 1))
    return AttendanceSheet(
        office=_office(), programme="Pertanian organik padi sawah", batch="Angkatan 1 Pauh 2026", session_number=2, session_count=6,
        subject="Membuat pupuk kompos", held_on=DAY, starts_at=time(8, 0), ends_at=time(12, 0), place="Balai Desa Pelawan",
        facilitator="Ir. Hendra Gunawan", people=people,
    )  # fmt: skip


def _certificates():
    from koperasi.domain.trainings.papers import Certificate

    return [
        Certificate(
            office=_office(), number=f"SRT/SRL/2026/{n:06d}", name=f"Peserta Pelatihan Nomor {n}", identity=f"No. anggota SRL-{n:06d}",
            programme="Pertanian organik padi sawah", topic="Pertanian organik", batch="Angkatan 1 Pauh 2026",
            first_day=date(2026, 10, 3), last_day=date(2026, 10, 24), sessions_attended=5, sessions_held=6, place="Sarolangun",
            issued_on=DAY, signer_name="Drs. H. Abdul Rahman", signer_title="Ketua", partner="Yayasan Hijau Lestari",
        )  # fmt: skip
        for n in range(1, CERTIFICATES + 1)
    ]


@scenario("daftar_hadir_40_pdf")
def daftar_hadir(workspace: Workspace):
    from koperasi.reports.trainings.attendance_sheet import write_attendance_sheet

    sheet = _sheet()
    samples = timed(lambda: write_attendance_sheet(sheet, BytesIO()), 10)
    floor = timed(lambda: _bare_canvas(PEOPLE + 5, 18), 10)
    return samples, floor, "bare canvas: 45 drawString lines, 18 a page"


@scenario("sertifikat_100_pdf")
def sertifikat(workspace: Workspace):
    from koperasi.reports.trainings.certificate import write_certificates

    certs = _certificates()
    samples = timed(lambda: write_certificates(certs, BytesIO()), 5)
    floor = timed(lambda: _bare_canvas(CERTIFICATES, 1), 5)
    return samples, floor, "bare canvas: 100 pages, one drawString each"
