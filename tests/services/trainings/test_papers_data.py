"""What the training papers say: the daftar hadir, the batch report and "people trained", on hand-worked examples."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from koperasi.domain.people import Sex
from koperasi.domain.trainings.papers import TrainedCount
from koperasi.domain.trainings.rules import CompletionRule, RuleKind
from koperasi.services.members import register as members
from koperasi.services.trainings import papers as training_papers
from koperasi.services.trainings import programmes as trainings
from tests.training_support import DAY1, DAY2, DAY3, DAY4, PAUH, batch_with_sessions, training_office


@pytest.fixture
def office(db, admin):
    return training_office(db, admin)


def test_the_attendance_sheet_lists_only_those_expected_that_day_numbered(office):
    _, batch_id, [day1, cancelled, day2, day3, day4] = batch_with_sessions(
        office, [DAY1, DAY1 + timedelta(days=2), DAY2, DAY3, DAY4])
    with office.db.session() as session:
        view = next(s for s in trainings.list_sessions(session, office.clerk, batch_id) if s.id == cancelled)
        trainings.update_session(session, office.clerk, cancelled, view.data, cancelled=True, expected_version=view.version)
    siti, rudi = office.member_with_child("Siti Aminah", "Rudi Hartono")
    office.enrol(batch_id, siti)
    office.enrol(batch_id, household_member_id=rudi)
    nur = office.member("Nurhayati")
    office.enrol(batch_id, nur)
    office.withdraw(office.enrol(batch_id, office.member("Dewi Lestari")), on=DAY2 + timedelta(days=1))
    office.enrol(batch_id, office.member("Yuli Andriani"), on=DAY3 + timedelta(days=1))
    ani = office.member("Ani Suryani", sex=Sex.FEMALE, desa_id=office.pauh_desa_id)
    office.enrol(batch_id, ani)
    with office.db.session() as session:
        number, nur_number, ani_number = (members.get_member(session, office.admin, m).number for m in (siti, nur, ani))
        sheet = training_papers.attendance_sheet(session, office.clerk, day3)
        first = training_papers.attendance_sheet(session, office.clerk, day1)
        last = training_papers.attendance_sheet(session, office.clerk, day4)
    assert [(p.number, p.name, p.identity, p.sex, p.desa) for p in sheet.people] == [
        (1, "Ani Suryani", ani_number, "P", "Karang Mendapo"),
        (2, "Nurhayati", nur_number, "P", "Perdamaian"),
        (3, "Rudi Hartono", f"Anak dari Siti Aminah ({number})", "L", "Perdamaian"),
        (4, "Siti Aminah", number, "P", "Perdamaian"),
    ]
    assert (sheet.programme, sheet.batch, sheet.session_number, sheet.session_count) == ("Pertanian Organik", "Angkatan 1", 3, 4)
    assert (sheet.held_on, sheet.place, sheet.facilitator) == (DAY3, "Balai Desa Perdamaian", "Ir. Hendra Gunawan")
    assert [p.name for p in first.people] == ["Ani Suryani", "Dewi Lestari", "Nurhayati", "Rudi Hartono", "Siti Aminah"]
    assert first.session_number == 1
    assert [(p.number, p.name) for p in last.people][-2:] == [(4, "Siti Aminah"), (5, "Yuli Andriani")]
    assert last.session_number == 4


def test_the_batch_report_counts_attendance_and_completion(office):
    _, batch_id, days = batch_with_sessions(office, [DAY1, DAY2, DAY3, DAY4])
    office.session(batch_id, DAY4 + timedelta(days=7))  # not yet held: counts against no one
    siti = office.enrol(batch_id, office.member("Siti Aminah"))
    nur = office.enrol(batch_id, office.member("Nurhayati"))
    ani = office.enrol(batch_id, office.member("Ani Suryani"))
    dewi = office.enrol(batch_id, office.member("Dewi Lestari", sex=Sex.FEMALE))
    with office.db.session() as session:
        before = training_papers.batch_report(session, office.clerk, batch_id)
    assert (before.attendance_rate, before.completed, before.enrolled, before.sessions) == (0.0, 0, 4, ())  # nothing held yet
    office.attend(days[0], {siti: True, nur: True, ani: True, dewi: True})
    office.withdraw(dewi, on=DAY1 + timedelta(days=1))
    for day, marks in zip(days[1:], ((True, True, True), (True, True, False), (True, False, False)), strict=True):
        office.attend(day, {siti: marks[0], nur: marks[1], ani: marks[2]})
    number = office.certify(siti)
    with office.db.session() as session:
        report = training_papers.batch_report(session, office.clerk, batch_id)
    # Active: Siti 4, Nurhayati 3, Ani 2 of 4 held -> 9 of 12 marks. Dewi withdrew and is left out of the rate.
    assert report.attendance_rate == pytest.approx(9 / 12)
    assert (report.enrolled, report.withdrawn, report.completed) == (4, 1, 2)
    assert report.rule == "hadir minimal 75% sesi"
    assert [day for day, _, _ in report.sessions] == [DAY1, DAY2, DAY3, DAY4]
    assert [(line.name, line.attended, line.status, line.certificate_number) for line in report.lines] == [
        ("Ani Suryani", 2, "Belum memenuhi", ""),
        ("Dewi Lestari", 1, "Mengundurkan diri", ""),
        ("Nurhayati", 3, "Lulus", ""),
        ("Siti Aminah", 4, "Lulus", number),
    ]


def _summary(office, **kwargs):
    kwargs.setdefault("period_from", date(2025, 1, 1))
    kwargs.setdefault("period_to", date(2025, 12, 31))
    with office.db.session() as session:
        return training_papers.training_summary(session, office.clerk, **kwargs)


def _row(name, participants, completed, women, men) -> TrainedCount:
    return TrainedCount(name, participants, completed, women, men)


def test_people_trained_by_programme_sex_category_and_kecamatan(office):
    organic, batch_a, [a1, a2] = batch_with_sessions(office, [DAY1, DAY2])
    finance, batch_b, [b1] = batch_with_sessions(office, [date(2025, 6, 2)], programme="Literasi Keuangan",
                                                 rule=CompletionRule(RuleKind.MIN_SESSIONS, 1))
    siti, rudi = office.member_with_child("Siti Aminah", "Rudi Hartono", categories={"petani_kecil", "perempuan_kepala_keluarga"})
    budi = office.member("Budi Santoso", sex=Sex.MALE, desa_id=office.pauh_desa_id, categories={"buruh_harian"})
    nur = office.member("Nurhayati", desa_id=office.pauh_desa_id)
    # Organik: Siti 2/2 and her son Rudi 2/2 complete, Budi 1/2 does not, Dewi came once then withdrew,
    # Ani withdrew before the first session (not counted at all).
    a_siti, a_rudi, a_budi = office.enrol(batch_a, siti), office.enrol(batch_a, household_member_id=rudi), office.enrol(batch_a, budi)
    a_dewi, a_ani = office.enrol(batch_a, office.member("Dewi Lestari")), office.enrol(batch_a, office.member("Ani Suryani"))
    office.withdraw(a_ani, on=DAY1)
    office.attend(a1, {a_siti: True, a_rudi: True, a_budi: True, a_dewi: True})
    office.withdraw(a_dewi, on=DAY1 + timedelta(days=1))
    office.attend(a2, {a_siti: True, a_rudi: True, a_budi: False})
    # Keuangan: Siti again (a second batch counts again) and Nurhayati, both complete.
    office.attend(b1, {office.enrol(batch_b, siti): True, office.enrol(batch_b, nur): True})

    summary = _summary(office)
    assert summary.total == _row("Jumlah", 6, 4, 4, 2)
    assert summary.breakdowns["Program"] == (_row("Literasi Keuangan", 2, 2, 2, 0), _row("Pertanian Organik", 4, 2, 2, 2))
    assert summary.breakdowns["Jenis kelamin"] == (_row("Laki-laki", 2, 1, 0, 2), _row("Perempuan", 4, 3, 4, 0))
    assert summary.breakdowns["Kategori kerentanan"] == (
        _row("Buruh harian", 1, 0, 0, 1),
        _row("Perempuan kepala keluarga", 3, 3, 2, 1),  # Siti twice and Rudi, under his mother's categories
        _row("Petani kecil", 3, 3, 2, 1),
        _row("Tanpa kategori", 2, 1, 2, 0),
    )
    # Rudi counts under his household's kecamatan.
    assert summary.breakdowns["Kecamatan"] == (_row("Pauh", 2, 1, 1, 1), _row("Singkut", 4, 3, 3, 1))

    assert _summary(office, period_to=date(2025, 3, 31)).total == _row("Jumlah", 4, 2, 2, 2)
    assert _summary(office, period_from=date(2025, 4, 1)).breakdowns["Program"] == (_row("Literasi Keuangan", 2, 2, 2, 0),)
    assert _summary(office, programme_id=finance).total == _row("Jumlah", 2, 2, 2, 0)
    assert _summary(office, kecamatan_code=PAUH).total == _row("Jumlah", 2, 1, 1, 1)
    assert _summary(office, kecamatan_code=PAUH, programme_id=organic).total == _row("Jumlah", 1, 0, 0, 1)
    empty = _summary(office, period_from=date(2024, 1, 1), period_to=date(2024, 12, 31))
    assert (empty.total, empty.breakdowns["Program"]) == (_row("Jumlah", 0, 0, 0, 0), ())
