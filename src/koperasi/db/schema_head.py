"""The schema revision this program needs, read from the migration files' own lines: without Alembic and
without SQLAlchemy, so that start-up can tell a current database from one to upgrade before loading either
(db/migrate.py when it opens the database; db/early_read.py before the login window shows).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

MIGRATIONS = Path(__file__).with_name("migrations")
# The two lines every migration file starts with: revision = "0012" / down_revision = "0011" (or None).
_SCRIPT_LINE = re.compile(r'^(revision|down_revision)(?:: [^=]+)? = (?:"(\d{4})"|None)\s*$', re.MULTILINE)


@cache
def script_head() -> str | None:
    """The newest revision, read from the migration files' own lines without Alembic; None when
    those do not form one plain chain (Alembic then decides, as it always may)."""
    revisions: dict[str, str | None] = {}
    for script in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"):
        lines = dict((key, value or None) for key, value in _SCRIPT_LINE.findall(script.read_text(encoding="utf-8")))
        if set(lines) != {"revision", "down_revision"}:
            return None
        revisions[lines["revision"]] = lines["down_revision"]
    heads = set(revisions) - set(revisions.values())
    return heads.pop() if len(heads) == 1 else None
