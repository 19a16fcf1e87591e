"""The sale entry dialog driven with the keyboard: lines typed cell by cell, live totals, one posting
however often Simpan is clicked, the stock refusal shown inline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from koperasi.gui.sales import sale_dialog
from koperasi.gui.sales.sale_dialog import SaleDialog
from koperasi.gui.sales.sale_lines import PRICE, PRODUCER, PRODUCT, QUANTITY
from koperasi.services.sales import selling as sales
from tests.sales_gui_support import sales_office


@pytest.fixture
def office(context):
    return sales_office(context, with_sales=False)


@pytest.fixture
def dialog(qtbot, office, monkeypatch):
    questions = []
    monkeypatch.setattr(sale_dialog, "confirm", lambda parent, title, question, **kw: questions.append(question) and False)
    dialog = SaleDialog(office.context)
    dialog.questions = questions
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot, text: str, key=Qt.Key.Key_Tab) -> None:
    editor = QApplication.focusWidget()
    assert editor is not None
    if text:
        editor.selectAll() if hasattr(editor, "selectAll") else None
        qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, key)


def _sale_count(office) -> int:
    with office.db.session() as session:
        return sales.sale_page(session, office.admin).total


def test_sale_dialog_two_lines_typed_with_the_keyboard_update_the_totals(qtbot, dialog, office):
    form = dialog.sale_form
    table, lines = form.table, form.lines
    table.setFocus()
    table.setCurrentIndex(lines.index(0, PRODUCT))
    qtbot.keyClick(table, Qt.Key.Key_Return)  # opens the product editor
    _type(qtbot, "Beras organik")  # two producers hold rice: the producer editor opens on the first
    assert table.currentIndex().column() == PRODUCER
    _type(qtbot, "")  # Rahmat Hidayat (first by name)
    assert table.currentIndex().column() == QUANTITY
    _type(qtbot, "2,5", Qt.Key.Key_Return)  # Enter moves on like Tab
    assert table.currentIndex().column() == PRICE
    _type(qtbot, "")  # keep the default price; a new line opens
    assert lines.rowCount() == 2 and table.currentIndex() == lines.index(1, PRODUCT)
    _type(qtbot, "cabai")  # part of the name is enough
    _type(qtbot, "")  # the only producer with chillies was chosen already
    _type(qtbot, "1", Qt.Key.Key_Return)
    _type(qtbot, "40000", Qt.Key.Key_Return)

    first, second = lines.lines[:2]
    assert first.product.data.name == "Beras organik" and first.producer == office.producers["Rahmat Hidayat"]
    assert (first.quantity_milli, first.unit_price, first.total, first.commission) == (2_500, 15_000, 37_500, 3_750)
    assert second.product.data.name == "Cabai merah" and second.producer == office.producers["Rahmat Hidayat"]
    assert (second.quantity_milli, second.unit_price, second.total) == (1_000, 40_000, 40_000)
    assert lines.data(lines.index(0, QUANTITY)) == "2,5 kg"
    assert "Rp77.500" in form.totals_label.text() and "Rp7.750" in form.totals_label.text()
    assert "Rp69.750" in form.totals_label.text()

    table.setCurrentIndex(lines.index(2, PRODUCT))
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # the empty third line goes; two stay
    assert lines.rowCount() == 2


def _fill(dialog, office, rows) -> None:
    lines = dialog.sale_form.lines
    for row, (product, producer, quantity) in enumerate(rows):
        if row >= lines.rowCount():
            lines.append_line()
        lines.setData(lines.index(row, PRODUCT), office.products[product])
        key = next(k for k, label in lines.producer_choices(row) if producer in label)
        lines.setData(lines.index(row, PRODUCER), key)
        lines.setData(lines.index(row, QUANTITY), quantity)
    dialog.sale_form.buyer_combo.setEditText("Ibu Rina")


def test_sale_dialog_posts_once_even_when_simpan_is_clicked_twice(qtbot, dialog, office):
    _fill(dialog, office, [("Beras organik", "Siti Aminah", "10"), ("Tikar pandan", "Mawar", "2")])
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    save.click()
    save.click()
    assert _sale_count(office) == 1
    assert dialog.recorded is not None and dialog.recorded.total == 150_000 + 170_000
    assert dialog.recorded.commission == 15_000 + 25_500  # the mats' own 15 %
    assert len(dialog.questions) == 1 and "NJ/PAU/" in dialog.questions[0]  # offered once
    assert office.owed("KUP Anyaman Mawar") == 144_500


def test_sale_dialog_shows_a_quantity_over_stock_inline_naming_product_and_producer(qtbot, dialog, office):
    _fill(dialog, office, [("Beras organik", "Rahmat", "40")])
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.recorded is None
    message = dialog.error_label.text()
    assert "Stok Beras organik titipan Rahmat Hidayat tinggal 30 kg" in message and "40 kg" in message
    assert _sale_count(office) == 0


def test_sale_dialog_names_the_line_with_a_bad_quantity(qtbot, dialog, office):
    _fill(dialog, office, [("Beras organik", "Siti", "2,5555")])
    assert dialog.sale_form.lines.data(dialog.sale_form.lines.index(0, QUANTITY), Qt.ItemDataRole.ForegroundRole) is not None
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.error_label.text().startswith("Baris 1: ") and "tiga angka" in dialog.error_label.text()


def test_sale_dialog_refuses_a_missing_buyer_and_a_missing_producer(qtbot, dialog, office):
    lines = dialog.sale_form.lines
    lines.setData(lines.index(0, PRODUCT), office.products["Beras organik"])  # two producers: none chosen
    lines.setData(lines.index(0, QUANTITY), "1")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.error_label.text() == "Baris 1: pilih penitip Beras organik."
    key = lines.producer_choices(0)[0][0]
    lines.setData(lines.index(0, PRODUCER), key)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert "nama pembeli" in dialog.error_label.text()


def test_sale_lines_model_passes_the_model_tester(qtmodeltester, dialog, office):
    _fill(dialog, office, [("Beras organik", "Siti", "1,5"), ("Cabai merah", "Rahmat", "2")])
    qtmodeltester.check(dialog.sale_form.lines)


def test_sale_dialog_channel_change_takes_the_channel_rate(qtbot, office, dialog):
    from koperasi.services.sales import catalogue as sales_catalogue

    with office.db.session() as session:
        channel = next(c for c in sales_catalogue.list_channels(session, office.admin) if c.name == "Pameran")
        sales_catalogue.update_channel(session, office.admin, channel.id, commission_bp=2000, active=True,
                                       expected_version=channel.version)
    fresh = SaleDialog(office.context)
    qtbot.addWidget(fresh)
    _fill(fresh, office, [("Beras organik", "Siti", "10"), ("Tikar pandan", "Mawar", "1")])
    combo = fresh.sale_form.channel_combo
    combo.setCurrentIndex(combo.findText("Pameran"))
    rice, mat = fresh.sale_form.lines.lines[:2]
    assert rice.rate_bp == 2000 and mat.rate_bp == 1500  # the product's own rate wins
