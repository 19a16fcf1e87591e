"""A term a new clerk may not know (PAR30, Kolektibilitas, Umur tunggakan, Plafon, Tenor...)
explains itself in plain Indonesian when the mouse rests on its column header or label."""

from __future__ import annotations

from PySide6.QtCore import Qt

from koperasi.gui.loans.arrears_view import ArrearsView
from koperasi.gui.loans.funds_dialog import FundsDialog, ProductDialog
from koperasi.gui.loans.table_model import LoanTableModel

TIP = Qt.ItemDataRole.ToolTipRole


def header_tips(model) -> dict[str, str]:
    return {
        model.headerData(section, Qt.Orientation.Horizontal): model.headerData(section, Qt.Orientation.Horizontal, TIP)
        for section in range(model.columnCount())
    }


def test_arrears_columns_and_the_par_figure_explain_their_terms(qtbot, context):
    view = ArrearsView(context)
    qtbot.addWidget(view)
    late = header_tips(view.late_model)
    assert "terlambat lebih dari 30 hari" in header_tips(view.breakdown_model)["PAR30"]
    assert "OJK" in late["Kolektibilitas"] and "Macet" in late["Kolektibilitas"]
    assert "jatuh tempo" in late["Tunggakan"] and "dikelompokkan" in late["Umur"]
    assert "dikelompokkan" in header_tips(view.bucket_model)["Umur tunggakan"]
    assert "PAR30" in view.par_label.toolTip()
    assert late["Anggota"] is None  # plain words need no explanation


def test_products_explain_plafon_and_tenor_in_the_list_and_the_form(qtbot, context):
    dialog = FundsDialog(context)
    qtbot.addWidget(dialog)
    tips = header_tips(dialog.product_model)
    assert "batas jumlah pinjaman" in tips["Plafon"] and "kali angsuran" in tips["Tenor"]
    form = ProductDialog(context, [], None)
    qtbot.addWidget(form)
    assert "batas jumlah pinjaman" in form.max_amount.toolTip() and "kali angsuran" in form.max_term.toolTip()


def test_the_loan_list_explains_pokok_and_sisa(qtbot):
    model = LoanTableModel(lambda where, offset, limit: None, parent=None)
    tips = header_tips(model)
    assert "dipinjam" in tips["Pokok"] and "belum dibayar" in tips["Sisa"] and tips["Nomor"] is None
