from __future__ import annotations

import pytest

from koperasi.db.models import Kecamatan
from koperasi.domain.errors import ConflictError
from koperasi.services.transaction import write


def test_a_clash_with_a_row_saved_meanwhile_is_a_conflict_and_nothing_is_kept(db):
    with db.session() as session, pytest.raises(ConflictError, match="komputer lain"):
        with write(session):
            session.add(Kecamatan(code="15.03.99", name="Uji"))
            session.add(Kecamatan(code="15.03.01", name="Batang Asai Lagi"))  # already seeded
    with db.session() as session:
        assert session.get(Kecamatan, "15.03.99") is None


def test_changes_made_outside_write_are_refused(db):
    with db.session() as session:
        session.add(Kecamatan(code="15.03.98", name="Liar"))
        with pytest.raises(RuntimeError), write(session):
            pass


def test_nested_writes_join_the_outer_transaction(db):
    with db.session() as session, pytest.raises(ZeroDivisionError):
        with write(session):
            with write(session):
                session.add(Kecamatan(code="15.03.97", name="Dalam"))
            1 / 0
    with db.session() as session:
        assert session.get(Kecamatan, "15.03.97") is None


def test_postgres_writers_that_lock_rows_and_append_to_the_audit_chain_do_not_deadlock(migrated_postgres_url):
    """One writer appends an event then locks a row; another locks that row then appends: both must finish."""
    import threading

    from sqlalchemy import select

    from koperasi.db.database import open_database
    from koperasi.db.models import User
    from koperasi.domain.office.audit import AuditAction
    from koperasi.services.office import audit, health
    from tests.support import set_up_office

    database = open_database(migrated_postgres_url)
    set_up_office(database)
    first_has_appended, errors = threading.Event(), []

    def lock_the_admin(session) -> None:
        session.scalar(select(User).where(User.username == "admin").with_for_update())

    def appends_then_locks() -> None:
        try:
            with database.session() as session, write(session):
                audit.record(session, None, action=AuditAction.OFFICE_UPDATED, entity="office", entity_id="satu")
                session.flush()
                first_has_appended.set()
                threading.Event().wait(1.5)  # the other writer now tries its row lock
                lock_the_admin(session)
        except Exception as error:  # noqa: BLE001 - reported to the test thread
            errors.append(error)
            first_has_appended.set()

    def locks_then_appends() -> None:
        first_has_appended.wait(10)
        try:
            with database.session() as session, write(session):
                lock_the_admin(session)
                audit.record(session, None, action=AuditAction.OFFICE_UPDATED, entity="office", entity_id="dua")
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=appends_then_locks), threading.Thread(target=locks_then_appends)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    try:
        assert errors == []
        with database.session() as session:
            assert health.audit_chain(session).ok
    finally:
        database.dispose()
