"""Rekening simpanan anggota (A4): the member and period, the balances at the start and the end by kind,
and every movement with its kind's amount and the running total."""

from __future__ import annotations

from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from koperasi.domain.dates import date_range, format_date
from koperasi.domain.money import format_rupiah
from koperasi.domain.savings.papers import SavingsStatement
from koperasi.domain.savings.rules import SavingsKind
from koperasi.reports.layout import (
    A4_TEXT_WIDTH,
    BODY,
    FIGURE,
    GREY,
    LABEL,
    REGULAR,
    TITLE,
    NumberedCanvas,
    Target,
    a4_document,
    chunked_tables,
    figures_band,
    label_value_table,
    office_header,
    paragraph,
    section_heading,
)

_SIZE = 8
_CELL = BODY.clone("savings_cell", fontSize=_SIZE, leading=_SIZE * 1.2)
_FIGURE = FIGURE.clone("savings_figure", fontSize=13, leading=16)
_STRUCK = BODY.clone("savings_struck", fontSize=_SIZE, leading=_SIZE * 1.2, textColor=GREY)


def write_savings_statement(statement: SavingsStatement, target: Target) -> None:
    period = "periode " + date_range(statement.period_from, statement.period_to)
    document = a4_document(target, f"Rekening simpanan {statement.member_number} {period}", statement.office.name)
    footer = partial(NumberedCanvas, left_text=f"Rekening simpanan \u00b7 {statement.member_name} \u00b7 {period}",
                     right_text=statement.office.name)
    details = [
        ("Nama anggota", f"{statement.member_name} (No. anggota {statement.member_number})"),
        ("Alamat", statement.member_address),
        ("Menjadi anggota", format_date(statement.joined_on)),
    ]
    if statement.wajib_arrears:
        details.append(("Tunggakan wajib", f"{format_rupiah(statement.wajib_arrears)} per {format_date(statement.period_to)}"))
    figures = [(format_rupiah(statement.closing[kind]), f"{kind.label.lower()} akhir") for kind in SavingsKind]
    figures.append((format_rupiah(sum(statement.closing.values())), "jumlah simpanan"))
    story: list[Flowable] = [
        *office_header(statement.office),
        Paragraph(f"REKENING SIMPANAN ANGGOTA<br/><font size=10 name='{REGULAR}'>{escape(period)}</font>", TITLE),
        label_value_table(details, width=A4_TEXT_WIDTH, label_width=34 * mm),
        Spacer(0, 5 * mm),
        figures_band(figures, A4_TEXT_WIDTH, _FIGURE),
        *section_heading("Rincian transaksi"),
        *_movements(statement),
        Spacer(0, 4 * mm),
        Paragraph(escape(f"Dicetak {format_date(statement.printed_on)}. Transaksi bertanda BATAL dibatalkan kemudian; "
                         "pembatalannya tercatat sebagai baris tersendiri."), LABEL),
    ]
    document.build(story, canvasmaker=footer)


def _movements(statement: SavingsStatement) -> list[Flowable]:
    kinds = list(SavingsKind)
    widths = [24 * mm, 0, 28 * mm, *([21 * mm] * len(kinds)), 24 * mm]
    widths[1] = A4_TEXT_WIDTH - sum(widths)

    def amounts(values: dict[SavingsKind, int]) -> list[str]:
        return [format_rupiah(values[kind]) for kind in kinds]

    rows = [(format_date(statement.period_from), "Saldo awal", "", *amounts(statement.opening), format_rupiah(sum(statement.opening.values())))]
    for line in statement.lines:
        signed = format_rupiah(line.change) if line.change < 0 else "+" + format_rupiah(line.change)
        described = f"{line.description} (BATAL)" if line.cancelled else line.description
        rows.append((
            format_date(line.occurred_on), paragraph(described, _STRUCK if line.cancelled else _CELL), line.receipt_number,
            *[signed if kind is line.kind else "" for kind in kinds], format_rupiah(line.total),
        ))
    footer = (f"Saldo akhir per {format_date(statement.period_to)}", "", "", *amounts(statement.closing),
              format_rupiah(sum(statement.closing.values())))
    tables = chunked_tables(
        ("Tanggal", "Uraian", "Kwitansi", "Pokok", "Wajib", "Sukarela", "Jumlah"), rows, widths,
        right=(3, 4, 5, 6), font_size=_SIZE, footer=footer, footer_span=3,
        extra=[("TEXTCOLOR", (0, 0), (-1, 0), GREY), ("VALIGN", (0, 0), (-1, len(rows) - 1), "TOP")],
    )
    if not statement.lines:
        tables.append(Paragraph("Tidak ada transaksi simpanan pada periode ini.", LABEL.clone("savings_none", spaceBefore=2 * mm)))
    return tables
