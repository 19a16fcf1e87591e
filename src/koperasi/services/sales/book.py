"""What every consignment write and report reads: a producer's name, stock on hand, and what the
cooperative owes them. Counted from the append-only rows, with reversed ones left out.

Not a public service: callers have opened their transaction and checked the actor's permission.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import ConsignmentIntake, Member, MemberGroup, Payout, Sale, SaleLine
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.members.register import MemberStatus
from koperasi.domain.sales.rules import Producer


@dataclass(frozen=True, slots=True)
class ProducerName:
    name: str
    identity: str  # member number, or "Kelompok" for a group


def _producer_row(session: Session, producer: Producer) -> Member | MemberGroup:
    if producer.member_id is not None:
        member = session.get(Member, producer.member_id)
        if member is None:
            raise NotFound("Anggota penitip tidak ditemukan.")
        return member
    group = session.get(MemberGroup, producer.group_id)
    if group is None:
        raise NotFound("Kelompok penitip tidak ditemukan.")
    return group


def _name_of(row: Member | MemberGroup) -> ProducerName:
    return ProducerName(row.full_name, row.number) if isinstance(row, Member) else ProducerName(row.name, "Kelompok")


def producer_name(session: Session, producer: Producer) -> ProducerName:
    return _name_of(_producer_row(session, producer))


def check_producer_active(session: Session, producer: Producer) -> ProducerName:
    # One read of the row: the session holds it only while referenced, so a second get would SELECT again.
    row = _producer_row(session, producer)
    name = _name_of(row)
    if isinstance(row, Member) and row.status != MemberStatus.ACTIVE:
        raise ValidationError(f"{name.name} sudah keluar dari koperasi.", field="producer")
    if isinstance(row, MemberGroup) and not row.active:
        raise ValidationError(f"Kelompok {name.name} sudah tidak aktif.", field="producer")
    return name


def of_producer(model, producer: Producer) -> ColumnElement[bool]:
    """A WHERE clause for ``model`` rows (intakes, sale lines, payouts) of ``producer``."""
    # Both columns, though one of them is always NULL (a row has one producer): that way the
    # (member_id, group_id, product_id) indexes find a group's rows, and a member's rows of one
    # product, instead of the database scanning every line or every row not cancelled.
    if producer.member_id is not None:
        return (model.member_id == producer.member_id) & model.group_id.is_(None)
    return model.member_id.is_(None) & (model.group_id == producer.group_id)


# The cancelling rows, joined to find what was cancelled. Made once: an alias made per call
# rebuilt its columns every time, which cost a 10-line sale more than its queries. A statement
# uses each standing_*() at most once, so the shared alias never meets itself.
_INTAKE_CANCEL = aliased(ConsignmentIntake)
_SALE_CANCEL = aliased(Sale)
_PAYOUT_CANCEL = aliased(Payout)


def standing_intakes():
    """Intake rows that were not cancelled, and are not cancellations themselves."""
    cancel = _INTAKE_CANCEL
    return (
        select(ConsignmentIntake)
        .outerjoin(cancel, cancel.reversal_of_id == ConsignmentIntake.id)
        .where(cancel.id.is_(None), ConsignmentIntake.reversal_of_id.is_(None))
    )


def standing_sale_lines():
    """Lines of sales that were not cancelled (a cancelled sale gives its goods and money back)."""
    cancel = _SALE_CANCEL
    return (
        select(SaleLine)
        .join(Sale, Sale.id == SaleLine.sale_id)
        .outerjoin(cancel, cancel.reversal_of_id == Sale.id)
        .where(cancel.id.is_(None))
    )


def standing_payouts():
    cancel = _PAYOUT_CANCEL
    return (
        select(Payout)
        .outerjoin(cancel, cancel.reversal_of_id == Payout.id)
        .where(cancel.id.is_(None), Payout.reversal_of_id.is_(None))
    )


def stock_of(session: Session, producer: Producer, product_id: uuid.UUID) -> int:
    """Thousandths of a unit the producer has with the cooperative, unsold."""
    sold = standing_sale_lines().where(of_producer(SaleLine, producer), SaleLine.product_id == product_id)
    return _net(session, ConsignmentIntake, ConsignmentIntake.quantity_milli, of_producer(ConsignmentIntake, producer),
                ConsignmentIntake.product_id == product_id) - _total(session, sold, SaleLine.quantity_milli)


def stock_by_product(session: Session, producer: Producer, product_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, int]:
    """``stock_of`` for several of the producer's products in two queries (a sale's lines), 0 for none."""
    intakes = case((ConsignmentIntake.reversal_of_id.is_(None), ConsignmentIntake.quantity_milli),
                   else_=-ConsignmentIntake.quantity_milli)
    received = session.execute(
        select(ConsignmentIntake.product_id, func.sum(intakes))
        .where(of_producer(ConsignmentIntake, producer), ConsignmentIntake.product_id.in_(product_ids))
        .group_by(ConsignmentIntake.product_id)
    ).all()
    sold = session.execute(
        standing_sale_lines().where(of_producer(SaleLine, producer), SaleLine.product_id.in_(product_ids))
        .with_only_columns(SaleLine.product_id, func.sum(SaleLine.quantity_milli)).group_by(SaleLine.product_id)
    ).all()
    stock = dict.fromkeys(product_ids, 0)
    for product_id, quantity in received:
        stock[product_id] += int(quantity or 0)
    for product_id, quantity in sold:
        stock[product_id] -= int(quantity or 0)
    return stock


def payable_to(session: Session, producer: Producer) -> int:
    """What the cooperative owes the producer: shares of standing sales minus standing payouts."""
    shares = standing_sale_lines().where(of_producer(SaleLine, producer))
    return _total(session, shares, SaleLine.producer_share) - _net(session, Payout, Payout.amount, of_producer(Payout, producer))


def _net(session: Session, model, column, *conditions) -> int:
    """The standing total of an intake or payout column: originals minus cancellations.

    A cancellation copies its original's producer, product and quantity or amount
    (consignment.reverse_intake, payouts.approve_payout_reversal; the rows are append-only), so this
    equals the sum over standing rows, without the join: SQLite would otherwise walk the
    unique index on reversal_of_id for "IS NULL", i.e. every row, on each line of a sale.
    """
    signed = case((model.reversal_of_id.is_(None), column), else_=-column)
    return int(session.scalar(select(func.coalesce(func.sum(signed), 0)).where(*conditions)) or 0)


def _total(session: Session, rows, column) -> int:
    return int(session.scalar(rows.with_only_columns(func.coalesce(func.sum(column), 0))) or 0)


def producer_of(row) -> Producer:
    return Producer(member_id=row.member_id, group_id=row.group_id)

