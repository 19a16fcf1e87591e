"""Pengaturan → Pembagian SHU… and Aturan SHU… in Tutup buku & SHU: the parts' sum shown as the chair types,
a refusal in Indonesian at the parts, the basis and the sources, saved together and previewed at once."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QDialogButtonBox

from koperasi.domain.books.rules import SHU_BUSINESS_SOURCES, SHU_CAPITAL_BASIS, SHU_SHARES, BusinessSource, CapitalBasis, ShuPart
from koperasi.gui.books.shu_rules_dialog import ShuRulesDialog
from koperasi.gui.books.year_end_dialog import YearEndDialog
from koperasi.gui.context import AppContext
from koperasi.services.office.settings import value_of
from tests.books_support import books_office

SHOTS = os.environ.get("KOPERASI_BOOKS_SHOTS")


def _as(context, actor):
    return AppContext(database=context.database, actor=actor, office=context.office)


def _save(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_the_parts_must_sum_to_100_percent_as_the_chair_types(qtbot, context):
    books = books_office(context.database, context.actor)
    dialog = ShuRulesDialog(_as(context, books.office.manager))
    qtbot.addWidget(dialog)
    dialog.resize(1024, 768)
    dialog.show()
    assert dialog.total_label.text() == "Jumlah: <b>100 %</b>"
    dialog.part_spins[ShuPart.RESERVE].setValue(30)
    assert dialog.total_label.text() == "Jumlah 105 % (lebih 5 %): bagian SHU harus berjumlah tepat 100 %."
    dialog.part_spins[ShuPart.BUSINESS].setValue(17.5)
    assert dialog.total_label.text() == "Jumlah 97,5 % (kurang 2,5 %): bagian SHU harus berjumlah tepat 100 %."
    _save(dialog)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Persentase pembagian SHU harus berjumlah tepat 100 % (sekarang 97,5 %)."
    assert dialog.focusWidget() is dialog.part_spins[ShuPart.RESERVE]
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "shu-rules.png"))
    dialog.part_spins[ShuPart.BUSINESS].setValue(20)
    assert dialog.total_label.text() == "Jumlah: <b>100 %</b>"
    dialog.basis_combo.setCurrentIndex(dialog.basis_combo.findData(CapitalBasis.AVERAGE.value))
    dialog.source_checks[BusinessSource.SALES].setChecked(False)
    _save(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    with context.database.session() as session:
        assert value_of(session, SHU_SHARES).of(ShuPart.RESERVE) == 3000
        assert value_of(session, SHU_SHARES).of(ShuPart.BUSINESS) == 2000
        assert value_of(session, SHU_CAPITAL_BASIS) is CapitalBasis.AVERAGE
        assert set(value_of(session, SHU_BUSINESS_SOURCES)) == {BusinessSource.ADMIN_FEES}


def test_closing_with_typed_parts_asks_before_losing_them(qtbot, context, monkeypatch):
    books = books_office(context.database, context.actor)
    dialog = ShuRulesDialog(_as(context, books.office.manager))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.has_unsaved_changes()
    dialog.part_spins[ShuPart.SOCIAL].setValue(6)
    assert dialog.has_unsaved_changes()


def test_the_year_end_dialog_opens_the_rules_for_the_chair_only(qtbot, context, monkeypatch):
    books = books_office(context.database, context.actor)
    treasurer = YearEndDialog(_as(context, books.office.treasurer))
    qtbot.addWidget(treasurer)
    assert treasurer.rules_button.isHidden()
    chair = YearEndDialog(_as(context, books.office.manager))
    qtbot.addWidget(chair)
    assert not chair.rules_button.isHidden()
    opened = []
    monkeypatch.setattr(ShuRulesDialog, "exec", lambda self: opened.append(self.windowTitle()) or 1)
    reloads = []
    monkeypatch.setattr(chair, "reload", lambda: reloads.append(True))
    chair.rules_button.click()
    assert opened == ["Pembagian SHU menurut AD/ART"] and reloads == [True]
