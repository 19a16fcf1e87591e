"""Loan dialogs: application with an inline refusal, repayment posted once, group collection,
funds and products, and the object names the ui-map promises for them."""

from __future__ import annotations

import re
import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtWidgets import QDialogButtonBox

from koperasi.domain.loans.products import LoanKind
from koperasi.domain.loans.rules import MovementKind
from koperasi.domain.members.register import GroupKind
from koperasi.gui.context import AppContext
from koperasi.gui.loans import action_dialogs
from koperasi.gui.loans.application_dialog import LoanApplicationDialog
from koperasi.gui.loans.collection_view import CollectionView
from koperasi.gui.loans.funds_dialog import CapitalDialog, FundDialog, FundsDialog, ProductDialog
from koperasi.services.loans import funds
from koperasi.services.members import groups
from koperasi.services.loans import products as loan_products
from koperasi.services.loans.queries import loan_detail
from tests.loan_support import START, loan_office

UI_MAP = Path(__file__).resolve().parents[3] / "docs" / "ui-map.md"


def _as(context, actor):
    return AppContext(database=context.database, actor=actor, office=context.office)


def _save(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_application_dialog_refuses_an_amount_outside_the_product_inline_then_applies(qtbot, context):
    office = loan_office(context.database, context.actor)
    office.member("Siti Aminah")
    dialog = LoanApplicationDialog(_as(context, office.clerk))
    qtbot.addWidget(dialog)
    form = dialog.application_form.form
    _save(dialog)
    assert "pilih anggota" in dialog.error_label.text()
    form.memberSearchEdit.setText("siti")
    qtbot.waitUntil(lambda: form.memberCombo.currentData() is not None, timeout=2000)
    assert form.productCombo.currentIndex() == 1  # the only product is chosen already
    form.amountEdit.setText("")
    qtbot.keyClicks(form.amountEdit, "20000000")
    assert form.amountEdit.text() == "20.000.000" and form.amountEdit.value() == 20_000_000
    assert "Di luar batas" in form.previewSummary.text()
    form.termSpin.setValue(10)
    form.purposeEdit.setText("Modal warung sembako")
    _save(dialog)
    assert "antara Rp500.000 dan Rp10.000.000" in dialog.error_label.text() and dialog.result() == 0
    form.amountEdit.set_value(1_000_000)
    assert form.previewTable.rowCount() == 10 and form.previewTable.item(0, 2).text() == "Rp100.000"
    _save(dialog)
    assert dialog.result() == 1 and dialog.saved == dialog.request_id



def test_application_dialog_tells_whether_the_member_completed_the_required_training(qtbot, context):
    from koperasi.domain.loans.products import ProductInput
    from koperasi.domain.loans.rules import Frequency
    from koperasi.domain.trainings.rules import CompletionRule, RuleKind
    from koperasi.gui.combos import find_data
    from tests.training_support import DAY1, DAY2, batch_with_sessions, training_office

    office = training_office(context.database, context.actor)
    programme_id, batch_id, days = batch_with_sessions(office, [DAY1, DAY2], programme="Pertanian organik padi sawah",
                                                       rule=CompletionRule(RuleKind.MIN_SESSIONS, 2))
    siti, nur = office.member("Siti Aminah"), office.member("Nurhayati")
    done, short = office.enrol(batch_id, siti), office.enrol(batch_id, nur)
    for day in days:
        office.attend(day, {done: True, short: day == DAY1})
    with context.database.session() as session:
        product_id = loan_products.create_product(session, office.admin, ProductInput(
            "Modal Tani Padi Organik", office.loans.fund_id, LoanKind.INDIVIDUAL, 1_000_000, 8_000_000, 6, 12, Frequency.MONTHLY,
            1000, 0, required_programme_id=programme_id))
    dialog = LoanApplicationDialog(_as(context, office.clerk))
    qtbot.addWidget(dialog)
    form = dialog.application_form.form
    label = dialog.findChild(QObject, "productRequirementLabel")
    assert label is dialog.application_form.requirement_label and not label.isVisibleTo(dialog)
    form.productCombo.setCurrentIndex(find_data(form.productCombo, product_id))
    assert label.isVisibleTo(dialog)
    assert label.text() == "Syarat pelatihan: Pertanian organik padi sawah — pilih anggota untuk memeriksanya"
    form.memberSearchEdit.setText("Siti Aminah")
    qtbot.waitUntil(lambda: form.memberCombo.currentData() == siti, timeout=2000)
    assert label.text() == "Syarat pelatihan: Pertanian organik padi sawah — sudah selesai ✓"
    form.memberSearchEdit.setText("Nurhayati")
    qtbot.waitUntil(lambda: form.memberCombo.currentData() == nur, timeout=2000)
    assert label.text() == "Syarat pelatihan: Pertanian organik padi sawah — belum selesai; pengajuan akan ditolak"
    assert "b3261e" in label.styleSheet()
    # ... and the application is indeed refused, inline.
    form.amountEdit.set_value(2_000_000)
    form.purposeEdit.setText("Bibit padi organik")
    _save(dialog)
    assert "belum menyelesaikan pelatihan Pertanian organik padi sawah" in dialog.error_label.text() and dialog.result() == 0
    # A product that requires nothing says nothing.
    form.productCombo.setCurrentIndex(find_data(form.productCombo, office.loans.product_id))
    assert not label.isVisibleTo(dialog) and label.text() == ""

def test_repayment_dialog_posts_once_when_simpan_is_clicked_twice(qtbot, context):
    office = loan_office(context.database, context.actor)
    loan_id = office.active_loan(office.member("Siti Aminah"))
    with context.database.session() as session:
        loan = loan_detail(session, office.treasurer, loan_id)
    dialog = action_dialogs.RepaymentDialog(_as(context, office.treasurer), loan)
    qtbot.addWidget(dialog)
    assert dialog.amount_edit.value() == min(loan.arrears, loan.outstanding) > 0
    dialog.amount_edit.set_value(150_000)
    dialog.date_edit.setDate(START.replace(month=3))
    _save(dialog)
    _save(dialog)
    assert dialog.result() == 1 and dialog.payment.amount == 150_000
    assert [a.number for a in dialog.payment.allocations] == [1, 2]
    assert "angsuran ke-1: Rp100.000; angsuran ke-2: Rp50.000" in action_dialogs.allocation_text(dialog.payment)
    with context.database.session() as session:
        after = loan_detail(session, office.treasurer, loan_id)
    assert [m.kind for m in after.movements].count(MovementKind.REPAYMENT) == 1
    assert after.outstanding == 1_050_000


def test_a_repayment_dated_before_the_disbursement_is_named_at_the_field_and_not_posted(qtbot, context):
    office = loan_office(context.database, context.actor)
    loan_id = office.active_loan(office.member("Siti Aminah"))
    with context.database.session() as session:
        loan = loan_detail(session, office.treasurer, loan_id)
    dialog = action_dialogs.RepaymentDialog(_as(context, office.treasurer), loan)
    qtbot.addWidget(dialog)
    dialog.date_edit.setText("05-01-2025")  # START, the disbursement, is 6 January 2025
    _save(dialog)
    assert dialog.error_label.text() == "Tanggal bayar tidak boleh sebelum tanggal pencairan (6 Januari 2025)."
    assert dialog.result() == 0 and dialog.payment is None and dialog.date_edit.text() == "05-01-2025"
    dialog.date_edit.setText("01-01-2027")
    _save(dialog)
    assert dialog.error_label.text() == "Tanggal bayar tidak boleh setelah hari ini (28 November 2026)."
    with context.database.session() as session:
        assert [m.kind for m in loan_detail(session, office.treasurer, loan_id).movements].count(MovementKind.REPAYMENT) == 0


def test_repayment_dialog_shows_an_over_payment_inline(qtbot, context):
    office = loan_office(context.database, context.actor)
    loan_id = office.active_loan(office.member("Siti Aminah"))
    with context.database.session() as session:
        loan = loan_detail(session, office.treasurer, loan_id)
    dialog = action_dialogs.RepaymentDialog(_as(context, office.treasurer), loan)
    qtbot.addWidget(dialog)
    dialog.amount_edit.set_value(2_000_000)
    _save(dialog)
    assert "melebihi sisa pinjaman" in dialog.error_label.text() and dialog.result() == 0


def _group_office(context):
    office = loan_office(context.database, context.actor, kind=LoanKind.GROUP)
    with context.database.session() as session:
        group = groups.create_group(session, context.actor, name="KUP Mawar", kind=GroupKind.WOMEN_BUSINESS, desa_id=office.desa_id)
    loans = []
    for name in ("Siti Aminah", "Nur Aisyah"):
        member = office.member(name)
        with context.database.session() as session:
            groups.add_to_group(session, context.actor, group.id, member, joined_on=date(2024, 6, 1))
        loans.append(office.active_loan(member, group_id=group.id))
    return office, group, loans


def test_group_collection_posts_every_payment_and_names_the_member_on_error(qtbot, context):
    office, group, loans = _group_office(context)
    view = CollectionView(_as(context, office.clerk))
    qtbot.addWidget(view)
    view.choose(group.id)
    assert view.table.rowCount() == 2 and view.table.item(0, 0).text().startswith("Nur Aisyah")
    view.paid_edit(0).set_value(5_000_000)  # Nur Aisyah owes only Rp1.200.000
    view.paid_edit(1).set_value(100_000)
    view.post()
    assert "Nur Aisyah" in view.error_label.text() and "melebihi" in view.error_label.text()
    with context.database.session() as session:
        assert loan_detail(session, office.clerk, loans[0]).principal_paid == 0  # all or nothing
    infos = []
    import koperasi.gui.loans.collection_view as module

    module.show_info = lambda parent, title, text: infos.append(text)
    view.fill_all()
    assert "Rp" in view.total_label.text()
    view.post()
    assert view.error_label.isHidden() and infos and infos[0].startswith("2 setoran dibukukan")
    with context.database.session() as session:
        assert all(loan_detail(session, office.clerk, loan).principal_paid > 0 for loan in loans)


def test_funds_dialog_adds_a_fund_receives_capital_and_edits_a_product(qtbot, context, monkeypatch):
    from koperasi.gui import screen_fit

    monkeypatch.setattr(screen_fit, "available_area", lambda widget: QRect(0, 0, 1366, 728))  # a 1366x768 laptop
    office = loan_office(context.database, context.actor)
    ctx = _as(context, office.admin)
    dialog = FundsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.fund_model.rowCount() == 1 and dialog.product_model.rowCount() == 1
    assert dialog.fund_model.index(0, 5).data() == "Rp100.000.000"
    dialog.show()
    qtbot.wait(50)
    assert not dialog.products_table.horizontalScrollBar().isVisible()  # tenor, frequency and fee in sight
    name = dialog.product_model.index(0, 0)
    assert name.data(Qt.ItemDataRole.ToolTipRole) == name.data()  # an elided name is whole on hover
    add = FundDialog(ctx)
    qtbot.addWidget(add)
    add.name_edit.setText("CSR PT Sawit")
    add.donor_edit.setText("PT Sawit Makmur")
    _save(add)
    assert add.result() == 1
    with context.database.session() as session:
        fund = next(f for f in funds.list_funds(session, office.admin) if f.name == "CSR PT Sawit")
        product = loan_products.list_products(session, office.admin)[0]
    capital = CapitalDialog(ctx, fund)
    qtbot.addWidget(capital)
    _save(capital)
    assert "lebih dari nol" in capital.error_label.text()
    capital.amount_edit.set_value(25_000_000)
    _save(capital)
    _save(capital)  # a second click posts nothing more
    edit = ProductDialog(ctx, [(fund.id, fund.name)], product)
    qtbot.addWidget(edit)
    assert edit.rounding_combo.currentData() == 1000 and edit.fee_edit.value() == 10_000
    assert edit.cure_spin.value() == 3  # the default: three on-time installments cure a rescheduled loan
    edit.cure_spin.setValue(6)
    edit.max_amount.set_value(100)
    _save(edit)
    assert "Plafon minimal" in edit.error_label.text()
    edit.max_amount.set_value(15_000_000)
    _save(edit)
    assert edit.result() == 1
    with context.database.session() as session:
        assert next(f for f in funds.list_funds(session, office.admin) if f.id == fund.id).capital == 25_000_000
        saved = loan_products.get_product(session, office.admin, product.id).data
        assert (saved.max_amount, saved.cure_installments) == (15_000_000, 6)


def test_every_loan_dialog_name_in_the_ui_map_exists(qtbot, context):
    """The '### Pinjaman dialogs' table of docs/ui-map.md (tests/gui/test_ui_map.py checks the tab)."""
    office = loan_office(context.database, context.actor)
    loan_id = office.active_loan(office.member("Siti Aminah"))
    ctx = _as(context, office.admin)
    with context.database.session() as session:
        loan = loan_detail(session, office.admin, loan_id)
        fund = funds.list_funds(session, office.admin)[0]
    from koperasi.gui.pdf_preview import PdfPreviewDialog

    windows = [
        LoanApplicationDialog(ctx), action_dialogs.DecisionDialog(ctx, loan, approve=False),
        action_dialogs.DisburseDialog(ctx, loan), action_dialogs.RepaymentDialog(ctx, loan),
        action_dialogs.ReverseDialog(ctx, loan, loan.movements[0]), action_dialogs.RescheduleDialog(ctx, loan),
        action_dialogs.WriteOffDialog(ctx, loan), FundsDialog(ctx), FundDialog(ctx), CapitalDialog(ctx, fund),
        ProductDialog(ctx, [(fund.id, fund.name)], None), PdfPreviewDialog("x", {"A5": (lambda: b"", "x.pdf")}),
    ]
    for window in windows:
        qtbot.addWidget(window)
    text = UI_MAP.read_text(encoding="utf-8").split("### Pinjaman dialogs", 1)[1]
    names = set(re.findall(r"`([A-Za-z0-9]+)`", text))
    assert len(names) > 20
    missing = [n for n in names if not any(w.objectName() == n or w.findChild(QObject, n) is not None for w in windows)]
    assert missing == []
    assert uuid.UUID(str(windows[3].request_id))
