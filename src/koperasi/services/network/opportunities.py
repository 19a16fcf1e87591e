"""The opportunity board: publish an opportunity, correct or close it, list it, share it offline."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from koperasi.db.models import (
    Category,
    Desa,
    Kecamatan,
    Opportunity,
    OpportunityCategory,
    OpportunityProgramme,
    Referral,
    TrainingProgramme,
)
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.network.opportunities import Conditions, OpportunityInput, OpportunityKind, clean_opportunity, whatsapp_text
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.office.profile import current_office
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class OpportunityRow:
    id: uuid.UUID
    kind: OpportunityKind
    title: str
    provider: str
    where: str
    deadline: date | None
    cost: int
    closed: bool
    referrals: int

    def open_on(self, day: date) -> bool:
        return not self.closed and (self.deadline is None or self.deadline >= day)


@dataclass(frozen=True, slots=True)
class OpportunityView:
    id: uuid.UUID
    data: OpportunityInput
    where: str  # "Semua wilayah", "Kecamatan Pauh", "Desa Perdamaian"
    who: str  # the conditions in words
    closed: bool
    version: int


def publish_opportunity(session: Session, actor: Actor, data: OpportunityInput) -> uuid.UUID:
    with write(session):
        authorize(session, actor, Permission.PUBLISH_OPPORTUNITIES)
        clean = _checked(session, data, today=clock.today())
        row = Opportunity(created_by=actor.user_id, created_at=clock.now(), closed=False, **_columns(clean))
        session.add(row)
        session.flush()
        _set_lists(session, row.id, clean.conditions)
        audit.record(session, actor, action=AuditAction.OPPORTUNITY_PUBLISHED, entity="opportunity", entity_id=row.id,
                     after=_snapshot(clean))
        return row.id


def update_opportunity(session: Session, actor: Actor, opportunity_id: uuid.UUID, data: OpportunityInput, *, closed: bool,
                       expected_version: int) -> None:
    """Correct an opportunity, or close it (taken down from the board) and open it again."""
    with write(session):
        authorize(session, actor, Permission.PUBLISH_OPPORTUNITIES)
        row = opportunity_row(session, opportunity_id)
        if row.version != expected_version:
            raise ConflictError("Peluang ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        before = {**_snapshot(_input(session, row)), "closed": row.closed}
        # A past deadline may stay on a correction; a new one must not be in the past.
        clean = _checked(session, data, today=clock.today(), keep_deadline=row.deadline)
        for key, value in _columns(clean).items():
            setattr(row, key, value)
        row.closed = bool(closed)
        session.execute(delete(OpportunityCategory).where(OpportunityCategory.opportunity_id == row.id))
        session.execute(delete(OpportunityProgramme).where(OpportunityProgramme.opportunity_id == row.id))
        _set_lists(session, row.id, clean.conditions)
        session.flush()
        audit.record(session, actor, action=AuditAction.OPPORTUNITY_UPDATED, entity="opportunity", entity_id=row.id,
                     before=before, after={**_snapshot(clean), "closed": row.closed})


def list_opportunities(session: Session, actor: Actor, *, open_only: bool = False) -> list[OpportunityRow]:
    """Open ones first (the nearest deadline first), then the closed and expired."""
    authorize(session, actor, Permission.USE_APP)
    counts = dict(session.execute(select(Referral.opportunity_id, func.count()).group_by(Referral.opportunity_id)).all())
    places = _place_names(session)
    rows = [
        OpportunityRow(row.id, OpportunityKind(row.kind), row.title, row.provider, _where(row, places), row.deadline, row.cost,
                       row.closed, int(counts.get(row.id, 0)))
        for row in session.scalars(select(Opportunity))
    ]
    today = clock.today()
    if open_only:
        rows = [row for row in rows if row.open_on(today)]
    return sorted(rows, key=lambda r: (not r.open_on(today), r.deadline or date.max, r.title))


def get_opportunity(session: Session, actor: Actor, opportunity_id: uuid.UUID) -> OpportunityView:
    authorize(session, actor, Permission.USE_APP)
    row = opportunity_row(session, opportunity_id)
    data = _input(session, row)
    return OpportunityView(row.id, data, _where(row, _place_names(session)), conditions_text(session, data.conditions),
                           row.closed, row.version)


def condition_choices(session: Session, actor: Actor) -> tuple[list[tuple[str, str]], list[tuple[uuid.UUID, str]]]:
    """(code, name) of the active categories and (id, name) of the active training programmes, for the form."""
    authorize(session, actor, Permission.USE_APP)
    categories = session.execute(select(Category.code, Category.name).where(Category.active.is_(True)).order_by(Category.position))
    programmes = session.execute(select(TrainingProgramme.id, TrainingProgramme.name).where(TrainingProgramme.active.is_(True))
                                 .order_by(TrainingProgramme.name))
    return [tuple(row) for row in categories], [tuple(row) for row in programmes]


def share_text(session: Session, actor: Actor, opportunity_id: uuid.UUID) -> str:
    """The WhatsApp message for a group: copied to the clipboard by the GUI, never sent by the program."""
    view = get_opportunity(session, actor, opportunity_id)
    return whatsapp_text(view.data, who=view.who, where=view.where, office=current_office(session).profile.name)


def opportunity_row(session: Session, opportunity_id: uuid.UUID) -> Opportunity:
    row = session.get(Opportunity, opportunity_id)
    if row is None:
        raise NotFound("Peluang tidak ditemukan.")
    return row


def conditions_text(session: Session, c: Conditions) -> str:
    """Who may take it, in words: "perempuan, 18–35 tahun, kategori Perempuan kepala keluarga"."""
    parts = []
    if c.for_children:
        parts.append("anak anggota yang tidak bersekolah")
    if c.sex:
        parts.append(c.sex.label.lower())
    if c.min_age is not None and c.max_age is not None:
        parts.append(f"umur {c.min_age}–{c.max_age} tahun")
    elif c.min_age is not None:
        parts.append(f"umur {c.min_age} tahun ke atas")
    elif c.max_age is not None:
        parts.append(f"umur sampai {c.max_age} tahun")
    if c.categories:
        names = session.scalars(select(Category.name).where(Category.code.in_(c.categories)).order_by(Category.position))
        parts.append("kategori " + " atau ".join(names))
    if c.programme_ids:
        names = session.scalars(select(TrainingProgramme.name).where(TrainingProgramme.id.in_(c.programme_ids)).order_by(TrainingProgramme.name))
        parts.append("lulus pelatihan " + " atau ".join(names))
    if c.livelihood:
        parts.append(f"pekerjaan “{c.livelihood}”")
    return ", ".join(parts) or "semua anggota"


def _checked(session: Session, data: OpportunityInput, *, today: date, keep_deadline: date | None = None) -> OpportunityInput:
    clean = clean_opportunity(data, today=today, deadline_may_have_passed=keep_deadline is not None and data.deadline == keep_deadline)
    c = clean.conditions
    if c.kecamatan_code is not None and session.get(Kecamatan, c.kecamatan_code) is None:
        raise ValidationError("Kecamatan tidak dikenal.", field="kecamatan_code")
    if c.desa_id is not None:
        desa = session.get(Desa, c.desa_id)
        if desa is None:
            raise ValidationError("Desa tidak dikenal.", field="desa_id")
        if c.kecamatan_code and desa.kecamatan_code != c.kecamatan_code:
            raise ValidationError("Desa itu tidak berada di kecamatan yang dipilih.", field="desa_id")
    if c.categories and set(session.scalars(select(Category.code).where(Category.code.in_(c.categories)))) != c.categories:
        raise ValidationError("Salah satu kategori tidak dikenal.", field="categories")
    if c.programme_ids and set(session.scalars(
            select(TrainingProgramme.id).where(TrainingProgramme.id.in_(c.programme_ids)))) != c.programme_ids:
        raise ValidationError("Salah satu program pelatihan tidak dikenal.", field="programme_ids")
    return clean


def _columns(data: OpportunityInput) -> dict:
    c = data.conditions
    return {
        "kind": data.kind.value, "title": data.title, "provider": data.provider, "contact": data.contact,
        "kecamatan_code": c.kecamatan_code, "desa_id": c.desa_id, "sex": c.sex.value if c.sex else None, "min_age": c.min_age,
        "max_age": c.max_age, "livelihood": c.livelihood, "for_children": c.for_children, "cost": data.cost,
        "deadline": data.deadline, "how_to_apply": data.how_to_apply, "source": data.source, "description": data.description,
    }


def _set_lists(session: Session, opportunity_id: uuid.UUID, c: Conditions) -> None:
    session.add_all([OpportunityCategory(opportunity_id=opportunity_id, category_code=code) for code in sorted(c.categories)])
    session.add_all([OpportunityProgramme(opportunity_id=opportunity_id, programme_id=p) for p in sorted(c.programme_ids)])
    session.flush()


def _input(session: Session, row: Opportunity) -> OpportunityInput:
    categories = frozenset(session.scalars(select(OpportunityCategory.category_code).where(OpportunityCategory.opportunity_id == row.id)))
    programmes = frozenset(session.scalars(select(OpportunityProgramme.programme_id).where(OpportunityProgramme.opportunity_id == row.id)))
    conditions = Conditions(row.kecamatan_code, row.desa_id, categories, Sex(row.sex) if row.sex else None, row.min_age, row.max_age,
                            programmes, row.livelihood, row.for_children)
    return OpportunityInput(OpportunityKind(row.kind), row.title, row.provider, row.contact, conditions, row.cost, row.deadline,
                            row.how_to_apply, row.source, row.description)


def _place_names(session: Session) -> tuple[dict[str, str], dict[uuid.UUID, str]]:
    used_kecamatan = select(Opportunity.kecamatan_code).where(Opportunity.kecamatan_code.is_not(None))
    used_desa = select(Opportunity.desa_id).where(Opportunity.desa_id.is_not(None))
    return (dict(session.execute(select(Kecamatan.code, Kecamatan.name).where(Kecamatan.code.in_(used_kecamatan))).all()),
            dict(session.execute(select(Desa.id, Desa.name).where(Desa.id.in_(used_desa))).all()))


def _where(row: Opportunity, places: tuple[dict[str, str], dict[uuid.UUID, str]]) -> str:
    kecamatan, desa = places
    if row.desa_id is not None:
        return f"Desa {desa.get(row.desa_id, '?')}"
    if row.kecamatan_code is not None:
        return f"Kecamatan {kecamatan.get(row.kecamatan_code, row.kecamatan_code)}"
    return "Semua wilayah"


def _snapshot(data: OpportunityInput) -> dict:
    values = asdict(data)
    c = values.pop("conditions")
    values["conditions"] = {
        **c, "desa_id": str(c["desa_id"]) if c["desa_id"] else None, "sex": c["sex"].value if c["sex"] else None,
        "categories": sorted(c["categories"]), "programme_ids": sorted(str(p) for p in c["programme_ids"]),
    }
    values["kind"] = data.kind.value
    values["deadline"] = data.deadline.isoformat() if data.deadline else None
    return values
