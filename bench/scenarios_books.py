"""Tutup buku and SHU at ``--scale`` members: dividing a closed year's SHU among every member.

The data is made here, in bulk, rather than by ``koperasi demo`` (whose 100,000-member build takes long): every
member has simpanan pokok (before the year) and wajib (in it), and a commission from one consignment sale in the
year, so jasa modal and jasa usaha are each shared among all of them. The savings rows are written without their
journal entries (the division reads the movements, not the entries); the year's income is one entry, and the
year is closed through the services (the treasurer asks, the chair approves) before the timed division.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
import uuid
from datetime import date

from harness import Workspace, open_demo, scenario, timed

PASSWORD = "demo12345"


def _hex() -> str:
    return uuid.uuid4().hex


def _build(path: str, members: int, year: int, *, journal: bool = False) -> None:
    from sqlalchemy.engine import make_url

    from koperasi.db.database import open_database
    from koperasi.domain.office.profile import OfficeProfile
    from koperasi.domain.roles import Role
    from koperasi.services.office import profile, regions, users

    database = open_database(make_url(f"sqlite+pysqlite:///{path}"))
    with database.session() as session:
        admin = profile.set_up(session, OfficeProfile(name="Koperasi Berdaya Pauh", code="PAU", kecamatan_code="15.03.04"),
                               admin_username="admin", admin_full_name="Admin Kantor", admin_password=PASSWORD)
    with database.session() as session:
        users.create_user(session, admin, username="bendahara", full_name="Ahmad Fauzi", role=Role.TREASURER, password=PASSWORD)
        users.create_user(session, admin, username="ketua", full_name="Hj. Rosmawati", role=Role.MANAGER, password=PASSWORD)
        desa = regions.add_desa(session, admin, "15.03.04", name="Pauh")
    database.dispose()

    rng = random.Random(20)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    office_id = connection.execute("SELECT id FROM offices").fetchone()[0]
    admin_id = connection.execute("SELECT id FROM users WHERE username = 'admin'").fetchone()[0]
    now = f"{year + 1}-01-05 09:00:00.000000"
    ids = [_hex() for _ in range(members)]
    connection.executemany(
        "INSERT INTO members (id, office_id, number, full_name, kk_number, sex, birth_place, birth_date, address, desa_id, "
        "kecamatan_code, phone, occupation, household_relation, join_date, status, notes, search_text, created_at, version) "
        "VALUES (?, ?, ?, ?, '', 'P', '', '1980-01-01', '', ?, '15.03.04', '', '', 'kepala_keluarga', ?, 'aktif', '', ?, ?, 1)",
        [(member_id, office_id, f"PAU-{number:06d}", f"Anggota {number}", desa.id.hex, f"{year - 1}-01-02",
          f"anggota {number}", now) for number, member_id in enumerate(ids, 1)],
    )
    movements = []
    for member_id in ids:
        movements.append((_hex(), member_id, "pokok", f"{year - 1}-01-02", 100_000, _hex(), admin_id, now))
        for month in range(1, rng.randint(1, 12) + 1):
            movements.append((_hex(), member_id, "wajib", f"{year}-{month:02d}-05", 10_000, _hex(), admin_id, now))
    connection.executemany(
        "INSERT INTO savings_movements (id, member_id, kind, action, occurred_on, amount, change, receipt_number, "
        "reversal_of_id, reason, journal_entry_id, created_by, created_at) "
        "VALUES (?, ?, ?, 'deposit', ?, ?, ?, NULL, NULL, '', ?, ?, ?)",
        [(row[0], row[1], row[2], row[3], row[4], row[4], row[5], row[6], row[7]) for row in movements],
    )
    if journal:
        _savings_journal(connection, movements)
    sale_id, entry_id = _hex(), _hex()
    commissions = [rng.randint(1, 50) * 1_000 for _ in ids]
    connection.execute(
        "INSERT INTO journal_entries (id, idempotency_key, entry_date, kind, description, created_at) "
        "VALUES (?, ?, ?, 'sale', 'Penjualan setahun', ?)", (entry_id, _hex(), f"{year}-12-01", now))
    income = sum(commissions) + 250_000_000  # the members' commissions and the office's other income
    connection.executemany(
        "INSERT INTO journal_lines (entry_id, account, fund_source_id, debit, credit) VALUES (?, ?, NULL, ?, ?)",
        [(entry_id, "1101", income, 0), (entry_id, "4101", 0, income)])
    connection.execute(
        "INSERT INTO sales (id, number, sold_on, channel_id, buyer_id, buyer_name, total, commission, reversal_of_id, "
        "reason, journal_entry_id, created_by, created_at) VALUES (?, 'NJ/PAU/1', ?, ?, NULL, 'Pembeli besar', ?, ?, NULL, '', ?, ?, ?)",
        (sale_id, f"{year}-12-01", _hex(), sum(commissions) * 10, sum(commissions), entry_id, admin_id, now))
    connection.executemany(
        "INSERT INTO sale_lines (sale_id, product_id, member_id, group_id, quantity_milli, unit_price, total, commission_bp, "
        "commission, producer_share) VALUES (?, ?, ?, NULL, 1000, ?, ?, 1000, ?, ?)",
        [(sale_id, _hex(), member_id, amount * 10, amount * 10, amount, amount * 9) for member_id, amount in zip(ids, commissions)],
    )
    connection.execute("COMMIT")
    connection.close()

    from koperasi.services.books import closing

    database, treasurer = open_demo(path, "bendahara")
    _, chair = open_demo(path, "ketua")
    for closed in (year - 1, year) if journal else (year,):  # the pokok entries are dated the year before
        with database.session() as session:
            closing_id = closing.request_closing(session, treasurer, closed, request_id=uuid.uuid4())
        with database.session() as session:
            closing.approve_closing(session, chair, closing_id)
    database.dispose()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the copies below take the main file only
    connection.close()


@scenario("books_year_end_shu")
def year_end_shu(workspace: Workspace):
    """The SHU of a closed year divided among every member: bases read, shares allocated, one entry, shares written."""
    from koperasi.services.books import shu

    year = date.today().year - 1
    base = str(workspace.folder / f"books-{workspace.scale}.db")
    try:
        open(base).close()
    except FileNotFoundError:
        _build(base, workspace.scale, year)
    samples = []
    for run in range(3):
        path = str(workspace.folder / f"books-{workspace.scale}-run{run}.db")
        shutil.copy(base, path)
        database, treasurer = open_demo(path, "bendahara")
        with database.session() as session:
            start = time.perf_counter()
            shu.divide_shu(session, treasurer, year, divided_on=date.today(), request_id=uuid.uuid4())
            samples.append(time.perf_counter() - start)
        database.dispose()
    connection = sqlite3.connect(base)

    def bare() -> None:
        connection.execute("SELECT member_id, sum(change) FROM savings_movements WHERE kind IN ('pokok', 'wajib') "
                           "GROUP BY member_id").fetchall()

    floor = timed(bare, 3)
    connection.close()
    return samples, floor, "sqlite3: pokok + wajib per member, one grouped query"


def _savings_journal(connection, movements) -> None:
    """A journal entry for every savings movement (Kas against pokok or wajib), as the counter would have posted
    them: about seven entries and fourteen lines per member, written before the year is closed."""
    entries, lines = [], []
    for _, _, kind, occurred_on, amount, _, _, created_at in movements:
        entry_id = _hex()
        entries.append((entry_id, _hex(), occurred_on, created_at))
        lines += [(entry_id, "1101", amount, 0), (entry_id, "3201" if kind == "pokok" else "3202", 0, amount)]
    connection.executemany(
        "INSERT INTO journal_entries (id, idempotency_key, entry_date, kind, description, created_at) "
        "VALUES (?, ?, ?, 'savings', 'Setoran simpanan', ?)", entries)
    connection.executemany(
        "INSERT INTO journal_lines (entry_id, account, fund_source_id, debit, credit) VALUES (?, ?, NULL, ?, ?)", lines)


@scenario("books_neraca")
def neraca(workspace: Workspace):
    """The RAT pack's neraca of a closed year beside the year before, over a journal of every member's savings: it
    reads the balances each close kept; the floor is the pass over the journal it made before (the close's now)."""
    from koperasi.services.books import rat_pack

    year = date.today().year - 1
    path = str(workspace.folder / f"books-journal-{workspace.scale}.db")
    try:
        open(path).close()
    except FileNotFoundError:
        _build(path, workspace.scale, year, journal=True)
    database, clerk = open_demo(path, "admin")
    samples = []
    for _ in range(5):
        with database.session() as session:
            start = time.perf_counter()
            rat_pack.balance_sheet(session, clerk, year)
            samples.append(time.perf_counter() - start)
    database.dispose()
    connection = sqlite3.connect(path)

    def bare() -> None:
        connection.execute("SELECT l.account, sum(l.credit - l.debit) FROM journal_lines l JOIN journal_entries e "
                           "ON e.id = l.entry_id WHERE e.entry_date <= ? GROUP BY l.account", (f"{year}-12-31",)).fetchall()

    floor = timed(bare, 3)
    connection.close()
    return samples, floor, "sqlite3: every account's balance at the year's end, one grouped join"
