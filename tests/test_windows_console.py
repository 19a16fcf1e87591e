"""koperasi.exe hides a console window that is its own, never a Command Prompt's it shares."""

from __future__ import annotations

from koperasi.windows_console import SW_HIDE, hide_own_console_window


class FakeWindows:
    def __init__(self, *, window: int, attached: int) -> None:
        self.window = window
        self.attached = attached
        self.shown: list[tuple[int, int]] = []

    def GetConsoleWindow(self) -> int:  # noqa: N802 - the Windows API's name
        return self.window

    def GetConsoleProcessList(self, processes, size: int) -> int:  # noqa: N802
        return self.attached

    def ShowWindow(self, window: int, command: int) -> None:  # noqa: N802
        self.shown.append((window, command))


def test_a_console_window_of_its_own_is_hidden():
    windows = FakeWindows(window=42, attached=1)
    assert hide_own_console_window(windows, windows)
    assert windows.shown == [(42, SW_HIDE)]


def test_a_command_prompt_it_was_started_from_stays():
    windows = FakeWindows(window=42, attached=2)
    assert not hide_own_console_window(windows, windows)
    assert windows.shown == []


def test_started_without_a_console_window_nothing_is_done():
    windows = FakeWindows(window=0, attached=1)
    assert not hide_own_console_window(windows, windows)
    assert windows.shown == []


def test_elsewhere_than_windows_nothing_is_done():
    assert hide_own_console_window() is False
