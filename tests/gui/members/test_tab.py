from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from koperasi.domain.members.register import MemberInput, MemberStatus
from koperasi.domain.people import Sex
from koperasi.gui.members import dialog as dialog_module
from koperasi.gui.members.leave_dialog import LeaveDialog
from koperasi.gui.members.dialog import OPEN_EXISTING, MemberDialog
from koperasi.gui.members.tab import MembersTab
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services.members import categories as member_categories
from koperasi.services.members import register as members
from koperasi.services.savings import movements as savings
from koperasi.services.office import regions
from tests.loan_support import loan_office

NIK = "1503034505800001"


@pytest.fixture
def register(context):
    with context.database.session() as session:
        desa = regions.add_desa(session, context.actor, "15.03.03", name="Bernai")

    def add(name, *, nik="", sex=Sex.FEMALE, birth=date(1980, 5, 5)):
        with context.database.session() as session:
            return members.register_member(
                session, context.actor, MemberInput(full_name=name, sex=sex, birth_date=birth, desa_id=str(desa.id), nik=nik)
            )

    add.desa = desa
    return add


def test_an_empty_search_says_what_was_searched_and_how_to_widen_it(qtbot, context, register):
    tab = MembersTab(context)
    qtbot.addWidget(tab)
    tab.resize(1024, 700)
    tab.show()
    assert tab.empty_note.isVisible()
    assert tab.empty_note.text() == "Belum ada anggota aktif. Tambahkan dengan Tambah anggota (Ctrl+N) atau Impor Excel."
    register("Siti Aminah")
    tab.reload()
    assert tab.model.rowCount() == 1 and not tab.empty_note.isVisible()
    tab.status_filter.setCurrentIndex(tab.status_filter.findText("Aktif"))
    tab.kecamatan_filter.setCurrentIndex(tab.kecamatan_filter.findText("Sarolangun"))
    tab.search.setText("  budi ")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0, timeout=2000)
    assert tab.count_label.text() == "0 anggota" and tab.empty_note.isVisible()
    assert tab.empty_note.text() == (
        "Tidak ada anggota yang cocok dengan “budi” di Kecamatan Sarolangun, status Aktif. Hapus filter atau periksa ejaan."
    )
    assert tab.empty_note.geometry().bottom() < tab.table.viewport().height()  # all of it inside the table, wrapped
    tab.desa_filter.setCurrentIndex(tab.desa_filter.findText("Bernai"))
    tab.sex_filter.setCurrentIndex(tab.sex_filter.findText("Perempuan"))
    qtbot.waitUntil(lambda: "Desa Bernai" in tab.empty_note.text(), timeout=2000)
    assert tab.empty_note.text().startswith(
        "Tidak ada anggota yang cocok dengan “budi” di Desa Bernai, Kecamatan Sarolangun, status Aktif, perempuan."
    )
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    assert not tab.empty_note.isVisible()


def _fill_required(form, name, birth_date):
    """The fields every member needs, with the desa the fixture created."""
    form.fullNameEdit.setText(name)
    form.birthDateEdit.setDate(birth_date)
    form.kecamatanCombo.setCurrentIndex(form.kecamatanCombo.findText("Sarolangun"))
    form.desaCombo.setCurrentIndex(form.desaCombo.findText("Bernai"))


