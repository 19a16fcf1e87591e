""""… baru" buttons beside a choice, so a form can add what its list lacks (a desa, a product, a
fund) without being left and losing what was typed. The buttons go where the choice was in its
form or grid layout, and come right after it in the tab order."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


def add_buttons_beside(field: QWidget, *buttons: tuple[str, str]) -> list[QPushButton]:
    """``buttons``: (text, object name) of each, left to right."""
    layout = field.parentWidget().layout()
    holder = QWidget(objectName=f"{field.objectName()}Row")
    layout.replaceWidget(field, holder)
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field, 1)
    made = []
    previous = field
    for text, object_name in buttons:
        button = QPushButton(text, objectName=object_name)
        row.addWidget(button)
        QWidget.setTabOrder(previous, button)
        previous = button
        made.append(button)
    return made
