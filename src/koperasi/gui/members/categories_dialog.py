"""Pengaturan → Kategori kerentanan: the programme's four groups and any the office adds.

Managers add, rename and retire categories. A retired category stays on the members who have
it and in filters and reports, but is no longer offered when a member is added or edited.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.errors import DomainError
from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.messages import show_error
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.services.members import categories as members
from koperasi.services.members.categories import CategoryView


class CategoriesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categoriesDialog")
        self.setWindowTitle(self.tr("Kategori kerentanan"))
        self.context = context
        note = QLabel(
            self.tr(
                "Kategori dipakai untuk anggota dan laporan kepada donor. Satu anggota boleh masuk beberapa kategori. "
                "Kategori yang tidak dipakai lagi tetap tercatat pada anggotanya dan di laporan, tetapi tidak ditawarkan lagi."
            )
        )
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("categoriesList")
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self._rename())
        self.can_manage = can_manage = context.actor.can(Permission.MANAGE_CATEGORIES)
        self.add_button = self._button("addCategoryButton", self.tr("&Tambah kategori…"), self._add, can_manage)
        self.rename_button = self._button("renameCategoryButton", self.tr("&Ganti nama…"), self._rename, can_manage)
        self.retire_button = self._button("retireCategoryButton", self.tr("Tidak &dipakai lagi"), self._toggle_active, can_manage)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.retire_button):
            row.addWidget(button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 400)
        self.reload()

    def _button(self, name: str, text: str, slot, visible: bool) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setVisible(visible)
        button.clicked.connect(slot)
        return button

    def reload(self, select_code: str | None = None) -> None:
        current = self.selected()
        select_code = select_code or (current.code if current else None)
        self.list.clear()
        with self.context.database.session() as session:
            categories = members.all_categories(session)
        dimmed = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for category in categories:
            count = self.tr("{count} anggota").format(count=category.member_count)
            text = f"{category.name}  ·  {count}"
            if not category.active:
                text += "  ·  " + self.tr("tidak dipakai lagi")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, category)
            if not category.active:
                item.setForeground(dimmed)
            self.list.addItem(item)
            if category.code == select_code:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def selected(self) -> CategoryView | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        category = self.selected()
        self.rename_button.setEnabled(category is not None)
        self.retire_button.setEnabled(category is not None)
        self.retire_button.setText(self.tr("&Pakai lagi") if category and not category.active else self.tr("Tidak &dipakai lagi"))

    def _add(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Tambah kategori"), self.tr("Nama kategori (contoh: Penyandang disabilitas):"))
        if ok:
            code = self._act(lambda session: members.add_category(session, self.context.actor, name=name)[0])
            self.reload(code)

    def _rename(self) -> None:
        category = self.selected()
        if category is None or not self.can_manage:
            return
        name, ok = QInputDialog.getText(self, self.tr("Ganti nama kategori"), self.tr("Nama baru:"), text=category.name)
        if ok:
            self._act(lambda session: members.rename_category(session, self.context.actor, category.code, name=name))
            self.reload()

    def _toggle_active(self) -> None:
        category = self.selected()
        if category is not None:
            self._act(lambda session: members.set_category_active(session, self.context.actor, category.code, active=not category.active))
            self.reload()

    def _act(self, action):
        try:
            with self.context.database.session() as session:
                return action(session)
        except DomainError as error:
            show_error(self, self.tr("Kategori"), error.message)
            return None
