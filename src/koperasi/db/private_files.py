"""Files only their owner may read: the database, its -wal and -shm, and every copy of it (backups, the
copies kept aside before a migration or a restore) hold members' NIK, addresses and money.

POSIX only: on Windows the data folder lies in the user's profile, whose access list already keeps
other accounts out, and ``os.chmod`` there only sets the read-only flag.
"""

from __future__ import annotations

import os
from pathlib import Path

OWNER_ONLY = 0o600


def create_owner_only(path: Path) -> None:
    """Create ``path`` empty and owner-only before anything writes into it (umask cannot widen it), or
    narrow an existing one: a file's mode is kept when SQLite or ``open("wb")`` writes into it later."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    except FileExistsError:
        os.chmod(path, OWNER_ONLY)
        return
    os.close(descriptor)


def restrict_database(path: Path) -> None:
    """The database file and its companions as they are now (SQLite gives a new -wal/-shm the mode of the
    database file, so this keeps holding once the file itself is owner-only)."""
    if os.name != "posix":
        return
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if file.stat().st_mode & 0o077:
                os.chmod(file, OWNER_ONLY)
        except FileNotFoundError:
            continue
