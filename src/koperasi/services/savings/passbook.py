"""The buku simpanan: print what is not in the member's book yet, on the next free line of the page where
the last print stopped, and remember where the book now ends once the clerk says it printed right.

A full or lost book is replaced by a new one: its print starts on page 1, line 1 with what the old book did
not hold yet. The book's number is how many new books the audit log records for the member, plus one (no
column of its own: the PASSBOOK_RESET event is written in the same transaction as the position)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import AuditEvent, SavingsMovement, SavingsPassbook
from koperasi.domain.errors import ConflictError, ValidationError
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.savings.papers import (
    PASSBOOK_CODES,
    PASSBOOK_LEFT_MM,
    PASSBOOK_LINES,
    PASSBOOK_TOP_MM,
    PassbookLayout,
    PassbookLine,
    PassbookPrint,
    place_lines,
)
from koperasi.domain.savings.rules import SavingsAction, SavingsKind
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.office.profile import current_office
from koperasi.services.office.settings import change_setting, read_setting, value_of
from koperasi.services.savings import book
from koperasi.services.transaction import write

REVERSAL_CODE = "BT"  # batal


def _recorded(session: Session, member_id: uuid.UUID) -> list[SavingsMovement]:
    """The member's movements in the order they were recorded: a backdated one still prints on the next line."""
    return list(session.scalars(
        select(SavingsMovement).where(SavingsMovement.member_id == member_id)
        .order_by(SavingsMovement.created_at, SavingsMovement.id)
    ))


def _layout(session: Session) -> PassbookLayout:
    return PassbookLayout(value_of(session, PASSBOOK_TOP_MM), value_of(session, PASSBOOK_LEFT_MM), value_of(session, PASSBOOK_LINES))


_PAPER_SETTINGS = (PASSBOOK_TOP_MM, PASSBOOK_LEFT_MM, PASSBOOK_LINES)


@dataclass(frozen=True, slots=True)
class PassbookPaper:
    """The passbook paper's calibration as its form holds it, with the versions a change must still find."""

    layout: PassbookLayout
    versions: tuple[int, int, int]  # of PASSBOOK_TOP_MM, PASSBOOK_LEFT_MM, PASSBOOK_LINES (0: the default)


def passbook_paper(session: Session, actor: Actor) -> PassbookPaper:
    authorize(session, actor, Permission.USE_APP)
    (top, top_version), (left, left_version), (lines, lines_version) = (
        read_setting(session, actor, setting) for setting in _PAPER_SETTINGS)
    return PassbookPaper(PassbookLayout(top, left, lines), (top_version, left_version, lines_version))


def change_passbook_paper(
    session: Session, actor: Actor, layout: PassbookLayout, *, expected_versions: tuple[int, int, int]
) -> None:
    """Save the three calibration settings together: all or none (a refused line count leaves the offsets as
    they were), each changed one audited as a setting."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_SAVINGS_RATES)
        if not isinstance(layout, PassbookLayout):
            raise ValidationError("Isi geser cetakan dan jumlah baris per halaman.")
        if (not isinstance(expected_versions, tuple) or len(expected_versions) != len(_PAPER_SETTINGS)
                or any(type(version) is not int for version in expected_versions)):
            raise ConflictError("Pengaturan kertas buku simpanan sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        values = (layout.top_mm, layout.left_mm, layout.lines_per_page)
        for setting, value in zip(_PAPER_SETTINGS, values, strict=True):
            setting.check(value)  # every value before any is written
        for setting, value, version in zip(_PAPER_SETTINGS, values, expected_versions, strict=True):
            if value != value_of(session, setting):
                change_setting(session, actor, setting, value, expected_version=version)


def _book_number(session: Session, member_id: uuid.UUID) -> int:
    return 1 + session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.entity == "member", AuditEvent.entity_id == str(member_id),
        AuditEvent.action == AuditAction.PASSBOOK_RESET.value))


def passbook_print(session: Session, actor: Actor, member_id: uuid.UUID) -> PassbookPrint:
    """The lines still to print, placed from where the book was left (page 1, line 1 for a new book)."""
    authorize(session, actor, Permission.USE_APP)
    member = book.member_of(session, member_id)
    position = session.get(SavingsPassbook, member.id)
    printed, page, line = (position.printed, position.page, position.line) if position else (0, 1, 1)
    layout = _layout(session)
    rows = _recorded(session, member.id)
    balance = sum(row.change for row in rows[:printed])
    lines = []
    places = place_lines(page, line, len(rows) - printed, layout.lines_per_page)
    for row, (at_page, at_line) in zip(rows[printed:], places, strict=True):
        balance += row.change
        code = REVERSAL_CODE if SavingsAction(row.action) is SavingsAction.REVERSAL else PASSBOOK_CODES[SavingsKind(row.kind)]
        lines.append(PassbookLine(at_page, at_line, row.occurred_on, code, max(row.change, 0), max(-row.change, 0), balance))
    return PassbookPrint(current_office(session).profile, member.number, member.full_name, tuple(lines), printed,
                         position.version if position else 0, _book_number(session, member.id), layout)


def start_new_passbook(session: Session, actor: Actor, member_id: uuid.UUID, *, expected_version: int) -> int:
    """The member has a new buku simpanan (the old one full or lost): the next print starts on page 1,
    line 1 of it with what the old book did not hold yet. Returns the new book's number."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_SAVINGS_RATES)
        member = book.member_of(session, member_id)
        position = session.get(SavingsPassbook, member.id)
        if position is None:
            raise ValidationError("Buku simpanan anggota ini belum pernah dicetak: cetakan pertama sudah mulai di "
                                  "halaman 1 baris 1.")
        if position.version != expected_version:
            raise ConflictError("Buku simpanan ini baru saja diubah dari komputer lain. Muat ulang lalu periksa bukunya.")
        old_book = _book_number(session, member.id)
        before = {"book": old_book, "next_page": position.page, "next_line": position.line}
        position.page, position.line = 1, 1
        session.flush()
        audit.record(session, actor, action=AuditAction.PASSBOOK_RESET, entity="member", entity_id=member.id,
                     before=before, after={"book": old_book + 1, "next_page": 1, "next_line": 1})
        return old_book + 1


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
        # the line after the last one printed
        page, line = place_lines(page, line, printed - before + 1, value_of(session, PASSBOOK_LINES))[-1]
        if position is None:
            position = SavingsPassbook(member_id=member.id, printed=printed, page=page, line=line)
            session.add(position)
        else:
            position.printed, position.page, position.line = printed, page, line
        session.flush()
        audit.record(session, actor, action=AuditAction.PASSBOOK_PRINTED, entity="member", entity_id=member.id,
                     after={"lines": printed - before, "next_page": page, "next_line": line})
