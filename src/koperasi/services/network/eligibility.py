"""Who should hear of an opportunity: the members (or their out-of-school children) who meet its conditions,
and for one member the open opportunities that fit them or their children.

The list is one query over the register (the member list's covering indexes serve the place, sex and age);
``domain/network/opportunities.fits`` says the same rule for one person, and a test holds the two together.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, cast, func, literal, null, select
from sqlalchemy.orm import Session

from koperasi.db.models import (
    Category,
    Desa,
    HouseholdMember,
    Kecamatan,
    Member,
    MemberCategory,
    TrainingBatch,
    TrainingCertificate,
    TrainingParticipant,
)
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.members.register import MemberStatus, SchoolStatus, age_on
from koperasi.domain.network.opportunities import Conditions, Person, born_by, fits
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.network.opportunities import OpportunityRow, get_opportunity, list_opportunities
from koperasi import clock

OUT_OF_SCHOOL = (SchoolStatus.DROPPED_OUT.value, SchoolStatus.NEVER.value)
MAX_LISTED = 20_000  # rows a list returns at most; the total says how many more


@dataclass(frozen=True, slots=True)
class EligiblePerson:
    member_id: uuid.UUID
    household_member_id: uuid.UUID | None  # the child, for a children's opportunity
    member_number: str
    name: str  # the member, or the child
    parent: str  # the member, when ``name`` is their child; "" otherwise
    sex: str
    age: int | None
    desa: str
    phone: str


@dataclass(frozen=True, slots=True)
class EligibleFilter:
    """The clerk narrowing the list beyond the opportunity's conditions: to call one desa first, say."""

    kecamatan_code: str | None = None
    desa_id: uuid.UUID | None = None
    category: str | None = None  # a vulnerability category's code
    sex: Sex | None = None  # of the person listed (the child, on a children's opportunity)

    def audited(self) -> dict[str, str]:
        return {name: str(getattr(self, name)) for name in self.__slots__ if getattr(self, name) is not None}


@dataclass(frozen=True, slots=True)
class EligibleList:
    total: int
    people: tuple[EligiblePerson, ...]  # by name, at most the limit asked for


@dataclass(frozen=True, slots=True)
class MemberOpportunity:
    opportunity: OpportunityRow
    person: str  # the member's name or their child's
    household_member_id: uuid.UUID | None


def eligible_people(session: Session, actor: Actor, opportunity_id: uuid.UUID, *, limit: int = 1_000,
                    narrow: EligibleFilter = EligibleFilter()) -> EligibleList:
    authorize(session, actor, Permission.USE_APP)
    if type(limit) is not int or not 1 <= limit <= MAX_LISTED:
        raise ValidationError(f"Jumlah baris antara 1 dan {MAX_LISTED:,}.".replace(",", "."), field="limit")
    conditions = get_opportunity(session, actor, opportunity_id).data.conditions
    today = clock.today()
    # One pass over the register: the first page by name and, beside each of its rows, how many match in all.
    # Only the names are sorted; the rest (desa, telephone, birth date) is read for the page's rows alone.
    keys = _children_query(conditions, today) if conditions.for_children else _members_query(conditions, today)
    keys = _narrowed(keys, _checked(session, narrow), HouseholdMember.sex if conditions.for_children else Member.sex)
    hits = keys.add_columns(func.count().over().label("total")).order_by("name", "member_number").limit(limit).subquery()
    rows = session.execute(_page(hits, conditions.for_children)).all()
    return EligibleList(int(rows[0].total) if rows else 0, tuple(
        EligiblePerson(row.member_id, row.household_member_id, row.member_number, row.name, row.parent, row.sex,
                       age_on(row.birth_date, today) if row.birth_date else None, row.desa, row.phone)
        for row in rows))


def _checked(session: Session, narrow: EligibleFilter) -> EligibleFilter:
    """The narrowing as given, once each place and category it names is known (a stale choice says so)."""
    if not isinstance(narrow, EligibleFilter):
        raise ValidationError("Saringan daftar tidak sah.", field="narrow")
    if narrow.sex and narrow.sex not in {sex.value for sex in Sex}:
        raise ValidationError("Jenis kelamin pada saringan tidak dikenal.", field="sex")
    for value, kind, model, what in ((narrow.desa_id, uuid.UUID, Desa, "Desa"), (narrow.kecamatan_code, str, Kecamatan, "Kecamatan"),
                                     (narrow.category, str, Category, "Kategori")):
        if value and (not isinstance(value, kind) or session.get(model, value) is None):
            raise NotFound(f"{what} pada saringan tidak ditemukan. Tutup daftar ini lalu buka lagi.")
    return narrow


def _narrowed(query: Select, narrow: EligibleFilter, sex) -> Select:
    if narrow.kecamatan_code:
        query = query.where(Member.kecamatan_code == narrow.kecamatan_code)
    if narrow.desa_id:
        query = query.where(Member.desa_id == narrow.desa_id)
    if narrow.category:
        query = query.where(Member.id.in_(select(MemberCategory.member_id).where(MemberCategory.category_code == narrow.category)))
    if narrow.sex:
        query = query.where(sex == Sex(narrow.sex).value)
    return query


