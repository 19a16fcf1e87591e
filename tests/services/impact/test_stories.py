"""Kisah sukses: written with an optional photo, printed only with the member's recorded consent; audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from io import BytesIO

import pytest
from PIL import Image
from sqlalchemy import select

from koperasi.db.models import AuditEvent
from koperasi.domain.errors import ConflictError, PermissionDenied, ValidationError
from koperasi.domain.impact.stories import StoryDraft
from koperasi.domain.photos import MAX_PHOTO_BYTES
from koperasi.services.impact import stories
from tests.loan_support import loan_office


def png(width: int = 40, height: int = 30) -> bytes:
    stream = BytesIO()
    Image.new("RGB", (width, height), (120, 160, 90)).save(stream, "PNG")
    return stream.getvalue()


DRAFT = StoryDraft(title="Kopi organik sampai ke Jambi", text="Dulu Bu Siti meminjam ke rentenir.\n\nKini warungnya berkembang.",
                   photo=None, consent_on=None)


@pytest.fixture
def office(db, admin):
    return loan_office(db, admin)


def test_a_story_without_consent_is_kept_but_not_printed(db, office):
    siti = office.member()
    with db.session() as session:
        story_id = stories.save_story(session, office.clerk, siti, DRAFT)
        with pytest.raises(ValidationError, match="belum memberi persetujuan"):
            stories.story_paper(session, office.manager, story_id)
        [summary] = stories.list_stories(session, office.manager)
    assert summary.title == "Kopi organik sampai ke Jambi" and summary.consent_on is None and not summary.has_photo


def test_consent_records_the_day_and_who_recorded_it_and_then_the_paper_is_made(db, office):
    siti = office.member()
    with db.session() as session:
        story_id = stories.save_story(session, office.clerk, siti, replace(DRAFT, photo=png()))
        stories.save_story(session, office.manager, siti, replace(DRAFT, photo=png(), consent_on=date(2026, 11, 20)),
                           story_id=story_id, expected_version=1)
        # A later change by the clerk that keeps the day keeps who recorded it.
        stories.save_story(session, office.clerk, siti, replace(DRAFT, title="Kopi organik", photo=png(), consent_on=date(2026, 11, 20)),
                           story_id=story_id, expected_version=2)
        paper = stories.story_paper(session, office.manager, story_id)
        [summary] = stories.list_stories(session, office.manager)
        events = session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == str(story_id)).order_by(AuditEvent.id)).all()
    assert paper.consent_on == date(2026, 11, 20) and paper.consent_recorded_by == office.manager.full_name
    assert paper.title == "Kopi organik" and paper.photo == png() and paper.member_name == "Siti Aminah" and paper.desa == "Perdamaian"
    assert summary.consent_recorded_by == office.manager.full_name and summary.has_photo and summary.version == 3
    assert events == ["story_saved", "story_saved", "story_saved", "story_printed"]


def test_withdrawn_consent_stops_the_paper_again(db, office):
    siti = office.member()
    with db.session() as session:
        story_id = stories.save_story(session, office.clerk, siti, replace(DRAFT, consent_on=date(2026, 11, 20)))
        stories.save_story(session, office.clerk, siti, DRAFT, story_id=story_id, expected_version=1)
        with pytest.raises(ValidationError, match="persetujuan"):
            stories.story_paper(session, office.manager, story_id)
        assert stories.list_stories(session, office.manager)[0].consent_recorded_by is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "Isi judul kisah"),
        ({"text": ""}, "Isi isi kisah"),
        ({"text": "x" * 4001}, "paling banyak 4000"),
        ({"photo": b"GIF89a...."}, "JPEG atau PNG"),
        ({"photo": b"\x89PNG\r\n\x1a\n" + bytes(MAX_PHOTO_BYTES)}, "terlalu besar"),
        ({"consent_on": date(2026, 11, 29)}, "masa depan"),
        ({"consent_on": date(2023, 12, 31)}, "sebelum anggota terdaftar"),
    ],
)
def test_bad_input_is_refused_in_indonesian(db, office, changes, message):
    siti = office.member()
    with db.session() as session, pytest.raises(ValidationError, match=message):
        stories.save_story(session, office.clerk, siti, replace(DRAFT, **changes))


def test_a_stale_change_is_refused_and_the_treasurer_neither_writes_nor_reads(db, office):
    siti = office.member()
    with db.session() as session:
        story_id = stories.save_story(session, office.clerk, siti, DRAFT)
        stories.save_story(session, office.clerk, siti, replace(DRAFT, title="Warung Bu Siti"), story_id=story_id, expected_version=1)
        with pytest.raises(ConflictError):
            stories.save_story(session, office.manager, siti, DRAFT, story_id=story_id, expected_version=1)
        with pytest.raises(PermissionDenied):
            stories.save_story(session, office.treasurer, siti, DRAFT)
        with pytest.raises(PermissionDenied):
            stories.list_stories(session, office.treasurer)
        with pytest.raises(PermissionDenied):
            stories.story_paper(session, office.treasurer, story_id)
