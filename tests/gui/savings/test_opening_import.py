"""Simpanan → Saldo awal…: the day and the workbook, the preview behind a progress dialog, the rows posted."""

from __future__ import annotations

import os
from datetime import date

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from koperasi.db.models import Member
from koperasi.domain.savings.rules import SavingsKind
from koperasi.gui import excel_import
from koperasi.gui.savings import opening_import
from koperasi.services.savings import book
from tests.gui.savings.test_tab import _as, _tab, office  # noqa: F401  (the fixture)
from tests.services.savings.test_opening import _sheet


def test_opening_balances_are_previewed_and_posted_from_the_savings_tab(qtbot, context, office, monkeypatch, tmp_path):
    siti = office.member("Siti Aminah")
    with office.session() as session:
        number = session.get(Member, siti).number
    (tmp_path / "saldo.xlsx").write_bytes(_sheet((number, "Siti Aminah", 100_000, 240_000, 55_000),
                                                 ("PAU-999999", "Orang lain", 5_000, None, None)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(tmp_path / "saldo.xlsx"), ""))
    tab = _tab(qtbot, context, office.manager)
    assert tab.opening_button.isEnabled()
    assert not _tab(qtbot, context, office.clerk).opening_button.isEnabled()

    choose = opening_import.OpeningImportDialog(_as(context, office.manager), tab)
    qtbot.addWidget(choose)
    choose.show()
    choose.day_edit.setDate(date(2026, 6, 30))
    choose.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert choose.result() == 1 and choose.preview is not None
    preview = opening_import.opening_preview_dialog(_as(context, office.manager), choose.preview, tab)
    qtbot.addWidget(preview)
    preview.resize(int(1024 * 0.9), 480)
    preview.show()
    QApplication.processEvents()
    if shots := os.environ.get("KOPERASI_SAVINGS_SHOTS"):
        preview.grab().save(os.path.join(shots, "savings-opening-preview.png"))
    summary = preview.findChild(excel_import.QLabel, "importSummary").text()
    assert "<b>1</b> anggota siap dibukukan" in summary and "<b>1</b> baris ditolak" in summary
    assert preview.save_button.text() == "&Bukukan saldo 1 anggota"
    shown = []
    monkeypatch.setattr(excel_import, "show_info", lambda parent, title, text: shown.append(text))
    preview.save_button.click()
    assert preview.imported == 1 and shown == ["Saldo awal 1 anggota dibukukan."]
    with office.session() as session:
        assert book.balances(session, siti) == {
            SavingsKind.POKOK: 100_000, SavingsKind.WAJIB: 240_000, SavingsKind.SUKARELA: 55_000}
    tab.books_changed()
    tab._load(siti)
    texts = {tab.movement_model.data(tab.movement_model.index(row, 1)) for row in range(tab.movement_model.rowCount())}
    assert texts == {"Saldo awal pokok", "Saldo awal wajib", "Saldo awal sukarela"}


def test_a_day_in_the_future_is_refused_under_the_form(qtbot, context, office, monkeypatch, tmp_path):
    (tmp_path / "saldo.xlsx").write_bytes(_sheet())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(tmp_path / "saldo.xlsx"), ""))
    choose = opening_import.OpeningImportDialog(_as(context, office.manager))
    qtbot.addWidget(choose)
    choose.show()
    choose.day_edit.setMaximumDate(date(2027, 12, 31))
    choose.day_edit.setDate(date(2026, 12, 5))
    choose.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert choose.isVisible() and "masa depan" in choose.error_label.text()
