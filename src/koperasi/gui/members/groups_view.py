"""Kelompok: the groups, their members and chair; create groups and add or remove members."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError, ValidationError
from koperasi.domain.members.register import GroupKind
from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.forms.ui_group_form import Ui_GroupForm
from koperasi.gui.forms.ui_group_membership_form import Ui_GroupMembershipForm
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.members.detail_panel import savings_line
from koperasi.gui.messages import show_error
from koperasi.services.members import groups
from koperasi.services.office import regions
from koperasi.services.members.groups import GroupMemberView, GroupView
from koperasi.services.members.search import MemberFilter, member_page
from koperasi import clock


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
                Column(self.tr("Nomor"), lambda m: m.number, muted=_former),
                Column(self.tr("Nama"), lambda m: m.full_name + (self.tr(" (ketua)") if m.is_chair else ""), muted=_former),
                Column(self.tr("Sejak"), lambda m: format_date(m.joined_on), muted=_former),
                Column(self.tr("Keluar"), lambda m: format_date(m.left_on) if m.left_on else "", muted=_former),
            ],
            parent=self,
        )
        self.groups_table = _table("groupsTable", self.groups_model)
        self.members_table = _table("groupMembersTable", self.members_model)
        self.show_former_check = QCheckBox(self.tr("Tampilkan yang sudah &keluar"))
        self.show_former_check.setObjectName("groupShowFormerCheck")
        self.show_former_check.setToolTip(self.tr("Anggota yang pernah masuk kelompok ini, dengan tanggal masuk dan keluarnya"))
        self.show_former_check.toggled.connect(self._load_members)
        self.groups_table.selectionModel().selectionChanged.connect(self._load_members)
        can_manage = context.actor.can(Permission.MANAGE_GROUPS)
        self.new_button = _button("groupNewButton", self.tr("Kelompok &baru…"), self._create, can_manage)
        self.edit_button = _button("groupEditButton", self.tr("&Ubah kelompok…"), self._edit, can_manage)
        self.add_member_button = _button("groupAddMemberButton", self.tr("Tambah &anggota…"), self._add_member, can_manage)
        self.remove_member_button = _button("groupRemoveMemberButton", self.tr("Keluar&kan dari kelompok…"), self._remove_member, can_manage)
        self.chair_button = _button("groupChairButton", self.tr("Jadikan &ketua"), self._make_chair, can_manage)
        left = QVBoxLayout()
        left.addWidget(self.groups_table)
        group_buttons = QHBoxLayout()
        group_buttons.addWidget(self.new_button)
        group_buttons.addWidget(self.edit_button)
        left.addLayout(group_buttons)
        right = QVBoxLayout()
        self.members_title = QLabel()
        # Every group's savings summed over its present members (savings queries.group_balances), set by the
        # main window; None: not shown.
        self.savings_of_groups: Callable[[], dict] | None = None
        self.members_title.setWordWrap(True)  # a long group name must not squeeze the groups list
        title_row = QHBoxLayout()
        title_row.addWidget(self.members_title, 1)
        title_row.addWidget(self.show_former_check)
        right.addLayout(title_row)
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
        member = self.members_model.row(rows[0]) if rows else None
        return member if member is not None and member.left_on is None else None  # a former member: history only

    def _load_members(self) -> None:
        group = self.selected_group()
        show_former = self.show_former_check.isChecked()
        self.members_table.setColumnHidden(3, not show_former)
        if group is None:
            self.members_model.set_rows([])
            self.members_title.setText(self.tr("Pilih kelompok untuk melihat anggotanya."))
        else:
            with self.context.database.session() as session:
                rows = groups.group_members(session, self.context.actor, group.id, include_former=show_former)
            self.members_model.set_rows(rows)
            title = f"<b>{group.name}</b> · {group.kind.label} · {group.member_count} anggota"
            if former := sum(1 for row in rows if row.left_on is not None):
                title += self.tr(" · {count} sudah keluar").format(count=former)
            if self.savings_of_groups is not None and (saved := self.savings_of_groups().get(group.id)) is not None:
                title += self.tr("<br>Simpanan anggota: {line}").format(line=savings_line(saved))
            self.members_title.setText(title)
        for button in (self.edit_button, self.add_member_button, self.remove_member_button, self.chair_button):
            button.setEnabled(group is not None)

    def _create(self) -> None:
        if _GroupDialog(self.context, None, self).exec():
            self.reload()

    def _edit(self) -> None:
        group = self.selected_group()
        if group is not None and _GroupDialog(self.context, group, self).exec():
            self.reload()

    def _add_member(self) -> None:
        group = self.selected_group()
        if group is not None and _JoinDialog(self.context, group, self).exec():
            self.reload()

    def _remove_member(self) -> None:
        group, member = self.selected_group(), self.selected_member()
        if group and member and _LeaveGroupDialog(self.context, group, member, self).exec():
            self.reload()

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


class _GroupForm(QWidget):
    """Designer: ui/group_form.ui. A new group may name its chair; an existing one may be retired."""

    def __init__(self, context: AppContext, group: GroupView | None) -> None:
        super().__init__()
        self.form = Ui_GroupForm()
        self.form.setupUi(self)
        self.name_edit = self.form.groupNameEdit
        self.kind_combo = self.form.groupKindCombo
        self.desa_combo = self.form.groupDesaCombo
        self.chair_edit = self.form.groupChairEdit
        self.chair_date_edit = self.form.groupChairDateEdit
        self.active_check = self.form.groupActiveCheck
        for kind in GroupKind:
            self.kind_combo.addItem(kind.label, kind)
        self.desa_combo.addItem(self.tr("— tanpa desa —"), None)
        with context.database.session() as session:
            for kecamatan in regions.list_kecamatan(session):
                for desa in regions.list_desa(session, context.actor, kecamatan.code):
                    self.desa_combo.addItem(f"{desa.name} ({kecamatan.name})", desa.id)
        self.chair_date_edit.setMaximumDate(QDate(clock.today()))
        self.chair_date_edit.setDate(QDate(clock.today()))
        layout = self.form.formLayout
        if group is None:
            layout.setRowVisible(self.active_check, False)
        else:
            self.name_edit.setText(group.name)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(group.kind))
            self.desa_combo.setCurrentIndex(max(0, self.desa_combo.findData(group.desa_id)))
            # the chair of an existing group is chosen in its member list (Jadikan ketua)
            layout.setRowVisible(self.chair_edit, False)
            layout.setRowVisible(self.chair_date_edit, False)

    def focus_field(self, field: str | None) -> None:
        target = {"chair_member_id": self.chair_edit, "joined_on": self.chair_date_edit, "desa_id": self.desa_combo}.get(field or "")
        (target or self.name_edit).setFocus()


class _GroupDialog(FormDialog):
    """A new group (optionally with its chair) when ``group`` is None; otherwise rename, re-file or retire it."""

    def __init__(self, context: AppContext, group: GroupView | None, parent: QWidget | None = None) -> None:
        self.group_form = _GroupForm(context, group)
        super().__init__(self.group_form, object_name="groupDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Kelompok baru") if group is None else self.tr("Ubah kelompok"))
        self.context = context
        self.group = group

    def save(self) -> None:
        form = self.group_form
        kind = GroupKind(form.kind_combo.currentData())  # Qt hands enum item data back as plain strings
        with self.context.database.session() as session:
            if self.group is None:
                chair_text = form.chair_edit.text().strip()
                chair = _find_member(session, self.context, chair_text, field="chair_member_id") if chair_text else None
                groups.create_group(
                    session, self.context.actor, name=form.name_edit.text(), kind=kind, desa_id=form.desa_combo.currentData(),
                    chair_member_id=chair, chair_joined_on=form.chair_date_edit.date().toPython() if chair else None,
                )
            else:
                groups.update_group(
                    session, self.context.actor, self.group.id, name=form.name_edit.text(), kind=kind,
                    desa_id=form.desa_combo.currentData(), active=form.active_check.isChecked(), expected_version=self.group.version,
                )


class _MembershipForm(QWidget):
    """Designer: ui/group_membership_form.ui. Who joins (number, NIK or name) and from when; or, for leaving, only the date."""

    def __init__(self, *, ask_member: bool) -> None:
        super().__init__()
        self.form = Ui_GroupMembershipForm()
        self.form.setupUi(self)
        self.member_edit = self.form.groupMemberEdit
        self.date_edit = self.form.groupDateEdit
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.date_edit.setDate(QDate(clock.today()))
        self.form.formLayout.setRowVisible(self.member_edit, ask_member)

    def focus_field(self, field: str | None) -> None:
        (self.date_edit if field in ("joined_on", "left_on") else self.member_edit).setFocus()


def _find_member(session, context: AppContext, text: str, *, field: str) -> uuid.UUID:
    """The one active member whose number, NIK or name matches ``text``; else a ValidationError on ``field``."""
    found = member_page(session, context.actor, MemberFilter(text=text), limit=2) if text.strip() else None
    if found is None or found.total != 1:
        translate = QCoreApplication.translate
        raise ValidationError(
            translate("GroupsView", "Tidak ada anggota aktif yang cocok.") if found is None or found.total == 0
            else translate("GroupsView", "{count} anggota cocok; ketik nomor anggota atau NIK yang lengkap.").format(count=found.total),
            field=field,
        )
    return found.rows[0].id


class _JoinDialog(FormDialog):
    def __init__(self, context: AppContext, group: GroupView, parent: QWidget | None = None) -> None:
        self.membership_form = _MembershipForm(ask_member=True)
        super().__init__(self.membership_form, object_name="groupJoinDialog", width=440, parent=parent)
        self.setWindowTitle(self.tr("Tambah anggota ke {group}").format(group=group.name))
        self.context = context
        self.group = group

    def save(self) -> None:
        with self.context.database.session() as session:
            member_id = _find_member(session, self.context, self.membership_form.member_edit.text(), field="member")
            groups.add_to_group(
                session, self.context.actor, self.group.id, member_id, joined_on=self.membership_form.date_edit.date().toPython(),
            )


class _LeaveGroupDialog(FormDialog):
    def __init__(self, context: AppContext, group: GroupView, member: GroupMemberView, parent: QWidget | None = None) -> None:
        self.membership_form = _MembershipForm(ask_member=False)
        super().__init__(self.membership_form, object_name="groupLeaveDialog", width=400, parent=parent)
        self.setWindowTitle(self.tr("{name} keluar dari {group}").format(name=member.full_name, group=group.name))
        self.context = context
        self.group = group
        self.member = member

    def save(self) -> None:
        with self.context.database.session() as session:
            groups.remove_from_group(
                session, self.context.actor, self.group.id, self.member.member_id,
                left_on=self.membership_form.date_edit.date().toPython(),
            )


def _former(member: GroupMemberView) -> bool:
    return member.left_on is not None


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
