"""The one way services write: a single transaction that commits all or nothing.

Every public write function of a service runs its record changes, its audit event
(and later its journal entry and document number) inside ``write(session)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import exc, inspect, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from koperasi.db import errors
from koperasi.db.engine import BEGIN_MODE
from koperasi.domain.errors import ConflictError

T = TypeVar("T")

_WRITING = "koperasi_writing"
# Any fixed number: the key of the PostgreSQL advisory lock every write transaction takes first.
WRITERS_LOCK = 0x4B42_0002


def in_write(session: Session) -> bool:
    return bool(session.info.get(_WRITING))


def held(session: Session, model: type[T], key: object) -> T | None:
    """The ORM object of this row if the session already holds one (without loading it).

    Code that reads or changes a row with a plain statement asks first: a held object would otherwise
    keep its old values, as sessions do not expire on commit."""
    return session.identity_map.get(inspect(model).identity_key_from_primary_key((key,)))


def lock_writers(session: Session) -> None:
    """PostgreSQL: wait for this transaction's turn to write (held until commit or rollback); SQLite: BEGIN IMMEDIATE did."""
    if session.get_bind().dialect.name != "sqlite":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITERS_LOCK})


@contextmanager
def write(session: Session) -> Iterator[Session]:
    """Run a write unit of work; nested calls join the outer one.

    A session that holds only a read transaction is rolled back first, so that the
    write can start with ``BEGIN IMMEDIATE`` (SQLite); pending unsaved changes made
    outside ``write`` are a programming error and refused.

    On PostgreSQL the transaction first takes one advisory lock (``lock_writers``), so writers take
    turns as they do on SQLite. Every write appends to the audit log's hash chain, which must not fork;
    taking that turn first, before any row lock, is what keeps two writers from deadlocking (one holding
    a loan's row lock and waiting for the chain, the other holding the chain and waiting for the loan).
    """
    if session.info.get(_WRITING):
        yield session
        return
    if session.new or session.dirty or session.deleted:
        raise RuntimeError("changes made outside services.transaction.write()")
    if session.in_transaction():
        session.rollback()
    session.info[_WRITING] = True
    try:
        session.connection(execution_options={BEGIN_MODE: "IMMEDIATE"})
        lock_writers(session)
        yield session
        session.commit()
    except StaleDataError as error:
        session.rollback()
        raise ConflictError(
            "Data ini sudah diubah oleh pengguna lain sejak Anda membukanya. "
            "Muat ulang lalu ulangi perubahan Anda."
        ) from error
    except exc.IntegrityError as error:
        session.rollback()
        # Checks ran before the write; a clash now means another PC saved the same thing just now.
        raise ConflictError(
            "Data yang sama baru saja disimpan dari komputer lain. Muat ulang lalu periksa sebelum mengulang."
        ) from error
    except exc.DBAPIError as error:
        session.rollback()
        translated = errors.translate(error)
        if translated is None:
            raise
        raise translated from error
    except BaseException:
        session.rollback()
        raise
    finally:
        session.info.pop(_WRITING, None)
