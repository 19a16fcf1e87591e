"""The installer refuses to replace a running program by looking for the mutex the program holds: the two names
must stay the same, or upgrades would again delete _internal under a running program."""

from __future__ import annotations

from pathlib import Path

from koperasi import running_marker

NSIS_SCRIPT = Path(__file__).resolve().parents[1] / "packaging" / "windows" / "koperasi.nsi"


def test_the_installer_looks_for_the_mutex_the_running_program_holds():
    script = NSIS_SCRIPT.read_text(encoding="utf-8")
    assert f'!define RUNNING_MUTEX "{running_marker.MUTEX_NAME}"' in script
    assert "Call RefuseWhileRunning" in script and "Call un.RefuseWhileRunning" in script

