"""What the login window needs before it shows: whether the office is set up, and its name.

Read with two plain statements, not through the models: the login window is the first screen every day, and
importing the models (and what they bring) is the largest part of start-up. They load while the password is
typed (gui/warm_up.py). The answers are the same as ``profile.is_set_up`` and ``profile.current_office``'s name;
tests/services/office/test_login_screen.py keeps them so.

The same two statements are read through the standard library's sqlite3 (``office_name_in``) when the login
window shows before SQLAlchemy is even imported (app.run_gui): so this module imports SQLAlchemy only in
``office_name``, which is given a session and finds it loaded.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from koperasi.domain.roles import Role

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# The first office set up is this installation's (profile.the_office): combined data may hold others.
OFFICE_NAME = "SELECT name FROM offices ORDER BY created_at LIMIT 1"
AN_ADMIN = "SELECT 1 FROM users WHERE role = :role LIMIT 1"


def office_name(session: Session) -> str | None:
    """The office's name for the login window, or None while the first-run set-up is not done
    (no office, or no admin yet): the wizard comes first then."""
    from sqlalchemy import text

    name = session.scalar(text(OFFICE_NAME))
    if name is None or session.scalar(text(AN_ADMIN), {"role": Role.ADMIN.value}) is None:
        return None
    return name


def office_name_in(connection: sqlite3.Connection) -> str | None:
    """``office_name`` read from an SQLite file opened with the standard library's sqlite3."""
    found = connection.execute(OFFICE_NAME).fetchone()
    if found is None or connection.execute(AN_ADMIN, {"role": Role.ADMIN.value}).fetchone() is None:
        return None
    return found[0]
