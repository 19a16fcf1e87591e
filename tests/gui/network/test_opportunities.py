"""Papan peluang and Rujukan: a clerk publishes an opportunity, opens who should hear of it, refers one person,
copies the WhatsApp text, records the outcome and prints the letter; the member panel shows it all."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from koperasi.domain.members.register import MemberInput
from koperasi.domain.network.opportunities import Outcome
from koperasi.domain.people import Sex
from koperasi.gui.context import AppContext
from koperasi.gui.network.eligible_dialog import EligibleDialog
from koperasi.gui.network.opportunity_dialog import OpportunityDialog
from koperasi.gui.network.referral_dialogs import OutcomeDialog, ReferDialog
from koperasi.gui.network.tab import NetworkTab
from koperasi.services.members import register as members
from koperasi.services.network import referrals
from koperasi.services.office import profile as office_profile
from tests.network_support import network_office
from tests.support import set_up_office
from tests.training_support import SINGKUT

SHOTS = os.environ.get("KOPERASI_NETWORK_SHOTS")


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


@pytest.fixture
def net(sqlite_db):
    return network_office(sqlite_db, set_up_office(sqlite_db))


def _member(net, name, occupation="Petani"):
    with net.db.session() as session:
        return members.register_member(session, net.office.admin, MemberInput(
            full_name=name, sex=Sex.FEMALE, birth_date=date(1990, 1, 1), desa_id=str(net.office.loans.desa_id),
            join_date=date(2024, 1, 2), occupation=occupation, phone="081234567890"), accept_warnings=True).id


def test_publish_find_who_should_hear_refer_and_record_the_outcome(qtbot, net, monkeypatch):
    siti = _member(net, "Siti Aminah")
    _member(net, "Rahmawati")
    _member(net, "Dewi Sartika", occupation="Guru")
    with net.db.session() as session:
        context = AppContext(database=net.db, actor=net.clerk, office=office_profile.current_office(session))
    tab = NetworkTab(context)
    qtbot.addWidget(tab)
    tab.resize(1000, 640)
    tab.show()
    page = tab.opportunities_page
    tab.pages.setCurrentWidget(page)
    assert "Tidak ada peluang yang masih dibuka" in page.empty_note.text()

    dialog = OpportunityDialog(context, None, page)
    qtbot.addWidget(dialog)
    form = dialog.opportunity_form
    form.title.setText("Kelas pupuk organik di BPP Singkut")
    form.provider.setText("BPP Singkut")
    form.contact.setText("Pak Hendra 0812-1111-2222")
    form.deadline.setDate(date(2026, 12, 20))
    form.kind.setCurrentIndex(1)
    _shot(dialog, "opportunity-dialog")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "Tentukan siapa yang boleh" in dialog.error_label.text() and form.currentIndex() == 1
    form.kecamatan.setCurrentIndex(form.kecamatan.findData(SINGKUT))
    form.livelihood.setText("tani")
    _shot(dialog, "opportunity-dialog-who")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.saved is not None
    page.reload(select=dialog.saved)
    assert page.model.rowCount() == 1 and "pekerjaan “tani”" in page.detail.text()
    QApplication.processEvents()
    assert page.table.horizontalScrollBar().maximum() == 0  # at 1024 px every column shows, Status included
    _shot(tab, "network-opportunities")

    page.whatsapp_button.click()
    assert QGuiApplication.clipboard().text().startswith("*PELATIHAN DI TEMPAT LAIN: Kelas pupuk organik di BPP Singkut*")

    eligible = EligibleDialog(context, page.view, page)
    qtbot.addWidget(eligible)
    eligible.show()
    assert eligible.proxy.rowCount() == 2 and eligible.count_label.text() == "2 orang memenuhi syarat"
    qtbot.keyClicks(eligible.search, "siti")
    assert eligible.proxy.rowCount() == 1
    eligible.table.selectRow(0)
    _shot(eligible, "opportunity-eligible")
    monkeypatch.setattr(ReferDialog, "exec", lambda self: (self.buttons.button(self.buttons.StandardButton.Save).click(),
                                                          self.result())[1])
    eligible.refer_button.click()
    assert eligible.referred == 1

    referrals_page = tab.referrals_page
    tab.pages.setCurrentWidget(referrals_page)
    assert referrals_page.model.rowCount() == 1
    row = referrals_page.model.row(referrals_page.model.index(0, 0))
    outcome = OutcomeDialog(context, row, referrals_page)
    qtbot.addWidget(outcome)
    assert [outcome.outcome.itemData(i) for i in range(outcome.outcome.count())] == [
        Outcome.APPLIED, Outcome.ACCEPTED, Outcome.REJECTED, Outcome.DROPPED]  # no schooling outcomes for an adult
    outcome.outcome.setCurrentIndex(1)
    outcome.buttons.button(outcome.buttons.StandardButton.Save).click()
    assert outcome.error_label.text() == ""
    referrals_page.reload()
    _shot(tab, "network-referrals")
    with net.db.session() as session:
        [saved] = referrals.referrals(session, net.clerk, member_id=siti)
    assert saved.outcome is Outcome.ACCEPTED


def test_a_treasurer_reads_the_board_without_publishing_or_referring(qtbot, net):
    with net.db.session() as session:
        context = AppContext(database=net.db, actor=net.office.loans.treasurer, office=office_profile.current_office(session))
    tab = NetworkTab(context)
    qtbot.addWidget(tab)
    page = tab.opportunities_page
    assert not page.new_button.isVisibleTo(tab) and not page.edit_button.isVisibleTo(tab)
    assert page.eligible_button.isVisibleTo(page) and page.notice_button.isVisibleTo(page)
    assert not tab.referrals_page.outcome_button.isVisibleTo(tab.referrals_page)


def test_the_eligible_list_narrows_by_kecamatan_desa_category_and_sex_and_saves_what_it_shows(qtbot, net, monkeypatch, tmp_path):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from koperasi.services.network import opportunities
    from tests.network_support import opportunity_input

    _member(net, "Siti Aminah")
    _member(net, "Rahmawati")
    with net.db.session() as session:
        members.register_member(session, net.office.admin, MemberInput(
            full_name="Budi Santoso", sex=Sex.MALE, birth_date=date(1985, 1, 1), desa_id=str(net.office.loans.desa_id),
            join_date=date(2024, 1, 2), occupation="Petani"), accept_warnings=True)
        opportunity = opportunities.publish_opportunity(session, net.clerk, opportunity_input(livelihood="tani"))
        context = AppContext(database=net.db, actor=net.clerk, office=office_profile.current_office(session))
        view = opportunities.get_opportunity(session, net.clerk, opportunity)
    dialog = EligibleDialog(context, view)
    qtbot.addWidget(dialog)
    dialog.resize(1024, 768)
    dialog.show()
    assert dialog.proxy.rowCount() == 3 and not dialog.desa_filter.isEnabled()
    dialog.sex_filter.setCurrentIndex(dialog.sex_filter.findText("Perempuan"))
    assert dialog.proxy.rowCount() == 2 and dialog.count_label.text() == "2 orang memenuhi syarat"
    dialog.kecamatan_filter.setCurrentIndex(dialog.kecamatan_filter.findData(SINGKUT))
    assert dialog.desa_filter.isEnabled() and dialog.proxy.rowCount() == 2
    _shot(dialog, "opportunity-eligible-filters")
    dialog.category_filter.setCurrentIndex(dialog.category_filter.findData("petani_kecil"))
    assert dialog.proxy.rowCount() == 0 and "saringan" in dialog.empty.text()
    dialog.category_filter.setCurrentIndex(0)
    target = tmp_path / "perlu-tahu.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    monkeypatch.setattr("koperasi.gui.breakdown_view.show_info", lambda *args: None)
    dialog.xlsx_button.click()
    names = [row[1] for row in load_workbook(target).active.iter_rows(min_row=7, values_only=True)]
    assert names == ["Rahmawati", "Siti Aminah"]
