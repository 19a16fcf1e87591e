"""The buku simpanan print: only the new lines, each on its ruled row of the office's passbook paper
(A5 portrait, the columns pre-printed), so the clerk feeds the book open at the page where it stopped.
The office's calibration (PassbookLayout) moves the whole print down and right by whole millimetres."""

from __future__ import annotations

from itertools import groupby

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from koperasi.domain.money import format_rupiah
from koperasi.domain.savings.papers import PassbookPrint
from koperasi.reports.layout import Target, output

# Where the passbook's ruled rows are: the first row's baseline from the top, then one row every PITCH.
FIRST_ROW = 38 * mm
PITCH = 7 * mm
# Left edges (and right edges for money) of the pre-printed columns: No, Tanggal, Sandi, Masuk, Keluar, Saldo.
NUMBER_X, DATE_X, CODE_X = 10 * mm, 18 * mm, 40 * mm
INTO_RIGHT, OUT_RIGHT, BALANCE_RIGHT = 78 * mm, 106 * mm, 138 * mm
_FONT, _SIZE = "Courier", 9


def write_passbook(passbook: PassbookPrint, target: Target) -> None:
    canvas = Canvas(output(target), pagesize=A5)
    canvas.setTitle(f"Buku simpanan {passbook.member_number}")
    canvas.setAuthor(passbook.office.name)
    layout = passbook.layout
    height = A5[1]
    for _, lines in groupby(passbook.lines, key=lambda line: line.page):
        canvas.translate(layout.left_mm * mm, -layout.top_mm * mm)  # each page starts from the paper's corner again
        canvas.setFont(_FONT, _SIZE)
        for line in lines:
            y = height - FIRST_ROW - (line.line - 1) * PITCH
            canvas.drawString(NUMBER_X, y, str(line.line))
            canvas.drawString(DATE_X, y, line.occurred_on.strftime("%d-%m-%y"))
            canvas.drawString(CODE_X, y, line.code)
            if line.into:
                canvas.drawRightString(INTO_RIGHT, y, format_rupiah(line.into).removeprefix("Rp"))
            if line.out:
                canvas.drawRightString(OUT_RIGHT, y, format_rupiah(line.out).removeprefix("Rp"))
            canvas.drawRightString(BALANCE_RIGHT, y, format_rupiah(line.balance).removeprefix("Rp"))
        canvas.showPage()
    canvas.save()
