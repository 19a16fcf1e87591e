"""What an empty list says, in the middle of the table: what was looked for and how to find more.

"0 anggota" at the foot of a blank table leaves a clerk guessing whether the search, a filter or
the spelling hid the member; the note names all three and the way out.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

MARGIN = 24  # px between the note and the table's edges


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmptyListNote", text)


def nothing_found(noun: str, *, search: str = "", where: str = "", conditions: Sequence[str] = (),
                  none_yet: str = "", advice: str = "") -> str:
    """The sentence for an empty list of ``noun`` (e.g. "anggota").

    ``where`` is a place or scope ("di Kecamatan Pauh"), ``conditions`` the other filters in force
    ("status Aktif"); with no search and no filter the list is simply empty, and ``none_yet`` says so.
    """
    search = " ".join(search.split())
    if not (search or where or conditions):
        return none_yet
    sentence = _tr("Tidak ada {noun}").format(noun=noun)
    if search:
        sentence += " " + _tr("yang cocok dengan “{search}”").format(search=search)
    if where:
        sentence += f" {where}"
    if conditions:
        sentence += ", " + ", ".join(conditions)
    if not advice:
        if search and (where or conditions):
            advice = _tr("Hapus filter atau periksa ejaan.")
        elif search:
            advice = _tr("Periksa ejaan, atau cari dengan sebagian nama atau nomor saja.")
        else:
            advice = _tr("Hapus filter untuk melihat lebih banyak.")
    return f"{sentence}. {advice}"


class EmptyListNote(QLabel):
    """A muted, wrapped sentence over an empty table's viewport; hidden while the table has rows."""

    def __init__(self, view: QAbstractItemView, object_name: str) -> None:
        super().__init__(view.viewport())
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("color: #555")
        self.hide()
        view.viewport().installEventFilter(self)

    def show_text(self, text: str) -> None:
        """Show ``text`` (an empty string hides the note)."""
        self.setText(text)
        self.setVisible(bool(text))
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        area = self.parentWidget().rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        self.setGeometry(area.x(), area.y(), area.width(), self.heightForWidth(area.width()) if area.width() > 0 else 0)
