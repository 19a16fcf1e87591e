"""Referrals (rujukan): who was told of or referred to an opportunity, by whom and when, the numbered letter,
and the outcome with its day. One without an outcome N days on (the setting) is a follow-up for the clerk."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import HouseholdMember, Member, Opportunity, Referral, User
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.members.register import MemberStatus
from koperasi.domain.network.opportunities import Outcome, OpportunityKind
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.office.numbering import DocumentType
from koperasi.domain.office.settings import REFERRAL_FOLLOW_UP_DAYS
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.network.opportunities import opportunity_row
from koperasi.services.office import audit
from koperasi.services.office.numbering import next_number
from koperasi.services.office.profile import current_office
from koperasi.services.office.settings import read_setting
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class ReferralRow:
    id: uuid.UUID
    opportunity_id: uuid.UUID
    opportunity: str
    kind: OpportunityKind
    member_id: uuid.UUID
    member_number: str
    person: str  # the member, or the child referred
    for_child: bool
    referred_on: date
    referred_by: str
    letter_number: str  # "" until a letter is written
    outcome: Outcome | None
    outcome_on: date | None
    version: int


def refer(session: Session, actor: Actor, opportunity_id: uuid.UUID, member_id: uuid.UUID, *,
          household_member_id: uuid.UUID | None = None, referred_on: date, note: str = "") -> uuid.UUID:
    """Record that a member (or their child) was told of or referred to an opportunity."""
    with write(session):
        authorize(session, actor, Permission.WRITE_REFERRALS)
        opportunity = opportunity_row(session, opportunity_id)
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("Anggota tidak ditemukan.")
        if member.status != MemberStatus.ACTIVE.value:
            raise ValidationError(f"{member.full_name} sudah keluar dari keanggotaan: tidak dapat dirujuk.", field="member_id")
        if type(referred_on) is not date or referred_on > clock.today():
            raise ValidationError("Tanggal rujukan tidak boleh di hari yang akan datang.", field="referred_on")
        if referred_on < member.join_date:
            raise ValidationError("Tanggal rujukan sebelum anggota bergabung.", field="referred_on")
        if opportunity.closed:
            raise ValidationError("Peluang ini sudah ditutup: buka lagi dulu bila masih berlaku.")
        child = None
        if household_member_id is not None:
            child = session.get(HouseholdMember, household_member_id)
            if child is None or child.member_id != member_id:
                raise ValidationError("Anak yang dirujuk bukan anggota keluarga anggota ini.", field="household_member_id")
        if opportunity.for_children and child is None:
            raise ValidationError("Peluang ini untuk anak: pilih anak yang dirujuk.", field="household_member_id")
        if not opportunity.for_children and child is not None:
            raise ValidationError("Peluang ini untuk anggota sendiri, bukan untuk anaknya.", field="household_member_id")
        note = " ".join(str(note).replace("\x00", "").split())
        if len(note) > 250:
            raise ValidationError("Catatan paling panjang 250 huruf.", field="note")
        twice = session.scalar(select(Referral.id).where(
            Referral.opportunity_id == opportunity_id, Referral.member_id == member_id,
            Referral.household_member_id.is_(None) if child is None else Referral.household_member_id == child.id).limit(1))
        if twice is not None:
            raise ConflictError("Orang ini sudah dirujuk ke peluang ini.")
        row = Referral(opportunity_id=opportunity_id, member_id=member_id, household_member_id=household_member_id,
                       referred_on=referred_on, referred_by=actor.user_id, note=note, created_at=clock.now())
        session.add(row)
        session.flush()
        audit.record(session, actor, action=AuditAction.REFERRAL_RECORDED, entity="referral", entity_id=row.id,
                     after={"opportunity": opportunity.title, "member": member.number,
                            "person": child.full_name if child else member.full_name, "referred_on": referred_on.isoformat()})
        return row.id


def issue_letter(session: Session, actor: Actor, referral_id: uuid.UUID) -> str:
    """The referral's letter number: taken from its own gapless counter the first time, the same number after."""
    with write(session):
        authorize(session, actor, Permission.WRITE_REFERRALS)
        row = referral_row(session, referral_id)
        if row.letter_number:
            return row.letter_number
        today = clock.today()
        row.letter_number = next_number(session, office_code=current_office(session).profile.code, doc_type=DocumentType.REFERRAL,
                                        year=today.year)
        row.letter_issued_on = today
        session.flush()
        audit.record(session, actor, action=AuditAction.REFERRAL_LETTER_ISSUED, entity="referral", entity_id=row.id,
                     after={"letter_number": row.letter_number})
        return row.letter_number


