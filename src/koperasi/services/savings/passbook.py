"""The buku simpanan: print what is not in the member's book yet, on the next free line of the page where
the last print stopped, and remember where the book now ends once the clerk says it printed right."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import SavingsMovement, SavingsPassbook
from koperasi.domain.errors import ConflictError, ValidationError
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.savings.papers import PASSBOOK_CODES, PassbookLine, PassbookPrint, place_lines
from koperasi.domain.savings.rules import SavingsAction, SavingsKind
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.office.profile import current_office
from koperasi.services.savings import book
from koperasi.services.transaction import write

REVERSAL_CODE = "BT"  # batal


def _recorded(session: Session, member_id: uuid.UUID) -> list[SavingsMovement]:
    """The member's movements in the order they were recorded: a backdated one still prints on the next line."""
    return list(session.scalars(
        select(SavingsMovement).where(SavingsMovement.member_id == member_id)
        .order_by(SavingsMovement.created_at, SavingsMovement.id)
    ))


def passbook_print(session: Session, actor: Actor, member_id: uuid.UUID) -> PassbookPrint:
    """The lines still to print, placed from where the book was left (page 1, line 1 for a new book)."""
    authorize(session, actor, Permission.USE_APP)
    member = book.member_of(session, member_id)
    position = session.get(SavingsPassbook, member.id)
    printed, page, line = (position.printed, position.page, position.line) if position else (0, 1, 1)
    rows = _recorded(session, member.id)
    balance = sum(row.change for row in rows[:printed])
    lines = []
    for row, (at_page, at_line) in zip(rows[printed:], place_lines(page, line, len(rows) - printed), strict=True):
        balance += row.change
        code = REVERSAL_CODE if SavingsAction(row.action) is SavingsAction.REVERSAL else PASSBOOK_CODES[SavingsKind(row.kind)]
        lines.append(PassbookLine(at_page, at_line, row.occurred_on, code, max(row.change, 0), max(-row.change, 0), balance))
    return PassbookPrint(current_office(session).profile, member.number, member.full_name, tuple(lines), printed,
                         position.version if position else 0)


def record_passbook_printed(
    session: Session, actor: Actor, member_id: uuid.UUID, *, printed: int, expected_version: int
) -> None:
    """The clerk saw the lines come out right: the book now holds the first ``printed`` movements and the
    next print starts on the line after the last one."""
    with write(session):
        authorize(session, actor, Permission.RECORD_SAVINGS)
        member = book.member_of(session, member_id)
        position = session.get(SavingsPassbook, member.id)
        if (position.version if position else 0) != expected_version:
            raise ConflictError("Buku simpanan ini baru saja dicetak dari komputer lain. Muat ulang lalu periksa bukunya.")
        before, page, line = (position.printed, position.page, position.line) if position else (0, 1, 1)
        total = len(_recorded(session, member.id))
        if isinstance(printed, bool) or not isinstance(printed, int) or not before < printed <= total:
            raise ValidationError("Tidak ada baris baru yang dicetak di buku simpanan.")
        page, line = place_lines(page, line, printed - before + 1)[-1]  # the line after the last one printed
        if position is None:
            position = SavingsPassbook(member_id=member.id, printed=printed, page=page, line=line)
            session.add(position)
        else:
            position.printed, position.page, position.line = printed, page, line
        session.flush()
        audit.record(session, actor, action=AuditAction.PASSBOOK_PRINTED, entity="member", entity_id=member.id,
                     after={"lines": printed - before, "next_page": page, "next_line": line})
