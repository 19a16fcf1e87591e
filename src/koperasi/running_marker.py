"""While the program runs on Windows it holds a named mutex, so that the installer and uninstaller can see it
is running and refuse to replace or delete its files under it (packaging/windows/koperasi.nsi looks the name up).
Windows releases the mutex when the process ends, however it ends."""

from __future__ import annotations

import sys

# Also in packaging/windows/koperasi.nsi (RUNNING_MUTEX): change both together.
MUTEX_NAME = "KoperasiBerdaya.ProgramBerjalan"
_held: list[int] = []


def hold() -> None:
    """Mark this process as a running Koperasi Berdaya (Windows only; elsewhere nothing to do)."""
    if sys.platform != "win32" or _held:
        return
    import ctypes

    handle = ctypes.windll.kernel32.CreateMutexW(None, False, MUTEX_NAME)
    if handle:
        _held.append(handle)  # kept open for the life of the process
