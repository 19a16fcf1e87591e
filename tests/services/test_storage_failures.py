"""A full disk or a read-only database during a save: a clear message, and nothing half-written."""

from __future__ import annotations

import pytest
from sqlalchemy import event
from sqlalchemy.engine import URL

from sqlalchemy.orm import sessionmaker

from koperasi.db.database import Database, open_database
from koperasi.db.engine import create_database_engine
from koperasi.db.errors import StorageError
from koperasi.domain.roles import Role
from koperasi.services.office import audit
from koperasi.services.office import regions
from koperasi.services.office import users
from tests.support import TEST_PASSWORD, set_up_office


def test_a_full_disk_refuses_the_save_and_leaves_no_half_written_record(sqlite_db):
    admin = set_up_office(sqlite_db)
    with sqlite_db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(sqlite_db.engine, "connect")
    def _full_disk(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 1}")

    sqlite_db.engine.dispose()  # new connections see the small disk
    saved = 0
    with sqlite_db.session() as session, pytest.raises(StorageError, match="Disk penuh"):
        while saved < 1000:
            regions.add_desa(session, admin, "15.03.01", name=f"Desa {saved:04d} " + "x" * 60)
            saved += 1
    event.remove(sqlite_db.engine, "connect", _full_disk)
    sqlite_db.engine.dispose()
    with sqlite_db.session() as session:
        desa = regions.list_desa(session, admin, "15.03.01")
        events = [e for e in audit.recent_events(session, admin, limit=5000) if e.entity == "desa"]
    assert 0 < saved < 1000
    assert len(desa) == len(events) == saved  # the failed save wrote neither its desa nor its audit event


def test_a_read_only_database_refuses_the_save_with_a_clear_message(sqlite_url):
    database = open_database(sqlite_url)
    admin = set_up_office(database)
    database.dispose()
    read_only = URL.create(
        "sqlite+pysqlite", database=f"file:{sqlite_url.database}?mode=ro", query={"uri": "true"}
    )
    engine = create_database_engine(read_only)
    try:
        ro = Database(url=read_only, engine=engine, sessions=sessionmaker(engine))
        with ro.session() as session, pytest.raises(StorageError, match="hanya bisa dibaca"):
            users.create_user(session, admin, username="siti", full_name="Siti", role=Role.CLERK, password=TEST_PASSWORD)
    finally:
        engine.dispose()
    reopened = open_database(sqlite_url)
    with reopened.session() as session:
        assert [u.username for u in users.list_users(session, admin)] == ["admin"]
    reopened.dispose()
