"""The guide window: contents on the left, the page on the right, back/forward and search in the page.

A QTextBrowser shows the pages (Qt's rich-text subset of HTML): no QtWebEngine or QtHelp, which the
frozen program does not bundle. It is not modal, so a clerk can read and work side by side.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from koperasi.gui.help.topics import CONTENTS, PAGES_DIR, START_PAGE, page_path
from koperasi.gui.screen_fit import available_area

_TARGET = Qt.ItemDataRole.UserRole  # a contents item's "page.html#anchor"
_STYLE_SHEET = PAGES_DIR / "guide.css"


def topic_url(target: str) -> QUrl:
    """``page.html#anchor`` as the file URL the browser loads (relative links then resolve beside it)."""
    file, _, anchor = target.partition("#")
    url = QUrl.fromLocalFile(str(page_path(file)))
    if anchor:
        url.setFragment(anchor)
    return url


def target_of(url: QUrl) -> str:
    """The inverse of ``topic_url``: ``page.html`` or ``page.html#anchor``."""
    name = url.fileName()
    return f"{name}#{url.fragment()}" if url.fragment() else name


class HelpBrowser(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpBrowser")
        self.setWindowTitle(self.tr("Panduan Koperasi Berdaya"))
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)

        self.contents = QTreeWidget(objectName="helpContents")
        self.contents.setHeaderHidden(True)
        self.contents.setRootIsDecorated(False)
        self.contents.setIndentation(14)
        for page in CONTENTS:
            item = QTreeWidgetItem([page.title])
            item.setData(0, _TARGET, page.file)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            for anchor, title in page.sections:
                child = QTreeWidgetItem([title])
                child.setData(0, _TARGET, f"{page.file}#{anchor}")
                item.addChild(child)
            self.contents.addTopLevelItem(item)
        self.contents.expandAll()
        self.contents.itemActivated.connect(self._open_item)
        self.contents.itemClicked.connect(self._open_item)

        self.text = QTextBrowser(objectName="helpText")
        self.text.setOpenExternalLinks(False)
        self.text.document().setDefaultStyleSheet(_STYLE_SHEET.read_text(encoding="utf-8"))
        self.text.sourceChanged.connect(self._follow_page)

        self.back_button = QPushButton(self.tr("◀ &Kembali"), objectName="helpBackButton")
        self.back_button.setToolTip(self.tr("Halaman sebelumnya (Alt+Kiri)"))
        self.back_button.setShortcut(QKeySequence.StandardKey.Back)
        self.back_button.clicked.connect(self.text.backward)
        self.text.backwardAvailable.connect(self.back_button.setEnabled)
        self.forward_button = QPushButton(self.tr("&Maju ▶"), objectName="helpForwardButton")
        self.forward_button.setToolTip(self.tr("Halaman berikutnya (Alt+Kanan)"))
        self.forward_button.setShortcut(QKeySequence.StandardKey.Forward)
        self.forward_button.clicked.connect(self.text.forward)
        self.text.forwardAvailable.connect(self.forward_button.setEnabled)
        self.home_button = QPushButton(self.tr("&Halaman awal"), objectName="helpHomeButton")
        self.home_button.clicked.connect(lambda: self.show_topic(START_PAGE))
        self.search_edit = QLineEdit(objectName="helpSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("Cari di halaman ini (Ctrl+F), Enter: berikutnya"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(self.find_next)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search_edit.setFocus)
        close_button = QPushButton(self.tr("&Tutup"), objectName="helpCloseButton")
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.close)
        for button in (self.back_button, self.forward_button, self.home_button):
            button.setAutoDefault(False)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)

        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addWidget(self.forward_button)
        bar.addWidget(self.home_button)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(close_button)
        splitter = QSplitter(objectName="helpSplitter")
        splitter.addWidget(self.contents)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 770])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        available = available_area(self)
        self.resize(min(1000, available.width() - 24), min(720, available.height() - 48))

    def show_topic(self, target: str) -> None:
        """Open ``page.html`` or ``page.html#anchor``."""
        self.text.setSource(topic_url(target))

    def current_topic(self) -> str:
        return target_of(self.text.source())

    def find_next(self) -> bool:
        """Select the next place the search text appears, from the top again after the last one."""
        wanted = self.search_edit.text().strip()
        if not wanted:
            return False
        if self.text.find(wanted):
            return True
        cursor = self.text.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.text.setTextCursor(cursor)
        return self.text.find(wanted)

    def _open_item(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, _TARGET)
        if target and target != self.current_topic():
            self.show_topic(target)

    def _follow_page(self, url: QUrl) -> None:
        """Mark the page (or section) in the contents, and put its title on the window."""
        target = target_of(url)
        page = target.partition("#")[0]
        best = None
        iterator = [self.contents.topLevelItem(i) for i in range(self.contents.topLevelItemCount())]
        for item in iterator:
            if item.data(0, _TARGET) == page:
                best = item
                for index in range(item.childCount()):
                    if item.child(index).data(0, _TARGET) == target:
                        best = item.child(index)
        if best is not None:
            self.contents.blockSignals(True)
            self.contents.setCurrentItem(best)
            self.contents.blockSignals(False)
        title = self.text.documentTitle()
        self.setWindowTitle(self.tr("Panduan — {title}").format(title=title) if title else self.tr("Panduan Koperasi Berdaya"))

