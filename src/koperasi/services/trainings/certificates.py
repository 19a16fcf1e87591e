"""Certificates (sertifikat): only for those who met the programme's rule, numbered once."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import (
    TrainingAttendance,
    TrainingBatch,
    TrainingCertificate,
    TrainingParticipant,
    TrainingProgramme,
    TrainingSession,
)
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.office.numbering import DocumentType
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.trainings.rules import CompletionRule, RuleKind
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.office.numbering import next_number
from koperasi.services.office.profile import the_office
from koperasi.services.trainings.participants import ParticipantView, list_participants
from koperasi.services.transaction import write
from koperasi import clock


def issue_certificate(session: Session, actor: Actor, participant_id: uuid.UUID, *, issued_on: date) -> str:
    """Issue one participant's certificate and return its number."""
    with write(session):
        authorize(session, actor, Permission.ISSUE_CERTIFICATES)
        row = session.get(TrainingParticipant, participant_id)
        if row is None:
            raise NotFound("Peserta tidak ditemukan.")
        person = next(view for view in list_participants(session, actor, row.batch_id) if view.id == participant_id)
        return _issue(session, actor, row.batch_id, person, issued_on)


def issue_all(session: Session, actor: Actor, batch_id: uuid.UUID, *, issued_on: date) -> list[str]:
    """Certificates for everyone in the batch who completed and has none yet; returns the new numbers."""
    with write(session):
        authorize(session, actor, Permission.ISSUE_CERTIFICATES)
        waiting = [view for view in list_participants(session, actor, batch_id) if view.completed and not view.certificate_number]
        if not waiting:
            raise ValidationError("Tidak ada peserta lulus yang belum bersertifikat di angkatan ini.")
        return [_issue(session, actor, batch_id, person, issued_on) for person in waiting]


def _issue(session: Session, actor: Actor, batch_id: uuid.UUID, person: ParticipantView, issued_on: date) -> str:
    if person.certificate_number:
        raise ValidationError(f"{person.name} sudah bersertifikat nomor {person.certificate_number}.")
    if not person.completed:
        batch = session.get(TrainingBatch, batch_id)
        programme = session.get(TrainingProgramme, batch.programme_id)
        rule = CompletionRule(RuleKind(programme.rule_kind), programme.rule_value)
        why = "sudah mengundurkan diri" if person.withdrawn_on else (
            f"hadir {person.attended} dari {person.sessions_held} sesi, syaratnya {rule.label}"
        )
        raise ValidationError(f"{person.name} belum memenuhi syarat sertifikat: {why}.")
    if issued_on > clock.today():
        raise ValidationError("Tanggal sertifikat tidak boleh di masa depan.", field="issued_on")
    last_session = session.scalar(
        select(func.max(TrainingSession.held_on))
        .where(TrainingSession.batch_id == batch_id, TrainingSession.cancelled.is_(False),
               TrainingSession.id.in_(select(TrainingAttendance.session_id)))
    )
    if last_session is not None and issued_on < last_session:
        raise ValidationError(f"Tanggal sertifikat tidak boleh sebelum sesi terakhir ({last_session:%d-%m-%Y}).",
                              field="issued_on")
    office = the_office(session)
    number = next_number(session, office_code=office.code, doc_type=DocumentType.CERTIFICATE, year=issued_on.year)
    session.add(TrainingCertificate(number=number, participant_id=person.id, issued_on=issued_on, issued_by=actor.user_id,
                                    created_at=clock.now()))
    session.flush()
    audit.record(session, actor, action=AuditAction.CERTIFICATE_ISSUED, entity="batch", entity_id=batch_id,
                 after={"participant": person.name, "number": number})
    return number

