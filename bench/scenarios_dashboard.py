"""Beranda open: every tile, the waiting list and the checklist as the worker thread reads them,
on the loan demo (20,000 loans with their history). Beside the bare SELECTs of the arrears report,
the largest of the reports Beranda summarises."""

from __future__ import annotations

import sqlite3

from harness import Workspace, open_demo, scenario, timed
from scenarios_loans import ARREARS_FLOOR, _database


@scenario("beranda_open")
def beranda_open(workspace: Workspace):
    from koperasi import clock
    from koperasi.services.dashboard import checklist, figures, waiting

    path = _database(workspace)
    database, actor = open_demo(path)
    today, now = clock.today(), clock.now()

    def open_beranda() -> None:
        with database.session() as session:
            checklist.checklist(session, actor)
            waiting.waiting(session, actor, today=today, now=now)
            figures.figures(session, actor, as_of=today)

    open_beranda()  # warm the caches once
    samples = timed(open_beranda, 5)
    database.dispose()
    connection = sqlite3.connect(path)

    def bare_selects() -> None:
        for sql in ARREARS_FLOOR:
            connection.execute(sql, {"d": today.isoformat()}).fetchall()

    bare_selects()
    floor = timed(bare_selects, 5)
    connection.close()
    return samples, floor, "sqlite3: the arrears report's 4 SELECTs"
