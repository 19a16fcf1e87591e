"""Berkas > Laporan bulanan…: a month is asked, then the PDF is previewed or the workbook saved."""

from __future__ import annotations

from io import BytesIO

import openpyxl
import pypdf
from PySide6.QtWidgets import QDialog, QFileDialog

from koperasi.gui.main_window import MainWindow
from koperasi.gui.monthly import dialog as module
from koperasi.gui.monthly.dialog import MonthDialog


def test_the_dialog_offers_last_month_and_refuses_a_month_not_yet_come(qtbot):
    dialog = MonthDialog()
    qtbot.addWidget(dialog)
    assert dialog.month() == (2026, 10)  # the clock is pinned to 28 November 2026
    dialog.month_combo.setCurrentIndex(11)
    dialog.pdf_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "belum tiba" in dialog.problem.text()


def test_the_action_previews_the_month_s_pdf(qtbot, context, monkeypatch):
    window = MainWindow(context)
    qtbot.addWidget(window)
    monkeypatch.setattr(MonthDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    shown = []
    monkeypatch.setattr(module, "show_preview", shown.append)
    window.action_monthly_report.trigger()
    preview = shown[0]
    text = "".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(preview.pdf_bytes())).pages)
    assert "OKTOBER 2026" in text and preview.suggested_name() == "laporan-bulanan-2026-10.pdf"
    assert window.action_monthly_report.text() in [action.text() for action in window.form.menuFile.actions()]


def test_the_action_saves_the_workbook(qtbot, context, monkeypatch, tmp_path):
    window = MainWindow(context)
    qtbot.addWidget(window)

    def choose_excel(self):
        self.kind = module.XLSX
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MonthDialog, "exec", choose_excel)
    target = tmp_path / "bulanan.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    monkeypatch.setattr("koperasi.gui.breakdown_view.show_info", lambda *args: None)
    window.action_monthly_report.trigger()
    assert openpyxl.load_workbook(target).sheetnames[0] == "Ringkasan"
