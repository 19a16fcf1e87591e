from __future__ import annotations

import pytest
from sqlalchemy import exc, text

from koperasi.db.database import open_database
from koperasi.services.office import health
from tests.support import set_up_office


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_events SET username = 'pemalsu'", "DELETE FROM audit_events"],
)
def test_database_refuses_to_change_the_audit_log(db, admin, statement):
    with db.engine.connect() as connection:
        before = connection.execute(text("SELECT count(*) FROM audit_events")).scalar_one()
        assert before > 0
        connection.rollback()
        with pytest.raises(exc.DatabaseError, match="append-only"):
            with connection.begin():
                connection.execute(text(statement))
        after = connection.execute(text("SELECT count(*), min(username) FROM audit_events")).one()
    assert after[0] == before
    assert after[1] != "pemalsu"


def test_doctor_passes_on_a_fresh_database_and_notices_a_missing_trigger(db, admin):
    with db.session() as session:
        assert health.examine(session).ok
    with db.engine.begin() as connection:
        if db.is_sqlite:
            connection.execute(text("DROP TRIGGER audit_events_no_delete"))
        else:
            connection.execute(text("DROP TRIGGER audit_events_no_change ON audit_events"))
    with db.session() as session:
        report = health.examine(session)
    assert not report.ok
    assert "pemicu hilang" in [c for c in report.checks if not c.ok][0].detail


def _chain_check(db) -> health.Check:
    with db.session() as session:
        return next(check for check in health.examine(session).checks if check.name == "Rantai catatan audit")


def _event_ids(db) -> list[int]:
    with db.engine.connect() as connection:
        return list(connection.execute(text("SELECT id FROM audit_events ORDER BY id")).scalars())


def test_every_written_event_is_chained_and_the_doctor_says_so(db, admin):
    assert len(_event_ids(db)) >= 2
    check = _chain_check(db)
    assert check.ok, check.detail
    with db.engine.connect() as connection:
        hashes = list(connection.execute(text("SELECT chain_hash FROM audit_events ORDER BY id")).scalars())
    assert all(len(value) == 64 for value in hashes) and len(set(hashes)) == len(hashes)


def test_sqlite_events_deleted_behind_a_lifted_trigger_break_the_chain_at_the_next_event(sqlite_db):
    set_up_office(sqlite_db)
    ids = _event_ids(sqlite_db)
    victim, next_one = ids[-2], ids[-1]
    with sqlite_db.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER audit_events_no_delete"))
        connection.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": victim})
        connection.execute(text(
            "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
            "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"
        ))
    with sqlite_db.session() as session:
        report = health.examine(session)
    assert not report.ok
    failed = [check for check in report.checks if not check.ok]
    assert [check.name for check in failed] == ["Rantai catatan audit"]  # the triggers are back: only the chain tells
    assert f"peristiwa nomor {next_one} (28-11-2026" in failed[0].detail


def test_sqlite_a_changed_event_breaks_the_chain_at_that_event(sqlite_db):
    set_up_office(sqlite_db)
    first = _event_ids(sqlite_db)[0]
    with sqlite_db.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER audit_events_no_update"))
        connection.execute(text("UPDATE audit_events SET username = 'pemalsu' WHERE id = :id"), {"id": first})
    check = _chain_check(sqlite_db)
    assert not check.ok
    assert f"peristiwa nomor {first} " in check.detail


def test_postgres_delete_as_replica_is_caught_by_the_chain(migrated_postgres_url):
    postgres_db = open_database(migrated_postgres_url)
    set_up_office(postgres_db)
    ids = _event_ids(postgres_db)
    with postgres_db.engine.begin() as connection:
        connection.execute(text("SET LOCAL session_replication_role = replica"))
        connection.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": ids[0]})
    check = _chain_check(postgres_db)
    postgres_db.dispose()
    assert not check.ok
    assert f"peristiwa nomor {ids[1]} " in check.detail


def test_an_event_whose_text_cannot_be_stored_is_refused_in_words_before_it_is_hashed(db, admin):
    """A lone surrogate (a broken paste, a file name in another encoding) crashed the chain hash with a
    UnicodeEncodeError; the engine refuses such text anyway, so the event is refused with its words."""
    from koperasi.domain.errors import ValidationError
    from koperasi.domain.office.audit import AuditAction
    from koperasi.services.office import audit as audit_service

    with db.session() as session, pytest.raises(ValidationError, match="tidak dapat disimpan"):
        audit_service.record(session, admin, action=AuditAction.REGION_NAMES_UPDATED, entity="wilayah", entity_id="\ud800")
