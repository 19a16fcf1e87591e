from __future__ import annotations

import importlib
import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from koperasi.db import migrate
from koperasi.db.database import open_database
from koperasi.db.engine import create_database_engine
from koperasi.db.errors import StorageError
from koperasi.db.models import Base
from koperasi.services.books import closing
from koperasi.services.office import health
from koperasi.services.office import profile as office
from koperasi import clock


def include_name(name, type_, parent_names) -> bool:
    """The trigram index of member search (migration 0005, SQLite) is an FTS5 table and its
    shadow tables: schema the migrations own, not models."""
    return not (type_ == "table" and name.startswith("member_search"))


def test_migrations_from_empty_equal_the_models(db):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "include_name": include_name})
        assert compare_metadata(context, Base.metadata) == []


def test_migrations_seed_the_eleven_kecamatan_of_sarolangun(db):
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT code, name FROM kecamatan ORDER BY code")).all()
    assert len(rows) == 11
    assert rows[0] == ("15.03.01", "Batang Asai")
    assert rows[-1] == ("15.03.11", "Mandiangin Timur")


def test_upgrade_from_first_revision_keeps_existing_data(db_url):
    engine = create_database_engine(db_url)
    migrate.upgrade(engine, "0001")
    user_id = uuid.uuid4()
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO users (id, username, full_name, role, password_hash, active, failed_logins, created_at, version)"
                " VALUES (:id, 'lama', 'Pengguna Lama', 'admin', 'x', :active, 0, :now, 1)"
            ),
            {"id": user_id.hex if db_url.get_backend_name() == "sqlite" else user_id, "active": True, "now": clock.now().replace(tzinfo=None)},
        )
    engine.dispose()

    database = open_database(db_url)
    try:
        with database.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            assert connection.execute(text("SELECT full_name FROM users")).scalar_one() == "Pengguna Lama"
            assert connection.execute(text("SELECT count(*) FROM kecamatan")).scalar_one() == 11
    finally:
        database.dispose()


