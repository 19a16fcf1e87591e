"""A "… baru" button beside a choice, so a form can add what its list lacks (a desa, a product, a
fund) without being left and losing what was typed. The button goes where the choice was in its
form or grid layout, and comes right after it in the tab order."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


def add_button_beside(field: QWidget, text: str, object_name: str) -> QPushButton:
    layout = field.parentWidget().layout()
    holder = QWidget(objectName=f"{object_name}Row")
    layout.replaceWidget(field, holder)
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field, 1)
    button = QPushButton(text, objectName=object_name)
    row.addWidget(button)
    QWidget.setTabOrder(field, button)
    return button
