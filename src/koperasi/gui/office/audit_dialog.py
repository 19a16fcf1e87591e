"""Pengaturan → Catatan audit: the latest events, for the admin and the manager."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from koperasi.domain.office.audit import ACTION_LABELS, ENTITY_LABELS, describe_change
from koperasi.domain.dates import format_datetime
from koperasi.gui.context import AppContext
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.services.office import audit
from koperasi.services.office.audit import AuditEntry

SHOWN_EVENTS = 500


class AuditDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Catatan audit"))
        with context.database.session() as session:
            events = audit.recent_events(session, context.actor, limit=SHOWN_EVENTS)
        self.model: ListTableModel[AuditEntry] = ListTableModel(
            [
                Column(self.tr("Waktu"), lambda e: format_datetime(e.occurred_at.astimezone())),
                Column(self.tr("Pengguna"), lambda e: e.username),
                Column(self.tr("Tindakan"), lambda e: ACTION_LABELS.get(e.action, e.action)),
                Column(self.tr("Data"), lambda e: ENTITY_LABELS.get(e.entity, e.entity)),
                Column(self.tr("Perubahan"), lambda e: describe_change(e.before, e.after)),
            ],
            events,
            parent=self,
        )
        table = QTableView()
        table.setObjectName("auditTable")
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(self.tr("{count} kejadian terakhir, terbaru di atas. Catatan ini tidak dapat diubah atau dihapus.").format(count=len(events)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(table)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 520)

