"""Reading an SQLite file with the standard library's sqlite3, before SQLAlchemy is loaded: the login window's
few values at start-up (app.run_gui), so that it shows while the database layer loads behind it.

Only from a file that needs nothing done before the login: its schema at this program's head (nothing to copy
aside, upgrade or refuse), which settles too that the file is ours. Opened read-only (``mode=ro``): whatever
happens here, the file is not changed. Any doubt is None, and start-up opens the database first, as always.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from koperasi.db.schema_head import script_head

log = logging.getLogger(__name__)
T = TypeVar("T")


def read_if_current(path: Path, read: Callable[[sqlite3.Connection], T]) -> T | None:
    """``read(connection)`` on the file at ``path`` opened read-only, when it is an SQLite file of ours whose
    schema is at the head revision; None otherwise, or when it cannot be read."""
    head = script_head()
    if head is None or not path.is_file():
        return None
    # Without a -wal file everything is in the file itself: "immutable" reads it without leaving an empty
    # -wal/-shm beside it (a read-only connection to a WAL file would). timeout=0: a file another program
    # holds locked is not waited for with nothing on screen; start-up then opens it the usual way.
    wal = path.with_name(path.name + "-wal").exists()
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro{'' if wal else '&immutable=1'}", uri=True, timeout=0)
    except sqlite3.Error as error:
        log.info("early read of %s: cannot open it read-only (%s)", path, error)
        return None
    try:
        revisions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        if revisions != [(head,)]:
            log.info("early read of %s: schema %s, not the head %s", path, revisions, head)
            return None
        return read(connection)
    except sqlite3.Error as error:
        log.info("early read of %s: %s", path, error)
        return None
    finally:
        connection.close()
