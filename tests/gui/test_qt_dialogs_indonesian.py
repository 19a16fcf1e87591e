"""Qt's own file, print, printer-properties and print-preview dialogs speak Indonesian.

Qt ships no Indonesian translation; our qtbase_id.ts covers these dialogs. Each test opens
the real (non-native) dialog offscreen, gathers every text a clerk can read (labels,
buttons, tooltips, group titles, tabs, column headers) and looks for English words.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QWidget,
)

# English words of those dialogs that are not also Indonesian ("Printer", "Folder", "Margin", "per",
# "Drive", "OK" and "PDF" are both, so they are not here).
ENGLISH = {
    "look", "in", "file", "files", "name", "save", "open", "cancel", "back", "forward", "parent", "directory",
    "new", "view", "list", "detail", "size", "type", "date", "modified", "kind", "of",
    "properties", "options", "copies", "collate", "print", "preview", "location", "output", "local", "write",
    "pages", "page", "from", "to", "all", "odd", "even", "current", "selection", "range", "reverse", "color",
    "grayscale", "double", "sided", "off", "binding", "long", "short", "settings", "set",
    "paper", "source", "width", "height", "orientation", "portrait", "landscape", "margins", "layout", "order",
    "sheet", "custom", "units", "advanced", "job", "setup", "value", "zoom", "fit", "show", "first",
    "last", "next", "previous", "facing", "overview", "single", "export", "close", "apply", "help",
}


def visible_texts(dialog: QWidget) -> list[str]:
    """Every text shown by ``dialog`` and the widgets in it, tooltips included."""
    texts = [dialog.windowTitle()]
    for widget in dialog.findChildren(QWidget):
        texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(index) for index in range(widget.count()))
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            texts.extend(str(widget.model().headerData(section, widget.orientation()) or "") for section in range(widget.count()))
    return [text for text in texts if text]


def english_in(texts: list[str]) -> list[str]:
    return [text for text in texts if {word.lower() for word in re.findall(r"[A-Za-z]+", text.replace("&", ""))} & ENGLISH]


def test_english_words_are_found_when_a_dialog_has_them():
    assert english_in(["&Lihat di:", "Files of &type:", "Simpan"]) == ["Files of &type:"]


def test_the_file_dialog_speaks_indonesian(qtbot, tmp_path):
    (tmp_path / "kwitansi.pdf").write_bytes(b"%PDF-1.4\n")
    dialog = QFileDialog(None, "Simpan PDF", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = visible_texts(dialog)
    assert {"&Lihat di:", "&Nama berkas:", "&Jenis berkas:", "&Simpan", "Batal"} <= set(texts)
    assert {"Nama", "Ukuran", "Jenis", "Tanggal Diubah", "Folder Induk", "Buat Folder Baru"} <= set(texts)
    assert english_in(texts) == []
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    assert "&Buka" in visible_texts(dialog)


def test_the_print_dialog_its_options_and_printer_properties_speak_indonesian(qtbot):
    dialog = QPrintDialog(printer := QPrinter())
    dialog.printer_kept_alive = printer  # the dialog holds only a pointer to it
    qtbot.addWidget(dialog)
    dialog.show()
    options = next(button for button in dialog.findChildren(QPushButton) if button.text().startswith("&Opsi"))
    options.click()  # shows the Salinan and Opsi tabs
    texts = visible_texts(dialog)
    assert {"Printer", "P&roperti", "Salinan", "Salinan:", "Susun", "&Cetak", "Batal", "Rentang cetak"} <= set(texts)
    assert english_in(texts) == []

    seen: list[str] = []
    tries = iter(range(250))  # about 5 s, then give up: the assertion below fails instead of hanging

    def read_properties() -> None:
        properties = QApplication.activeModalWidget()
        if properties is None or properties is dialog:
            if next(tries, None) is not None:
                QTimer.singleShot(20, read_properties)
            return
        seen.extend(visible_texts(properties))
        properties.reject()

    QTimer.singleShot(0, read_properties)
    next(button for button in dialog.findChildren(QPushButton) if button.objectName() == "properties").click()  # modal
    assert {"Properti Printer", "Halaman", "Kertas", "Ukuran kertas:", "Orientasi", "Tegak (potret)"} <= set(seen)
    assert english_in(seen) == []


def test_the_print_preview_dialog_speaks_indonesian(qtbot):
    dialog = QPrintPreviewDialog(printer := QPrinter())
    dialog.printer_kept_alive = printer
    qtbot.addWidget(dialog)
    dialog.show()
    texts = visible_texts(dialog)
    assert {"Perbesar", "Perkecil", "Halaman berikutnya", "Cetak"} <= set(texts)
    assert english_in(texts) == []
    dialog.done(QDialog.DialogCode.Rejected)
