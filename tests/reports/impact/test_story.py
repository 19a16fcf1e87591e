"""The kisah sukses is one A4 page with the photo and the consent line, however long the story."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from koperasi.domain.impact.stories import MAX_TEXT, StoryPaper
from koperasi.domain.office.profile import OfficeProfile
from koperasi.reports.impact.story import write_story
from tests.services.impact.test_stories import png

OFFICE = OfficeProfile(name="Koperasi Berdaya Pauh", code="PAU", address="Jl. Lintas Sumatera", phone="081234567890")


def paper(text: str, photo: bytes | None) -> StoryPaper:
    return StoryPaper(OFFICE, "Kopi organik sampai ke Jambi", text, photo, "Siti Aminah", "Perdamaian", "Singkut",
                      date(2024, 1, 2), date(2026, 11, 20), "Budi Santoso", date(2026, 11, 28))


@pytest.mark.parametrize("photo", [None, png(600, 800)])
@pytest.mark.parametrize("text", ["Dulu meminjam ke rentenir.\n\nKini warungnya berkembang.", ("Kalimat yang panjang. " * 200)[:MAX_TEXT]])
def test_one_page_with_the_consent_line(text, photo):
    target = io.BytesIO()
    write_story(paper(text, photo), target)
    reader = PdfReader(io.BytesIO(target.getvalue()))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    content = page.extract_text().replace("\n", " ")
    assert "KISAH SUKSES" in content and "Kopi organik sampai ke Jambi" in content
    assert "persetujuan tertulis Siti Aminah tanggal 20 November 2026, dicatat oleh Budi Santoso" in content
    assert bool(page.images) == (photo is not None)
