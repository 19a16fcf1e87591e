"""fit_columns: the stretch column takes the room left, and never shrinks below its minimum."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from koperasi.gui.columns import NAME_MINIMUM, fit_columns
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.tables import make_table

LONG = "Informasi pelatihan menjahit di BLK Sarolangun dan pendaftaran PKH untuk ibu-ibu"


def _table(qtbot, width: int):
    holder = QWidget()
    qtbot.addWidget(holder)
    model = ListTableModel([Column("Tanggal", lambda r: r[0]), Column("Topik", lambda r: r[1]), Column("Penyelenggara", lambda r: r[2]),
                            Column("Fasilitator", lambda r: r[3])], parent=holder)
    table = make_table("table", model)
    QVBoxLayout(holder).addWidget(table)
    holder.resize(width, 300)
    holder.show()
    return holder, model, table


def test_a_list_fitted_while_empty_keeps_the_stretch_columns_minimum_once_rows_come(qtbot):
    _holder, model, table = _table(qtbot, 420)
    fit_columns(table, stretch=1)  # an empty list first (a new office, a year without meetings)
    rows = [("20/11/2026", LONG, "Kelompok Usaha Perempuan Mawar Desa Perdamaian", "Ibu Rahmawati Kusumaningsih, S.Pd.")]
    model.set_rows(rows)
    fit_columns(table, stretch=1)
    assert table.columnWidth(1) >= NAME_MINIMUM  # the topic is not squeezed to the header's "Topik"


def test_rows_loaded_into_a_list_fitted_empty_get_the_minimum_when_the_window_narrows(qtbot):
    _holder, model, table = _table(qtbot, 900)
    fit_columns(table, stretch=1)
    model.set_rows([("20/11/2026", LONG, "KUP Mawar", "Ibu Rahma")])
    _holder.resize(300, 300)
    qtbot.waitUntil(lambda: table.viewport().width() < 300)
    assert table.columnWidth(1) >= NAME_MINIMUM


def test_a_short_stretch_column_is_not_widened_to_the_minimum_when_the_rows_are_narrow(qtbot):
    _holder, model, table = _table(qtbot, 300)
    model.set_rows([("20/11/2026", "Rapat", "KUP Mawar", "Ibu Rahma")])
    fit_columns(table, stretch=1)
    assert table.columnWidth(1) < NAME_MINIMUM
