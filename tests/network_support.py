"""Builders for community-network tests: the training office (staff, desa in two kecamatan, members,
a group) with meetings, their attendance and follow-ups."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from koperasi.domain.network.meetings import FollowUpInput, Guests, MeetingInput
from koperasi.domain.network.opportunities import Conditions, OpportunityInput, OpportunityKind
from koperasi.services.network import follow_ups, meeting_attendance, meetings
from tests.training_support import TrainingOffice, training_office

MEETING_DAY = date(2026, 11, 20)  # a week before tests.support.TODAY


@dataclass
class NetworkOffice:
    office: TrainingOffice

    @property
    def db(self):
        return self.office.db

    @property
    def clerk(self):
        return self.office.clerk

    def meeting(self, *, on: date = MEETING_DAY, desa_id: uuid.UUID | None = None, groups: Iterable[uuid.UUID] = (),
                served_desa: Iterable[uuid.UUID] = (), topics: str = "Informasi pelatihan menjahit di BLK") -> uuid.UUID:
        with self.db.session() as session:
            return meetings.record_meeting(session, self.clerk, meeting_input(desa_id or self.office.loans.desa_id, on=on,
                                                                              groups=groups, served_desa=served_desa, topics=topics))

    def view(self, meeting_id: uuid.UUID) -> meetings.MeetingView:
        with self.db.session() as session:
            return meetings.get_meeting(session, self.clerk, meeting_id)

    def attend(self, meeting_id: uuid.UUID, present: Iterable[uuid.UUID], guests: Guests = Guests()) -> int:
        version = self.view(meeting_id).version
        with self.db.session() as session:
            return meeting_attendance.record_attendance(session, self.clerk, meeting_id, set(present), guests, expected_version=version)

    def checklist(self, meeting_id: uuid.UUID) -> dict[str, bool]:
        with self.db.session() as session:
            return {row.name: row.present for row in meeting_attendance.attendance_checklist(session, self.clerk, meeting_id)}

    def follow_up(self, meeting_id: uuid.UUID, action: str = "Daftarkan peserta ke BLK", due_on: date = date(2026, 12, 5)) -> uuid.UUID:
        with self.db.session() as session:
            return follow_ups.add_follow_up(session, self.clerk, meeting_id, FollowUpInput(action, "Ibu Siti", due_on))


def meeting_input(desa_id: uuid.UUID, *, on: date = MEETING_DAY, groups: Iterable[uuid.UUID] = (), served_desa: Iterable[uuid.UUID] = (),
                  topics: str = "Informasi pelatihan menjahit di BLK") -> MeetingInput:
    return MeetingInput(
        held_on=on, starts_at=time(14, 0), ends_at=time(16, 0), desa_id=desa_id, organiser="KUP Mawar",
        facilitator="Ibu Rahmawati", topics=topics, place="Balai Desa",
        group_ids=frozenset(groups), served_desa_ids=frozenset(served_desa),
    )


def network_office(db, admin) -> NetworkOffice:
    return NetworkOffice(training_office(db, admin))


def opportunity_input(**conditions) -> OpportunityInput:
    return OpportunityInput(OpportunityKind.TRAINING, "Kelas menjahit gratis", "BLK Sarolangun", "Pak Budi 0812-3456-7890",
                            Conditions(**conditions), cost=0, deadline=date(2026, 12, 15), how_to_apply="Daftar di kantor desa",
                            source="Pengumuman BLK")
