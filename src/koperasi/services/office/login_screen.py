"""What the login window needs before it shows: whether the office is set up, and its name.

Read with two plain statements, not through the models: the login window is the first screen every day, and
importing the models (and what they bring) is the largest part of start-up. They load while the password is
typed (gui/warm_up.py). The answers are the same as ``profile.is_set_up`` and ``profile.current_office``'s name;
tests/services/office/test_login_screen.py keeps them so.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from koperasi.domain.roles import Role

# The first office set up is this installation's (profile.the_office): combined data may hold others.
_OFFICE_NAME = text("SELECT name FROM offices ORDER BY created_at LIMIT 1")
_AN_ADMIN = text("SELECT 1 FROM users WHERE role = :role LIMIT 1")


def office_name(session: Session) -> str | None:
    """The office's name for the login window, or None while the first-run set-up is not done
    (no office, or no admin yet): the wizard comes first then."""
    name = session.scalar(_OFFICE_NAME)
    if name is None or session.scalar(_AN_ADMIN, {"role": Role.ADMIN.value}) is None:
        return None
    return name
