"""Anggota: search and filter the register, see a member, add and change members."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.errors import DomainError
from koperasi.domain.money import format_rupiah
from koperasi.domain.members.register import MemberStatus
from koperasi.domain.people import Sex
from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.empty_list import EmptyListNote, nothing_found
from koperasi.gui.members.detail_panel import MemberDetailPanel
from koperasi.gui.members.groups_view import GroupsView
from koperasi.gui.members.leave_dialog import LeaveDialog
from koperasi.gui.members.dialog import OPEN_EXISTING, MemberDialog
from koperasi.gui.members.table_model import MemberTableModel
from koperasi.gui.messages import confirm, show_error, show_info
from koperasi.gui.on_demand_combo import OnDemandCombo
from koperasi.gui.screen_fit import narrow_combo
from koperasi.services.members import categories as member_categories
from koperasi.services.members import groups
from koperasi.services.members import register as members
from koperasi.services.office import regions
from koperasi.services.members.search import MemberFilter, MemberPage, MemberSort, count_members, member_page
from koperasi.services.members.register import MemberDetail

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SEARCH_DELAY_MS = 200  # wait for a pause in typing before asking the database
# A search counts its matches up to here ("lebih dari 1.000 anggota"); all are counted when the clerk
# scrolls to the end of the list. Counting the 38,000 members holding "ah" would read the whole list.
SEARCH_COUNT_CAP = 1000


class MembersTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersTab")
        self.context = context
        self.current: MemberDetail | None = None
        self.register = QWidget()
        self.groups_view = GroupsView(context)
        pages = QTabWidget()
        pages.setObjectName("membersPages")
        pages.addTab(self.register, self.tr("Daftar anggota"))
        pages.addTab(self.groups_view, self.tr("Kelompok"))
        pages.currentChanged.connect(self._page_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(pages)
        self._build_register()
        self.reload()

    def _page_changed(self, index: int) -> None:
        if index == 1:
            self.groups_view.reload()
        else:  # groups may have been created meanwhile
            self.group_filter.refresh()

    def _group_choices(self) -> list[tuple[str, object]]:
        with self.context.database.session() as session:
            return [(name, group_id) for group_id, name in groups.group_choices(session, self.context.actor)]

    def _build_register(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setPlaceholderText(self.tr("Cari nama, NIK atau nomor anggota…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        self.kecamatan_filter = self._combo("memberKecamatanFilter")
        self.desa_filter = self._combo("memberDesaFilter")
        self.category_filter = self._combo("memberCategoryFilter")
        # Thousands of groups in a large office: read when the clerk opens the list, not with the tab.
        self.group_filter = self._combo("memberGroupFilter", OnDemandCombo(self.tr("Semua kelompok"), self._group_choices))
        self.status_filter = self._combo("memberStatusFilter")
        self.sex_filter = self._combo("memberSexFilter")
        for names in (self.kecamatan_filter, self.desa_filter, self.category_filter, self.group_filter):
            narrow_combo(names, 12)  # a long name must not push the row off a 1024 px screen
        self._fill_filters()
        self.add_button = QPushButton(self.tr("&Tambah anggota…"))
        self.add_button.setObjectName("memberAddButton")
        self.add_button.setShortcut(QKeySequence.StandardKey.New)
        self.add_button.clicked.connect(self._add)
        self.import_button = QPushButton(self.tr("&Impor Excel…"))
        self.import_button.setObjectName("memberImportButton")
        self.import_button.clicked.connect(self._import)
        self.export_button = QPushButton(self.tr("&Ekspor Excel…"))
        self.export_button.setObjectName("memberExportButton")
        self.export_button.clicked.connect(self._export)
        self.template_button = QPushButton(self.tr("Templ&at Excel…"))
        self.template_button.setObjectName("memberTemplateButton")
        self.template_button.clicked.connect(self._save_template)
        can_edit = self.context.actor.can(Permission.EDIT_MEMBERS)
        for button in (self.add_button, self.import_button, self.template_button):
            button.setVisible(can_edit)
        self.count_label = QLabel()
        self.count_label.setObjectName("memberCount")

        self.model = MemberTableModel(self._load_page, self._count_all, parent=self)
        self.model.counted.connect(self._show_count)
        self.table = QTableView()
        self.table.setObjectName("memberTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self._sorted_by = (MemberTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(MemberTableModel.NAME, Qt.SortOrder.AscendingOrder)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring over 100,000 rows
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for column, width in enumerate((100, 220, 140, 40, 50, 140, 130, 120, 130, 70)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        header.sortIndicatorChanged.connect(self._keep_sort_indicator_honest)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(self._edit)
        self.empty_note = EmptyListNote(self.table, "memberEmptyNote")
        self.detail = MemberDetailPanel()
        self.detail.edit_requested.connect(self._edit)
        self.detail.leave_requested.connect(self._leave_or_rejoin)
        self.detail.card_requested.connect(self._save_card)
        self.detail.profile_requested.connect(self._save_profile)
        self.detail.photo_requested.connect(self._choose_photo)

        filters = QHBoxLayout()
        for widget in (self.kecamatan_filter, self.desa_filter, self.category_filter, self.group_filter, self.status_filter, self.sex_filter):
            filters.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.template_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([6_000, 4_000])  # scaled to the window: the list keeps its name and NIK columns at 1024 px
        layout = QVBoxLayout(self.register)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)

    def _keep_sort_indicator_honest(self, column: int, order: Qt.SortOrder) -> None:
        """Only some columns are sorted in the database; clicking another must not move the arrow."""
        if column in MemberTableModel.SORTABLE:
            self._sorted_by = (column, order)
            return
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(*self._sorted_by)
        header.blockSignals(False)

    def _combo(self, name: str, combo: QComboBox | None = None) -> QComboBox:
        combo = combo or QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(lambda: self.reload())
        return combo

    def _fill_filters(self) -> None:
        with self.context.database.session() as session:  # one session for the short lists
            kecamatan = regions.list_kecamatan(session)
            categories = self._categories(session)
        for combo in (self.kecamatan_filter, self.category_filter, self.status_filter, self.sex_filter):
            combo.blockSignals(True)
        self.kecamatan_filter.addItem(self.tr("Semua kecamatan"), None)
        for item in kecamatan:
            self.kecamatan_filter.addItem(item.name, item.code)
        self.kecamatan_filter.currentIndexChanged.connect(self._fill_desa_filter)
        for text, value in ((self.tr("Aktif"), MemberStatus.ACTIVE), (self.tr("Keluar"), MemberStatus.LEFT), (self.tr("Aktif dan keluar"), None)):
            self.status_filter.addItem(text, value)
        self.sex_filter.addItem(self.tr("L dan P"), None)
        for sex in Sex:
            self.sex_filter.addItem(sex.label, sex)
        for combo in (self.kecamatan_filter, self.category_filter, self.status_filter, self.sex_filter):
            combo.blockSignals(False)
        self._fill_desa_filter()
        self._show_categories(categories)

    def refill_category_filter(self) -> None:
        """Categories as they are now (after the categories dialog added, renamed or retired one)."""
        with self.context.database.session() as session:
            self._show_categories(self._categories(session))

    def _categories(self, session: Session) -> list[tuple[str, str]]:
        return [(code, name if active else self.tr("{name} (tidak dipakai lagi)").format(name=name))
                for code, name, active in member_categories.category_choices(session)]  # retired ones too: members still have them

    def _show_categories(self, categories: list[tuple[str, str]]) -> None:
        chosen = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("Semua kategori"), None)
        for code, name in categories:
            self.category_filter.addItem(name, code)
        self.category_filter.setCurrentIndex(max(0, self.category_filter.findData(chosen)) if chosen else 0)
        self.category_filter.blockSignals(False)

    def _fill_desa_filter(self) -> None:
        self.desa_filter.blockSignals(True)
        self.desa_filter.clear()
        self.desa_filter.addItem(self.tr("Semua desa"), None)
        code = self.kecamatan_filter.currentData()
        if code:
            with self.context.database.session() as session:
                for desa in regions.list_desa(session, self.context.actor, code):
                    self.desa_filter.addItem(desa.name, desa.id)
        self.desa_filter.setEnabled(bool(code))
        self.desa_filter.blockSignals(False)

    def current_filter(self) -> MemberFilter:
        return MemberFilter(
            text=self.search.text(),
            kecamatan_code=self.kecamatan_filter.currentData(),
            desa_id=self.desa_filter.currentData(),
            category=self.category_filter.currentData(),
            group_id=self.group_filter.currentData(),
            # Qt hands enum item data back as plain strings.
            status=_optional(MemberStatus, self.status_filter.currentData()),
            sex=_optional(Sex, self.sex_filter.currentData()),
        )

    def _load_page(self, where: MemberFilter, sort: MemberSort, descending: bool, offset: int, limit: int) -> MemberPage:
        with self.context.database.session() as session:
            return member_page(session, self.context.actor, where, sort=sort, descending=descending, offset=offset, limit=limit,
                               count_cap=SEARCH_COUNT_CAP)

    def _count_all(self, where: MemberFilter) -> int:
        with self.context.database.session() as session:
            return count_members(session, self.context.actor, where)

    def _show_count(self) -> None:
        count = f"{self.model.total:,}".replace(",", ".")
        if self.model.exact:
            self.count_label.setText(self.tr("{count} anggota").format(count=count))
        else:  # the search counted up to its cap; the rest are counted when the list is scrolled to its end
            self.count_label.setText(self.tr("lebih dari {count} anggota").format(count=count))

    def reload(self, select: uuid.UUID | None = None) -> None:
        self.model.reload(self.current_filter())
        self._show_count()
        self.empty_note.show_text("" if self.model.total else self._nothing_found())
        row = self.model.row_of(select) if select is not None else None
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.scrollTo(self.model.index(row, 0))
        elif select is not None:
            self.show_member(select)
        else:
            self.show_member(None)

    def _nothing_found(self) -> str:
        """What was looked for, in the words of the filters: the clerk sees which one to loosen."""
        where = ""
        if self.kecamatan_filter.currentData():
            where = self.tr("di Kecamatan {name}").format(name=self.kecamatan_filter.currentText())
            if self.desa_filter.currentData():
                where = self.tr("di Desa {desa}, Kecamatan {name}").format(
                    desa=self.desa_filter.currentText(), name=self.kecamatan_filter.currentText())
        conditions = []
        if self.category_filter.currentData():
            conditions.append(self.tr("kategori {name}").format(name=self.category_filter.currentText()))
        if self.group_filter.currentData():
            conditions.append(self.tr("kelompok {name}").format(name=self.group_filter.currentText()))
        sex = self.sex_filter.currentText().lower() if self.sex_filter.currentData() else ""
        status = _optional(MemberStatus, self.status_filter.currentData())
        # The status always filters (Aktif by default); alone it only says what the office has none of yet.
        if status is not None and (self.search.text().strip() or where or conditions or sex):
            conditions.append(self.tr("status {name}").format(name=self.status_filter.currentText()))
        if sex:
            conditions.append(sex)
        none_yet = {
            MemberStatus.ACTIVE: self.tr("Belum ada anggota aktif."),
            MemberStatus.LEFT: self.tr("Belum ada anggota yang keluar."),
        }.get(status, self.tr("Belum ada anggota."))
        if status is not MemberStatus.LEFT and self.context.actor.can(Permission.EDIT_MEMBERS):
            none_yet += " " + self.tr("Tambahkan dengan Tambah anggota (Ctrl+N) atau Impor Excel.")
        return nothing_found(self.tr("anggota"), search=self.search.text(), where=where, conditions=conditions,
                             none_yet=none_yet)

    def _row_changed(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        self.show_member(row.id if row else None)

    def show_member(self, member_id: uuid.UUID | None) -> None:
        self.current, photo = None, None
        if member_id is not None:
            with self.context.database.session() as session:
                self.current = members.get_member(session, self.context.actor, member_id)
                if self.current.has_photo:
                    photo = members.get_photo(session, self.context.actor, member_id)
        self.detail.show_member(self.current, photo=photo, can_edit=self.context.actor.can(Permission.EDIT_MEMBERS))

    def _choose_photo(self) -> None:
        member = self.current
        if member is None:
            return
        from koperasi.gui.members.photos import choose_photo

        photo = choose_photo(self)
        if photo is None:
            return
        try:
            with self.context.database.session() as session:
                members.set_photo(session, self.context.actor, member.id, photo, expected_version=member.version)
        except DomainError as error:
            show_error(self, self.tr("Foto"), error.message)
        self.show_member(member.id)

    def _add(self) -> None:
        self._open_form(MemberDialog(self.context, None, self))

    def _edit(self) -> None:
        if self.current is not None and self.context.actor.can(Permission.EDIT_MEMBERS):
            self._open_form(MemberDialog(self.context, self.current, self))

    def _open_form(self, dialog: MemberDialog) -> None:
        result = dialog.exec()
        if result == OPEN_EXISTING and dialog.existing_member_id is not None:
            self.search.blockSignals(True)  # no delayed search that would empty the panel again
            self.search.clear()
            self.search.blockSignals(False)
            self.reload(select=dialog.existing_member_id)
        elif result and dialog.saved is not None:
            self.reload(select=dialog.saved.id)

    def _leave_or_rejoin(self) -> None:
        member = self.current
        if member is None:
            return
        if member.status is MemberStatus.ACTIVE:
            dialog = LeaveDialog(self.context, member, self)
            if dialog.exec():
                self.reload(select=member.id)
                if dialog.paid_out is not None:
                    show_info(self, self.tr("Anggota keluar"), self.tr(
                        "Pinjaman dilunasi dari simpanan; {cash} dibayarkan tunai dengan kwitansi {number} "
                        "(cetak dari tab Simpanan).").format(cash=format_rupiah(dialog.paid_out.cash),
                                                             number=dialog.paid_out.receipt_number))
            return
        if not confirm(self, self.tr("Bergabung kembali"), self.tr("Aktifkan kembali {name}?").format(name=member.data.full_name), yes=self.tr("Aktifkan")):
            return
        try:
            with self.context.database.session() as session:
                members.record_rejoining(session, self.context.actor, member.id, expected_version=member.version)
        except DomainError as error:
            show_error(self, self.tr("Anggota"), error.message)
        self.reload(select=member.id)

    # Excel (openpyxl) and PDF (ReportLab) load on first use: ~0.5 s less at every start-up.
    def _import(self) -> None:
        from koperasi.gui.members.excel_dialogs import import_members

        if import_members(self, self.context):
            self.reload()

    def _export(self) -> None:
        from koperasi.gui.members.excel_dialogs import export_members

        export_members(self, self.context, self.model.current_filter)

    def _save_template(self) -> None:
        from koperasi.gui.members.excel_dialogs import save_template

        save_template(self, self.context)

    def _save_card(self) -> None:
        from koperasi.gui.members.documents import save_member_card

        save_member_card(self, self.context, self.current)

    def _save_profile(self) -> None:
        from koperasi.gui.members.documents import save_member_profile

        save_member_profile(self, self.context, self.current)


def _optional(kind, value):
    return kind(value) if value else None
