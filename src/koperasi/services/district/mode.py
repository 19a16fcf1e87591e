"""Which side of the exchange this installation is: a sub-district office (sends) or the district (receives)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import AppSetting, DistrictOffice, Member
from koperasi.domain.district.settings import DISTRICT_MODE, PROGRAM_MODE
from koperasi.domain.errors import DomainError
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.office import profile as office
from koperasi.services.office.settings import value_of
from koperasi.services.transaction import write


def is_district(session: Session) -> bool:
    return value_of(session, PROGRAM_MODE) == DISTRICT_MODE


def require_district_mode(session: Session) -> None:
    if not is_district(session):
        raise DomainError("Hanya program dalam mode kabupaten yang menerima paket dan mendaftarkan kantor.")


def set_up_office_or_district(session: Session, profile: OfficeProfile, *, district: bool, **set_up: str | None) -> Actor:
    """The first-run set-up (``office.set_up``'s arguments), as a sub-district office or in mode kabupaten: one
    transaction, so a district never starts life as an office."""
    with write(session):
        actor = office.set_up(session, profile, **set_up)
        if district:
            set_program_mode(session, actor, DISTRICT_MODE)
        return actor


def set_program_mode(session: Session, actor: Actor, mode: str) -> None:
    """Switch to mode kabupaten (or back). An office with members cannot become the district, nor a district
    holding offices' data an office: the two kinds of data never mix in one database."""
    with write(session):
        authorize(session, actor, Permission.EDIT_OFFICE)
        PROGRAM_MODE.check(mode)
        before = value_of(session, PROGRAM_MODE)
        if mode == before:
            return
        if mode == DISTRICT_MODE and session.scalar(select(func.count()).select_from(Member)):
            raise DomainError("Basis data ini berisi anggota kantor; mode kabupaten memakai basis data tersendiri.")
        if mode != DISTRICT_MODE and session.scalar(select(func.count()).select_from(DistrictOffice)):
            raise DomainError("Basis data kabupaten ini sudah berisi kantor terdaftar; tidak dapat menjadi kantor.")
        row = session.get(AppSetting, PROGRAM_MODE.key)
        if row is None:
            session.add(AppSetting(key=PROGRAM_MODE.key, value=mode))
        else:
            row.value = mode
        session.flush()
        audit.record(session, actor, action=AuditAction.PROGRAM_MODE_CHANGED, entity="setting", entity_id=PROGRAM_MODE.key,
                     before={PROGRAM_MODE.label: PROGRAM_MODE.show(before)},
                     after={PROGRAM_MODE.label: PROGRAM_MODE.show(mode)})
