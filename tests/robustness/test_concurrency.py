"""Three clerks' processes save at once on one SQLite file, and on one PostgreSQL database.

Each worker cycles: a repayment on its own loan, a repayment on the loan all of them share, a new
member. Afterwards no worker met an error or a refusal (BEGIN IMMEDIATE with the busy timeout on
SQLite, row locks on PostgreSQL make them wait, not fail), every loan's principal_paid equals the
repayments the workers reported, and receipt and member numbers are gapless with no doubles.
``KOPERASI_CONCURRENCY_POSTINGS`` sets the saves per worker (default 45).
"""

from __future__ import annotations

import os
import time
import uuid
from collections import Counter, defaultdict

import pytest

from koperasi.db.database import open_database
from koperasi.db.models import Loan
from tests.robustness.support import (
    Reported,
    assert_all_there,
    assert_sound,
    counts,
    prepare,
    start_worker,
)
from tests.support import set_up_office

WORKERS = 3
POSTINGS = int(os.environ.get("KOPERASI_CONCURRENCY_POSTINGS", "45"))


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_three_clerks_at_once_lose_and_double_nothing(request, backend):
    url = request.getfixturevalue(f"migrated_{backend}_url")
    database = open_database(url)
    plan = prepare(database, set_up_office(database), loans=WORKERS)
    before = counts(database)
    database.dispose()

    started = time.monotonic()
    start_at = time.time() + 2.0  # real clock: every worker imported and connected before the first save
    workers = [
        start_worker(url.render_as_string(hide_password=False), plan, mode="mix", count=POSTINGS, worker=index,
                     start_at=start_at)
        for index in range(WORKERS)
    ]
    results = []
    for worker in workers:
        output, errors = worker.communicate(timeout=600)
        results.append((worker.returncode, Reported().read(output), errors))
    elapsed = time.monotonic() - started

    for returncode, reported, errors in results:
        assert returncode == 0 and reported.done and not reported.error, errors
        assert reported.refused == [], reported.refused  # "database is locked" or a conflict would be a finding
        assert reported.postings == POSTINGS

    database = open_database(url, migrate_schema=False)
    try:
        assert_sound(database)
        paid: dict[uuid.UUID, int] = defaultdict(int)
        receipts, numbers = Counter(), Counter()
        for _, reported, _ in results:
            assert_all_there(database, reported)
            for loan_id, _, receipt, amount in reported.repayments:
                paid[loan_id] += amount
                receipts[receipt] += 1
            numbers.update(reported.members)
        assert [n for n, times in receipts.items() if times > 1] == []
        assert [n for n, times in numbers.items() if times > 1] == []
        with database.session() as session:
            for loan_id in [*plan["loans"], plan["shared_loan"]]:
                assert session.get(Loan, uuid.UUID(loan_id)).principal_paid == paid[uuid.UUID(loan_id)]
        after = counts(database)
        assert (after[0] - before[0], after[1] - before[1]) == (sum(receipts.values()), sum(numbers.values()))
    finally:
        database.dispose()
    print(f"\nconcurrency ({backend}): {WORKERS} writers x {POSTINGS} saves = {WORKERS * POSTINGS}, "
          f"{sum(receipts.values())} repayments ({sum(1 for r in results for x in r[1].repayments if str(x[0]) == plan['shared_loan'])}"
          f" on the shared loan), {sum(numbers.values())} members, {elapsed:.1f} s")
