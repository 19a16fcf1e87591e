"""The kisah sukses on one A4 page, for a funder: the office's header, the story with its photo beside the
text, and the line that says the member agreed to its publication (the day and who recorded it).

A long story is set in smaller type rather than running onto a second page.
"""

from __future__ import annotations

from functools import partial
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, HRFlowable, Image, ImageAndFlowables, KeepInFrame, Paragraph, Spacer

from koperasi.domain.dates import format_date
from koperasi.domain.impact.stories import StoryPaper
from koperasi.reports.layout import (
    A4_TEXT_WIDTH,
    BODY,
    BOLD,
    GREEN,
    GREY,
    RULE,
    TITLE,
    NumberedCanvas,
    Target,
    a4_document,
    office_header,
)

_KIND = BODY.clone("story_kind", fontName=BOLD, fontSize=9, leading=11, textColor=GREEN, spaceBefore=5 * mm)
_TITLE = TITLE.clone("story_title", alignment=0, fontSize=17, leading=21, spaceBefore=1 * mm, spaceAfter=1 * mm)
_WHO = BODY.clone("story_who", textColor=GREY, spaceAfter=4 * mm)
_TEXT = BODY.clone("story_text", fontSize=11, leading=15.5, spaceAfter=2.5 * mm)
_CONSENT = BODY.clone("story_consent", fontSize=8.5, leading=11, textColor=GREY)
_PHOTO_WIDTH, _PHOTO_HEIGHT = 75 * mm, 90 * mm
_BODY_HEIGHT = 185 * mm  # what is left of the frame under the header, the title and above the consent line


def write_story(paper: StoryPaper, target: Target) -> None:
    document = a4_document(target, f"Kisah sukses: {paper.title}", paper.office.name)
    footer = partial(NumberedCanvas, left_text="Kisah sukses", right_text=f"Dicetak {format_date(paper.printed_on)}")
    who = (f"{escape(paper.member_name)} \u00b7 Desa {escape(paper.desa)}, Kecamatan {escape(paper.kecamatan)} "
           f"\u00b7 anggota sejak {escape(format_date(paper.joined_on))}")
    paragraphs: list[Flowable] = [Paragraph(escape(part).replace("\n", "<br/>"), _TEXT)
                                  for part in paper.text.split("\n\n") if part.strip()]
    body: Flowable
    if paper.photo is not None:
        body = ImageAndFlowables(_photo(paper.photo), paragraphs, imageSide="right", imageLeftPadding=5 * mm,
                                 imageBottomPadding=3 * mm)
        content: list[Flowable] = [body]
    else:
        content = paragraphs
    consent = (f"Kisah dan foto ini diterbitkan dengan persetujuan tertulis {escape(paper.member_name)} tanggal "
               f"{escape(format_date(paper.consent_on))}, dicatat oleh {escape(paper.consent_recorded_by)}.")
    document.build([
        *office_header(paper.office),
        Paragraph("KISAH SUKSES", _KIND),
        Paragraph(escape(paper.title), _TITLE),
        Paragraph(who, _WHO),
        KeepInFrame(A4_TEXT_WIDTH, _BODY_HEIGHT, content, mode="shrink"),
        Spacer(0, 3 * mm),
        HRFlowable(width="100%", thickness=0.6, color=RULE, spaceAfter=2 * mm),
        Paragraph(consent, _CONSENT),
    ], canvasmaker=footer)


def _photo(photo: bytes) -> Image:
    width, height = ImageReader(BytesIO(photo)).getSize()
    scale = min(_PHOTO_WIDTH / width, _PHOTO_HEIGHT / height)
    return Image(BytesIO(photo), width=width * scale, height=height * scale)
