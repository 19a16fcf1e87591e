"""Follow-ups of a meeting (what, who, by when): open until marked done, and listed on Beranda meanwhile."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import CommunityMeeting, Desa, MeetingFollowUp
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.network.meetings import FollowUpInput, clean_follow_up
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.network.meetings import meeting_row
from koperasi.services.office import audit
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    id: uuid.UUID
    meeting_id: uuid.UUID
    meeting_day: date
    meeting_desa: str
    action: str
    responsible: str
    due_on: date
    done_on: date | None
    version: int

    def overdue(self, today: date) -> bool:
        return self.done_on is None and self.due_on < today


def add_follow_up(session: Session, actor: Actor, meeting_id: uuid.UUID, data: FollowUpInput) -> uuid.UUID:
    with write(session):
        authorize(session, actor, Permission.RECORD_MEETINGS)
        meeting = meeting_row(session, meeting_id)
        clean = clean_follow_up(data, meeting.held_on)
        row = MeetingFollowUp(meeting_id=meeting_id, action=clean.action, responsible=clean.responsible, due_on=clean.due_on,
                              created_at=clock.now())
        session.add(row)
        session.flush()
        audit.record(session, actor, action=AuditAction.FOLLOW_UP_ADDED, entity="follow_up", entity_id=row.id,
                     after={"meeting": str(meeting_id), "action": clean.action, "responsible": clean.responsible,
                            "due_on": clean.due_on.isoformat()})
        return row.id


def complete_follow_up(session: Session, actor: Actor, follow_up_id: uuid.UUID, *, done_on: date, expected_version: int) -> None:
    """Mark a follow-up done on a day (not before its meeting, not in the future)."""
    with write(session):
        authorize(session, actor, Permission.RECORD_MEETINGS)
        row = session.get(MeetingFollowUp, follow_up_id)
        if row is None:
            raise NotFound("Tindak lanjut tidak ditemukan.")
        if row.version != expected_version:
            raise ConflictError("Tindak lanjut ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        if row.done_on is not None:
            raise ValidationError("Tindak lanjut ini sudah ditandai selesai.")
        held_on = session.get(CommunityMeeting, row.meeting_id).held_on
        if type(done_on) is not date or done_on > clock.today():
            raise ValidationError("Tanggal selesai tidak boleh di hari yang akan datang.", field="done_on")
        if done_on < held_on:
            raise ValidationError("Tanggal selesai tidak boleh sebelum hari pertemuan.", field="done_on")
        row.done_on, row.done_by = done_on, actor.user_id
        session.flush()
        audit.record(session, actor, action=AuditAction.FOLLOW_UP_DONE, entity="follow_up", entity_id=row.id,
                     before={"done_on": None}, after={"done_on": done_on.isoformat()})


def follow_ups(session: Session, actor: Actor, *, meeting_id: uuid.UUID | None = None, open_only: bool = False) -> list[FollowUpRow]:
    """The follow-ups of one meeting or of all, the earliest due first."""
    authorize(session, actor, Permission.USE_APP)
    query = (
        select(MeetingFollowUp, CommunityMeeting.held_on, Desa.name)
        .join(CommunityMeeting, CommunityMeeting.id == MeetingFollowUp.meeting_id)
        .join(Desa, Desa.id == CommunityMeeting.desa_id)
        .order_by(MeetingFollowUp.done_on.is_not(None), MeetingFollowUp.due_on, MeetingFollowUp.created_at)
    )
    if meeting_id is not None:
        query = query.where(MeetingFollowUp.meeting_id == meeting_id)
    if open_only:
        query = query.where(MeetingFollowUp.done_on.is_(None))
    return [FollowUpRow(row.id, row.meeting_id, held_on, desa, row.action, row.responsible, row.due_on, row.done_on, row.version)
            for row, held_on, desa in session.execute(query)]
