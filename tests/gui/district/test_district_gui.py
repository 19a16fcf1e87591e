"""Kirim laporan from the office's menu, and mode kabupaten's tab: register, receive, compare, save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from koperasi.domain.district.settings import DISTRICT_MODE
from koperasi.gui.busy import drain
from koperasi.gui.context import AppContext
from koperasi.gui.dashboard.tiles import loans_html, members_html
from koperasi.gui.district import monthly_dialog, register_dialog, send_report
from koperasi.gui.district.register_dialog import RegisterOfficeDialog
from koperasi.gui.main_window import MainWindow
from koperasi.services.district import mode
from koperasi.services.office import profile as office

pytestmark = pytest.mark.gui


@pytest.fixture
def shown(monkeypatch):
    """The message boxes' texts instead of the boxes (a modal box would wait forever offscreen)."""
    texts = []
    monkeypatch.setattr(send_report, "show_info", lambda parent, title, text: texts.append(text))
    monkeypatch.setattr(send_report, "show_error", lambda parent, title, text: texts.append(text))
    return texts


def test_the_office_sends_its_packet_from_the_file_menu_and_is_told_what_it_holds(qtbot, context, tmp_path, shown):
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.action_send_report.isEnabled() and window.action_send_report.isVisible()
    sent = send_report.send_to_district(window, context, folder=tmp_path)
    assert sent is not None and sent.path.exists()
    text, = shown
    assert str(sent.path) in text and "0 anggota" in text and "Tanpa nama dan NIK" in text and sent.fingerprint in text
    assert "Paket laporan ke kabupaten ditulis" in window.statusBar().currentMessage()


def test_a_folder_that_vanished_is_said_plainly(qtbot, context, tmp_path, shown):
    assert send_report.send_to_district(_parent(qtbot), context, folder=tmp_path / "dicabut") is None
    assert shown == [f"Folder tujuan tidak ada: {tmp_path / 'dicabut'}. Pilih folder atau flashdisk yang ada."]


