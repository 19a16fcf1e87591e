"""Python's cyclic garbage collection only on the GUI thread.

A widget whose Python wrapper sits in a reference cycle (a closed dialog whose slot closes over
itself, say) is destroyed when the collector breaks the cycle, on whichever thread happens to
allocate at that moment. With work on the worker thread (gui/busy.py: Beranda's figures and
charts, the automatic backup) that is often the worker, and a widget destroyed off the GUI thread
crashes Qt: CI died with a segmentation fault building the next main window. So automatic
collection is switched off while the program runs, and a timer on the GUI thread collects as the
interpreter would have, generation by generation (pyqtgraph's GarbageCollector does the same).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.setObjectName("guiThreadCollector")
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        gc.disable()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()

    def collect_due(self) -> None:
        """The youngest generation every time (a few milliseconds at most), an older one when its count
        passed its threshold, as the interpreter's own rule. The youngest always: with collection off, a
        report's rows freed again leave the count low while a cycle made meanwhile waits in it."""
        counts = gc.get_count()
        gc.collect(max(generation for generation in range(3)
                       if generation == 0 or counts[generation] > self.thresholds[generation]))
