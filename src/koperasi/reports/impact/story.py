"""The kisah sukses on one A4 page, for a funder: the office's header, the story with its photo beside the
text, and the line that says the member agreed to its publication (the day and who recorded it).

A long story is set in smaller type rather than running onto a second page.
"""

from __future__ import annotations

from functools import partial
from io import BytesIO
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch, mm
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
_DPI = 200  # a photo's pixels per inch on paper: sharp in print, a few tens of KB in the PDF
_JPEG_QUALITY = 85


def write_story(paper: StoryPaper, target: Target) -> None:
    document = a4_document(target, f"Kisah sukses: {paper.title}", paper.office.name)
    footer = partial(NumberedCanvas, left_text="Kisah sukses", right_text=f"Dicetak {format_date(paper.printed_on)}")
    document.build([
        *office_header(paper.office),
        Paragraph("KISAH SUKSES", _KIND),
        Paragraph(escape(paper.title), _TITLE),
        Paragraph(who(paper), _WHO),
        KeepInFrame(A4_TEXT_WIDTH, _BODY_HEIGHT, story_body(paper, _TEXT, _PHOTO_WIDTH, _PHOTO_HEIGHT), mode="shrink"),
        Spacer(0, 3 * mm),
        HRFlowable(width="100%", thickness=0.6, color=RULE, spaceAfter=2 * mm),
        Paragraph(consent(paper), _CONSENT),
    ], canvasmaker=footer)


def who(paper: StoryPaper) -> str:
    return (f"{escape(paper.member_name)} \u00b7 Desa {escape(paper.desa)}, Kecamatan {escape(paper.kecamatan)} "
            f"\u00b7 anggota sejak {escape(format_date(paper.joined_on))}")


def consent(paper: StoryPaper) -> str:
    what = "Kisah dan foto ini" if paper.photo is not None else "Kisah ini"
    return (f"{what} diterbitkan dengan persetujuan tertulis {escape(paper.member_name)} tanggal "
            f"{escape(format_date(paper.consent_on))}, dicatat oleh {escape(paper.consent_recorded_by)}.")


def story_body(paper: StoryPaper, style: ParagraphStyle, photo_width: float, photo_height: float) -> list[Flowable]:
    """The story's paragraphs (a blank line parts them), with the photo, if any, on their right within the box given."""
    paragraphs: list[Flowable] = [Paragraph(escape(part).replace("\n", "<br/>"), style)
                                  for part in paper.text.split("\n\n") if part.strip()]
    if paper.photo is None:
        return paragraphs
    return [ImageAndFlowables(page_photo(paper.photo, photo_width, photo_height), paragraphs, imageSide="right",
                              imageLeftPadding=5 * mm, imageBottomPadding=3 * mm)]


def page_photo(photo: bytes, width: float, height: float) -> Image:
    """The photo fitted into ``width`` x ``height`` points, its pixels cut down to what the page shows at ``_DPI``: a
    photo kept at the 400 KB limit is not carried whole into every report that shows it."""
    picture = PILImage.open(BytesIO(photo))
    scale = min(width / picture.width, height / picture.height)
    shown = (picture.width * scale, picture.height * scale)
    pixels = (max(1, round(shown[0] / inch * _DPI)), max(1, round(shown[1] / inch * _DPI)))
    if pixels[0] < picture.width:
        smaller = picture.convert("RGB")
        smaller.thumbnail(pixels)
        stream = BytesIO()
        smaller.save(stream, "JPEG", quality=_JPEG_QUALITY)
        photo = stream.getvalue()
    return Image(BytesIO(photo), width=shown[0], height=shown[1])