def test_upgrade_of_sqlite_file_keeps_a_copy_of_the_old_file(sqlite_url, tmp_path):
    engine = create_database_engine(sqlite_url)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    open_database(sqlite_url).dispose()
    copies = list(tmp_path.glob("koperasi.sebelum-migrasi-0001-*.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_open_refuses_a_database_from_a_newer_program_and_leaves_it_alone(db_url):
    open_database(db_url).dispose()
    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(migrate.DatabaseTooNew, match="versi Koperasi Berdaya yang lebih baru"):
        open_database(db_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "9999"
    engine.dispose()


def test_open_refuses_a_corrupt_sqlite_file_with_a_clear_message(sqlite_url, tmp_path):
    (tmp_path / "koperasi.db").write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StorageError, match="rusak"):
        open_database(sqlite_url)


def test_open_reports_an_unreachable_postgres_server():
    from sqlalchemy.engine import make_url

    with pytest.raises(StorageError, match="PostgreSQL"):
        open_database(make_url("postgresql+psycopg://postgres@127.0.0.1:1/test"))


def test_open_reports_a_folder_that_cannot_be_created(tmp_path):
    from sqlalchemy.engine import URL

    blocker = tmp_path / "berkas"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(StorageError, match="Folder basis data tidak dapat dibuat"):
        open_database(URL.create("sqlite+pysqlite", database=str(blocker / "sub" / "koperasi.db")))


def test_setup_state_survives_reopening(sqlite_url):
    from tests.support import set_up_office

    database = open_database(sqlite_url)
    set_up_office(database)
    database.dispose()
    reopened = open_database(sqlite_url)
    with reopened.session() as session:
        assert office.is_set_up(session)
    reopened.dispose()


def test_sqlite_migration_can_rebuild_a_table_that_other_rows_point_at(sqlite_db):
    """Batch mode copies a table; with foreign keys enforced that fails on any real office's data."""
    from alembic.operations import Operations
    from sqlalchemy import String

    from tests.support import set_up_office

    set_up_office(sqlite_db)  # the office points at its kecamatan
    with migrate.migration_connection(sqlite_db.engine) as connection:
        operations = Operations(MigrationContext.configure(connection, opts={"render_as_batch": True}))
        with operations.batch_alter_table("kecamatan", recreate="always") as batch:
            batch.alter_column("name", existing_type=String(80), type_=String(100))
    with sqlite_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("SELECT kecamatan_code FROM offices").scalar() == "15.03.04"


def test_postgres_pcs_starting_together_migrate_once(postgres_url):
    import threading

    outcomes: list[object] = []

    def start_program() -> None:
        try:
            open_database(postgres_url).dispose()
            outcomes.append("ok")
        except Exception as error:  # reported through the assertion
            outcomes.append(error)

    threads = [threading.Thread(target=start_program) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert outcomes == ["ok", "ok", "ok"]


def test_0008_gives_existing_desa_their_official_codes_and_lists_those_it_cannot_match(db_url, caplog):
    from koperasi.services.office import regions

    engine = create_database_engine(db_url)
    migrate.upgrade(engine, "0007")
    sqlite = db_url.get_backend_name() == "sqlite"
    typed = {"bernai": ("15.03.03", "  desa BERNAI "), "kembang": ("15.03.03", "Kelurahan Sarolangun Kembang"),
             "khayalan": ("15.03.04", "Kampung Khayalan")}
    ids = {key: uuid.uuid4() for key in typed}
    with engine.begin() as connection:
        for key, (kecamatan, name) in typed.items():
            connection.execute(
                text("INSERT INTO desa (id, kecamatan_code, name, kind, active, version) VALUES (:id, :k, :n, 'desa', :a, 1)"),
                {"id": ids[key].hex if sqlite else ids[key], "k": kecamatan, "n": name, "a": True},
            )
    engine.dispose()

    with caplog.at_level("WARNING"):
        database = open_database(db_url)
    try:
        with database.session() as session:
            codes = dict(session.execute(text("SELECT name, code FROM desa")).all())
            unmatched = regions.unmatched_desa(session)
    finally:
        database.dispose()
    assert codes == {"  desa BERNAI ": "15.03.03.2002", "Kelurahan Sarolangun Kembang": "15.03.03.1019", "Kampung Khayalan": None}
    assert unmatched == [("Pauh", "Kampung Khayalan")]
    assert "15.03.04: Kampung Khayalan" in caplog.text


def _foreign_sqlite(path):
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE pelanggan (nama TEXT)")
        connection.execute("INSERT INTO pelanggan VALUES ('Toko Jaya')")
    connection.close()
    return path


@pytest.mark.parametrize("wal", [False, True])
@pytest.mark.parametrize("revision", [None, "a1b2c3d4e5f6"])  # no alembic at all, or another program's alembic
def test_open_refuses_another_programs_sqlite_file_and_does_not_change_a_byte(tmp_path, revision, wal):
    path = _foreign_sqlite(tmp_path / "toko.db")
    if wal:  # closed cleanly: the file says WAL, no -wal or -shm beside it
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA journal_mode = WAL")
        connection.close()
    if revision is not None:
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
            connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
        connection.close()
    before = path.read_bytes()
    from koperasi.db.location import resolve_database_url

    with pytest.raises(migrate.ForeignDatabase, match="bukan milik Koperasi Berdaya"):
        open_database(resolve_database_url(str(path), path))
    assert path.read_bytes() == before  # not switched to WAL, no table added
    assert sorted(p.name for p in tmp_path.iterdir()) == ["toko.db"]  # no -wal, -shm or copy beside it


def test_the_cli_refuses_another_programs_sqlite_file_with_one_line(tmp_path, capsys):
    from koperasi.cli import main

    path = _foreign_sqlite(tmp_path / "toko.db")
    before = path.read_bytes()
    for command in (["demo", "--db", str(path)], ["doctor", "--db", str(path)], ["--db", str(path), "backup"]):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert "bukan milik Koperasi Berdaya" in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_an_empty_file_and_a_database_of_ours_still_open(tmp_path):
    from koperasi.db.location import resolve_database_url

    empty = tmp_path / "baru.db"
    empty.touch()
    open_database(resolve_database_url(str(empty), empty)).dispose()
    open_database(resolve_database_url(str(empty), empty)).dispose()  # now ours, with tables


def test_open_refuses_a_postgres_database_holding_another_programs_tables(postgres_url):
    engine = create_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE pelanggan (nama TEXT)"))
    with pytest.raises(migrate.ForeignDatabase, match="bukan milik Koperasi Berdaya"):
        open_database(postgres_url)
    with engine.connect() as connection:
        assert inspect(connection).get_table_names() == ["pelanggan"]
    engine.dispose()


def test_0010_chains_the_events_written_before_it_and_keeps_the_log_append_only(db_url):
    engine = create_database_engine(db_url)
    migrate.upgrade(engine, "0009")
    with engine.begin() as connection:
        for number in range(3):
            connection.execute(
                text(
                    "INSERT INTO audit_events (occurred_at, username, action, entity, entity_id, after)"
                    " VALUES (:at, 'lama', 'login', 'user', :entity_id, :after)"
                ),
                {"at": clock.now().replace(tzinfo=None), "entity_id": str(number), "after": '{"n": %d}' % number},
            )
    engine.dispose()

    database = open_database(db_url)
    try:
        with database.session() as session:
            report = health.examine(session)
        assert {check.name: check.ok for check in report.checks}["Rantai catatan audit"]
        assert {check.name: check.ok for check in report.checks}["Catatan audit terkunci"]
        with database.engine.connect() as connection:
            hashes = connection.execute(text("SELECT chain_hash FROM audit_events")).scalars().all()
            assert len(hashes) == 3 and None not in hashes
            connection.rollback()
            with pytest.raises(Exception, match="append-only"), connection.begin():
                connection.execute(text("UPDATE audit_events SET username = 'pemalsu'"))
    finally:
        database.dispose()


def test_0014_keeps_one_pending_reversal_per_movement_and_lets_savings_be_reversed(db_url):
    """0014 rebuilds reversal_requests on SQLite to widen its kinds: the partial unique index of pending
    requests must come back, and a 'saving' request must be accepted."""
    engine = create_database_engine(db_url)
    try:
        migrate.upgrade(engine, "0014")
        indexes = {index["name"]: index for index in inspect(engine).get_indexes("reversal_requests")}
        assert indexes["ux_reversal_requests_pending"]["unique"]
        with engine.begin() as connection:
            user_id = uuid.uuid4()
            as_id = (lambda value: value.hex) if db_url.get_backend_name() == "sqlite" else (lambda value: value)
            connection.execute(text(
                "INSERT INTO users (id, username, full_name, role, password_hash, active, failed_logins, created_at, version)"
                " VALUES (:id, 'u', 'U', 'admin', 'x', :active, 0, :now, 1)"), {"id": as_id(user_id), "active": True, "now": clock.now().replace(tzinfo=None)})
            target = uuid.uuid4()
            insert = text(
                "INSERT INTO reversal_requests (id, kind, target_id, summary, amount, reason, status, requested_by, requested_at,"
                " decision_note, version) VALUES (:id, 'saving', :target, 's', 1, 'r', 'pending', :user, :now, '', 1)")
            values = {"target": as_id(target), "user": as_id(user_id), "now": clock.now().replace(tzinfo=None)}
            connection.execute(insert, {"id": as_id(uuid.uuid4()), **values})
        with pytest.raises(Exception), engine.begin() as connection:
            connection.execute(insert, {"id": as_id(uuid.uuid4()), **values})  # a second pending request for the same movement
    finally:
        engine.dispose()


def test_years_closed_before_0021_get_their_kept_balances_from_the_journal(db_url):
    engine = create_database_engine(db_url)
    migrate.upgrade(engine, "0019")
    sqlite = db_url.get_backend_name() == "sqlite"
    ids = [uuid.uuid4() for _ in range(4)]
    user, closed, before, after = (value.hex if sqlite else value for value in ids)
    now = clock.now().replace(tzinfo=None)
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO users (id, username, full_name, role, password_hash, active, failed_logins, created_at, version)"
            " VALUES (:id, 'bendahara', 'Bendahara', 'treasurer', 'x', :active, 0, :now, 1)"), {"id": user, "active": True, "now": now})
        for entry, day, amount in ((before, "2025-06-30", 300_000), (after, "2026-01-05", 50_000)):
            connection.execute(text(
                "INSERT INTO journal_entries (id, idempotency_key, entry_date, kind, description, created_at)"
                " VALUES (:id, :key, :day, 'savings_deposit', 'Setoran', :now)"),
                {"id": entry, "key": uuid.uuid4().hex if sqlite else uuid.uuid4(), "day": day, "now": now})
            connection.execute(text(
                "INSERT INTO journal_lines (entry_id, account, debit, credit) VALUES (:id, '1101', :amount, 0), (:id, '3201', 0, :amount)"),
                {"id": entry, "amount": amount})
        connection.execute(text(
            "INSERT INTO book_closings (id, year, status, requested_by, requested_at, decision_note, version)"
            " VALUES (:id, 2025, 'closed', :user, :now, '', 1)"), {"id": closed, "user": user, "now": now})
    engine.dispose()

    database = open_database(db_url)
    try:
        with database.session() as session:
            assert closing.closing_balances(session, 2025) == {"1101": -300_000, "3201": 300_000}  # 2026 left out
            assert closing.closing_balances(session, 2026) is None
    finally:
        database.dispose()


def test_0024_fills_each_installments_running_total_as_the_services_write_it(db, admin):
    """The migration's fill, run again over installments whose running totals were cleared, gives back what
    disbursement and rescheduling wrote (on both databases; the guard lifted and everything rolled back)."""
    from tests.loan_support import loan_office

    office = loan_office(db, admin)
    first = office.active_loan(office.member(), principal=1_000_000, term=7)
    office.active_loan(office.member(), principal=1_500_000, term=12)
    office.repay(first, 300_000)
    fill = importlib.import_module("koperasi.db.migrations.versions.0024_installment_cumulative").FILL
    read = text("SELECT loan_id, schedule_no, number, cumulative FROM loan_installments ORDER BY loan_id, schedule_no, number")
    with db.session() as session:
        written = session.execute(read).all()
        assert len(written) == 19 and all(row.cumulative > 0 for row in written)
        if session.get_bind().dialect.name == "sqlite":
            session.execute(text("DROP TRIGGER loan_installments_no_update"))
        else:
            session.execute(text("ALTER TABLE loan_installments DISABLE TRIGGER loan_installments_no_change"))
        session.execute(text("UPDATE loan_installments SET cumulative = 0"))
        session.execute(fill)
        assert session.execute(read).all() == written
        session.rollback()


def test_0027_fills_the_running_figures_of_sales_as_the_services_keep_them(db, admin):
    """The migration's fills, run again over emptied tables, give back what sales, a cancellation, payouts and
    a payout's cancellation kept (on both databases; everything rolled back)."""
    from tests.sales_support import sales_office

    office = sales_office(db, admin)
    siti, ani = office.producer("Siti Aminah"), office.producer("Ani Rahmawati")
    rice = office.product()
    office.intake(siti, rice, 10_000)
    office.intake(ani, rice, 10_000)
    office.sell((siti, rice, 2_000, 15_000), (ani, rice, 1_000, 15_000))
    office.reverse_sale(office.sell((ani, rice, 3_000, 15_000), on=date(2026, 3, 11)).id)
    office.pay(siti, 10_000)
    office.reverse_payout(office.pay(ani, 5_000).id)
    migration = importlib.import_module("koperasi.db.migrations.versions.0027_beranda_running_figures")
    days = text("SELECT sold_on, channel_id, lines, total, commission FROM sales_days WHERE lines <> 0 ORDER BY sold_on")
    balances = text("SELECT producer_id, owed FROM producer_balances ORDER BY owed")
    with db.session() as session:
        kept = session.execute(days).all(), session.execute(balances).all()
        assert len(kept[0]) == 1 and [owed for _, owed in kept[1]] == [13_500, 17_000]  # shares less 10% commission
        session.execute(text("DELETE FROM sales_days"))
        session.execute(text("DELETE FROM producer_balances"))
        session.execute(migration.FILL_DAYS)
        session.execute(migration.FILL_BALANCES)
        assert (session.execute(days).all(), session.execute(balances).all()) == kept
        session.rollback()


def test_0028_moves_a_members_photo_to_its_own_table_and_back(db, admin):
    """A member whose pas foto was in members.photo (0025) still has it after the upgrade; a downgrade puts it
    back; a member without a photo gets none; SQLite's members table keeps its search triggers."""
    from alembic import command
    from sqlalchemy import LargeBinary, Uuid, bindparam

    from koperasi.services.members import register as members
    from tests.domain.test_photos import picture
    from tests.loan_support import loan_office

    office = loan_office(db, admin)
    with_photo, without = office.member(), office.member("Nur Aisyah", date(1990, 2, 2))
    jpeg = picture("JPEG")
    with migrate.migration_connection(db.engine) as connection:
        command.downgrade(migrate.alembic_config(connection), "0025")
        connection.execute(
            text("UPDATE members SET photo = :photo WHERE id = :id").bindparams(
                bindparam("photo", type_=LargeBinary()), bindparam("id", type_=Uuid())),
            {"photo": jpeg, "id": with_photo},
        )
    migrate.upgrade(db.engine)
    with db.session() as session:
        assert members.get_photo(session, admin, with_photo) == jpeg
        assert members.get_member(session, admin, with_photo).has_photo
        assert members.get_photo(session, admin, without) is None
        assert not members.get_member(session, admin, without).has_photo
    columns = {column["name"] for column in inspect(db.engine).get_columns("members")}
    assert "photo" not in columns or sqlite3.sqlite_version_info < (3, 35, 0)
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as connection:
            triggers = connection.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                                                  " AND tbl_name = 'members'").scalar()
            assert triggers == 7  # 0005's three, 0025's members_loans_search_au and 0030's three

    with migrate.migration_connection(db.engine) as connection:
        command.downgrade(migrate.alembic_config(connection), "0025")
        stored = connection.execute(text("SELECT photo FROM members WHERE photo IS NOT NULL")).scalars().all()
        assert stored == [jpeg]


