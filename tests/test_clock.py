"""The program's one clock: pinned in tests, running from the pinned moment, real when unpinned."""

from __future__ import annotations

import time
from pathlib import Path
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


_REAL_CLOCK_READS = ("date.today()", "datetime.now(", "datetime.today()", "datetime.utcnow()", "QDate.currentDate()",  # real clock: the scan's own words
                     "QDateTime.currentDateTime()")


def _real_clock_reads(root: Path, *, allowed: set[Path]) -> list[str]:
    return [
        f"{path.relative_to(root.parent)}:{number}: {line.strip()}"
        for path in sorted(root.rglob("*.py"))
        if path not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if any(read in line for read in _REAL_CLOCK_READS) and "# real clock" not in line
    ]


def test_only_the_clock_module_reads_the_real_clock():
    """Anything else that reads the date would escape the tests' pinned day (and CI's clock a year ahead)."""
    package = Path(clock.__file__).parent
    assert _real_clock_reads(package, allowed={Path(clock.__file__)}) == []


def test_no_test_reads_the_real_clock_unless_it_says_so():
    tests = Path(__file__).parent
    assert _real_clock_reads(tests, allowed={Path(__file__)}) == []


def test_the_real_clock_scan_would_catch_a_read(tmp_path):
    (tmp_path / "late.py").write_text("due = date.today() + timedelta(days=7)\n")  # real clock: the scan's own words
    (tmp_path / "fine.py").write_text("stamp = datetime.now(UTC)  # real clock\n")
    assert _real_clock_reads(tmp_path, allowed=set()) == [f"{tmp_path.name}/late.py:1: due = date.today() + timedelta(days=7)"]  # real clock: the scan's own words
