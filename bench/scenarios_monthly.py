"""The Laporan bulanan: figures, twelve months of history and the arrears list read from the loans demo
(20,000 loans), then the A4 PDF with its charts. Target: at most 2 s.

Floor: the arrears report's four bare SELECTs at the month's end (sqlite3), which the report needs
at the least; the history reads the portfolio at twelve month ends, so the ratio shows that cost.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from io import BytesIO

from harness import Workspace, open_demo, scenario, timed
from scenarios_loans import ARREARS_FLOOR, _database


@scenario("monthly_report_pdf")
def monthly_report_pdf(workspace: Workspace):
    from koperasi.domain.months import month_end
    from koperasi.reports.monthly.report import write_monthly_pdf
    from koperasi.services.monthly.report import monthly_report

    today = date.today()
    month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    path = _database(workspace)
    database, actor = open_demo(path)

    def whole() -> None:
        with database.session() as session:
            report = monthly_report(session, actor, month=month)
        write_monthly_pdf(report, BytesIO())

    whole()  # warm the caches once
    samples = timed(whole, 3)
    database.dispose()
    connection = sqlite3.connect(path)
    as_of = month_end(month).isoformat()

    def bare_selects() -> None:
        for sql in ARREARS_FLOOR:
            connection.execute(sql, {"d": as_of}).fetchall()

    bare_selects()
    floor = timed(bare_selects, 3)
    connection.close()
    return samples, floor, "sqlite3: the arrears report's 4 SELECTs at the month's end"
