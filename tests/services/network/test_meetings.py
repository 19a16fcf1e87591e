"""Community meetings: recording and correcting them, the checklist of whom they served, attendance with guests,
follow-ups, and a member's meetings."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from koperasi import clock
from koperasi.db.models import AuditEvent
from koperasi.domain.errors import ConflictError, PermissionDenied, ValidationError
from koperasi.domain.network.meetings import FollowUpInput, Guests
from koperasi.domain.office.audit import AuditAction
from koperasi.services.members import register as members
from koperasi.services.network import follow_ups, meetings, member_history
from tests.network_support import MEETING_DAY, meeting_input, network_office


@pytest.fixture
def net(db, admin):
    return network_office(db, admin)


def _actions(net, entity_id) -> list[str]:
    with net.db.session() as session:
        return list(session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == str(entity_id)).order_by(AuditEvent.id)))


def test_a_meeting_is_recorded_corrected_and_listed_with_its_audience(net):
    office = net.office
    siti, rahma = office.member("Siti Aminah"), office.member("Rahmawati", desa_id=office.pauh_desa_id)
    group = office.loans.group_with("KUP Mawar", [siti, rahma])
    meeting_id = net.meeting(groups=[group], served_desa=[office.pauh_desa_id])
    view = net.view(meeting_id)
    assert view.desa == "Perdamaian" and view.audience == ("KUP Mawar", "Desa Karang Mendapo")
    assert view.data.organiser == "KUP Mawar" and not view.attendance_taken
    changed = replace(meeting_input(office.loans.desa_id, topics="Program KUR dan PKH", groups=[group]),
                      decisions="Ibu Siti mendata anak putus sekolah")
    with net.db.session() as session:
        meetings.update_meeting(session, net.clerk, meeting_id, changed, expected_version=view.version)
    with net.db.session() as session, pytest.raises(ConflictError, match="sudah diubah"):
        meetings.update_meeting(session, net.clerk, meeting_id, changed, expected_version=view.version)
    with net.db.session() as session:
        [row] = meetings.list_meetings(session, net.clerk, year=2026)
        assert meetings.list_meetings(session, net.clerk, year=2025) == []
    assert row.topics == "Program KUR dan PKH" and row.members_present == 0 and not row.attendance_taken
    assert _actions(net, meeting_id) == [AuditAction.MEETING_RECORDED, AuditAction.MEETING_UPDATED]


@pytest.mark.parametrize(("change", "message"), [
    ({"organiser": " "}, "Penyelenggara wajib diisi"),
    ({"facilitator": "x"}, "fasilitator wajib diisi"),
    ({"topics": ""}, "Topik pertemuan wajib diisi"),
    ({"held_on": date(1999, 12, 31)}, "Tanggal pertemuan tidak masuk akal"),
    ({"desa_id": uuid.uuid4()}, "Desa tempat pertemuan tidak dikenal"),
    ({"group_ids": frozenset({uuid.uuid4()})}, "kelompok sasaran tidak dikenal"),
])
def test_bad_meeting_input_is_refused_in_indonesian(net, change, message):
    data = meeting_input(net.office.loans.desa_id)
    bad = replace(data, **change)
    with net.db.session() as session, pytest.raises(ValidationError, match=message):
        meetings.record_meeting(session, net.clerk, bad)


def test_a_treasurer_may_read_meetings_but_not_record_one(net):
    with net.db.session() as session, pytest.raises(PermissionDenied, match="tidak berwenang"):
        meetings.record_meeting(session, net.office.loans.treasurer, meeting_input(net.office.loans.desa_id))


def test_the_checklist_holds_the_groups_members_on_the_day_and_the_desa_residents(net):
    office = net.office
    siti = office.member("Siti Aminah", desa_id=office.pauh_desa_id)
    office.member("Rahmawati", desa_id=office.pauh_desa_id)  # lives in Pauh, not in the group
    office.member("Dewi Sartika")  # lives in Perdamaian, where the meeting is held
    group = office.loans.group_with("KUP Mawar", [siti])
    by_group = net.meeting(groups=[group])
    assert net.checklist(by_group) == {"Siti Aminah": False}
    by_desa = net.meeting(served_desa=[office.pauh_desa_id])
    assert net.checklist(by_desa) == {"Rahmawati": False, "Siti Aminah": False}
    # No audience named: the desa it is held in.
    assert net.checklist(net.meeting()) == {"Dewi Sartika": False}
    # A member who joined the group after the meeting day is not on that meeting's list.
    early = net.meeting(groups=[group], on=date(2024, 5, 1))
    assert net.checklist(early) == {}


def test_attendance_saves_ticks_and_guests_and_corrects_them_later(net):
    office = net.office
    siti, dewi = office.member("Siti Aminah"), office.member("Dewi Sartika")
    meeting_id = net.meeting()
    assert net.attend(meeting_id, [siti, dewi], Guests(female_adult=3, male_child=1)) == 2
    view = net.view(meeting_id)
    assert view.attendance_taken and view.members_present == 2 and view.guests.total == 4 and view.guests.female == 3
    assert net.checklist(meeting_id) == {"Dewi Sartika": True, "Siti Aminah": True}
    assert net.attend(meeting_id, [siti], Guests(female_adult=3, male_child=1)) == 1
    assert net.checklist(meeting_id) == {"Dewi Sartika": False, "Siti Aminah": True}
    assert _actions(net, meeting_id).count(AuditAction.MEETING_ATTENDANCE_RECORDED) == 2
    with net.db.session() as session:
        assert [m.topics for m in member_history.member_meetings(session, net.clerk, siti)] == ["Informasi pelatihan menjahit di BLK"]
        assert member_history.member_meetings(session, net.clerk, dewi) == []


def test_attendance_refuses_a_future_meeting_strangers_and_members_who_had_left(net):
    office = net.office
    siti, leaving = office.member("Siti Aminah"), office.member("Nurhayati")
    with net.db.session() as session:
        detail = members.get_member(session, office.admin, leaving)
        members.record_leaving(session, office.admin, leaving, left_on=MEETING_DAY - timedelta(days=1), reason="Pindah",
                               expected_version=detail.version)
    future = net.meeting(on=clock.today() + timedelta(days=3))
    with pytest.raises(ValidationError, match="pada atau sesudah hari pertemuan"):
        net.attend(future, [siti])
    meeting_id = net.meeting()
    with pytest.raises(ValidationError, match="sudah keluar"):
        net.attend(meeting_id, [siti, leaving])
    with pytest.raises(ValidationError, match="bukan anggota"):
        net.attend(meeting_id, [siti, uuid.uuid4()])
    with pytest.raises(ValidationError, match="isi jumlah tamu"):
        net.attend(meeting_id, [])
    with pytest.raises(ValidationError, match="Jumlah tamu"):
        net.attend(meeting_id, [siti], Guests(female_adult=-1))
    assert not net.view(meeting_id).attendance_taken  # nothing of the refused saves stayed
    assert net.attend(meeting_id, [], Guests(male_elder=2)) == 0  # only guests came: still taken
    assert net.view(meeting_id).attendance_taken


def test_follow_ups_stay_open_until_done_and_refuse_impossible_days(net):
    meeting_id = net.meeting()
    first = net.follow_up(meeting_id, due_on=date(2026, 11, 25))
    net.follow_up(meeting_id, "Undang Dinas Sosial untuk PKH", due_on=date(2026, 12, 10))
    with net.db.session() as session, pytest.raises(ValidationError, match="sebelum hari pertemuan"):
        follow_ups.add_follow_up(session, net.clerk, meeting_id, FollowUpInput("Cek data", "Pak Kades", MEETING_DAY - timedelta(days=1)))
    with net.db.session() as session:
        rows = follow_ups.follow_ups(session, net.clerk, open_only=True)
    assert [r.action for r in rows] == ["Daftarkan peserta ke BLK", "Undang Dinas Sosial untuk PKH"]
    assert rows[0].overdue(clock.today()) and not rows[1].overdue(clock.today())
    with net.db.session() as session, pytest.raises(ValidationError, match="hari yang akan datang"):
        follow_ups.complete_follow_up(session, net.clerk, first, done_on=clock.today() + timedelta(days=1), expected_version=rows[0].version)
    with net.db.session() as session:
        follow_ups.complete_follow_up(session, net.clerk, first, done_on=clock.today(), expected_version=rows[0].version)
    with net.db.session() as session, pytest.raises(ValidationError, match="sudah ditandai selesai"):
        follow_ups.complete_follow_up(session, net.clerk, first, done_on=clock.today(), expected_version=rows[0].version + 1)
    with net.db.session() as session:
        assert [r.action for r in follow_ups.follow_ups(session, net.clerk, open_only=True)] == ["Undang Dinas Sosial untuk PKH"]
        assert meetings.list_meetings(session, net.clerk)[0].open_follow_ups == 1
    assert _actions(net, first) == [AuditAction.FOLLOW_UP_ADDED, AuditAction.FOLLOW_UP_DONE]


def test_open_follow_ups_wait_on_beranda_for_those_who_record_meetings_red_once_overdue(net):
    from datetime import datetime, timezone

    from koperasi.services.dashboard import waiting

    def line(actor):
        with net.db.session() as session:
            found = waiting.waiting(session, actor, today=clock.today(), now=datetime(2026, 11, 28, 2, 30, tzinfo=timezone.utc))
        return {line.place: line for line in found.lines}.get(waiting.Place.FOLLOW_UPS)

    assert line(net.clerk) == waiting.Waiting(waiting.Place.FOLLOW_UPS, 0)
    meeting_id = net.meeting()
    net.follow_up(meeting_id, due_on=date(2026, 12, 5))
    assert line(net.clerk) == waiting.Waiting(waiting.Place.FOLLOW_UPS, 1)
    net.follow_up(meeting_id, "Kumpulkan fotokopi KK", due_on=date(2026, 11, 27))
    assert line(net.clerk) == waiting.Waiting(waiting.Place.FOLLOW_UPS, 2, urgent=True)
    assert line(net.office.loans.treasurer) is None  # a treasurer records no meetings


def test_the_papers_name_the_audience_before_and_who_came_after(net):
    from koperasi.services.network import papers

    office = net.office
    siti, dewi = office.member("Siti Aminah"), office.member("Dewi Sartika")
    meeting_id = net.meeting()
    net.follow_up(meeting_id)
    with net.db.session() as session:
        sheet = papers.attendance_sheet(session, net.clerk, meeting_id)
        with pytest.raises(ValidationError, match="belum dicatat"):
            papers.minutes(session, net.clerk, meeting_id)
    assert [(m.number, m.name) for m in sheet.members] == [(1, "Dewi Sartika"), (2, "Siti Aminah")]
    assert sheet.meeting.audience == "Anggota di Desa Perdamaian" and "Desa Perdamaian" in sheet.meeting.place
    net.attend(meeting_id, [siti], Guests(female_adult=2))
    with net.db.session() as session:
        notes = papers.minutes(session, net.clerk, meeting_id)
    assert [m.name for m in notes.present] == ["Siti Aminah"] and notes.guests.total == 2
    assert [f.action for f in notes.follow_ups] == ["Daftarkan peserta ke BLK"] and notes.recorded_by == net.clerk.full_name
    assert dewi not in {m.member_number for m in notes.present}