def record_outcome(session: Session, actor: Actor, referral_id: uuid.UUID, outcome: Outcome, *, on: date, expected_version: int) -> None:
    """What came of it (melamar, diterima...; for a child: kembali sekolah, Paket A/B/C); a later outcome replaces it, audited."""
    with write(session):
        authorize(session, actor, Permission.WRITE_REFERRALS)
        row = referral_row(session, referral_id)
        if row.version != expected_version:
            raise ConflictError("Rujukan ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        try:
            outcome = Outcome(outcome)
        except ValueError:
            raise ValidationError("Pilih hasil rujukan.", field="outcome") from None
        if outcome.for_children_only and row.household_member_id is None:
            raise ValidationError("Hasil “kembali sekolah” dan “Paket A/B/C” hanya untuk rujukan anak.", field="outcome")
        if type(on) is not date or on > clock.today():
            raise ValidationError("Tanggal hasil tidak boleh di hari yang akan datang.", field="on")
        if on < row.referred_on:
            raise ValidationError("Tanggal hasil tidak boleh sebelum tanggal rujukan.", field="on")
        before = {"outcome": row.outcome, "outcome_on": row.outcome_on.isoformat() if row.outcome_on else None}
        row.outcome, row.outcome_on = outcome.value, on
        session.flush()
        audit.record(session, actor, action=AuditAction.REFERRAL_OUTCOME_RECORDED, entity="referral", entity_id=row.id,
                     before=before, after={"outcome": outcome.value, "outcome_on": on.isoformat()})


def referrals(session: Session, actor: Actor, *, opportunity_id: uuid.UUID | None = None, member_id: uuid.UUID | None = None,
              waiting_only: bool = False) -> list[ReferralRow]:
    """Newest first; ``waiting_only``: those without an outcome the setting's number of days after referral, oldest first."""
    authorize(session, actor, Permission.USE_APP)
    query = (
        select(Referral, Opportunity.title, Opportunity.kind, Member.number, Member.full_name, HouseholdMember.full_name, User.full_name)
        .join(Opportunity, Opportunity.id == Referral.opportunity_id)
        .join(Member, Member.id == Referral.member_id)
        .outerjoin(HouseholdMember, HouseholdMember.id == Referral.household_member_id)
        .join(User, User.id == Referral.referred_by)
    )
    if opportunity_id is not None:
        query = query.where(Referral.opportunity_id == opportunity_id)
    if member_id is not None:
        query = query.where(Referral.member_id == member_id)
    if waiting_only:
        query = query.where(Referral.outcome.is_(None), Referral.referred_on <= waiting_since(session, actor))
        query = query.order_by(Referral.referred_on, Referral.created_at)
    else:
        query = query.order_by(Referral.referred_on.desc(), Referral.created_at.desc())
    return [
        ReferralRow(row.id, row.opportunity_id, title, OpportunityKind(kind), row.member_id, number, child or name, child is not None,
                    row.referred_on, by, row.letter_number or "", Outcome(row.outcome) if row.outcome else None, row.outcome_on, row.version)
        for row, title, kind, number, name, child, by in session.execute(query)
    ]


def waiting_since(session: Session, actor: Actor) -> date:
    """Referrals made on or before this day without an outcome wait for the clerk."""
    days, _ = read_setting(session, actor, REFERRAL_FOLLOW_UP_DAYS)
    return clock.today() - timedelta(days=days)


def outcome_counts(session: Session, actor: Actor, *, year: int) -> dict[Outcome | None, int]:
    """Referrals made in a year by their outcome (None: none yet), for Beranda and the report."""
    authorize(session, actor, Permission.USE_APP)
    if type(year) is not int or not 2000 <= year <= 2100:
        raise ValidationError("Tahun tidak masuk akal.", field="year")
    counts: Counter[Outcome | None] = Counter()
    for outcome, count in session.execute(
        select(Referral.outcome, func.count()).where(Referral.referred_on.between(date(year, 1, 1), date(year, 12, 31)))
        .group_by(Referral.outcome)
    ):
        counts[Outcome(outcome) if outcome else None] += int(count)
    return dict(counts)


def referral_row(session: Session, referral_id: uuid.UUID) -> Referral:
    row = session.get(Referral, referral_id)
    if row is None:
        raise NotFound("Rujukan tidak ditemukan.")
    return row
