"""Kelompok: farmers' and women's business groups, their chair and members over time."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import Desa, GroupMembership, Member, MemberGroup
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.members.register import GroupKind, MemberStatus
from koperasi.domain.roles import Actor, Permission
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class GroupView:
    id: uuid.UUID
    name: str
    kind: GroupKind
    desa_id: uuid.UUID | None
    desa_name: str
    chair_name: str
    member_count: int
    version: int


@dataclass(frozen=True, slots=True)
class GroupMemberView:
    member_id: uuid.UUID
    number: str
    full_name: str
    joined_on: date
    is_chair: bool
    left_on: date | None = None  # set for a former member (include_former)


def list_groups(session: Session, actor: Actor) -> list[GroupView]:
    authorize(session, actor, Permission.USE_APP)
    counts = dict(
        session.execute(
            select(GroupMembership.group_id, func.count())
            .where(GroupMembership.left_on.is_(None))
            .group_by(GroupMembership.group_id)
        ).all()
    )
    chair = select(Member.full_name).where(Member.id == MemberGroup.chair_member_id).scalar_subquery()
    rows = session.execute(
        select(
            MemberGroup.id, MemberGroup.name, MemberGroup.kind, MemberGroup.version, MemberGroup.desa_id,
            Desa.name.label("desa"), chair.label("chair"),
        )
        .outerjoin(Desa, Desa.id == MemberGroup.desa_id)
        .where(MemberGroup.active.is_(True))
        .order_by(MemberGroup.name)
    )
    return [
        GroupView(
            id=row.id,
            name=row.name,
            kind=GroupKind(row.kind),
            desa_id=row.desa_id,
            desa_name=row.desa or "—",
            chair_name=row.chair or "—",
            member_count=counts.get(row.id, 0),
            version=row.version,
        )
        for row in rows
    ]


def group_choices(session: Session, actor: Actor) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of the active groups, for a filter list."""
    authorize(session, actor, Permission.USE_APP)
    return [
        (row.id, row.name)
        for row in session.execute(select(MemberGroup.id, MemberGroup.name).where(MemberGroup.active.is_(True)).order_by(MemberGroup.name))
    ]


def group_members(session: Session, actor: Actor, group_id: uuid.UUID, *, include_former: bool = False) -> list[GroupMemberView]:
    """The members now, by name; with ``include_former`` also each past membership, latest leaving first."""
    authorize(session, actor, Permission.USE_APP)
    group = _group(session, group_id)
    query = (
        select(Member.id, Member.number, Member.full_name, GroupMembership.joined_on, GroupMembership.left_on)
        .join(GroupMembership, GroupMembership.member_id == Member.id)
        .where(GroupMembership.group_id == group_id)
    )
    if not include_former:
        query = query.where(GroupMembership.left_on.is_(None))
    rows = [
        GroupMemberView(row.id, row.number, row.full_name, row.joined_on, row.id == group.chair_member_id and row.left_on is None, row.left_on)
        for row in session.execute(query)
    ]
    current = sorted((r for r in rows if r.left_on is None), key=lambda r: (r.full_name, r.number))
    former = sorted((r for r in rows if r.left_on is not None), key=lambda r: (r.left_on, r.full_name), reverse=True)
    return current + former


def create_group(
    session: Session,
    actor: Actor,
    *,
    name: str,
    kind: GroupKind,
    desa_id: uuid.UUID | None,
    chair_member_id: uuid.UUID | None = None,
    chair_joined_on: date | None = None,
) -> GroupView:
    """A new group; with ``chair_member_id`` that member joins it (from ``chair_joined_on``, default today) as its chair."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_GROUPS)
        clean = _clean_name(session, name, exclude=None)
        if desa_id is not None and session.get(Desa, desa_id) is None:
            raise ValidationError("Desa tidak dikenal.", field="desa_id")
        group = MemberGroup(name=clean, kind=GroupKind(kind).value, desa_id=desa_id, active=True, created_at=clock.now())
        session.add(group)
        session.flush()
        audit.record(session, actor, action=AuditAction.GROUP_CREATED, entity="group", entity_id=group.id, after={"name": clean, "kind": group.kind})
        if chair_member_id is not None:
            add_to_group(session, actor, group.id, chair_member_id, joined_on=chair_joined_on or clock.today())
            set_chair(session, actor, group.id, chair_member_id, expected_version=group.version)
    return next(view for view in list_groups(session, actor) if view.id == group.id)


def update_group(
    session: Session,
    actor: Actor,
    group_id: uuid.UUID,
    *,
    name: str,
    kind: GroupKind,
    desa_id: uuid.UUID | None,
    active: bool,
    expected_version: int,
) -> None:
    """Rename or re-file a group, or retire it (a retired group keeps its history, off the lists)."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_GROUPS)
        group = session.get(MemberGroup, group_id)
        if group is None:
            raise NotFound("Kelompok tidak ditemukan.")
        if group.version != expected_version:
            raise ConflictError("Kelompok ini sudah diubah oleh petugas lain. Muat ulang lalu ulangi.")
        clean = _clean_name(session, name, exclude=group.id)
        if desa_id is not None and session.get(Desa, desa_id) is None:
            raise ValidationError("Desa tidak dikenal.", field="desa_id")
        before = {"name": group.name, "kind": group.kind, "desa_id": str(group.desa_id) if group.desa_id else None, "active": group.active}
        group.name, group.kind, group.desa_id, group.active = clean, GroupKind(kind).value, desa_id, active
        session.flush()
        after = {"name": group.name, "kind": group.kind, "desa_id": str(desa_id) if desa_id else None, "active": active}
        audit.record(session, actor, action=AuditAction.GROUP_UPDATED, entity="group", entity_id=group.id, before=before, after=after)