def test_an_upgrade_that_leaves_much_of_the_file_free_gives_the_space_back(sqlite_url):
    """As 0028 does to an office whose members have photos: the pages an upgrade frees leave the file, so that
    backups do not carry them, and the data stays."""
    engine = create_database_engine(sqlite_url)
    migrate.upgrade(engine, "0028")
    with engine.begin() as connection:  # what an older revision left behind: pages of data no longer needed
        connection.exec_driver_sql("CREATE TABLE old_pictures (picture BLOB)")
        for _ in range(40):
            connection.exec_driver_sql("INSERT INTO old_pictures VALUES (randomblob(100000))")
        connection.exec_driver_sql("DROP TABLE old_pictures")
        kecamatan = connection.exec_driver_sql("SELECT count(*) FROM kecamatan").scalar()
    engine.dispose()
    path = sqlite_url.database
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA freelist_count").fetchone()[0] > 900

    database = open_database(sqlite_url)  # upgrades past 0028, then gives the pages back
    database.dispose()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert connection.execute("SELECT count(*) FROM kecamatan").fetchone()[0] == kecamatan > 0
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision()
    assert Path(path).stat().st_size < 2_000_000


def test_0030_sort_keys_out_of_step_are_put_right_by_the_next_save_not_refused(sqlite_db):
    """A line left behind at the rowid a new member gets, and a line gone missing: the registration goes through
    and the next change of the member writes the line again (doctor would report both meanwhile)."""
    from koperasi.domain.members.register import MemberInput
    from koperasi.domain.people import Sex
    from koperasi.services.members import register as members
    from tests.loan_support import loan_office
    from tests.support import set_up_office

    office = loan_office(sqlite_db, set_up_office(sqlite_db))
    first = office.member()
    keys = "SELECT rowid, full_name, number, join_date, status FROM members ORDER BY rowid"
    mirrored = keys.replace("rowid", "member_rowid").replace("FROM members", "FROM member_search_order")
    with sqlite_db.engine.begin() as connection:
        connection.execute(text("INSERT INTO member_search_order VALUES ((SELECT max(rowid) + 1 FROM members),"
                                " 'Sisa Lama', 'X', '2020-01-01', 'aktif')"))
        connection.execute(text("DELETE FROM member_search_order WHERE member_rowid = (SELECT min(rowid) FROM members)"))
    office.member("Nur Aisyah", date(1990, 2, 2))
    with sqlite_db.session() as session:
        members.update_member(session, office.admin, first, MemberInput(
            full_name="Siti Rahma", sex=Sex.FEMALE, birth_date=date(1980, 1, 1), desa_id=str(office.desa_id),
            join_date=date(2024, 1, 2)), expected_version=members.get_member(session, office.admin, first).version,
            accept_warnings=True)
    with sqlite_db.engine.connect() as connection:
        assert connection.execute(text(keys)).all() == connection.execute(text(mirrored)).all()


