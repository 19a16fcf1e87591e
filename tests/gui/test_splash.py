"""The start-up notice: the icon with the whole line under it, in the middle of the screen after show_now()."""

from __future__ import annotations

import pytest

from koperasi.gui.icons import app_icon
from koperasi.gui.splash import MARGIN, Splash


@pytest.mark.parametrize("message", ["Memuat Koperasi Berdaya…", "Membuat cadangan otomatis…"])
def test_the_notice_shows_the_icon_and_the_whole_line_in_the_middle_of_the_screen(qtbot, message):
    pixmap = app_icon().pixmap(160, 160)
    splash = Splash(pixmap, message)
    qtbot.addWidget(splash)
    splash.show_now()
    icon = pixmap.deviceIndependentSize().toSize()
    assert splash.isVisible()
    assert splash.height() > icon.height() + splash.fontMetrics().height()  # the line has its own band under the icon
    assert splash.width() >= splash.fontMetrics().horizontalAdvance(message) + 2 * MARGIN  # not cut at either end
    assert splash.geometry().center().x() == splash.screen().geometry().center().x()
    picture = splash.grab().toImage()
    middle = splash.width() // 2
    assert picture.pixelColor(middle, MARGIN + icon.height() // 4) != picture.pixelColor(2, 2)  # the icon is drawn on the card
