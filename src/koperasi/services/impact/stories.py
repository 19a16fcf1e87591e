"""Kisah sukses: writing a member's story, its photo and consent; listing them; the one-page paper.

Writing needs ``RECORD_VISITS`` (the people who visit the households); reading needs ``VIEW_HOUSEHOLDS``.
Every save and every paper made is audited. A story without the member's consent is never handed out
as a paper (``story_paper`` refuses it) and the funder's report leaves it out.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from koperasi import clock
from koperasi.db.models import Desa, Kecamatan, Member, SuccessStory, User
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.impact.stories import NO_CONSENT, StoryDraft, StoryPaper, StorySummary, check_story
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.office.profile import current_office
from koperasi.services.transaction import write


def _member(session: Session, member_id: uuid.UUID) -> Member:
    member = session.get(Member, member_id) if isinstance(member_id, uuid.UUID) else None
    if member is None:
        raise NotFound("Anggota tidak ditemukan.")
    return member


def _story(session: Session, story_id: uuid.UUID) -> SuccessStory:
    story = session.get(SuccessStory, story_id) if isinstance(story_id, uuid.UUID) else None
    if story is None:
        raise NotFound("Kisah tidak ditemukan.")
    return story


def _snapshot(story: SuccessStory) -> dict[str, object]:
    return {"judul": story.title, "panjang": len(story.text),
            "foto": f"{len(story.photo) // 1000} KB" if story.photo else None,
            "persetujuan": story.consent_on.isoformat() if story.consent_on else None}


def save_story(
    session: Session, actor: Actor, member_id: uuid.UUID, draft: StoryDraft, *, story_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> uuid.UUID:
    """A new story (``story_id`` None) or a change to one; whoever enters or changes the consent day is
    recorded as the one who recorded the consent."""
    with write(session):
        authorize(session, actor, Permission.RECORD_VISITS)
        member = _member(session, member_id)
        clean = check_story(draft, joined_on=member.join_date, today=clock.today())
        if story_id is None:
            story = SuccessStory(id=uuid.uuid4(), member_id=member.id, created_by=actor.user_id, created_at=clock.now())
            before = None
        else:
            story = _story(session, story_id)
            if story.member_id != member.id:
                raise ValidationError("Kisah ini milik anggota lain.", field="member")
            if story.version != expected_version:
                raise ConflictError("Kisah ini sudah diubah oleh petugas lain sejak Anda membukanya. "
                                    "Muat ulang lalu ulangi perubahan Anda.")
            before = _snapshot(story)
        if clean.consent_on != story.consent_on:
            story.consent_recorded_by = actor.user_id if clean.consent_on is not None else None
        story.title, story.text, story.photo, story.consent_on = clean.title, clean.text, clean.photo, clean.consent_on
        if story_id is None:
            session.add(story)
        session.flush()
        audit.record(session, actor, action=AuditAction.STORY_SAVED, entity="success_story", entity_id=story.id,
                     before=before, after={**_snapshot(story), "anggota": member.number})
        return story.id


def list_stories(session: Session, actor: Actor) -> list[StorySummary]:
    """Every story, newest first, with whether it may leave the office."""
    authorize(session, actor, Permission.VIEW_HOUSEHOLDS)
    recorder = aliased(User)
    rows = session.execute(
        select(SuccessStory.id, SuccessStory.member_id, Member.number, Member.full_name, SuccessStory.title,
               SuccessStory.photo.is_not(None).label("has_photo"), SuccessStory.consent_on, recorder.full_name.label("recorder"),
               SuccessStory.version)
        .join(Member, Member.id == SuccessStory.member_id)
        .outerjoin(recorder, recorder.id == SuccessStory.consent_recorded_by)
        .order_by(SuccessStory.created_at.desc(), SuccessStory.id)
    ).all()
    return [StorySummary(row.id, row.member_id, row.number, row.full_name, row.title, bool(row.has_photo), row.consent_on,
                         row.recorder, row.version) for row in rows]


def story_draft(session: Session, actor: Actor, story_id: uuid.UUID) -> StoryDraft:
    """A story as it is stored, to change it."""
    authorize(session, actor, Permission.VIEW_HOUSEHOLDS)
    story = _story(session, story_id)
    return StoryDraft(title=story.title, text=story.text, photo=story.photo, consent_on=story.consent_on)


def story_paper(session: Session, actor: Actor, story_id: uuid.UUID) -> StoryPaper:
    """The one-page story for a funder: refused without the member's consent; audited."""
    with write(session):
        authorize(session, actor, Permission.VIEW_HOUSEHOLDS)
        story = _story(session, story_id)
        if story.consent_on is None or story.consent_recorded_by is None:
            raise ValidationError(NO_CONSENT, field="consent_on")
        return _paper(session, actor, story)


def published_stories(session: Session, population: Select | None, period_from: date, period_to: date) -> list[StoryPaper]:
    """The stories of ``population``'s members (None: everyone) whose consent to publish was recorded in the period,
    by consent day: what the funder's report carries. A story without consent is never among them; the caller has
    checked the right and audits the report."""
    recorder = aliased(User)
    query = (
        select(SuccessStory.title, SuccessStory.text, SuccessStory.photo, Member.full_name, Desa.name.label("desa"),
               Kecamatan.name.label("kecamatan"), Member.join_date, SuccessStory.consent_on, recorder.full_name.label("recorder"))
        .join(Member, Member.id == SuccessStory.member_id).join(Desa, Desa.id == Member.desa_id)
        .join(Kecamatan, Kecamatan.code == Member.kecamatan_code).join(recorder, recorder.id == SuccessStory.consent_recorded_by)
        .where(SuccessStory.consent_on.between(period_from, period_to))
        .order_by(SuccessStory.consent_on, SuccessStory.title, SuccessStory.id)
    )
    if population is not None:
        query = query.where(SuccessStory.member_id.in_(population))
    office, today = current_office(session).profile, clock.today()
    return [StoryPaper(office=office, title=row.title, text=row.text, photo=row.photo, member_name=row.full_name, desa=row.desa,
                       kecamatan=row.kecamatan, joined_on=row.join_date, consent_on=row.consent_on,
                       consent_recorded_by=row.recorder, printed_on=today) for row in session.execute(query)]


def _paper(session: Session, actor: Actor, story: SuccessStory) -> StoryPaper:
    member = session.get(Member, story.member_id)
    desa = session.scalar(select(Desa.name).where(Desa.id == member.desa_id))
    kecamatan = session.scalar(select(Kecamatan.name).where(Kecamatan.code == member.kecamatan_code))
    recorder = session.scalar(select(User.full_name).where(User.id == story.consent_recorded_by))
    paper = StoryPaper(
        office=current_office(session).profile, title=story.title, text=story.text, photo=story.photo,
        member_name=member.full_name, desa=desa or "", kecamatan=kecamatan or "", joined_on=member.join_date,
        consent_on=story.consent_on, consent_recorded_by=recorder or "", printed_on=clock.today(),
    )
    audit.record(session, actor, action=AuditAction.STORY_PRINTED, entity="success_story", entity_id=story.id,
                 after={"judul": story.title, "anggota": member.number})
    return paper
