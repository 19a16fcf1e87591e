"""One member's consignment in the Anggota detail panel: their stock with the cooperative, their
recent payouts, and what the cooperative owes them now."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from koperasi.domain.roles import Actor, Permission
from koperasi.domain.sales.rules import Producer
from koperasi.services.sales import consignment
from koperasi.services.sales import payouts
from koperasi.services.access import authorize
from koperasi.services.sales.consignment import StockRow
from koperasi.services.sales.payouts import Payable, PayoutRow

RECENT_PAYOUTS = 10


@dataclass(frozen=True, slots=True)
class MemberSales:
    stock: list[StockRow]  # every product they ever consigned (sold out ones too)
    payouts: list[PayoutRow]  # the latest, newest first
    payable: Payable | None  # None: nothing sold yet


def member_sales(session: Session, actor: Actor, member_id: uuid.UUID) -> MemberSales:
    """The member as a producer in their own name (a group's goods are the group's)."""
    authorize(session, actor, Permission.USE_APP)
    producer = Producer(member_id=member_id)
    stock = consignment.stock(session, actor, producer=producer, in_stock_only=False)
    recent = payouts.recent_payouts(session, actor, producer=producer, limit=RECENT_PAYOUTS)
    payable = next((row for row in payouts.payables(session, actor, owed_only=False) if row.producer == producer), None)
    return MemberSales(stock, recent, payable)