def _page(hits, for_children: bool) -> Select:
    if for_children:
        person = (HouseholdMember.full_name.label("name"), Member.full_name.label("parent"), HouseholdMember.sex.label("sex"),
                  HouseholdMember.birth_date.label("birth_date"))
    else:
        person = (Member.full_name.label("name"), literal("").label("parent"), Member.sex.label("sex"),
                  Member.birth_date.label("birth_date"))
    query = select(hits.c.member_id, hits.c.household_member_id, hits.c.member_number, *person, Desa.name.label("desa"),
                   Member.phone.label("phone"), hits.c.total).join(Member, Member.id == hits.c.member_id)
    if for_children:
        query = query.join(HouseholdMember, HouseholdMember.id == hits.c.household_member_id)
    return query.join(Desa, Desa.id == Member.desa_id).order_by(hits.c.name, hits.c.member_number)


def opportunities_for_member(session: Session, actor: Actor, member_id: uuid.UUID) -> list[MemberOpportunity]:
    """The open opportunities the member (or an out-of-school child of theirs) may take."""
    authorize(session, actor, Permission.USE_APP)
    member = session.get(Member, member_id)
    if member is None or member.status != MemberStatus.ACTIVE.value:
        return []
    categories = frozenset(session.scalars(select(MemberCategory.category_code).where(MemberCategory.member_id == member_id)))
    certified = _certified_programmes(session)
    people = [(member.full_name, None, Person(member.kecamatan_code, member.desa_id, categories, Sex(member.sex), member.birth_date,
                                              certified(TrainingParticipant.member_id == member_id), member.occupation))]
    for child in session.scalars(select(HouseholdMember).where(HouseholdMember.member_id == member_id,
                                                               HouseholdMember.school_status.in_(OUT_OF_SCHOOL))):
        people.append((child.full_name, child.id, Person(
            member.kecamatan_code, member.desa_id, categories, Sex(child.sex), child.birth_date,
            certified(TrainingParticipant.household_member_id == child.id), member.occupation, out_of_school_child=True)))
    today = clock.today()
    found = []
    for row in list_opportunities(session, actor, open_only=True):
        conditions = get_opportunity(session, actor, row.id).data.conditions
        found += [MemberOpportunity(row, name, child_id) for name, child_id, person in people if fits(conditions, person, today)]
    return found


def _certified_programmes(session: Session):
    def certified(who) -> frozenset[uuid.UUID]:
        return frozenset(session.scalars(
            select(TrainingBatch.programme_id)
            .join(TrainingParticipant, TrainingParticipant.batch_id == TrainingBatch.id)
            .join(TrainingCertificate, TrainingCertificate.participant_id == TrainingParticipant.id)
            .where(who)))
    return certified


def _programme_holders(programme_ids: frozenset[uuid.UUID], column):
    return (select(column)
            .join(TrainingCertificate, TrainingCertificate.participant_id == TrainingParticipant.id)
            .join(TrainingBatch, TrainingBatch.id == TrainingParticipant.batch_id)
            .where(TrainingBatch.programme_id.in_(programme_ids), column.is_not(None)))


def _place_and_member_filters(query: Select, c: Conditions) -> Select:
    query = query.where(Member.status == MemberStatus.ACTIVE.value)
    if c.kecamatan_code:
        query = query.where(Member.kecamatan_code == c.kecamatan_code)
    if c.desa_id:
        query = query.where(Member.desa_id == c.desa_id)
    if c.categories:
        query = query.where(Member.id.in_(select(MemberCategory.member_id).where(MemberCategory.category_code.in_(c.categories))))
    if c.livelihood:
        query = query.where(func.lower(Member.occupation).contains(c.livelihood.lower(), autoescape=True))
    return query


def _age_filters(query: Select, column, c: Conditions, today: date) -> Select:
    if c.min_age is not None:
        query = query.where(column <= born_by(today, c.min_age))
    if c.max_age is not None:
        query = query.where(column > born_by(today, c.max_age + 1))
    return query


def _members_query(c: Conditions, today: date) -> Select:
    query = select(Member.id.label("member_id"), cast(null(), Member.id.type).label("household_member_id"),
                   Member.number.label("member_number"), Member.full_name.label("name"))
    query = _place_and_member_filters(query, c)
    if c.sex:
        query = query.where(Member.sex == c.sex.value)
    query = _age_filters(query, Member.birth_date, c, today)
    if c.programme_ids:
        query = query.where(Member.id.in_(_programme_holders(c.programme_ids, TrainingParticipant.member_id)))
    return query


def _children_query(c: Conditions, today: date) -> Select:
    query = (
        select(Member.id.label("member_id"), HouseholdMember.id.label("household_member_id"), Member.number.label("member_number"),
               HouseholdMember.full_name.label("name"))
        .join(Member, Member.id == HouseholdMember.member_id)
        .where(HouseholdMember.school_status.in_(OUT_OF_SCHOOL))
    )
    query = _place_and_member_filters(query, c)
    if c.sex:
        query = query.where(HouseholdMember.sex == c.sex.value)
    if c.min_age is not None or c.max_age is not None:
        query = _age_filters(query.where(HouseholdMember.birth_date.is_not(None)), HouseholdMember.birth_date, c, today)
    if c.programme_ids:
        query = query.where(HouseholdMember.id.in_(_programme_holders(c.programme_ids, TrainingParticipant.household_member_id)))
    return query