def _save(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_members_table_model_passes_the_model_tester_and_searches(qtbot, qtmodeltester, context, register):
    for name in ("Siti Aminah", "Nur Aisyah", "Ahmad Fauzi"):
        register(name, sex=Sex.MALE if name.startswith("Ahmad") else Sex.FEMALE)
    tab = MembersTab(context)
    qtbot.addWidget(tab)
    qtmodeltester.check(tab.model)
    assert tab.model.rowCount() == 3 and tab.count_label.text() == "3 anggota"
    assert [tab.model.index(r, tab.model.NAME).data() for r in range(3)] == ["Ahmad Fauzi", "Nur Aisyah", "Siti Aminah"]
    tab.search.setText("aisyah")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    tab.search.clear()
    tab.sex_filter.setCurrentIndex(tab.sex_filter.findText("Laki-laki"))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    assert tab.model.index(0, tab.model.NAME).data() == "Ahmad Fauzi"


def test_member_dialog_explains_bad_input_and_saves_good_input(qtbot, context, register):
    dialog = MemberDialog(context)
    qtbot.addWidget(dialog)
    form = dialog.member_form.form
    form.fullNameEdit.setText("Rahmat Hidayat")
    _save(dialog)
    assert "Tanggal lahir wajib diisi" in dialog.error_label.text()
    form.birthDateEdit.setDate(QDate(2015, 1, 1))
    _save(dialog)
    assert "minimal 17 tahun" in dialog.error_label.text()
    form.birthDateEdit.setDate(QDate(1985, 3, 1))
    form.nikEdit.setText("15030112")
    _save(dialog)
    assert "NIK harus 16 digit" in dialog.error_label.text()
    form.nikEdit.setText("")
    _save(dialog)
    assert "Pilih desa" in dialog.error_label.text() and dialog.result() == 0
    form.kecamatanCombo.setCurrentIndex(form.kecamatanCombo.findText("Sarolangun"))
    form.desaCombo.setCurrentIndex(form.desaCombo.findText("Bernai"))
    dialog.member_form.add_person(None)
    table = form.householdTable
    table.item(0, 0).setText("Rina")
    table.item(0, 3).setText("31-02-2015")
    _save(dialog)
    assert "baris 1 tidak dikenali" in dialog.error_label.text()
    table.item(0, 3).setText("17-08-2015")
    _save(dialog)
    assert dialog.result() == MemberDialog.DialogCode.Accepted
    assert dialog.saved.number == "PAU-000001" and dialog.saved.household_size == 2


def test_a_duplicate_nik_offers_to_open_the_existing_member(qtbot, context, register, monkeypatch):
    existing = register("Siti Aminah", nik=NIK)
    monkeypatch.setattr(dialog_module, "confirm", lambda *args, **kwargs: True)
    dialog = MemberDialog(context)
    qtbot.addWidget(dialog)
    form = dialog.member_form.form
    _fill_required(form, "Siti Lain", QDate(1980, 5, 5))
    form.nikEdit.setText(NIK)
    _save(dialog)
    assert dialog.result() == OPEN_EXISTING and dialog.existing_member_id == existing.id


def test_warnings_are_confirmed_before_saving(qtbot, context, register, monkeypatch):
    register("Siti Aminah")
    answers = [False, True]
    monkeypatch.setattr(dialog_module, "confirm", lambda *args, **kwargs: answers.pop(0))
    dialog = MemberDialog(context)
    qtbot.addWidget(dialog)
    form = dialog.member_form.form
    _fill_required(form, "siti  aminah", QDate(1980, 5, 5))
    _save(dialog)  # the clerk answers "Batal": nothing saved, the warning stays visible
    assert dialog.result() == 0 and "bukan orang yang sama" in dialog.error_label.text()
    _save(dialog)
    assert dialog.result() == MemberDialog.DialogCode.Accepted and dialog.saved.number == "PAU-000002"


def test_leave_dialog_records_leaving_with_a_reason(qtbot, context, register):
    member = register("Siti Aminah")
    dialog = LeaveDialog(context, member)
    qtbot.addWidget(dialog)
    _save(dialog)
    assert "Alasan keluar wajib" in dialog.error_label.text()
    dialog.leave_form.reason_edit.setText("Pindah ke Bangko")
    _save(dialog)
    assert dialog.saved.status is MemberStatus.LEFT and dialog.saved.left_reason == "Pindah ke Bangko"


def test_leave_dialog_shows_the_loan_and_the_savings_and_sets_one_against_the_other(qtbot, context):
    office = loan_office(context.database, context.actor)
    member_id = office.member()
    loan_id = office.active_loan(member_id, principal=1_200_000)
    office.repay(loan_id, 1_150_000)
    with context.database.session() as session:
        savings.deposit(session, context.actor, member_id, kind=SavingsKind.WAJIB, amount=80_000,
                        occurred_on=date(2025, 1, 6), request_id=uuid.uuid4())
        member = members.get_member(session, context.actor, member_id)
    number = office.loan(loan_id).number
    dialog = LeaveDialog(context, member)
    qtbot.addWidget(dialog)
    shown = dialog.leave_form.position_label.text()
    assert f"Pinjaman {number} berjalan: sisa pokok <b>Rp50.000</b>" in shown and "wajib Rp80.000" in shown
    assert "<b>Rp50.000</b> melunasi pinjaman, <b>Rp30.000</b> dibayarkan tunai" in shown
    assert dialog.leave_form.offset_check.isChecked()
    dialog.leave_form.reason_edit.setText("Pindah ke Bangko")
    dialog.leave_form.offset_check.setChecked(False)
    _save(dialog)
    assert f"masih berutang Rp50.000 pada pinjaman {number}" in dialog.error_label.text()
    dialog.leave_form.offset_check.setChecked(True)
    _save(dialog)
    assert dialog.paid_out is not None and dialog.paid_out.cash == 30_000
    assert office.loan(loan_id).status == "paid_off"


def test_member_and_group_panels_show_savings_balances(qtbot, context, register):
    from koperasi.domain.members.register import GroupKind
    from koperasi.gui.main_window import MainWindow
    from koperasi.services.members import groups

    siti = register("Siti Aminah")
    with context.database.session() as session:
        group = groups.create_group(session, context.actor, name="KWT Mawar", kind=GroupKind.WOMEN_BUSINESS,
                                    desa_id=register.desa.id, chair_member_id=siti.id)
        for kind, amount in ((SavingsKind.WAJIB, 30_000), (SavingsKind.SUKARELA, 12_500)):
            savings.deposit(session, context.actor, siti.id, kind=kind, amount=amount, occurred_on=siti.data.join_date,
                            request_id=uuid.uuid4())
    window = MainWindow(context)
    qtbot.addWidget(window)
    tab = window.members
    tab.show_member(siti.id)
    shown = tab.detail.text.text()
    assert "<h4>Simpanan</h4>" in shown and "Wajib Rp30.000" in shown and "Sukarela Rp12.500" in shown
    assert "Jumlah Rp42.500" in shown
    tab.groups_view.reload()
    tab.groups_view.groups_table.selectRow(0)
    assert tab.groups_view.selected_group().id == group.id
    assert "Simpanan anggota: Pokok Rp0 · Wajib Rp30.000" in tab.groups_view.members_title.text()


def test_groups_view_shows_the_members_of_the_selected_group(qtbot, context, register):
    from koperasi.domain.members.register import GroupKind
    from koperasi.gui.members.groups_view import GroupsView
    from koperasi.services.members import groups

    siti = register("Siti Aminah")
    with context.database.session() as session:
        group = groups.create_group(session, context.actor, name="KUP Mekar Sari", kind=GroupKind.WOMEN_BUSINESS, desa_id=register.desa.id)
        groups.add_to_group(session, context.actor, group.id, siti.id, joined_on=date(2026, 1, 1))
    view = GroupsView(context)
    qtbot.addWidget(view)
    view.reload()
    assert view.members_model.rowCount() == 0 and not view.add_member_button.isEnabled()
    view.groups_table.selectRow(0)
    assert [view.members_model.index(0, c).data() for c in range(2)] == [siti.number, "Siti Aminah"]
    assert "KUP Mekar Sari" in view.members_title.text() and view.add_member_button.isEnabled()


def test_card_profile_and_export_buttons_write_their_files(qtbot, context, register, monkeypatch, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    from koperasi.gui.members import excel_dialogs

    member = register("Siti Aminah", nik=NIK)
    targets = iter([tmp_path / "kartu.pdf", tmp_path / "profil.pdf", tmp_path / "anggota.xlsx"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(next(targets)), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    monkeypatch.setattr(excel_dialogs, "show_info", lambda *args: None)
    tab = MembersTab(context)
    qtbot.addWidget(tab)
    tab.show_member(member.id)
    tab.detail.card_button.click()
    tab.detail.profile_button.click()
    tab.export_button.click()
    card = PdfReader(tmp_path / "kartu.pdf").pages[0].extract_text()
    assert "Siti Aminah" in card and member.number in card and NIK in card
    assert "PROFIL ANGGOTA" in PdfReader(tmp_path / "profil.pdf").pages[0].extract_text()
    rows = list(load_workbook(tmp_path / "anggota.xlsx")["Anggota"].iter_rows(values_only=True))
    assert rows[1][0] == member.number and "Siti Aminah" in rows[1]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("fullNameEdit", "   ", "Nama lengkap wajib diisi"),
        ("kkEdit", "1503", "Nomor KK harus 16 digit"),
        ("phoneEdit", "12", "elepon"),
        ("nikEdit", "9903034505800001", "NIK"),
    ],
)
def test_member_dialog_shows_each_rejection_under_the_form(qtbot, context, register, field, value, message):
    dialog = MemberDialog(context)
    qtbot.addWidget(dialog)
    form = dialog.member_form.form
    _fill_required(form, "Rahmat Hidayat", QDate(1985, 3, 1))
    getattr(form, field).setText(value)
    _save(dialog)
    assert message in dialog.error_label.text() and dialog.result() == 0
    with context.database.session() as session:
        from koperasi.services.members.search import MemberFilter, member_page

        assert member_page(session, context.actor, MemberFilter(status=None)).total == 0


def test_a_chosen_photo_is_shrunk_stored_shown_and_printed_on_the_card(qtbot, context, register, monkeypatch, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtGui import QColor, QDesktopServices, QImage
    from PySide6.QtWidgets import QFileDialog

    big = QImage(2000, 2600, QImage.Format.Format_RGB32)
    big.fill(QColor("steelblue"))
    source = tmp_path / "foto.png"
    big.save(str(source))
    member = register("Siti Aminah")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(source), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "kartu.pdf"), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    tab = MembersTab(context)
    qtbot.addWidget(tab)
    tab.show_member(member.id)
    tab.detail.photo_button.click()
    assert tab.current.has_photo and not tab.detail.photo.pixmap().isNull()
    with context.database.session() as session:
        stored = members.get_photo(session, context.actor, member.id)
    assert stored.startswith(b"\xff\xd8\xff") and len(stored) < 100_000
    tab.detail.card_button.click()
    page = PdfReader(tmp_path / "kartu.pdf").pages[0]
    assert list(page.images), "the card carries the photo"


def test_group_dialogs_use_the_dates_the_clerk_gives(qtbot, context, register):
    from koperasi.domain.members.register import GroupKind
    from koperasi.gui.members.groups_view import _GroupDialog, _JoinDialog, _LeaveGroupDialog
    from koperasi.services.members import groups

    register("Siti Aminah", nik=NIK)
    new = _GroupDialog(context, None)
    qtbot.addWidget(new)
    _save(new)
    assert "Nama kelompok wajib diisi" in new.error_label.text()
    new.group_form.name_edit.setText("KUP Mekar")
    _save(new)
    with context.database.session() as session:
        group = groups.list_groups(session, context.actor)[0]
    join = _JoinDialog(context, group)
    qtbot.addWidget(join)
    join.membership_form.member_edit.setText("siti")
    join.membership_form.date_edit.setDate(QDate(2026, 3, 1))
    _save(join)
    assert join.result() == _JoinDialog.DialogCode.Accepted
    with context.database.session() as session:
        member = groups.group_members(session, context.actor, group.id)[0]
    assert (member.full_name, member.joined_on) == ("Siti Aminah", date(2026, 3, 1))
    leave = _LeaveGroupDialog(context, group, member)
    qtbot.addWidget(leave)
    leave.membership_form.date_edit.setDate(QDate(2026, 2, 1))
    _save(leave)
    assert "sebelum tanggal masuk" in leave.error_label.text()
    leave.membership_form.date_edit.setDate(QDate(2026, 6, 1))
    _save(leave)
    with context.database.session() as session:
        assert groups.group_members(session, context.actor, group.id) == []
    edit = _GroupDialog(context, group)
    qtbot.addWidget(edit)
    edit.group_form.kind_combo.setCurrentIndex(edit.group_form.kind_combo.findData(GroupKind.CRAFTS))
    edit.group_form.active_check.setChecked(False)
    _save(edit)
    with context.database.session() as session:
        assert groups.list_groups(session, context.actor) == []


def _tab_order(first, count):
    names, widget = [first.objectName()], first
    for _ in range(count - 1):
        widget = widget.nextInFocusChain()
        while (not widget.focusPolicy() & widget.focusPolicy().TabFocus or not widget.isVisibleTo(first.window())
               or widget.objectName().startswith("qt_")):  # a date edit's own line edit
            widget = widget.nextInFocusChain()
        names.append(widget.objectName())
    return names


def test_designer_forms_keep_a_keyboard_friendly_tab_order(qtbot, context, register):
    from koperasi.gui.members.groups_view import _GroupDialog

    siti = register("Siti Aminah", nik=NIK)
    new = _GroupDialog(context, None)
    qtbot.addWidget(new)
    form = new.group_form.form
    assert _tab_order(form.groupNameEdit, 5) == ["groupNameEdit", "groupKindCombo", "groupDesaCombo", "groupChairEdit", "groupChairDateEdit"]
    assert not form.groupActiveCheck.isVisibleTo(new)
    with context.database.session() as session:
        detail = members.get_member(session, context.actor, siti.id)
    leave = LeaveDialog(context, detail)
    qtbot.addWidget(leave)
    assert _tab_order(leave.leave_form.date_edit, 2) == ["leaveDateEdit", "leaveReasonEdit"]


def test_a_new_group_names_its_chair_who_joins_it(qtbot, context, register):
    from koperasi.gui.members.groups_view import _GroupDialog
    from koperasi.services.members import groups

    register("Siti Aminah", nik=NIK)
    register("Siti Rahma")
    dialog = _GroupDialog(context, None)
    qtbot.addWidget(dialog)
    form = dialog.group_form
    form.name_edit.setText("KUP Mekar")
    form.chair_edit.setText("siti")
    _save(dialog)
    assert "2 anggota cocok" in dialog.error_label.text()
    form.chair_edit.setText(NIK)
    form.chair_date_edit.setDate(QDate(2026, 2, 1))
    _save(dialog)
    assert dialog.result() == _GroupDialog.DialogCode.Accepted
    with context.database.session() as session:
        [group] = groups.list_groups(session, context.actor)
        [chair] = groups.group_members(session, context.actor, group.id)
    assert (group.chair_name, chair.joined_on, chair.is_chair) == ("Siti Aminah", date(2026, 2, 1), True)


def test_groups_view_shows_former_members_with_their_dates_when_asked(qtbot, context, register):
    from koperasi.domain.members.register import GroupKind
    from koperasi.gui.members.groups_view import GroupsView
    from koperasi.services.members import groups

    siti, nur = register("Siti Aminah"), register("Nur Aisyah")
    with context.database.session() as session:
        group = groups.create_group(session, context.actor, name="KUP Mekar Sari", kind=GroupKind.WOMEN_BUSINESS, desa_id=None)
        groups.add_to_group(session, context.actor, group.id, siti.id, joined_on=date(2026, 1, 1))
        groups.add_to_group(session, context.actor, group.id, nur.id, joined_on=date(2025, 1, 2))
        groups.remove_from_group(session, context.actor, group.id, nur.id, left_on=date(2025, 12, 31))
    view = GroupsView(context)
    qtbot.addWidget(view)
    view.reload()
    view.groups_table.selectRow(0)
    assert view.members_model.rowCount() == 1 and view.members_table.isColumnHidden(3)
    view.show_former_check.setChecked(True)
    rows = [[view.members_model.index(r, c).data() for c in range(1, 4)] for r in range(view.members_model.rowCount())]
    assert rows == [["Siti Aminah", "1 Januari 2026", ""], ["Nur Aisyah", "2 Januari 2025", "31 Desember 2025"]]
    assert not view.members_table.isColumnHidden(3) and "1 sudah keluar" in view.members_title.text()
    view.members_table.selectRow(1)
    assert view.selected_member() is None, "a former member is history: not removed again nor made chair"


def test_a_retired_category_is_kept_on_its_member_but_not_offered_to_a_new_one(qtbot, context, register):
    siti = register("Siti Aminah")
    with context.database.session() as session:
        detail = members.get_member(session, context.actor, siti.id)
        members.update_member(
            session, context.actor, siti.id, detail.data.__class__(**{**_fields(detail.data), "categories": frozenset({"buruh_harian"})}),
            expected_version=detail.version,
        )
        member_categories.set_category_active(session, context.actor, "buruh_harian", active=False)
        detail = members.get_member(session, context.actor, siti.id)
    new = MemberDialog(context)
    qtbot.addWidget(new)
    assert "buruh_harian" not in new.member_form._category_boxes
    edit = MemberDialog(context, detail)
    qtbot.addWidget(edit)
    box = edit.member_form._category_boxes["buruh_harian"]
    assert box.isChecked() and box.text() == "Buruh harian (tidak dipakai lagi)"
    _save(edit)
    assert edit.saved is not None and "buruh_harian" in edit.saved.data.categories
    tab = MembersTab(context)
    qtbot.addWidget(tab)
    assert tab.category_filter.findData("buruh_harian") > 0


def _fields(data):
    from dataclasses import fields

    return {f.name: getattr(data, f.name) for f in fields(data)}


def test_the_roster_is_read_and_checked_on_the_worker_thread(qtbot, context, register, monkeypatch, tmp_path):
    import threading

    from PySide6.QtWidgets import QFileDialog

    from koperasi.gui.members import excel_dialogs
    from tests.services.members.test_excel import _roster, _row

    (tmp_path / "templat.xlsx").write_bytes(_roster(_row(), _row(full_name="")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(tmp_path / "templat.xlsx"), ""))
    threads, shown = [], []
    real_preview = excel_dialogs.member_import.preview_import

    def preview(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_preview(*args, **kwargs)

    monkeypatch.setattr(excel_dialogs.member_import, "preview_import", preview)
    monkeypatch.setattr(excel_dialogs.ImportPreviewDialog, "exec", lambda dialog: shown.append(dialog.preview) or 0)
    tab = MembersTab(context)
    qtbot.addWidget(tab)
    assert excel_dialogs.import_members(tab, context) is False
    assert threads and threads[0] is not threading.main_thread()
    assert len(shown) == 1 and (len(shown[0].valid), len(shown[0].rejected)) == (1, 1)


def test_long_work_reports_progress_and_stops_when_batal_is_clicked(qtbot):
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

    from koperasi.domain.errors import DomainError
    from koperasi.gui import busy

    parent = QWidget()
    qtbot.addWidget(parent)
    steps, seen = busy.Steps(), []

    def work():
        for done in range(1, 10_000):
            if steps.cancelled():
                raise DomainError("Impor dibatalkan.")
            steps.report(done, 10_000)
            time.sleep(0.001)
        return "selesai"

    def click_batal():
        dialog = parent.findChild(QProgressDialog)
        seen.append((dialog.maximum(), dialog.value()))
        batal = dialog.findChild(QPushButton)
        seen.append(batal.text())
        batal.click()

    QTimer.singleShot(300, click_batal)
    with pytest.raises(DomainError, match="dibatalkan"):
        busy.run_busy(parent, "Memeriksa baris…", work, steps=steps)
    assert seen[0][0] == 10_000 and 0 < seen[0][1] < 10_000 and seen[1] == "Batal"


def test_a_search_counted_up_to_its_cap_says_more_and_counts_all_at_the_end_of_the_list(qtbot, context, register, monkeypatch):
    from koperasi.gui import page_cache
    from koperasi.gui.members import tab as tab_module

    monkeypatch.setattr(page_cache, "PAGE_SIZE", 2)
    monkeypatch.setattr(tab_module, "SEARCH_COUNT_CAP", 3)
    for name in ("Siti Aminah", "Siti Badriah", "Siti Cahaya", "Siti Dahlia", "Siti Endang", "Ahmad Fauzi"):
        register(name)
    tab = MembersTab(context)
    qtbot.addWidget(tab)
    assert tab.count_label.text() == "6 anggota"  # the whole list, no words: counted exactly
    tab.search.setText("si")  # a two-letter word: counted by a scan, which stops after the cap
    qtbot.waitUntil(lambda: tab.count_label.text() != "6 anggota", timeout=2000)
    assert tab.count_label.text() == "lebih dari 3 anggota" and tab.model.rowCount() == 3
    tab.resize(1024, 700)
    tab.show()  # the last of the three rows is in sight: the view asks for more, and all five are counted
    qtbot.waitUntil(lambda: tab.model.rowCount() == 5, timeout=2000)
    assert tab.count_label.text() == "5 anggota"
    assert [tab.model.index(row, tab.model.NAME).data() for row in range(5)] == [
        "Siti Aminah", "Siti Badriah", "Siti Cahaya", "Siti Dahlia", "Siti Endang"]
