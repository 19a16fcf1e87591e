"""The selected angkatan: its sessions, its participants and its report, with the actions each role may take."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError
from koperasi.domain.roles import Permission
from koperasi.domain.trainings.papers import BatchReport
from koperasi.gui.context import AppContext
from koperasi.gui.flow_layout import FlowLayout
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.domain.money import percent
from koperasi.gui.columns import fit_columns
from koperasi.gui.messages import confirm, show_error, show_info
from koperasi.gui.trainings import documents
from koperasi.gui.tables import TipTableModel, make_table, selected_row
from koperasi.services.trainings import certificates
from koperasi.services.trainings import papers as training_papers
from koperasi.services.trainings import participants as training_participants
from koperasi.services.trainings import programmes as trainings
from koperasi.services.trainings.participants import ParticipantView
from koperasi.services.trainings.programmes import BatchView, SessionView
from koperasi import clock


def participant_status(person: ParticipantView) -> str:
    if person.withdrawn_on is not None:
        return "Mundur"
    return "Lulus" if person.completed else "Belum memenuhi"


class BatchPanel(QWidget):
    changed = Signal()  # participants or sessions changed: the batch list's counts are stale

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingBatchPanel")
        self.context = context
        self.batch: BatchView | None = None
        actor = context.actor
        manage = actor.can(Permission.MANAGE_TRAININGS)
        issue = actor.can(Permission.ISSUE_CERTIFICATES)
        self.hint = QLabel(self.tr("Pilih angkatan di daftar untuk melihat sesi dan pesertanya."))
        self.hint.setObjectName("trainingBatchHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666")
        self.header = QLabel(objectName="trainingBatchHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)

        # Sesi
        self.session_model: ListTableModel[SessionView] = TipTableModel(self._session_columns(), parent=self)
        self.session_table = make_table("trainingSessionsTable", self.session_model)
        self.session_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_session_button = self._button("trainingAddSessionButton", self.tr("&Tambah sesi…"), self._add_session, manage)
        self.edit_session_button = self._button("trainingEditSessionButton", self.tr("U&bah…"), self._edit_session, manage)
        self.cancel_session_button = self._button("trainingCancelSessionButton", self.tr("Batalkan ses&i…"), self._cancel_session, manage)
        self.sheet_button = self._button("trainingSheetButton", self.tr("Cetak &daftar hadir"), self._print_sheet, True)
        self.attendance_button = self._button("trainingAttendanceButton", self.tr("Catat &kehadiran…"), self._take_attendance, manage)
        self.session_table.doubleClicked.connect(self._take_attendance if manage else self._print_sheet)
        sessions_page = self._page(self.session_table, [self.add_session_button, self.edit_session_button, self.cancel_session_button],
                                   [self.sheet_button, self.attendance_button])

        # Peserta
        self.participant_model: ListTableModel[ParticipantView] = TipTableModel(self._participant_columns(), parent=self)
        self.participant_table = make_table("trainingParticipantsTable", self.participant_model)
        self.participant_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.enrol_button = self._button("trainingEnrolButton", self.tr("Da&ftarkan anggota…"), self._enrol, manage)
        self.withdraw_button = self._button("trainingWithdrawButton", self.tr("Mun&dur…"), self._withdraw, manage)
        self.issue_button = self._button("trainingIssueButton", self.tr("Terbitkan sertifika&t"), self._issue, issue)
        self.issue_all_button = self._button("trainingIssueAllButton", self.tr("Terbitkan se&mua sertifikat"), self._issue_all, issue)
        self.print_certificate_button = self._button("trainingPrintCertificateButton", self.tr("&Cetak sertifikat"), self._print_certificates, True)
        self.participant_count = QLabel(objectName="trainingParticipantCount")
        self._batch_writes = (self.add_session_button, self.edit_session_button, self.cancel_session_button,
                              self.attendance_button, self.enrol_button, self.withdraw_button)
        participants_page = self._page(self.participant_table, [self.enrol_button, self.withdraw_button],
                                       [self.issue_button, self.issue_all_button, self.print_certificate_button], self.participant_count)

        # Laporan angkatan
        self.report_text = QLabel(objectName="trainingBatchReportText")
        self.report_text.setTextFormat(Qt.TextFormat.RichText)
        self.report_text.setWordWrap(True)
        self.report_text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.report_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.report_text)
        self.report_pdf_button = self._button("trainingBatchReportPdfButton", self.tr("&Cetak PDF…"), self._print_report, True)
        report_page = self._page(scroll, [], [self.report_pdf_button])

        self.tabs = QTabWidget(objectName="trainingBatchTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(sessions_page, self.tr("Sesi"))
        self.tabs.addTab(participants_page, self.tr("Peserta"))
        self.tabs.addTab(report_page, self.tr("Laporan angkatan"))
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.header)
        content_layout.addWidget(self.tabs, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.hint)
        self.pages.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.pages)
        self.show_batch(None)

    # --- building ------------------------------------------------------------------------------

    def _button(self, name: str, text: str, slot, visible: bool) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        button.setVisible(visible)  # not offered at all to roles that may not
        return button

    def _page(self, body: QWidget, left: list[QPushButton], right: list[QPushButton], extra: QLabel | None = None) -> QWidget:
        page = QWidget()
        buttons = FlowLayout()  # wraps in a narrow pane instead of widening the window
        for button in left + right:
            buttons.addWidget(button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(body, 1)
        if extra is not None:
            layout.addWidget(extra)
        layout.addLayout(buttons)
        return page

    def _session_columns(self) -> list[Column[SessionView]]:
        def muted(s: SessionView) -> bool:
            return s.cancelled

        def taken(s: SessionView) -> str:
            if s.cancelled:
                return self.tr("Dibatalkan")
            if s.recorded:
                return self.tr("Dicatat")
            return self.tr("Belum") if s.data.held_on <= clock.today() else self.tr("Direncanakan")

        def place(s: SessionView) -> str:
            return f"{s.data.place}, {s.desa_name}" if s.desa_name and s.desa_name not in s.data.place else s.data.place

        return [
            Column(self.tr("Ke"), lambda s: str(s.number) if s.number else "—", align_right=True, muted=muted),
            Column(self.tr("Tanggal"), lambda s: s.data.held_on.strftime("%d-%m-%Y"), muted=muted),
            Column(self.tr("Jam"), lambda s: f"{s.data.starts_at:%H.%M}–{s.data.ends_at:%H.%M}", muted=muted),
            Column(self.tr("Materi"), lambda s: s.data.subject or "—", muted=muted),
            Column(self.tr("Tempat"), place, muted=muted),
            Column(self.tr("Fasilitator"), lambda s: s.data.facilitator, muted=muted),
            Column(self.tr("Kehadiran"), taken, muted=muted),
        ]

    def _participant_columns(self) -> list[Column[ParticipantView]]:
        def muted(p: ParticipantView) -> bool:
            return p.withdrawn_on is not None

        return [
            Column(self.tr("Nama"), lambda p: p.name, muted=muted),
            Column(self.tr("Anggota / keluarga dari"), lambda p: p.identity, muted=muted),
            Column(self.tr("L/P"), lambda p: p.sex, muted=muted),
            Column(self.tr("Hadir"), lambda p: f"{p.attended}/{p.sessions_held}", align_right=True, muted=muted),
            Column(self.tr("Status"), participant_status, muted=muted),
            Column(self.tr("Sertifikat"), lambda p: p.certificate_number or "—", muted=muted),
        ]

    # --- showing -------------------------------------------------------------------------------

    def show_batch(self, batch: BatchView | None) -> None:
        self.batch = batch
        self.report: BatchReport | None = None
        if batch is None:
            self.session_model.set_rows([])
            self.participant_model.set_rows([])
            self.header.clear()
            self.report_text.clear()
            self.pages.setCurrentIndex(0)
            self._update_buttons()
            return
        try:
            with self.context.database.session() as session:
                sessions = trainings.list_sessions(session, self.context.actor, batch.id)
                people = training_participants.list_participants(session, self.context.actor, batch.id)
                programme = next(p for p in trainings.list_programmes(session, self.context.actor) if p.id == batch.programme_id)
                self.report = training_papers.batch_report(session, self.context.actor, batch.id)
        except DomainError as error:
            show_error(self, self.tr("Pelatihan"), error.message)
            self.show_batch(None)
            return
        self.rule_label = programme.data.rule.label
        self.session_model.set_rows(sessions)
        self.participant_model.set_rows(people)
        fit_columns(self.session_table, stretch=3, caps={4: 170, 5: 140})
        fit_columns(self.participant_table, stretch=1, caps={0: 190, 1: 230})
        self._name_tabs(sessions, people)
        closed = self.tr(" · <b style='color:#b3261e'>Ditutup</b>") if batch.closed else ""
        days = ""
        if batch.first_day:
            days = format_date(batch.first_day) if batch.first_day == batch.last_day else \
                f"{format_date(batch.first_day)} – {format_date(batch.last_day)}"
        self.header.setText(
            f"<h3 style='margin:0'>{escape(batch.programme_name)} — {escape(batch.name)}</h3>"
            + self.tr("{kecamatan}Syarat lulus: {rule}{days}{closed}").format(
                kecamatan=f"Kec. {escape(batch.kecamatan_name)} · " if batch.kecamatan_name else "",
                rule=escape(programme.data.rule.label), days=f" · {days}" if days else "", closed=closed,
            )
            + (f"<br><span style='color:#555'>{escape(batch.notes)}</span>" if batch.notes else "")
        )
        active = [p for p in people if p.withdrawn_on is None]
        self.participant_count.setText(
            self.tr("{active} peserta aktif, {done} lulus, {certified} bersertifikat{withdrawn}").format(
                active=len(active), done=sum(p.completed for p in people),
                certified=sum(bool(p.certificate_number) for p in people),
                withdrawn=self.tr(", {count} mundur").format(count=len(people) - len(active)) if len(people) > len(active) else "",
            )
        )
        self.report_text.setText(report_html(self.report))
        self.pages.setCurrentIndex(1)
        self._update_buttons()

    def _name_tabs(self, sessions: list[SessionView], people: list[ParticipantView]) -> None:
        self.tabs.setTabText(0, self.tr("&Sesi ({count})").format(count=sum(not s.cancelled for s in sessions)))
        self.tabs.setTabText(1, self.tr("P&eserta ({count})").format(count=sum(p.withdrawn_on is None for p in people)))
        self.tabs.setTabText(2, self.tr("&Laporan angkatan"))

    def reload(self, *, changed: bool = True) -> None:
        if self.batch is None:
            return
        session_row, person_row = self._current_rows()
        try:
            with self.context.database.session() as session:
                self.batch = trainings.get_batch(session, self.context.actor, self.batch.id)
        except DomainError as error:
            show_error(self, self.tr("Pelatihan"), error.message)
            return
        self.show_batch(self.batch)
        self._restore_rows(session_row, person_row)
        if changed:
            self.changed.emit()

    def _current_rows(self):
        session = selected_row(self.session_table)
        person = selected_row(self.participant_table)
        return (session.id if session else None), (person.id if person else None)

    def _restore_rows(self, session_id, person_id) -> None:
        for table, model, wanted in ((self.session_table, self.session_model, session_id),
                                     (self.participant_table, self.participant_model, person_id)):
            for row in range(model.rowCount()):
                if wanted is not None and model.row(model.index(row, 0)).id == wanted:
                    table.selectRow(row)

    def selected_session(self) -> SessionView | None:
        return selected_row(self.session_table)

    def selected_participant(self) -> ParticipantView | None:
        return selected_row(self.participant_table)

    def _update_buttons(self) -> None:
        session, person = self.selected_session(), self.selected_participant()
        usable = session is not None and not session.cancelled
        # A closed batch takes no new participants, sessions or attendance (the services refuse them too):
        # its writes are greyed with the reason; certificates, papers and the report stay.
        is_open = self.batch is not None and not self.batch.closed
        self.edit_session_button.setEnabled(is_open and session is not None)
        self.cancel_session_button.setEnabled(is_open and usable and not session.recorded)
        self.sheet_button.setEnabled(usable)
        self.attendance_button.setEnabled(is_open and usable and session.data.held_on <= clock.today())
        self.add_session_button.setEnabled(is_open)
        self.enrol_button.setEnabled(is_open)
        self.withdraw_button.setEnabled(is_open and person is not None and person.withdrawn_on is None and not person.certificate_number)
        why = self.tr("Angkatan ini sudah ditutup; buka lagi lewat Ubah angkatan…") if self.batch is not None and self.batch.closed else ""
        for button in self._batch_writes:
            button.setToolTip(why)
        self.issue_button.setEnabled(person is not None and not person.certificate_number)
        people = self.participant_model.rowCount()
        self.issue_all_button.setEnabled(people > 0)
        self.print_certificate_button.setEnabled(
            any(self.participant_model.row(self.participant_model.index(r, 0)).certificate_number for r in range(people))
        )
        self.report_pdf_button.setEnabled(self.report is not None)

    # --- actions -------------------------------------------------------------------------------

    def _add_session(self) -> None:
        from koperasi.gui.trainings.session_dialog import SessionDialog

        if self.batch is not None and SessionDialog(self.context, self.batch.id, None, default_kecamatan=self.batch.kecamatan_code,
                                                    parent=self).exec():
            self.reload()

    def _edit_session(self) -> None:
        from koperasi.gui.trainings.session_dialog import SessionDialog

        session = self.selected_session()
        if self.batch is not None and session is not None and SessionDialog(self.context, self.batch.id, session, parent=self).exec():
            self.reload()

    def _cancel_session(self) -> None:
        session = self.selected_session()
        if session is None:
            return
        question = self.tr("Batalkan sesi ke-{number} tanggal {day}? Sesi yang dibatalkan tidak dihitung untuk kelulusan.").format(
            number=session.number, day=format_date(session.data.held_on))
        if not confirm(self, self.tr("Batalkan sesi"), question, yes=self.tr("Batalkan sesi"), no=self.tr("Jangan")):
            return
        try:
            with self.context.database.session() as db:
                trainings.update_session(db, self.context.actor, session.id, session.data, cancelled=True,
                                         expected_version=session.version)
        except DomainError as error:
            show_error(self, self.tr("Batalkan sesi"), error.message)
            return
        self.reload()

    def _print_sheet(self) -> None:
        session = self.selected_session()
        if session is not None and not session.cancelled:
            documents.show(documents.attendance_sheet_preview(self, self.context, session.id))

    def _take_attendance(self) -> None:
        from koperasi.gui.trainings.attendance_dialog import AttendanceDialog

        session = self.selected_session()
        if self.batch is None or session is None or session.cancelled:
            return
        if self.batch.closed:  # a double click on a closed batch's session: its daftar hadir, not a refused form
            self._print_sheet()
            return
        try:
            dialog = AttendanceDialog(self.context, session, f"{self.batch.programme_name} — {self.batch.name}", self)
        except DomainError as error:
            show_error(self, self.tr("Catat kehadiran"), error.message)
            return
        if dialog.exec():
            self.reload()

    def _enrol(self) -> None:
        from koperasi.gui.trainings.participant_dialogs import EnrolDialog

        if self.batch is None:
            return
        dialog = EnrolDialog(self.context, self.batch, self)
        if dialog.exec():
            self.reload()
            for row in range(self.participant_model.rowCount()):
                if self.participant_model.row(self.participant_model.index(row, 0)).id == dialog.saved:
                    self.participant_table.selectRow(row)

    def _withdraw(self) -> None:
        from koperasi.gui.trainings.participant_dialogs import WithdrawDialog

        person = self.selected_participant()
        if person is not None and WithdrawDialog(self.context, person, self).exec():
            self.reload()

    def _issue(self) -> None:
        person = self.selected_participant()
        if self.batch is None or person is None:
            return
        try:
            with self.context.database.session() as session:
                number = certificates.issue_certificate(session, self.context.actor, person.id, issued_on=clock.today())
        except DomainError as error:
            show_error(self, self.tr("Sertifikat"), error.message)
            return
        self.reload()
        if confirm(self, self.tr("Sertifikat"), self.tr("Sertifikat {number} diterbitkan untuk {name}.\n\nCetak sekarang?").format(
                number=number, name=person.name), yes=self.tr("Cetak"), no=self.tr("Nanti")):
            documents.show(documents.certificates_preview(self, self.context, self.batch.id, participant_id=person.id))

    def _issue_all(self) -> None:
        if self.batch is None:
            return
        people = [self.participant_model.row(self.participant_model.index(r, 0)) for r in range(self.participant_model.rowCount())]
        waiting = [p for p in people if p.completed and not p.certificate_number]
        if waiting and not confirm(
            self, self.tr("Terbitkan semua sertifikat"),
            self.tr("Terbitkan {count} sertifikat untuk peserta yang lulus dan belum bersertifikat? Nomor sertifikat tidak dapat ditarik kembali.").format(
                count=len(waiting)),
            yes=self.tr("Terbitkan"),
        ):
            return
        try:
            with self.context.database.session() as session:
                numbers = certificates.issue_all(session, self.context.actor, self.batch.id, issued_on=clock.today())
        except DomainError as error:
            show_error(self, self.tr("Sertifikat"), error.message)
            return
        self.reload()
        first_last = numbers[0] if len(numbers) == 1 else f"{numbers[0]} s.d. {numbers[-1]}"
        if confirm(self, self.tr("Sertifikat"), self.tr("{count} sertifikat diterbitkan ({numbers}).\n\nCetak semuanya sekarang?").format(
                count=len(numbers), numbers=first_last), yes=self.tr("Cetak"), no=self.tr("Nanti")):
            documents.show(documents.certificates_preview(self, self.context, self.batch.id))

    def _print_certificates(self) -> None:
        if self.batch is None:
            return
        person = self.selected_participant()
        if person is not None and person.certificate_number:
            documents.show(documents.certificates_preview(self, self.context, self.batch.id, participant_id=person.id))
        elif person is not None:
            show_info(self, self.tr("Sertifikat"), self.tr("{name} belum bersertifikat; semua sertifikat angkatan ini dicetak.").format(
                name=person.name))
            documents.show(documents.certificates_preview(self, self.context, self.batch.id))
        else:
            documents.show(documents.certificates_preview(self, self.context, self.batch.id))

    def _print_report(self) -> None:
        if self.batch is not None:
            documents.show(documents.batch_report_preview(self, self.context, self.batch.id))


def report_html(report: BatchReport) -> str:
    sessions = "".join(
        f"<tr><td align='right'>{number}</td><td>{format_date(day)}</td><td>{escape(subject or '—')}</td><td>{escape(facilitator)}</td></tr>"
        for number, (day, subject, facilitator) in enumerate(report.sessions, start=1)
    )
    sessions_html = (
        "<table cellspacing='0' cellpadding='3' border='1' style='border-color:#ccc'>"
        "<tr><th>Ke</th><th>Tanggal</th><th>Materi</th><th>Fasilitator</th></tr>" + sessions + "</table>"
        if sessions else "<p style='color:#666'>Belum ada sesi yang dicatat kehadirannya.</p>"
    )
    lines = "".join(
        f"<tr><td>{escape(line.name)}</td><td>{escape(line.identity)}</td><td align='center'>{line.sex}</td>"
        f"<td align='right'>{line.attended}</td><td>{escape('Mundur' if line.status == 'Mengundurkan diri' else line.status)}</td>"
        f"<td>{escape(line.certificate_number or '—')}</td></tr>"
        for line in report.lines
    )
    lines_html = (
        "<table cellspacing='0' cellpadding='3' border='1' style='border-color:#ccc'>"
        "<tr><th>Nama</th><th>Anggota / keluarga dari</th><th>L/P</th><th>Hadir</th><th>Status</th><th>Sertifikat</th></tr>"
        + lines + "</table>"
        if lines else "<p style='color:#666'>Belum ada peserta.</p>"
    )
    figures = [
        ("Syarat lulus", report.rule),
        ("Sesi terlaksana", str(len(report.sessions))),
        ("Peserta", f"{report.enrolled} terdaftar, {report.withdrawn} mundur"),
        ("Tingkat kehadiran", percent(report.attendance_rate)),
        ("Lulus", f"{report.completed} dari {report.enrolled - report.withdrawn} peserta aktif"),
    ]
    table = "".join(f"<tr><td style='color:#555; padding-right:10px'>{escape(k)}</td><td><b>{escape(v)}</b></td></tr>" for k, v in figures)
    return f"<table>{table}</table><h4>Sesi</h4>{sessions_html}<h4>Peserta</h4>{lines_html}"