def test_0030_keeps_the_members_sort_keys_by_rowid_from_the_members_already_there(db, admin):
    """SQLite: the members saved before the upgrade get their sort keys, later changes follow by trigger, and a
    downgrade takes the table and its triggers away. PostgreSQL gets nothing."""
    from alembic import command

    from tests.loan_support import loan_office

    office = loan_office(db, admin)
    office.member()
    with migrate.migration_connection(db.engine) as connection:
        command.downgrade(migrate.alembic_config(connection), "0029")
        assert "member_search_order" not in inspect(connection).get_table_names()
    office.member("Nur Aisyah", date(1990, 2, 2))  # saved while the schema is at 0029: no trigger to follow it
    migrate.upgrade(db.engine)
    if db.engine.dialect.name != "sqlite":
        assert "member_search_order" not in inspect(db.engine).get_table_names()
        return
    keys = "SELECT rowid, full_name, number, join_date, status FROM members ORDER BY rowid"
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE members SET full_name = 'Zaenab', status = 'keluar' WHERE rowid = (SELECT min(rowid) FROM members)"))
        assert connection.execute(text(keys)).all() == connection.execute(text(keys.replace("rowid", "member_rowid").replace(
            "FROM members", "FROM member_search_order"))).all()
    with migrate.migration_connection(db.engine) as connection:
        command.downgrade(migrate.alembic_config(connection), "0029")
        left = connection.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name LIKE 'member%order%'").scalar()
        assert left == 0
