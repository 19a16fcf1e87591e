"""Figures for the Beranda tab; each later area adds its own."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import Desa, Kecamatan, Member, User
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize


@dataclass(frozen=True, slots=True)
class DashboardSummary:
    active_users: int
    active_desa: int
    kecamatan_with_desa: int
    kecamatan_known: int
    active_members: int
    women_members: int


def summary(session: Session, actor: Actor) -> DashboardSummary:
    authorize(session, actor, Permission.USE_APP)
    active_users = session.scalar(select(func.count()).select_from(User).where(User.active.is_(True))) or 0
    desa_row = session.execute(
        select(func.count(), func.count(func.distinct(Desa.kecamatan_code))).where(Desa.active.is_(True))
    ).one()
    kecamatan_known = session.scalar(select(func.count()).select_from(Kecamatan)) or 0
    member_row = session.execute(
        select(func.count(), func.count().filter(Member.sex == "P")).where(Member.status == "aktif")
    ).one()
    return DashboardSummary(
        active_users=active_users,
        active_desa=desa_row[0],
        kecamatan_with_desa=desa_row[1],
        kecamatan_known=kecamatan_known,
        active_members=member_row[0],
        women_members=member_row[1],
    )
