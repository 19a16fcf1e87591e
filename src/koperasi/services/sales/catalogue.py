"""What the cooperative sells and where: products with their unit and price, sales channels, buyers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import Buyer, SalesChannel, SalesProduct
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.phone import normalize_phone
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.sales.rules import check_commission, check_price, format_percent
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class ProductInput:
    name: str
    unit: str
    default_price: int
    category: str = ""
    commission_bp: int | None = None  # None: the channel's or the office's rate


@dataclass(frozen=True, slots=True)
class ProductView:
    id: uuid.UUID
    data: ProductInput
    active: bool
    version: int


def list_products(session: Session, actor: Actor, *, active_only: bool = False) -> list[ProductView]:
    authorize(session, actor, Permission.USE_APP)
    query = select(SalesProduct).order_by(SalesProduct.name)
    if active_only:
        query = query.where(SalesProduct.active.is_(True))
    return [ProductView(row.id, _product_input(row), row.active, row.version) for row in session.scalars(query)]


def create_product(session: Session, actor: Actor, data: ProductInput) -> uuid.UUID:
    with write(session):
        authorize(session, actor, Permission.MANAGE_CATALOGUE)
        clean = _clean_product(session, data, exclude=None)
        row = SalesProduct(**_product_columns(clean), active=True, created_at=clock.now())
        session.add(row)
        session.flush()
        audit.record(session, actor, action=AuditAction.SALES_PRODUCT_CREATED, entity="sales_product", entity_id=row.id,
                     after=_product_snapshot(clean))
        return row.id


def update_product(
    session: Session, actor: Actor, product_id: uuid.UUID, data: ProductInput, *, active: bool, expected_version: int
) -> None:
    """A new price or rate applies to later sales; recorded sales keep theirs."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_CATALOGUE)
        row = session.get(SalesProduct, product_id)
        if row is None:
            raise NotFound("Barang tidak ditemukan.")
        if row.version != expected_version:
            raise ConflictError("Barang ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        clean = _clean_product(session, data, exclude=product_id)
        before = {**_product_snapshot(_product_input(row)), "active": row.active}
        for key, value in _product_columns(clean).items():
            setattr(row, key, value)
        row.active = active
        session.flush()
        audit.record(session, actor, action=AuditAction.SALES_PRODUCT_UPDATED, entity="sales_product", entity_id=row.id,
                     before=before, after={**_product_snapshot(clean), "active": active})


def _clean_product(session: Session, data: ProductInput, *, exclude: uuid.UUID | None) -> ProductInput:
    name = " ".join(data.name.split())
    if not 2 <= len(name) <= 120:
        raise ValidationError("Nama barang 2 sampai 120 huruf.", field="name")
    unit = " ".join(data.unit.split()).lower()
    if not 1 <= len(unit) <= 20:
        raise ValidationError("Satuan wajib diisi, mis. kg, ikat, buah, lembar.", field="unit")
    check_price(data.default_price)
    if data.commission_bp is not None:
        check_commission(data.commission_bp)
    category = " ".join(data.category.split())
    if len(category) > 60:
        raise ValidationError("Kategori paling panjang 60 huruf.", field="category")
    clash = session.scalar(select(SalesProduct.id).where(func.lower(SalesProduct.name) == name.lower()))
    if clash is not None and clash != exclude:
        raise ValidationError(f"Barang \u201c{name}\u201d sudah ada.", field="name")
    return ProductInput(name, unit, data.default_price, category, data.commission_bp)


def _product_input(row: SalesProduct) -> ProductInput:
    return ProductInput(row.name, row.unit, row.default_price, row.category, row.commission_bp)


def _product_columns(data: ProductInput) -> dict[str, object]:
    return {"name": data.name, "unit": data.unit, "default_price": data.default_price, "category": data.category,
            "commission_bp": data.commission_bp}


def _product_snapshot(data: ProductInput) -> dict[str, object]:
    return {"name": data.name, "unit": data.unit, "default_price": data.default_price, "category": data.category,
            "commission": rate_label(data.commission_bp)}


def rate_label(commission_bp: int | None) -> str:
    """``"12,5%"``, or ``"bawaan"`` when the rate falls back to the next level."""
    return format_percent(commission_bp) if commission_bp is not None else "bawaan"


@dataclass(frozen=True, slots=True)
class ChannelView:
    id: uuid.UUID
    name: str
    commission_bp: int | None
    active: bool
    version: int


def list_channels(session: Session, actor: Actor, *, active_only: bool = False) -> list[ChannelView]:
    authorize(session, actor, Permission.USE_APP)
    query = select(SalesChannel).order_by(SalesChannel.position, SalesChannel.name)
    if active_only:
        query = query.where(SalesChannel.active.is_(True))
    return [ChannelView(row.id, row.name, row.commission_bp, row.active, row.version) for row in session.scalars(query)]


def update_channel(
    session: Session, actor: Actor, channel_id: uuid.UUID, *, commission_bp: int | None, active: bool, expected_version: int
) -> None:
    with write(session):
        authorize(session, actor, Permission.MANAGE_CATALOGUE)
        row = session.get(SalesChannel, channel_id)
        if row is None:
            raise NotFound("Saluran penjualan tidak ditemukan.")
        if row.version != expected_version:
            raise ConflictError("Saluran ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        if commission_bp is not None:
            check_commission(commission_bp)
        before = {"commission": rate_label(row.commission_bp), "active": row.active}
        row.commission_bp, row.active = commission_bp, active
        session.flush()
        audit.record(session, actor, action=AuditAction.CHANNEL_UPDATED, entity="channel", entity_id=row.id,
                     before=before, after={"commission": rate_label(commission_bp), "active": active})


@dataclass(frozen=True, slots=True)
class BuyerView:
    id: uuid.UUID
    name: str
    phone: str
    address: str
    active: bool
    version: int


def list_buyers(session: Session, actor: Actor, *, active_only: bool = False) -> list[BuyerView]:
    authorize(session, actor, Permission.USE_APP)
    query = select(Buyer).order_by(Buyer.name)
    if active_only:
        query = query.where(Buyer.active.is_(True))
    return [BuyerView(row.id, row.name, row.phone, row.address, row.active, row.version) for row in session.scalars(query)]


def create_buyer(session: Session, actor: Actor, *, name: str, phone: str = "", address: str = "") -> uuid.UUID:
    with write(session):
        authorize(session, actor, Permission.RECORD_SALES)
        name, phone, address = _clean_buyer(session, name, phone, address, exclude=None)
        row = Buyer(name=name, phone=phone, address=address, active=True, created_at=clock.now())
        session.add(row)
        session.flush()
        audit.record(session, actor, action=AuditAction.BUYER_CREATED, entity="buyer", entity_id=row.id,
                     after={"name": name, "phone": phone, "address": address})
        return row.id


def update_buyer(
    session: Session, actor: Actor, buyer_id: uuid.UUID, *, name: str, phone: str, address: str, active: bool,
    expected_version: int,
) -> None:
    with write(session):
        authorize(session, actor, Permission.RECORD_SALES)
        row = session.get(Buyer, buyer_id)
        if row is None:
            raise NotFound("Pembeli tidak ditemukan.")
        if row.version != expected_version:
            raise ConflictError("Data pembeli ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        name, phone, address = _clean_buyer(session, name, phone, address, exclude=buyer_id)
        before = {"name": row.name, "phone": row.phone, "address": row.address, "active": row.active}
        row.name, row.phone, row.address, row.active = name, phone, address, active
        session.flush()
        audit.record(session, actor, action=AuditAction.BUYER_UPDATED, entity="buyer", entity_id=row.id, before=before,
                     after={"name": name, "phone": phone, "address": address, "active": active})


def _clean_buyer(session: Session, name: str, phone: str, address: str, *, exclude: uuid.UUID | None) -> tuple[str, str, str]:
    name = " ".join(name.split())
    if not 2 <= len(name) <= 120:
        raise ValidationError("Nama pembeli 2 sampai 120 huruf.", field="name")
    phone = normalize_phone(phone) if phone.strip() else ""
    address = " ".join(address.split())
    if len(address) > 250:
        raise ValidationError("Alamat paling panjang 250 huruf.", field="address")
    clash = session.scalar(select(Buyer.id).where(func.lower(Buyer.name) == name.lower()))
    if clash is not None and clash != exclude:
        raise ValidationError(f"Pembeli \u201c{name}\u201d sudah ada.", field="name")
    return name, phone, address
