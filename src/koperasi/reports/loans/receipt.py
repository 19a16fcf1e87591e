"""The kwitansi: on A5 landscape paper (the size of a receipt book) and on an 80 mm thermal roll."""

from __future__ import annotations

import textwrap
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate, Paragraph, Spacer, Table

from koperasi.domain.dates import format_date, place_and_date
from koperasi.domain.loans.papers import Receipt
from koperasi.domain.money import format_rupiah
from koperasi.reports.layout import (
    amount_in_words,
    BODY,
    BOLD,
    GREEN,
    GREY,
    ITALIC,
    OFFICE_LINE,
    RED,
    REGULAR,
    RULE,
    SignatureBlock,
    Target,
    amount_box,
    bare_frame,
    draw_cancelled_stamp,
    office_details,
    output,
    plain_style,
    words_box,
)

_PAGE = landscape(A5)
_MARGIN = 12 * mm
_WIDTH = _PAGE[0] - 2 * _MARGIN
_LABEL_WIDTH = 38 * mm

_OFFICE = ParagraphStyle("receipt_office", parent=BODY, fontName=BOLD, fontSize=12, leading=14, textColor=GREEN)
_NUMBER = ParagraphStyle("receipt_number", parent=BODY, fontSize=9.5, alignment=TA_RIGHT)
_TITLE = ParagraphStyle("receipt_title", parent=BODY, fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER, spaceBefore=3 * mm, spaceAfter=3 * mm)
_LABEL = ParagraphStyle("receipt_label", parent=BODY, fontSize=10, leading=13, textColor=GREY)
_VALUE = ParagraphStyle("receipt_value", parent=BODY, fontSize=10, leading=13)
_WORDS = ParagraphStyle("receipt_words", parent=_VALUE, fontName=ITALIC, fontSize=10.5, leading=13.5)
_LINE = ParagraphStyle("receipt_line", parent=BODY, fontSize=9, leading=11)
_AMOUNT = ParagraphStyle("receipt_amount", parent=BODY, fontName=BOLD, fontSize=16, leading=19)
_SMALL = ParagraphStyle("receipt_small", parent=BODY, fontSize=8, leading=10, textColor=GREY)
_CANCELLED = ParagraphStyle("receipt_cancelled", parent=BODY, fontName=BOLD, fontSize=10, leading=13, textColor=RED, spaceBefore=2 * mm)


def _with_member_number(name: str, receipt: Receipt) -> str:
    return f"{name} (No. anggota {receipt.member_number})" if receipt.member_number else name


def _payer(receipt: Receipt) -> str:
    """Who handed the money over; the member's number only when that is the member, never beside the office."""
    return _with_member_number(receipt.received_from, receipt) if receipt.paid_by_member else receipt.received_from


def _member_receiver(receipt: Receipt) -> str:
    """The member who received the office's money (a disbursement), with the number; "" when the member paid."""
    return "" if receipt.paid_by_member else _with_member_number(receipt.received_by, receipt)


def _purpose(receipt: Receipt) -> str:
    if receipt.loan_number and receipt.loan_number not in receipt.purpose:
        return f"{receipt.purpose} (No. pinjaman {receipt.loan_number})"
    return receipt.purpose


# --- A5 -------------------------------------------------------------------------------


def write_receipt_a5(receipt: Receipt, target: Target) -> None:
    """The kwitansi on A5 landscape; a cancelled one carries a diagonal BATAL stamp and the reason."""
    frame = bare_frame(_MARGIN, _MARGIN, _WIDTH, _PAGE[1] - 2 * _MARGIN)
    stamp = {"onPageEnd": draw_cancelled_stamp} if receipt.cancelled else {}
    document = BaseDocTemplate(
        output(target),
        pagesize=_PAGE,
        pageTemplates=[PageTemplate(frames=[frame], **stamp)],
        title=f"Kwitansi {receipt.number}",
        author=receipt.office.name,
    )
    document.build(_receipt_story(receipt))


