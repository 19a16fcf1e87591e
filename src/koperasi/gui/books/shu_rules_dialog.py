"""Pengaturan → Pembagian SHU… (and Aturan SHU… in Tutup buku & SHU): the AD/ART's eight parts, which must sum to
exactly 100 % (the sum is shown as the chair types, with a message at the parts while it is not), what jasa modal
is shared by, and which dealings count for jasa usaha. Saved together through services/books/shu.change_shu_rules."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from koperasi.domain.books.rules import WHOLE, BusinessSource, CapitalBasis, ShuPart, ShuShares, format_share
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.gui.messages import set_inline_error
from koperasi.services.books import shu


def _basis_points(spin: QDoubleSpinBox) -> int:
    return round(spin.value() * 100)


class ShuRulesDialog(FormDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        with context.database.session() as session:
            self.rules = shu.shu_rules(session, context.actor)
        self.form_ = FieldForm(self.tr(
            "Pembagian SHU menurut AD/ART yang diputuskan RAT. Berlaku untuk SHU yang dibagi sesudah ini; tahun yang "
            "sudah dibagi tetap memakai pembagiannya. Setiap perubahan dicatat di catatan audit."))
        parts_box = QGroupBox(self.tr("Bagian SHU (jumlahnya harus tepat 100 %)"))
        parts = QVBoxLayout(parts_box)
        parts_form = FieldForm()
        self.part_spins: dict[ShuPart, QDoubleSpinBox] = {}
        for part in ShuPart:
            spin = QDoubleSpinBox(objectName=f"shuPart_{part.value}")
            spin.setRange(0, 100)
            spin.setDecimals(2)
            spin.setSuffix(" %")
            spin.setValue(self.rules.shares.of(part) / 100)
            spin.valueChanged.connect(self._show_total)
            self.part_spins[part] = parts_form.add(part.label + ":", spin)
        parts.addWidget(parts_form)
        self.total_label = QLabel(objectName="shuPartsTotal")
        self.total_label.setWordWrap(True)
        parts.addWidget(self.total_label)
        self.form_.layout_.addRow(parts_box)
        self.form_.name_field("shares", self.part_spins[ShuPart.RESERVE])

        self.basis_combo = QComboBox(objectName="shuCapitalBasisCombo")
        for basis in CapitalBasis:
            self.basis_combo.addItem(basis.label, basis.value)
        self.basis_combo.setCurrentIndex(self.basis_combo.findData(self.rules.capital_basis.value))
        self.form_.add(self.tr("Dasar &jasa modal:"), self.basis_combo, "capital_basis")
        sources = QWidget()
        sources_layout = QHBoxLayout(sources)
        sources_layout.setContentsMargins(0, 0, 0, 0)
        self.source_checks: dict[BusinessSource, QCheckBox] = {}
        for source in BusinessSource:
            check = QCheckBox(source.label, objectName=f"shuSource_{source.value}")
            check.setChecked(source in self.rules.sources)
            sources_layout.addWidget(check)
            self.source_checks[source] = check
        sources_layout.addStretch(1)
        self.form_.add(self.tr("Dihitung untuk jasa &usaha:"), sources)
        self.form_.name_field("sources", self.source_checks[BusinessSource.SALES])
        super().__init__(self.form_, object_name="shuRulesDialog", width=620, parent=parent)
        self.setWindowTitle(self.tr("Pembagian SHU menurut AD/ART"))
        self.context = context
        self._show_total()

    def shares(self) -> ShuShares:
        return ShuShares.of_parts({part: _basis_points(spin) for part, spin in self.part_spins.items()})

    def _show_total(self) -> None:
        total = sum(self.shares().basis_points)
        if total == WHOLE:
            self.total_label.setStyleSheet("")
            self.total_label.setText(self.tr("Jumlah: <b>{total}</b>").format(total=format_share(total)))
        else:
            gap = (self.tr("kurang {part}") if total < WHOLE else self.tr("lebih {part}")).format(
                part=format_share(abs(WHOLE - total)))
            set_inline_error(self.total_label, self.tr(
                "Jumlah {total} ({gap}): bagian SHU harus berjumlah tepat 100 %.").format(total=format_share(total), gap=gap))

    def save(self) -> None:
        with self.context.database.session() as session:
            shu.change_shu_rules(
                session, self.context.actor, shares=self.shares(),
                capital_basis=CapitalBasis(self.basis_combo.currentData()),
                sources=frozenset(source for source, check in self.source_checks.items() if check.isChecked()),
                expected_versions=self.rules.versions,
            )
