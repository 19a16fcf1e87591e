"""The Simpanan tab: find a member, deposit with the kwitansi shown, a withdrawal above the balance refused
inline, a reversal asked for, the wajib arrears list, and the rate dialog."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from koperasi.domain.savings.rules import SavingsKind
from koperasi.gui.context import AppContext
from koperasi.gui.pdf_preview import PdfPreviewDialog
from koperasi.gui.savings import dialogs
from koperasi.gui.savings.tab import SavingsTab
from koperasi.services.reversals import pending_reversals
from tests.savings_support import savings_office


def _as(context, actor):
    return AppContext(database=context.database, actor=actor, office=context.office)


def _save(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


@pytest.fixture
def office(context):
    office = savings_office(context.database, context.actor)
    office.set_rate(SavingsKind.WAJIB, date(2026, 1, 1), 10_000)
    office.set_rate(SavingsKind.POKOK, date(2026, 1, 1), 100_000)
    return office


@pytest.fixture
def previews(monkeypatch):
    shown = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    return shown


def _tab(qtbot, context, actor):
    tab = SavingsTab(_as(context, actor))
    qtbot.addWidget(tab)
    return tab


def test_a_deposit_from_the_tab_shows_its_kwitansi_and_the_new_balance(qtbot, context, office, previews, monkeypatch):
    office.member("Siti Aminah", joined=date(2026, 9, 10))
    tab = _tab(qtbot, context, office.clerk)
    tab.search_edit.setText("siti")
    qtbot.waitUntil(lambda: tab.savings is not None, timeout=2000)
    assert "kurang Rp100.000" in tab.wajib_label.text() and "Tunggakan wajib Rp30.000 (3 bulan)" in tab.wajib_label.text()

    def fill(dialog):
        assert dialog.kind_combo.currentData() == "pokok" and dialog.amount_edit.value() == 100_000
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("wajib"))
        assert dialog.amount_edit.value() == 30_000  # the arrears
        _save(dialog)
        return dialog.result()

    monkeypatch.setattr(dialogs.DepositDialog, "exec", fill)
    tab.deposit_button.click()
    assert tab.balance_labels[SavingsKind.WAJIB].text() == "Rp30.000"
    assert "lancar" in tab.wajib_label.text()
    assert previews and previews[0].startswith("Kwitansi KW/PAU/2026/")
    assert tab.movement_model.index(0, 1).data() == "Setoran wajib"  # the tab is Simpanan: no "simpanan" twice


def test_a_withdrawal_above_the_balance_is_refused_inline(qtbot, context, office, previews):
    member = office.member()
    office.deposit(member, SavingsKind.SUKARELA, 50_000)
    tab = _tab(qtbot, context, office.clerk)
    tab._load(member)
    dialog = dialogs.WithdrawDialog(_as(context, office.clerk), tab.savings)
    qtbot.addWidget(dialog)
    dialog.amount_edit.set_value(60_000)
    _save(dialog)
    assert "melebihi saldo simpanan sukarela Rp50.000" in dialog.error_label.text() and dialog.result() == 0
    dialog.amount_edit.set_value(50_000)
    _save(dialog)
    assert dialog.result() == 1 and dialog.result_.balance == 0


def test_a_reversal_is_asked_for_from_the_movement_list(qtbot, context, office, previews, monkeypatch):
    member = office.member()
    office.deposit(member, SavingsKind.SUKARELA, 25_000)
    tab = _tab(qtbot, context, office.treasurer)
    tab._load(member)
    assert not tab.reverse_button.isEnabled()
    tab.movement_table.selectRow(0)
    assert tab.reverse_button.isEnabled() and tab.receipt_button.isEnabled()

    def fill(dialog):
        dialog.reason_edit.setText("Salah anggota")
        _save(dialog)
        return dialog.result()

    monkeypatch.setattr(dialogs.ReverseSavingDialog, "exec", fill)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    tab.reverse_button.click()
    with context.database.session() as session:
        assert [item.summary[:24] for item in pending_reversals(session, office.manager)] == ["Setoran simpanan sukarel"]


def test_the_arrears_page_lists_members_behind_and_opens_one(qtbot, context, office):
    behind = office.member("Siti Aminah", joined=date(2026, 6, 1))
    paid = office.member("Rahmawati", joined=date(2026, 11, 1))
    office.deposit(paid, SavingsKind.WAJIB, 10_000)
    tab = _tab(qtbot, context, office.clerk)
    tab.pages.setCurrentWidget(tab.behind_view)
    view = tab.behind_view
    assert view.model.rowCount() == 1 and view.model.row(view.model.index(0, 0)).member_id == behind
    assert "<b>1</b> anggota" in view.summary.text() and "Rp60.000" in view.summary.text()
    view.table.selectRow(0)
    view.open_selected()
    assert tab.pages.currentWidget() is tab.member_view and tab.savings.member_id == behind


def test_rates_are_set_by_the_chair_and_not_offered_to_a_clerk(qtbot, context, office):
    assert not _tab(qtbot, context, office.clerk).rates_button.isEnabled()
    dialog = dialogs.RateDialog(_as(context, office.manager))
    qtbot.addWidget(dialog)
    assert "Simpanan wajib mulai Januari 2026: <b>Rp10.000</b> per bulan" in dialog.form_.findChild(type(dialog.error_label)).text()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("wajib"))
    dialog.month_edit.setDate(date(2027, 1, 15))
    dialog.amount_edit.set_value(15_000)
    _save(dialog)
    assert dialog.result() == 1


def test_the_statement_of_a_period_opens_in_the_preview(qtbot, context, office, previews, monkeypatch):
    member = office.member()
    office.deposit(member, SavingsKind.SUKARELA, 25_000)
    tab = _tab(qtbot, context, office.clerk)
    tab._load(member)

    def choose(dialog):
        dialog.from_edit.setDate(date(2026, 12, 1))
        _save(dialog)
        assert "tidak boleh sesudah" in dialog.error_label.text()
        dialog.from_edit.setDate(date(2026, 1, 1))
        _save(dialog)
        return dialog.result()

    monkeypatch.setattr(dialogs.StatementDialog, "exec", choose)
    tab.statement_button.click()
    assert previews == ["Rekening simpanan " + tab.savings.member_number]


def test_the_passbook_prints_the_new_lines_and_remembers_where_it_stopped(qtbot, context, office, previews, monkeypatch):
    from koperasi.gui.savings import tab as tab_module
    from koperasi.services.savings.passbook import passbook_print

    member = office.member()
    office.deposit(member, SavingsKind.SUKARELA, 25_000)
    office.deposit(member, SavingsKind.WAJIB, 10_000)
    tab = _tab(qtbot, context, office.clerk)
    tab._load(member)
    answers = [False, True]
    monkeypatch.setattr(tab_module, "confirm", lambda *args, **kwargs: answers.pop(0))
    tab.passbook_button.click()  # the clerk says the print went wrong: the book stays where it was
    tab.passbook_button.click()
    assert len(previews) == 2 and all(title.endswith("halaman 1, mulai baris 1") for title in previews)
    with context.database.session() as session:
        assert passbook_print(session, office.clerk, member).lines == ()
    office.deposit(member, SavingsKind.SUKARELA, 5_000)
    answers.append(True)
    tab.passbook_button.click()
    assert previews[-1].endswith("halaman 1, mulai baris 3")


def test_a_member_who_left_gets_the_savings_back_with_one_kwitansi(qtbot, context, office, previews, monkeypatch):
    from koperasi.db.models import Member
    from koperasi.services.members import register as members

    member = office.member()
    office.deposit(member, SavingsKind.POKOK, 100_000)
    office.deposit(member, SavingsKind.WAJIB, 100_000)
    tab = _tab(qtbot, context, office.clerk)
    tab._load(member)
    assert not tab.return_button.isEnabled()  # still a member: the return waits for the leaving
    with context.database.session() as session:
        version = session.get(Member, member).version
        members.record_leaving(session, office.admin, member, left_on=date(2026, 11, 25), reason="Pindah", expected_version=version)
    tab._load(member)
    assert tab.return_button.isEnabled() and not tab.deposit_button.isEnabled()

    def fill(dialog):
        _save(dialog)
        return dialog.result()

    monkeypatch.setattr(dialogs.ReturnSavingsDialog, "exec", fill)
    tab.return_button.click()
    assert tab.savings.total == 0 and not tab.return_button.isEnabled()
    assert previews and previews[0].startswith("Kwitansi KW/PAU/2026/")


def test_the_chair_starts_a_new_passbook_after_an_indonesian_question(qtbot, context, office, previews, monkeypatch):
    from koperasi.gui.savings import tab as tab_module
    from koperasi.services.savings.passbook import passbook_print

    member = office.member()
    office.deposit(member, SavingsKind.SUKARELA, 25_000)
    clerk_tab = _tab(qtbot, context, office.clerk)
    clerk_tab._load(member)
    assert not clerk_tab.new_book_button.isVisibleTo(clerk_tab) and not clerk_tab.paper_button.isEnabled()
    questions, answers = [], [True, False, True]
    monkeypatch.setattr(tab_module, "confirm", lambda parent, title, question, **kw: questions.append(question) or answers.pop(0))
    clerk_tab.passbook_button.click()
    assert previews[-1].endswith("(buku ke-1): halaman 1, mulai baris 1")
    tab = _tab(qtbot, context, office.manager)
    tab._load(member)
    assert tab.new_book_button.isEnabled()
    tab.new_book_button.click()  # the chair thinks again: nothing moves
    tab.new_book_button.click()
    assert questions[1].startswith("Mulai buku simpanan baru (buku ke-2) untuk Siti Aminah")
    office.deposit(member, SavingsKind.SUKARELA, 5_000)
    with context.database.session() as session:
        job = passbook_print(session, office.clerk, member)
    assert (job.book, job.lines[0].page, job.lines[0].line) == (2, 1, 1)


def test_the_passbook_paper_is_calibrated_in_a_dialog_with_indonesian_messages(qtbot, context, office):
    import os

    from koperasi.domain.savings.papers import PASSBOOK_LINES, PASSBOOK_TOP_MM
    from koperasi.services.office.settings import value_of

    dialog = dialogs.PassbookPaperDialog(_as(context, office.manager))
    qtbot.addWidget(dialog)
    dialog.resize(1024, 768)
    dialog.show()
    top, lines = dialog.spins[PASSBOOK_TOP_MM.key], dialog.spins[PASSBOOK_LINES.key]
    assert (top.value(), lines.value()) == (0, 20)
    top.setValue(4)
    lines.setValue(70)
    _save(dialog)
    assert dialog.error_label.text() == "Jumlah baris per halaman buku simpanan harus 5–60." and dialog.isVisible()
    assert dialog.focusWidget() is lines
    with context.database.session() as session:  # one transaction: the offset waits with the refused line count
        assert value_of(session, PASSBOOK_TOP_MM) == 0
    if shots := os.environ.get("KOPERASI_SAVINGS_SHOTS"):
        dialog.grab().save(os.path.join(shots, "savings-passbook-paper.png"))
    lines.setValue(24)
    _save(dialog)
    assert dialog.result() == 1
    with context.database.session() as session:
        assert (value_of(session, PASSBOOK_TOP_MM), value_of(session, PASSBOOK_LINES)) == (4, 24)
