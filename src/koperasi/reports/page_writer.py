"""Short documents drawn straight onto the canvas, page by page, in the house look.

ReportLab's platypus measures and draws every table cell through several layers (about 30
microseconds a cell, a Paragraph several times that); a one-loan paper of a few dozen rows
spent nearly all its time there. Here a cursor walks down the page: label/value blocks and
ledger tables are laid out with the font metrics directly, and a page's text goes out as one
text object whose operators are written directly for what WinAnsi holds (``layout``'s fast path).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable

from koperasi.reports.layout import BOLD, EMPTY, GREEN, GREY, PALE_GREEN, REGULAR, RULE, STRIPE, NumberedCanvas, fitted_text, pdf_string, text_width

_BLACK = colors.black
_WHITE = colors.white


class PageWriter:
    """A cursor over the pages of a ``NumberedCanvas``: ``y`` is the top of what comes next.

    Graphics (bands, rules) go onto the page at once; text is gathered into one text object
    per page and drawn when the page ends, so it always sits on top of its band."""

    def __init__(self, canvas: NumberedCanvas, *, left: float, right: float, top: float, bottom: float) -> None:
        self.canvas = canvas
        self.left, self.right, self.top, self.bottom = left, right, top, bottom
        self.width = right - left
        self.y = top
        self._text = None
        self._font: tuple[str, float] | None = None
        self._colour = None

    def room(self) -> float:
        return self.y - self.bottom

    def at_top(self) -> bool:
        return self.y == self.top

    def ensure(self, height: float) -> bool:
        """Starts a new page unless ``height`` fits below the cursor; True when it did."""
        if self.y - height >= self.bottom or self.at_top():
            return False
        self.new_page()
        return True

    def new_page(self) -> None:
        self._flush()
        self.canvas.showPage()
        self.y = self.top

    def finish(self) -> None:
        self._flush()
        self.canvas.showPage()
        self.canvas.save()

    def flowable(self, flowable: Flowable) -> None:
        """A platypus flowable (a paragraph, a rule) placed at the cursor with its spacing."""
        if not self.at_top():
            self.y -= flowable.getSpaceBefore()
        _, height = flowable.wrapOn(self.canvas, self.width, self.room())
        if self.ensure(height):
            _, height = flowable.wrapOn(self.canvas, self.width, self.room())
        self._flush()  # keeps the page's order: what was written before lies under the flowable
        flowable.drawOn(self.canvas, self.left, self.y - height)
        self.y -= height + flowable.getSpaceAfter()

    def paragraph(self, value: str, style: ParagraphStyle) -> None:
        """Plain text (no markup) in a house paragraph style's font, colour, alignment and spacing,
        wrapped to the page width: what a ``Paragraph`` would draw, without its parser."""
        if not self.at_top():
            self.y -= style.spaceBefore
        lines = wrapped(value, style.fontName, style.fontSize, self.width)
        self.ensure(len(lines) * style.leading)
        if style.alignment == TA_CENTER:
            x, align = self.left + self.width / 2, "centre"
        else:
            x, align = self.left, "left"
        for line in lines:
            self.text(x, self.y - style.fontSize, line, style.fontName, style.fontSize, style.textColor, align=align)
            self.y -= style.leading
        self.y -= style.spaceAfter

    def text(self, x: float, y: float, value: str, font: str, size: float, colour=_BLACK, *, align: str = "left") -> None:
        """One line of text with its left end, right end (``align="right"``) or middle (``"centre"``) at ``x``."""
        if not value:
            return
        if align != "left":
            shift = text_width(value, font, size)
            x -= shift if align == "right" else shift / 2
        if self._text is None:
            self._text = self.canvas.beginText()
            self._font = self._colour = None
        text = self._text
        if self._font != (font, size):
            text.setFont(font, size)
            self._font = (font, size)
        if self._colour is not colour:
            text.setFillColor(colour)
            self._colour = colour
        escaped = pdf_string(value)
        if escaped is not None:
            text._code.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm ({escaped}) Tj")
        else:
            text.setTextOrigin(x, y)
            text.textOut(value)

    def band(self, x: float, y: float, width: float, height: float, colour) -> None:
        self.canvas.setFillColor(colour)
        self.canvas.rect(x, y, width, height, stroke=0, fill=1)

    def rule(self, x0: float, x1: float, y: float, thickness: float, colour) -> None:
        self.canvas.setStrokeColor(colour)
        self.canvas.setLineWidth(thickness)
        self.canvas.line(x0, y, x1, y)

    def _flush(self) -> None:
        if self._text is not None:
            self.canvas.drawText(self._text)
            self._text = None


@lru_cache(maxsize=4096)
def wrapped(value: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """The text broken into lines that fit ``width`` at word boundaries, newlines kept; a blank value a dash."""
    if not value.strip():
        return (EMPTY,)
    return tuple(simpleSplit(value, font, size, width)) or (EMPTY,)


def label_value_block(writer: PageWriter, rows: Sequence[tuple[str, str]], *, x: float, width: float, label_width: float, size: float = 9.5, leading: float = 12) -> float:
    """"Label  value" rows from the cursor down, a thin rule under each, the values wrapping;
    returns the block's height (the cursor stays, so two blocks can stand side by side)."""
    pad, gap = 2.5, 6  # the gap keeps a wrapped label off its value
    y = writer.y
    for label, value in rows:
        labels = wrapped(label, REGULAR, size, label_width - gap)
        values = wrapped(value, REGULAR, size, width - label_width - gap)
        baseline = y - pad - size
        for line, text in enumerate(labels):
            writer.text(x, baseline - line * leading, text, REGULAR, size, GREY)
        for line, text in enumerate(values):
            writer.text(x + label_width, baseline - line * leading, text, REGULAR, size)
        y -= 2 * pad + max(len(labels), len(values)) * leading
        writer.rule(x, x + width, y, 0.4, RULE)
    return writer.y - y


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    align: str = "left"  # "right" for money, "centre" for counts
    wraps: bool = False  # long text breaks into lines; otherwise it is cut with an ellipsis, money shrinks to fit


