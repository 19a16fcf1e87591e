"""The buku simpanan print lands on the paper's ruled rows, moved by the office's calibration."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pypdf
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm

from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.savings.papers import PassbookLayout, PassbookLine, PassbookPrint
from koperasi.reports.savings.passbook import DATE_X, FIRST_ROW, PITCH, write_passbook

OFFICE = OfficeProfile(name="Koperasi Berdaya Sarolangun", code="SRL", address="Jl. Jenderal Sudirman No. 10, Sarolangun", phone="074591234")


def _print(layout: PassbookLayout) -> PassbookPrint:
    lines = (PassbookLine(1, 3, date(2026, 7, 6), "SW", 30_000, 0, 190_000),
             PassbookLine(2, 1, date(2026, 8, 1), "SS", 250_000, 0, 440_000))
    return PassbookPrint(OFFICE, "SRL-000032", "Zulkifli Handayani", lines, 2, 1, 1, layout)


def _where(passbook: PassbookPrint, text: str) -> list[tuple[float, float]]:
    """Where ``text`` is drawn on each page: its (x, y) in points from the page's lower left corner."""
    buffer = BytesIO()
    write_passbook(passbook, buffer)
    found = []
    for page in pypdf.PdfReader(BytesIO(buffer.getvalue())).pages:
        def visit(drawn, cm, tm, *_):
            if drawn.strip() == text:
                found.append((cm[4] + tm[4], cm[5] + tm[5]))
        page.extract_text(visitor_text=visit)
    return found


def _close(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    return len(a) == len(b) and all(abs(x1 - x2) < 0.01 and abs(y1 - y2) < 0.01 for (x1, y1), (x2, y2) in zip(a, b))


def test_without_calibration_the_lines_sit_on_the_ruled_rows():
    assert _close(_where(_print(PassbookLayout()), "06-07-26"), [(DATE_X, A5[1] - FIRST_ROW - 2 * PITCH)])
    assert _close(_where(_print(PassbookLayout()), "01-08-26"), [(DATE_X, A5[1] - FIRST_ROW)])


def test_the_calibration_moves_every_page_down_and_right_by_its_millimetres():
    plain = _print(PassbookLayout())
    moved = _print(PassbookLayout(top_mm=5, left_mm=-3))
    for text in ("06-07-26", "01-08-26", "SW", "SS"):
        expected = [(x - 3 * mm, y - 5 * mm) for x, y in _where(plain, text)]
        assert _close(_where(moved, text), expected), text
