"""The opportunity board's papers: the A4 notice, the list of who should hear of it (PDF and Excel),
and the referral letter (surat rujukan / rekomendasi) signed by the chair.

The notice is read from a few steps away on a village board: the title is large, each fact (what,
for whom, where, by when, cost, how to apply, contact) has its own line, and there is no small print.
"""

from __future__ import annotations

from functools import partial
from xml.sax.saxutils import escape

from openpyxl import Workbook
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from koperasi.domain.dates import format_date, format_date_long
from koperasi.domain.network.opportunities import cost_text
from koperasi.domain.network.papers import EligibleSheet, OpportunityNotice, ReferralLetter
from koperasi.reports.layout import (
    A4_TEXT_WIDTH,
    BODY,
    BOLD,
    GREEN,
    TITLE,
    NumberedCanvas,
    SignatureBlock,
    Target,
    a4_document,
    chunked_tables,
    label_value_table,
    office_header,
    output,
    paragraph,
)
from koperasi.reports.sheets import add_sheet

_BIG = BODY.clone("notice_big", fontName=BOLD, fontSize=26, leading=31, alignment=1, textColor=GREEN, spaceAfter=4 * mm)
_KIND = BODY.clone("notice_kind", fontName=BOLD, fontSize=14, leading=18, alignment=1, spaceBefore=6 * mm, spaceAfter=2 * mm)
_FACT = BODY.clone("notice_fact", fontSize=14, leading=18)
_FACT_LABEL = BODY.clone("notice_label", fontName=BOLD, fontSize=14, leading=18, textColor=GREEN)
_CELL = BODY.clone("eligible_cell", fontSize=8, leading=9.6)
_LETTER = BODY.clone("letter", fontSize=11, leading=15)


def write_notice(notice: OpportunityNotice, target: Target) -> None:
    document = a4_document(target, f"Pengumuman {notice.title}", notice.office.name)
    facts = [
        ("Dari", notice.provider),
        ("Untuk", notice.who[:1].upper() + notice.who[1:]),
        ("Tempat", notice.where),
        ("Batas daftar", format_date_long(notice.deadline) if notice.deadline else "Selama masih dibuka"),
        ("Biaya", cost_text(notice.cost)),
        ("Cara daftar", notice.how_to_apply or "Tanyakan ke kantor koperasi"),
        ("Hubungi", notice.contact or notice.office.name),
    ]
    rows = [[Paragraph(escape(label), _FACT_LABEL), paragraph(value, _FACT)] for label, value in facts]
    table = Table(rows, colWidths=[45 * mm, A4_TEXT_WIDTH - 45 * mm])
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    story: list[Flowable] = [
        *office_header(notice.office),
        Paragraph(escape(f"PENGUMUMAN · {notice.kind.upper()}"), _KIND),
        Paragraph(escape(notice.title), _BIG),
    ]
    if notice.description:
        story += [paragraph(notice.description, _FACT), Spacer(0, 5 * mm)]
    story.append(table)
    if notice.source:
        story += [Spacer(0, 8 * mm), Paragraph(escape(f"Sumber informasi: {notice.source}"), BODY)]
    document.build(story, canvasmaker=partial(NumberedCanvas, left_text=f"Papan peluang · {notice.office.name}",
                                              right_text=notice.kind))


_ELIGIBLE_HEADER = ("No.", "Nama", "Anak dari", "No. anggota", "L/P", "Umur", "Desa", "Telepon", "Dikabari")  # the last ticked by hand
_ELIGIBLE_WIDTHS = [9 * mm, 34 * mm, 26 * mm, 20 * mm, 8 * mm, 10 * mm, 22 * mm, 0, 14 * mm]
_ELIGIBLE_WIDTHS[7] = A4_TEXT_WIDTH - sum(_ELIGIBLE_WIDTHS)


