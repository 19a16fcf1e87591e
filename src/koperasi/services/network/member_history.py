"""The meetings one member attended, for the Anggota detail panel."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import CommunityMeeting, CommunityMeetingAttendance, Desa
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize


@dataclass(frozen=True, slots=True)
class MemberMeeting:
    held_on: date
    desa: str
    topics: str


def member_meetings(session: Session, actor: Actor, member_id: uuid.UUID) -> list[MemberMeeting]:
    """Newest first."""
    authorize(session, actor, Permission.USE_APP)
    rows = session.execute(
        select(CommunityMeeting.held_on, Desa.name, CommunityMeeting.topics)
        .join(CommunityMeetingAttendance, CommunityMeetingAttendance.meeting_id == CommunityMeeting.id)
        .join(Desa, Desa.id == CommunityMeeting.desa_id)
        .where(CommunityMeetingAttendance.member_id == member_id)
        .order_by(CommunityMeeting.held_on.desc(), CommunityMeeting.starts_at.desc())
    )
    return [MemberMeeting(held_on, desa, topics) for held_on, desa, topics in rows]
