"""Training programmes, their batches (angkatan) and the sessions of each batch."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import (
    Desa,
    Kecamatan,
    TrainingAttendance,
    TrainingBatch,
    TrainingParticipant,
    TrainingProgramme,
    TrainingSession,
)
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.trainings.rules import (
    CompletionRule,
    ProgrammeInput,
    RuleKind,
    SessionInput,
    Topic,
    check_batch_name,
    clean_programme,
    clean_session,
)
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class ProgrammeView:
    id: uuid.UUID
    data: ProgrammeInput
    active: bool
    version: int
    batches: int


def list_programmes(session: Session, actor: Actor, *, active_only: bool = False) -> list[ProgrammeView]:
    authorize(session, actor, Permission.USE_APP)
    counts = dict(session.execute(select(TrainingBatch.programme_id, func.count()).group_by(TrainingBatch.programme_id)).all())
    query = select(TrainingProgramme).order_by(TrainingProgramme.name)
    if active_only:
        query = query.where(TrainingProgramme.active.is_(True))
    return [
        ProgrammeView(row.id, programme_input(row), row.active, row.version, counts.get(row.id, 0))
        for row in session.scalars(query)
    ]


def programme_input(row: TrainingProgramme) -> ProgrammeInput:
    return ProgrammeInput(
        name=row.name, topic=Topic(row.topic), description=row.description, target_groups=row.target_groups,
        rule=CompletionRule(RuleKind(row.rule_kind), row.rule_value), partner=row.partner,
    )


def create_programme(session: Session, actor: Actor, data: ProgrammeInput) -> uuid.UUID:
    with write(session):
        authorize(session, actor, Permission.MANAGE_TRAININGS)
        clean = clean_programme(data)
        _unique_programme(session, clean.name, exclude=None)
        row = TrainingProgramme(**_programme_columns(clean), active=True, created_at=clock.now())
        session.add(row)
        session.flush()
        audit.record(session, actor, action=AuditAction.PROGRAMME_CREATED, entity="programme", entity_id=row.id,
                     after=_programme_snapshot(clean))
        return row.id


def update_programme(
    session: Session, actor: Actor, programme_id: uuid.UUID, data: ProgrammeInput, *, active: bool, expected_version: int
) -> None:
    with write(session):
        authorize(session, actor, Permission.MANAGE_TRAININGS)
        row = session.get(TrainingProgramme, programme_id)
        if row is None:
            raise NotFound("Program pelatihan tidak ditemukan.")
        _check_version(row.version, expected_version, "Program pelatihan")
        clean = clean_programme(data)
        _unique_programme(session, clean.name, exclude=programme_id)
        before = {**_programme_snapshot(programme_input(row)), "active": row.active}
        for key, value in _programme_columns(clean).items():
            setattr(row, key, value)
        row.active = active
        session.flush()
        audit.record(session, actor, action=AuditAction.PROGRAMME_UPDATED, entity="programme", entity_id=row.id,
                     before=before, after={**_programme_snapshot(clean), "active": active})


def _programme_columns(data: ProgrammeInput) -> dict[str, object]:
    return {
        "name": data.name, "topic": data.topic.value, "description": data.description,
        "target_groups": data.target_groups, "rule_kind": data.rule.kind.value, "rule_value": data.rule.value,
        "partner": data.partner,
    }


def _programme_snapshot(data: ProgrammeInput) -> dict[str, object]:
    return {"name": data.name, "topic": data.topic.label, "rule": data.rule.label, "partner": data.partner,
            "target_groups": data.target_groups}


def _unique_programme(session: Session, name: str, *, exclude: uuid.UUID | None) -> None:
    clash = session.scalar(select(TrainingProgramme.id).where(func.lower(TrainingProgramme.name) == name.lower()))
    if clash is not None and clash != exclude:
        raise ValidationError(f"Program \u201c{name}\u201d sudah ada.", field="name")


@dataclass(frozen=True, slots=True)
class BatchView:
    id: uuid.UUID
    programme_id: uuid.UUID
    programme_name: str
    name: str
    kecamatan_code: str | None
    kecamatan_name: str
    notes: str
    closed: bool
    version: int
    participants: int  # enrolled and not withdrawn
    sessions: int  # held or planned, not cancelled
    first_day: date | None
    last_day: date | None


def list_batches(session: Session, actor: Actor, *, programme_id: uuid.UUID | None = None) -> list[BatchView]:
    authorize(session, actor, Permission.USE_APP)
    people = dict(
        session.execute(
            select(TrainingParticipant.batch_id, func.count())
            .where(TrainingParticipant.withdrawn_on.is_(None))
            .group_by(TrainingParticipant.batch_id)
        ).all()
    )
    days = {
        batch_id: (count, first, last)
        for batch_id, count, first, last in session.execute(
            select(TrainingSession.batch_id, func.count(), func.min(TrainingSession.held_on), func.max(TrainingSession.held_on))
            .where(TrainingSession.cancelled.is_(False))
            .group_by(TrainingSession.batch_id)
        )
    }
    query = (
        select(TrainingBatch, TrainingProgramme.name, Kecamatan.name)
        .join(TrainingProgramme, TrainingProgramme.id == TrainingBatch.programme_id)
        .outerjoin(Kecamatan, Kecamatan.code == TrainingBatch.kecamatan_code)
        .order_by(TrainingBatch.created_at.desc())
    )
    if programme_id is not None:
        query = query.where(TrainingBatch.programme_id == programme_id)
    views = []
    for batch, programme_name, kecamatan_name in session.execute(query):
        count, first, last = days.get(batch.id, (0, None, None))
        views.append(
            BatchView(batch.id, batch.programme_id, programme_name, batch.name, batch.kecamatan_code, kecamatan_name or "",
                      batch.notes, batch.closed, batch.version, people.get(batch.id, 0), count, first, last)
        )
    return views


def get_batch(session: Session, actor: Actor, batch_id: uuid.UUID) -> BatchView:
    for view in list_batches(session, actor):
        if view.id == batch_id:
            return view
    raise NotFound("Angkatan pelatihan tidak ditemukan.")


def create_batch(
    session: Session, actor: Actor, *, programme_id: uuid.UUID, name: str, kecamatan_code: str | None, notes: str = ""
) -> uuid.UUID:
    with write(session):
        authorize(session, actor, Permission.MANAGE_TRAININGS)
        programme = session.get(TrainingProgramme, programme_id)
        if programme is None or not programme.active:
            raise ValidationError("Pilih program pelatihan yang aktif.", field="programme_id")
        name = check_batch_name(name)
        _check_kecamatan(session, kecamatan_code)
        _unique_batch(session, programme_id, name, exclude=None)
        batch = TrainingBatch(programme_id=programme_id, name=name, kecamatan_code=kecamatan_code, notes=notes.strip(),
                              closed=False, created_at=clock.now())
        session.add(batch)
        session.flush()
        audit.record(session, actor, action=AuditAction.BATCH_CREATED, entity="batch", entity_id=batch.id,
                     after={"name": name, "programme": programme.name})
        return batch.id


def update_batch(
    session: Session, actor: Actor, batch_id: uuid.UUID, *, name: str, kecamatan_code: str | None, notes: str,
    closed: bool, expected_version: int,
) -> None:
    """Rename or close a batch; a closed batch takes no new participants or sessions."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_TRAININGS)
        batch = session.get(TrainingBatch, batch_id)
        if batch is None:
            raise NotFound("Angkatan pelatihan tidak ditemukan.")
        _check_version(batch.version, expected_version, "Angkatan ini")
        name = check_batch_name(name)
        _unique_batch(session, batch.programme_id, name, exclude=batch.id)
        _check_kecamatan(session, kecamatan_code)
        before = {"name": batch.name, "kecamatan_code": batch.kecamatan_code, "notes": batch.notes, "closed": batch.closed}
        batch.name, batch.kecamatan_code, batch.notes, batch.closed = name, kecamatan_code, notes.strip(), closed
        session.flush()
        audit.record(session, actor, action=AuditAction.BATCH_UPDATED, entity="batch", entity_id=batch.id, before=before,
                     after={"name": name, "kecamatan_code": kecamatan_code, "notes": batch.notes, "closed": closed})