class Ledger:
    """A table in ``chunked_tables``' look: green header repeated on every page it spans,
    striped rows, cells vertically centred, a bold totals row on a pale band."""

    PAD_X, PAD_TOP, PAD_BOTTOM = 3, 2, 2.5
    MIN_SIZE = 5  # pt: money shrinks this far before it would be cut

    def __init__(self, writer: PageWriter, columns: Sequence[Column], *, size: float = 8) -> None:
        self.writer, self.columns, self.size = writer, list(columns), size
        self.leading = size * 1.2
        self.row_height = self.PAD_TOP + self.leading + self.PAD_BOTTOM
        self._lefts = [writer.left + sum(column.width for column in self.columns[:index]) for index in range(len(self.columns))]
        self._rows_on_page = 0

    def draw(self, rows: Sequence[Sequence[str]], *, footer: Sequence[str] | None = None, footer_span: int = 1, greyed: frozenset[int] = frozenset()) -> None:
        writer = self.writer
        writer.ensure(self.row_height * 2 + (self.row_height if footer is not None and len(rows) == 1 else 0))
        self._header()
        for index, row in enumerate(rows):
            lines = [self._lines(column, value, REGULAR) for column, value in zip(self.columns, row)]
            height = self.PAD_TOP + max(len(cell) for cell in lines) * self.leading + self.PAD_BOTTOM
            last = index == len(rows) - 1
            # The totals row never stands alone under a header: the last row goes over with it.
            needed = height + (self.row_height if last and footer is not None else 0)
            if writer.y - needed < writer.bottom:
                writer.new_page()
                self._header()
            if self._rows_on_page % 2:
                writer.band(writer.left, writer.y - height, writer.width, height, STRIPE)
            self._cells(lines, height, GREY if index in greyed else _BLACK, REGULAR)
            writer.y -= height
            self._rows_on_page += 1
        if footer is not None:
            self._footer(footer, footer_span)
        writer.rule(writer.left, writer.right, writer.y, 0.6, GREEN)

    def _header(self) -> None:
        writer = self.writer
        writer.band(writer.left, writer.y - self.row_height, writer.width, self.row_height, GREEN)
        # Titles are never cut: a short one may reach into the padding, as a number's column header does.
        self._cells([[(column.title, self.size)] for column in self.columns], self.row_height, _WHITE, BOLD)
        writer.y -= self.row_height
        self._rows_on_page = 0

    def _footer(self, footer: Sequence[str], span: int) -> None:
        writer, height = self.writer, self.row_height
        writer.band(writer.left, writer.y - height, writer.width, height, PALE_GREEN)
        writer.rule(writer.left, writer.right, writer.y, 0.8, GREEN)
        label = Column("", sum(column.width for column in self.columns[:span]))
        cells = [(label, footer[0]), *zip(self.columns[span:], footer[span:])]
        lines = [self._lines(column, value, BOLD) for column, value in cells]
        lefts = [self._lefts[0], *self._lefts[span:]]
        self._cells(lines, height, _BLACK, BOLD, columns=[column for column, _ in cells], lefts=lefts)
        writer.y -= height

    def _lines(self, column: Column, value: str, font: str) -> list[tuple[str, float]]:
        room = column.width - 2 * self.PAD_X
        if not value:
            return [("", self.size)]
        if column.wraps:
            return [(line, self.size) for line in wrapped(value, font, self.size, room)]
        if column.align == "right":
            width = text_width(value, font, self.size)
            if width > room:  # a figure is never cut; it gets smaller
                shrunk = max(self.MIN_SIZE, self.size * room / width)
                return [(fitted_text(value, room, font, shrunk), shrunk)]
            return [(value, self.size)]
        return [(fitted_text(value, room, font, self.size) if text_width(value, font, self.size) > room else value, self.size)]

    def _cells(self, cells: list[list[tuple[str, float]]], height: float, colour, font: str, *, columns: Sequence[Column] | None = None, lefts: Sequence[float] | None = None) -> None:
        writer, leading = self.writer, self.leading
        columns = columns or self.columns
        lefts = lefts or self._lefts
        inner = height - self.PAD_TOP - self.PAD_BOTTOM
        for column, left, lines in zip(columns, lefts, cells):
            top = writer.y - self.PAD_TOP - (inner - len(lines) * leading) / 2
            if column.align == "right":
                x, align = left + column.width - self.PAD_X, "right"
            elif column.align == "centre":
                x, align = left + column.width / 2, "centre"
            else:
                x, align = left + self.PAD_X, "left"
            for number, (text, size) in enumerate(lines):
                writer.text(x, top - self.size - number * leading, text, font, size, colour, align=align)
