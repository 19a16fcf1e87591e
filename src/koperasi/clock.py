"""The program's one clock: every "today" and "now" in the code comes from here.

A test pins it to a chosen moment (``pin``) and the whole program, services and screens alike,
then lives on that day: a suite written today still passes next week and next year. Pinned time
keeps running from the pinned moment (two backups a second apart still get two names), so only
the starting point is fixed, never the flow.

Callers use the module (``clock.today()``), never ``from koperasi.clock import today``: a
bound name would not see a later ``pin``.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta


# The pinned moment (aware, UTC) and the monotonic reading when it was pinned; None: the real clock.
_pinned: tuple[datetime, float] | None = None


def now() -> datetime:
    """The current moment, timezone-aware in UTC (what records store as created_at)."""
    if _pinned is None:
        return datetime.now(UTC)
    moment, pinned_at = _pinned
    return moment + timedelta(seconds=time.monotonic() - pinned_at)


def local_now() -> datetime:
    """The PC's wall-clock time, naive (what a clerk reads on the screen and in file names)."""
    return now().astimezone().replace(tzinfo=None)


def today() -> date:
    """The PC's date: the day a clerk works on."""
    return local_now().date()


def pin(moment: datetime | None) -> None:
    """Make the clock start from ``moment`` (naive means the PC's local time); ``None`` restores the real clock."""
    global _pinned
    if moment is None:
        _pinned = None
        return
    aware = moment if moment.tzinfo is not None else moment.astimezone()
    _pinned = (aware.astimezone(UTC), time.monotonic())
