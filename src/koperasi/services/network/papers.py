"""What the meeting papers say: the daftar hadir printed before a meeting and the notulen after it."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import MeetingFollowUp
from koperasi.domain.errors import ValidationError
from koperasi.domain.network.papers import MeetingMinutes, MeetingParticulars, MeetingSheet, MinutesFollowUp, SheetMember
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.network.meeting_attendance import ChecklistRow, attendance_checklist
from koperasi.services.network.meetings import MeetingView, get_meeting
from koperasi.services.office.profile import current_office


def attendance_sheet(session: Session, actor: Actor, meeting_id: uuid.UUID) -> MeetingSheet:
    """The members the meeting serves, by name, each with a line to sign on."""
    authorize(session, actor, Permission.USE_APP)
    view = get_meeting(session, actor, meeting_id)
    rows = attendance_checklist(session, actor, meeting_id)
    return MeetingSheet(current_office(session).profile, _particulars(view), _numbered(rows))


def minutes(session: Session, actor: Actor, meeting_id: uuid.UUID) -> MeetingMinutes:
    """The notulen: who came, the guests, what was shared and decided, the follow-ups."""
    authorize(session, actor, Permission.USE_APP)
    view = get_meeting(session, actor, meeting_id)
    if not view.attendance_taken:
        raise ValidationError("Kehadiran pertemuan ini belum dicatat: catat dulu (Catat kehadiran), lalu cetak notulennya.")
    present = [row for row in attendance_checklist(session, actor, meeting_id) if row.present]
    follow = session.execute(
        select(MeetingFollowUp.action, MeetingFollowUp.responsible, MeetingFollowUp.due_on)
        .where(MeetingFollowUp.meeting_id == meeting_id).order_by(MeetingFollowUp.due_on, MeetingFollowUp.created_at)
    ).all()
    return MeetingMinutes(
        office=current_office(session).profile, meeting=_particulars(view), present=_numbered(present), guests=view.guests,
        information=view.data.information, decisions=view.data.decisions,
        follow_ups=tuple(MinutesFollowUp(*row) for row in follow), recorded_by=actor.full_name,
    )


def _particulars(view: MeetingView) -> MeetingParticulars:
    d = view.data
    place = ", ".join(part for part in (d.place, f"Desa {view.desa}", f"Kec. {view.kecamatan}") if part)
    audience = ", ".join(view.audience) or f"Anggota di Desa {view.desa}"
    return MeetingParticulars(d.topics, d.held_on, d.starts_at, d.ends_at, place, d.organiser, d.facilitator, audience)


def _numbered(rows: list[ChecklistRow]) -> tuple[SheetMember, ...]:
    return tuple(SheetMember(number, row.name, row.number, row.sex, row.desa) for number, row in enumerate(rows, start=1))
