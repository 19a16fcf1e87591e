"""Pengaturan → Kategori kerentanan: the programme's four groups and any the office adds."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from koperasi.domain.errors import DomainError
from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.messages import show_error
from koperasi.services import members


class CategoriesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categoriesDialog")
        self.setWindowTitle(self.tr("Kategori kerentanan"))
        self.context = context
        note = QLabel(self.tr("Kategori dipakai untuk anggota dan laporan kepada donor. Satu anggota boleh masuk beberapa kategori."))
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("categoriesList")
        self.add_button = QPushButton(self.tr("&Tambah kategori…"))
        self.add_button.setObjectName("addCategoryButton")
        self.add_button.setVisible(context.actor.can(Permission.MANAGE_CATEGORIES))
        self.add_button.clicked.connect(self._add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list)
        layout.addWidget(self.add_button)
        layout.addWidget(buttons)
        self.resize(460, 360)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        with self.context.database.session() as session:
            for _code, name in members.list_categories(session):
                self.list.addItem(name)

    def _add(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Tambah kategori"), self.tr("Nama kategori (contoh: Penyandang disabilitas):"))
        if not ok:
            return
        try:
            with self.context.database.session() as session:
                members.add_category(session, self.context.actor, name=name)
        except DomainError as error:
            show_error(self, self.tr("Kategori"), error.message)
            return
        self.reload()
