"""The PostgreSQL copies the suite hands to tests (tests/postgres_copies.py): a copy handed out again holds nothing
of the test before it, and one whose shape a test changed is not handed out again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from koperasi.db.database import open_database
from tests.conftest import POSTGRES_URL
from tests.postgres_copies import PostgresCopies, drop_databases
from tests.support import set_up_office

SERVER = make_url(POSTGRES_URL)


def _url(name: str) -> URL:
    return SERVER.set(database=name)


def _contents(name: str) -> tuple[dict[str, str], list[tuple]]:
    """Every table's rows (as a digest) and every sequence's position."""
    engine = create_engine(_url(name), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            tables = connection.scalars(text("SELECT format('%I.%I', schemaname, relname) FROM pg_stat_user_tables")).all()
            rows = {
                table: connection.execute(
                    text(f"SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM {table} t")
                ).scalar_one()
                for table in tables
            }
            sequences = [tuple(row) for row in connection.execute(
                text("SELECT sequencename, last_value FROM pg_sequences ORDER BY sequencename"))]
    finally:
        engine.dispose()
    return rows, sequences


def _exists(name: str) -> bool:
    engine = create_engine(SERVER, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM pg_database WHERE datname = :name"), {"name": name}).scalar_one() == 1
    finally:
        engine.dispose()


@pytest.fixture
def copies(_postgres_copies: PostgresCopies) -> Iterator[PostgresCopies]:
    """Copies of the suite's template of their own, so that what they hand out is known."""
    made = PostgresCopies(SERVER, _postgres_copies.template)
    yield made
    drop_databases(SERVER, made.close())


def test_a_copy_handed_out_again_holds_the_template_s_rows_and_nothing_of_the_test_before(copies):
    template = _contents(copies.template)
    first = copies.take()
    database = open_database(_url(first))
    set_up_office(database)  # users, the office, audit events and their sequence
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE kecamatan SET name = 'Diubah uji'"))  # one of the template's own rows
    forgotten = database.engine.connect()  # a connection the test left open
    forgotten.execute(text("SELECT 1"))
    changed = _contents(first)
    assert changed[0]["public.users"] != template[0]["public.users"]
    assert changed[0]["public.kecamatan"] != template[0]["public.kecamatan"]
    assert changed[1] != template[1]

    copies.give_back(first)
    handed_out = [copies.take(), copies.take()]
    assert first in handed_out
    assert _contents(first) == template
    for name in handed_out:
        copies.give_back(name)


def test_a_copy_whose_shape_the_test_changed_is_dropped_not_handed_out_again(copies):
    first = copies.take()
    database = open_database(_url(first))
    with database.engine.begin() as connection:
        connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change"))
    database.dispose()

    copies.give_back(first)
    handed_out = [copies.take(), copies.take()]
    assert first not in handed_out
    assert not _exists(first)
    for name in handed_out:
        copies.give_back(name)
