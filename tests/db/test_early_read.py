"""Reading the login window's values before SQLAlchemy loads (issue 19): only from an SQLite file of ours at the
head revision, read-only, from the same file the normal opening would open."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koperasi.db import early_read, location, migrate
from koperasi.db.schema_head import script_head
from koperasi.domain.errors import DomainError
from koperasi.services.office import login_screen
from tests.support import SAMPLE_OFFICE, set_up_office

DEFAULT = Path("/data/koperasi.db")


def test_the_head_read_from_the_migration_files_is_alembics():
    assert script_head() is not None and script_head() == migrate.head_revision()


def _outcome(function):
    try:
        return function()
    except (DomainError, RuntimeError) as error:  # RuntimeError: "~nobody/...", a home folder that does not exist
        return type(error)


@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1))
def test_the_file_found_without_sqlalchemy_is_the_one_resolve_database_url_names(name):
    for arg in (name, f"sqlite:///{name}", f"sqlite+pysqlite:///{name}", f"postgresql://kantor@server/{name}"):
        found = _outcome(lambda: location.plain_sqlite_file(arg, DEFAULT))
        url = _outcome(lambda: location.resolve_database_url(arg, DEFAULT))
        if found is None:
            continue  # left to SQLAlchemy
        if isinstance(url, type):
            assert found is url  # the same failure: explained by the normal opening after all
        else:
            assert url.get_backend_name() == "sqlite" and found == Path(url.database)


def test_the_default_file_and_the_environment_are_found_as_resolve_database_url_finds_them(monkeypatch, tmp_path):
    assert location.plain_sqlite_file(None, DEFAULT) == DEFAULT
    monkeypatch.setenv(location.ENV_DATABASE_URL, f"sqlite:///{tmp_path}/kantor.db")
    assert location.plain_sqlite_file(None, DEFAULT) == tmp_path / "kantor.db"
    monkeypatch.setenv(location.ENV_DATABASE_URL, "postgresql://kantor@server/koperasi")
    assert location.plain_sqlite_file(None, DEFAULT) is None


def test_an_sqlite_url_with_options_is_left_to_sqlalchemy(tmp_path):
    assert location.plain_sqlite_file(f"sqlite:///{tmp_path}/kantor.db?timeout=5", DEFAULT) is None


def _file(database) -> Path:
    return Path(database.url.database)


def _set_revision(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()


def test_the_office_name_is_read_from_a_head_revision_file_without_changing_a_byte(sqlite_db):
    set_up_office(sqlite_db)
    sqlite_db.dispose()  # every change in the file itself, none in a -wal beside it
    path = _file(sqlite_db)
    before = hashlib.sha256(path.read_bytes()).digest()
    assert early_read.read_if_current(path, login_screen.office_name_in) == SAMPLE_OFFICE.name
    assert hashlib.sha256(path.read_bytes()).digest() == before
    assert sorted(found.name for found in path.parent.iterdir() if found.name.startswith(path.name)) == [path.name]


@pytest.mark.parametrize("revision", ["0001", "9999"])  # behind the head: upgraded first; newer: refused first
def test_a_file_not_at_the_head_is_not_read(sqlite_db, revision):
    set_up_office(sqlite_db)
    _set_revision(_file(sqlite_db), revision)
    assert early_read.read_if_current(_file(sqlite_db), login_screen.office_name_in) is None


def test_a_missing_file_is_not_created(tmp_path):
    path = tmp_path / "belum-ada.db"
    assert early_read.read_if_current(path, login_screen.office_name_in) is None
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("content", [b"", b"bukan basis data" * 500])
def test_an_empty_or_damaged_file_is_not_read(tmp_path, content):
    path = tmp_path / "rusak.db"
    path.write_bytes(content)
    assert early_read.read_if_current(path, login_screen.office_name_in) is None
    assert path.read_bytes() == content


def test_a_folder_is_not_read(tmp_path):
    assert early_read.read_if_current(tmp_path, login_screen.office_name_in) is None


def test_without_a_plain_chain_of_migrations_nothing_is_read(sqlite_db, monkeypatch):
    set_up_office(sqlite_db)
    monkeypatch.setattr(early_read, "script_head", lambda: None)
    assert early_read.read_if_current(_file(sqlite_db), login_screen.office_name_in) is None


def test_the_sqlite3_read_gives_the_answers_of_the_sqlalchemy_read(sqlite_db):
    def both() -> tuple[str | None, str | None]:
        with sqlite_db.session() as session:
            through_sqlalchemy = login_screen.office_name(session)
        connection = sqlite3.connect(_file(sqlite_db))
        try:
            return through_sqlalchemy, login_screen.office_name_in(connection)
        finally:
            connection.close()

    assert both() == (None, None)  # not set up: the wizard first
    set_up_office(sqlite_db)
    assert both() == (SAMPLE_OFFICE.name, SAMPLE_OFFICE.name)
    with sqlite3.connect(_file(sqlite_db)) as connection:
        connection.execute("UPDATE users SET role = 'manager'")
    connection.close()
    assert both() == (None, None)  # no admin: the wizard first
