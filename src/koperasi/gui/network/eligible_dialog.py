"""Siapa perlu tahu: the members (or their out-of-school children) who meet an opportunity's conditions,
with a search, the count, Rujuk… for the selected person, and the list to print or save in Excel."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from koperasi.domain.errors import DomainError
from koperasi.domain.people import Sex
from koperasi.domain.phone import format_phone
from koperasi.domain.roles import Permission
from koperasi.gui.breakdown_view import save_excel, save_report
from koperasi.gui.columns import fit_columns
from koperasi.gui.context import AppContext
from koperasi.gui.empty_list import EmptyListNote
from koperasi.gui.list_model import ROW_ROLE, Column, ListTableModel
from koperasi.gui.messages import show_error
from koperasi.gui.pdf_preview import file_name_part
from koperasi.gui.screen_fit import fit_to_screen, narrow_combo
from koperasi.gui.tables import TipTableModel, count_text, make_table
from koperasi.services.network import eligibility, opportunities, papers
from koperasi.services.network.eligibility import EligibleFilter, EligibleList, EligiblePerson
from koperasi.services.network.opportunities import OpportunityView
from koperasi.services.office import regions

SHOWN = 5_000  # rows the dialog lists; the printed and saved list holds up to eligibility.MAX_LISTED


class SearchModel(TipTableModel):
    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.UserRole + 2 and index.isValid():  # what the search looks at
            person = self.row(index)
            return f"{person.name} {person.parent} {person.member_number} {person.desa}"
        return super().data(index, role)


class EligibleDialog(QDialog):
    def __init__(self, context: AppContext, view: OpportunityView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eligibleDialog")
        self.context, self.view = context, view
        self.setWindowTitle(self.tr("Siapa perlu tahu: {title}").format(title=view.data.title))
        with context.database.session() as session:
            found = eligibility.eligible_people(session, context.actor, view.id, limit=SHOWN)
            kecamatan = regions.list_kecamatan(session)
            categories, _ = opportunities.condition_choices(session, context.actor)
        self.kecamatan_filter = self._filter("eligibleKecamatanFilter", self.tr("Semua kecamatan"),
                                             [(k.name, k.code) for k in kecamatan], self._kecamatan_changed)
        self.desa_filter = self._filter("eligibleDesaFilter", self.tr("Semua desa"), [], self._reload)
        self.desa_filter.setEnabled(False)
        self.category_filter = self._filter("eligibleCategoryFilter", self.tr("Semua kategori"), [(n, c) for c, n in categories],
                                            self._reload)
        self.sex_filter = self._filter("eligibleSexFilter", self.tr("L dan P"), [(sex.label, sex.value) for sex in Sex], self._reload)
        columns: list[Column[EligiblePerson]] = [
            Column(self.tr("Nama"), lambda p: p.name),
            Column(self.tr("Anak dari"), lambda p: p.parent),
            Column(self.tr("No. anggota"), lambda p: p.member_number),
            Column(self.tr("L/P"), lambda p: p.sex),
            Column(self.tr("Umur"), lambda p: str(p.age) if p.age is not None else "—", align_right=True),
            Column(self.tr("Desa"), lambda p: p.desa),
            Column(self.tr("Telepon"), lambda p: format_phone(p.phone) if p.phone else ""),
        ]
        self.model: ListTableModel[EligiblePerson] = SearchModel(columns, found.people, parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(Qt.ItemDataRole.UserRole + 2)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = make_table("eligibleTable", self.model)
        self.table.setModel(self.proxy)
        self.table.doubleClicked.connect(self._refer)
        if not view.data.conditions.for_children:
            self.table.hideColumn(1)
        self.empty = EmptyListNote(self.table, "eligibleEmptyNote")
        self.search = QLineEdit(objectName="eligibleSearch", placeholderText=self.tr("Cari nama, nomor atau desa…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        who = QLabel(self.tr("<b>Untuk:</b> {who} · <b>Tempat:</b> {where}").format(who=view.who, where=view.where))
        who.setWordWrap(True)
        self.count_label = QLabel(objectName="eligibleCount")
        self.refer_button = QPushButton(self.tr("&Rujuk…"), objectName="eligibleReferButton")
        self.refer_button.setToolTip(self.tr("Catat bahwa orang yang dipilih sudah diberi tahu atau dirujuk (Enter)"))
        self.refer_button.clicked.connect(self._refer)
        self.refer_button.setVisible(context.actor.can(Permission.WRITE_REFERRALS) and not view.closed)
        self.pdf_button = QPushButton(self.tr("&Cetak daftar (PDF)…"), objectName="eligiblePdfButton")
        self.pdf_button.clicked.connect(self._save_pdf)
        self.xlsx_button = QPushButton(self.tr("Simpan &Excel…"), objectName="eligibleXlsxButton")
        self.xlsx_button.clicked.connect(self._save_xlsx)
        close = QPushButton(self.tr("&Tutup"), objectName="eligibleCloseButton")
        close.clicked.connect(self.accept)
        self.referred = 0
        buttons = QHBoxLayout()
        for button in (self.refer_button, self.pdf_button, self.xlsx_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        for combo in (self.kecamatan_filter, self.desa_filter, self.category_filter, self.sex_filter):
            filters.addWidget(combo)
        layout.addWidget(who)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(buttons)
        fit_to_screen(self, 960, 600)
        self._show(found)
        self.search.returnPressed.connect(self.table.setFocus)
        self.search.setFocus()

    def _filter(self, name: str, everyone: str, choices: list[tuple[str, object]], changed) -> QComboBox:
        combo = QComboBox(objectName=name)
        narrow_combo(combo, 12)
        combo.addItem(everyone, None)
        for text, value in choices:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(changed)
        return combo

    def _kecamatan_changed(self) -> None:
        code = self.kecamatan_filter.currentData()
        self.desa_filter.blockSignals(True)
        self.desa_filter.clear()
        self.desa_filter.addItem(self.tr("Semua desa"), None)
        if code:
            with self.context.database.session() as session:
                for desa in regions.list_desa(session, self.context.actor, code):
                    self.desa_filter.addItem(desa.name, desa.id)
        self.desa_filter.setEnabled(bool(code))
        self.desa_filter.blockSignals(False)
        self._reload()

    def narrowed(self) -> EligibleFilter:
        return EligibleFilter(kecamatan_code=self.kecamatan_filter.currentData(), desa_id=self.desa_filter.currentData(),
                              category=self.category_filter.currentData(), sex=self.sex_filter.currentData())

    def _reload(self) -> None:
        try:
            with self.context.database.session() as session:
                found = eligibility.eligible_people(session, self.context.actor, self.view.id, limit=SHOWN, narrow=self.narrowed())
        except DomainError as error:
            show_error(self, self.tr("Siapa perlu tahu"), error.message)
            return
        self._show(found)

    def _show(self, found: EligibleList) -> None:
        self.found = found
        self.model.set_rows(found.people)
        fit_columns(self.table, stretch=0, caps={0: 220, 1: 180})
        count = self.tr("{total} orang memenuhi syarat").format(total=count_text(found.total))
        if found.total > len(found.people):
            count += self.tr(" (ditampilkan {shown} pertama menurut nama; cetak atau Excel memuat lebih banyak)").format(
                shown=count_text(len(found.people)))
        self.count_label.setText(count)
        narrowed = self.narrowed() != EligibleFilter()
        self.empty.show_text("" if found.people else self.tr(
            "Tidak ada yang memenuhi syarat di antara pilihan saringan ini. Pilih Semua desa, Semua kategori atau L dan P.")
            if narrowed else self.tr(
            "Belum ada anggota yang memenuhi syarat peluang ini. Periksa syaratnya (Ubah peluang), atau data anggota "
            "(kategori, pekerjaan, tanggal lahir) di Anggota."))

    def _selected(self) -> EligiblePerson | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.data(rows[0], ROW_ROLE) if rows else None

    def _refer(self) -> None:
        from koperasi.gui.network.referral_dialogs import ReferDialog

        person = self._selected()
        if person is None or not self.refer_button.isVisible():
            return
        if ReferDialog(self.context, self.view.id, self.view.data.title, person.member_id, person.name, person.household_member_id,
                       self).exec():
            self.referred += 1

    def _file_name(self, kind: str) -> str:
        return f"yang-perlu-tahu-{file_name_part(self.view.data.title[:40], 'peluang')}.{kind}"

    def _save_pdf(self) -> None:
        from koperasi.reports.network.opportunity_papers import write_eligible_pdf, write_eligible_xlsx

        try:
            with self.context.database.session() as session:
                sheet = papers.eligible_sheet(session, self.context.actor, self.view.id, self.narrowed())
        except DomainError as error:
            show_error(self, self.tr("Siapa perlu tahu"), error.message)
            return
        save_report(self, sheet, "pdf", file_name=self._file_name("pdf"), dialog_title=self.tr("Simpan daftar yang perlu tahu"),
                    writers=(write_eligible_pdf, write_eligible_xlsx), done_title=self.tr("Siapa perlu tahu"),
                    done_text=self.tr("Daftar tersimpan di {path}."))

    def _save_xlsx(self) -> None:
        from koperasi.services.network import exports

        narrow = self.narrowed()

        def make() -> bytes:
            with self.context.database.session() as session:
                return exports.eligible_xlsx(session, self.context.actor, self.view.id, narrow)

        save_excel(self, make, file_name=self._file_name("xlsx"), dialog_title=self.tr("Simpan daftar yang perlu tahu"),
                   done_title=self.tr("Siapa perlu tahu"), done_text=self.tr("Daftar tersimpan di {path}."))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override): Enter on the list refers, not closes
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self._refer()
            return
        super().keyPressEvent(event)
