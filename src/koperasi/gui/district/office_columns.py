"""The figures both district screens compare offices by (Beranda's comparison table, the Kabupaten tab's list):
one definition, so a rate means the same and carries the same explanation on both."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from koperasi.domain.district.figures import OfficeLine
from koperasi.domain.money import format_rupiah, percent
from koperasi.gui import glossary
from koperasi.gui.dashboard.cards import thousands
from koperasi.gui.list_model import Column


def figure(line: OfficeLine, show: Callable) -> str:
    """One of the office's own figures, or "—" before its first packet."""
    return show(line.figures) if line.figures is not None else "—"


def comparison_columns(*, narrow: bool) -> list[Column[OfficeLine]]:
    """PAR30, collection this month, people trained and sales this year; ``narrow``: headers on two lines,
    for a table of many columns that must fit 1024 px."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("DistrictOfficeColumns", text)

    return [
        Column(tr("PAR30"), lambda line: figure(line, lambda f: percent(f.par30)), align_right=True, tip=glossary.par30()),
        Column(tr("Penagihan\nbulan ini") if narrow else tr("Penagihan bulan ini"),
               lambda line: figure(line, lambda f: percent(f.collection_rate)), align_right=True,
               tip=tr("Angsuran tertagih dibanding angsuran jatuh tempo sejak awal bulan.")),
        Column(tr("Peserta\npelatihan") if narrow else tr("Peserta pelatihan"),
               lambda line: figure(line, lambda f: thousands(f.trained_in_year)), align_right=True,
               tip=tr("Orang yang ikut pelatihan tahun ini.")),
        Column(tr("Penjualan\ntahun ini") if narrow else tr("Penjualan tahun ini"),
               lambda line: figure(line, lambda f: format_rupiah(f.sales_in_year)), align_right=True),
    ]
