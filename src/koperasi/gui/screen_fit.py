"""Windows that fit the laptops offices have (1366x768 and 1024x768, a taskbar included).

A dialog asks for the size it would like; ``fit_to_screen`` gives it at most ``SCREEN_SHARE``
of the screen's available area (the taskbar excluded) and centres it there, so its buttons are
never below the bottom edge. ``narrow_combo`` keeps a filter combo from widening its row to
its longest entry (a group or product name): the closed combo elides, its list shows all.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QMainWindow, QWidget

SCREEN_SHARE = 0.9
COMBO_CHARACTERS = 14  # "Semua kategori" whole, a long group or product name elided


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (without the taskbar).

    The screen is found by position, never with ``QWidget.screen()``: PySide6 (6.11) makes the widget the
    Python parent of the QScreen that call returns, and when the garbage collector later breaks a cycle
    holding the widget it deletes the screen itself; the next window or pixmap then crashes the program
    (a segmentation fault in CI; tests/gui/test_screen_fit.py repeats it in a child process)."""
    anchor = widget.parentWidget() or widget
    screen = QGuiApplication.screenAt(anchor.mapToGlobal(anchor.rect().center())) or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` x ``height``, at most ``SCREEN_SHARE`` of the available
    screen (never under the window's own minimum), and centre it on that screen."""
    area = available_area(window)
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    size = window.size()
    size.setWidth(max(minimum.width(), min(width, int(area.width() * SCREEN_SHARE))))
    size.setHeight(max(minimum.height(), min(height, int(area.height() * SCREEN_SHARE))))
    window.resize(size)
    frame = QRect(area.topLeft(), size)
    frame.moveCenter(area.center())
    window.move(frame.topLeft())


def show_main_window(window: QMainWindow, width: int, height: int) -> None:
    """Show the main window at ``width`` x ``height`` where the screen has room, else maximised:
    on a 1024x768 laptop every pixel goes to the work."""
    area = available_area(window)
    if area.width() < width or area.height() < height:
        window.setGeometry(area)  # also where no window manager honours "maximised"
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        window.show()
        return
    fit_to_screen(window, width, height)
    window.show()


def narrow_combo(combo: QComboBox, characters: int = COMBO_CHARACTERS) -> QComboBox:
    """Let ``combo`` be as narrow as ``characters`` letters; its full text stays in the list and the tooltip."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    combo.currentTextChanged.connect(combo.setToolTip)
    return combo
