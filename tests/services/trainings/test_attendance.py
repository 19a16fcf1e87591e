"""Taking attendance: who is expected at a session, what may be recorded, and late corrections."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ValidationError
from koperasi.services.trainings import attendance
from koperasi.services.trainings import programmes as trainings
from koperasi import clock
from tests.training_support import DAY1, DAY2, DAY3, DAY4, batch_with_sessions, training_office


@pytest.fixture
def office(db, admin):
    return training_office(db, admin)


def _list(office, session_id: uuid.UUID) -> dict[str, bool | None]:
    with office.db.session() as session:
        return {row.name: row.present for row in attendance.attendance_list(session, office.clerk, session_id)}


def test_attendance_is_recorded_only_for_sessions_that_took_place(office):
    _, batch_id, [held, cancelled] = batch_with_sessions(office, [DAY1, DAY2])
    siti = office.enrol(batch_id, office.member("Siti Aminah"))
    future = office.session(batch_id, clock.today() + timedelta(days=7))
    with pytest.raises(ValidationError, match="pada atau sesudah hari sesi"):
        office.attend(future, {siti: True})
    with office.db.session() as session:
        view = next(s for s in trainings.list_sessions(session, office.clerk, batch_id) if s.id == cancelled)
        trainings.update_session(session, office.clerk, cancelled, view.data, cancelled=True, expected_version=view.version)
    with pytest.raises(ValidationError, match="Sesi ini dibatalkan"):
        office.attend(cancelled, {siti: True})
    with pytest.raises(ValidationError, match="Tidak ada peserta"):
        office.attend(held, {})
    _, other_batch, _ = batch_with_sessions(office, [], programme="Literasi Keuangan")
    stranger = office.enrol(other_batch, office.member("Nurhayati"))
    with pytest.raises(ValidationError, match="bukan peserta angkatan ini"):
        office.attend(held, {siti: True, stranger: True})
    # Nothing of the refused saves stayed, and today's session may be recorded.
    assert _list(office, held) == {"Siti Aminah": None}
    today = office.session(batch_id, clock.today())
    assert office.attend(today, {siti: True}) == 1
    assert office.participant(siti).sessions_held == 1


def test_only_those_enrolled_and_not_withdrawn_by_the_day_are_expected(office):
    _, batch_id, [day1, day2, day3] = batch_with_sessions(office, [DAY1, DAY2, DAY3])
    siti = office.enrol(batch_id, office.member("Siti Aminah"))
    leaving = office.enrol(batch_id, office.member("Nurhayati"))
    late = office.enrol(batch_id, office.member("Ani Suryani"), on=DAY2 + timedelta(days=1))
    office.withdraw(leaving, on=DAY2, reason="Sakit")  # withdrawn on the day of session 2: not expected there
    assert set(_list(office, day1)) == {"Nurhayati", "Siti Aminah"}
    assert set(_list(office, day2)) == {"Siti Aminah"}
    assert set(_list(office, day3)) == {"Ani Suryani", "Siti Aminah"}
    with pytest.raises(ValidationError, match="belum terdaftar atau sudah mundur"):
        office.attend(day2, {siti: True, leaving: True})
    with pytest.raises(ValidationError, match="belum terdaftar atau sudah mundur"):
        office.attend(day1, {siti: True, late: True})
    assert office.attend(day1, {siti: True, leaving: True}) == 2
    # Marks recorded before the withdrawal stay on the list of that session.
    assert _list(office, day1) == {"Nurhayati": True, "Siti Aminah": True}


def test_a_late_correction_changes_the_mark_and_is_audited_with_before_and_after(office):
    _, batch_id, [day1, day2] = batch_with_sessions(office, [DAY1, DAY2])
    siti = office.enrol(batch_id, office.member("Siti Aminah"))
    nur = office.enrol(batch_id, office.member("Nurhayati"))
    assert office.attend(day1, {siti: True, nur: False}) == 2
    assert office.attend(day1, {siti: True, nur: False}) == 0  # saving the same checklist again changes nothing
    assert office.events(AuditAction.ATTENDANCE_CORRECTED) == []
    assert office.attend(day1, {siti: False, nur: True}) == 2
    assert _list(office, day1) == {"Nurhayati": True, "Siti Aminah": False}
    recorded = office.events(AuditAction.ATTENDANCE_RECORDED)
    assert [(e.entity, e.entity_id, e.after) for e in recorded] == [("session", str(day1), {"present": 1, "absent": 1})]
    corrections = {e.before["participant"]: e for e in office.events(AuditAction.ATTENDANCE_CORRECTED)}
    assert set(corrections) == {str(siti), str(nur)}
    assert (corrections[str(siti)].before, corrections[str(siti)].after) == (
        {"participant": str(siti), "present": True}, {"participant": str(siti), "present": False})
    assert (corrections[str(nur)].before["present"], corrections[str(nur)].after["present"]) == (False, True)
    assert all(e.entity_id == str(day1) and e.username == "petugas" for e in corrections.values())
    # A mark added later for the second session is a recording, not a correction.
    office.attend(day2, {siti: True})
    assert office.attend(day2, {nur: True}) == 1
    assert len(office.events(AuditAction.ATTENDANCE_CORRECTED)) == 2
    assert [(p.name, p.attended, p.sessions_held) for p in office.participants(batch_id)] == [
        ("Nurhayati", 2, 2), ("Siti Aminah", 1, 2)]


def test_a_certified_participants_presence_cannot_be_removed(office):
    _, batch_id, days = batch_with_sessions(office, [DAY1, DAY2, DAY3, DAY4])
    siti = office.enrol(batch_id, office.member("Siti Aminah"))
    for day, present in zip(days, (True, True, True, False), strict=True):
        office.attend(day, {siti: present})
    office.certify(siti)
    with pytest.raises(ValidationError, match="sudah bersertifikat tidak dapat dihapus"):
        office.attend(days[0], {siti: False})
    assert office.participant(siti).attended == 3
    # Adding a presence the clerk forgot is still allowed.
    assert office.attend(days[3], {siti: True}) == 1
    assert office.participant(siti).attended == 4