def _unique_batch(session: Session, programme_id: uuid.UUID, name: str, *, exclude: uuid.UUID | None) -> None:
    clash = session.scalar(select(TrainingBatch.id).where(TrainingBatch.programme_id == programme_id,
                                                          func.lower(TrainingBatch.name) == name.lower()))
    if clash is not None and clash != exclude:
        raise ValidationError(f"Angkatan \u201c{name}\u201d sudah ada pada program ini.", field="name")


def open_batch(session: Session, batch_id: uuid.UUID) -> TrainingBatch:
    """The batch, refused when it is closed (building block for writes on a batch)."""
    batch = session.get(TrainingBatch, batch_id)
    if batch is None:
        raise NotFound("Angkatan pelatihan tidak ditemukan.")
    if batch.closed:
        raise ValidationError(f"Angkatan {batch.name} sudah ditutup.")
    return batch


@dataclass(frozen=True, slots=True)
class SessionView:
    id: uuid.UUID
    number: int  # 1-based among the batch's sessions that were not cancelled, by date
    data: SessionInput
    desa_name: str
    cancelled: bool
    version: int
    recorded: bool  # attendance taken


def list_sessions(session: Session, actor: Actor, batch_id: uuid.UUID) -> list[SessionView]:
    authorize(session, actor, Permission.USE_APP)
    recorded = set(
        session.scalars(
            select(TrainingAttendance.session_id).join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
            .where(TrainingSession.batch_id == batch_id).distinct()
        )
    )
    views = []
    number = 0
    rows = session.execute(
        select(TrainingSession, Desa.name).outerjoin(Desa, Desa.id == TrainingSession.desa_id)
        .where(TrainingSession.batch_id == batch_id)
        .order_by(TrainingSession.held_on, TrainingSession.starts_at)
    )
    for row, desa_name in rows:
        if not row.cancelled:
            number += 1
        views.append(
            SessionView(row.id, number if not row.cancelled else 0, _session_input(row), desa_name or "", row.cancelled,
                        row.version, row.id in recorded)
        )
    return views


