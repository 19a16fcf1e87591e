"""A column holding a searched word: the LIKE the Anggota and Pinjaman lists search with.

On PostgreSQL the pattern is written into the statement, not sent as a parameter. psycopg prepares a
statement it has run five times, and PostgreSQL then plans it once for every value: that generic plan
cannot see how many rows a word matches, and it takes the trigram index (migration 0025) even for "ah"
or "1503", which most members hold (half a second at 100,000 members, where a scan takes tens of
milliseconds). Written in, each word is planned for what it is: the index for a rare word, a scan for a
common one. Elsewhere the pattern stays a parameter, one statement for every word.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, bindparam
from sqlalchemy.orm import Session

ESCAPE = "/"


def holds(session: Session, column: ColumnElement[str], word: str) -> ColumnElement[bool]:
    """``column`` holds ``word`` as a substring (``%`` and ``_`` in it are plain characters)."""
    if session.get_bind().dialect.name != "postgresql" or not _writable(word):
        return column.contains(word, autoescape=True)
    escaped = word.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")
    return column.like(bindparam(None, f"%{escaped}%", literal_execute=True), escape=ESCAPE)


def _writable(word: str) -> bool:
    """Whether the word can go into the statement's text; one that cannot (a NUL, a lone surrogate) stays a
    parameter, where the engine's guard for parameters refuses it for the clerk."""
    if "\x00" in word:
        return False
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
