"""Beranda open: every tile, the waiting list and the checklist as the worker thread reads them,
on the loan demo (20,000 loans with their history). Beside the bare SELECTs of the arrears report,
the largest of the reports Beranda summarises."""

from __future__ import annotations

import sqlite3

from harness import Workspace, open_demo, scenario, timed
from scenarios_loans import ARREARS_FLOOR, _database


def _beranda_in_full(database, actor, today, now) -> None:
    """What Beranda reads when it opens: the set-up checklist, the waiting list and every tile."""
    from koperasi.services.dashboard import checklist, figures, waiting

    with database.session() as session:
        checklist.checklist(session, actor)
        waiting.waiting(session, actor, today=today, now=now)
        figures.figures(session, actor, as_of=today)


@scenario("beranda_open")
def beranda_open(workspace: Workspace):
    from koperasi import clock

    path = _database(workspace)
    database, actor = open_demo(path)
    today, now = clock.today(), clock.now()

    def open_beranda() -> None:
        _beranda_in_full(database, actor, today, now)

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


@scenario("beranda_after_sale")
def beranda_after_sale(workspace: Workspace):
    """Coming back to Beranda after a sale: the checklist, the audit events since Beranda's mark, the waiting
    list and the sales tile alone (gui/dashboard/tab.py), beside Beranda read in full."""
    from koperasi import clock
    from koperasi.services.dashboard import changes, checklist, figures, waiting

    path = _database(workspace)
    database, actor = open_demo(path)
    today, now = clock.today(), clock.now()
    with database.session() as session:
        mark = changes.changes_since(session, actor, mark=None).mark

    def after_sale() -> None:
        with database.session() as session:
            checklist.checklist(session, actor)
            changes.changes_since(session, actor, mark=mark)
            waiting.waiting(session, actor, today=today, now=now)
            figures.area_figures(session, actor, as_of=today, area=figures.Area.SALES)

    def in_full() -> None:
        _beranda_in_full(database, actor, today, now)

    after_sale()  # warm the caches once
    in_full()
    samples, floor = [], []
    for _ in range(5):  # in alternation: the machine's load falls on both alike
        samples += timed(after_sale, 1)
        floor += timed(in_full, 1)
    database.dispose()
    return samples, floor, "Beranda read in full (every tile)"
