"""Pengaturan → Wilayah with the official list: neighbours, a newer file, desa the list does not hold."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from koperasi.gui.office import regions_dialog as module
from koperasi.gui.office.regions_dialog import NeighbourRegionDialog, RegionsDialog
from koperasi.services.office import regions


def _items(dialog) -> list[str]:
    return [dialog.form.kecamatanList.item(row).text() for row in range(dialog.form.kecamatanList.count())]


def test_a_desa_of_a_neighbouring_kabupaten_is_added_from_the_official_list(qtbot, context):
    add = NeighbourRegionDialog(context)
    qtbot.addWidget(add)
    form = add.form
    assert form.provinceCombo.currentText() == "Jambi"  # the office's own province first
    assert form.neighbourKabupatenCombo.findText("Kab. Sarolangun") < 0  # its own kecamatan are there already
    form.neighbourKabupatenCombo.setCurrentIndex(form.neighbourKabupatenCombo.findText("Kab. Merangin"))
    form.neighbourKecamatanCombo.setCurrentIndex(form.neighbourKecamatanCombo.findText("Bangko"))
    form.neighbourDesaCombo.setCurrentIndex(form.neighbourDesaCombo.findText("Pasar Bangko (kelurahan)"))
    form.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assert add.result() == NeighbourRegionDialog.DialogCode.Accepted

    dialog = RegionsDialog(context)
    qtbot.addWidget(dialog)
    assert _items(dialog)[-1] == "Bangko, Kab. Merangin (1)" and len(_items(dialog)) == 12
    dialog.form.kecamatanList.setCurrentRow(11)
    assert [dialog.model.index(0, c).data() for c in range(3)] == ["Pasar Bangko", "Kelurahan", "15.02.02.1010"]

    again = NeighbourRegionDialog(context)
    qtbot.addWidget(again)
    again.form.neighbourKabupatenCombo.setCurrentIndex(again.form.neighbourKabupatenCombo.findText("Kab. Merangin"))
    again.form.neighbourKecamatanCombo.setCurrentIndex(again.form.neighbourKecamatanCombo.findText("Bangko"))
    again.form.neighbourDesaCombo.setCurrentIndex(again.form.neighbourDesaCombo.findText("Pasar Bangko (kelurahan)"))
    again._save()
    assert "sudah ada" in again.form.errorLabel.text() and again.result() == 0


def test_names_are_updated_from_a_newer_file_after_the_clerk_agrees(qtbot, context, monkeypatch, tmp_path):
    with context.database.session() as session:
        bernai = regions.add_desa(session, context.actor, "15.03.03", name="Bernai")
        regions.add_desa(session, context.actor, "15.03.03", name="Kampung Khayalan")
    newer = tmp_path / "wilayah-2026.csv"
    newer.write_text("kode,nama\n15.03.03,Sarolangun\n15.03.03.2002,Bernai Jaya\n15.03.03.2003,Sungai Baung\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(newer), ""))
    told = []
    monkeypatch.setattr(module, "show_info", lambda parent, title, message: told.append(message))
    dialog = RegionsDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.form.unmatchedLabel.text() == "Tidak ditemukan di data resmi: Kampung Khayalan (Sarolangun)"
    asked = []
    monkeypatch.setattr(dialog, "ask_update", lambda plan: asked.append(plan) or True)
    dialog.form.updateNamesButton.click()
    assert [(r.old, r.new) for r in asked[0].renamed] == [("Bernai", "Bernai Jaya")]
    assert told == ["1 nama diperbarui, 1 desa/kelurahan ditambahkan. Anggota, kelompok dan laporan tetap pada wilayahnya."]
    with context.database.session() as session:
        names = {d.id: d.name for d in regions.list_desa(session, context.actor, "15.03.03")}
    assert names[bernai.id] == "Bernai Jaya" and "Sungai Baung" in names.values()


def test_a_file_of_another_format_is_refused_with_a_message(qtbot, context, monkeypatch, tmp_path):
    wrong = tmp_path / "anggota.csv"
    wrong.write_text("nama;alamat\nSiti;Pauh\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(wrong), ""))
    errors = []
    monkeypatch.setattr(module, "show_error", lambda parent, title, message: errors.append(message))
    dialog = RegionsDialog(context)
    qtbot.addWidget(dialog)
    dialog.form.updateNamesButton.click()
    assert errors == ["Berkas wilayah harus berkolom 'kode,nama' seperti data resmi Kemendagri."]


def test_about_names_the_region_data_source_and_shows_its_mit_notice(qtbot, sqlite_db):
    from PySide6.QtWidgets import QLabel, QPlainTextEdit

    from koperasi.gui.office.about_dialog import AboutDialog

    about = AboutDialog(sqlite_db)
    qtbot.addWidget(about)
    assert "Kepmendagri No 300.2.2-2138 Tahun 2025" in about.findChild(QLabel, "aboutText").text()
    notice = about.findChild(QPlainTextEdit, "aboutRegionNotice").toPlainText()
    assert "Copyright (c) 2017-2025 Cahya DSN" in notice and "THE SOFTWARE IS PROVIDED \"AS IS\"" in notice