def write_eligible_pdf(sheet: EligibleSheet, target: Target) -> None:
    document = a4_document(target, f"Yang perlu tahu: {sheet.title}", sheet.office.name)
    facts = [("Peluang", sheet.title), ("Untuk", sheet.who), ("Tempat", sheet.where),
             ("Batas daftar", format_date_long(sheet.deadline) if sheet.deadline else "—"),
             ("Jumlah", _count_line(sheet))]
    rows = [(str(p.number), Paragraph(escape(p.name), _CELL), Paragraph(escape(p.parent), _CELL), p.member_number, p.sex,
             str(p.age) if p.age is not None else "—", Paragraph(escape(p.desa), _CELL), p.phone, "") for p in sheet.people]
    story: list[Flowable] = [
        *office_header(sheet.office),
        Paragraph("YANG PERLU DIBERI TAHU", TITLE),
        label_value_table(facts, width=A4_TEXT_WIDTH, label_width=30 * mm),
        Spacer(0, 5 * mm),
        *chunked_tables(_ELIGIBLE_HEADER, rows, _ELIGIBLE_WIDTHS, center=(0, 4, 5), font_size=8,
                        extra=[("GRID", (8, 0), (8, len(rows) - 1), 0.4, GREEN)] if rows else ()),
    ]
    document.build(story, canvasmaker=partial(NumberedCanvas, left_text=f"Yang perlu tahu · {sheet.title[:60]}",
                                              right_text=f"dicetak {format_date(sheet.printed_on)}"))


def _count_line(sheet: EligibleSheet) -> str:
    if sheet.total > len(sheet.people):
        return f"{sheet.total} orang; daftar ini memuat {len(sheet.people)} yang pertama menurut nama"
    return f"{sheet.total} orang"


def write_eligible_xlsx(sheet: EligibleSheet, target: Target) -> None:
    book = Workbook(write_only=True)
    heading = (f"Yang perlu tahu: {sheet.title}", sheet.office.name, f"Untuk: {sheet.who} · {sheet.where}", _count_line(sheet))
    table = add_sheet(book, "Yang perlu tahu", ("No.", "Nama", "Anak dari", "No. anggota", "L/P", "Umur", "Desa", "Telepon"),
                      (6, 30, 26, 16, 6, 8, 20, 18), heading=heading)
    for p in sheet.people:
        table.append((p.number, p.name, p.parent, p.member_number, p.sex, p.age, p.desa, p.phone))
    book.save(output(target))


def write_referral_letter(letter: ReferralLetter, target: Target) -> None:
    document = a4_document(target, f"Surat rujukan {letter.number}", letter.office.name)
    person = [("Nama", letter.person), ("Jenis kelamin", "Laki-laki" if letter.sex == "L" else "Perempuan"),
              ("Tanggal lahir", format_date_long(letter.birth_date) if letter.birth_date else "—")]
    if letter.parent:
        person.append(("Anak dari", f"{letter.parent} (anggota no. {letter.member_number})"))
    else:
        person.append(("Nomor anggota", letter.member_number))
    person.append(("Alamat", letter.address))
    chair = letter.office.chair_name
    story: list[Flowable] = [
        *office_header(letter.office),
        Paragraph("SURAT RUJUKAN", TITLE.clone("letter_title", spaceAfter=1 * mm)),
        Paragraph(escape(f"Nomor: {letter.number}"), BODY.clone("letter_number", alignment=1, spaceAfter=8 * mm)),
        Paragraph("Yang bertanda tangan di bawah ini, Ketua " + escape(letter.office.name) + ", dengan ini merujuk:", _LETTER),
        Spacer(0, 3 * mm),
        label_value_table(person, width=A4_TEXT_WIDTH - 10 * mm, label_width=38 * mm, style=_LETTER),
        Spacer(0, 5 * mm),
        Paragraph(
            f"untuk mengikuti <b>{escape(letter.opportunity)}</b> ({escape(letter.kind.lower())}) yang diselenggarakan oleh "
            f"{escape(letter.provider)}. Yang bersangkutan adalah anggota binaan koperasi kami"
            f"{' (melalui keluarganya)' if letter.parent else ''}. Mohon kiranya dapat diterima dan dibantu seperlunya.",
            _LETTER),
        Spacer(0, 3 * mm),
        Paragraph("Demikian surat rujukan ini dibuat untuk dipergunakan sebagaimana mestinya.", _LETTER),
        Spacer(0, 10 * mm),
        _signature(letter, chair),
    ]
    document.build(story, canvasmaker=partial(NumberedCanvas, left_text=f"Surat rujukan {letter.number}",
                                              right_text=format_date(letter.issued_on)))


def _signature(letter: ReferralLetter, chair: str) -> Table:
    block = SignatureBlock(70 * mm, [f"{letter.place}, {format_date_long(letter.issued_on)}", f"Ketua {letter.office.name}"],
                           chair, gap=20 * mm, size=10)
    table = Table([["", block]], colWidths=[A4_TEXT_WIDTH - 75 * mm, 75 * mm])
    table.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return table
