"""Jaringan: the community meetings (with the selected one's details, attendance and follow-ups), the
follow-ups still open across all meetings, the opportunity board and the referrals."""

from __future__ import annotations

import uuid
from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.dates import format_date, format_date_long
from koperasi.domain.errors import DomainError
from koperasi.domain.roles import Permission
from koperasi.gui.breakdown_view import save_excel
from koperasi.gui.columns import fit_columns
from koperasi.gui.empty_list import EmptyListNote
from koperasi.gui.flow_layout import FlowLayout
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.network import short_date
from koperasi.gui.messages import confirm, show_error
from koperasi.gui.network.opportunities_page import OpportunitiesPage
from koperasi.gui.network.referrals_page import ReferralsPage
from koperasi.gui.network.report_page import ReportPage
from koperasi.gui.screen_fit import narrow_combo
from koperasi.gui.tables import TipTableModel, count_text, make_table, selected_row
from koperasi.gui.context import AppContext
from koperasi.services.network import follow_ups, meetings
from koperasi.services.network.follow_ups import FollowUpRow
from koperasi.services.network.meetings import MeetingRow, MeetingView
from koperasi import clock

YEARS_BACK = 4  # the year filter offers this year and the four before


class NetworkTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkTab")
        self.context = context
        self.meeting: MeetingView | None = None
        self.meetings_page = QWidget()
        self.follow_ups_page = QWidget()
        self.pages = QTabWidget(objectName="networkPages")
        self.pages.addTab(self.meetings_page, self.tr("Pertemuan"))
        self.pages.addTab(self.follow_ups_page, self.tr("Tindak lanjut"))
        self.opportunities_page = OpportunitiesPage(context)
        self.referrals_page = ReferralsPage(context)
        self.pages.addTab(self.opportunities_page, self.tr("Papan peluang"))
        self.pages.addTab(self.referrals_page, self.tr("Rujukan"))
        self.report_page = ReportPage(context)
        self.pages.addTab(self.report_page, self.tr("Laporan"))
        self.pages.currentChanged.connect(self._page_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._build_meetings()
        self._build_follow_ups()
        self.reload()

    def _page_changed(self, index: int) -> None:
        page = self.pages.widget(index)
        if page is self.follow_ups_page:
            self.reload_follow_ups()
        elif page is self.opportunities_page:
            self.opportunities_page.reload()
        elif page is self.referrals_page:
            self.referrals_page.reload()
        elif page is self.report_page:
            self.report_page.refresh()
        else:
            self.reload()

    # ---- the meetings page ------------------------------------------------------------------

    def _build_meetings(self) -> None:
        can_record = self.context.actor.can(Permission.RECORD_MEETINGS)
        self.year_filter = QComboBox(objectName="networkYearFilter")
        narrow_combo(self.year_filter, 12)
        self.year_filter.addItem(self.tr("Semua tahun"), None)
        for year in range(clock.today().year, clock.today().year - YEARS_BACK - 1, -1):
            self.year_filter.addItem(str(year), year)
        self.year_filter.currentIndexChanged.connect(lambda: self.reload())
        self.new_button = self._button("networkNewMeetingButton", self.tr("Pertemuan &baru…"), self._new_meeting, can_record)
        self.edit_button = self._button("networkEditMeetingButton", self.tr("&Ubah / isi hasil…"), self._edit_meeting, can_record)
        self.attendance_button = self._button("networkAttendanceButton", self.tr("Catat &kehadiran…"), self._attendance, can_record)
        self.follow_up_button = self._button("networkNewFollowUpButton", self.tr("&Tindak lanjut baru…"), self._new_follow_up, can_record)
        self.sheet_button = self._button("networkSheetButton", self.tr("&Daftar hadir (PDF)"), self._print_sheet, True)
        self.sheet_button.setToolTip(self.tr("Cetak sebelum pertemuan: nama anggota sasaran dengan kotak tanda tangan, dan baris untuk tamu"))
        self.minutes_button = self._button("networkMinutesButton", self.tr("&Notulen (PDF)"), self._print_minutes, True)
        self.minutes_button.setToolTip(self.tr("Cetak sesudah pertemuan: kehadiran, informasi, keputusan dan tindak lanjut"))
        self.meetings_xlsx_button = self._button("networkMeetingsXlsxButton", self.tr("Simpan &Excel…"), self._save_meetings, True)
        self.meetings_xlsx_button.setToolTip(self.tr("Daftar pertemuan tahun yang dipilih, untuk diolah di Excel"))
        self.model: ListTableModel[MeetingRow] = TipTableModel(self._columns(), parent=self)
        self.table = make_table("networkMeetingTable", self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda: self._edit_meeting() if can_record else None)
        self.count_label = QLabel(objectName="networkMeetingCount")
        self.empty_note = EmptyListNote(self.table, "networkEmptyNote")
        self.detail = QLabel(objectName="networkMeetingDetail")
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("T&ahun:"), buddy=self.year_filter))
        top.addWidget(self.year_filter)
        top.addStretch(1)
        actions = FlowLayout()
        for button in (self.new_button, self.edit_button, self.attendance_button, self.follow_up_button, self.sheet_button,
                       self.minutes_button, self.meetings_xlsx_button):
            actions.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(objectName="networkSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setSizes([6_000, 5_000])
        QVBoxLayout(self.meetings_page).addWidget(self.splitter)

    def _button(self, name: str, text: str, slot, visible: bool) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        button.setVisible(visible)
        return button

    def _columns(self) -> list[Column[MeetingRow]]:
        return [
            Column(self.tr("Tanggal"), lambda m: short_date(m.held_on)),
            Column(self.tr("Desa"), lambda m: m.desa),
            Column(self.tr("Topik"), lambda m: " ".join(m.topics.split())),
            Column(self.tr("Hadir"), lambda m: str(m.members_present) if m.attendance_taken else "—", align_right=True),
            Column(self.tr("Tamu"), lambda m: str(m.guests) if m.attendance_taken else "—", align_right=True),
            Column(self.tr("Tindak lanjut"), lambda m: str(m.open_follow_ups) if m.open_follow_ups else "", align_right=True),
        ]

    def reload(self, select: uuid.UUID | None = None) -> None:
        if select is None and self.meeting is not None:
            select = self.meeting.id
        try:
            with self.context.database.session() as session:
                rows = meetings.list_meetings(session, self.context.actor, year=self.year_filter.currentData())
        except DomainError as error:
            show_error(self, self.tr("Jaringan"), error.message)
            return
        self.model.set_rows(rows)
        fit_columns(self.table, stretch=2, caps={1: 130})
        self.count_label.setText(self.tr("{count} pertemuan").format(count=count_text(len(rows))))
        self.empty_note.show_text("" if rows else self._nothing_found())
        row = next((i for i, meeting in enumerate(rows) if meeting.id == select), None)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._show(rows[row].id if row is not None else None)

    def _nothing_found(self) -> str:
        advice = self.tr(" Catat pertemuan dengan Pertemuan baru: sebelum hari-H untuk mencetak daftar hadir, "
                         "sesudahnya untuk kehadiran, hasil dan tindak lanjut.") if self.context.actor.can(Permission.RECORD_MEETINGS) else ""
        if self.year_filter.currentData():
            return self.tr("Tidak ada pertemuan komunitas pada tahun {year}. Pilih Semua tahun untuk melihat yang lain.").format(
                year=self.year_filter.currentText())
        return self.tr("Belum ada pertemuan komunitas yang dicatat.") + advice

    def _row_changed(self) -> None:
        index = self.table.currentIndex()
        self._show(self.model.row(index).id if index.isValid() else None)

    def _show(self, meeting_id: uuid.UUID | None) -> None:
        self.meeting, found = None, []
        if meeting_id is not None:
            try:
                with self.context.database.session() as session:
                    self.meeting = meetings.get_meeting(session, self.context.actor, meeting_id)
                    found = follow_ups.follow_ups(session, self.context.actor, meeting_id=meeting_id)
            except DomainError as error:
                show_error(self, self.tr("Jaringan"), error.message)
        for button in (self.edit_button, self.attendance_button, self.follow_up_button, self.sheet_button, self.minutes_button):
            button.setEnabled(self.meeting is not None)
        self.detail.setText(self._detail_html(self.meeting, found) if self.meeting else
                            f"<p style='color:#666'>{escape(self.tr('Pilih pertemuan di daftar untuk melihat isinya.'))}</p>")

    def _detail_html(self, view: MeetingView, found: list[FollowUpRow]) -> str:
        d = view.data
        rows = [
            (self.tr("Waktu"), f"{format_date_long(d.held_on)}, {d.starts_at:%H.%M}–{d.ends_at:%H.%M}"),
            (self.tr("Tempat"), ", ".join(part for part in (d.place, f"Desa {view.desa}", f"Kec. {view.kecamatan}") if part)),
            (self.tr("Penyelenggara"), d.organiser),
            (self.tr("Fasilitator"), d.facilitator),
            (self.tr("Sasaran"), ", ".join(view.audience) or self.tr("anggota yang tinggal di Desa {desa}").format(desa=view.desa)),
        ]
        if view.attendance_taken:
            g = view.guests
            rows.append((self.tr("Hadir"), self.tr("{members} anggota; tamu {guests} (L {male}, P {female})").format(
                members=view.members_present, guests=g.total, male=g.male, female=g.female)))
        else:
            rows.append((self.tr("Hadir"), self.tr("belum dicatat")))
        table = "".join(f"<tr><td style='color:#555; padding-right:10px'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows)
        html = f"<h3>{escape(d.topics)}</h3><table>{table}</table>"
        for title, text in ((self.tr("Informasi yang dibagikan"), d.information), (self.tr("Keputusan"), d.decisions)):
            body = escape(text).replace("\n", "<br>") if text else f"<span style='color:#666'>{escape(self.tr('belum diisi'))}</span>"
            html += f"<h4>{escape(title)}</h4><p>{body}</p>"
        html += f"<h4>{escape(self.tr('Tindak lanjut'))}</h4>"
        if not found:
            return html + f"<p style='color:#666'>{escape(self.tr('Belum ada tindak lanjut.'))}</p>"
        lines = "".join(
            f"<tr><td>{escape(f.action)}</td><td>{escape(f.responsible)}</td><td>{format_date(f.due_on)}</td>"
            f"<td>{self._state(f)}</td></tr>" for f in found)
        return html + (f"<table cellspacing='0' cellpadding='3' border='1' style='border-color:#ccc'><tr><th>{self.tr('Apa')}</th>"
                       f"<th>{self.tr('Siapa')}</th><th>{self.tr('Batas')}</th><th>{self.tr('Status')}</th></tr>{lines}</table>")

    def _state(self, row: FollowUpRow) -> str:
        if row.done_on is not None:
            return escape(self.tr("Selesai {day}").format(day=format_date(row.done_on)))
        if row.overdue(clock.today()):
            return f"<span style='color:#b00020'>{escape(self.tr('Lewat batas'))}</span>"
        return escape(self.tr("Terbuka"))

    def _new_meeting(self) -> None:
        from koperasi.gui.network.meeting_dialog import MeetingDialog

        dialog = MeetingDialog(self.context, None, self)
        if dialog.exec() and dialog.saved is not None:
            self.year_filter.setCurrentIndex(0)
            self.reload(select=dialog.saved)

    def _edit_meeting(self) -> None:
        from koperasi.gui.network.meeting_dialog import MeetingDialog

        if self.meeting is None:
            return
        dialog = MeetingDialog(self.context, self.meeting, self)
        dialog.exec()
        self.reload(select=self.meeting.id)

    def _attendance(self) -> None:
        from koperasi.gui.network.attendance_dialog import MeetingAttendanceDialog

        if self.meeting is None:
            return
        MeetingAttendanceDialog(self.context, self.meeting, self).exec()
        self.reload(select=self.meeting.id)

    def _new_follow_up(self) -> None:
        from koperasi.gui.network.follow_up_dialog import FollowUpDialog

        if self.meeting is None:
            return
        if FollowUpDialog(self.context, self.meeting, self).exec():
            self.reload(select=self.meeting.id)

    def _save_meetings(self) -> None:
        from koperasi.services.network import exports

        year = self.year_filter.currentData()

        def make() -> bytes:
            with self.context.database.session() as session:
                return exports.meetings_xlsx(session, self.context.actor, year=year)

        save_excel(self, make, file_name=f"pertemuan-{year or 'semua'}.xlsx", dialog_title=self.tr("Simpan daftar pertemuan"),
                   done_title=self.tr("Pertemuan"), done_text=self.tr("Daftar pertemuan tersimpan di {path}."))

    def _print_sheet(self) -> None:
        from koperasi.gui.network import documents

        if self.meeting is not None:
            documents.show(documents.meeting_sheet_preview(self, self.context, self.meeting.id))

    def _print_minutes(self) -> None:
        from koperasi.gui.network import documents

        if self.meeting is not None:
            documents.show(documents.minutes_preview(self, self.context, self.meeting.id))

    # ---- the follow-ups page ----------------------------------------------------------------

    def _build_follow_ups(self) -> None:
        self.show_done = QCheckBox(self.tr("Tampilkan yang sudah &selesai"), objectName="networkShowDoneCheck")
        self.show_done.toggled.connect(lambda: self.reload_follow_ups())
        self.done_button = self._button("networkFollowUpDoneButton", self.tr("Tandai s&elesai hari ini"), self._mark_done,
                                        self.context.actor.can(Permission.RECORD_MEETINGS))
        self.follow_up_model: ListTableModel[FollowUpRow] = TipTableModel([
            Column(self.tr("Batas waktu"), lambda f: short_date(f.due_on)),
            Column(self.tr("Tindak lanjut"), lambda f: f.action),
            Column(self.tr("Penanggung jawab"), lambda f: f.responsible),
            Column(self.tr("Pertemuan"), lambda f: f"{short_date(f.meeting_day)}, {f.meeting_desa}"),
            Column(self.tr("Status"), lambda f: self._state_text(f)),
        ], parent=self)
        self.follow_up_table = make_table("networkFollowUpTable", self.follow_up_model)
        self.follow_up_table.selectionModel().currentRowChanged.connect(self._follow_up_changed)
        self.follow_up_empty = EmptyListNote(self.follow_up_table, "networkFollowUpEmptyNote")
        self.follow_up_count = QLabel(objectName="networkFollowUpCount")
        top = QHBoxLayout()
        top.addWidget(self.show_done)
        top.addStretch(1)
        top.addWidget(self.done_button)
        self.follow_ups_xlsx_button = self._button("networkFollowUpsXlsxButton", self.tr("Simpan E&xcel…"), self._save_follow_ups, True)
        top.addWidget(self.follow_ups_xlsx_button)
        layout = QVBoxLayout(self.follow_ups_page)
        layout.addLayout(top)
        layout.addWidget(self.follow_up_table, 1)
        layout.addWidget(self.follow_up_count)

    def _state_text(self, row: FollowUpRow) -> str:
        if row.done_on is not None:
            return self.tr("Selesai {day}").format(day=format_date(row.done_on))
        return self.tr("Lewat batas") if row.overdue(clock.today()) else self.tr("Terbuka")

    def reload_follow_ups(self) -> None:
        try:
            with self.context.database.session() as session:
                rows = follow_ups.follow_ups(session, self.context.actor, open_only=not self.show_done.isChecked())
        except DomainError as error:
            show_error(self, self.tr("Tindak lanjut"), error.message)
            return
        self.follow_up_model.set_rows(rows)
        if rows:
            fit_columns(self.follow_up_table, stretch=1, caps={2: 160})
        open_count = sum(1 for row in rows if row.done_on is None)
        self.follow_up_count.setText(self.tr("{count} tindak lanjut terbuka").format(count=count_text(open_count)))
        self.follow_up_empty.show_text("" if rows else self.tr(
            "Tidak ada tindak lanjut yang terbuka. Tindak lanjut dicatat pada pertemuannya (halaman Pertemuan, Tindak lanjut baru)."))
        if rows:
            self.follow_up_table.selectRow(0)
        self._follow_up_changed()

    def _save_follow_ups(self) -> None:
        from koperasi.services.network import exports

        open_only = not self.show_done.isChecked()

        def make() -> bytes:
            with self.context.database.session() as session:
                return exports.follow_ups_xlsx(session, self.context.actor, open_only=open_only)

        save_excel(self, make, file_name=f"tindak-lanjut-{clock.today():%Y-%m-%d}.xlsx", dialog_title=self.tr("Simpan daftar tindak lanjut"),
                   done_title=self.tr("Tindak lanjut"), done_text=self.tr("Daftar tindak lanjut tersimpan di {path}."))

    def _follow_up_changed(self) -> None:
        row = selected_row(self.follow_up_table)
        self.done_button.setEnabled(row is not None and row.done_on is None)

    def _mark_done(self) -> None:
        row = selected_row(self.follow_up_table)
        if row is None or row.done_on is not None:
            return
        if not confirm(self, self.tr("Tindak lanjut"), self.tr("Tandai selesai hari ini?\n\n{action} ({who})").format(
                action=row.action, who=row.responsible), yes=self.tr("Ya, selesai")):
            return
        try:
            with self.context.database.session() as session:
                follow_ups.complete_follow_up(session, self.context.actor, row.id, done_on=clock.today(), expected_version=row.version)
        except DomainError as error:
            show_error(self, self.tr("Tindak lanjut"), error.message)
        self.reload_follow_ups()
