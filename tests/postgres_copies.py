"""Copies of the migrated PostgreSQL template, one per test, made ready one test ahead on a thread of their own.

A copy a test is done with is emptied back to the template's state and given to a later test instead of being
dropped: on PostgreSQL 15 every DROP DATABASE forces a checkpoint, 1.5-5 s on the shared CI machine, and the next
test's setup waited behind it (3-5 s setups). Emptying deletes the rows of the tables the test wrote and puts
back the template's own rows and sequence positions, about 0.1 s. A test that changed more than rows (owners, grants,
disabled triggers, a new table) leaves a copy that no longer looks like the template: that copy is dropped and
a fresh one made, as before.
"""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.pool import NullPool

# Everything in a database besides its rows that a test may change: relations with their owners, grants and row
# security, columns, constraints, indexes, triggers and whether they fire, functions, schemas, extensions, default
# privileges, policies, rules, the database's own settings and grants, large objects and prepared transactions.
_SHAPE = """
SELECT md5(string_agg(part, E'\\n' ORDER BY part)) FROM (
  SELECT format('class %s %s %s %s %s', c.oid::regclass, c.relkind, c.relowner::regrole, c.relacl, c.relrowsecurity)
    FROM pg_class c
   WHERE c.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace, 'pg_toast'::regnamespace)
  UNION ALL
  SELECT format('column %s %s %s %s %s', a.attrelid::regclass, a.attname, a.atttypid::regtype, a.attnotnull,
                pg_get_expr(d.adbin, d.adrelid))
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE c.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace, 'pg_toast'::regnamespace)
     AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL
  SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) FROM pg_constraint
   WHERE connamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
  UNION ALL
  SELECT format('index %s', pg_get_indexdef(indexrelid)) FROM pg_index
  UNION ALL
  SELECT format('trigger %s %s %s %s', tgrelid::regclass, tgname, tgenabled, pg_get_triggerdef(oid)) FROM pg_trigger
  UNION ALL
  SELECT format('function %s %s %s %s', p.oid::regprocedure, p.proowner::regrole, p.proacl, md5(p.prosrc))
    FROM pg_proc p WHERE p.pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
  UNION ALL
  SELECT format('schema %s %s %s', nspname, nspowner::regrole, nspacl) FROM pg_namespace
  UNION ALL
  SELECT format('extension %s %s', extname, extversion) FROM pg_extension
  UNION ALL
  SELECT format('default privileges %s %s %s %s', defaclrole::regrole, defaclnamespace, defaclobjtype, defaclacl)
    FROM pg_default_acl
  UNION ALL
  SELECT format('policy %s %s', polrelid::regclass, polname) FROM pg_policy
  UNION ALL
  SELECT format('rule %s %s', ev_class::regclass, rulename) FROM pg_rewrite
  UNION ALL
  SELECT format('database %s %s', datdba::regrole, datacl) FROM pg_database WHERE datname = current_database()
  UNION ALL
  SELECT format('setting %s %s', setrole, setconfig) FROM pg_db_role_setting
   WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
  UNION ALL
  SELECT format('large objects %s', count(*)) FROM pg_largeobject_metadata
  UNION ALL
  SELECT format('prepared %s', gid) FROM pg_prepared_xacts WHERE database = current_database()
) parts (part)
"""

# Tables with something in their heap file: those a test wrote (even rows it deleted again) and the template's own.
_TABLES_WITH_PAGES = """
SELECT format('%I.%I', n.nspname, c.relname), pg_relation_size(c.oid)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND pg_relation_size(c.oid) > 0
"""

_SEQUENCES = """
SELECT format('%I.%I', schemaname, sequencename), coalesce(last_value, start_value), last_value IS NOT NULL
  FROM pg_sequences
"""


def _rows_digest(connection: Connection, table: str) -> str:
    return connection.execute(
        text(f"SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {table} t")
    ).scalar_one()


