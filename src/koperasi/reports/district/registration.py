"""Lembar pendaftaran kunci kantor: the A4 paper an office signs, stamps and sends its district once.

The district types the fingerprint from it into Daftarkan kantor…; from then on only packets signed by that key
are taken in. The fingerprint is printed large, in ten groups of four, so it can be read aloud over the phone
and checked group by group.
"""

from __future__ import annotations

from functools import partial
from html import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from koperasi.domain.dates import format_date, format_date_long
from koperasi.domain.district.packet import RegistrationSheet
from koperasi.reports.layout import (
    A4_TEXT_WIDTH, BODY, BOLD, GREEN, LABEL, SECTION, TITLE, NumberedCanvas, SignatureBlock, Target, a4_document,
    label_value_table, office_header, signature_pair,
)

def title(sheet: RegistrationSheet) -> str:
    return f"Lembar pendaftaran kunci {sheet.office.name}"


def write_registration_pdf(sheet: RegistrationSheet, target: Target) -> None:
    document = a4_document(target, title(sheet), sheet.office.name)
    footer = partial(NumberedCanvas, left_text=f"Lembar pendaftaran kunci kantor \u00b7 dicetak {format_date(sheet.printed_on)}",
                     right_text=sheet.office.name)
    office = sheet.office
    story: list[Flowable] = [
        *office_header(office),
        Paragraph("LEMBAR PENDAFTARAN KUNCI KANTOR", TITLE.clone("sheet_title", spaceAfter=1 * mm)),
        Paragraph(escape(f"untuk Kantor Program {sheet.kabupaten}"), BODY.clone("sheet_subtitle", alignment=1)),
        Spacer(0, 6 * mm),
        label_value_table([
            ("Nama kantor", office.name),
            ("Kode kantor", office.code),
            ("Kecamatan", sheet.kecamatan or "—"),
            ("Kabupaten", sheet.kabupaten),
            ("Alamat", office.address or "—"),
            ("Kunci dibuat", format_date(sheet.key_made_on)),
        ], width=A4_TEXT_WIDTH, label_width=40 * mm),
        Paragraph("Sidik kunci kantor", SECTION),
        _fingerprint(sheet.fingerprint),
        Spacer(0, 3 * mm),
        Paragraph("Sidik kunci adalah ringkasan kunci tanda tangan kantor (Ed25519), dibuat sekali dan disimpan di basis "
                  "data kantor, sehingga cadangan membawanya. Setiap paket laporan ke kabupaten ditandatangani dengan kunci "
                  "ini.", BODY),
        Paragraph("Untuk kabupaten", SECTION),
        Paragraph("1. Cocokkan sidik kunci ini lewat telepon dengan kantor: mintalah kantor membacakan sidik di "
                  "Pengaturan &gt; Laporan kabupaten, kelompok demi kelompok.", BODY),
        Paragraph("2. Ketik sidik kunci persis seperti di atas di program kabupaten: Kabupaten &gt; Daftarkan kantor… "
                  "(spasi tidak perlu).", BODY),
        Paragraph("3. Simpan lembar ini. Paket dari kunci lain akan ditolak; bila kantor memakai basis data baru tanpa "
                  "memulihkan cadangan, kunci dan sidiknya berganti dan kantor harus mengirim lembar baru.", BODY),
        Spacer(0, 10 * mm),
        signature_pair(
            SignatureBlock(A4_TEXT_WIDTH / 2 - 10 * mm, [f"{sheet.kecamatan or office.name}, {format_date_long(sheet.printed_on)}",
                                                        "Ketua"], office.chair_name, gap=22 * mm),
            SignatureBlock(A4_TEXT_WIDTH / 2 - 10 * mm, ["Diterima dan didaftarkan,", "Petugas kabupaten"], "", gap=22 * mm),
            A4_TEXT_WIDTH,
        ),
        Spacer(0, 2 * mm),
        Paragraph("Cap kantor di atas tanda tangan ketua.", LABEL),
    ]
    document.build(story, canvasmaker=footer)


def _fingerprint(printed: str) -> Table:
    """The ten groups in two rows of five, each in its own box, large and in a fixed-width face."""
    style = BODY.clone("fingerprint", fontName="Courier-Bold", fontSize=20, leading=24, alignment=1, textColor=GREEN)
    groups = printed.split()
    rows = [[Paragraph(group, style) for group in groups[start:start + 5]] for start in (0, 5)]
    table = Table(rows, colWidths=[A4_TEXT_WIDTH / 5] * 5, rowHeights=[13 * mm] * 2)
    table.setStyle([
        ("GRID", (0, 0), (-1, -1), 0.8, GREEN), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), BOLD),
    ])
    return table


def suggested_name(sheet: RegistrationSheet) -> str:
    return f"lembar-pendaftaran-kunci-{sheet.office.code}.pdf"
