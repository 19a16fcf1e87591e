"""Pengaturan → Catatan audit: the latest events, for the admin and the manager."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from koperasi.domain.office.audit import ACTION_LABELS, ENTITY_LABELS, describe_change
from koperasi.domain.dates import format_datetime
from koperasi.gui.context import AppContext
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.domain.money import format_rupiah
from koperasi.gui.columns import fit_columns
from koperasi.gui.messages import WARNING_STYLE
from koperasi.gui.tables import TipTableModel, make_table
from koperasi.services.office.new_account_approvals import NewAccountApproval, approvals_by_new_accounts
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
            days, flagged = approvals_by_new_accounts(session, context.actor)
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
        self._add_new_account_approvals(layout, days, flagged)
        layout.addWidget(note)
        layout.addWidget(table)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 520)

    def _add_new_account_approvals(self, layout: QVBoxLayout, days: int, flagged: list[NewAccountApproval]) -> None:
        """Approvals by accounts made shortly before the application or request: four eyes may be one person."""
        title = QLabel(objectName="newAccountApprovalsLabel")
        title.setWordWrap(True)
        layout.addWidget(title)
        if flagged:
            title.setText(self.tr("<b>Perhatikan:</b> {count} persetujuan oleh akun yang dibuat {days} hari atau kurang sebelum "
                                  "pengajuannya. Pastikan penyetuju memang orang lain, bukan akun kedua si pengaju.").format(
                count=len(flagged), days=days))
            title.setStyleSheet(WARNING_STYLE)
        else:
            title.setText(self.tr("Tidak ada persetujuan oleh akun yang dibuat {days} hari atau kurang sebelum pengajuannya.").format(days=days))
        model: ListTableModel[NewAccountApproval] = TipTableModel(
            [
                Column(self.tr("Diajukan"), lambda a: format_datetime(a.asked_at.astimezone())),
                Column(self.tr("Pengaju"), lambda a: a.asked_by),
                Column(self.tr("Yang disetujui"), lambda a: a.what),
                Column(self.tr("Jumlah"), lambda a: format_rupiah(a.amount), align_right=True),
                Column(self.tr("Penyetuju"), lambda a: a.approved_by),
                Column(self.tr("Akun penyetuju dibuat"), lambda a: format_datetime(a.account_created_at.astimezone())),
            ],
            flagged,
            parent=self,
        )
        table = make_table("newAccountApprovalsTable", model)
        table.setMaximumHeight(140)
        table.setVisible(bool(flagged))
        fit_columns(table, stretch=2)
        layout.addWidget(table)