def _receipt_story(receipt: Receipt) -> list[Flowable]:
    details = office_details(receipt.office)
    office = [Paragraph(escape(receipt.office.name), _OFFICE)]
    if details:
        office.append(Paragraph(escape(details), OFFICE_LINE))
    number = Paragraph(f"No. <b>{escape(receipt.number)}</b>", _NUMBER)
    head = Table([[office, number]], colWidths=[_WIDTH - 62 * mm, 62 * mm])
    head.setStyle(plain_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 1.2, GREEN), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm)))

    rows = [("Telah terima dari", Paragraph(escape(_payer(receipt)), _VALUE))]
    if receiver := _member_receiver(receipt):
        rows.append(("Diterima oleh", Paragraph(escape(receiver), _VALUE)))
    rows += [
        ("Uang sejumlah", _words_box(receipt.amount)),
        ("Untuk pembayaran", Paragraph(escape(_purpose(receipt)), _VALUE)),
    ]
    if len(receipt.lines) > 1:
        rows.append(("Rincian", _breakdown(receipt)))
    if receipt.remaining_balance is not None:
        rows.append((receipt.balance_label, Paragraph(escape(format_rupiah(receipt.remaining_balance)), _VALUE)))
    body = Table([[Paragraph(label, _LABEL), ":", value] for label, value in rows], colWidths=[_LABEL_WIDTH, 4 * mm, _WIDTH - _LABEL_WIDTH - 4 * mm])
    body.setStyle(plain_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (1, 0), (1, -1), REGULAR, 10), ("TEXTCOLOR", (1, 0), (1, -1), GREY), ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm)))

    story: list[Flowable] = [head, Paragraph(escape(receipt.title), _TITLE), body]
    if receipt.cancelled:
        reason = f": {receipt.cancel_reason}" if receipt.cancel_reason else ""
        story.append(Paragraph(escape(f"DIBATALKAN{reason}"), _CANCELLED))
    story += [Spacer(0, 3 * mm), _bottom(receipt)]
    return story


def _words_box(amount: int) -> Table:
    return words_box(Paragraph(escape(amount_in_words(amount)), _WORDS), _WIDTH - _LABEL_WIDTH - 4 * mm)


def _breakdown(receipt: Receipt) -> Table:
    width = 110 * mm
    lines = Table(
        [[Paragraph(escape(line.label), _LINE), format_rupiah(line.amount)] for line in receipt.lines],
        colWidths=[width - 35 * mm, 35 * mm],
    )
    lines.setStyle(
        plain_style(
            ("FONT", (1, 0), (1, -1), REGULAR, 9),
            ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        )
    )
    return lines


def _bottom(receipt: Receipt) -> Table:
    figures = amount_box(Paragraph(escape(format_rupiah(receipt.amount)), _AMOUNT), 62 * mm)
    left: list[Flowable] = [Paragraph("Jumlah", _SMALL), Spacer(0, 1 * mm), figures]
    if receipt.clerk_name:
        left += [Spacer(0, 2 * mm), Paragraph(escape(f"Dicatat oleh: {receipt.clerk_name}"), _SMALL)]
    signature_width = 75 * mm
    signature = SignatureBlock(
        signature_width,
        [place_and_date(receipt.place, receipt.issued_on), receipt.signer_label],
        receipt.received_by,
        gap=20 * mm,
        meterai=receipt.needs_meterai,
        size=10,
    )
    bottom = Table([[left, signature]], colWidths=[_WIDTH - signature_width, signature_width])
    bottom.setStyle(plain_style(("VALIGN", (0, 0), (0, 0), "BOTTOM"), ("VALIGN", (1, 0), (1, 0), "TOP")))
    return bottom


# --- 80 mm thermal roll ----------------------------------------------------------------

_ROLL_WIDTH = 80 * mm
_ROLL_MARGIN = 4 * mm  # 72 mm printable
_ROLL_SIZE = 8.0
_ROLL_LEADING = 10.0
_COLUMNS = int((_ROLL_WIDTH - 2 * _ROLL_MARGIN) / (0.6 * _ROLL_SIZE))  # Courier is 0.6 em wide: 42 characters
_MONO, _MONO_BOLD = "Courier", "Courier-Bold"


