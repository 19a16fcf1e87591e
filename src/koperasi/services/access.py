"""Permission checks against the database, not against the Actor remembered at login.

A user deactivated or given another role while still logged in on some PC loses (or
gains) the right with the very next action, not at the next login.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from koperasi.db.models import User
from koperasi.domain.errors import PermissionDenied
from koperasi.domain.roles import Actor, Permission, Role, require


def authorize(session: Session, actor: Actor, permission: Permission) -> None:
    user = session.get(User, actor.user_id, populate_existing=True)
    if user is None or not user.active:
        raise PermissionDenied("Akun Anda sudah dinonaktifkan. Keluar dari program lalu hubungi admin kantor.")
    require(Actor(user_id=user.id, username=user.username, full_name=user.full_name, role=Role(user.role)), permission)
