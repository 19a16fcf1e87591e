"""Permission checks against the database, not against the Actor remembered at login.

A user deactivated or given another role while still logged in on some PC loses (or
gains) the right with the very next action, not at the next login.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from koperasi.db.models import User
from koperasi.domain.errors import PermissionDenied
from koperasi.domain.roles import Actor, Permission, Role, require
from koperasi.services.transaction import held

# The columns the check needs, as a plain statement built once: every service call runs it, and loading
# the ORM object cost more than the query.
_USERS = User.__table__
_USER = select(_USERS.c.id, _USERS.c.username, _USERS.c.full_name, _USERS.c.role, _USERS.c.active).where(
    _USERS.c.id == bindparam("id")
)


def authorize(session: Session, actor: Actor, permission: Permission) -> None:
    if held(session, User, actor.user_id) is not None:
        # Re-read into the object the session holds, so that later code sees the account as checked.
        user = session.get(User, actor.user_id, populate_existing=True)
    else:
        user = session.execute(_USER, {"id": actor.user_id}).first()
    if user is None or not user.active:
        raise PermissionDenied("Akun Anda sudah dinonaktifkan. Keluar dari program lalu hubungi admin kantor.")
    require(Actor(user_id=user.id, username=user.username, full_name=user.full_name, role=Role(user.role)), permission)
