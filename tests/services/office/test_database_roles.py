"""Least privilege on PostgreSQL (issue 18): the program's role can add history but not erase it."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, exc, text

from koperasi.cli import main
from koperasi.db.database import open_database
from koperasi.domain.errors import ValidationError
from koperasi.domain.office.audit import AuditAction
from koperasi.services.office import audit, auth, database_roles, health
from koperasi.services.transaction import write
from tests.support import TEST_PASSWORD, set_up_office


@pytest.fixture
def roles(migrated_postgres_url):
    """A migrated database with an office, and the two roles set up by a superuser; both roles dropped afterwards."""
    tag = uuid.uuid4().hex[:8]
    owner, app = f"kop_pemilik_{tag}", f"kop_aplikasi_{tag}"
    superuser = open_database(migrated_postgres_url)
    set_up_office(superuser)
    with superuser.engine.begin() as connection:
        statements = database_roles.set_up_roles(connection, owner=owner, app=app, app_password="rahasia-aplikasi")
    yield superuser, owner, app, statements
    superuser.dispose()
    engine = create_engine(migrated_postgres_url)
    with engine.begin() as connection:
        connection.execute(text(f"REASSIGN OWNED BY {owner} TO current_user"))
        # One role at a time: PostgreSQL 15 fails on both at once when the owner's default privileges name the
        # application role ("could not find tuple for default ACL").
        connection.execute(text(f"DROP OWNED BY {app}"))
        connection.execute(text(f"DROP OWNED BY {owner}"))
        connection.execute(text(f"DROP ROLE {owner}, {app}"))
    engine.dispose()


def _as(superuser, role: str):
    return open_database(superuser.url.set(username=role))


def test_the_application_role_works_and_the_doctor_does_not_warn(roles):
    superuser, _owner, app, statements = roles
    assert not any("rahasia-aplikasi" in statement for statement in statements)  # the password is not echoed
    database = _as(superuser, app)
    try:
        with database.session() as session:
            actor = auth.login(session, "admin", TEST_PASSWORD)  # updates users, inserts an audit event
        with database.session() as session, write(session):
            audit.record(session, actor, action=AuditAction.OFFICE_UPDATED, entity="office", entity_id="x")
        with database.session() as session:
            report = health.examine(session)
    finally:
        database.dispose()
    assert report.ok, [check for check in report.checks if not check.ok]
    assert report.warnings == []


def test_a_table_a_later_upgrade_adds_is_usable_by_the_application_role(roles):
    """An upgrade runs as the owner; the program's role can use what it creates before setup-postgres runs again."""
    superuser, owner, app, _statements = roles
    with superuser.engine.begin() as connection:
        connection.execute(text(f"SET LOCAL ROLE {owner}"))
        connection.execute(text("CREATE TABLE later_figures (id serial PRIMARY KEY, amount bigint NOT NULL)"))
    database = _as(superuser, app)
    try:
        with database.engine.begin() as connection:
            connection.execute(text("INSERT INTO later_figures (amount) VALUES (5000)"))
            connection.execute(text("UPDATE later_figures SET amount = amount + 1"))
            assert connection.execute(text("SELECT amount FROM later_figures")).scalar_one() == 5001
    finally:
        database.dispose()


@pytest.mark.parametrize("statements", [
    ["SET LOCAL session_replication_role = replica", "DELETE FROM audit_events"],
    ["ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change"],
    ["DROP TRIGGER audit_events_no_change ON audit_events"],
    ["DELETE FROM audit_events"],
    ["UPDATE audit_events SET username = 'pemalsu'"],
    ["TRUNCATE audit_events"],
    ["DELETE FROM journal_lines"],
])
def test_the_application_role_cannot_erase_or_unlock_history(roles, statements):
    superuser, _owner, app, _ = roles
    database = _as(superuser, app)
    try:
        with database.engine.connect() as connection:
            with pytest.raises(exc.DBAPIError, match="permission denied|must be owner"):
                with connection.begin():
                    for statement in statements:
                        connection.execute(text(statement))
        with database.session() as session:
            assert health.examine(session).ok
    finally:
        database.dispose()


def test_the_owner_and_a_superuser_are_warned_about_in_the_doctor(roles, capsys):
    superuser, owner, _app, _ = roles
    with superuser.session() as session:
        assert "superuser" in health.examine(session).warnings[0]
    database = _as(superuser, owner)
    try:
        with database.session() as session:
            warning = database_roles.owner_warning(session)
    finally:
        database.dispose()
    assert warning is not None and owner in warning

    assert main(["doctor", "--db", superuser.url.render_as_string(hide_password=False)]) == 0
    assert "[PERINGATAN] Program tersambung ke PostgreSQL sebagai pemilik tabel" in capsys.readouterr().out


def test_setting_up_twice_is_harmless_and_bad_names_are_refused(roles):
    superuser, owner, app, _ = roles
    with superuser.engine.begin() as connection:
        again = database_roles.set_up_roles(connection, owner=owner, app=app)
        assert not any(statement.startswith("CREATE ROLE") for statement in again)
        for bad in ("Pemilik", "x; DROP TABLE users", ""):
            with pytest.raises(ValidationError):
                database_roles.set_up_roles(connection, owner=bad, app=app)
        with pytest.raises(ValidationError):
            database_roles.set_up_roles(connection, owner=app, app=app)


def test_the_setup_postgres_command_leaves_a_role_the_doctor_does_not_warn_about(migrated_postgres_url, tmp_path, capsys):
    tag = uuid.uuid4().hex[:8]
    owner, app = f"kop_pemilik_{tag}", f"kop_aplikasi_{tag}"
    secret = tmp_path / "sandi.txt"
    secret.write_text("sandi-aplikasi-kantor\n", encoding="utf-8")
    url = migrated_postgres_url.render_as_string(hide_password=False)
    try:
        assert main(["setup-postgres", "--db", url, "--owner", owner, "--app", app, "--app-password-file", str(secret)]) == 0
        out = capsys.readouterr().out
        assert f"GRANT SELECT, INSERT ON public.audit_events TO {app}" in out
        assert "sandi-aplikasi-kantor" not in out and f"postgresql+psycopg://{app}@" in out
        assert main(["doctor", "--db", migrated_postgres_url.set(username=app).render_as_string(hide_password=False)]) == 0
        out = capsys.readouterr().out
        assert "PERINGATAN" not in out and "Semua pemeriksaan lulus" in out
    finally:
        engine = create_engine(migrated_postgres_url)
        with engine.begin() as connection:
            for role in (owner, app):
                if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first():
                    connection.execute(text(f"REASSIGN OWNED BY {role} TO current_user"))
                    connection.execute(text(f"DROP OWNED BY {role}"))
                    connection.execute(text(f"DROP ROLE {role}"))
        engine.dispose()
