"""Nothing typed is lost: Batal, Esc and the window's X on a form with changes ask Simpan / Buang
perubahan / Kembali (the wizard: keep filling or quit), closing the main window asks about an open
filled form, and what a form needs (a desa, a catalogue product, a fund or loan product) is added
from inside it. The ``unsaved_questions`` fixture (conftest) clicks the clerk's answer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from koperasi.domain.loans.products import LoanKind
from koperasi.domain.roles import Role
from koperasi.gui.context import AppContext
from koperasi.gui.loans.action_dialogs import RepaymentDialog
from koperasi.gui.loans.application_dialog import LoanApplicationDialog
from koperasi.gui.loans.funds_dialog import FundDialog, ProductDialog
from koperasi.gui.main_window import MainWindow
from koperasi.gui.members import dialog as member_dialog
from koperasi.gui.members.dialog import MemberDialog
from koperasi.gui.office.dialog import OfficeDialog
from koperasi.gui.office.password_dialog import PasswordDialog
from koperasi.gui.office.regions_dialog import DesaDialog
from koperasi.gui.sales import catalogue_dialog, sale_dialog
from koperasi.gui.sales.sale_dialog import SaleDialog
from koperasi.gui.sales.sale_lines import PRODUCER, PRODUCT, QUANTITY
from koperasi.gui.office.setup_wizard import SetupWizard
from koperasi.gui.trainings.programme_dialogs import ProgrammeDialog
from koperasi.gui.unsaved_changes import Answer
from koperasi.gui.office.user_dialogs import UserEditDialog
from koperasi.services.loans import funds
from koperasi.services.loans import products as loan_products
from koperasi.services.office import regions
from koperasi.services.loans.queries import loan_detail
from koperasi.services.members.search import MemberFilter, member_page
from tests.loan_support import loan_office
from tests.sales_gui_support import sales_office
from tests.support import add_staff

SAVE_DISCARD_KEEP = {"&Simpan", "&Buang perubahan", "&Kembali"}


def _as(context, actor) -> AppContext:
    return AppContext(database=context.database, actor=actor, office=context.office)


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _member_count(context) -> int:
    with context.database.session() as session:
        return member_page(session, context.actor, MemberFilter(), limit=1).total


@pytest.fixture
def bernai(context):
    with context.database.session() as session:
        return regions.add_desa(session, context.actor, "15.03.03", name="Bernai")


def _fill_member(dialog, name: str) -> None:
    form = dialog.member_form.form
    form.fullNameEdit.setText(name)
    form.birthDateEdit.setDate(QDate(1980, 5, 5))
    form.kecamatanCombo.setCurrentIndex(form.kecamatanCombo.findText("Sarolangun"))
    form.desaCombo.setCurrentIndex(form.desaCombo.findText("Bernai"))


@pytest.mark.parametrize("close", ["escape", "batal", "window_x"])
def test_a_filled_member_form_asks_and_kembali_keeps_what_was_typed(qtbot, context, unsaved_questions, close):
    dialog = _shown(qtbot, MemberDialog(context))
    qtbot.keyClicks(dialog.member_form.form.fullNameEdit, "Siti Aminah")
    unsaved_questions.answer = Answer.KEEP
    if close == "escape":
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    elif close == "batal":
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    else:
        dialog.close()
    [(box, text, buttons)] = unsaved_questions.asked
    assert box == "unsavedChangesBox" and "belum disimpan" in text and set(buttons) == SAVE_DISCARD_KEEP
    assert dialog.isVisible() and dialog.member_form.form.fullNameEdit.text() == "Siti Aminah"


def test_buang_perubahan_closes_without_saving(qtbot, context, unsaved_questions, bernai):
    dialog = _shown(qtbot, MemberDialog(context))
    _fill_member(dialog, "Siti Aminah")
    unsaved_questions.answer = Answer.DISCARD
    dialog.reject()
    assert len(unsaved_questions.asked) == 1
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert _member_count(context) == 0


def test_simpan_in_the_question_saves_and_closes_or_stays_on_a_refusal(qtbot, context, unsaved_questions, bernai):
    unsaved_questions.answer = Answer.SAVE
    dialog = _shown(qtbot, MemberDialog(context))
    dialog.member_form.form.fullNameEdit.setText("Siti Aminah")  # no birth date, no desa: refused
    dialog.close()
    assert dialog.isVisible() and dialog.error_label.isVisible() and _member_count(context) == 0
    _fill_member(dialog, "Siti Aminah")
    dialog.close()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved is not None and dialog.saved.data.full_name == "Siti Aminah" and _member_count(context) == 1


def test_an_unchanged_form_closes_without_asking_even_after_typing_was_undone(qtbot, context, unsaved_questions):
    dialog = _shown(qtbot, MemberDialog(context))
    name = dialog.member_form.form.fullNameEdit
    qtbot.keyClicks(name, "Siti")
    for _ in "Siti":
        qtbot.keyClick(name, Qt.Key.Key_Backspace)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert unsaved_questions.asked == [] and not dialog.isVisible()


def test_a_form_filled_in_code_before_it_is_shown_starts_clean_and_a_new_household_row_counts(qtbot, context, bernai):
    dialog = MemberDialog(context)
    _fill_member(dialog, "Siti Aminah")
    dialog.show()  # filled in code before it is shown: nothing typed yet
    qtbot.addWidget(dialog)
    assert not dialog.has_unsaved_changes()
    dialog.member_form.add_person(None)
    assert dialog.has_unsaved_changes()


def _dialogs(context):
    """One of each kind of dialog a clerk types into, with what typing into it looks like."""
    yield "loan fund", FundDialog(context), lambda d: d.name_edit.setText("Dana Bergulir 2027")
    yield "training programme", ProgrammeDialog(context, None), lambda d: d.programme_form.form.ruleValueSpin.setValue(80)
    yield "user", UserEditDialog(context), lambda d: d.user_form.form.fullNameEdit.setText("Nur Aisyah")
    yield "office (filled from the database)", OfficeDialog(context), lambda d: d.office_form.form.phoneEdit.setText("0745 91234")
    yield "desa", DesaDialog(context, "15.03.03", None), lambda d: d.form.nameEdit.setText("Bernai")
    yield "password", PasswordDialog(context), lambda d: d.form.newEdit.setText("rahasia-baru-1")
    yield "loan application", LoanApplicationDialog(context), lambda d: d.application_form.form.purposeEdit.setText("modal warung")


def test_every_kind_of_dialog_asks_only_when_something_was_typed(qtbot, context, unsaved_questions):
    unsaved_questions.answer = Answer.KEEP
    for name, dialog, type_into in _dialogs(context):
        _shown(qtbot, dialog)
        assert not dialog.has_unsaved_changes(), name
        type_into(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible() and len(unsaved_questions.asked) == 1, name
        unsaved_questions.asked.clear()
        dialog.discard_changes()
        assert not dialog.isVisible(), name


def test_a_loan_action_dialog_prefilled_with_the_arrears_starts_clean(qtbot, context, unsaved_questions):
    office = loan_office(context.database, context.actor)
    loan_id = office.active_loan(office.member("Siti Aminah"))
    with context.database.session() as session:
        loan = loan_detail(session, office.treasurer, loan_id)
    dialog = _shown(qtbot, RepaymentDialog(_as(context, office.treasurer), loan))
    assert dialog.amount_edit.value() > 0  # the arrears, put there by the dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert unsaved_questions.asked == [] and not dialog.isVisible()
    dialog = _shown(qtbot, RepaymentDialog(_as(context, office.treasurer), loan))
    dialog.amount_edit.set_value(150_000)
    unsaved_questions.answer = Answer.KEEP
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(unsaved_questions.asked) == 1 and dialog.isVisible() and dialog.amount_edit.value() == 150_000


def test_the_sale_lines_count_as_typing_and_simpan_records_the_sale(qtbot, context, unsaved_questions, monkeypatch):
    monkeypatch.setattr(sale_dialog, "confirm", lambda *args, **kwargs: False)  # no nota printed
    office = sales_office(context, with_sales=False)
    dialog = _shown(qtbot, SaleDialog(office.context))
    assert not dialog.has_unsaved_changes()
    lines = dialog.sale_form.lines
    lines.setData(lines.index(0, PRODUCT), office.products["Beras organik"])
    lines.setData(lines.index(0, PRODUCER), next(key for key, label in lines.producer_choices(0) if "Siti" in label))
    lines.setData(lines.index(0, QUANTITY), "2")
    unsaved_questions.answer = Answer.KEEP
    dialog.close()
    assert dialog.isVisible() and lines.lines[0].quantity_milli == 2_000
    dialog.sale_form.buyer_combo.setEditText("Ibu Rina")
    unsaved_questions.answer = Answer.SAVE
    dialog.close()
    assert len(unsaved_questions.asked) == 2
    assert not dialog.isVisible() and dialog.recorded is not None and dialog.recorded.total == 30_000


def test_the_wizard_asks_keep_or_quit(qtbot, sqlite_db, unsaved_questions):
    wizard = _shown(qtbot, SetupWizard(sqlite_db))
    wizard.reject()
    assert unsaved_questions.asked == [] and not wizard.isVisible()  # nothing typed: Batal just closes

    wizard = _shown(qtbot, SetupWizard(sqlite_db))
    wizard.next()
    wizard.next()  # walking the pages is not typing
    assert not wizard.has_unsaved_changes()
    wizard.back()
    wizard.office_page.office_form.form.nameEdit.setText("Koperasi Berdaya Singkut")
    unsaved_questions.answer = Answer.KEEP
    wizard.close()
    [(box, text, buttons)] = unsaved_questions.asked
    assert box == "keepOrQuitBox" and set(buttons) == {"&Lanjutkan mengisi", "Keluar &tanpa menyimpan"}
    assert wizard.isVisible() and wizard.office_page.office_form.form.nameEdit.text() == "Koperasi Berdaya Singkut"
    unsaved_questions.answer = Answer.DISCARD
    wizard.reject()
    assert not wizard.isVisible() and wizard.result() == QDialog.DialogCode.Rejected


def test_an_open_untouched_form_does_not_hold_the_main_window(qtbot, context, unsaved_questions):
    window = _shown(qtbot, MainWindow(context))
    MemberDialog(context, parent=window).show()
    with qtbot.waitSignal(window.closed, timeout=1000):
        window.close()
    assert unsaved_questions.asked == []


def test_closing_the_main_window_asks_about_an_open_filled_form(qtbot, context, unsaved_questions):
    window = _shown(qtbot, MainWindow(context))
    dialog = MemberDialog(context, parent=window)
    dialog.setModal(True)
    dialog.show()
    dialog.member_form.form.fullNameEdit.setText("Siti Aminah")
    unsaved_questions.answer = Answer.KEEP
    window.close()
    [(box, text, _buttons)] = unsaved_questions.asked
    assert box == "keepOrQuitBox" and "Tambah anggota" in text
    assert window.isVisible() and dialog.isVisible() and dialog.member_form.form.fullNameEdit.text() == "Siti Aminah"
    unsaved_questions.answer = Answer.DISCARD
    with qtbot.waitSignal(window.closed, timeout=1000):
        window.close()
    assert not dialog.isVisible() and len(unsaved_questions.asked) == 2  # the form was not asked about again


def test_a_new_desa_is_added_from_the_member_form_and_chosen(qtbot, context, monkeypatch):
    def type_desa_and_save(desa_dialog):
        assert desa_dialog.kecamatan_code == "15.03.03"
        desa_dialog.form.nameEdit.setText("Pasar Sarolangun")
        desa_dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
        return desa_dialog.result()

    monkeypatch.setattr(member_dialog.DesaDialog, "exec", type_desa_and_save)
    dialog = _shown(qtbot, MemberDialog(context))
    form = dialog.member_form.form
    assert not dialog.new_desa_button.isEnabled()  # first the kecamatan
    form.fullNameEdit.setText("Siti Aminah")
    form.kecamatanCombo.setCurrentIndex(form.kecamatanCombo.findText("Sarolangun"))
    assert form.desaCombo.count() == 1 and dialog.new_desa_button.isEnabled()
    dialog.new_desa_button.click()
    assert form.desaCombo.currentText() == "Pasar Sarolangun" and form.fullNameEdit.text() == "Siti Aminah"
    assert form.kecamatanCombo.currentText() == "Sarolangun"


def test_only_who_may_edit_regions_gets_the_new_desa_button(qtbot, context):
    treasurer = add_staff(context.database, context.actor, "bendahara", Role.TREASURER)
    dialog = MemberDialog(_as(context, treasurer))
    qtbot.addWidget(dialog)
    assert dialog.findChild(type(dialog.member_form.form.addPersonButton), "memberNewDesaButton") is None


def test_a_new_catalogue_product_is_added_from_a_sale_line(qtbot, context, monkeypatch):
    office = sales_office(context, with_sales=False)

    def type_product_and_save(product_dialog):
        f = product_dialog.product_form.form
        f.productNameEdit.setText("Madu hutan")
        f.productUnitCombo.setEditText("botol")
        f.productPriceEdit.set_value(95_000)
        product_dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
        return product_dialog.result()

    monkeypatch.setattr(catalogue_dialog.ProductDialog, "exec", type_product_and_save)
    dialog = _shown(qtbot, SaleDialog(_as(context, office.manager)))
    lines = dialog.sale_form.lines
    lines.setData(lines.index(0, PRODUCT), office.products["Beras organik"])
    dialog.sale_form.new_product_button.click()
    assert [line.product.data.name if line.product else None for line in lines.lines] == ["Beras organik", "Madu hutan"]
    assert lines.lines[1].unit_price == 95_000 and dialog.sale_form.table.currentIndex() == lines.index(1, PRODUCER)

    treasurer_sale = SaleDialog(_as(context, office.treasurer))  # records sales, does not keep the catalogue
    qtbot.addWidget(treasurer_sale)
    assert treasurer_sale.sale_form.new_product_button.isHidden()


def test_the_loan_application_says_what_is_missing_and_adds_a_fund_and_a_product(qtbot, context, monkeypatch):
    def fill_fund(fund_dialog):
        fund_dialog.name_edit.setText("Dana Bergulir Pemkab 2026")
        fund_dialog.donor_edit.setText("Pemerintah Kabupaten Sarolangun")
        fund_dialog._save_and_close()
        return fund_dialog.result()

    def fill_product(product_dialog):
        product_dialog.name_edit.setText("Usaha Mikro")
        product_dialog.kind_combo.setCurrentIndex(product_dialog.kind_combo.findData(LoanKind.INDIVIDUAL.value))
        product_dialog._save_and_close()
        return product_dialog.result()

    monkeypatch.setattr(FundDialog, "exec", fill_fund)
    monkeypatch.setattr(ProductDialog, "exec", fill_product)
    dialog = _shown(qtbot, LoanApplicationDialog(context))
    form = dialog.application_form
    form.form.purposeEdit.setText("modal warung")
    hint = form.missing_label
    assert hint.isVisible() and "Belum ada sumber dana" in hint.text() and "Dana baru…" in hint.text()
    dialog.new_fund_button.click()
    assert "Belum ada produk pinjaman aktif. Tambahkan produk dulu (tombol Produk baru…)." == hint.text()
    dialog.new_product_button.click()
    assert not hint.isVisible() and form.product() is not None and form.product().data.name == "Usaha Mikro"
    assert form.form.purposeEdit.text() == "modal warung" and "Usaha Mikro" in form.form.productCombo.currentText()
    with context.database.session() as session:
        assert [p.data.name for p in loan_products.list_products(session, context.actor)] == ["Usaha Mikro"]
        assert [f.name for f in funds.list_funds(session, context.actor)] == ["Dana Bergulir Pemkab 2026"]


def test_a_clerk_applying_without_products_is_told_whom_to_ask_and_gets_no_add_buttons(qtbot, context):
    clerk = add_staff(context.database, context.actor, "siti", Role.CLERK)
    dialog = _shown(qtbot, LoanApplicationDialog(_as(context, clerk)))
    assert "Minta ketua atau admin" in dialog.application_form.missing_label.text()
    assert dialog.findChild(type(dialog.findChild(QDialogButtonBox).buttons()[0]), "loanNewProductButton") is None

