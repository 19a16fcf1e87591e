"""The small HTML pieces Beranda's cards are written in: tables of figures, numbers, links."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout


MUTED = "#555"
ALERT = "#b00020"  # red for what is late or overdue, with a word beside it (never colour alone)


def thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def table(rows: list[tuple[str, ...]], *, header: tuple[str, ...] = (), numbers: bool = True) -> str:
    """A first column of names, then values: right-aligned numbers so that amounts line up, or text."""
    align = "right" if numbers else "left"
    head = ""
    if header:
        head = "<tr>" + "".join(
            f"<th align='{'left' if i == 0 else align}' style='color:{MUTED}; padding-right:10px'>{escape(h)}</th>"
            for i, h in enumerate(header)) + "</tr>"
    body = "".join(
        "<tr>" + "".join(
            f"<td align='{'left' if i == 0 else align}' style='padding-right:10px'>{cell}</td>"
            for i, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table cellspacing='0'>{head}{body}</table>"


def label_rows(rows: list[tuple[str, str]], *, numbers: bool = True) -> str:
    return table([(f"<span style='color:{MUTED}'>{escape(label)}</span>", escape(value)) for label, value in rows],
                 numbers=numbers)


def card(object_name: str, title: str) -> tuple[QFrame, QLabel]:
    """A framed card with a bold title; returns the frame and the label its HTML goes into."""
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    heading = QLabel(f"<b>{escape(title)}</b>")
    body = QLabel()
    body.setObjectName(object_name)
    body.setTextFormat(Qt.TextFormat.RichText)
    body.setWordWrap(True)
    body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    layout = QVBoxLayout(frame)
    layout.addWidget(heading)
    layout.addWidget(body)
    layout.addStretch()
    return frame, body
