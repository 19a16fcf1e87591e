"""The console window of koperasi.exe when the desktop program was started on its own.

koperasi.exe is a console program (doctor, demo, self-test print to it). The shortcuts start it through
KoperasiBerdaya.exe without any console (packaging/windows/launcher.c); but a clerk who pins the running
window to the taskbar, or opens koperasi.exe in Explorer, starts it directly and Windows gives it a console
window of its own. Started from a Command Prompt, it shares that prompt's console, which must stay.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

SW_HIDE = 0


def hide_own_console_window(kernel32: Any = None, user32: Any = None) -> bool:
    """Hide the console window when this process is the only one attached to it; True when hidden."""
    if kernel32 is None:
        if sys.platform != "win32":
            return False
        kernel32, user32 = ctypes.windll.kernel32, ctypes.windll.user32
    window = kernel32.GetConsoleWindow()
    if not window:
        return False  # no console, or one without a window (the starter's CREATE_NO_WINDOW)
    processes = (ctypes.c_uint32 * 2)()
    if kernel32.GetConsoleProcessList(processes, 2) != 1:
        return False  # a Command Prompt (or another program) shares it
    user32.ShowWindow(window, SW_HIDE)
    return True
