"""Pinjaman scenarios on a demo with 20,000 loans: one repayment, the arrears report, the loan list.

The database is ``koperasi demo --members max(scale, 40000) --loans max(20000, scale / 5)``:
enough members that every loan has its own borrower and history.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
import uuid
from datetime import date

from harness import Workspace, demo_database, open_demo, scenario, timed

SEARCHES = ["siti", "nur", "ahmad", "sari", "srl-0012", "pjm/srl/2025/0001", "rahman", "zzz", "dewi", "yusuf"]


def _sizes(workspace: Workspace) -> tuple[int, int]:
    return max(workspace.scale, 40_000), max(20_000, workspace.scale // 5)


def _database(workspace: Workspace) -> str:
    members, loans = _sizes(workspace)
    return demo_database(workspace, members=members, loans=loans)


@scenario("loan_repay")
def repay(workspace: Workspace):
    """One repayment at the counter: record, journal entry, audit event and kwitansi number, committed."""
    from sqlalchemy import select

    from koperasi.db.models import Loan
    from koperasi.services.loans import payments as loan_payments

    path = str(workspace.folder / "loans-repay.db")
    shutil.copy(_database(workspace), path)
    database, clerk = open_demo(path, "petugas")
    with database.session() as session:
        active = session.scalars(
            select(Loan.id).where(Loan.status == "active", Loan.disbursed - Loan.principal_paid - Loan.written_off > 5000)
            .order_by(Loan.number).limit(40)
        ).all()
    loans = iter(active)
    samples = []
    with database.session() as session:
        for _ in range(len(active)):
            loan_id = next(loans)
            start = time.perf_counter()
            loan_payments.repay(session, clerk, loan_id, amount=1000, paid_on=date.today(), request_id=uuid.uuid4())
            samples.append(time.perf_counter() - start)
    database.dispose()

    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, note TEXT)")

    def bare_insert() -> None:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO bench_floor (note) VALUES ('x')")
        connection.execute("COMMIT")

    floor = timed(bare_insert, len(samples))
    connection.close()
    return samples, floor, "sqlite3: BEGIN IMMEDIATE + 1-row INSERT + COMMIT, WAL, synchronous=FULL"


ARREARS_FLOOR = [
    """SELECT l.id, l.number, l.disbursed, m.number, m.full_name, d.name, k.name, g.name, p.name, f.name
       FROM loans l JOIN members m ON m.id = l.member_id JOIN desa d ON d.id = m.desa_id
       JOIN kecamatan k ON k.code = m.kecamatan_code LEFT JOIN member_groups g ON g.id = l.group_id
       JOIN loan_products p ON p.id = l.product_id JOIN fund_sources f ON f.id = l.fund_source_id
       WHERE l.disbursed > 0 AND l.disbursed_on <= :d AND (l.closed_on IS NULL OR l.closed_on > :d)""",
    """SELECT m.loan_id, m.kind, sum(m.amount) FROM loan_movements m LEFT JOIN loan_movements r ON r.reversal_of_id = m.id
       WHERE m.kind IN ('repayment', 'write_off') AND m.occurred_on <= :d AND r.id IS NULL GROUP BY m.loan_id, m.kind""",
    """SELECT s.loan_id, s.schedule_no, s.paid_before FROM loan_schedules s JOIN loans l ON l.id = s.loan_id
       WHERE s.effective_on <= :d AND s.schedule_no <= l.schedule_no AND l.schedule_no > 0
       ORDER BY s.loan_id, s.schedule_no""",
    """SELECT i.loan_id, i.schedule_no, i.number, i.due_on, i.amount FROM loan_installments i
       JOIN loans l ON l.id = i.loan_id WHERE l.disbursed > 0 AND l.disbursed_on <= :d
       AND (l.closed_on IS NULL OR l.closed_on > :d) AND i.schedule_no <= l.schedule_no
       ORDER BY i.loan_id, i.schedule_no, i.number""",
]


# The arrears report's floor (issue 19): one bare aggregate over the rows it must read at the least, the
# installments of the loans open on the day, summed per loan and schedule.
ARREARS_AGGREGATE_FLOOR = """SELECT count(*), sum(s) FROM (
       SELECT i.loan_id, sum(i.amount) AS s FROM loan_installments i JOIN loans l ON l.id = i.loan_id
       WHERE l.disbursed > 0 AND l.disbursed_on <= :d AND (l.closed_on IS NULL OR l.closed_on > :d)
       AND i.schedule_no = l.schedule_no GROUP BY i.loan_id)"""


@scenario("loan_arrears_report")
def arrears_report(workspace: Workspace):
    from koperasi.services.loans import arrears

    path = _database(workspace)
    database, actor = open_demo(path)
    today = date.today()
    with database.session() as session:
        report = arrears.arrears_report(session, actor, as_of=today)  # warm the caches once
        samples = timed(lambda: arrears.arrears_report(session, actor, as_of=today), 5)
    database.dispose()
    connection = sqlite3.connect(path)

    def bare_aggregate() -> None:
        connection.execute(ARREARS_AGGREGATE_FLOOR, {"d": today.isoformat()}).fetchall()

    bare_aggregate()
    floor = timed(bare_aggregate, 5)
    connection.close()
    return samples, floor, f"sqlite3: one bare aggregate over the open loans' installments ({report.total.loans} open loans)"


LIST_FLOOR = """SELECT l.id, l.number, m.number, m.full_name, p.name, l.principal, l.disbursed, l.principal_paid,
       l.written_off, l.status, l.applied_on
       FROM loans l JOIN members m ON m.id = l.member_id JOIN loan_products p ON p.id = l.product_id {where}
       ORDER BY l.number DESC LIMIT 200"""


@scenario("loan_list_first_page")
def list_first_page(workspace: Workspace):
    from koperasi.services.loans.queries import LoanFilter, loan_page

    path = _database(workspace)
    database, actor = open_demo(path)
    with database.session() as session:
        loan_page(session, actor, LoanFilter())
        samples = timed(lambda: loan_page(session, actor, LoanFilter()), 10)
    database.dispose()
    connection = sqlite3.connect(path)

    def bare() -> None:
        connection.execute(LIST_FLOOR.format(where="")).fetchall()
        connection.execute("SELECT count(*) FROM loans").fetchone()

    floor = timed(bare, 10)
    connection.close()
    return samples, floor, "sqlite3: first 200 in number order + count"


@scenario("loan_list_search")
def list_search(workspace: Workspace):
    from koperasi.services.loans.queries import LoanFilter, loan_page

    path = _database(workspace)
    database, actor = open_demo(path)
    samples = []
    with database.session() as session:
        for text in SEARCHES * 3:
            start = time.perf_counter()
            loan_page(session, actor, LoanFilter(text=text))
            samples.append(time.perf_counter() - start)
    database.dispose()
    connection = sqlite3.connect(path)
    floor = []
    for text in SEARCHES * 3:
        start = time.perf_counter()
        where = "WHERE " + " AND ".join(
            f"(lower(l.number) LIKE '%{word}%' OR m.search_text LIKE '%{word}%')" for word in text.split()
        )
        if len(connection.execute(LIST_FLOOR.format(where=where)).fetchall()) == 200:
            connection.execute(f"SELECT count(*) FROM loans l JOIN members m ON m.id = l.member_id {where}").fetchone()
        floor.append(time.perf_counter() - start)
    connection.close()
    return samples, floor, f"sqlite3: LIKE on number and search text + first page (+ count when full), {len(SEARCHES)} queries x3"