def drop_databases(server_url: URL, names: list[str]) -> None:
    """All at once: each DROP DATABASE waits for a checkpoint, and one checkpoint serves those waiting together."""

    def drop(name: str) -> None:
        engine = create_engine(server_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        try:
            with engine.connect() as server:
                server.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        finally:
            engine.dispose()

    with ThreadPoolExecutor(max_workers=max(len(names), 1)) as workers:
        list(workers.map(drop, names))


@dataclass(frozen=True)
class _TemplateRows:
    """A table the template holds rows in (alembic_version, kecamatan, ...): its file size, its rows' digest and the
    rows themselves as COPY text."""

    size: int
    digest: str
    rows: bytes


class PostgresCopies:
    """Copies of one migrated template database, each handed to one test at a time."""

    def __init__(self, server_url: URL, template: str) -> None:
        self._server_url = server_url
        self.template = template
        self._shape, self._rows, self._sequences = self._read_template()
        self._emptied: list[str] = []
        self._out: set[str] = set()  # handed out and not given back yet
        self._work = ThreadPoolExecutor(max_workers=1, thread_name_prefix="postgres-copies")
        self._ready = self._work.submit(self._next)

    def take(self) -> str:
        name = self._ready.result()
        self._ready = self._work.submit(self._next)
        self._out.add(name)
        return name

    def give_back(self, name: str) -> None:
        self._out.remove(name)
        self._work.submit(self._empty_or_drop, name)

    def close(self) -> list[str]:
        """Stops making copies; the names of all it made that still exist, for ``drop_databases`` (a copy that could
        not be made is no reason to leave the others on the server)."""
        try:
            held = [self._ready.result(), *self._out]
        except Exception:  # noqa: BLE001 - its failure was the test's to report; what exists is still dropped
            held = [*self._out]
        self._work.shutdown(wait=True)
        return held + self._emptied

    # Everything below runs on the copies' own thread, one call at a time.

    def _url(self, database: str) -> URL:
        return self._server_url.set(database=database)

    def _server(self) -> Connection:
        return create_engine(self._server_url, isolation_level="AUTOCOMMIT", poolclass=NullPool).connect()

    def _read_template(self) -> tuple[str, dict[str, _TemplateRows], list[tuple[str, int, bool]]]:
        engine = create_engine(self._url(self.template), poolclass=NullPool)
        try:
            with engine.connect() as connection:
                shape = connection.execute(text(_SHAPE)).scalar_one()
                rows = {}
                for table, size in connection.execute(text(_TABLES_WITH_PAGES)).all():
                    with connection.connection.driver_connection.cursor().copy(f"COPY {table} TO STDOUT") as copy:
                        data = b"".join(bytes(chunk) for chunk in copy)
                    rows[table] = _TemplateRows(size, _rows_digest(connection, table), data)
                sequences = [tuple(row) for row in connection.execute(text(_SEQUENCES)).all()]
        finally:
            # CREATE DATABASE ... TEMPLATE refuses a template anyone is connected to.
            engine.dispose()
        return shape, rows, sequences

    def _next(self) -> str:
        return self._emptied.pop() if self._emptied else self._create()

    def _create(self) -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        with self._server() as server:
            server.execute(text(f"CREATE DATABASE {name} TEMPLATE {self.template}"))
        return name

    def _drop(self, name: str) -> None:
        drop_databases(self._server_url, [name])

    def _empty_or_drop(self, name: str) -> None:
        with self._server() as server:
            # Connections a test left open (as DROP DATABASE ... WITH (FORCE) would end them), waited for until they
            # are gone: a backend still ending could otherwise commit after the emptying, for the next test to see.
            others = text("SELECT pid FROM pg_stat_activity WHERE datname = :name AND pid <> pg_backend_pid()")
            server.execute(text(f"SELECT pg_terminate_backend(pid) FROM ({others.text}) AS open"), {"name": name})
            deadline = time.monotonic() + 10
            while server.execute(others, {"name": name}).first() is not None:
                if time.monotonic() > deadline:
                    self._drop(name)
                    return
                time.sleep(0.02)
        engine = create_engine(self._url(name), poolclass=NullPool)
        try:
            emptied = self._empty(engine)
        except Exception:  # noqa: BLE001 - a copy that could not be emptied is dropped, not left on the server
            emptied = False
        finally:
            engine.dispose()
        if emptied:
            self._emptied.append(name)
        else:
            self._drop(name)

    def _empty(self, engine: Engine) -> bool:
        """Puts the copy back to the template's rows; False, touching nothing, when the test changed its shape.

        DELETE and VACUUM rather than TRUNCATE: TRUNCATE makes new files for every table it cascades to (nearly all
        of them refer to users), 0.3-0.9 s here; VACUUM gives the emptied tables' pages back, so the next test's
        rows land where they would in a fresh copy, and the template's rows go back into empty tables.
        """
        with engine.begin() as connection:
            if connection.execute(text(_SHAPE)).scalar_one() != self._shape:
                return False
            written = [
                table for table, size in connection.execute(text(_TABLES_WITH_PAGES)).all()
                if table not in self._rows or size != self._rows[table].size
                or _rows_digest(connection, table) != self._rows[table].digest
            ]
            # Replica mode: neither foreign keys nor the append-only triggers, there to stop the program, apply.
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            for table in written:
                connection.execute(text(f"DELETE FROM {table}"))
            for sequence, value, called in self._sequences:
                connection.execute(text("SELECT setval(:sequence, :value, :called)"),
                                   {"sequence": sequence, "value": value, "called": called})
        if written:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.execute(text(f"VACUUM {', '.join(written)}"))
        with engine.begin() as connection:
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            # The template's rows, where the test changed them or emptied the table (a TRUNCATE leaves no pages).
            for table, template_rows in self._rows.items():
                if connection.execute(text(f"SELECT NOT EXISTS (SELECT FROM {table})")).scalar_one():
                    with connection.connection.driver_connection.cursor().copy(f"COPY {table} FROM STDIN") as copy:
                        copy.write(template_rows.rows)
        return True
