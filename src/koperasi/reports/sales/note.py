"""The nota penjualan: what the buyer bought, from whom, at what price, on A5 portrait paper.

The producers' shares and the cooperative's commission are not the buyer's business and are
not printed; the penitip column tells the buyer whose goods they are.
"""

from __future__ import annotations

from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, PageTemplate, Paragraph, Spacer

from koperasi.domain.dates import format_date, place_and_date
from koperasi.domain.money import format_rupiah
from koperasi.domain.sales.rules import format_quantity
from koperasi.domain.sales.papers import SalesNote
from koperasi.reports.layout import (
    BODY,
    BOLD,
    ITALIC,
    LABEL,
    OFFICE,
    RED,
    TITLE,
    NumberedCanvas,
    SignatureBlock,
    Target,
    bare_frame,
    chunked_tables,
    draw_cancelled_stamp,
    label_value_table,
    office_header,
    output,
    paragraph,
    side_by_side,
    signature_pair,
    words_box,
)
from koperasi.reports.layout import amount_in_words

PAGE = A5
MARGIN = 12 * mm
TOP_MARGIN, BOTTOM_MARGIN = 12 * mm, 20 * mm  # the footer sits 12 mm up
TEXT_WIDTH = PAGE[0] - 2 * MARGIN
SIZE = 7.5

OFFICE_SMALL = ParagraphStyle("a5_office", parent=OFFICE, fontSize=12, leading=14)
TITLE_SMALL = ParagraphStyle("a5_title", parent=TITLE, fontSize=13, leading=16, spaceBefore=2.5 * mm, spaceAfter=2.5 * mm)
CELL = ParagraphStyle("a5_cell", parent=BODY, fontSize=SIZE, leading=SIZE * 1.15)
FIELD = ParagraphStyle("a5_field", parent=BODY, fontSize=9, leading=11.5)
WORDS = ParagraphStyle("a5_words", parent=BODY, fontName=ITALIC, fontSize=9.5, leading=12)
CANCELLED = ParagraphStyle("a5_cancelled", parent=BODY, fontName=BOLD, fontSize=10, leading=13, textColor=RED, spaceBefore=2 * mm)

# No, Barang, Penitip, Jumlah, Harga satuan, Total; "Rp100.000.000" fits the Total column at 7.5 pt.
_WIDTHS = [6 * mm, 0, 33 * mm, 17 * mm, 19 * mm, 21 * mm]
_WIDTHS[1] = TEXT_WIDTH - sum(_WIDTHS)


def a5_document(target: Target, *, title: str, author: str, cancelled: bool) -> BaseDocTemplate:
    """An A5 portrait document whose every page carries the BATAL stamp when ``cancelled``."""
    frame = bare_frame(MARGIN, BOTTOM_MARGIN, TEXT_WIDTH, PAGE[1] - TOP_MARGIN - BOTTOM_MARGIN)
    stamp = {"onPageEnd": draw_cancelled_stamp} if cancelled else {}
    return BaseDocTemplate(output(target), pagesize=PAGE, pageTemplates=[PageTemplate(frames=[frame], **stamp)], title=title, author=author)


def a5_footer(left_text: str, right_text: str) -> partial:
    return partial(NumberedCanvas, left_text=left_text, right_text=right_text, margin=MARGIN)


def cancelled_line(cancelled: bool, reason: str) -> list[Flowable]:
    if not cancelled:
        return []
    return [Paragraph(escape("DIBATALKAN" + (f": {reason}" if reason else "")), CANCELLED)]


def terbilang(amount: int, *, with_figures: bool = False) -> list[Flowable]:
    """The amount in words on a pale band; ``with_figures`` restates the figures in the label, for a
    page that may hold none of the table above it."""
    label = f"Jumlah <b>{escape(format_rupiah(amount))}</b>, terbilang" if with_figures else "Terbilang"
    return [Paragraph(label, LABEL), words_box(Paragraph(escape(amount_in_words(amount)), WORDS), TEXT_WIDTH)]


def write_sales_note(note: SalesNote, target: Target) -> None:
    """The nota on A5 portrait; long notes run onto more pages ("Halaman X dari Y"), the total,
    terbilang and signatures kept together at the end. A cancelled note is stamped BATAL."""
    document = a5_document(target, title=f"Nota penjualan {note.number}", author=note.office.name, cancelled=note.cancelled)
    half = (TEXT_WIDTH - 6 * mm) / 2
    details = side_by_side(
        label_value_table([("No. nota", note.number), ("Tanggal", format_date(note.sold_on)), ("Saluran", note.channel)], width=half, label_width=17 * mm, style=FIELD),
        label_value_table([("Pembeli", note.buyer_name), ("Alamat", note.buyer_address)], width=half, label_width=15 * mm, style=FIELD),
        TEXT_WIDTH,
    )
    rows = [
        (
            str(index),
            paragraph(line.product, CELL),
            paragraph(line.producer, CELL),
            format_quantity(line.quantity_milli, line.unit),
            format_rupiah(line.unit_price),
            format_rupiah(line.total),
        )
        for index, line in enumerate(note.lines, start=1)
    ]
    lines = chunked_tables(
        ("No", "Barang", "Penitip", "Jumlah", "Harga satuan", "Total"),
        rows,
        _WIDTHS,
        right=(3, 4, 5),
        center=(0,),
        font_size=SIZE,
        footer=("Jumlah", "", "", "", "", format_rupiah(note.total)),
        footer_span=5,
        extra=[("VALIGN", (0, 0), (-1, len(rows) - 1), "TOP")] if rows else (),
    )
    clerk = SignatureBlock(TEXT_WIDTH / 2 - 8 * mm, [place_and_date(note.place, note.sold_on), "Petugas"], note.clerk_name, gap=16 * mm, meterai=note.needs_meterai)
    buyer_signature = SignatureBlock(TEXT_WIDTH / 2 - 8 * mm, ["", "Pembeli"], note.buyer_name, gap=16 * mm)
    story: list[Flowable] = [
        *office_header(note.office, OFFICE_SMALL),
        Paragraph("NOTA PENJUALAN", TITLE_SMALL),
        details,
        Spacer(0, 4 * mm),
        *lines,
        KeepTogether([Spacer(0, 3 * mm), *terbilang(note.total, with_figures=True), *cancelled_line(note.cancelled, note.cancel_reason), Spacer(0, 4 * mm), signature_pair(buyer_signature, clerk, TEXT_WIDTH)]),
    ]
    document.build(story, canvasmaker=a5_footer(f"Nota penjualan {note.number}", note.office.name))
