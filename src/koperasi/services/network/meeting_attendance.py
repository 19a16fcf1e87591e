"""Who came to a meeting: a checklist of the members it served, and the guests counted by sex and age.

The checklist holds the members of the meeting's groups on its day and the members living in its
desa (or, when none were named, in the desa it was held in), plus anyone already ticked. A member
who joined after the day or had left before it cannot be ticked.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import asdict, dataclass

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.orm import Session

from koperasi.db.models import (
    CommunityMeetingAttendance,
    CommunityMeetingAudience,
    Desa,
    GroupMembership,
    Member,
    MemberGroup,
)
from koperasi.domain.errors import ConflictError, ValidationError
from koperasi.domain.network.meetings import Guests, check_guests
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.network.meetings import GUEST_COLUMNS, meeting_row
from koperasi.services.office import audit
from koperasi.services.transaction import write
from koperasi import clock

MAX_PRESENT = 5_000


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    member_id: uuid.UUID
    number: str
    name: str
    sex: str  # L / P
    desa: str
    groups: str  # the meeting's groups this member belongs to, e.g. "KUP Mawar"
    present: bool


def attendance_checklist(session: Session, actor: Actor, meeting_id: uuid.UUID) -> list[ChecklistRow]:
    """The members a meeting served (by group, by desa) and those already ticked, by name."""
    authorize(session, actor, Permission.USE_APP)
    row = meeting_row(session, meeting_id)
    day = row.held_on
    audience = session.execute(
        select(CommunityMeetingAudience.group_id, CommunityMeetingAudience.desa_id).where(CommunityMeetingAudience.meeting_id == meeting_id)
    ).all()
    group_ids = [g for g, _ in audience if g is not None]
    desa_ids = [d for _, d in audience if d is not None] or ([] if group_ids else [row.desa_id])
    present = set(session.scalars(select(CommunityMeetingAttendance.member_id).where(CommunityMeetingAttendance.meeting_id == meeting_id)))
    in_groups: dict[uuid.UUID, list[str]] = defaultdict(list)
    if group_ids:
        for member_id, name in session.execute(
            select(GroupMembership.member_id, MemberGroup.name).join(MemberGroup, MemberGroup.id == GroupMembership.group_id)
            .where(GroupMembership.group_id.in_(group_ids), GroupMembership.joined_on <= day,
                   or_(GroupMembership.left_on.is_(None), GroupMembership.left_on > day))
            .order_by(MemberGroup.name)
        ):
            in_groups[member_id].append(name)
    belongs = [Member.id.in_(present)] if present else []
    if in_groups:
        belongs.append(Member.id.in_(list(in_groups)))
    if desa_ids:
        belongs.append(and_(Member.desa_id.in_(desa_ids), Member.join_date <= day,
                            or_(Member.left_on.is_(None), Member.left_on > day)))
    if not belongs:
        return []
    rows = session.execute(
        select(Member.id, Member.number, Member.full_name, Member.sex, Desa.name).join(Desa, Desa.id == Member.desa_id)
        .where(or_(*belongs)).order_by(Member.full_name, Member.number)
    )
    return [ChecklistRow(member_id, number, name, sex, desa, ", ".join(in_groups.get(member_id, ())), member_id in present)
            for member_id, number, name, sex, desa in rows]


def record_attendance(
    session: Session, actor: Actor, meeting_id: uuid.UUID, present: Collection[uuid.UUID], guests: Guests, *, expected_version: int
) -> int:
    """Save who came (the whole set: a tick taken away is removed) and the guests; returns the members present."""
    with write(session):
        authorize(session, actor, Permission.RECORD_MEETINGS)
        row = meeting_row(session, meeting_id)
        if row.version != expected_version:
            raise ConflictError("Pertemuan ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        if row.held_on > clock.today():
            raise ValidationError("Kehadiran dicatat pada atau sesudah hari pertemuan.")
        if not isinstance(present, (set, frozenset, list, tuple)) or any(type(i) is not uuid.UUID for i in present):
            raise ValidationError("Daftar hadir tidak sah.")
        if not isinstance(guests, Guests):
            raise ValidationError("Jumlah tamu tidak sah.", field="guests")
        wanted = set(present)
        if len(wanted) > MAX_PRESENT:
            raise ValidationError(f"Paling banyak {MAX_PRESENT:,} anggota hadir.".replace(",", "."))
        check_guests(guests)
        if not wanted and guests.total == 0:
            raise ValidationError("Centang anggota yang hadir atau isi jumlah tamu.")
        people = {
            member_id: (name, join_date, left_on)
            for member_id, name, join_date, left_on in session.execute(
                select(Member.id, Member.full_name, Member.join_date, Member.left_on).where(Member.id.in_(wanted)))
        } if wanted else {}
        if len(people) != len(wanted):
            raise ValidationError("Daftar hadir memuat orang yang bukan anggota.")
        for name, join_date, left_on in people.values():
            if join_date > row.held_on:
                raise ValidationError(f"{name} baru menjadi anggota sesudah hari pertemuan.")
            if left_on is not None and left_on <= row.held_on:
                raise ValidationError(f"{name} sudah keluar dari keanggotaan sebelum hari pertemuan.")
        before_ids = set(session.scalars(
            select(CommunityMeetingAttendance.member_id).where(CommunityMeetingAttendance.meeting_id == meeting_id)))
        before_guests = {name: getattr(row, f"guests_{name}") for name in GUEST_COLUMNS}
        removed, added = before_ids - wanted, wanted - before_ids
        if removed:
            session.execute(delete(CommunityMeetingAttendance).where(
                CommunityMeetingAttendance.meeting_id == meeting_id, CommunityMeetingAttendance.member_id.in_(removed)))
        now = clock.now()
        session.add_all([CommunityMeetingAttendance(meeting_id=meeting_id, member_id=member_id, recorded_by=actor.user_id,
                                                    recorded_at=now) for member_id in sorted(added)])
        for name, value in asdict(guests).items():
            setattr(row, f"guests_{name}", value)
        first = row.attendance_taken_at is None
        if first:
            row.attendance_taken_at = now
        session.flush()
        if first or added or removed or before_guests != asdict(guests):
            audit.record(
                session, actor, action=AuditAction.MEETING_ATTENDANCE_RECORDED, entity="meeting", entity_id=meeting_id,
                before=None if first else {"members": len(before_ids), "guests": before_guests},
                after={"members": len(wanted), "guests": asdict(guests),
                       "added": sorted(str(i) for i in added), "removed": sorted(str(i) for i in removed)},
            )
        return len(wanted)
