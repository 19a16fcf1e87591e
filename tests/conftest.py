"""Shared fixtures: a fresh, migrated database per test on SQLite and, where the server
answers, on PostgreSQL.

Migrating costs ~0.2 s on SQLite and ~0.5 s on PostgreSQL, paid hundreds of times: so the
suite migrates one template of each per run and gives every test a copy (SQLite's backup
API; PostgreSQL's CREATE DATABASE ... TEMPLATE, each copy emptied back to the template and used
again: tests/postgres_copies.py). Tests that need an empty database (migrations, first start)
use ``sqlite_url`` / ``postgres_url`` / ``db_url`` instead.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from koperasi import clock  # noqa: E402
from koperasi.db.database import Database, open_database  # noqa: E402
from koperasi.domain.roles import Actor  # noqa: E402
from koperasi.services.office import passwords  # noqa: E402
from tests.postgres_copies import PostgresCopies, drop_databases  # noqa: E402
from tests.support import PINNED_MOMENT, set_up_office  # noqa: E402

POSTGRES_URL = os.environ.get("KOPERASI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
# CI sets this so that an unreachable server fails the run instead of skipping half of it.
REQUIRE_POSTGRES = os.environ.get("KOPERASI_REQUIRE_POSTGRES") == "1"


def _postgres_answers() -> bool:
    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 2})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


_POSTGRES_OK = _postgres_answers()
if REQUIRE_POSTGRES and not _POSTGRES_OK:
    raise RuntimeError(f"KOPERASI_REQUIRE_POSTGRES=1 but {POSTGRES_URL} does not answer")


@pytest.fixture(autouse=True)
def _pinned_clock() -> Iterator[None]:
    """Every test lives on one known day, whatever the real date: see tests/support.PINNED_MOMENT."""
    clock.pin(PINNED_MOMENT)
    yield
    clock.pin(None)


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production Argon2 costs ~0.14 s a hash; tests hash hundreds of times."""
    monkeypatch.setattr(passwords, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(autouse=True)
def _fresh_login_throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-PC wait after failed logins lives in the process: each test starts as a fresh PC."""
    from koperasi.services.office import auth

    monkeypatch.setattr(auth, "throttle", auth.LoginThrottle())


@pytest.fixture(autouse=True)
def _memory_keyring(monkeypatch: pytest.MonkeyPatch):
    """The automatic backups' passphrase goes to a credential store in memory, never the PC's own."""
    import keyring.core

    from tests.support import MemoryKeyring

    store = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", store)
    return store


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, logs and the default database go to the test's own folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("KOPERASI_DATA_DIR", str(folder))
    monkeypatch.delenv("KOPERASI_DATABASE_URL", raising=False)
    return folder


@pytest.fixture
def sqlite_url(tmp_path: Path) -> URL:
    return URL.create("sqlite+pysqlite", database=str(tmp_path / "koperasi.db"))


@pytest.fixture
def postgres_url() -> Iterator[URL]:
    if not _POSTGRES_OK:
        pytest.skip(f"PostgreSQL at {POSTGRES_URL} does not answer")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    yield make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest) -> URL:
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "koperasi.db"
    open_database(URL.create("sqlite+pysqlite", database=str(path))).dispose()
    return path


def _server():
    return create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT").connect()


@pytest.fixture
def migrated_sqlite_url(_sqlite_template: Path, tmp_path: Path) -> URL:
    path = tmp_path / "koperasi.db"
    with sqlite3.connect(_sqlite_template) as source, sqlite3.connect(path) as target:
        source.backup(target)
    return URL.create("sqlite+pysqlite", database=str(path))


@pytest.fixture(scope="session")
def _postgres_copies() -> Iterator[PostgresCopies]:
    """The migrated template and the copies made from it; all dropped together at the end."""
    if not _POSTGRES_OK:
        pytest.skip(f"PostgreSQL at {POSTGRES_URL} does not answer")
    template = f"tpl_{uuid.uuid4().hex[:12]}"
    with _server() as server:
        server.execute(text(f"CREATE DATABASE {template}"))
    open_database(make_url(POSTGRES_URL).set(database=template)).dispose()
    copies = PostgresCopies(make_url(POSTGRES_URL), template)
    try:
        yield copies
    finally:
        drop_databases(make_url(POSTGRES_URL), [*copies.close(), template])


@pytest.fixture
def migrated_postgres_url(_postgres_copies: PostgresCopies) -> Iterator[URL]:
    name = _postgres_copies.take()
    yield make_url(POSTGRES_URL).set(database=name)
    _postgres_copies.give_back(name)


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    database = open_database(request.getfixturevalue(f"migrated_{request.param}_url"))
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(migrated_sqlite_url: URL) -> Iterator[Database]:
    database = open_database(migrated_sqlite_url)
    yield database
    database.dispose()


@pytest.fixture
def admin(db: Database) -> Actor:
    return set_up_office(db)
