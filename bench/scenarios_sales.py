"""Penjualan scenarios on a demo with a year of 50,000 sales: recording a 10-line sale, the year's sales report.

The database is ``koperasi demo --members max(scale, 40000) --sales max(50000, scale / 2)``
(loans at their default, one per five members): a year of consignment trade with intakes,
returns and monthly payouts, as the office would have it after a busy year.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
import uuid
from datetime import date, timedelta

from harness import Workspace, demo_database, open_demo, scenario, timed

LINES = 10
RUNS = 30


def _sizes(workspace: Workspace) -> tuple[int, int]:
    return max(workspace.scale, 40_000), max(50_000, workspace.scale // 2)


def _database(workspace: Workspace) -> str:
    members, sales = _sizes(workspace)
    return demo_database(workspace, members=members, sales=sales)


@scenario("sale_record_10_lines")
def record_sale(workspace: Workspace):
    """A 10-line sale at the counter: stock checked per line, the split, nota number, journal entry, audit, committed."""
    from sqlalchemy import select

    from koperasi.db.models import SalesChannel
    from koperasi.domain.sales.rules import MILLI, SaleLineInput
    from koperasi.services.sales import consignment
    from koperasi.services.sales import selling as sales

    path = str(workspace.folder / "sales-record.db")
    shutil.copy(_database(workspace), path)
    database, clerk = open_demo(path, "petugas")
    with database.session() as session:
        channel_id = session.scalar(select(SalesChannel.id).where(SalesChannel.name == "Pasar lokal"))
        # One unit from each of ten producers' stock per sale, round the shelf, never more than is there.
        stock = [[row, row.on_hand_milli] for row in consignment.stock(session, clerk) if row.on_hand_milli >= MILLI]
    if len(stock) < LINES:
        raise RuntimeError(f"only {len(stock)} producers' stock for a {LINES}-line sale")
    orders, turn = [], 0
    for _ in range(RUNS):
        chosen = []
        while len(chosen) < LINES:
            if turn > len(stock) * (RUNS + 1):
                raise RuntimeError("not enough stock for the sales to time")
            slot = stock[turn % len(stock)]
            turn += 1
            if slot[1] >= MILLI and slot not in chosen:
                slot[1] -= MILLI
                chosen.append(slot)
        orders.append(sales.SaleInput(
            sold_on=date.today(), channel_id=channel_id, buyer_name="Pembeli umum",
            lines=tuple(SaleLineInput(row.product_id, row.producer, MILLI, row.default_price) for row, _ in chosen),
        ))
    samples = []
    with database.session() as session:
        for order in orders:
            start = time.perf_counter()
            sales.record_sale(session, clerk, order, request_id=uuid.uuid4())
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


# What sales_papers.sales_report asks the database: standing lines of the period summed per
# product, channel, month, the producer's kecamatan (member's, or the group's desa's) and group.
REPORT_FLOOR = """
SELECT p.name, c.name, CAST(strftime('%Y', s.sold_on) AS INTEGER), CAST(strftime('%m', s.sold_on) AS INTEGER),
       coalesce(mk.name, gk.name, 'Tidak diketahui'), coalesce(g.name, 'Perorangan'), count(*), sum(l.total), sum(l.commission)
FROM sale_lines l JOIN sales s ON s.id = l.sale_id LEFT JOIN sales r ON r.reversal_of_id = s.id
JOIN sales_products p ON p.id = l.product_id JOIN sales_channels c ON c.id = s.channel_id
LEFT JOIN members m ON m.id = l.member_id LEFT JOIN kecamatan mk ON mk.code = m.kecamatan_code
LEFT JOIN member_groups g ON g.id = l.group_id LEFT JOIN desa d ON d.id = g.desa_id LEFT JOIN kecamatan gk ON gk.code = d.kecamatan_code
WHERE r.id IS NULL AND s.sold_on BETWEEN :start AND :end
GROUP BY 1, 2, 3, 4, 5, 6
"""


@scenario("sales_report_year")
def sales_report(workspace: Workspace):
    """The laporan penjualan for the last 12 months, every breakdown, over a year of 50,000 sales."""
    from koperasi.services.sales import papers as sales_papers

    path = _database(workspace)
    database, actor = open_demo(path)
    today = date.today()
    period_from = today - timedelta(days=364)
    with database.session() as session:
        report = sales_papers.sales_report(session, actor, period_from=period_from, period_to=today)  # warm the caches once
        samples = timed(lambda: sales_papers.sales_report(session, actor, period_from=period_from, period_to=today), 5)
    database.dispose()
    connection = sqlite3.connect(path)
    parameters = {"start": period_from.isoformat(), "end": today.isoformat()}
    connection.execute(REPORT_FLOOR, parameters).fetchall()
    floor = timed(lambda: connection.execute(REPORT_FLOOR, parameters).fetchall(), 5)
    connection.close()
    return samples, floor, f"sqlite3: its grouped SELECT fetched ({report.total.sales} standing lines)"
