"""Pengaturan > Jaringan (rujukan): the days after which a referral without news waits for the clerk."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import select

from koperasi.db.models import AuditEvent
from koperasi.domain.office.settings import REFERRAL_FOLLOW_UP_DAYS
from koperasi.gui.context import AppContext
from koperasi.gui.network.referrals_page import ReferralsPage
from koperasi.gui.network.settings_dialog import NetworkSettingsDialog
from koperasi.services.office import profile as office_profile
from koperasi.services.office.settings import value_of
from tests.network_support import network_office
from tests.support import set_up_office

SHOTS = os.environ.get("KOPERASI_NETWORK_SHOTS")


@pytest.fixture
def net(sqlite_db):
    return network_office(sqlite_db, set_up_office(sqlite_db))


def _context(net, actor) -> AppContext:
    with net.db.session() as session:
        return AppContext(database=net.db, actor=actor, office=office_profile.current_office(session))


def test_the_referral_days_are_checked_in_indonesian_saved_audited_and_shown_on_the_referrals_page(qtbot, net):
    context = _context(net, net.clerk)
    page = ReferralsPage(context)
    qtbot.addWidget(page)
    assert page.waiting_only.text() == "Hanya yang belum ada kabar sesudah 14 hari"
    dialog = NetworkSettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.resize(1024, 768)
    dialog.show()
    assert dialog.days.value() == 14
    dialog.days.setValue(400)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.error_label.text() == "Batas hari rujukan tanpa hasil harus 1–365 hari." and dialog.isVisible()
    assert dialog.focusWidget() is dialog.days
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "network-settings.png"))
    dialog.days.setValue(21)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    with net.db.session() as session:
        assert value_of(session, REFERRAL_FOLLOW_UP_DAYS) == 21
        [event] = session.scalars(select(AuditEvent).where(AuditEvent.action == "setting_changed",
                                                           AuditEvent.entity_id == REFERRAL_FOLLOW_UP_DAYS.key)).all()
    assert event.after == {REFERRAL_FOLLOW_UP_DAYS.label: "21 hari"}
    page.reload()
    assert page.waiting_only.text() == "Hanya yang belum ada kabar sesudah 21 hari"


def test_a_treasurer_who_may_not_publish_opportunities_is_refused_in_indonesian(qtbot, net):
    dialog = NetworkSettingsDialog(_context(net, net.office.loans.treasurer))
    qtbot.addWidget(dialog)
    dialog.days.setValue(7)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.error_label.text() == "Peran Anda (Bendahara) tidak berwenang untuk mengumumkan dan mengubah peluang di papan peluang."
    with net.db.session() as session:
        assert value_of(session, REFERRAL_FOLLOW_UP_DAYS) == 14
