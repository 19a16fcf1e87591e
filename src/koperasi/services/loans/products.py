"""Loan products: the terms an admin offers from a fund (limits, tenor, frequency, fee)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import FundSource, LoanProduct, TrainingProgramme
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.loans.products import LoanKind, ProductInput, clean_product
from koperasi.domain.loans.rules import Frequency
from koperasi.domain.roles import Actor, Permission
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class ProductView:
    id: uuid.UUID
    data: ProductInput
    fund_name: str
    active: bool
    version: int


def list_products(session: Session, actor: Actor, *, active_only: bool = False) -> list[ProductView]:
    authorize(session, actor, Permission.USE_APP)
    query = select(LoanProduct, FundSource.name).join(FundSource, FundSource.id == LoanProduct.fund_source_id)
    if active_only:
        query = query.where(LoanProduct.active.is_(True), FundSource.active.is_(True))
    return [_view(product, fund_name) for product, fund_name in session.execute(query.order_by(LoanProduct.name))]


def get_product(session: Session, actor: Actor, product_id: uuid.UUID) -> ProductView:
    authorize(session, actor, Permission.USE_APP)
    row = session.execute(
        select(LoanProduct, FundSource.name).join(FundSource, FundSource.id == LoanProduct.fund_source_id)
        .where(LoanProduct.id == product_id)
    ).first()
    if row is None:
        raise NotFound("Produk pinjaman tidak ditemukan.")
    return _view(*row)


def product_input(product: LoanProduct) -> ProductInput:
    return ProductInput(
        name=product.name, fund_source_id=product.fund_source_id, kind=LoanKind(product.kind),
        min_amount=product.min_amount, max_amount=product.max_amount, min_term=product.min_term,
        max_term=product.max_term, frequency=Frequency(product.frequency), rounding_multiple=product.rounding_multiple,
        admin_fee=product.admin_fee, required_programme_id=product.required_programme_id,
        cure_installments=product.cure_installments,
    )


def create_product(session: Session, actor: Actor, data: ProductInput) -> uuid.UUID:
    with write(session):
        authorize(session, actor, Permission.MANAGE_FUNDS)
        clean = _checked(session, data, exclude=None)
        product = LoanProduct(**_columns(clean), active=True, created_at=clock.now())
        session.add(product)
        session.flush()
        audit.record(session, actor, action=AuditAction.PRODUCT_CREATED, entity="product", entity_id=product.id,
                     after=_snapshot(clean))
        return product.id


def update_product(
    session: Session, actor: Actor, product_id: uuid.UUID, data: ProductInput, *, active: bool, expected_version: int
) -> None:
    """Changes apply to new applications; loans already made keep the terms they were made on."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_FUNDS)
        product = session.get(LoanProduct, product_id)
        if product is None:
            raise NotFound("Produk pinjaman tidak ditemukan.")
        if product.version != expected_version:
            raise ConflictError("Produk ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        clean = _checked(session, data, exclude=product_id)
        before = {**_snapshot(product_input(product)), "active": product.active}
        for key, value in _columns(clean).items():
            setattr(product, key, value)
        product.active = active
        session.flush()
        audit.record(session, actor, action=AuditAction.PRODUCT_UPDATED, entity="product", entity_id=product_id,
                     before=before, after={**_snapshot(clean), "active": active})


def _checked(session: Session, data: ProductInput, *, exclude: uuid.UUID | None) -> ProductInput:
    clean = clean_product(data)
    fund = session.get(FundSource, clean.fund_source_id)
    if fund is None or not fund.active:
        raise ValidationError("Pilih sumber dana yang aktif.", field="fund_source_id")
    if clean.required_programme_id is not None and session.get(TrainingProgramme, clean.required_programme_id) is None:
        raise ValidationError("Program pelatihan syarat tidak dikenal.", field="required_programme_id")
    clash = session.scalar(select(LoanProduct.id).where(func.lower(LoanProduct.name) == clean.name.lower()))
    if clash is not None and clash != exclude:
        raise ValidationError(f"Produk \u201c{clean.name}\u201d sudah ada.", field="name")
    return clean


def _columns(data: ProductInput) -> dict[str, object]:
    return {
        "name": data.name, "fund_source_id": data.fund_source_id, "kind": data.kind.value, "min_amount": data.min_amount,
        "max_amount": data.max_amount, "min_term": data.min_term, "max_term": data.max_term,
        "frequency": data.frequency.value, "rounding_multiple": data.rounding_multiple, "admin_fee": data.admin_fee,
        "required_programme_id": data.required_programme_id, "cure_installments": data.cure_installments,
    }


def _snapshot(data: ProductInput) -> dict[str, object]:
    return {key: str(value) if isinstance(value, uuid.UUID) else value for key, value in _columns(data).items()}


def _view(product: LoanProduct, fund_name: str) -> ProductView:
    return ProductView(product.id, product_input(product), fund_name, product.active, product.version)
