"""Finding members in a register of 100,000: filters and sorting in SQL, rows fetched by page.

The Anggota table asks how many members match, then for the page of rows it is about to
show. Filtering and ordering run on covering indexes, so neither needs the wide table.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from koperasi.db.models import Desa, GroupMembership, Kecamatan, Member, MemberCategory
from koperasi.domain.members import MemberStatus, age_on
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize


class MemberSort(StrEnum):
    NUMBER = "number"
    NAME = "name"
    JOIN_DATE = "join_date"


@dataclass(frozen=True, slots=True)
class MemberFilter:
    text: str = ""
    kecamatan_code: str | None = None
    desa_id: uuid.UUID | None = None
    category: str | None = None
    group_id: uuid.UUID | None = None
    status: MemberStatus | None = MemberStatus.ACTIVE
    sex: Sex | None = None


@dataclass(frozen=True, slots=True)
class MemberRow:
    id: uuid.UUID
    number: str
    full_name: str
    nik: str
    sex: Sex
    age: int
    desa: str
    kecamatan: str
    phone: str
    join_date: date
    status: MemberStatus


def count_members(session: Session, actor: Actor, where: MemberFilter) -> int:
    authorize(session, actor, Permission.USE_APP)
    return session.scalar(_filtered(select(func.count(Member.id)), where)) or 0


@dataclass(frozen=True, slots=True)
class MemberPage:
    total: int  # members matching the filter, all pages together
    rows: list[MemberRow]


def member_page(
    session: Session,
    actor: Actor,
    where: MemberFilter,
    *,
    sort: MemberSort = MemberSort.NAME,
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
    today: date | None = None,
) -> MemberPage:
    """One page of the filtered, sorted list, and how many match in all.

    The page's ids come from a scan of a covering index (``ix_members_list`` for the name
    order); only those rows are joined with desa and kecamatan. A first page shorter than
    ``limit`` is the whole result, so a narrow search needs no second scan to count.
    """
    authorize(session, actor, Permission.USE_APP)
    today = today or date.today()
    column = _SORT_COLUMNS[sort]
    order = [column.desc(), Member.number.desc()] if descending else [column.asc(), Member.number.asc()]
    page = _filtered(select(Member.id), where).order_by(*order).offset(max(0, offset)).limit(max(1, limit)).subquery()
    rows = session.execute(_row_columns().join(page, page.c.id == Member.id).order_by(*order)).all()
    total = len(rows) if offset == 0 and len(rows) < limit else count_members(session, actor, where)
    return MemberPage(total, [_row(row, today) for row in rows])


def matching_ids(session: Session, actor: Actor, where: MemberFilter) -> list[uuid.UUID]:
    """Every matching member's id in number order (for exports: one scan, then pages by id)."""
    authorize(session, actor, Permission.USE_APP)
    return list(session.scalars(_filtered(select(Member.id), where).order_by(Member.number)))


def rows_for(session: Session, ids: list[uuid.UUID], *, today: date | None = None) -> list[MemberRow]:
    """The list rows of ``ids``, in that order."""
    today = today or date.today()
    found = {row.id: row for row in session.execute(_row_columns().where(Member.id.in_(ids)))}
    return [_row(found[member_id], today) for member_id in ids if member_id in found]


def _row_columns() -> Select:
    return (
        select(
            Member.id, Member.number, Member.full_name, Member.nik, Member.sex, Member.birth_date,
            Member.phone, Member.join_date, Member.status, Desa.name.label("desa"), Kecamatan.name.label("kecamatan"),
        )
        .join(Desa, Desa.id == Member.desa_id)
        .join(Kecamatan, Kecamatan.code == Member.kecamatan_code)
    )


def _row(row, today: date) -> MemberRow:
    return MemberRow(
        id=row.id,
        number=row.number,
        full_name=row.full_name,
        nik=row.nik or "",
        sex=Sex(row.sex),
        age=age_on(row.birth_date, today),
        desa=row.desa,
        kecamatan=row.kecamatan,
        phone=row.phone,
        join_date=row.join_date,
        status=MemberStatus(row.status),
    )


_SORT_COLUMNS = {MemberSort.NUMBER: Member.number, MemberSort.NAME: Member.full_name, MemberSort.JOIN_DATE: Member.join_date}


def _filtered(query: Select, where: MemberFilter) -> Select:
    for word in where.text.lower().split():
        query = query.where(Member.search_text.contains(word, autoescape=True))
    if where.kecamatan_code:
        query = query.where(Member.kecamatan_code == where.kecamatan_code)
    if where.desa_id:
        query = query.where(Member.desa_id == where.desa_id)
    if where.status:
        query = query.where(Member.status == where.status.value)
    if where.sex:
        query = query.where(Member.sex == where.sex.value)
    if where.category:
        query = query.where(
            Member.id.in_(select(MemberCategory.member_id).where(MemberCategory.category_code == where.category))
        )
    if where.group_id:
        query = query.where(
            Member.id.in_(
                select(GroupMembership.member_id).where(
                    GroupMembership.group_id == where.group_id, GroupMembership.left_on.is_(None)
                )
            )
        )
    return query
