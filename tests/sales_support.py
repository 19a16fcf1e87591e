"""Builders for market-sales tests: products, channels, intakes, sales and payouts on top of a loan office
(staff for each role, a desa, members and groups)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from koperasi.db.database import Database
from koperasi.db.models import (
    ConsignmentIntake,
    JournalEntry,
    Payout,
    Sale,
    SalesChannel,
)
from koperasi.domain.roles import Actor
from koperasi.domain.sales.rules import Producer, SaleLineInput
from koperasi.services.sales import consignment
from koperasi.services.sales import payouts
from koperasi.services.sales import selling as sales
from koperasi.services.sales import catalogue as sales_catalogue
from koperasi.services.sales.book import payable_to, stock_of
from tests.loan_support import LoanOffice, loan_office

SOLD_ON = date(2026, 3, 10)
RECEIVED_ON = date(2026, 3, 2)


@dataclass
class SalesOffice:
    office: LoanOffice

    @property
    def db(self) -> Database:
        return self.office.db

    @property
    def admin(self) -> Actor:
        return self.office.admin

    @property
    def clerk(self) -> Actor:
        return self.office.clerk

    @property
    def manager(self) -> Actor:
        return self.office.manager

    @property
    def treasurer(self) -> Actor:
        return self.office.treasurer

    def session(self):
        return self.db.session()

    # ---- people ------------------------------------------------------------------------------

    def producer(self, name: str = "Siti Aminah") -> Producer:
        return Producer(member_id=self.office.member(name))

    def group_producer(self, name: str, member_ids: list[uuid.UUID]) -> Producer:
        return Producer(group_id=self.office.group_with(name, member_ids))

    # ---- catalogue ---------------------------------------------------------------------------

    def product(self, name: str = "Beras organik", unit: str = "kg", price: int = 15_000,
                commission_bp: int | None = None) -> uuid.UUID:
        with self.session() as session:
            return sales_catalogue.create_product(
                session, self.admin, sales_catalogue.ProductInput(name, unit, price, "Hasil tani", commission_bp)
            )

    def channel(self, name: str = "Pasar lokal") -> uuid.UUID:
        with self.session() as session:
            return session.scalar(select(SalesChannel.id).where(SalesChannel.name == name))

    def set_channel_rate(self, channel_id: uuid.UUID, commission_bp: int | None) -> None:
        with self.session() as session:
            view = next(c for c in sales_catalogue.list_channels(session, self.admin) if c.id == channel_id)
            sales_catalogue.update_channel(session, self.admin, channel_id, commission_bp=commission_bp, active=True,
                                           expected_version=view.version)

    # ---- goods and money ---------------------------------------------------------------------

    def intake(self, producer: Producer, product_id: uuid.UUID, quantity_milli: int, on: date = RECEIVED_ON,
               actor: Actor | None = None) -> str:
        with self.session() as session:
            return consignment.record_intake(session, actor or self.clerk, producer=producer, product_id=product_id,
                                             quantity_milli=quantity_milli, received_on=on)

    def intake_id(self, number: str) -> uuid.UUID:
        with self.session() as session:
            return session.scalar(select(ConsignmentIntake.id).where(ConsignmentIntake.number == number))

    def reverse_intake(self, intake_id: uuid.UUID, reason: str = "Salah catat barang") -> None:
        with self.session() as session:
            consignment.reverse_intake(session, self.treasurer, intake_id, reason=reason)

    def sell(self, *lines: tuple[Producer, uuid.UUID, int, int], on: date = SOLD_ON, channel_id: uuid.UUID | None = None,
             buyer_name: str = "Toko Berkah", request_id: uuid.UUID | None = None, actor: Actor | None = None,
             buyer_id: uuid.UUID | None = None) -> sales.RecordedSale:
        """Lines are (producer, product, quantity in thousandths, unit price)."""
        data = sales.SaleInput(
            sold_on=on, channel_id=channel_id or self.channel(),
            lines=tuple(SaleLineInput(product_id, producer, quantity, price) for producer, product_id, quantity, price in lines),
            buyer_id=buyer_id, buyer_name="" if buyer_id else buyer_name,
        )
        with self.session() as session:
            return sales.record_sale(session, actor or self.clerk, data, request_id=request_id or uuid.uuid4())

    def reverse_sale(self, sale_id: uuid.UUID, reason: str = "Barang dikembalikan pembeli",
                     request_id: uuid.UUID | None = None) -> uuid.UUID:
        """The treasurer asks, the manager approves (four eyes); returns the reversal row."""
        with self.session() as session:
            request = sales.request_sale_reversal(session, self.treasurer, sale_id, reason=reason,
                                                  request_id=request_id or uuid.uuid4())
        with self.session() as session:
            return sales.approve_sale_reversal(session, self.manager, request)

    def pay(self, producer: Producer, amount: int, on: date = date(2026, 4, 1), request_id: uuid.UUID | None = None,
            **kwargs) -> payouts.PaidOut:
        with self.session() as session:
            return payouts.pay_producer(session, self.treasurer, producer, amount=amount, paid_on=on,
                                        request_id=request_id or uuid.uuid4(), **kwargs)

    def pay_all(self, on: date = date(2026, 4, 1), request_id: uuid.UUID | None = None, **kwargs) -> list[payouts.PaidOut]:
        with self.session() as session:
            return payouts.pay_all(session, self.treasurer, paid_on=on, request_id=request_id or uuid.uuid4(), **kwargs)

    def reverse_payout(self, payout_id: uuid.UUID, reason: str = "Salah bayar orang",
                       request_id: uuid.UUID | None = None) -> uuid.UUID:
        """The treasurer asks, the manager approves (four eyes); returns the reversal row."""
        with self.session() as session:
            request = payouts.request_payout_reversal(session, self.treasurer, payout_id, reason=reason,
                                                      request_id=request_id or uuid.uuid4())
        with self.session() as session:
            return payouts.approve_payout_reversal(session, self.manager, request)

    # ---- reading back ------------------------------------------------------------------------

    def payable(self, producer: Producer) -> int:
        with self.session() as session:
            return payable_to(session, producer)

    def stock(self, producer: Producer, product_id: uuid.UUID) -> int:
        with self.session() as session:
            return stock_of(session, producer, product_id)

    def counts(self) -> tuple[int, int, int]:
        """Journal entries, sales rows (with reversals), payout rows (with reversals)."""
        with self.session() as session:
            return tuple(session.scalar(select(func.count()).select_from(model)) for model in (JournalEntry, Sale, Payout))


def sales_office(db: Database, admin: Actor) -> SalesOffice:
    return SalesOffice(loan_office(db, admin))
