"""Daftarkan kantor… (the fingerprint typed from the office's paper sheet) and what Terima paket did with each file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.services.district.receiving import ImportResult, Outcome, register_office


def tr(text: str) -> str:
    return QCoreApplication.translate("RegisterOfficeDialog", text)


class RegisterOfficeDialog(FormDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.context = context
        form = FieldForm(tr("Ketik sidik kunci persis seperti tercetak di lembar pendaftaran yang "
                                            "dikirim kantor (spasi tidak perlu). Paket dari kunci lain akan ditolak."))
        self.label_edit = form.add(tr("&Nama kantor:"), QLineEdit(objectName="registerOfficeName"), "label")
        self.fingerprint_edit = form.add(tr("&Sidik kunci:"),
                                         QLineEdit(objectName="registerOfficeFingerprint"), "fingerprint")
        self.label_edit.setMaxLength(120)
        self.label_edit.setPlaceholderText("Koperasi Berdaya Pauh")
        self.fingerprint_edit.setMaxLength(60)
        self.fingerprint_edit.setPlaceholderText("35F6 A943 CA6D 779E 6F92 E12B 1A34 381E 236E 4FBA")
        super().__init__(form, object_name="registerOfficeDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Daftarkan kantor"))

    def save(self) -> None:
        with self.context.database.session() as session:
            register_office(session, self.context.actor, fingerprint=self.fingerprint_edit.text(),
                            label=self.label_edit.text())


class ImportResultsDialog(QDialog):
    """Each file with what happened to it: taken in, already held, or refused and why."""

    def __init__(self, results: list[ImportResult], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importResultsDialog")
        self.setWindowTitle(self.tr("Terima paket"))
        counts = {outcome: sum(result.outcome is outcome for result in results) for outcome in Outcome}
        self.summary = summary = QLabel(self.tr("{total} paket: {accepted} diterima, {unchanged} sudah ada sebelumnya, {refused} ditolak.")
                         .format(total=len(results), accepted=counts[Outcome.ACCEPTED],
                                 unchanged=counts[Outcome.UNCHANGED], refused=counts[Outcome.REFUSED]), wordWrap=True)
        if not results:
            summary.setText(self.tr("Tidak ada berkas paket laporan (*.paket-laporan) di folder itu."))
        self.details = details = QPlainTextEdit(objectName="importResultsText", readOnly=True)
        details.setPlainText("\n\n".join(
            f"{result.outcome.value.upper()} — {result.file}\n{(result.office + ': ') if result.office else ''}{result.reason}"
            for result in results
        ))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(details, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 420)


def show_results(parent: QWidget, results: list[ImportResult]) -> None:
    ImportResultsDialog(results, parent).exec()
