"""Builders for the Penjualan GUI tests and screenshots: products, producers with stock, sales and
payouts, all made with the services."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from koperasi.domain.members.register import GroupKind, MemberInput
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor, Role
from koperasi.domain.sales.rules import Producer, SaleLineInput
from koperasi.gui.context import AppContext
from koperasi.services.sales import consignment
from koperasi.services.members import groups
from koperasi.services.members import register as members
from koperasi.services.sales import payouts
from koperasi.services.office import regions
from koperasi.services.sales import selling as sales
from koperasi.services.sales import catalogue as sales_catalogue
from koperasi.services.sales.catalogue import ProductInput
from koperasi import clock
from tests.support import add_staff

KECAMATAN = "15.03.09"  # Singkut


@dataclass
class SalesOffice:
    context: AppContext
    clerk: Actor
    treasurer: Actor
    manager: Actor
    desa_id: uuid.UUID
    products: dict[str, uuid.UUID] = field(default_factory=dict)
    producers: dict[str, Producer] = field(default_factory=dict)
    channels: dict[str, uuid.UUID] = field(default_factory=dict)

    @property
    def db(self):
        return self.context.database

    @property
    def admin(self) -> Actor:
        return self.context.actor

    def as_(self, actor: Actor) -> AppContext:
        return AppContext(database=self.db, actor=actor, office=self.context.office)

    def product(self, name: str, unit: str, price: int, category: str = "", commission_bp: int | None = None) -> uuid.UUID:
        with self.db.session() as session:
            self.products[name] = sales_catalogue.create_product(
                session, self.admin, ProductInput(name, unit, price, category, commission_bp))
        return self.products[name]

    def member(self, name: str, sex: Sex = Sex.FEMALE) -> Producer:
        with self.db.session() as session:
            member_id = members.register_member(
                session, self.admin,
                MemberInput(full_name=name, sex=sex, birth_date=date(1980, 5, 6), desa_id=str(self.desa_id),
                            join_date=date(2024, 1, 2)),
                accept_warnings=True,
            ).id
        self.producers[name] = Producer(member_id=member_id)
        return self.producers[name]

    def group(self, name: str) -> Producer:
        with self.db.session() as session:
            group_id = groups.create_group(session, self.admin, name=name, kind=GroupKind.CRAFTS, desa_id=self.desa_id).id
        self.producers[name] = Producer(group_id=group_id)
        return self.producers[name]

    def intake(self, producer: str, product: str, quantity_milli: int, on: date | None = None) -> str:
        with self.db.session() as session:
            return consignment.record_intake(session, self.admin, producer=self.producers[producer], product_id=self.products[product],
                                             quantity_milli=quantity_milli, received_on=on or clock.today())

    def sale(self, lines: list[tuple[str, str, int, int]], *, channel: str = "Pasar lokal", buyer: str = "Ibu Rina",
             on: date | None = None) -> sales.RecordedSale:
        with self.db.session() as session:
            return sales.record_sale(session, self.admin, sales.SaleInput(
                sold_on=on or clock.today(), channel_id=self.channels[channel], buyer_name=buyer,
                lines=tuple(SaleLineInput(self.products[p], self.producers[who], q, price) for p, who, q, price in lines),
            ), request_id=uuid.uuid4())

    def pay(self, producer: str, amount: int) -> payouts.PaidOut:
        with self.db.session() as session:
            return payouts.pay_producer(session, self.treasurer, self.producers[producer], amount=amount, paid_on=clock.today(),
                                        request_id=uuid.uuid4())

    def owed(self, producer: str) -> int:
        with self.db.session() as session:
            rows = payouts.payables(session, self.admin, owed_only=False)
        return next((row.owed for row in rows if row.producer == self.producers[producer]), 0)


def sales_office(context: AppContext, *, with_sales: bool = True) -> SalesOffice:
    db, admin = context.database, context.actor
    clerk = add_staff(db, admin, "kasir", Role.CLERK)
    treasurer = add_staff(db, admin, "bendahara", Role.TREASURER)
    manager = add_staff(db, admin, "ketua", Role.MANAGER)
    with db.session() as session:
        desa_id = regions.add_desa(session, admin, kecamatan_code=KECAMATAN, name="Bukit Murau").id
        channels = {c.name: c.id for c in sales_catalogue.list_channels(session, admin)}
    office = SalesOffice(context, clerk, treasurer, manager, desa_id, channels=channels)
    office.product("Beras organik", "kg", 15_000, "beras")
    office.product("Cabai merah", "kg", 42_000, "sayur")
    office.product("Tikar pandan", "lembar", 85_000, "kerajinan", commission_bp=1500)
    office.member("Siti Aminah")
    office.member("Rahmat Hidayat", Sex.MALE)
    office.group("KUP Anyaman Mawar")
    office.intake("Siti Aminah", "Beras organik", 50_000)
    office.intake("Rahmat Hidayat", "Beras organik", 30_000)
    office.intake("Rahmat Hidayat", "Cabai merah", 12_500)
    office.intake("KUP Anyaman Mawar", "Tikar pandan", 20_000)
    if with_sales:
        office.sale([("Beras organik", "Siti Aminah", 10_000, 15_000), ("Tikar pandan", "KUP Anyaman Mawar", 2_000, 85_000)],
                    buyer="Toko Sumber Rezeki", channel="Toko")
        office.sale([("Cabai merah", "Rahmat Hidayat", 2_500, 42_000)])
    return office
