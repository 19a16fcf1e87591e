"""Consignment (titip jual): goods a member or a group hands over, and what stays in stock."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import ConsignmentIntake, Member, MemberGroup, Sale, SaleLine, SalesProduct
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.ledger import check_reason
from koperasi.domain.office.numbering import DocumentType
from koperasi.domain.paging import page_bounds
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.sales.rules import Producer, check_quantity, format_quantity
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.office.numbering import next_number
from koperasi.services.office.profile import the_office
from koperasi.services.sales.book import (
    check_producer_active,
    of_producer,
    producer_name,
    producer_of,
    standing_intakes,
    standing_sale_lines,
    stock_of,
)
from koperasi.services.transaction import write
from koperasi import clock


def record_intake(
    session: Session, actor: Actor, *, producer: Producer, product_id: uuid.UUID, quantity_milli: int, received_on: date,
    note: str = "",
) -> str:
    """Receive goods to sell; returns the tanda terima number."""
    with write(session):
        authorize(session, actor, Permission.RECORD_SALES)
        name = check_producer_active(session, producer)
        product = session.get(SalesProduct, product_id)
        if product is None or not product.active:
            raise ValidationError("Pilih barang yang aktif di katalog.", field="product_id")
        check_quantity(quantity_milli)
        if received_on > clock.today():
            raise ValidationError("Tanggal terima tidak boleh di masa depan.", field="received_on")
        number = next_number(session, office_code=the_office(session).code, doc_type=DocumentType.INTAKE, year=received_on.year)
        row = ConsignmentIntake(
            number=number, member_id=producer.member_id, group_id=producer.group_id, product_id=product_id,
            quantity_milli=quantity_milli, received_on=received_on, note=" ".join(note.split())[:250],
            created_by=actor.user_id, created_at=clock.now(),
        )
        session.add(row)
        session.flush()
        audit.record(session, actor, action=AuditAction.INTAKE_RECORDED, entity="intake", entity_id=row.id,
                     after={"number": number, "producer": name.name, "name": product.name,
                            "amount": format_quantity(quantity_milli, product.unit)})
        return number


def reverse_intake(session: Session, actor: Actor, intake_id: uuid.UUID, *, reason: str) -> None:
    """Cancel a mistaken intake; refused when the goods were already sold."""
    with write(session):
        authorize(session, actor, Permission.REVERSE_SALES)
        original = session.get(ConsignmentIntake, intake_id)
        if original is None or original.reversal_of_id is not None:
            raise NotFound("Titipan tidak ditemukan.")
        if session.scalar(select(ConsignmentIntake.id).where(ConsignmentIntake.reversal_of_id == intake_id)):
            raise ValidationError("Titipan ini sudah dibatalkan.")
        reason = check_reason(reason, "pembatalan")
        producer = producer_of(original)
        product = session.get(SalesProduct, original.product_id)
        if stock_of(session, producer, original.product_id) < original.quantity_milli:
            raise ValidationError(
                f"Sebagian {product.name} dari titipan ini sudah terjual; batalkan penjualannya dahulu."
            )
        row = ConsignmentIntake(
            number=f"{original.number}-BATAL", member_id=original.member_id, group_id=original.group_id,
            product_id=original.product_id, quantity_milli=original.quantity_milli, received_on=clock.today(),
            note=reason, reversal_of_id=original.id, created_by=actor.user_id, created_at=clock.now(),
        )
        session.add(row)
        session.flush()
        audit.record(session, actor, action=AuditAction.INTAKE_REVERSED, entity="intake", entity_id=original.id,
                     before={"number": original.number}, reason=reason)


@dataclass(frozen=True, slots=True)
class StockRow:
    producer: Producer
    producer_name: str
    producer_identity: str
    product_id: uuid.UUID
    product: str
    unit: str
    default_price: int
    received_milli: int
    sold_milli: int

    @property
    def on_hand_milli(self) -> int:
        return self.received_milli - self.sold_milli


def stock(session: Session, actor: Actor, *, producer: Producer | None = None, product_id: uuid.UUID | None = None,
          in_stock_only: bool = True, as_of: date | None = None) -> list[StockRow]:
    """Stock per producer and product (received minus sold, mistakes left out), now or at the end of a day."""
    authorize(session, actor, Permission.USE_APP)
    received, sold = standing_intakes(), standing_sale_lines()
    if as_of is not None:
        received, sold = received.where(ConsignmentIntake.received_on <= as_of), sold.where(Sale.sold_on <= as_of)
    if producer is not None:
        received, sold = received.where(of_producer(ConsignmentIntake, producer)), sold.where(of_producer(SaleLine, producer))
    if product_id is not None:
        received, sold = received.where(ConsignmentIntake.product_id == product_id), sold.where(SaleLine.product_id == product_id)
    totals: dict[tuple[uuid.UUID | None, uuid.UUID | None, uuid.UUID], list[int]] = {}
    for source, index in ((received.subquery(), 0), (sold.subquery(), 1)):
        query = select(source.c.member_id, source.c.group_id, source.c.product_id, func.sum(source.c.quantity_milli)).group_by(
            source.c.member_id, source.c.group_id, source.c.product_id
        )
        for member_id, group_id, prod_id, quantity in session.execute(query):
            totals.setdefault((member_id, group_id, prod_id), [0, 0])[index] = int(quantity)
    products = {row.id: row for row in session.scalars(select(SalesProduct))}
    rows = []
    for (member_id, group_id, prod_id), (got, gone) in totals.items():
        owner = Producer(member_id=member_id, group_id=group_id)
        if in_stock_only and got - gone <= 0:
            continue
        name = producer_name(session, owner)
        item = products[prod_id]
        rows.append(StockRow(owner, name.name, name.identity, prod_id, item.name, item.unit, item.default_price, got, gone))
    return sorted(rows, key=lambda row: (row.product.lower(), row.producer_name.lower()))


@dataclass(frozen=True, slots=True)
class IntakeRow:
    id: uuid.UUID
    number: str
    received_on: date
    producer_name: str
    product: str
    unit: str
    quantity_milli: int
    note: str
    cancelled: bool


def recent_intakes(session: Session, actor: Actor, *, limit: int = 200) -> list[IntakeRow]:
    authorize(session, actor, Permission.USE_APP)
    cancelled = set(session.scalars(select(ConsignmentIntake.reversal_of_id).where(ConsignmentIntake.reversal_of_id.is_not(None))))
    rows = session.execute(
        select(ConsignmentIntake, SalesProduct.name, SalesProduct.unit, Member.full_name, MemberGroup.name)
        .join(SalesProduct, SalesProduct.id == ConsignmentIntake.product_id)
        .outerjoin(Member, Member.id == ConsignmentIntake.member_id)
        .outerjoin(MemberGroup, MemberGroup.id == ConsignmentIntake.group_id)
        .where(ConsignmentIntake.reversal_of_id.is_(None))
        .order_by(ConsignmentIntake.received_on.desc(), ConsignmentIntake.created_at.desc())
        .limit(page_bounds(0, limit, most=5000)[1])
    )
    return [
        IntakeRow(row.id, row.number, row.received_on, member_name or group_name, product, unit, row.quantity_milli, row.note,
                  row.id in cancelled)
        for row, product, unit, member_name, group_name in rows
    ]


