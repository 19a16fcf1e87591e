"""Kecamatan (seeded, fixed) and desa/kelurahan (entered by each office)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import Desa, Kecamatan
from koperasi.domain.audit import AuditAction
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.roles import Actor, Permission
from koperasi.services import audit
from koperasi.services.access import authorize
from koperasi.services.transaction import write

DESA_KINDS = ("desa", "kelurahan")


@dataclass(frozen=True, slots=True)
class KecamatanView:
    code: str
    name: str
    desa_count: int


@dataclass(frozen=True, slots=True)
class DesaView:
    id: uuid.UUID
    kecamatan_code: str
    name: str
    kind: str
    active: bool
    version: int


def list_kecamatan(session: Session) -> list[KecamatanView]:
    """Readable before login too: the first-run wizard needs the list."""
    counts = dict(
        session.execute(
            select(Desa.kecamatan_code, func.count()).where(Desa.active.is_(True)).group_by(Desa.kecamatan_code)
        ).all()
    )
    return [
        KecamatanView(code=row.code, name=row.name, desa_count=counts.get(row.code, 0))
        for row in session.scalars(select(Kecamatan).order_by(Kecamatan.code))
    ]


def list_desa(session: Session, actor: Actor, kecamatan_code: str, *, include_inactive: bool = False) -> list[DesaView]:
    authorize(session, actor, Permission.USE_APP)
    query = select(Desa).where(Desa.kecamatan_code == kecamatan_code).order_by(Desa.name)
    if not include_inactive:
        query = query.where(Desa.active.is_(True))
    return [_view(desa) for desa in session.scalars(query)]


def add_desa(session: Session, actor: Actor, kecamatan_code: str, *, name: str, kind: str = "desa") -> DesaView:
    with write(session):
        authorize(session, actor, Permission.EDIT_REGIONS)
        if session.get(Kecamatan, kecamatan_code) is None:
            raise ValidationError("Kecamatan tidak dikenal.", field="kecamatan_code")
        clean = _clean_name(name)
        _check_kind(kind)
        _refuse_duplicate(session, kecamatan_code, clean)
        desa = Desa(kecamatan_code=kecamatan_code, name=clean, kind=kind, active=True)
        session.add(desa)
        session.flush()
        audit.record(session, actor, action=AuditAction.DESA_CREATED, entity="desa", entity_id=desa.id, after=_snapshot(desa))
        return _view(desa)


def update_desa(
    session: Session, actor: Actor, desa_id: uuid.UUID, *, name: str, kind: str, active: bool, expected_version: int
) -> DesaView:
    """Rename, change kind, or retire a desa (retired desa stay on old records)."""
    with write(session):
        authorize(session, actor, Permission.EDIT_REGIONS)
        desa = session.get(Desa, desa_id)
        if desa is None:
            raise NotFound("Desa tidak ditemukan.")
        if desa.version != expected_version:
            raise ConflictError("Desa ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        clean = _clean_name(name)
        _check_kind(kind)
        if clean.lower() != desa.name.lower():
            _refuse_duplicate(session, desa.kecamatan_code, clean)
        before = _snapshot(desa)
        desa.name, desa.kind, desa.active = clean, kind, active
        session.flush()
        audit.record(session, actor, action=AuditAction.DESA_UPDATED, entity="desa", entity_id=desa.id, before=before, after=_snapshot(desa))
        return _view(desa)


def _clean_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError("Nama desa wajib diisi.", field="name")
    if len(clean) > 80:
        raise ValidationError("Nama desa paling banyak 80 karakter.", field="name")
    return clean


def _check_kind(kind: str) -> None:
    if kind not in DESA_KINDS:
        raise ValidationError("Jenis harus 'desa' atau 'kelurahan'.", field="kind")


def _refuse_duplicate(session: Session, kecamatan_code: str, name: str) -> None:
    exists = session.scalar(
        select(func.count())
        .select_from(Desa)
        .where(Desa.kecamatan_code == kecamatan_code, func.lower(Desa.name) == name.lower())
    )
    if exists:
        raise ConflictError(f"Desa '{name}' sudah ada di kecamatan ini.")


def _snapshot(desa: Desa) -> dict[str, object]:
    return {"kecamatan_code": desa.kecamatan_code, "name": desa.name, "kind": desa.kind, "active": desa.active}


def _view(desa: Desa) -> DesaView:
    return DesaView(
        id=desa.id, kecamatan_code=desa.kecamatan_code, name=desa.name, kind=desa.kind, active=desa.active, version=desa.version
    )
