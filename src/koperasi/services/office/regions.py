"""Kecamatan and desa/kelurahan: the official list of the office's kabupaten, neighbours added from it, names kept current.

The official codes and names come from ``domain/office/regions`` (Kepmendagri 2025, shipped). A desa typed by hand gets the
official code when its name is in the list; rows are never deleted, so members, groups and reports keep their region.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import AppSetting, Desa, Kecamatan
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.office.settings import HOME_KABUPATEN
from koperasi.domain.office.regions import Region, Wilayah, checked_region, normalise_desa_name, shipped
from koperasi.services.office import audit
from koperasi.services.office.settings import value_of
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
    code: str | None = None  # official Kemendagri code; None: not in the official list


def list_kecamatan(session: Session) -> list[KecamatanView]:
    """Readable before login too. The office's kabupaten first, then neighbours added for members across the border."""
    counts = dict(
        session.execute(
            select(Desa.kecamatan_code, func.count()).where(Desa.active.is_(True)).group_by(Desa.kecamatan_code)
        ).all()
    )
    home = home_kabupaten(session) + "."
    rows = sorted(session.scalars(select(Kecamatan)), key=lambda row: (not row.code.startswith(home), row.code))
    return [KecamatanView(code=row.code, name=row.name, desa_count=counts.get(row.code, 0)) for row in rows]


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
        desa = Desa(code=_official_code(session, kecamatan_code, clean, kind), kecamatan_code=kecamatan_code, name=clean, kind=kind)
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
    return {"code": desa.code, "kecamatan_code": desa.kecamatan_code, "name": desa.name, "kind": desa.kind, "active": desa.active}


def _view(desa: Desa) -> DesaView:
    return DesaView(
        id=desa.id, kecamatan_code=desa.kecamatan_code, name=desa.name, kind=desa.kind, active=desa.active,
        version=desa.version, code=desa.code,
    )


# --- The official list (Kepmendagri 2025) --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Loaded:
    kecamatan: int
    desa: int


@dataclass(frozen=True, slots=True)
class Rename:
    code: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class NameUpdate:
    """What a newer official file would change: names by code, and desa new to the kecamatan the office has."""

    renamed: list[Rename]
    new_desa: list[Region]


def home_kabupaten(session: Session) -> str:
    """The kabupaten/kota chosen at set-up (Sarolangun for offices set up before 0008)."""
    return value_of(session, HOME_KABUPATEN)


def load_kabupaten(session: Session, kabupaten_code: str) -> Loaded:
    """First run, inside set-up's transaction: the kabupaten's official kecamatan and desa become the office's.

    The seeded kecamatan of another kabupaten (0002 seeds Sarolangun's) go when nothing points at them yet.
    """
    official = shipped()
    kabupaten = official.get(kabupaten_code) if isinstance(kabupaten_code, str) else None
    if kabupaten is None or kabupaten.level != 2:
        raise ValidationError("Kabupaten/kota tidak dikenal di data wilayah resmi.", field="kabupaten_code")
    loaded = Loaded(0, 0)
    for kecamatan in official.kecamatan(kabupaten_code):
        added = _add_official_kecamatan(session, kecamatan, official)
        loaded = Loaded(loaded.kecamatan + added.kecamatan, loaded.desa + added.desa)
    for stray in session.scalars(select(Kecamatan).where(~Kecamatan.code.startswith(kabupaten_code + "."))):
        if not session.scalar(select(func.count()).select_from(Desa).where(Desa.kecamatan_code == stray.code)):
            session.delete(stray)  # set-up runs before any member, group or office points at a kecamatan
    setting = session.get(AppSetting, HOME_KABUPATEN.key)
    if setting is None:
        session.add(AppSetting(key=HOME_KABUPATEN.key, value=kabupaten_code))
    else:
        setting.value = kabupaten_code
    session.flush()
    return loaded


def add_official_kecamatan(session: Session, actor: Actor, kecamatan_code: str) -> Loaded:
    """A kecamatan of a neighbouring kabupaten with all its official desa (members living across the border)."""
    with write(session):
        authorize(session, actor, Permission.EDIT_REGIONS)
        official = shipped()
        region = official.get(kecamatan_code) if isinstance(kecamatan_code, str) else None
        if region is None or region.level != 3:
            raise ValidationError("Kecamatan tidak ada di data wilayah resmi.", field="kecamatan_code")
        added = _add_official_kecamatan(session, region, official)
        if not added.kecamatan and not added.desa:
            raise ConflictError(f"Kecamatan {region.name} dan semua desanya sudah ada.")
        audit.record(session, actor, action=AuditAction.KECAMATAN_ADDED, entity="kecamatan", entity_id=region.code,
                     after={"name": region.name, "kabupaten": _kabupaten_name(official, region.code), "desa": added.desa})
        return added


def add_official_desa(session: Session, actor: Actor, desa_code: str) -> DesaView:
    """One official desa of a neighbouring kecamatan (its kecamatan is added too, without its other desa)."""
    with write(session):
        authorize(session, actor, Permission.EDIT_REGIONS)
        official = shipped()
        region = official.get(desa_code) if isinstance(desa_code, str) else None
        if region is None or region.level != 4:
            raise ValidationError("Desa tidak ada di data wilayah resmi.", field="desa_code")
        if session.scalar(select(Desa).where(Desa.code == desa_code)) is not None:
            raise ConflictError(f"Desa {region.name} sudah ada.")
        kecamatan = official.get(region.parent_code)
        if kecamatan is not None and session.get(Kecamatan, kecamatan.code) is None:
            session.add(Kecamatan(code=kecamatan.code, name=kecamatan.name))
            session.flush()
        desa = _claim_or_add(session, region)
        session.flush()
        audit.record(session, actor, action=AuditAction.DESA_CREATED, entity="desa", entity_id=desa.id, after=_snapshot(desa))
        return _view(desa)