def add_to_group(session: Session, actor: Actor, group_id: uuid.UUID, member_id: uuid.UUID, *, joined_on: date) -> None:
    with write(session):
        authorize(session, actor, Permission.MANAGE_GROUPS)
        group = _group(session, group_id)
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("Anggota tidak ditemukan.")
        if member.status != MemberStatus.ACTIVE:
            raise ValidationError(f"{member.full_name} sudah keluar dari koperasi; tidak dapat masuk kelompok.")
        if joined_on > clock.today():
            raise ValidationError("Tanggal masuk kelompok tidak boleh di masa depan.", field="joined_on")
        if _membership(session, group_id, member_id) is not None:
            raise ConflictError(f"{member.full_name} sudah menjadi anggota {group.name}.")
        session.add(GroupMembership(group_id=group_id, member_id=member_id, joined_on=joined_on))
        audit.record(
            session, actor, action=AuditAction.GROUP_MEMBER_ADDED, entity="group", entity_id=group_id,
            after={"member": member.number, "joined_on": joined_on.isoformat()},
        )


def remove_from_group(session: Session, actor: Actor, group_id: uuid.UUID, member_id: uuid.UUID, *, left_on: date) -> None:
    """Leaving keeps the membership row (with its end date) for the group's history."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_GROUPS)
        group = _group(session, group_id)
        membership = _membership(session, group_id, member_id)
        if membership is None:
            raise NotFound("Anggota ini tidak tercatat di kelompok tersebut.")
        if left_on < membership.joined_on:
            raise ValidationError("Tanggal keluar sebelum tanggal masuk kelompok.", field="left_on")
        if group.chair_member_id == member_id:
            raise ValidationError("Ketua kelompok tidak dapat dikeluarkan; tunjuk ketua lain dahulu.")
        membership.left_on = left_on
        audit.record(
            session, actor, action=AuditAction.GROUP_MEMBER_REMOVED, entity="group", entity_id=group_id,
            after={"member_id": str(member_id), "left_on": left_on.isoformat()},
        )


def set_chair(session: Session, actor: Actor, group_id: uuid.UUID, member_id: uuid.UUID, *, expected_version: int) -> None:
    with write(session):
        authorize(session, actor, Permission.MANAGE_GROUPS)
        group = _group(session, group_id)
        if group.version != expected_version:
            raise ConflictError("Kelompok ini sudah diubah oleh petugas lain. Muat ulang lalu ulangi.")
        if _membership(session, group_id, member_id) is None:
            raise ValidationError("Ketua harus anggota kelompok ini.")
        before = {"chair_member_id": str(group.chair_member_id) if group.chair_member_id else None}
        group.chair_member_id = member_id
        session.flush()
        audit.record(
            session, actor, action=AuditAction.GROUP_UPDATED, entity="group", entity_id=group_id,
            before=before, after={"chair_member_id": str(member_id)},
        )


def _group(session: Session, group_id: uuid.UUID) -> MemberGroup:
    group = session.get(MemberGroup, group_id)
    if group is None or not group.active:
        raise NotFound("Kelompok tidak ditemukan.")
    return group


def _membership(session: Session, group_id: uuid.UUID, member_id: uuid.UUID) -> GroupMembership | None:
    return session.scalar(
        select(GroupMembership).where(
            GroupMembership.group_id == group_id, GroupMembership.member_id == member_id, GroupMembership.left_on.is_(None)
        )
    )


def _clean_name(session: Session, name: str, *, exclude: uuid.UUID | None) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError("Nama kelompok wajib diisi.", field="name")
    if len(clean) > 120:
        raise ValidationError("Nama kelompok paling banyak 120 karakter.", field="name")
    query = select(func.count()).select_from(MemberGroup).where(func.lower(MemberGroup.name) == clean.lower())
    if exclude is not None:
        query = query.where(MemberGroup.id != exclude)
    if session.scalar(query):
        raise ConflictError(f"Kelompok '{clean}' sudah ada.")
    return clean
