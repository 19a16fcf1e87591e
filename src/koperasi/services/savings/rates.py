"""The pokok and wajib amounts the AD/ART sets, each in force from a month on."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import SavingsRate
from koperasi.domain.errors import ConflictError, ValidationError
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.savings.rules import RATED_KINDS, SavingsKind, check_rate
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class RateView:
    id: uuid.UUID
    kind: SavingsKind
    effective_from: date
    amount: int
    version: int


def savings_rates(session: Session, actor: Actor) -> list[RateView]:
    """Every rate set, pokok first, each kind oldest first."""
    authorize(session, actor, Permission.USE_APP)
    rows = session.scalars(select(SavingsRate).order_by(SavingsRate.kind, SavingsRate.effective_from))
    return [RateView(row.id, SavingsKind(row.kind), row.effective_from, row.amount, row.version) for row in rows]


def set_rate(
    session: Session, actor: Actor, *, kind: SavingsKind, effective_from: date, amount: int, expected_version: int = 0
) -> RateView:
    """Set the amount in force from ``effective_from``'s month; the month's earlier amount is replaced
    (``expected_version`` is the one read, 0 for a month without one)."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_SAVINGS_RATES)
        if kind not in RATED_KINDS:
            raise ValidationError("Besar simpanan diatur hanya untuk simpanan pokok dan wajib.", field="kind")
        kind = SavingsKind(kind)
        rate = check_rate(effective_from, amount)
        row = session.scalar(
            select(SavingsRate).where(SavingsRate.kind == kind.value, SavingsRate.effective_from == rate.effective_from)
        )
        if (row.version if row else 0) != expected_version:
            raise ConflictError("Besar simpanan bulan ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        before = {"amount": format_rupiah(row.amount)} if row else None
        if row is None:
            row = SavingsRate(id=uuid.uuid4(), kind=kind.value, effective_from=rate.effective_from, amount=rate.amount,
                              created_by=actor.user_id, created_at=clock.now())
            session.add(row)
        else:
            row.amount = rate.amount
        session.flush()
        audit.record(
            session, actor, action=AuditAction.SAVINGS_RATE_SET, entity="savings_rate", entity_id=row.id,
            before=before,
            after={"kind": kind.label, "effective_from": rate.effective_from.isoformat(), "amount": format_rupiah(rate.amount)},
        )
        return RateView(row.id, kind, row.effective_from, row.amount, row.version)
