"""Exporting the filtered member list to Excel, in the roster's columns so it imports again."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import Category, Member, MemberCategory
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.members.excel import COLUMNS, roster_sheet
from koperasi.services.sheet_import import cell, workbook_bytes
from koperasi.services.members.search import MemberFilter, MemberRow, matching_ids, rows_for
from koperasi.services.transaction import write

PAGE = 1_000


def export_members(
    session: Session, actor: Actor, where: MemberFilter, *, progress: Callable[[int, int], None] | None = None
) -> bytes:
    """Every member matching ``where``, by number, as .xlsx: Nomor anggota, Status, then the roster columns.

    Read page by page into a write-only workbook, so 100,000 members are never all in memory.
    """
    authorize(session, actor, Permission.USE_APP)
    ids = matching_ids(session, actor, where)  # one scan; then pages by id, never by OFFSET (refused before a workbook is open)
    workbook = Workbook(write_only=True)
    sheet = roster_sheet(workbook, before=[("Nomor anggota", 14), ("Status", 9)])
    done = 0
    for start in range(0, len(ids), PAGE):
        chunk = ids[start : start + PAGE]
        details = _details(session, chunk)
        for row in rows_for(session, chunk):
            sheet.append([cell(sheet, value) for value in _values(row, details[row.id])])
        done += len(chunk)
        if progress is not None:
            progress(done, len(ids))
    content = workbook_bytes(workbook)
    with write(session):
        audit.record(session, actor, action=AuditAction.MEMBERS_EXPORTED, entity="member", entity_id="", after={"rows": done})
    return content


@dataclass(slots=True)
class _Details:
    """The roster columns the member list does not show."""

    kk_number: str
    birth_place: str
    birth_date: date
    address: str
    occupation: str
    categories: list[str] = field(default_factory=list)


def _details(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, _Details]:
    found = {
        row.id: _Details(row.kk_number, row.birth_place, row.birth_date, row.address, row.occupation)
        for row in session.execute(
            select(Member.id, Member.kk_number, Member.birth_place, Member.birth_date, Member.address, Member.occupation)
            .where(Member.id.in_(ids))
        )
    }
    categories = session.execute(
        select(MemberCategory.member_id, Category.name)
        .join(Category, Category.code == MemberCategory.category_code)
        .where(MemberCategory.member_id.in_(ids))
        .order_by(Category.position)
    )
    for member_id, name in categories:
        found[member_id].categories.append(name)
    return found


def _values(row: MemberRow, more: _Details) -> list[object]:
    roster = {
        "full_name": row.full_name, "nik": row.nik, "kk_number": more.kk_number, "sex": row.sex.value,
        "birth_place": more.birth_place, "birth_date": more.birth_date, "address": more.address,
        "kecamatan": row.kecamatan, "desa": row.desa, "phone": row.phone, "occupation": more.occupation,
        "categories": "; ".join(more.categories), "join_date": row.join_date,
    }
    # Empty text goes out as an empty cell, which is how the import reads "not given".
    return [row.number, row.status.label, *(roster[c.key] or None for c in COLUMNS)]
