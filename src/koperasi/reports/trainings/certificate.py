"""The sertifikat pelatihan: A4 landscape, one page a participant, drawn straight onto the canvas.

The border is ruled with canvas lines (no image files to ship or lose); the name is set as
large as fits the page and shrinks, then breaks onto a second line, for long names.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from koperasi.domain.dates import date_range, format_date
from koperasi.domain.trainings.papers import Certificate
from koperasi.reports.layout import (
    BODY,
    BOLD,
    GREEN,
    GREY,
    ITALIC,
    PALE_GREEN,
    REGULAR,
    SignatureBlock,
    Target,
    binary_streams,
    clip,
    office_details,
    output,
)

_PAGE = landscape(A4)
_CENTRE = _PAGE[0] / 2
_TEXT_WIDTH = 225 * mm  # inside the border, with air on both sides
_NAME_SIZES = (30, 16)  # largest and smallest point size for the name before it takes two lines
_SIGNATURE_BOTTOM = 22 * mm
_WORDING = BODY.clone("certificate_body", fontSize=12.5, leading=17, alignment=TA_CENTER)


def write_certificate(cert: Certificate, target: Target) -> None:
    """One certificate, one page."""
    write_certificates([cert], target)


def write_certificates(certs: Sequence[Certificate], target: Target) -> None:
    """Every certificate of a batch in one PDF, one page each, in the order given."""
    if not certs:
        raise ValueError("no certificates to write")
    canvas = Canvas(output(target), pagesize=_PAGE)
    first = certs[0]
    canvas.setTitle(f"Sertifikat {first.number}" if len(certs) == 1 else f"Sertifikat {first.programme} {first.batch}")
    canvas.setAuthor(first.office.name)
    with binary_streams():
        # The border is drawn once as a form and placed on every page: less to write, a smaller file.
        canvas.beginForm("border")
        _border(canvas)
        canvas.endForm()
        for cert in certs:
            canvas.doForm("border")
            _page(canvas, cert)
            canvas.showPage()
        canvas.save()


def _border(canvas: Canvas) -> None:
    """A thick outer rule, a thin inner one, a pale band between, and a diamond in each corner."""
    width, height = _PAGE
    outer, inner = 9 * mm, 14 * mm
    canvas.saveState()
    canvas.setStrokeColor(PALE_GREEN)
    canvas.setLineWidth(inner - outer - 2 * mm)
    band = (outer + inner) / 2
    canvas.rect(band, band, width - 2 * band, height - 2 * band)
    canvas.setStrokeColor(GREEN)
    canvas.setLineWidth(2.4)
    canvas.rect(outer, outer, width - 2 * outer, height - 2 * outer)
    canvas.setLineWidth(0.8)
    canvas.rect(inner, inner, width - 2 * inner, height - 2 * inner)
    canvas.setLineWidth(0.5)
    canvas.rect(inner + 2 * mm, inner + 2 * mm, width - 2 * inner - 4 * mm, height - 2 * inner - 4 * mm)
    # Evenly spaced ticks across the pale band, like a guilloche's rhythm.
    canvas.setStrokeColor(GREEN)
    canvas.setLineWidth(0.3)
    ticks = []
    step = 6 * mm
    x = band + step
    while x < width - band - step / 2:
        ticks += [(x - 1.2 * mm, band - 1.2 * mm, x + 1.2 * mm, band + 1.2 * mm), (x - 1.2 * mm, height - band - 1.2 * mm, x + 1.2 * mm, height - band + 1.2 * mm)]
        x += step
    y = band + step
    while y < height - band - step / 2:
        ticks += [(band - 1.2 * mm, y - 1.2 * mm, band + 1.2 * mm, y + 1.2 * mm), (width - band - 1.2 * mm, y - 1.2 * mm, width - band + 1.2 * mm, y + 1.2 * mm)]
        y += step
    canvas.lines(ticks)
    for cx, cy in ((band, band), (width - band, band), (band, height - band), (width - band, height - band)):
        _diamond(canvas, cx, cy, 5 * mm)
        _diamond(canvas, cx, cy, 2.5 * mm, fill=True)
    canvas.restoreState()


def _diamond(canvas: Canvas, x: float, y: float, radius: float, *, fill: bool = False) -> None:
    path = canvas.beginPath()
    path.moveTo(x, y + radius)
    path.lineTo(x + radius, y)
    path.lineTo(x, y - radius)
    path.lineTo(x - radius, y)
    path.close()
    canvas.setFillColor(GREEN if fill else PALE_GREEN)
    canvas.setLineWidth(0.8)
    canvas.drawPath(path, stroke=1, fill=1)


def _page(canvas: Canvas, cert: Certificate) -> None:
    top = _PAGE[1]
    canvas.setFillColor(GREEN)
    canvas.setFont(BOLD, 13)
    canvas.drawCentredString(_CENTRE, top - 30 * mm, clip(cert.office.name, _TEXT_WIDTH, BOLD, 13))
    details = office_details(cert.office)
    if details:
        canvas.setFillColor(GREY)
        canvas.setFont(REGULAR, 8.5)
        canvas.drawCentredString(_CENTRE, top - 35 * mm, clip(details, _TEXT_WIDTH, REGULAR, 8.5))

    _spaced(canvas, "SERTIFIKAT", top - 54 * mm, BOLD, 38, 6)
    canvas.setFillColor(GREY)
    canvas.setFont(REGULAR, 11)
    canvas.drawCentredString(_CENTRE, top - 63 * mm, clip(f"Nomor: {cert.number}", _TEXT_WIDTH, REGULAR, 11))

    canvas.setFillColor(GREY)
    canvas.setFont(ITALIC, 12)
    canvas.drawCentredString(_CENTRE, top - 77 * mm, "diberikan kepada")
    y = _name(canvas, cert.name, top - 91 * mm)
    if cert.identity:
        canvas.setFillColor(GREY)
        canvas.setFont(REGULAR, 10)
        canvas.drawCentredString(_CENTRE, y - 6 * mm, clip(cert.identity, _TEXT_WIDTH, REGULAR, 10))
        y -= 6 * mm

    block = SignatureBlock(90 * mm, [f"{cert.place}, {format_date(cert.issued_on)}", cert.signer_title], cert.signer_name, gap=20 * mm, size=10.5)
    _, block_height = block.wrap(90 * mm, 60 * mm)
    block.drawOn(canvas, _PAGE[0] - 35 * mm - 90 * mm, _SIGNATURE_BOTTOM)

    # The wording shrinks, rarely, when a long name, programme and partner would reach the signature.
    room = y - 9 * mm - (_SIGNATURE_BOTTOM + block_height + 4 * mm)
    text = "<br/>".join(_wording(cert))
    for size in (12.5, 11.5, 10.5, 9.5, 8.5):
        wording = Paragraph(text, _WORDING.clone("certificate_fitted", fontSize=size, leading=size * 1.36))
        _, height = wording.wrap(_TEXT_WIDTH, room)
        if height <= room:
            break
    wording.drawOn(canvas, _CENTRE - _TEXT_WIDTH / 2, y - 9 * mm - height)


def _wording(cert: Certificate) -> list[str]:
    programme = f"<b>{escape(cert.programme)}</b>"
    if cert.topic and cert.topic.strip().lower() != cert.programme.strip().lower():
        programme += f" ({escape(cert.topic)})"
    lines = [
        f"atas partisipasinya dalam pelatihan {programme}",
        f"{escape(cert.batch)}, tanggal {date_range(cert.first_day, cert.last_day)},",
        f"dengan kehadiran {cert.sessions_attended} dari {cert.sessions_held} sesi.",
    ]
    if cert.partner:
        lines.append(f"Pelatihan ini terselenggara atas kerja sama dengan {escape(cert.partner.rstrip('.'))}.")
    return lines


def _spaced(canvas: Canvas, text: str, y: float, font: str, size: float, spacing: float) -> None:
    """Letter-spaced and centred, as a certificate's title is set."""
    width = stringWidth(text, font, size) + spacing * (len(text) - 1)
    canvas.setFillColor(GREEN)
    canvas.setFont(font, size)
    canvas.drawString(_CENTRE - width / 2, y, text, charSpace=spacing)


def _name(canvas: Canvas, name: str, y: float) -> float:
    """The name centred at ``y``, as large as fits; a name too long even at the smallest size goes
    onto two lines. Returns the baseline of its last line, with the rule beneath drawn."""
    largest, smallest = _NAME_SIZES
    size = largest
    while size > smallest and stringWidth(name, BOLD, size) > _TEXT_WIDTH:
        size -= 1
    lines = simpleSplit(name, BOLD, size, _TEXT_WIDTH) or [""]
    if len(lines) > 2:  # past ~130 characters: the rest is cut with an ellipsis on the second line
        lines = [lines[0], clip(" ".join(lines[1:]), _TEXT_WIDTH, BOLD, size)]
    canvas.setFillColor(GREEN)
    canvas.setFont(BOLD, size)
    for index, line in enumerate(lines):
        canvas.drawCentredString(_CENTRE, y - index * size * 1.15, line)
    y -= (len(lines) - 1) * size * 1.15
    canvas.setStrokeColor(GREEN)
    canvas.setLineWidth(0.6)
    canvas.line(_CENTRE - 80 * mm, y - 3 * mm, _CENTRE + 80 * mm, y - 3 * mm)
    return y - 3 * mm
