"""The office profile and the first-run setup that creates it with the first admin."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from koperasi.db.models import Kecamatan, Office, User
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.office.profile import OfficeProfile, validate_office
from koperasi.domain.roles import Actor, Permission, Role
from koperasi.services.office import audit
from koperasi.services.office import regions
from koperasi.services.access import authorize
from koperasi.services.office.auth import actor_for
from koperasi.services.transaction import write
from koperasi.services.office.users import add_user
from koperasi import clock


@dataclass(frozen=True, slots=True)
class OfficeView:
    id: uuid.UUID
    profile: OfficeProfile
    kecamatan_name: str | None
    version: int


def is_set_up(session: Session) -> bool:
    """The first-run wizard is needed until an office and an admin exist."""
    has_office = session.scalar(select(func.count()).select_from(Office)) > 0
    has_admin = session.scalar(select(func.count()).select_from(User).where(User.role == Role.ADMIN.value)) > 0
    return has_office and has_admin


def set_up(
    session: Session,
    profile: OfficeProfile,
    *,
    admin_username: str,
    admin_full_name: str,
    admin_password: str,
    kabupaten_code: str | None = None,
) -> Actor:
    """Create the office and its first admin in one transaction (first run only).

    With ``kabupaten_code`` (the wizard always gives one) that kabupaten's official kecamatan and desa are
    loaded in the same transaction, so a refused set-up leaves no regions behind.
    """
    with write(session):
        if session.get_bind().dialect.name == "postgresql":
            # Two PCs finishing the wizard at once must not create two offices.
            session.execute(text("LOCK TABLE offices IN SHARE ROW EXCLUSIVE MODE"))
        if session.scalar(select(func.count()).select_from(Office)) or session.scalar(
            select(func.count()).select_from(User)
        ):
            raise ConflictError("Kantor ini sudah disiapkan. Masuk dengan akun yang ada.")
        if kabupaten_code is not None:
            regions.load_kabupaten(session, kabupaten_code)
        clean = _validated(session, profile)
        office = Office(**asdict(clean), created_at=clock.now())
        session.add(office)
        admin = add_user(
            session,
            username=admin_username,
            full_name=admin_full_name,
            role=Role.ADMIN,
            password=admin_password,
            actor=None,
        )
        actor = actor_for(admin)
        session.flush()
        audit.record(session, actor, action=AuditAction.OFFICE_CREATED, entity="office", entity_id=office.id, after=asdict(clean))
        return actor


def current_office(session: Session) -> OfficeView | None:
    """The office this installation serves (None before first-run setup)."""
    office = the_office(session)
    return _view(session, office) if office else None


def update_office(session: Session, actor: Actor, profile: OfficeProfile, *, expected_version: int) -> OfficeView:
    with write(session):
        authorize(session, actor, Permission.EDIT_OFFICE)
        office = the_office(session)
        if office is None:
            raise NotFound("Profil kantor belum ada.")
        if office.version != expected_version:
            raise ConflictError("Profil kantor sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        clean = _validated(session, profile)
        before = asdict(_profile(office))
        for column, value in asdict(clean).items():
            setattr(office, column, value)
        session.flush()
        audit.record(session, actor, action=AuditAction.OFFICE_UPDATED, entity="office", entity_id=office.id, before=before, after=asdict(clean))
        return _view(session, office)


def the_office(session: Session) -> Office | None:
    """The first office set up is this installation's (combined data may hold others)."""
    return session.scalar(select(Office).order_by(Office.created_at).limit(1))


_OFFICES = Office.__table__
_OFFICE_CODE = select(_OFFICES.c.code).order_by(_OFFICES.c.created_at).limit(1)


def office_code(session: Session) -> str:
    """``the_office``'s code, which every document number carries, read without loading the row (postings)."""
    return session.execute(_OFFICE_CODE).scalar_one()


def _validated(session: Session, profile: OfficeProfile) -> OfficeProfile:
    clean = validate_office(profile)
    if clean.kecamatan_code and session.get(Kecamatan, clean.kecamatan_code) is None:
        raise ValidationError("Kecamatan tidak dikenal.", field="kecamatan_code")
    return clean


def _profile(office: Office) -> OfficeProfile:
    return OfficeProfile(
        name=office.name,
        code=office.code,
        kecamatan_code=office.kecamatan_code,
        address=office.address,
        phone=office.phone,
        chair_name=office.chair_name,
        treasurer_name=office.treasurer_name,
    )


def _view(session: Session, office: Office) -> OfficeView:
    kecamatan = session.get(Kecamatan, office.kecamatan_code) if office.kecamatan_code else None
    return OfficeView(
        id=office.id,
        profile=_profile(office),
        kecamatan_name=kecamatan.name if kecamatan else None,
        version=office.version,
    )