def plan_name_update(session: Session, newer: list[Region]) -> NameUpdate:
    """Compare a newer official file with the regions the office has (by code); nothing is changed here."""
    names = {region.code: region.name for region in newer}
    renamed = [
        Rename(row.code, row.name, names[row.code])
        for row in [*session.scalars(select(Kecamatan)), *session.scalars(select(Desa).where(Desa.code.is_not(None)))]
        if row.code in names and names[row.code] != row.name
    ]
    have = set(session.scalars(select(Desa.code).where(Desa.code.is_not(None))))
    kecamatan = set(session.scalars(select(Kecamatan.code)))
    new_desa = [region for region in newer if region.level == 4 and region.parent_code in kecamatan and region.code not in have]
    return NameUpdate(sorted(renamed, key=lambda rename: rename.code), sorted(new_desa, key=lambda region: region.code))


def apply_name_update(session: Session, actor: Actor, newer: list[Region], *, add_new: bool, source: str) -> NameUpdate:
    """Rename by code and, if asked, add the new desa; no row is deleted or re-pointed, so members keep their desa."""
    with write(session):
        authorize(session, actor, Permission.EDIT_REGIONS)
        if not isinstance(source, str) or not isinstance(newer, list | tuple):
            raise ValidationError("Berkas wilayah tidak dikenal.", field="file")
        newer = [checked_region(getattr(region, "code", None), getattr(region, "name", None)) for region in newer]
        plan = plan_name_update(session, newer)
        renames = {rename.code: rename.new for rename in plan.renamed}
        for kecamatan in session.scalars(select(Kecamatan).where(Kecamatan.code.in_(renames))):
            kecamatan.name = renames[kecamatan.code]
        for desa in session.scalars(select(Desa).where(Desa.code.in_(renames))):
            desa.name = renames[desa.code]
        added = [_claim_or_add(session, region) for region in plan.new_desa] if add_new else []
        session.flush()
        audit.record(
            session, actor, action=AuditAction.REGION_NAMES_UPDATED, entity="wilayah",
            entity_id=source[-64:] or "berkas",  # the file's name; the column holds 64
            before={rename.code: rename.old for rename in plan.renamed},
            after={**{rename.code: rename.new for rename in plan.renamed}, **{desa.code: desa.name for desa in added}},
        )
        return NameUpdate(plan.renamed, plan.new_desa if add_new else [])


def unmatched_desa(session: Session) -> list[tuple[str, str]]:
    """(kecamatan, desa) names of the desa the official list does not hold, for "Tidak ditemukan di data resmi"."""
    rows = session.execute(
        select(Kecamatan.name, Desa.name)
        .join(Kecamatan, Kecamatan.code == Desa.kecamatan_code)
        .where(Desa.code.is_(None), Desa.active.is_(True))
        .order_by(Kecamatan.name, Desa.name)
    ).all()
    return [(row[0], row[1]) for row in rows]


def _add_official_kecamatan(session: Session, region: Region, official: Wilayah) -> Loaded:
    added_kecamatan = 0
    if session.get(Kecamatan, region.code) is None:
        session.add(Kecamatan(code=region.code, name=region.name))
        session.flush()
        added_kecamatan = 1
    rows = session.scalars(select(Desa).where(Desa.kecamatan_code == region.code)).all()
    have = {desa.code for desa in rows if desa.code}
    typed = _typed_by_name(rows)
    added_desa = 0
    for desa in official.desa(region.code):
        if desa.code not in have:
            _claim_or_add(session, desa, typed)
            added_desa += 1
    session.flush()
    return Loaded(added_kecamatan, added_desa)


def _typed_by_name(rows: list[Desa]) -> dict[str, list[Desa]]:
    """The desa typed by hand (no official code yet), by the name they share with the official spelling."""
    typed: dict[str, list[Desa]] = {}
    for desa in rows:
        if desa.code is None:
            typed.setdefault(normalise_desa_name(desa.name), []).append(desa)
    return typed


def _claim_or_add(session: Session, region: Region, typed: dict[str, list[Desa]] | None = None) -> Desa:
    """The official desa: a desa of its name typed by hand (no code yet) takes the code, else a new row."""
    if typed is None:
        typed = _typed_by_name(session.scalars(select(Desa).where(Desa.kecamatan_code == region.parent_code)).all())
    same_name = typed.get(normalise_desa_name(region.name), [])
    if len(same_name) == 1:
        same_name[0].code = region.code
        return same_name.pop()
    desa = Desa(code=region.code, kecamatan_code=region.parent_code, name=region.name, kind=region.kind, active=True)
    session.add(desa)
    return desa


def _official_code(session: Session, kecamatan_code: str, name: str, kind: str) -> str | None:
    """The official code of a desa typed by hand, when the list holds exactly one of that name not yet taken."""
    wanted = normalise_desa_name(name)
    candidates = [region for region in shipped().desa(kecamatan_code) if normalise_desa_name(region.name) == wanted]
    if len(candidates) > 1:
        candidates = [region for region in candidates if region.kind == kind]
    if len(candidates) != 1 or session.scalar(select(Desa.id).where(Desa.code == candidates[0].code)) is not None:
        return None
    return candidates[0].code


def _kabupaten_name(official: Wilayah, code: str) -> str:
    kabupaten = official.get(code[:5])
    return kabupaten.name if kabupaten else code[:5]
