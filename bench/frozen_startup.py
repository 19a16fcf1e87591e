"""The frozen program's start-up: process start to the login window on screen, as a clerk would see it.

    python bench/frozen_startup.py --program dist/KoperasiBerdaya/koperasi --db DEMO.db [--runs 5]
    python bench/frozen_startup.py --program "python -m koperasi" --db DEMO.db        # the same, not frozen

Linux only: runs the program on its own Xvfb display (Debian's ``xvfb``; ``x11-utils`` for ``xwininfo``) and
polls every 10 ms until the window "Masuk — Koperasi Berdaya" is mapped, then ends the program. Not a
bench/run.py scenario: it needs a built bundle (packaging/build.py) and an X server.

The program gets a data folder of its own (``XDG_DATA_HOME``): the first run is not timed, as it makes the day's
automatic backup of the database (it would run beside the timed start-ups); the runs after it find that backup
fresh. Each timed run is ended (SIGTERM) once its login window shows. The database is opened in place: give it a copy (the program may migrate it).
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LOGIN_TITLE = "Masuk — Koperasi Berdaya"
DISPLAY = ":173"
POLL_SECONDS = 0.01


def _login_mapped(display: str) -> bool:
    found = subprocess.run(["xwininfo", "-display", display, "-name", LOGIN_TITLE], capture_output=True, text=True)
    return found.returncode == 0 and "IsViewable" in found.stdout


def _one_start(command: list[str], env: dict[str, str], timeout: float) -> float:
    started = time.perf_counter()
    program = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while not _login_mapped(env["DISPLAY"]):
            if program.poll() is not None:
                raise RuntimeError(f"the program ended (exit {program.returncode}) before its login window showed: start it by hand to see why")
            if time.perf_counter() - started > timeout:
                raise RuntimeError("no login window within the time-out")
            time.sleep(POLL_SECONDS)
        return time.perf_counter() - started
    finally:
        _end(program)


def _wait_for_daily_backup(folder: Path, timeout: float) -> None:
    """The untimed first run: until its automatic backup is written (one being written has a longer name)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if list(folder.rglob("*.koperasi-backup")):
            return
        time.sleep(0.5)
    raise RuntimeError("the first run made no automatic backup in time")


def _end(program: subprocess.Popen) -> None:
    if program.poll() is None:
        os.killpg(program.pid, signal.SIGTERM)
        program.wait(30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--program", required=True, help="the frozen program, or a command line that starts the program")
    parser.add_argument("--db", required=True, type=Path, help="a copy of a demo database (opened in place)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    command = [*shlex.split(args.program), "--db", str(args.db)]
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1366x768x24", "-nolisten", "tcp", "-noreset"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        if xvfb.poll() is not None:
            raise RuntimeError(f"Xvfb could not start on {DISPLAY} (another X server there?)")
        with tempfile.TemporaryDirectory(prefix="koperasi-frozen-start-") as home:
            env = {**os.environ, "DISPLAY": DISPLAY, "QT_QPA_PLATFORM": "xcb", "XDG_DATA_HOME": home, "XDG_STATE_HOME": home,
                   "XDG_CONFIG_HOME": home, "XDG_CACHE_HOME": home}
            program = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            try:
                _wait_for_daily_backup(Path(home), timeout=600)
            finally:
                _end(program)
            samples = [_one_start(command, env, timeout=120) for _ in range(args.runs)]
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    print(f"login window on screen: median {statistics.median(samples) * 1000:.0f} ms, "
          f"runs {', '.join(f'{s * 1000:.0f}' for s in samples)} ms; load {open('/proc/loadavg').read().split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
