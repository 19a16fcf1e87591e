"""Bukti kas masuk and bukti kas keluar on A5 landscape, in the kwitansi's family: the office at the top,
the number, the amount in figures and in words (terbilang), what it was for and the account, and three
signatures (approved by the chair, the treasurer who recorded it, whoever paid or received the money). A reversed
entry reprints with the diagonal BATAL stamp and the reason."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate, Paragraph, Spacer, Table

from koperasi.domain.cashbook.papers import Voucher
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.dates import format_date, place_and_date
from koperasi.domain.money import format_rupiah
from koperasi.reports.layout import (
    BODY,
    BOLD,
    GREEN,
    GREY,
    ITALIC,
    OFFICE_LINE,
    RED,
    REGULAR,
    SignatureBlock,
    Target,
    amount_box,
    amount_in_words,
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
_VALUE_WIDTH = _WIDTH - _LABEL_WIDTH - 4 * mm

_OFFICE = ParagraphStyle("voucher_office", parent=BODY, fontName=BOLD, fontSize=12, leading=14, textColor=GREEN)
_NUMBER = ParagraphStyle("voucher_number", parent=BODY, fontSize=9.5, alignment=TA_RIGHT)
_TITLE = ParagraphStyle("voucher_title", parent=BODY, fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER,
                        spaceBefore=2.5 * mm, spaceAfter=2.5 * mm)
_LABEL = ParagraphStyle("voucher_label", parent=BODY, fontSize=10, leading=13, textColor=GREY)
_VALUE = ParagraphStyle("voucher_value", parent=BODY, fontSize=10, leading=13)
_WORDS = ParagraphStyle("voucher_words", parent=_VALUE, fontName=ITALIC, fontSize=10.5, leading=13.5)
_AMOUNT = ParagraphStyle("voucher_amount", parent=BODY, fontName=BOLD, fontSize=15, leading=18)
_CANCELLED = ParagraphStyle("voucher_cancelled", parent=BODY, fontName=BOLD, fontSize=10, leading=13, textColor=RED)


def write_voucher(voucher: Voucher, target: Target) -> None:
    frame = bare_frame(_MARGIN, _MARGIN, _WIDTH, _PAGE[1] - 2 * _MARGIN)
    stamp = {"onPageEnd": draw_cancelled_stamp} if voucher.cancelled else {}
    document = BaseDocTemplate(
        output(target), pagesize=_PAGE, pageTemplates=[PageTemplate(frames=[frame], **stamp)],
        title=f"{voucher.title.title()} {voucher.number}", author=voucher.office.name,
    )
    document.build(_story(voucher))


def _story(voucher: Voucher) -> list[Flowable]:
    details = office_details(voucher.office)
    office: list[Flowable] = [Paragraph(escape(voucher.office.name), _OFFICE)]
    if details:
        office.append(Paragraph(escape(details), OFFICE_LINE))
    number = Paragraph(f"No. <b>{escape(voucher.number)}</b><br/>Tanggal {escape(format_date(voucher.issued_on))}", _NUMBER)
    head = Table([[office, number]], colWidths=[_WIDTH - 62 * mm, 62 * mm])
    head.setStyle(plain_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 1.2, GREEN),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm)))

    income = voucher.direction is CashDirection.INCOME
    rows: list[tuple[str, Flowable]] = []
    if voucher.party:
        rows.append(("Diterima dari" if income else "Dibayarkan kepada", Paragraph(escape(voucher.party), _VALUE)))
    rows += [
        ("Uang sejumlah", words_box(Paragraph(escape(amount_in_words(voucher.amount)), _WORDS), _VALUE_WIDTH)),
        ("Untuk keperluan" if not income else "Keterangan", Paragraph(escape(voucher.description), _VALUE)),
        ("Akun", Paragraph(escape(f"{voucher.account_code} {voucher.account_name}"), _VALUE)),
        ("Jumlah", amount_box(Paragraph(escape(format_rupiah(voucher.amount)), _AMOUNT), 62 * mm)),
    ]
    body = Table([[Paragraph(label, _LABEL), ":", value] for label, value in rows],
                 colWidths=[_LABEL_WIDTH, 4 * mm, _VALUE_WIDTH])
    body.setStyle(plain_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (1, 0), (1, -1), REGULAR, 10),
                              ("TEXTCOLOR", (1, 0), (1, -1), GREY), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8 * mm)))
    story: list[Flowable] = [head, Paragraph(escape(voucher.title), _TITLE), body]
    if voucher.cancelled:
        reason = f": {voucher.cancel_reason}" if voucher.cancel_reason else ""
        story.append(Paragraph(escape(f"DIBATALKAN{reason}"), _CANCELLED))
    story += [Spacer(0, 3 * mm), _signatures(voucher)]
    return story


def _signatures(voucher: Voucher) -> Table:
    """Disetujui (the chair), the treasurer, and whoever handed over or took the money."""
    each = _WIDTH / 3
    income = voucher.direction is CashDirection.INCOME
    place = place_and_date(voucher.place, voucher.issued_on)
    blocks = [
        SignatureBlock(each, ["", "Disetujui oleh (Ketua)"], "", gap=16 * mm, size=9),
        SignatureBlock(each, ["", "Diterima oleh (Bendahara)" if income else "Dibayar oleh (Bendahara)"],
                       voucher.recorded_by, gap=16 * mm, size=9),
        SignatureBlock(each, [place, "Penyetor" if income else "Penerima"], voucher.party, gap=16 * mm, size=9),
    ]
    table = Table([blocks], colWidths=[each] * 3)
    table.setStyle(plain_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER")))
    return table
