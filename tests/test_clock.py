"""The program's one clock: pinned in tests, running from the pinned moment, real when unpinned."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

from koperasi import clock


def test_clock_pinned_gives_the_pinned_day_and_keeps_running():
    clock.pin(datetime(2031, 2, 28, 23, 59, 58, tzinfo=UTC))
    first = clock.now()
    time.sleep(0.01)
    assert clock.now() > first
    assert first - datetime(2031, 2, 28, 23, 59, 58, tzinfo=UTC) < timedelta(seconds=1)


def test_clock_pinned_naive_moment_is_the_pcs_local_time():
    clock.pin(datetime(2030, 7, 1, 9, 30))
    assert clock.today() == date(2030, 7, 1)
    assert clock.local_now().replace(microsecond=0) == datetime(2030, 7, 1, 9, 30)
    assert clock.now().tzinfo is not None


def test_clock_unpinned_is_the_real_clock():
    clock.pin(None)
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5)  # real clock
    assert clock.today() in {date.today(), date.today() - timedelta(days=1)}  # real clock
