from __future__ import annotations

from PySide6.QtCore import Qt

from koperasi.gui.on_demand_combo import OnDemandCombo


def test_the_choices_are_read_when_the_clerk_first_reaches_for_the_list(qtbot):
    reads = []
    groups = [("Kelompok Tani Maju", "a"), ("KWT Mawar", "b")]

    def choices():
        reads.append(1)
        return list(groups)

    combo = OnDemandCombo("Semua kelompok", choices)
    qtbot.addWidget(combo)
    changes = []
    combo.currentIndexChanged.connect(changes.append)
    assert combo.count() == 1 and combo.currentText() == "Semua kelompok" and reads == []
    combo.showPopup()
    combo.hidePopup()
    assert [combo.itemText(i) for i in range(combo.count())] == ["Semua kelompok", "Kelompok Tani Maju", "KWT Mawar"]
    combo.showPopup()
    combo.hidePopup()
    assert len(reads) == 1 and changes == []  # read once; filling is not a choice
    combo.setCurrentIndex(2)
    groups.insert(0, ("Baru", "c"))
    combo.refresh()
    assert combo.count() == 3 and len(reads) == 1  # read again only when needed
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # the key moves through the new list, from the same choice
    assert len(reads) == 2 and combo.currentData() == "a"


def test_a_choice_that_is_gone_falls_back_to_the_first_item_quietly(qtbot):
    groups = [("KWT Mawar", "b")]
    combo = OnDemandCombo("Semua kelompok", lambda: list(groups))
    qtbot.addWidget(combo)
    combo.fill()
    combo.setCurrentIndex(1)
    changes = []
    combo.currentIndexChanged.connect(changes.append)
    groups.clear()
    combo.refresh()
    combo.fill()
    assert combo.count() == 1 and combo.currentData() is None and changes == []
