"""Garbage in reference cycles is collected on the GUI thread, never by the worker thread that happens to
allocate (gui/collector.py): a Qt widget destroyed off the GUI thread crashes the program."""

from __future__ import annotations

import threading

from koperasi.gui.busy import _worker


class Node:
    """Stands for a widget's wrapper in a cycle: says on which thread it was finally destroyed."""

    def __init__(self, destroyed_on: list[str]) -> None:
        self.destroyed_on = destroyed_on
        self.itself = self

    def __del__(self) -> None:
        self.destroyed_on.append(threading.current_thread().name)


def allocate_like_a_report() -> int:
    rows = [[index, str(index)] for index in range(50_000)]  # enough container objects to pass every threshold
    return len(rows)


def test_a_cycle_left_behind_is_collected_on_the_gui_thread_not_by_the_busy_worker(collector):
    destroyed_on: list[str] = []
    Node(destroyed_on)
    _worker.submit(allocate_like_a_report).result()
    assert destroyed_on == []  # the worker allocated plenty, and collected nothing

    collector.collect_due()  # what the collector's timer does on the GUI thread
    assert destroyed_on == [threading.main_thread().name]
