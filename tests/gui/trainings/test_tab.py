"""The Pelatihan tab: batches and their detail, enrolment, certificates, role gating, table models."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import QObject, Qt

from koperasi.domain.members.register import HouseholdPerson, MemberInput, Relation, SchoolStatus
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor, Role
from koperasi.domain.trainings.rules import CompletionRule, ProgrammeInput, RuleKind, SessionInput, Topic
from koperasi.gui.context import AppContext
from koperasi.gui.trainings import batch_panel
from koperasi.gui.trainings.participant_dialogs import EnrolDialog
from koperasi.gui.trainings.tab import TrainingsTab
from koperasi.services.trainings import attendance
from koperasi.services.members import register as members
from koperasi.services.office import regions
from koperasi.services.trainings import participants as training_participants
from koperasi.services.trainings import programmes as trainings
from koperasi import clock
from tests.support import add_staff

KECAMATAN = "15.03.04"  # Pauh


@dataclass
class TrainingOffice:
    """A programme with one batch of three sessions already held, built with the services."""

    context: AppContext
    clerk: Actor
    treasurer: Actor
    manager: Actor
    desa_id: uuid.UUID
    programme_id: uuid.UUID = None
    batch_id: uuid.UUID = None
    sessions: list[uuid.UUID] = field(default_factory=list)
    people: dict[str, uuid.UUID] = field(default_factory=dict)  # name -> participant id
    member_ids: dict[str, uuid.UUID] = field(default_factory=dict)

    @property
    def db(self):
        return self.context.database

    @property
    def admin(self) -> Actor:
        return self.context.actor

    def as_(self, actor: Actor) -> AppContext:
        return AppContext(database=self.db, actor=actor, office=self.context.office)

    def member(self, name: str, sex: Sex = Sex.FEMALE, *, household=(), categories=frozenset({"petani_kecil"})) -> uuid.UUID:
        with self.db.session() as session:
            member_id = members.register_member(
                session, self.admin,
                MemberInput(full_name=name, sex=sex, birth_date=date(1982, 3, 4), desa_id=str(self.desa_id),
                            join_date=date(2024, 1, 2), household=tuple(household), categories=categories),
                accept_warnings=True,
            ).id
        self.member_ids[name] = member_id
        return member_id

    def enrol(self, name: str, *, household_member_id: uuid.UUID | None = None, on: date | None = None) -> uuid.UUID:
        with self.db.session() as session:
            participant = training_participants.enrol(
                session, self.admin, self.batch_id, member_id=None if household_member_id else self.member_ids[name],
                household_member_id=household_member_id, enrolled_on=on or clock.today() - timedelta(days=30),
            )
        self.people[name] = participant
        return participant

    def mark(self, session_index: int, present: dict[str, bool]) -> None:
        with self.db.session() as session:
            attendance.record_attendance(session, self.admin, self.sessions[session_index],
                                         {self.people[name]: value for name, value in present.items()})


def training_office(context: AppContext, *, rule: CompletionRule = CompletionRule(RuleKind.MIN_SESSIONS, 2),
                    held: int = 3, planned: int = 1) -> TrainingOffice:
    db, admin = context.database, context.actor
    with db.session() as session:
        desa = regions.add_desa(session, admin, KECAMATAN, name="Lubuk Napal")
    office = TrainingOffice(
        context=context, clerk=add_staff(db, admin, "petugas", Role.CLERK), treasurer=add_staff(db, admin, "bendahara", Role.TREASURER),
        manager=add_staff(db, admin, "ketua", Role.MANAGER), desa_id=desa.id,
    )
    with db.session() as session:
        office.programme_id = trainings.create_programme(session, admin, ProgrammeInput(
            name="Pertanian Organik Dasar", topic=Topic.ORGANIC_FARMING, description="Kompos, pestisida nabati, rotasi tanam",
            target_groups="Petani kecil", rule=rule, partner="Dinas Pertanian Sarolangun",
        ))
        office.batch_id = trainings.create_batch(session, admin, programme_id=office.programme_id, name="Angkatan 1 Pauh 2026",
                                                 kecamatan_code=KECAMATAN)
        today = clock.today()
        subjects = ["Membuat pupuk kompos", "Pestisida nabati", "Rotasi tanam", "Pemasaran hasil organik"]
        for index in range(held + planned):
            day = today - timedelta(days=14 - 4 * index) if index < held else today + timedelta(days=7 * (index - held + 1))
            office.sessions.append(trainings.add_session(session, admin, office.batch_id, SessionInput(
                held_on=day, starts_at=time(9, 0), ends_at=time(12, 0), place="Balai Desa Lubuk Napal",
                kecamatan_code=KECAMATAN, desa_id=desa.id, facilitator="Ir. Rahmat Hidayat", subject=subjects[index % 4],
            )))
    return office


@pytest.fixture
def office(context) -> TrainingOffice:
    return training_office(context)


def _tab(qtbot, office: TrainingOffice, actor: Actor | None = None) -> TrainingsTab:
    tab = TrainingsTab(office.as_(actor or office.admin))
    qtbot.addWidget(tab)
    return tab


def test_batch_and_detail_models_pass_the_model_tester(qtbot, qtmodeltester, office):
    for name in ("Siti Aminah", "Nur Aisyah"):
        office.member(name)
        office.enrol(name)
    office.mark(0, {"Siti Aminah": True, "Nur Aisyah": False})
    tab = _tab(qtbot, office)
    assert tab.model.rowCount() == 1
    row = [tab.model.index(0, column).data() for column in range(tab.model.columnCount())]
    assert row[:5] == ["Pertanian Organik Dasar", "Angkatan 1 Pauh 2026", "Pauh", "2", "4"]
    assert tab.model.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    tab.table.selectRow(0)
    panel = tab.detail
    assert panel.batch is not None and panel.batch.id == office.batch_id
    for model in (tab.model, panel.session_model, panel.participant_model, tab.summary_view.model):
        qtmodeltester.check(model)
    assert panel.session_model.rowCount() == 4
    statuses = {panel.participant_model.index(r, 0).data(): panel.participant_model.index(r, 4).data() for r in range(2)}
    assert statuses == {"Siti Aminah": "Belum memenuhi", "Nur Aisyah": "Belum memenuhi"}
    assert panel.participant_model.index(0, 3).data() in ("0/1", "1/1")
    assert "Lulus" not in panel.participant_count.text() and "2 peserta aktif" in panel.participant_count.text()


def test_an_empty_batch_list_says_how_to_start_or_widen_it(qtbot, office):
    with office.db.session() as session:
        trainings.create_programme(session, office.admin, ProgrammeInput("Menjahit Dasar", Topic.ORGANIC_FARMING))
    tab = _tab(qtbot, office)
    tab.show()
    assert tab.model.rowCount() == 1 and not tab.empty_note.isVisible()
    tab.programme_filter.setCurrentIndex(tab.programme_filter.findText("Menjahit Dasar"))
    assert tab.model.rowCount() == 0 and tab.empty_note.isVisible()
    assert tab.empty_note.text() == (
        "Tidak ada angkatan untuk program Menjahit Dasar. Buat dengan Angkatan baru, atau pilih Semua program."
    )


def test_enrol_dialog_refuses_a_double_enrolment_in_indonesian(qtbot, office):
    office.member("Siti Aminah")
    office.enrol("Siti Aminah")
    tab = _tab(qtbot, office)
    tab.table.selectRow(0)
    dialog = EnrolDialog(office.context, tab.detail.batch, tab)
    qtbot.addWidget(dialog)
    dialog.search_edit.setText("Siti")
    qtbot.waitUntil(lambda: dialog.member_combo.currentData() == office.member_ids["Siti Aminah"], timeout=2000)
    dialog._save_and_close()
    assert dialog.result() == 0
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.error_label.text() == "Siti Aminah sudah terdaftar di angkatan Angkatan 1 Pauh 2026."


def test_enrol_dialog_takes_a_child_of_the_household(qtbot, office):
    office.member("Siti Aminah", household=[HouseholdPerson("Rian Saputra", Relation.CHILD, Sex.MALE, date(2009, 5, 1),
                                                             SchoolStatus.DROPPED_OUT)])
    tab = _tab(qtbot, office)
    tab.table.selectRow(0)
    dialog = EnrolDialog(office.context, tab.detail.batch, tab)
    qtbot.addWidget(dialog)
    dialog.search_edit.setText("Siti Aminah")
    qtbot.waitUntil(lambda: dialog.member_combo.currentData() is not None, timeout=2000)
    assert dialog.household_radio.isEnabled() and "Putus sekolah" in dialog.household_combo.currentText()
    dialog.household_radio.setChecked(True)
    dialog._save_and_close()
    assert dialog.result() == 1
    with office.db.session() as session:
        people = training_participants.list_participants(session, office.admin, office.batch_id)
    assert [(p.name, p.identity) for p in people] == [("Rian Saputra", f"Anak dari Siti Aminah ({people[0].identity.split('(')[1]}")]


def test_certificate_button_refuses_one_who_has_not_completed(qtbot, office, monkeypatch):
    office.member("Siti Aminah")
    office.enrol("Siti Aminah")
    office.mark(0, {"Siti Aminah": True})
    office.mark(1, {"Siti Aminah": False})
    shown = []
    monkeypatch.setattr(batch_panel, "show_error", lambda parent, title, message: shown.append(message))
    tab = _tab(qtbot, office)
    tab.table.selectRow(0)
    panel = tab.detail
    panel.participant_table.selectRow(0)
    assert panel.issue_button.isEnabled()
    panel.issue_button.click()
    assert shown == ["Siti Aminah belum memenuhi syarat sertifikat: hadir 1 dari 2 sesi, syaratnya hadir minimal 2 sesi."]
    assert panel.participant_model.index(0, 5).data() == "—"


def test_issue_all_numbers_those_who_completed_and_offers_to_print(qtbot, office, monkeypatch):
    for name in ("Siti Aminah", "Nur Aisyah", "Rahma"):
        office.member(name)
        office.enrol(name)
    office.mark(0, {"Siti Aminah": True, "Nur Aisyah": True, "Rahma": False})
    office.mark(1, {"Siti Aminah": True, "Nur Aisyah": True, "Rahma": True})
    questions = []
    monkeypatch.setattr(batch_panel, "confirm", lambda parent, title, question, **kw: questions.append(question) or len(questions) == 1)
    tab = _tab(qtbot, office)
    tab.table.selectRow(0)
    panel = tab.detail
    panel.issue_all_button.click()
    assert "Terbitkan 2 sertifikat" in questions[0] and "2 sertifikat diterbitkan" in questions[1]
    numbers = {panel.participant_model.index(r, 0).data(): panel.participant_model.index(r, 5).data() for r in range(3)}
    assert numbers["Rahma"] == "—" and numbers["Siti Aminah"] != numbers["Nur Aisyah"]
    assert all(numbers[n].startswith("SRT") or "/" in numbers[n] for n in ("Siti Aminah", "Nur Aisyah"))
    assert panel.print_certificate_button.isEnabled()
    assert "Lulus" in [panel.participant_model.index(r, 4).data() for r in range(3)]


def _offered(button) -> bool:
    """Shown to this role (a button on a sub-tab not in front is still offered)."""
    return not button.isHidden()


def test_a_treasurer_sees_no_edit_buttons(qtbot, office):
    office.member("Siti Aminah")
    office.enrol("Siti Aminah")
    tab = _tab(qtbot, office, office.treasurer)
    tab.show()
    tab.table.selectRow(0)
    panel = tab.detail
    hidden = [tab.new_batch_button, tab.edit_batch_button, panel.add_session_button, panel.edit_session_button, panel.cancel_session_button,
              panel.attendance_button, panel.enrol_button, panel.withdraw_button, panel.issue_button, panel.issue_all_button]
    assert not any(_offered(button) for button in hidden)
    assert _offered(panel.sheet_button) and _offered(panel.report_pdf_button) and _offered(panel.print_certificate_button)
    assert _offered(tab.programmes_button)


def test_a_clerk_records_but_does_not_issue_certificates(qtbot, office):
    tab = _tab(qtbot, office, office.clerk)
    tab.show()
    tab.table.selectRow(0)
    panel = tab.detail
    assert _offered(panel.attendance_button) and _offered(panel.enrol_button) and _offered(tab.edit_batch_button)
    assert not _offered(panel.issue_button) and not _offered(panel.issue_all_button)



def _write_buttons(panel) -> list:
    return [panel.add_session_button, panel.edit_session_button, panel.cancel_session_button, panel.attendance_button,
            panel.enrol_button, panel.withdraw_button]


def test_ubah_angkatan_renames_moves_and_closes_then_reopens_the_batch(qtbot, office, monkeypatch):
    from koperasi.gui.trainings.programme_dialogs import BatchEditDialog

    office.member("Siti Aminah")
    office.enrol("Siti Aminah")
    tab = _tab(qtbot, office, office.clerk)
    assert not tab.edit_batch_button.isEnabled()  # nothing chosen yet
    tab.table.selectRow(0)
    panel = tab.detail
    panel.session_table.selectRow(0)
    panel.participant_table.selectRow(0)
    assert tab.edit_batch_button.isEnabled() and all(b.isEnabled() for b in _write_buttons(panel))
    assert tab.model.index(0, 6).data() == "Terbuka"

    def fill_and_save(dialog):
        qtbot.addWidget(dialog)
        assert dialog.name_edit.text() == "Angkatan 1 Pauh 2026" and dialog.kecamatan_combo.currentData() == KECAMATAN
        assert not dialog.closed_check.isChecked()
        dialog.name_edit.setText("  Angkatan 1   Pauh 2026 (selesai) ")
        dialog.kecamatan_combo.setCurrentIndex(0)  # beberapa kecamatan
        dialog.notes_edit.setText("Praktik lapang di sawah Pak Darman")
        dialog.closed_check.setChecked(True)
        assert "tidak menerima peserta" in dialog.findChild(QObject, "batchClosedHint").text()
        dialog._save_and_close()
        return dialog.result()

    monkeypatch.setattr(BatchEditDialog, "exec", fill_and_save)
    tab.edit_batch_button.click()
    assert [tab.model.index(0, c).data() for c in (1, 2, 6)] == ["Angkatan 1 Pauh 2026 (selesai)", "—", "Ditutup"]
    assert tab.model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    header = panel.header.text()
    assert "Ditutup" in header and "Praktik lapang di sawah Pak Darman" in header and "Kec." not in header
    panel.session_table.selectRow(0)
    panel.participant_table.selectRow(0)
    assert not any(b.isEnabled() for b in _write_buttons(panel))
    assert "sudah ditutup" in panel.enrol_button.toolTip()
    assert panel.sheet_button.isEnabled() and panel.issue_all_button.isEnabled() and panel.report_pdf_button.isEnabled()
    with office.db.session() as session:
        stored = trainings.get_batch(session, office.admin, office.batch_id)
    assert (stored.name, stored.kecamatan_code, stored.notes, stored.closed) == (
        "Angkatan 1 Pauh 2026 (selesai)", None, "Praktik lapang di sawah Pak Darman", True)

    # Reopen: the writes come back.
    dialog = BatchEditDialog(office.as_(office.clerk), panel.batch, tab)
    qtbot.addWidget(dialog)
    assert dialog.closed_check.isChecked() and dialog.kecamatan_combo.currentIndex() == 0
    dialog.closed_check.setChecked(False)
    dialog._save_and_close()
    assert dialog.result() == 1
    tab.reload()
    panel.session_table.selectRow(0)
    panel.participant_table.selectRow(0)
    assert tab.model.index(0, 6).data() == "Terbuka" and "Ditutup" not in panel.header.text()
    assert all(b.isEnabled() for b in _write_buttons(panel)) and panel.enrol_button.toolTip() == ""


def test_ubah_angkatan_refuses_a_taken_name_inline_and_a_stale_version_with_a_message(qtbot, office, monkeypatch):
    from koperasi.gui.trainings import programme_dialogs
    from koperasi.gui.trainings.programme_dialogs import BatchEditDialog

    with office.db.session() as session:
        trainings.create_batch(session, office.admin, programme_id=office.programme_id, name="Angkatan 2 Pauh 2026",
                               kecamatan_code=KECAMATAN)
    tab = _tab(qtbot, office)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 1).data() == "Angkatan 1 Pauh 2026")
    tab.table.selectRow(row)
    batch = tab.detail.batch
    dialog = BatchEditDialog(office.context, batch, tab)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("angkatan 2 pauh 2026")
    dialog._save_and_close()
    assert dialog.result() == 0 and dialog.error_label.text() == "Angkatan \u201cangkatan 2 pauh 2026\u201d sudah ada pada program ini."

    # Another PC closes the batch meanwhile: this dialog's version is stale.
    with office.db.session() as session:
        trainings.update_batch(session, office.manager, batch.id, name=batch.name, kecamatan_code=batch.kecamatan_code,
                               notes="ditutup ketua", closed=True, expected_version=batch.version)
    shown = []
    monkeypatch.setattr(programme_dialogs, "show_error", lambda parent, title, message: shown.append((title, message)))
    dialog.name_edit.setText("Angkatan 1 Pauh")
    dialog.show()
    dialog._save_and_close()
    assert shown == [("Ubah angkatan", "Angkatan ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")]
    assert dialog.conflict and dialog.result() == 0 and not dialog.isVisible()
    with office.db.session() as session:
        assert trainings.get_batch(session, office.admin, batch.id).name == "Angkatan 1 Pauh 2026"  # nothing overwritten

def test_batch_report_and_summary_show_on_screen(qtbot, office):
    office.member("Siti Aminah")
    office.member("Budi Santoso", Sex.MALE)
    office.enrol("Siti Aminah")
    office.enrol("Budi Santoso")
    office.mark(0, {"Siti Aminah": True, "Budi Santoso": True})
    office.mark(1, {"Siti Aminah": True, "Budi Santoso": False})
    tab = _tab(qtbot, office)
    tab.table.selectRow(0)
    text = tab.detail.report_text.text()
    assert "hadir minimal 2 sesi" in text and "75,0%" in text and "Lulus" in text
    view = tab.summary_view
    view.from_edit.setDate(view.from_edit.date().addYears(-1))
    view.refresh()
    assert "2 peserta" in view.total_label.text() and "1 lulus" in view.total_label.text()
    view.breakdown_combo.setCurrentIndex(view.breakdown_combo.findData("Jenis kelamin"))
    rows = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    assert rows == ["Laki-laki", "Perempuan", "Jumlah"]
    assert view.model.index(2, 1).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_the_pelatihan_tab_follows_the_money_tabs_and_the_member_panel_lists_trainings(qtbot, office):
    from koperasi.gui.main_window import MainWindow

    member_id = office.member("Siti Aminah")
    office.enrol("Siti Aminah")
    office.mark(0, {"Siti Aminah": True})
    window = MainWindow(office.context)
    qtbot.addWidget(window)
    tabs = window.form.mainTabs
    names = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
    assert names[names.index("Pinjaman") + 1:names.index("Pinjaman") + 3] == ["Simpanan", "Pelatihan"]
    trainings = window.trainings  # built when first opened or asked for (gui/lazy_tabs.py)
    assert window.findChild(QObject, "trainingsTab") is trainings
    window.members.detail.show_member(_member_detail(office, member_id))
    text = window.members.detail.text.text()
    assert "<h4>Pelatihan</h4>" in text and "Pertanian Organik Dasar" in text and "1/1" in text


def _member_detail(office, member_id):
    with office.db.session() as session:
        return members.get_member(session, office.admin, member_id)


def test_member_trainings_service_lists_programme_batch_and_certificate(office):
    from koperasi.services.trainings import certificates
    from koperasi.services.trainings.member_history import member_trainings

    member_id = office.member("Siti Aminah")
    office.enrol("Siti Aminah")
    office.mark(0, {"Siti Aminah": True})
    office.mark(1, {"Siti Aminah": True})
    with office.db.session() as session:
        number = certificates.issue_certificate(session, office.admin, office.people["Siti Aminah"], issued_on=clock.today())
        found = member_trainings(session, office.treasurer, member_id)
    assert [(t.programme, t.batch, t.attended, t.held, t.completed, t.certificate_number) for t in found] == [
        ("Pertanian Organik Dasar", "Angkatan 1 Pauh 2026", 2, 2, True, number)
    ]


def test_product_dialog_offers_a_training_requirement(qtbot, office):
    from koperasi.gui.loans.funds_dialog import ProductDialog

    dialog = ProductDialog(office.context, [(uuid.uuid4(), "Dana Bergulir")], None)
    qtbot.addWidget(dialog)
    combo = dialog.programme_combo
    assert combo.itemData(0) is None and combo.itemText(1) == "lulus Pertanian Organik Dasar"
    combo.setCurrentIndex(1)
    assert dialog.values().required_programme_id == office.programme_id


def test_every_name_of_the_pelatihan_dialogs_in_the_ui_map_exists(qtbot, office):
    import re
    from pathlib import Path

    from koperasi.gui.trainings.attendance_dialog import AttendanceDialog
    from koperasi.gui.trainings.participant_dialogs import WithdrawDialog
    from koperasi.gui.trainings.programme_dialogs import BatchDialog, BatchEditDialog, ProgrammeDialog, ProgrammesDialog
    from koperasi.gui.trainings.session_dialog import SessionDialog

    office.member("Siti Aminah")
    office.enrol("Siti Aminah")
    with office.db.session() as session:
        batch = trainings.get_batch(session, office.admin, office.batch_id)
        session_view = trainings.list_sessions(session, office.admin, office.batch_id)[0]
        person = training_participants.list_participants(session, office.admin, office.batch_id)[0]
        programme = trainings.list_programmes(session, office.admin)[0]
    dialogs = {
        "programmesDialog": ProgrammesDialog(office.context), "programmeDialog": ProgrammeDialog(office.context, programme),
        "batchDialog": BatchDialog(office.context, None), "sessionDialog": SessionDialog(office.context, batch.id, session_view),
        "enrolDialog": EnrolDialog(office.context, batch), "withdrawDialog": WithdrawDialog(office.context, person),
        "attendanceDialog": AttendanceDialog(office.context, session_view, "Angkatan 1"),
        "batchEditDialog": BatchEditDialog(office.context, batch),
    }
    text = (Path(__file__).resolve().parents[3] / "docs" / "ui-map.md").read_text(encoding="utf-8")
    section = text.split("### Pelatihan dialogs", 1)[1].split("\n#", 1)[0]
    missing = []
    for line in section.splitlines():
        names = re.findall(r"`([A-Za-z]+)`", line)
        if not line.startswith("| ") or not names:
            continue
        dialog = dialogs[names[-1]]
        qtbot.addWidget(dialog)
        missing += [name for name in names[:-1] if dialog.findChild(QObject, name) is None]
    assert missing == [] and len(dialogs) == 8


def test_papers_open_in_the_preview_with_the_batch_in_them(qtbot, office, monkeypatch):
    from koperasi.gui.trainings import documents
    from koperasi.services.trainings import certificates

    office.member("Siti Aminah")
    office.enrol("Siti Aminah")
    office.mark(0, {"Siti Aminah": True})
    office.mark(1, {"Siti Aminah": True})
    with office.db.session() as session:
        certificates.issue_all(session, office.admin, office.batch_id, issued_on=clock.today())
    parent = _tab(qtbot, office)
    previews = [
        documents.attendance_sheet_preview(parent, office.context, office.sessions[0]),
        documents.certificates_preview(parent, office.context, office.batch_id),
        documents.batch_report_preview(parent, office.context, office.batch_id),
    ]
    for dialog in previews:
        qtbot.addWidget(dialog)
        writer, file_name = next(iter(dialog._layouts.values()))
        assert writer().startswith(b"%PDF") and file_name.endswith(".pdf")
    assert "Angkatan 1 Pauh 2026" in previews[0].windowTitle()
