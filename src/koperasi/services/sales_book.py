"""What every consignment write and report reads: a producer's name, stock on hand, and what the
cooperative owes them. Counted from the append-only rows, with reversed ones left out.

Not a public service: callers have opened their transaction and checked the actor's permission.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import ConsignmentIntake, Member, MemberGroup, Payout, Sale, SaleLine
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.members import MemberStatus
from koperasi.domain.sales import Producer


@dataclass(frozen=True, slots=True)
class ProducerName:
    name: str
    identity: str  # member number, or "Kelompok" for a group


def producer_name(session: Session, producer: Producer) -> ProducerName:
    if producer.member_id is not None:
        member = session.get(Member, producer.member_id)
        if member is None:
            raise NotFound("Anggota penitip tidak ditemukan.")
        return ProducerName(member.full_name, member.number)
    group = session.get(MemberGroup, producer.group_id)
    if group is None:
        raise NotFound("Kelompok penitip tidak ditemukan.")
    return ProducerName(group.name, "Kelompok")


def check_producer_active(session: Session, producer: Producer) -> ProducerName:
    name = producer_name(session, producer)
    if producer.member_id is not None and session.get(Member, producer.member_id).status != MemberStatus.ACTIVE:
        raise ValidationError(f"{name.name} sudah keluar dari koperasi.", field="producer")
    if producer.group_id is not None and not session.get(MemberGroup, producer.group_id).active:
        raise ValidationError(f"Kelompok {name.name} sudah tidak aktif.", field="producer")
    return name


def of_producer(model, producer: Producer) -> ColumnElement[bool]:
    """A WHERE clause for ``model`` rows (intakes, sale lines, payouts) of ``producer``."""
    if producer.member_id is not None:
        return model.member_id == producer.member_id
    return model.group_id == producer.group_id


def standing_intakes():
    """Intake rows that were not cancelled, and are not cancellations themselves."""
    cancel = aliased(ConsignmentIntake)
    return (
        select(ConsignmentIntake)
        .outerjoin(cancel, cancel.reversal_of_id == ConsignmentIntake.id)
        .where(cancel.id.is_(None), ConsignmentIntake.reversal_of_id.is_(None))
    )


def standing_sale_lines():
    """Lines of sales that were not cancelled (a cancelled sale gives its goods and money back)."""
    cancel = aliased(Sale)
    return (
        select(SaleLine)
        .join(Sale, Sale.id == SaleLine.sale_id)
        .outerjoin(cancel, cancel.reversal_of_id == Sale.id)
        .where(cancel.id.is_(None))
    )


def standing_payouts():
    cancel = aliased(Payout)
    return (
        select(Payout)
        .outerjoin(cancel, cancel.reversal_of_id == Payout.id)
        .where(cancel.id.is_(None), Payout.reversal_of_id.is_(None))
    )


def stock_of(session: Session, producer: Producer, product_id: uuid.UUID) -> int:
    """Thousandths of a unit the producer has with the cooperative, unsold."""
    received = standing_intakes().where(of_producer(ConsignmentIntake, producer), ConsignmentIntake.product_id == product_id).subquery()
    sold = standing_sale_lines().where(of_producer(SaleLine, producer), SaleLine.product_id == product_id).subquery()
    return int(session.scalar(select(func.coalesce(func.sum(received.c.quantity_milli), 0))) or 0) - int(
        session.scalar(select(func.coalesce(func.sum(sold.c.quantity_milli), 0))) or 0
    )


def payable_to(session: Session, producer: Producer) -> int:
    """What the cooperative owes the producer: shares of standing sales minus standing payouts."""
    shares = standing_sale_lines().where(of_producer(SaleLine, producer)).subquery()
    paid = standing_payouts().where(of_producer(Payout, producer)).subquery()
    return int(session.scalar(select(func.coalesce(func.sum(shares.c.producer_share), 0))) or 0) - int(
        session.scalar(select(func.coalesce(func.sum(paid.c.amount), 0))) or 0
    )


def producer_of(row) -> Producer:
    return Producer(member_id=row.member_id, group_id=row.group_id)

