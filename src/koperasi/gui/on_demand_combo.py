"""A filter combo whose long list is read when the clerk first reaches for it, not when its screen is built.

The Anggota tab's group filter lists every active group: thousands in a large office (3,600 at 100,000
members), read and added one by one for a list most visits never open. Until it is needed the combo
holds only its first item ("Semua kelompok"); it fills itself when its list is shown, or when it gets
the key or the wheel turn that would move through the list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox

Choices = Callable[[], Sequence[tuple[str, object]]]  # (text, data) of every item after the first


class OnDemandCombo(QComboBox):
    def __init__(self, first_text: str, choices: Choices) -> None:
        super().__init__()
        self._first_text = first_text
        self._choices = choices
        self._filled = False
        self.addItem(first_text, None)

    def refresh(self) -> None:
        """The choices may have changed: read them again when next needed (the current one is kept if still there)."""
        self._filled = False

    def fill(self) -> None:
        """Read the choices now, unless they are read already; the signals stay quiet, as for a refill."""
        if self._filled:
            return
        chosen = self.currentData()
        choices = self._choices()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._first_text, None)
        for text, data in choices:
            self.addItem(text, data)
        self.setCurrentIndex(max(0, self.findData(chosen)) if chosen is not None else 0)
        self.blockSignals(False)
        self._filled = True

    def showPopup(self) -> None:  # noqa: N802 (Qt API)
        self.fill()
        super().showPopup()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        self.fill()
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt API)
        self.fill()
        super().wheelEvent(event)
