"""Reading and changing the office-wide settings defined in domain/office/settings.py."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from koperasi.db.models import AppSetting
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ConflictError
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.office.settings import Setting
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.transaction import write

T = TypeVar("T")


def value_of(session: Session, setting: Setting[T]) -> T:
    """The stored value, or the default when the office never changed it."""
    row = session.get(AppSetting, setting.key)
    return setting.default if row is None else setting.parse(row.value)


def read_setting(session: Session, actor: Actor, setting: Setting[T]) -> tuple[T, int]:
    """The value and its version (0 while it is the default), for a form that may change it."""
    authorize(session, actor, Permission.USE_APP)
    row = session.get(AppSetting, setting.key)
    return (setting.default, 0) if row is None else (setting.parse(row.value), row.version)


def change_setting(session: Session, actor: Actor, setting: Setting[T], value: T, *, expected_version: int) -> None:
    with write(session):
        authorize(session, actor, setting.changed_with)
        setting.check(value)
        row = session.get(AppSetting, setting.key)
        if (row.version if row else 0) != expected_version:
            raise ConflictError("Pengaturan ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        before = setting.show(value_of(session, setting))
        if row is None:
            session.add(AppSetting(key=setting.key, value=str(value)))
        else:
            row.value = str(value)
        session.flush()
        audit.record(session, actor, action=AuditAction.SETTING_CHANGED, entity="setting", entity_id=setting.key,
                     before={setting.label: before}, after={setting.label: setting.show(value)})
