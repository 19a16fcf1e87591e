"""The benchmark's plumbing: the scenario registry, timing and percentiles."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Result:
    scenario: str
    unit: str
    runs: int
    median: float
    p95: float
    floor: float
    ratio: float
    note: str


@dataclass
class Scenario:
    name: str
    run: Callable[["Workspace"], tuple[list[float], list[float], str]]


@dataclass
class Workspace:
    """What scenarios share: a scale and a scratch folder with a demo database."""

    scale: int
    folder: Path


SCENARIOS: list[Scenario] = []


def scenario(name: str):
    def register(function):
        SCENARIOS.append(Scenario(name, function))
        return function

    return register


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def peak_rss_mb() -> float:
    """This process's own peak resident set, in MB (1024 x 1024 bytes).

    Not ``getrusage(RUSAGE_SELF).ru_maxrss`` on Linux: a child keeps the peak of the process
    it was forked from across ``exec``, so every child of the benchmark (itself a large process
    by then) reported at least the benchmark's own peak, the app and the bare widget alike.
    ``VmHWM`` belongs to the new program only.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD)] + [
                (name, ctypes.c_size_t)
                for name in ("PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage", "QuotaPagedPoolUsage",
                             "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage", "PagefileUsage", "PeakPagefileUsage")
            ]

        counters = Counters(cb=ctypes.sizeof(Counters))
        process = ctypes.windll.kernel32.GetCurrentProcess()
        ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb)
        return counters.PeakWorkingSetSize / 2**20
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB elsewhere


def demo_database(workspace: Workspace, **counts: int) -> str:
    """A ``koperasi demo`` database of the given size (``members=40000, loans=20000``), built once per workspace."""
    name = "-".join(f"{key}{value}" for key, value in sorted(counts.items()))
    path = workspace.folder / f"demo-{name}.db"
    if not path.exists():
        options = [item for key, value in sorted(counts.items()) for item in (f"--{key}", str(value))]
        subprocess.run([sys.executable, "-m", "koperasi", "demo", "--db", str(path), *options], check=True, capture_output=True)
    return str(path)


def open_demo(path: str, username: str = "admin"):
    """The demo database opened and one of its staff logged in (all share the demo password)."""
    from sqlalchemy.engine import make_url

    from koperasi.db.database import open_database
    from koperasi.services.office import auth

    database = open_database(make_url(f"sqlite+pysqlite:///{path}"))
    with database.session() as session:
        actor = auth.login(session, username, "demo12345")
    return database, actor
