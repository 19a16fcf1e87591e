"""What the sales papers say: nota, payout slip, producer statement, and the sales report."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import extract, func, literal_column, select
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import (
    ConsignmentIntake,
    Desa,
    Kecamatan,
    Member,
    MemberGroup,
    Payout,
    Sale,
    SaleLine,
    SalesChannel,
    SalesProduct,
    User,
)
from koperasi.domain.errors import NotFound
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.sales.rules import Producer
from koperasi.domain.sales.papers import (
    NoteLine,
    PayoutLine,
    PayoutSlip,
    ProducerStatement,
    SalesNote,
    SalesReport,
    SalesTotal,
    StatementLine,
    StockLine,
)
from koperasi.services.access import authorize
from koperasi.services.sales.consignment import stock
from koperasi.services.office.profile import current_office
from koperasi.services.sales.selling import sale_detail
from koperasi.services.sales.book import of_producer, producer_name, producer_of, standing_intakes, standing_payouts, standing_sale_lines

_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember")


def sales_note(session: Session, actor: Actor, sale_id: uuid.UUID) -> SalesNote:
    detail = sale_detail(session, actor, sale_id)
    office = current_office(session)
    return SalesNote(
        office=office.profile, number=detail.number, sold_on=detail.sold_on, channel=detail.channel,
        buyer_name=detail.buyer_name, buyer_address=detail.buyer_address,
        lines=tuple(NoteLine(line.product, line.unit, line.producer, line.quantity_milli, line.unit_price, line.total)
                    for line in detail.lines),
        total=detail.total, place=office.kecamatan_name or "Sarolangun", clerk_name=detail.recorded_by,
        cancelled=detail.cancelled, cancel_reason=detail.cancel_reason,
    )


def payout_slip(session: Session, actor: Actor, payout_id: uuid.UUID) -> PayoutSlip:
    """The slip of a payout, with the sales of its period (or all unpaid-at-the-time sales when none was given)."""
    authorize(session, actor, Permission.USE_APP)
    payout = session.get(Payout, payout_id)
    if payout is None or payout.reversal_of_id is not None:
        raise NotFound("Pembayaran tidak ditemukan.")
    producer = producer_of(payout)
    name = producer_name(session, producer)
    cancel = session.scalar(select(Payout).where(Payout.reversal_of_id == payout_id))
    before = _payable_before(session, producer, payout)
    office = current_office(session)
    lines = ()
    if payout.period_from or payout.period_to:
        lines = tuple(
            PayoutLine(sold_on, number, product, unit, line.quantity_milli, line.total, line.commission, line.producer_share)
            for line, sold_on, number, product, unit in _sales_of(session, producer, payout.period_from, payout.period_to)
        )
    return PayoutSlip(
        office=office.profile, number=payout.number or "", paid_on=payout.paid_on, producer=name.name,
        producer_identity=name.identity, period_from=payout.period_from, period_to=payout.period_to, amount=payout.amount,
        lines=lines, payable_before=before, payable_after=before - payout.amount, place=office.kecamatan_name or "Sarolangun",
        clerk_name=session.get(User, payout.created_by).full_name, cancelled=cancel is not None,
        cancel_reason=cancel.reason if cancel else "",
    )


def _payable_before(session: Session, producer: Producer, payout: Payout) -> int:
    """What the producer was owed when the payout was saved: shares and payouts recorded before it."""
    shares = sum(
        line.producer_share
        for line, created_at in session.execute(
            select(SaleLine, Sale.created_at).join(Sale, Sale.id == SaleLine.sale_id).where(of_producer(SaleLine, producer))
        )
        if created_at < payout.created_at and not _cancelled_before(session, Sale, line.sale_id, payout.created_at)
    )
    paid = sum(
        row.amount
        for row in session.scalars(
            select(Payout).where(of_producer(Payout, producer), Payout.reversal_of_id.is_(None), Payout.created_at < payout.created_at)
        )
        if not _cancelled_before(session, Payout, row.id, payout.created_at)
    )
    return shares - paid


def _cancelled_before(session: Session, model, record_id: uuid.UUID, moment) -> bool:
    return session.scalar(select(model.id).where(model.reversal_of_id == record_id, model.created_at < moment)) is not None


def _sales_of(session: Session, producer: Producer, period_from: date | None, period_to: date | None):
    lines = standing_sale_lines().where(of_producer(SaleLine, producer)).subquery()
    query = (
        select(SaleLine, Sale.sold_on, Sale.number, SalesProduct.name, SalesProduct.unit)
        .join(lines, lines.c.id == SaleLine.id)
        .join(Sale, Sale.id == SaleLine.sale_id)
        .join(SalesProduct, SalesProduct.id == SaleLine.product_id)
        .order_by(Sale.sold_on, Sale.number, SaleLine.id)
    )
    if period_from:
        query = query.where(Sale.sold_on >= period_from)
    if period_to:
        query = query.where(Sale.sold_on <= period_to)
    return session.execute(query).all()


def producer_statement(session: Session, actor: Actor, producer: Producer, *, period_from: date, period_to: date) -> ProducerStatement:
    """Intakes, sales and payouts of a producer in a period, with the running payable."""
    authorize(session, actor, Permission.USE_APP)
    name = producer_name(session, producer)
    events: list[tuple[date, int, StatementLine]] = []
    opening = 0
    for line, sold_on, number, product, unit in _sales_of(session, producer, None, period_to):
        if sold_on < period_from:
            opening += line.producer_share
            continue
        events.append((sold_on, 1, StatementLine(sold_on, f"Terjual: {product}", number or "", -line.quantity_milli, unit,
                                                 line.producer_share, 0, 0)))
    for payout in session.scalars(standing_payouts().where(of_producer(Payout, producer), Payout.paid_on <= period_to)):
        if payout.paid_on < period_from:
            opening -= payout.amount
            continue
        events.append((payout.paid_on, 2, StatementLine(payout.paid_on, "Dibayarkan", payout.number or "", 0, "", 0,
                                                        payout.amount, 0)))
    for intake, product, unit in session.execute(
        select(ConsignmentIntake, SalesProduct.name, SalesProduct.unit)
        .join(SalesProduct, SalesProduct.id == ConsignmentIntake.product_id)
        .where(ConsignmentIntake.id.in_(standing_intakes().with_only_columns(ConsignmentIntake.id)),
               of_producer(ConsignmentIntake, producer), ConsignmentIntake.received_on.between(period_from, period_to))
    ):
        events.append((intake.received_on, 0, StatementLine(intake.received_on, f"Titip: {product}", intake.number,
                                                            intake.quantity_milli, unit, 0, 0, 0)))
    running = opening
    lines = []
    for _, _, line in sorted(events, key=lambda event: (event[0], event[1], event[2].document)):
        running += line.share - line.paid
        lines.append(StatementLine(line.occurred_on, line.description, line.document, line.quantity_milli, line.unit,
                                   line.share, line.paid, running))
    return ProducerStatement(
        office=current_office(session).profile, producer=name.name, producer_identity=name.identity,
        period_from=period_from, period_to=period_to, opening_payable=opening, lines=tuple(lines), closing_payable=running,
        stock=tuple(StockLine(row.product, row.unit, row.on_hand_milli) for row in stock(session, actor, producer=producer, as_of=period_to)),
    )


def sales_report(session: Session, actor: Actor, *, period_from: date, period_to: date) -> SalesReport:
    """Standing sales in a period by product, channel, month, the producer's kecamatan and producer group.

    The database sums the lines per product, channel, month, kecamatan and group (a few
    thousand rows for a year of 50,000 sales); each breakdown adds those sums up.
    """
    authorize(session, actor, Permission.USE_APP)
    lines = standing_sale_lines().subquery()
    member_kecamatan, group_desa, group_kecamatan = aliased(Kecamatan), aliased(Desa), aliased(Kecamatan)
    year, month = extract("year", Sale.sold_on), extract("month", Sale.sold_on)
    # Literals, not bound parameters: PostgreSQL matches the GROUP BY to the SELECT by their text.
    kecamatan = func.coalesce(member_kecamatan.name, group_kecamatan.name, literal_column("'Tidak diketahui'"))
    group = func.coalesce(MemberGroup.name, literal_column("'Perorangan'"))
    rows = session.execute(
        select(SalesProduct.name, SalesChannel.name, year, month, kecamatan, group, func.count(),
               func.sum(lines.c.total), func.sum(lines.c.commission))
        .select_from(lines)
        .join(Sale, Sale.id == lines.c.sale_id)
        .join(SalesProduct, SalesProduct.id == lines.c.product_id)
        .join(SalesChannel, SalesChannel.id == Sale.channel_id)
        .outerjoin(Member, Member.id == lines.c.member_id)
        .outerjoin(member_kecamatan, member_kecamatan.code == Member.kecamatan_code)
        .outerjoin(MemberGroup, MemberGroup.id == lines.c.group_id)
        .outerjoin(group_desa, group_desa.id == MemberGroup.desa_id)
        .outerjoin(group_kecamatan, group_kecamatan.code == group_desa.kecamatan_code)
        .where(Sale.sold_on.between(period_from, period_to))
        .group_by(SalesProduct.name, SalesChannel.name, year, month, kecamatan, group)
    ).all()
    sums = [
        (product, channel, (int(year), int(month)), kecamatan, group, int(count), int(total or 0), int(commission or 0))
        for product, channel, year, month, kecamatan, group, count, total, commission in rows
    ]
    return SalesReport(
        office=current_office(session).profile, period_from=period_from, period_to=period_to,
        total=SalesTotal("Jumlah", sum(row[5] for row in sums), sum(row[6] for row in sums), sum(row[7] for row in sums)),
        breakdowns={
            "Produk": _by(sums, 0),
            "Saluran": _by(sums, 1),
            "Bulan": tuple(SalesTotal(f"{_MONTHS[month - 1]} {year}", row.sales, row.total, row.commission)
                           for (year, month), row in sorted(_by_key(sums, 2).items())),
            "Kecamatan": _by(sums, 3),
            "Kelompok penitip": _by(sums, 4),
        },
    )


def _by_key(sums: list[tuple], index: int) -> dict:
    """Line count, total and commission added up per value of column ``index``."""
    totals: dict = {}
    for row in sums:
        key = row[index]
        count, total, commission = totals.get(key, (0, 0, 0))
        totals[key] = (count + row[5], total + row[6], commission + row[7])
    return {key: SalesTotal(str(key), *values) for key, values in totals.items()}


def _by(sums: list[tuple], index: int) -> tuple[SalesTotal, ...]:
    totals = _by_key(sums, index)
    return tuple(totals[name] for name in sorted(totals))
