"""The BPS garis kemiskinan the office enters: per person a month, from a day on, rural or urban.

BPS publishes it twice a year per province; the office types in the new figure with the day it applies
from. A figure for a day already entered is corrected in place (audited before/after), older ones stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import PovertyLine
from koperasi.domain.errors import ValidationError
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.transaction import write

AREAS = {"perdesaan": "Perdesaan (desa)", "perkotaan": "Perkotaan (kelurahan)"}
MAX_LINE = 100_000_000


@dataclass(frozen=True, slots=True)
class PovertyLineView:
    valid_from: date
    area: str
    amount: int


def poverty_lines(session: Session, actor: Actor) -> list[PovertyLineView]:
    """Every figure entered, newest first."""
    authorize(session, actor, Permission.USE_APP)
    rows = session.scalars(select(PovertyLine).order_by(PovertyLine.valid_from.desc(), PovertyLine.area))
    return [PovertyLineView(row.valid_from, row.area, row.amount) for row in rows]


def set_poverty_line(session: Session, actor: Actor, *, valid_from: date, area: str, amount: int) -> None:
    with write(session):
        authorize(session, actor, Permission.MANAGE_IMPACT)
        if type(valid_from) is not date or not date(2000, 1, 1) <= valid_from <= date(2200, 1, 1):
            raise ValidationError("Tanggal berlaku garis kemiskinan tidak sah.", field="valid_from")
        if area not in AREAS:
            raise ValidationError("Pilih perdesaan atau perkotaan.", field="area")
        if isinstance(amount, bool) or not isinstance(amount, int) or not 0 < amount <= MAX_LINE:
            raise ValidationError("Garis kemiskinan harus rupiah bulat lebih dari nol per orang per bulan.", field="amount")
        row = session.get(PovertyLine, (valid_from, area))
        before = {"rupiah per orang per bulan": row.amount} if row is not None else None
        if row is None:
            session.add(PovertyLine(valid_from=valid_from, area=area, amount=amount))
        else:
            row.amount = amount
        session.flush()
        audit.record(session, actor, action=AuditAction.POVERTY_LINE_SET, entity="poverty_line",
                     entity_id=f"{valid_from.isoformat()}/{area}", before=before, after={"rupiah per orang per bulan": amount})