def write_receipt_thermal(receipt: Receipt, target: Target) -> None:
    """The kwitansi on an 80 mm roll (72 mm printable), as long as its content needs."""
    lines = _roll_lines(receipt)
    meterai_height = 16 * mm if receipt.needs_meterai else 0
    height = 2 * _ROLL_MARGIN + len(lines) * _ROLL_LEADING + meterai_height
    canvas = Canvas(output(target), pagesize=(_ROLL_WIDTH, height))
    canvas.setTitle(f"Kwitansi {receipt.number}")
    canvas.setAuthor(receipt.office.name)
    y = height - _ROLL_MARGIN - _ROLL_SIZE
    left, right, middle = _ROLL_MARGIN, _ROLL_WIDTH - _ROLL_MARGIN, _ROLL_WIDTH / 2
    for kind, text, *rest in lines:
        if kind == "meterai":
            box_width, box_height = 26 * mm, 14 * mm
            canvas.saveState()
            canvas.setDash(2, 2)
            canvas.rect(middle - box_width / 2, y - box_height + _ROLL_SIZE, box_width, box_height)
            canvas.restoreState()
            canvas.setFont(_MONO, 7)
            canvas.drawCentredString(middle, y - box_height / 2 + _ROLL_SIZE + 1, "Meterai")
            canvas.drawCentredString(middle, y - box_height / 2 + _ROLL_SIZE - 7, "Rp10.000")
            y -= meterai_height
            continue
        canvas.setFont(_MONO_BOLD if kind in ("bold", "centre-bold", "pair-bold") else _MONO, _ROLL_SIZE)
        if kind in ("centre", "centre-bold"):
            canvas.drawCentredString(middle, y, text)
        elif kind in ("pair", "pair-bold"):
            canvas.drawString(left, y, text)
            canvas.drawRightString(right, y, rest[0])
        else:
            canvas.drawString(left, y, text)
        y -= _ROLL_LEADING
    canvas.showPage()
    canvas.save()


def _roll_lines(receipt: Receipt) -> list[tuple[str, ...]]:
    """(kind, text[, right text]) per printed line; every text fits the 42 columns."""
    rule = ("text", "-" * _COLUMNS)
    lines: list[tuple[str, ...]] = []

    def wrapped(kind: str, text: str, indent: str = "") -> None:
        for part in textwrap.wrap(text, _COLUMNS, subsequent_indent=indent, break_long_words=True) or [""]:
            lines.append((kind, part))

    def pair(label: str, amount: str, kind: str = "pair") -> None:
        room = _COLUMNS - len(amount) - 1
        parts = textwrap.wrap(label, room, break_long_words=True) or [""]
        lines.extend(("text", part) for part in parts[:-1])
        lines.append((kind, parts[-1], amount))

    wrapped("centre-bold", receipt.office.name.upper())
    if details := office_details(receipt.office):
        wrapped("centre", details)
    lines.append(rule)
    wrapped("centre-bold", receipt.title)
    if receipt.cancelled:
        lines += [("centre-bold", "*** BATAL ***")]
        wrapped("centre", f"Dibatalkan: {receipt.cancel_reason}" if receipt.cancel_reason else "Dibatalkan")
    lines.append(rule)
    wrapped("text", f"No.     : {receipt.number}", " " * 10)
    wrapped("text", f"Tanggal : {format_date(receipt.issued_on)}", " " * 10)
    if receipt.loan_number:
        wrapped("text", f"Pinjaman: {receipt.loan_number}", " " * 10)
    lines.append(rule)
    wrapped("text", "Telah terima dari:")
    wrapped("bold", _payer(receipt))
    if receiver := _member_receiver(receipt):
        wrapped("text", "Diterima oleh:")
        wrapped("bold", receiver)
    wrapped("text", "Untuk pembayaran:")
    wrapped("text", receipt.purpose)
    lines.append(rule)
    for line in receipt.lines if len(receipt.lines) > 1 else ():
        pair(line.label, format_rupiah(line.amount))
    if len(receipt.lines) > 1:
        lines.append(rule)
    pair("JUMLAH", format_rupiah(receipt.amount), "pair-bold")
    wrapped("text", f"Terbilang: {amount_in_words(receipt.amount)}", "")
    if receipt.remaining_balance is not None:
        pair(receipt.balance_label, format_rupiah(receipt.remaining_balance))
    lines.append(rule)
    wrapped("centre", place_and_date(receipt.place, receipt.issued_on))
    wrapped("centre", receipt.signer_label)
    if receipt.needs_meterai:
        lines.append(("meterai", ""))
    else:
        lines += [("text", ""), ("text", ""), ("text", "")]
    wrapped("centre-bold", f"( {receipt.received_by} )" if receipt.received_by else "(" + "." * 30 + ")")
    if receipt.clerk_name:
        wrapped("centre", f"Petugas: {receipt.clerk_name}")
    return lines

