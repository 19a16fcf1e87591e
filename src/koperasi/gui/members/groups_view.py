"""Kelompok: the groups, their members and chair; create groups and add or remove members."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError
from koperasi.domain.members import GroupKind
from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.messages import confirm, show_error
from koperasi.services import groups, regions
from koperasi.services.groups import GroupMemberView, GroupView
from koperasi.services.member_search import MemberFilter, member_page


class GroupsView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupsView")
        self.context = context
        self.groups_model: ListTableModel[GroupView] = ListTableModel(
            [
                Column(self.tr("Nama kelompok"), lambda g: g.name),
                Column(self.tr("Jenis"), lambda g: g.kind.label),
                Column(self.tr("Desa"), lambda g: g.desa_name),
                Column(self.tr("Ketua"), lambda g: g.chair_name),
                Column(self.tr("Anggota"), lambda g: str(g.member_count), align_right=True),
            ],
            parent=self,
        )
        self.members_model: ListTableModel[GroupMemberView] = ListTableModel(
            [
                Column(self.tr("Nomor"), lambda m: m.number),
                Column(self.tr("Nama"), lambda m: m.full_name + (self.tr(" (ketua)") if m.is_chair else "")),
                Column(self.tr("Sejak"), lambda m: format_date(m.joined_on)),
            ],
            parent=self,
        )
        self.groups_table = _table("groupsTable", self.groups_model)
        self.members_table = _table("groupMembersTable", self.members_model)
        self.groups_table.selectionModel().selectionChanged.connect(self._load_members)
        can_manage = context.actor.can(Permission.MANAGE_GROUPS)
        self.new_button = _button("groupNewButton", self.tr("Kelompok &baru…"), self._create, can_manage)
        self.add_member_button = _button("groupAddMemberButton", self.tr("Tambah &anggota…"), self._add_member, can_manage)
        self.remove_member_button = _button("groupRemoveMemberButton", self.tr("Keluarkan dari kelompok"), self._remove_member, can_manage)
        self.chair_button = _button("groupChairButton", self.tr("Jadikan &ketua"), self._make_chair, can_manage)
        left = QVBoxLayout()
        left.addWidget(self.groups_table)
        left.addWidget(self.new_button)
        right = QVBoxLayout()
        self.members_title = QLabel()
        right.addWidget(self.members_title)
        right.addWidget(self.members_table)
        buttons = QHBoxLayout()
        for button in (self.add_member_button, self.remove_member_button, self.chair_button):
            buttons.addWidget(button)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def reload(self) -> None:
        selected = self.selected_group()
        with self.context.database.session() as session:
            self.groups_model.set_rows(groups.list_groups(session, self.context.actor))
        for row in range(self.groups_model.rowCount()):
            if selected and self.groups_model.row(self.groups_model.index(row, 0)).id == selected.id:
                self.groups_table.selectRow(row)
        self._load_members()

    def selected_group(self) -> GroupView | None:
        rows = self.groups_table.selectionModel().selectedRows()
        return self.groups_model.row(rows[0]) if rows else None

    def selected_member(self) -> GroupMemberView | None:
        rows = self.members_table.selectionModel().selectedRows()
        return self.members_model.row(rows[0]) if rows else None

    def _load_members(self) -> None:
        group = self.selected_group()
        if group is None:
            self.members_model.set_rows([])
            self.members_title.setText(self.tr("Pilih kelompok untuk melihat anggotanya."))
        else:
            with self.context.database.session() as session:
                self.members_model.set_rows(groups.group_members(session, self.context.actor, group.id))
            self.members_title.setText(f"<b>{group.name}</b> · {group.kind.label} · {group.member_count} anggota")
        for button in (self.add_member_button, self.remove_member_button, self.chair_button):
            button.setEnabled(group is not None)

    def _create(self) -> None:
        dialog = _NewGroupDialog(self.context, self)
        if dialog.exec():
            self.reload()

    def _add_member(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Tambah anggota kelompok"), self.tr("Nomor anggota, NIK atau nama:"))
        if not ok or not text.strip():
            return
        with self.context.database.session() as session:
            found = member_page(session, self.context.actor, MemberFilter(text=text), limit=2)
        if found.total != 1:
            show_error(
                self,
                self.tr("Anggota kelompok"),
                self.tr("Tidak ada anggota aktif yang cocok.") if found.total == 0
                else self.tr("{count} anggota cocok; ketik nomor anggota atau NIK yang lengkap.").format(count=found.total),
            )
            return
        self._act(lambda session: groups.add_to_group(session, self.context.actor, group.id, found.rows[0].id, joined_on=date.today()))

    def _remove_member(self) -> None:
        group, member = self.selected_group(), self.selected_member()
        if group and member and confirm(
            self, self.tr("Keluarkan"), self.tr("Keluarkan {name} dari {group}?").format(name=member.full_name, group=group.name), yes=self.tr("Keluarkan")
        ):
            self._act(lambda session: groups.remove_from_group(session, self.context.actor, group.id, member.member_id, left_on=date.today()))

    def _make_chair(self) -> None:
        group, member = self.selected_group(), self.selected_member()
        if group and member:
            self._act(lambda session: groups.set_chair(session, self.context.actor, group.id, member.member_id, expected_version=group.version))

    def _act(self, action) -> None:
        try:
            with self.context.database.session() as session:
                action(session)
        except DomainError as error:
            show_error(self, self.tr("Kelompok"), error.message)
        self.reload()


class _NewGroupForm(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("groupNameEdit")
        self.name_edit.setMaxLength(120)
        self.kind_combo = QComboBox()
        for kind in GroupKind:
            self.kind_combo.addItem(kind.label, kind)
        self.desa_combo = QComboBox()
        self.desa_combo.addItem(self.tr("— tanpa desa —"), None)
        with context.database.session() as session:
            for kecamatan in regions.list_kecamatan(session):
                for desa in regions.list_desa(session, context.actor, kecamatan.code):
                    self.desa_combo.addItem(f"{desa.name} ({kecamatan.name})", desa.id)
        layout = QFormLayout(self)
        layout.addRow(self.tr("&Nama kelompok:"), self.name_edit)
        layout.addRow(self.tr("&Jenis:"), self.kind_combo)
        layout.addRow(self.tr("&Desa:"), self.desa_combo)

    def focus_field(self, _field: str | None) -> None:
        self.name_edit.setFocus()


class _NewGroupDialog(FormDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.group_form = _NewGroupForm(context)
        super().__init__(self.group_form, object_name="newGroupDialog", width=460, parent=parent)
        self.setWindowTitle(self.tr("Kelompok baru"))
        self.context = context

    def save(self) -> None:
        with self.context.database.session() as session:
            groups.create_group(
                session,
                self.context.actor,
                name=self.group_form.name_edit.text(),
                kind=GroupKind(self.group_form.kind_combo.currentData()),
                desa_id=self.group_form.desa_combo.currentData(),
            )


def _table(name: str, model: ListTableModel) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _button(name: str, text: str, slot, visible: bool) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    button.setVisible(visible)
    return button
