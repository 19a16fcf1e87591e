"""The Penjualan tab: sales list and detail, intake, payouts (refusals, role gating), report, catalogue,
the member's consignment in the Anggota panel, and the table models."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from koperasi.gui.combos import find_data
from koperasi.gui.sales.catalogue_dialog import CatalogueDialog
from koperasi.gui.sales.payouts_view import PayDialog
from koperasi.gui.sales.stock_view import IntakeDialog
from koperasi.gui.sales.tab import SalesTab
from koperasi.services.sales import payouts
from koperasi.services.office import settings
from koperasi.domain.office.settings import SALES_COMMISSION
from koperasi.services.sales.member_consignment import member_sales
from tests.sales_gui_support import sales_office


@pytest.fixture
def office(context):
    return sales_office(context)


def _save(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_sales_tab_lists_sales_and_shows_the_selected_sale_lines(qtbot, office):
    tab = SalesTab(office.context)
    qtbot.addWidget(tab)
    view = tab.sales_view
    assert view.model.rowCount() == 2
    assert view.count_label.text() == "2 penjualan"
    view.table.selectRow(view.model.rowCount() - 1)  # the older one: rice and mats to the shop
    assert view.detail.sale.buyer_name == "Toko Sumber Rezeki"
    assert view.detail.model.rowCount() == 2
    assert "Rp320.000" in view.detail.header.text()
    view.search_edit.setText("rina")
    view.reload()
    assert [row.buyer_name for row in view.model._rows] == ["Ibu Rina"]


def test_an_empty_sales_list_names_the_search_and_the_period_to_widen(qtbot, office):
    tab = SalesTab(office.context)
    qtbot.addWidget(tab)
    tab.resize(1024, 600)
    tab.show()
    view = tab.sales_view
    assert not view.empty_note.isVisible()
    view.search_edit.setText("budi")
    view.reload()
    assert view.model.rowCount() == 0 and view.count_label.text() == "0 penjualan" and view.empty_note.isVisible()
    text = view.empty_note.text()
    assert text.startswith("Tidak ada penjualan yang cocok dengan “budi” dari ") and " sampai 28 November 2026." in text
    assert text.endswith("Perlebar periode Dari–sampai, hapus filter atau periksa ejaan.")


def test_sales_tab_models_pass_the_model_tester(qtbot, qtmodeltester, office):
    tab = SalesTab(office.context)
    qtbot.addWidget(tab)
    tab.sales_view.table.selectRow(0)
    for model in (tab.sales_view.model, tab.sales_view.detail.model, tab.stock_view.intake_model, tab.stock_view.stock_model,
                  tab.payouts_view.payable_model, tab.payouts_view.payout_model):
        assert model.rowCount() > 0 or model is tab.payouts_view.payout_model
        qtmodeltester.check(model)
    tab.report_view.refresh()
    qtmodeltester.check(tab.report_view.model)
    assert tab.report_view.model.rowCount() == 4  # three products and the total


def test_a_page_is_built_when_first_opened_and_reloads_after_money_moved_elsewhere(qtbot, office):
    """Pembayaran, Titipan & stok and Laporan are built when first opened (issue 19: memory); one built
    earlier reads again when shown after a sale or payout changed what it lists."""
    tab = SalesTab(office.as_(office.treasurer))
    qtbot.addWidget(tab)
    tab.show()
    labels = [tab.pages.tabText(index) for index in range(tab.pages.count())]
    tab.pages.setCurrentIndex(2)
    view = tab.pages.currentWidget()
    assert view is tab.payouts_view and view.payable_model.rowCount() == 3
    assert [tab.pages.tabText(index) for index in range(tab.pages.count())] == labels
    tab.pages.setCurrentIndex(0)
    office.pay("Siti Aminah", 135_000)
    tab.sales_view.changed.emit()  # as after a sale: stock and payables moved
    assert view.payable_model.rowCount() == 3  # not on screen: read when shown
    tab.pages.setCurrentIndex(2)
    assert view.payable_model.rowCount() == 2


def test_sales_tab_role_gating(qtbot, office):
    clerk_tab = SalesTab(office.as_(office.clerk))
    qtbot.addWidget(clerk_tab)
    payouts_view = clerk_tab.payouts_view
    assert payouts_view.pay_button.isHidden() and payouts_view.pay_all_button.isHidden()
    assert payouts_view.reverse_button.isHidden() and clerk_tab.sales_view.detail.reverse_button.isHidden()
    assert not clerk_tab.sales_view.new_button.isHidden() and not clerk_tab.stock_view.intake_button.isHidden()
    treasurer_tab = SalesTab(office.as_(office.treasurer))
    qtbot.addWidget(treasurer_tab)
    assert not treasurer_tab.payouts_view.pay_button.isHidden()
    manager_tab = SalesTab(office.as_(office.manager))
    qtbot.addWidget(manager_tab)
    assert manager_tab.payouts_view.pay_button.isHidden()  # managers approve, treasurers pay


def test_intake_dialog_receives_goods_from_a_group(qtbot, office):
    dialog = IntakeDialog(office.context)
    qtbot.addWidget(dialog)
    f = dialog.intake_form.form
    f.intakeGroupRadio.setChecked(True)
    assert f.intakeSearchEdit.isHidden() and not f.intakeGroupCombo.isHidden()
    f.intakeGroupCombo.setCurrentIndex(f.intakeGroupCombo.findText("KUP Anyaman Mawar"))
    f.intakeProductCombo.setCurrentIndex(find_data(f.intakeProductCombo, office.products["Tikar pandan"]))
    assert f.intakeUnitLabel.text() == "lembar"
    f.intakeQuantityEdit.setText("abc")
    _save(dialog)
    assert "bukan jumlah barang" in dialog.error_label.text()
    f.intakeQuantityEdit.setText("5")
    _save(dialog)
    assert dialog.number and dialog.number.startswith("TTP/")
    tab = SalesTab(office.context)
    qtbot.addWidget(tab)
    mats = next(row for row in tab.stock_view._stock if row.product == "Tikar pandan")
    assert mats.on_hand_milli == 23_000  # 20 in, 2 sold, 5 more in
    tab.stock_view.filter_edit.setText("mawar")
    assert tab.stock_view.stock_model.rowCount() == 1


def test_intake_dialog_member_search_and_refusal_without_a_producer(qtbot, office):
    dialog = IntakeDialog(office.context)
    qtbot.addWidget(dialog)
    f = dialog.intake_form.form
    f.intakeProductCombo.setCurrentIndex(1)
    f.intakeQuantityEdit.setText("1")
    _save(dialog)
    assert dialog.error_label.text() == "Cari lalu pilih anggota penitip."
    f.intakeSearchEdit.setText("Siti")
    dialog.intake_form.search()
    assert f.intakeMemberCombo.currentData() == office.producers["Siti Aminah"].member_id
    _save(dialog)
    assert dialog.number is not None


def _payable(office, name: str):
    with office.db.session() as session:
        return next(row for row in payouts.payables(session, office.admin) if row.name == name)


def test_pay_dialog_defaults_to_all_owed_and_refuses_more(qtbot, office):
    payable = _payable(office, "Siti Aminah")
    assert payable.owed == 135_000
    dialog = PayDialog(office.as_(office.treasurer), payable, period=None)
    qtbot.addWidget(dialog)
    assert dialog.amount_edit.value() == 135_000
    dialog.amount_edit.set_value(200_000)
    _save(dialog)
    assert dialog.paid is None
    assert dialog.error_label.text() == "Siti Aminah hanya berhak Rp135.000; tidak dapat dibayar Rp200.000."
    dialog.amount_edit.set_value(100_000)
    _save(dialog)
    _save(dialog)  # a second click pays nothing more
    assert dialog.paid is not None and dialog.paid.amount == 100_000
    assert office.owed("Siti Aminah") == 35_000


def test_pay_all_asks_first_and_pays_everyone(qtbot, office, monkeypatch):
    from koperasi.gui.sales import payouts_view

    answers = iter([False, True])
    questions = []
    monkeypatch.setattr(payouts_view, "confirm", lambda parent, title, question, **kw: questions.append(question) or next(answers))
    monkeypatch.setattr(payouts_view, "show_info", lambda *args: None)
    tab = SalesTab(office.as_(office.treasurer))
    qtbot.addWidget(tab)
    view = tab.payouts_view
    view.pay_all()
    assert office.owed("Siti Aminah") == 135_000  # refused at the question
    view.pay_all()
    assert "3 penitip" in questions[0]
    assert all(office.owed(name) == 0 for name in ("Siti Aminah", "Rahmat Hidayat", "KUP Anyaman Mawar"))
    assert view.payable_model.rowCount() == 0 and view.payout_model.rowCount() == 3
    assert view.payable_total.text() == "Tidak ada hak penitip yang belum dibayar."


def test_catalogue_dialog_changes_the_default_commission_and_gates_editing(qtbot, office):
    dialog = CatalogueDialog(office.context)
    qtbot.addWidget(dialog)
    assert dialog.product_model.rowCount() == 3 and dialog.channel_model.rowCount() == 6
    dialog.rate_edit.setText("12,5")
    dialog.rate_button.click()
    with office.db.session() as session:
        assert settings.read_setting(session, office.admin, SALES_COMMISSION)[0] == 1250
    dialog.rate_edit.setText("120")
    dialog.rate_button.click()
    assert "0% dan 100%" in dialog.rate_error.text()
    clerk = CatalogueDialog(office.as_(office.clerk))
    qtbot.addWidget(clerk)
    assert clerk.add_product_button.isHidden() and clerk.rate_button.isHidden() and not clerk.rate_edit.isEnabled()
    assert not clerk.add_buyer_button.isHidden()  # clerks keep the buyers they sell to


def test_member_sales_for_the_anggota_panel(qtbot, office):
    from koperasi.gui.members.detail_panel import _sales_html

    office.pay("Siti Aminah", 50_000)
    with office.db.session() as session:
        sold = member_sales(session, office.admin, office.producers["Siti Aminah"].member_id)
    assert [row.product for row in sold.stock] == ["Beras organik"]
    assert sold.payable.owed == 85_000 and [p.amount for p in sold.payouts] == [50_000]
    html = _sales_html(sold)
    assert "Titip jual" in html and "40 kg" in html and "Rp85.000" in html