def add_session(session: Session, actor: Actor, batch_id: uuid.UUID, data: SessionInput) -> uuid.UUID:
    with write(session):
        authorize(session, actor, Permission.MANAGE_TRAININGS)
        open_batch(session, batch_id)
        clean = _checked_session(session, data)
        row = TrainingSession(batch_id=batch_id, **_session_columns(clean), cancelled=False, created_at=clock.now())
        session.add(row)
        session.flush()
        audit.record(session, actor, action=AuditAction.SESSION_ADDED, entity="session", entity_id=row.id,
                     after=_session_snapshot(clean))
        return row.id


def update_session(
    session: Session, actor: Actor, session_id: uuid.UUID, data: SessionInput, *, cancelled: bool, expected_version: int
) -> None:
    """Move, correct or cancel a session; a session with attendance taken cannot be cancelled."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_TRAININGS)
        row = session.get(TrainingSession, session_id)
        if row is None:
            raise NotFound("Sesi pelatihan tidak ditemukan.")
        _check_version(row.version, expected_version, "Sesi ini")
        open_batch(session, row.batch_id)
        clean = _checked_session(session, data)
        if cancelled and not row.cancelled and _has_attendance(session, session_id):
            raise ValidationError("Sesi yang sudah dicatat kehadirannya tidak dapat dibatalkan.")
        before = {**_session_snapshot(_session_input(row)), "cancelled": row.cancelled}
        for key, value in _session_columns(clean).items():
            setattr(row, key, value)
        row.cancelled = cancelled
        session.flush()
        audit.record(session, actor, action=AuditAction.SESSION_UPDATED, entity="session", entity_id=row.id,
                     before=before, after={**_session_snapshot(clean), "cancelled": cancelled})


def _has_attendance(session: Session, session_id: uuid.UUID) -> bool:
    return session.scalar(select(TrainingAttendance.session_id).where(TrainingAttendance.session_id == session_id).limit(1)) is not None


def _checked_session(session: Session, data: SessionInput) -> SessionInput:
    clean = clean_session(data)
    _check_kecamatan(session, clean.kecamatan_code)
    if clean.desa_id is not None:
        desa = session.get(Desa, clean.desa_id)
        if desa is None:
            raise ValidationError("Desa tidak dikenal.", field="desa_id")
        if clean.kecamatan_code and desa.kecamatan_code != clean.kecamatan_code:
            raise ValidationError("Desa itu tidak berada di kecamatan yang dipilih.", field="desa_id")
    return clean


def _session_input(row: TrainingSession) -> SessionInput:
    return SessionInput(row.held_on, row.starts_at, row.ends_at, row.place, row.kecamatan_code, row.desa_id,
                        row.facilitator, row.subject)


def _session_columns(data: SessionInput) -> dict[str, object]:
    return {
        "held_on": data.held_on, "starts_at": data.starts_at, "ends_at": data.ends_at, "place": data.place,
        "kecamatan_code": data.kecamatan_code, "desa_id": data.desa_id, "facilitator": data.facilitator,
        "subject": data.subject,
    }


def _session_snapshot(data: SessionInput) -> dict[str, object]:
    return {"held_on": data.held_on.isoformat(), "place": data.place, "facilitator": data.facilitator,
            "subject": data.subject}


def _check_kecamatan(session: Session, code: str | None) -> None:
    if code is not None and session.get(Kecamatan, code) is None:
        raise ValidationError("Kecamatan tidak dikenal.", field="kecamatan_code")


def _check_version(actual: int, expected: int, what: str) -> None:
    if actual != expected:
        raise ConflictError(f"{what} sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