def test_mode_kabupaten_shows_the_consolidation_and_takes_packets_in(qtbot, context, district_context, tmp_path, monkeypatch, shown):
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    # An office (the fixture's own database before it turns district) sends; then the district registers its key.
    printed = send_report.send_to_district(_parent(qtbot), context, folder=stick).fingerprint
    other = district_context
    window = MainWindow(other)
    qtbot.addWidget(window)
    tab = window.district
    tabs = window.form.mainTabs
    assert [tabs.tabText(0), tabs.tabText(1)] == ["&Beranda", "&Kabupaten"] and not tabs.isTabVisible(2)
    beranda = window.district_beranda
    assert not window.action_send_report.isVisible() and window.action_monthly_report.isVisible()
    assert "Belum ada kantor terdaftar" in tab.note.text()

    dialog = RegisterOfficeDialog(other, tab)
    qtbot.addWidget(dialog)
    dialog.label_edit.setText("Koperasi Berdaya Pauh")
    dialog.fingerprint_edit.setText("12 34")
    dialog.buttons.accepted.emit()
    assert "Sidik kunci harus 40" in dialog.error_label.text()
    dialog.fingerprint_edit.setText(printed.replace(" ", "").lower())
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted
    tab.refresh()
    assert tab.office_model.rowCount() == 1 and "LAMA" in tab.note.text()  # registered, no packet yet

    results = []
    monkeypatch.setattr(register_dialog.ImportResultsDialog, "exec",
                        lambda self: results.append((self.summary.text(), self.details.toPlainText())) or 0)
    tab.receive(stick)
    (summary, details), = results
    assert summary == "1 paket: 1 diterima, 0 sudah ada sebelumnya, 0 ditolak."
    assert "DITERIMA — PAU-" in details
    assert tab.office_model.row(tab.office_model.index(0, 0)).as_of is not None
    assert not tab.note.isVisible()
    assert "1 dari 1 kantor sudah mengirim paket" in tab.totals.text()
    # Beranda read again: the office's own tiles, with the office's figures and its line in the comparison.
    assert "1 dari 1 kantor sudah mengirim paket" in beranda.note.text() and beranda.seen.counts_only == ()
    assert beranda.office_model.rowCount() == 1 and beranda.scope.count() == 3  # all, its kecamatan, the office
    assert beranda.tiles.members.text() == members_html(beranda.seen.figures.members)
    assert beranda.tiles.loans.text() == loans_html(beranda.seen.figures.loans)
    assert beranda.charts.isVisibleTo(beranda) and beranda.charts.history == beranda.seen.history
    beranda.scope.setCurrentIndex(2)  # the office alone
    assert [line.label for line in beranda.seen.offices] == ["Koperasi Berdaya Pauh"]

    # At 1024 px neither tab's table of offices scrolls sideways (thirteen figures on the Kabupaten tab).
    window.resize(1024, 728)
    window.show()
    for index, table in ((0, beranda.office_table), (1, tab.office_table)):
        tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda table=table: table.isVisible())
        assert table.horizontalScrollBar().maximum() == 0, table.objectName()
    assert "Dampak tahun ini: <b>0</b> rumah tangga terjangkau" in tab.totals.text()
    headers = [tab.office_model.headerData(i, Qt.Orientation.Horizontal).replace("\n", " ")
               for i in range(tab.office_model.columnCount())]
    assert {"RT terjangkau", "Median perubahan pendapatan", "Anak kembali sekolah"} <= set(headers)
    headers = [tab.kecamatan_model.headerData(i, Qt.Orientation.Horizontal) for i in range(tab.kecamatan_model.columnCount())]
    assert {"Peserta pelatihan", "Lulus", "Penjualan tahun ini"} <= set(headers)

    # Berkas > Laporan bulanan… opens the kabupaten's: the month the packet carries, the offices added up.
    made = []
    monkeypatch.setattr(monthly_dialog.DistrictMonthlyDialog, "exec", lambda self: made.append(self) or self.accept() or 1)
    monkeypatch.setattr(monthly_dialog, "show_preview", lambda preview: made.append(preview))
    window.action_monthly_report.trigger()
    dialog, preview = made
    assert dialog.month_combo.count() == 1 and dialog.month_combo.currentText() == "Oktober 2026"
    assert dialog.office_combo.count() == 2 and preview.windowTitle().startswith("Laporan bulanan Oktober 2026")


