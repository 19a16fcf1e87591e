"""Which Beranda areas were saved to since its figures were read: the audit trail says.

Every save writes an audit event in its own transaction (services/office/audit.py), whoever made it, in
whichever tab or dialog, on this computer or another (PostgreSQL). Beranda keeps the newest event's id
from its last read (the mark); the entities of the events after it name the areas to read again. Writers
take turns (services/transaction.lock_writers), so ids are committed in order and none is skipped. An
entity not named here reads every area again: a new kind of record is never missed, only read in full.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import AuditEvent
from koperasi.domain.errors import ValidationError
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.dashboard.figures import EVERY_AREA, Area

# The areas whose figures a record of each audited entity enters. A member's or group's name shows in the
# loan tile's oldest arrears; regions and categories name the members tile's rows.
_AREAS_OF: dict[str, frozenset[Area]] = {
    **dict.fromkeys(("member", "group"), frozenset({Area.MEMBERS, Area.LOANS})),
    **dict.fromkeys(("category", "desa", "kecamatan", "wilayah"), frozenset({Area.MEMBERS})),
    **dict.fromkeys(("loan", "loan_movement", "fund", "product"), frozenset({Area.LOANS})),
    **dict.fromkeys(("programme", "batch", "session"), frozenset({Area.TRAININGS})),
    **dict.fromkeys(("sale", "payout", "intake", "sales_product", "channel", "buyer"), frozenset({Area.SALES})),
    **dict.fromkeys(("meeting", "referral", "opportunity", "follow_up", "network_list"), frozenset({Area.NETWORK})),
    # In no tile: accounts and log-ins, backups, the office's profile and keys, savings, the books, impact, the district.
    **dict.fromkeys((
        "user", "backup", "office", "office_key", "saving", "cash_entry", "shu_payment", "book_closing", "shu_division",
        "ledger_account", "savings_rate", "poverty_line", "impact_report", "success_story",
        "district_office", "district_packet", "district_key",
    ), frozenset()),
}


@dataclass(frozen=True, slots=True)
class Changes:
    mark: int  # the newest audit event's id (0 before the first)
    areas: frozenset[Area]  # to read again since the mark asked about


def changes_since(session: Session, actor: Actor, *, mark: int | None) -> Changes:
    """The areas saved to after audit event ``mark``; with no mark (nothing read yet), every area."""
    authorize(session, actor, Permission.USE_APP)
    if mark is not None and (type(mark) is not int or mark < 0):
        raise ValidationError("Penanda perubahan Beranda tidak sah.", field="mark")
    newest = int(session.scalar(select(func.coalesce(func.max(AuditEvent.id), 0))))
    if mark is None or mark > newest:  # a mark from another database (restored): read everything
        return Changes(newest, EVERY_AREA)
    entities = session.scalars(
        select(AuditEvent.entity).where(AuditEvent.id > mark, AuditEvent.id <= newest).distinct()
    ).all()
    return Changes(newest, areas_of(entities))


def areas_of(entities: Iterable[str]) -> frozenset[Area]:
    areas: set[Area] = set()
    for entity in entities:
        areas |= _AREAS_OF.get(entity, EVERY_AREA)
    return frozenset(areas)
