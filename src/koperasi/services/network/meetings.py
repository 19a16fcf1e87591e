"""Recording community meetings: plan one, correct it, list them; the audience names the checklist."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from koperasi.db.models import (
    CommunityMeeting,
    CommunityMeetingAttendance,
    CommunityMeetingAudience,
    Desa,
    Kecamatan,
    MeetingFollowUp,
    MemberGroup,
)
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.network.meetings import Guests, MeetingInput, clean_meeting
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.transaction import write
from koperasi import clock

GUEST_COLUMNS = ("male_child", "female_child", "male_adult", "female_adult", "male_elder", "female_elder")


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """One line of the meetings list."""

    id: uuid.UUID
    held_on: date
    desa: str
    kecamatan: str
    organiser: str
    topics: str
    members_present: int
    guests: int
    attendance_taken: bool
    open_follow_ups: int


@dataclass(frozen=True, slots=True)
class MeetingView:
    id: uuid.UUID
    data: MeetingInput
    desa: str
    kecamatan_code: str
    kecamatan: str
    audience: tuple[str, ...]  # group and desa names, as the papers print them
    guests: Guests
    members_present: int
    attendance_taken: bool
    version: int


def record_meeting(session: Session, actor: Actor, data: MeetingInput) -> uuid.UUID:
    """Plan or record a meeting; its attendance and follow-ups come afterwards."""
    with write(session):
        authorize(session, actor, Permission.RECORD_MEETINGS)
        clean, desa = _checked(session, data)
        row = CommunityMeeting(
            kecamatan_code=desa.kecamatan_code, created_by=actor.user_id, created_at=clock.now(),
            **_columns(clean), **{f"guests_{name}": 0 for name in GUEST_COLUMNS},
        )
        session.add(row)
        session.flush()
        _set_audience(session, row.id, clean)
        audit.record(session, actor, action=AuditAction.MEETING_RECORDED, entity="meeting", entity_id=row.id,
                     after=_snapshot(clean))
        return row.id


def update_meeting(session: Session, actor: Actor, meeting_id: uuid.UUID, data: MeetingInput, *, expected_version: int) -> None:
    """Correct a meeting or complete it after the day (information shared, decisions)."""
    with write(session):
        authorize(session, actor, Permission.RECORD_MEETINGS)
        row = meeting_row(session, meeting_id)
        if row.version != expected_version:
            raise ConflictError("Pertemuan ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        clean, desa = _checked(session, data)
        if row.attendance_taken_at is not None and clean.held_on > clock.today():
            raise ValidationError("Kehadiran pertemuan ini sudah dicatat: tanggalnya tidak dapat dipindah ke hari yang akan datang.",
                                  field="held_on")
        before = _snapshot(_input(session, row))
        for key, value in _columns(clean).items():
            setattr(row, key, value)
        row.kecamatan_code = desa.kecamatan_code
        session.execute(delete(CommunityMeetingAudience).where(CommunityMeetingAudience.meeting_id == row.id))
        _set_audience(session, row.id, clean)
        session.flush()
        audit.record(session, actor, action=AuditAction.MEETING_UPDATED, entity="meeting", entity_id=row.id,
                     before=before, after=_snapshot(clean))


def list_meetings(session: Session, actor: Actor, *, year: int | None = None, desa_id: uuid.UUID | None = None) -> list[MeetingRow]:
    """Meetings newest first, of one year and one desa when asked."""
    authorize(session, actor, Permission.USE_APP)
    present = (select(CommunityMeetingAttendance.meeting_id, func.count().label("n"))
               .group_by(CommunityMeetingAttendance.meeting_id).subquery())
    open_ = (select(MeetingFollowUp.meeting_id, func.count().label("n")).where(MeetingFollowUp.done_on.is_(None))
             .group_by(MeetingFollowUp.meeting_id).subquery())
    query = (
        select(CommunityMeeting, Desa.name, Kecamatan.name, func.coalesce(present.c.n, 0), func.coalesce(open_.c.n, 0))
        .join(Desa, Desa.id == CommunityMeeting.desa_id)
        .join(Kecamatan, Kecamatan.code == CommunityMeeting.kecamatan_code)
        .outerjoin(present, present.c.meeting_id == CommunityMeeting.id)
        .outerjoin(open_, open_.c.meeting_id == CommunityMeeting.id)
        .order_by(CommunityMeeting.held_on.desc(), CommunityMeeting.starts_at.desc())
    )
    if year is not None:
        if type(year) is not int or not 2000 <= year <= 2100:
            raise ValidationError("Tahun tidak masuk akal.", field="year")
        query = query.where(CommunityMeeting.held_on.between(date(year, 1, 1), date(year, 12, 31)))
    if desa_id is not None:
        query = query.where(CommunityMeeting.desa_id == desa_id)
    return [
        MeetingRow(row.id, row.held_on, desa, kecamatan, row.organiser, row.topics, int(members), _guests(row).total,
                   row.attendance_taken_at is not None, int(follow_ups))
        for row, desa, kecamatan, members, follow_ups in session.execute(query)
    ]


def get_meeting(session: Session, actor: Actor, meeting_id: uuid.UUID) -> MeetingView:
    authorize(session, actor, Permission.USE_APP)
    row = meeting_row(session, meeting_id)
    desa = session.get(Desa, row.desa_id)
    kecamatan = session.get(Kecamatan, row.kecamatan_code)
    present = session.scalar(
        select(func.count()).select_from(CommunityMeetingAttendance).where(CommunityMeetingAttendance.meeting_id == meeting_id))
    return MeetingView(row.id, _input(session, row), desa.name, row.kecamatan_code, kecamatan.name, audience_names(session, meeting_id), _guests(row),
                       int(present or 0), row.attendance_taken_at is not None, row.version)


def meeting_row(session: Session, meeting_id: uuid.UUID) -> CommunityMeeting:
    """The meeting, or the message a clerk reads when it is gone (a building block of this area)."""
    row = session.get(CommunityMeeting, meeting_id)
    if row is None:
        raise NotFound("Pertemuan tidak ditemukan.")
    return row


def audience_names(session: Session, meeting_id: uuid.UUID) -> tuple[str, ...]:
    groups = session.scalars(
        select(MemberGroup.name).join(CommunityMeetingAudience, CommunityMeetingAudience.group_id == MemberGroup.id)
        .where(CommunityMeetingAudience.meeting_id == meeting_id).order_by(MemberGroup.name))
    desa = session.scalars(
        select(Desa.name).join(CommunityMeetingAudience, CommunityMeetingAudience.desa_id == Desa.id)
        .where(CommunityMeetingAudience.meeting_id == meeting_id).order_by(Desa.name))
    return tuple(groups) + tuple(f"Desa {name}" for name in desa)


def _checked(session: Session, data: MeetingInput) -> tuple[MeetingInput, Desa]:
    clean = clean_meeting(data)
    desa = session.get(Desa, clean.desa_id)
    if desa is None:
        raise ValidationError("Desa tempat pertemuan tidak dikenal.", field="desa_id")
    if clean.group_ids:
        found = set(session.scalars(select(MemberGroup.id).where(MemberGroup.id.in_(clean.group_ids))))
        if found != clean.group_ids:
            raise ValidationError("Salah satu kelompok sasaran tidak dikenal.", field="group_ids")
    if clean.served_desa_ids:
        found = set(session.scalars(select(Desa.id).where(Desa.id.in_(clean.served_desa_ids))))
        if found != clean.served_desa_ids:
            raise ValidationError("Salah satu desa sasaran tidak dikenal.", field="served_desa_ids")
    return clean, desa


def _set_audience(session: Session, meeting_id: uuid.UUID, data: MeetingInput) -> None:
    session.add_all([CommunityMeetingAudience(meeting_id=meeting_id, group_id=group_id) for group_id in sorted(data.group_ids)])
    session.add_all([CommunityMeetingAudience(meeting_id=meeting_id, desa_id=desa_id) for desa_id in sorted(data.served_desa_ids)])
    session.flush()


def _columns(data: MeetingInput) -> dict:
    return {
        "held_on": data.held_on, "starts_at": data.starts_at, "ends_at": data.ends_at, "desa_id": data.desa_id,
        "place": data.place, "organiser": data.organiser, "facilitator": data.facilitator, "topics": data.topics,
        "information": data.information, "decisions": data.decisions,
    }


def _input(session: Session, row: CommunityMeeting) -> MeetingInput:
    audience = session.execute(
        select(CommunityMeetingAudience.group_id, CommunityMeetingAudience.desa_id).where(CommunityMeetingAudience.meeting_id == row.id)
    ).all()
    return MeetingInput(
        held_on=row.held_on, starts_at=row.starts_at, ends_at=row.ends_at, desa_id=row.desa_id, organiser=row.organiser,
        facilitator=row.facilitator, topics=row.topics, place=row.place, information=row.information, decisions=row.decisions,
        group_ids=frozenset(g for g, _ in audience if g is not None), served_desa_ids=frozenset(d for _, d in audience if d is not None),
    )


def _guests(row: CommunityMeeting) -> Guests:
    return Guests(**{name: getattr(row, f"guests_{name}") for name in GUEST_COLUMNS})


def _snapshot(data: MeetingInput) -> dict:
    values = asdict(data)
    values["held_on"] = data.held_on.isoformat()
    values["starts_at"], values["ends_at"] = data.starts_at.strftime("%H:%M"), data.ends_at.strftime("%H:%M")
    values["desa_id"] = str(data.desa_id)
    values["group_ids"] = sorted(str(i) for i in data.group_ids)
    values["served_desa_ids"] = sorted(str(i) for i in data.served_desa_ids)
    return values