def _parent(qtbot) -> QWidget:
    """The widget a dialog opens over (a busy dialog without a parent would be a window of its own)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def district_context(tmp_path):
    """A second database set up and switched to mode kabupaten, logged in as its admin; closed after the test."""
    from sqlalchemy.engine import URL

    from koperasi.db.database import open_database
    from tests.support import set_up_office

    database = open_database(URL.create("sqlite+pysqlite", database=str(tmp_path / "kabupaten.db")))
    admin = set_up_office(database)
    with database.session() as session:
        mode.set_program_mode(session, admin, DISTRICT_MODE)
        current = office.current_office(session)
    yield AppContext(database=database, actor=admin, office=current)
    drain()  # the main window's hidden Beranda reads on the worker thread: let it finish before the database goes
    database.dispose()


def test_the_first_run_wizard_can_set_up_the_district(qtbot, sqlite_db):
    from koperasi.gui.office.setup_wizard import SetupWizard

    wizard = SetupWizard(sqlite_db)
    qtbot.addWidget(wizard)
    assert wizard.intro_page.office_choice.isChecked()
    wizard.intro_page.district_choice.setChecked(True)
    form = wizard.office_page.office_form.form
    form.nameEdit.setText("Program Kabupaten Sarolangun")
    form.codeEdit.setText("KAB")
    user = wizard.admin_page.user_form
    user.form.usernameEdit.setText("admin")
    user.form.fullNameEdit.setText("Admin Kabupaten")
    user.form.passwordEdit.setText("rahasia-123")
    user.form.confirmEdit.setText("rahasia-123")
    assert wizard.save(), wizard.admin_page.error_label.text()
    with sqlite_db.session() as session:
        assert mode.is_district(session)


def test_the_office_chooses_to_send_names_and_sees_its_fingerprint(qtbot, context, tmp_path, shown, monkeypatch):
    from io import BytesIO

    import pypdf

    from koperasi.domain.district.settings import PERSONAL_DATA
    from koperasi.gui.district import settings_dialog
    from koperasi.gui.district.settings_dialog import DistrictSettingsDialog
    from koperasi.services.office.settings import value_of

    dialog = DistrictSettingsDialog(context, district=False)
    qtbot.addWidget(dialog)
    printed = dialog.findChild(type(dialog.error_label), "officeFingerprint").text()
    previews = []
    monkeypatch.setattr(settings_dialog, "show_preview", previews.append)
    dialog.sheet_button.click()
    preview, = previews
    text = "".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(preview.pdf_bytes())).pages)
    assert preview.windowTitle().startswith("Lembar pendaftaran kunci") and printed.split()[-1] in text
    assert not dialog.personal.isChecked()
    dialog.personal.setChecked(True)
    dialog.buttons.accepted.emit()
    with context.database.session() as session:
        assert value_of(session, PERSONAL_DATA) is True
    sent = send_report.send_to_district(_parent(qtbot), context, folder=tmp_path)
    assert sent.fingerprint == printed and "disertakan" in shown[-1]


def test_the_district_sets_when_a_packet_is_old(qtbot, district_context):
    from koperasi.domain.district.settings import STALE_DAYS
    from koperasi.gui.district.settings_dialog import DistrictSettingsDialog
    from koperasi.services.office.settings import value_of

    district = district_context
    dialog = DistrictSettingsDialog(district, district=True)
    qtbot.addWidget(dialog)
    assert dialog.days.value() == 35
    dialog.days.setValue(60)
    dialog.buttons.accepted.emit()
    with district.database.session() as session:
        assert value_of(session, STALE_DAYS) == 60


def test_mode_kabupaten_fits_a_1024_x_768_laptop(qtbot, district_context, monkeypatch):
    from PySide6.QtCore import QRect

    from koperasi.gui import screen_fit

    monkeypatch.setattr(screen_fit, "available_area", lambda widget: QRect(0, 0, 1024, 728))
    district = district_context
    window = MainWindow(district)
    qtbot.addWidget(window)
    window.show()
    assert window.minimumSizeHint().width() <= 1000
    for dialog in (RegisterOfficeDialog(district, window), register_dialog.ImportResultsDialog([], window)):
        qtbot.addWidget(dialog)
        dialog.show()
        size = dialog.size().expandedTo(dialog.minimumSizeHint())
        assert size.width() <= 1024 and size.height() <= 728, type(dialog).__name__


def test_the_office_enters_the_districts_key_and_its_packets_are_sealed(qtbot, context, district_context, tmp_path, shown):
    from koperasi.gui.district.settings_dialog import DistrictSettingsDialog

    given = DistrictSettingsDialog(district_context, district=True)
    qtbot.addWidget(given)
    shown_key = given.findChild(type(given.error_label), "districtPublicKey").text()
    dialog = DistrictSettingsDialog(context, district=False)
    qtbot.addWidget(dialog)
    dialog.district_key.setText("bukan kunci")
    dialog.buttons.accepted.emit()
    assert "Kunci kabupaten harus 64" in dialog.error_label.text()
    dialog.district_key.setText(shown_key)
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted
    sent = send_report.send_to_district(_parent(qtbot), context, folder=tmp_path)
    assert sent.sealed and "terkunci" in shown[-1]


def test_f1_in_mode_kabupaten_opens_the_guide_on_the_district_page(qtbot, district_context):
    window = MainWindow(district_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClick(window.district_beranda.office_table, Qt.Key.Key_F1)
    browser = window.help_key.browser
    assert browser is not None and browser.current_topic() == "kabupaten.html#beranda"
    window.form.mainTabs.setCurrentIndex(1)
    qtbot.keyClick(window.district.office_table, Qt.Key.Key_F1)
    assert window.help_key.browser.current_topic() == "kabupaten.html#konsolidasi"
