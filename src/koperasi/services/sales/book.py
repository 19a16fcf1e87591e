"""What every consignment write and report reads: a producer's name, stock on hand, and what the
cooperative owes them. Counted from the append-only rows, with reversed ones left out.

Not a public service: callers have opened their transaction and checked the actor's permission.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, bindparam, case, func, select
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
            raise _not_found(producer)
        return member
    group = session.get(MemberGroup, producer.group_id)
    if group is None:
        raise _not_found(producer)
    return group


def _not_found(producer: Producer) -> NotFound:
    return NotFound("Anggota penitip tidak ditemukan." if producer.member_id is not None else "Kelompok penitip tidak ditemukan.")


def _name_of(row: Member | MemberGroup) -> ProducerName:
    return ProducerName(row.full_name, row.number) if isinstance(row, Member) else ProducerName(row.name, "Kelompok")


def producer_name(session: Session, producer: Producer) -> ProducerName:
    return _name_of(_producer_row(session, producer))


def check_producer_active(session: Session, producer: Producer) -> ProducerName:
    # One read of the row: the session holds it only while referenced, so a second get would SELECT again.
    row = _producer_row(session, producer)
    name = _name_of(row)
    _refuse_inactive(producer, name, row.status == MemberStatus.ACTIVE if isinstance(row, Member) else row.active)
    return name


def _refuse_inactive(producer: Producer, name: ProducerName, active: bool) -> None:
    if active:
        return
    if producer.member_id is not None:
        raise ValidationError(f"{name.name} sudah keluar dari koperasi.", field="producer")
    raise ValidationError(f"Kelompok {name.name} sudah tidak aktif.", field="producer")


# Plain statements over the tables, built once, for the sale at the counter: one read per kind of producer
# for all its lines, not one per line; a statement object keeps its cache key, one built per call computes
# it every time.
_MEMBERS, _GROUPS = Member.__table__, MemberGroup.__table__
_INTAKES, _LINES, _SALES = ConsignmentIntake.__table__, SaleLine.__table__, Sale.__table__
_MEMBER_PRODUCERS = select(_MEMBERS.c.id, _MEMBERS.c.full_name, _MEMBERS.c.number, _MEMBERS.c.status).where(
    _MEMBERS.c.id.in_(bindparam("ids", expanding=True))
)
_GROUP_PRODUCERS = select(_GROUPS.c.id, _GROUPS.c.name, _GROUPS.c.active).where(
    _GROUPS.c.id.in_(bindparam("ids", expanding=True))
)


def producers_standing(session: Session, producers: Collection[Producer]) -> dict[Producer, tuple[ProducerName, bool]]:
    """Each producer found: its name and whether it may still consign (a member not left, a group active)."""
    members = [producer.member_id for producer in producers if producer.member_id is not None]
    groups = [producer.group_id for producer in producers if producer.member_id is None]
    found: dict[Producer, tuple[ProducerName, bool]] = {}
    if members:
        for row in session.execute(_MEMBER_PRODUCERS, {"ids": members}):
            found[Producer(member_id=row.id)] = (ProducerName(row.full_name, row.number), row.status == MemberStatus.ACTIVE)
    if groups:
        for row in session.execute(_GROUP_PRODUCERS, {"ids": groups}):
            found[Producer(group_id=row.id)] = (ProducerName(row.name, "Kelompok"), row.active)
    return found


def require_active(producer: Producer, standing: dict[Producer, tuple[ProducerName, bool]]) -> ProducerName:
    """``check_producer_active`` on what ``producers_standing`` read."""
    if producer not in standing:
        raise _not_found(producer)
    name, active = standing[producer]
    _refuse_inactive(producer, name, active)
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


def _of_members(table) -> ColumnElement[bool]:
    return table.c.member_id.in_(bindparam("producers", expanding=True)) & table.c.group_id.is_(None)


def _of_groups(table) -> ColumnElement[bool]:
    return table.c.member_id.is_(None) & table.c.group_id.in_(bindparam("producers", expanding=True))


def _received(of) -> Select:
    signed = case((_INTAKES.c.reversal_of_id.is_(None), _INTAKES.c.quantity_milli), else_=-_INTAKES.c.quantity_milli)
    return (
        select(_INTAKES.c.member_id, _INTAKES.c.group_id, _INTAKES.c.product_id, func.sum(signed))
        .where(of(_INTAKES), _INTAKES.c.product_id.in_(bindparam("products", expanding=True)))
        .group_by(_INTAKES.c.member_id, _INTAKES.c.group_id, _INTAKES.c.product_id)
    )


def _sold(of) -> Select:
    cancel = _SALES.alias("cancel")
    return (
        select(_LINES.c.member_id, _LINES.c.group_id, _LINES.c.product_id, func.sum(_LINES.c.quantity_milli))
        .join(_SALES, _SALES.c.id == _LINES.c.sale_id)
        .outerjoin(cancel, cancel.c.reversal_of_id == _SALES.c.id)
        .where(cancel.c.id.is_(None), of(_LINES), _LINES.c.product_id.in_(bindparam("products", expanding=True)))
        .group_by(_LINES.c.member_id, _LINES.c.group_id, _LINES.c.product_id)
    )


# Members' and groups' rows apart: each condition then walks the (member_id, group_id, product_id) indexes.
_STOCK_OF_MEMBERS, _STOCK_OF_GROUPS = (_received(_of_members), _sold(_of_members)), (_received(_of_groups), _sold(_of_groups))


def stock_of_pairs(session: Session, pairs: Collection[tuple[Producer, uuid.UUID]]) -> dict[tuple[Producer, uuid.UUID], int]:
    """``stock_of`` for each (producer, product) of a sale: two queries for its members' goods and two for its
    groups', whatever the number of lines; 0 for none."""
    stock = dict.fromkeys(pairs, 0)
    for of_members, (received, sold) in ((True, _STOCK_OF_MEMBERS), (False, _STOCK_OF_GROUPS)):
        mine = [(producer, product_id) for producer, product_id in stock if (producer.member_id is not None) == of_members]
        if not mine:
            continue
        parameters = {
            "producers": list({producer.member_id if of_members else producer.group_id for producer, _ in mine}),
            "products": list({product_id for _, product_id in mine}),
        }
        # Asked as producers x products, the answer may hold pairs no line sold: only the sale's pairs count.
        for sign, statement in ((1, received), (-1, sold)):
            for member_id, group_id, product_id, quantity in session.execute(statement, parameters):
                key = (Producer(member_id=member_id, group_id=group_id), product_id)
                if key in stock:
                    stock[key] += sign * int(quantity or 0)
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

