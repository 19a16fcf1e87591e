"""Selling consigned goods: a sale with its lines, its journal entry and its nota; returns by reversal.

Each line splits into the producer's share and the cooperative's commission (domain.sales);
the sale posts cash in, the producers' shares owed, and the commission earned, balanced,
in the same transaction. A line cannot sell more than its producer has in stock.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import Buyer, Sale, SaleLine, SalesChannel, SalesProduct, User
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.ledger import Account, credit, debit
from koperasi.domain.ledger import check_reason
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.numbering import DocumentType
from koperasi.domain.paging import page_bounds
from koperasi.domain.reversals import ReversalKind
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.sales.rules import Producer, SaleLineInput, effective_commission, format_quantity, split_line
from koperasi.domain.office.settings import SALES_COMMISSION
from koperasi.services import ledger, reversals
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.office.numbering import next_number
from koperasi.services.office.profile import office_code
from koperasi.services.sales import running
from koperasi.services.sales.book import (
    ProducerName, payable_to, producer_name, producer_of, producers_standing, require_active, stock_of_pairs,
)
from koperasi.services.office.settings import value_of
from koperasi.services.transaction import write
from koperasi import clock

MAX_LINES = 100

# Plain statements over the tables, built once: a statement object keeps its cache key (one built per sale
# computes it every time), and loading and flushing ORM objects cost a sale more than its queries.
_CHANNELS, _PRODUCT_ROWS = SalesChannel.__table__, SalesProduct.__table__
_CHANNEL = select(_CHANNELS.c.id, _CHANNELS.c.commission_bp, _CHANNELS.c.active).where(_CHANNELS.c.id == bindparam("id"))
_PRODUCTS = select(
    _PRODUCT_ROWS.c.id, _PRODUCT_ROWS.c.name, _PRODUCT_ROWS.c.unit, _PRODUCT_ROWS.c.commission_bp, _PRODUCT_ROWS.c.active
).where(_PRODUCT_ROWS.c.id.in_(bindparam("ids", expanding=True)))
_INSERT_SALE, _INSERT_LINES = insert(Sale.__table__), insert(SaleLine.__table__)


@dataclass(frozen=True, slots=True)
class SaleInput:
    sold_on: date
    channel_id: uuid.UUID
    lines: tuple[SaleLineInput, ...]
    buyer_id: uuid.UUID | None = None
    buyer_name: str = ""  # a walk-in buyer not kept in the list


@dataclass(frozen=True, slots=True)
class RecordedSale:
    id: uuid.UUID
    number: str
    total: int
    commission: int


def record_sale(session: Session, actor: Actor, data: SaleInput, *, request_id: uuid.UUID) -> RecordedSale:
    """Record a sale; a retried save with the same ``request_id`` returns the first and posts nothing."""
    with write(session):
        authorize(session, actor, Permission.RECORD_SALES)
        existing = ledger.find_entry(session, request_id, "sale", request={"sale": data})
        if existing is not None:
            sale = session.scalar(select(Sale).where(Sale.journal_entry_id == existing.id))
            return RecordedSale(sale.id, sale.number or "", sale.total, sale.commission)
        channel = session.execute(_CHANNEL, {"id": data.channel_id}).first()
        if channel is None or not channel.active:
            raise ValidationError("Pilih saluran penjualan yang aktif.", field="channel_id")
        buyer_name = _buyer_name(session, data)
        if data.sold_on > clock.today():
            raise ValidationError("Tanggal penjualan tidak boleh di masa depan.", field="sold_on")
        if not data.lines:
            raise ValidationError("Isi paling sedikit satu barang yang terjual.", field="lines")
        if len(data.lines) > MAX_LINES:
            raise ValidationError(f"Satu nota paling banyak {MAX_LINES} baris.", field="lines")
        default_bp = value_of(session, SALES_COMMISSION)
        # Every product and producer read once for the whole sale, not once per line.
        products = {product.id: product for product in session.execute(
            _PRODUCTS, {"ids": list({line.product_id for line in data.lines})})}
        standing = producers_standing(session, {line.producer for line in data.lines})
        names: dict[Producer, ProducerName] = {}
        rows, wanted = [], defaultdict(int)
        for index, line in enumerate(data.lines, start=1):
            product = products.get(line.product_id)
            if product is None or not product.active:
                raise ValidationError(f"Baris {index}: pilih barang yang aktif.", field="lines")
            name = names[line.producer] = require_active(line.producer, standing)
            rate = effective_commission(default_bp, product.commission_bp, channel.commission_bp)
            try:
                split = split_line(line.quantity_milli, line.unit_price, rate)
            except ValidationError as error:
                raise ValidationError(f"Baris {index}: {error}", field="lines") from error
            wanted[(line.producer, product.id)] += line.quantity_milli
            rows.append((line, product, name, rate, split))
        on_hand = stock_of_pairs(session, wanted)
        for (producer, product_id), quantity in wanted.items():
            if quantity > on_hand[(producer, product_id)]:
                product = products[product_id]
                raise ValidationError(
                    f"Stok {product.name} titipan {names[producer].name} tinggal "
                    f"{format_quantity(on_hand[(producer, product_id)], product.unit)}; "
                    f"tidak cukup untuk {format_quantity(quantity, product.unit)}.",
                    field="lines",
                )
        total = sum(split.total for *_, split in rows)
        commission = sum(split.commission for *_, split in rows)
        number = next_number(session, office_code=office_code(session), doc_type=DocumentType.SALES_NOTE, year=data.sold_on.year)
        lines = [debit(Account.CASH, total)]
        if total - commission:
            lines.append(credit(Account.PRODUCER_PAYABLE, total - commission))
        if commission:
            lines.append(credit(Account.COMMISSION_INCOME, commission))
        entry = ledger.post(session, actor, key=request_id, entry_date=data.sold_on, kind="sale",
                            description=f"Penjualan {number} kepada {buyer_name}", lines=lines, request={"sale": data})
        sale_id = uuid.uuid4()
        session.execute(_INSERT_SALE, {
            "id": sale_id, "number": number, "sold_on": data.sold_on, "channel_id": channel.id, "buyer_id": data.buyer_id,
            "buyer_name": buyer_name, "total": total, "commission": commission, "reversal_of_id": None, "reason": "",
            "journal_entry_id": entry.id, "created_by": actor.user_id, "created_at": clock.now(),
        })
        # One batched INSERT: every line names its member and its group (one of them None), so all share one
        # column set; no line's new id is read back.
        session.execute(_INSERT_LINES, [
            {"sale_id": sale_id, "product_id": product.id, "member_id": line.producer.member_id,
             "group_id": line.producer.group_id, "quantity_milli": line.quantity_milli, "unit_price": line.unit_price,
             "total": split.total, "commission_bp": rate, "commission": split.commission, "producer_share": split.producer_share}
            for line, product, _, rate, split in rows
        ])
        running.count_sale(session, sold_on=data.sold_on, channel_id=channel.id, lines=(
            running.LineFigures(line.producer.member_id or line.producer.group_id, split.total, split.commission,
                                split.producer_share)
            for line, _, _, _, split in rows
        ))
        audit.record(session, actor, action=AuditAction.SALE_RECORDED, entity="sale", entity_id=sale_id,
                     after={"number": number, "amount": format_rupiah(total), "rows": len(rows), "name": buyer_name})
        return RecordedSale(sale_id, number, total, commission)


def _buyer_name(session: Session, data: SaleInput) -> str:
    if data.buyer_id is not None:
        buyer = session.get(Buyer, data.buyer_id)
        if buyer is None or not buyer.active:
            raise ValidationError("Pilih pembeli yang aktif.", field="buyer_id")
        return buyer.name
    name = " ".join(data.buyer_name.split())
    if not 2 <= len(name) <= 120:
        raise ValidationError("Isi nama pembeli (atau pilih dari daftar).", field="buyer_name")
    return name


def request_sale_reversal(
    session: Session, actor: Actor, sale_id: uuid.UUID, *, reason: str, request_id: uuid.UUID
) -> uuid.UUID:
    """Ask for a sale to be cancelled (a return or a mistake); another user approves it (four eyes)."""
    with write(session):
        authorize(session, actor, Permission.REVERSE_SALES)
        if (known := reversals.known_request(session, request_id, ReversalKind.SALE, sale_id)) is not None:
            return known
        original, reason = _reversible_sale(session, sale_id, reason)
        return reversals.open_request(
            session, actor, kind=ReversalKind.SALE, target_id=original.id,
            summary=f"Penjualan {original.number} kepada {original.buyer_name}", amount=original.total, reason=reason,
            request_id=request_id,
        )


def approve_sale_reversal(session: Session, actor: Actor, reversal_request_id: uuid.UUID) -> uuid.UUID:
    """Approve another user's request: the goods go back to stock, the money back out. Returns the reversal row's id."""
    with write(session):
        authorize(session, actor, Permission.REVERSE_SALES)
        request = reversals.claim(session, actor, reversal_request_id, ReversalKind.SALE)
        if request.result_id is not None:
            return request.result_id
        original, reason = _reversible_sale(session, request.target_id, request.reason)
        entry = ledger.post_reversal(session, actor, original_id=original.journal_entry_id, key=request.id,
                                     entry_date=clock.today(), description=f"Pembatalan penjualan {original.number}: {reason}",
                                     request={"sale": original.id})
        row = Sale(
            id=uuid.uuid4(), number=None, sold_on=clock.today(), channel_id=original.channel_id, buyer_id=original.buyer_id,
            buyer_name=original.buyer_name, total=original.total, commission=original.commission, reversal_of_id=original.id,
            reason=reason, journal_entry_id=entry.id, created_by=actor.user_id, created_at=clock.now(),
        )
        session.add(row)
        session.flush()
        running.uncount_sale(session, original.id, sold_on=original.sold_on, channel_id=original.channel_id)
        audit.record(session, actor, action=AuditAction.SALE_REVERSED, entity="sale", entity_id=original.id,
                     before={"number": original.number, "amount": format_rupiah(original.total)}, reason=reason)
        reversals.settle(session, actor, request, row.id)
        return row.id


def _reversible_sale(session: Session, sale_id: uuid.UUID, reason: str) -> tuple[Sale, str]:
    """The sale and the checked reason, or why it cannot be cancelled now.

    Refused when a producer has since been paid more than the sale would leave them: the
    payout must be reversed first, so nobody's payable goes below zero.
    """
    original = session.get(Sale, sale_id)
    if original is None or original.reversal_of_id is not None:
        raise NotFound("Penjualan tidak ditemukan.")
    if session.scalar(select(Sale.id).where(Sale.reversal_of_id == sale_id)):
        raise ValidationError("Penjualan ini sudah dibatalkan.")
    reason = check_reason(reason, "pembatalan")
    shares: dict = defaultdict(int)
    for line in session.scalars(select(SaleLine).where(SaleLine.sale_id == sale_id)):
        shares[producer_of(line)] += line.producer_share
    for producer, share in shares.items():
        if payable_to(session, producer) < share:
            raise ValidationError(
                f"Hasil penjualan ini sudah dibayarkan kepada {producer_name(session, producer).name}; "
                "batalkan pembayarannya dahulu."
            )
    return original, reason


@dataclass(frozen=True, slots=True)
class SaleRow:
    id: uuid.UUID
    number: str
    sold_on: date
    channel: str
    buyer_name: str
    total: int
    commission: int
    cancelled: bool


@dataclass(frozen=True, slots=True)
class SalePage:
    total: int
    rows: list[SaleRow]


def sale_page(
    session: Session, actor: Actor, *, text: str = "", period_from: date | None = None, period_to: date | None = None,
    channel_id: uuid.UUID | None = None, offset: int = 0, limit: int = 200,
) -> SalePage:
    """Sales (not their reversals), newest first; the count runs only when the first page is full."""
    authorize(session, actor, Permission.USE_APP)
    cancel = aliased(Sale)
    query = (
        select(Sale.id, Sale.number, Sale.sold_on, SalesChannel.name, Sale.buyer_name, Sale.total, Sale.commission,
               cancel.id.label("cancelled_by"))
        .join(SalesChannel, SalesChannel.id == Sale.channel_id)
        .outerjoin(cancel, cancel.reversal_of_id == Sale.id)
        .where(Sale.reversal_of_id.is_(None))
    )
    count = select(func.count(Sale.id)).where(Sale.reversal_of_id.is_(None))
    for word in text.lower().split():
        condition = func.lower(Sale.number).contains(word, autoescape=True) | func.lower(Sale.buyer_name).contains(word, autoescape=True)
        query, count = query.where(condition), count.where(condition)
    for condition in (
        Sale.sold_on >= period_from if period_from else None,
        Sale.sold_on <= period_to if period_to else None,
        Sale.channel_id == channel_id if channel_id else None,
    ):
        if condition is not None:
            query, count = query.where(condition), count.where(condition)
    offset, limit = page_bounds(offset, limit)
    rows = session.execute(query.order_by(Sale.sold_on.desc(), Sale.number.desc()).offset(offset).limit(limit)).all()
    total = len(rows) if offset == 0 and len(rows) < limit else (session.scalar(count) or 0)
    return SalePage(total, [SaleRow(r.id, r.number, r.sold_on, r.name, r.buyer_name, r.total, r.commission, r.cancelled_by is not None)
                            for r in rows])


@dataclass(frozen=True, slots=True)
class SaleLineView:
    product: str
    unit: str
    producer: str
    quantity_milli: int
    unit_price: int
    total: int
    commission_bp: int
    commission: int
    producer_share: int


@dataclass(frozen=True, slots=True)
class SaleDetail:
    id: uuid.UUID
    number: str
    sold_on: date
    channel: str
    buyer_name: str
    buyer_address: str
    total: int
    commission: int
    lines: list[SaleLineView]
    recorded_by: str
    cancelled: bool
    cancel_reason: str


def sale_detail(session: Session, actor: Actor, sale_id: uuid.UUID) -> SaleDetail:
    authorize(session, actor, Permission.USE_APP)
    sale = session.get(Sale, sale_id)
    if sale is None or sale.reversal_of_id is not None:
        raise NotFound("Penjualan tidak ditemukan.")
    cancel = session.scalar(select(Sale).where(Sale.reversal_of_id == sale_id))
    buyer = session.get(Buyer, sale.buyer_id) if sale.buyer_id else None
    lines = [
        SaleLineView(product.name, product.unit, producer_name(session, producer_of(line)).name, line.quantity_milli,
                     line.unit_price, line.total, line.commission_bp, line.commission, line.producer_share)
        for line, product in session.execute(
            select(SaleLine, SalesProduct).join(SalesProduct, SalesProduct.id == SaleLine.product_id)
            .where(SaleLine.sale_id == sale_id).order_by(SaleLine.id)
        )
    ]
    return SaleDetail(
        sale.id, sale.number or "", sale.sold_on, session.get(SalesChannel, sale.channel_id).name, sale.buyer_name,
        buyer.address if buyer else "", sale.total, sale.commission, lines, session.get(User, sale.created_by).full_name,
        cancel is not None, cancel.reason if cancel else "",
    )



def rate_for(session: Session, actor: Actor, *, product_id: uuid.UUID, channel_id: uuid.UUID) -> int:
    """The commission (basis points) a line of this product sold in this channel would take now."""
    authorize(session, actor, Permission.USE_APP)
    product, channel = session.get(SalesProduct, product_id), session.get(SalesChannel, channel_id)
    if product is None or channel is None:
        raise NotFound("Barang atau saluran tidak ditemukan.")
    return effective_commission(value_of(session, SALES_COMMISSION), product.commission_bp, channel.commission_bp)
