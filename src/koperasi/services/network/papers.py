"""What the network's papers say: a meeting's daftar hadir and notulen, an opportunity's notice and the list of
who should hear of it, and the referral letter."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import Category, Desa, HouseholdMember, Kecamatan, MeetingFollowUp, Member
from koperasi.domain.errors import ValidationError
from koperasi.domain.network.papers import (
    EligibleLine,
    EligibleSheet,
    MeetingMinutes,
    MeetingParticulars,
    MeetingSheet,
    MinutesFollowUp,
    OpportunityNotice,
    ReferralLetter,
    SheetMember,
)
from koperasi.domain.people import Sex
from koperasi.domain.phone import format_phone
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.network.meeting_attendance import ChecklistRow, attendance_checklist
from koperasi.services.network.meetings import MeetingView, get_meeting
from koperasi.services.network.eligibility import MAX_LISTED, EligibleFilter, eligible_people
from koperasi.services.network.opportunities import get_opportunity
from koperasi.services.network.referrals import issue_letter, referral_row
from koperasi.services.office.profile import current_office
from koperasi import clock


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


def opportunity_notice(session: Session, actor: Actor, opportunity_id: uuid.UUID) -> OpportunityNotice:
    authorize(session, actor, Permission.USE_APP)
    view = get_opportunity(session, actor, opportunity_id)
    d = view.data
    return OpportunityNotice(current_office(session).profile, d.kind.label, d.title, d.provider, d.description, view.who,
                             view.where, d.deadline, d.cost, d.how_to_apply, d.contact, d.source)


def eligible_sheet(session: Session, actor: Actor, opportunity_id: uuid.UUID, narrow: EligibleFilter = EligibleFilter()) -> EligibleSheet:
    """Everyone who should hear of it (up to the list's limit, narrowed as the clerk chose), numbered, with a telephone to call."""
    authorize(session, actor, Permission.USE_APP)
    view = get_opportunity(session, actor, opportunity_id)
    found = eligible_people(session, actor, opportunity_id, limit=MAX_LISTED, narrow=narrow)
    lines = tuple(EligibleLine(n, p.name, p.parent, p.member_number, p.sex, p.age, p.desa, format_phone(p.phone) if p.phone else "")
                  for n, p in enumerate(found.people, start=1))
    return EligibleSheet(current_office(session).profile, view.data.title, view.who + _narrowing(session, narrow), view.where,
                         view.data.deadline, found.total, lines, clock.today())


def _narrowing(session: Session, narrow: EligibleFilter) -> str:
    """What the clerk narrowed the list to, in words, so a printed list for one desa says so."""
    parts = []
    if narrow.desa_id:
        parts.append(f"Desa {session.get(Desa, narrow.desa_id).name}")
    elif narrow.kecamatan_code:
        parts.append(f"Kec. {session.get(Kecamatan, narrow.kecamatan_code).name}")
    if narrow.category:
        parts.append(session.get(Category, narrow.category).name)
    if narrow.sex:
        parts.append(Sex(narrow.sex).label.lower())
    return f" (daftar ini hanya: {', '.join(parts)})" if parts else ""


def referral_letter(session: Session, actor: Actor, referral_id: uuid.UUID) -> ReferralLetter:
    """The letter for one referral; its number is taken (once) from the referral letters' own counter."""
    number = issue_letter(session, actor, referral_id)
    row = referral_row(session, referral_id)
    member = session.get(Member, row.member_id)
    child = session.get(HouseholdMember, row.household_member_id) if row.household_member_id else None
    opportunity = get_opportunity(session, actor, row.opportunity_id).data
    desa = session.get(Desa, member.desa_id)
    kecamatan = session.get(Kecamatan, member.kecamatan_code)
    address = ", ".join(part for part in (member.address, f"Desa {desa.name}", f"Kec. {kecamatan.name}") if part)
    office = current_office(session)
    return ReferralLetter(
        office=office.profile, number=number, issued_on=row.letter_issued_on, person=child.full_name if child else member.full_name,
        member_number=member.number, parent=member.full_name if child else "", sex=child.sex if child else member.sex,
        birth_date=child.birth_date if child else member.birth_date, address=address, opportunity=opportunity.title,
        kind=opportunity.kind.label, provider=opportunity.provider, place=office.kecamatan_name or "Sarolangun",
    )
