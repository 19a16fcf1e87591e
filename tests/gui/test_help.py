"""The clerk's guide: F1 opens the page about the screen in use, Bantuan → Panduan the start page,
and every page's links, images and screen names are real."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from koperasi.gui.help.browser import HelpBrowser
from koperasi.gui.help.check import guide_problems
from koperasi.gui.help.topics import CONTENTS, IMAGES_DIR, PAGES_DIR, SCREENSHOTS, START_PAGE, TOPICS
from koperasi.gui.main_window import MainWindow
from koperasi.gui.screen_fit import available_area

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def _guide(window: MainWindow) -> HelpBrowser:
    browser = window.help_key.browser
    assert browser is not None and browser.isVisible()
    return browser


def _press_f1(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_F1)


@pytest.fixture
def window(qtbot, context):
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    return main


# --- F1 and the menu ---------------------------------------------------------------------------

def test_f1_on_each_main_tab_opens_the_page_about_that_tab(qtbot, window):
    expected = {
        "dashboardTab": "index.html",
        "membersTab": "anggota.html",
        "loansTab": "pinjaman.html",
        "savingsTab": "simpanan.html",
        "trainingsTab": "pelatihan.html",
        "salesTab": "penjualan.html",
        "networkTab": "jaringan.html",
        "impactTab": "dampak.html",
    }
    tabs = window.form.mainTabs
    seen = {}
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        page = tabs.currentWidget()
        _press_f1(qtbot, page)
        seen[page.objectName()] = _guide(window).current_topic()
    assert seen == expected
    # from the tab bar itself (no page has the focus): the current tab
    tabs.setCurrentWidget(window.loans)
    _press_f1(qtbot, tabs.tabBar())
    assert _guide(window).current_topic() == "pinjaman.html"


def test_f1_inside_a_tab_page_opens_its_section(qtbot, window):
    window.form.mainTabs.setCurrentWidget(window.loans)
    window.loans.pages.setCurrentWidget(window.loans.collection_view)
    _press_f1(qtbot, window.loans.collection_view.table)
    assert _guide(window).current_topic() == "setoran.html"
    window.form.mainTabs.setCurrentWidget(window.members)
    _press_f1(qtbot, window.members.search)
    assert _guide(window).current_topic() == "anggota.html"
    assert _guide(window).text.documentTitle() == "Anggota dan keluarganya"


def test_f1_in_the_member_form_opens_how_to_register_a_member_over_the_modal_form(qtbot, window):
    seen = {}

    def press_f1_then_cancel():
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog.objectName()
        _press_f1(qtbot, dialog.member_form.form.nikEdit)
        browser = window.help_key.browser
        seen["topic"] = browser.current_topic()
        seen["over the form"] = browser.parentWidget() is dialog and browser.isVisible()
        dialog.reject()

    window.form.mainTabs.setCurrentWidget(window.members)
    QTimer.singleShot(0, press_f1_then_cancel)
    window.members.add_button.click()  # exec() of the real, modal member form
    assert seen == {"dialog": "memberDialog", "topic": "anggota.html#daftar", "over the form": True}


def test_f1_in_a_message_box_of_a_dialog_follows_the_dialog(qtbot, window):
    from koperasi.gui.help.f1 import topic_for
    from PySide6.QtWidgets import QMessageBox

    dialog = QDialog(window.sales)
    dialog.setObjectName("payDialog")
    box = QMessageBox(dialog)
    assert topic_for(box) == "penjualan.html#bayar"
    assert topic_for(None) == START_PAGE


def test_bantuan_panduan_opens_the_start_page_and_names_its_f1(qtbot, window):
    window.form.mainTabs.setCurrentWidget(window.loans)
    help_menu = window.form.menuHelp.actions()
    assert help_menu[0] is window.form.actionGuide
    assert window.form.actionGuide.text() == "&Panduan"
    assert window.form.actionGuide.shortcut().toString() == "F1"
    assert window.form.actionAbout.shortcut().isEmpty()  # F1 is the guide's now
    window.form.actionGuide.trigger()
    browser = _guide(window)
    assert browser.current_topic() == START_PAGE
    assert "Panduan Koperasi Berdaya" in browser.text.toPlainText()


def test_f1_in_the_guide_itself_changes_nothing(qtbot, window):
    window.form.actionGuide.trigger()
    browser = _guide(window)
    browser.show_topic("pinjaman.html#cairkan")
    _press_f1(qtbot, browser.text)
    assert browser.current_topic() == "pinjaman.html#cairkan"


# --- the guide window ---------------------------------------------------------------------------

def test_contents_back_forward_and_search(qtbot):
    browser = HelpBrowser()
    qtbot.addWidget(browser)
    browser.show()
    browser.show_topic(START_PAGE)
    for name in ("helpContents", "helpText", "helpBackButton", "helpForwardButton", "helpHomeButton", "helpSearchEdit",
                 "helpCloseButton", "helpSplitter"):  # docs/ui-map.md
        assert browser.findChild(QWidget, name) is not None, name
    loans = next(browser.contents.topLevelItem(i) for i in range(browser.contents.topLevelItemCount())
                 if browser.contents.topLevelItem(i).text(0) == "Pinjaman")
    disburse = next(loans.child(i) for i in range(loans.childCount()) if loans.child(i).text(0) == "3. Mencairkan")
    browser.contents.itemClicked.emit(disburse, 0)
    assert browser.current_topic() == "pinjaman.html#cairkan"
    assert browser.windowTitle() == "Panduan — Pinjaman"
    assert browser.contents.currentItem() is disburse
    assert browser.back_button.isEnabled() and not browser.forward_button.isEnabled()
    browser.back_button.click()
    assert browser.current_topic() == START_PAGE
    browser.forward_button.click()
    assert browser.current_topic() == "pinjaman.html#cairkan"
    browser.search_edit.setText("Bukukan")
    assert not browser.find_next()  # not on this page
    browser.show_topic("setoran.html")
    assert browser.find_next() and browser.text.textCursor().selectedText().lower() == "bukukan"


def test_the_guide_window_fits_a_1024x768_screen(qtbot):
    browser = HelpBrowser()
    qtbot.addWidget(browser)
    available = available_area(browser)
    assert browser.width() <= available.width() - 24 and browser.height() <= available.height() - 48
    # whatever the screen, the window can shrink to a 1024x768 one with its taskbar
    assert browser.minimumSizeHint().width() <= 1000 and browser.minimumSizeHint().height() <= 700


# --- the pages ----------------------------------------------------------------------------------

def test_every_link_image_contents_entry_and_f1_target_of_the_guide_resolves():
    assert guide_problems() == []


def test_the_check_finds_a_broken_link_and_a_missing_image(monkeypatch, tmp_path):
    from koperasi.gui.help import browser, check, topics

    for page in PAGES_DIR.glob("*.html"):
        (tmp_path / page.name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "images").mkdir()
    broken = (tmp_path / "setoran.html").read_text(encoding="utf-8")
    broken = broken.replace('href="pinjaman.html#cetak"', 'href="pinjaman.html#tidak-ada"')
    (tmp_path / "setoran.html").write_text(broken, encoding="utf-8")
    monkeypatch.setattr(check, "PAGES_DIR", tmp_path)
    monkeypatch.setattr(browser, "page_path", lambda file: tmp_path / file)
    problems = check.guide_problems()
    assert "setoran.html → pinjaman.html#tidak-ada: bagian 'tidak-ada' tidak ada di pinjaman.html" in problems
    assert "setoran.html: gambar 'images/pinjaman-setoran-kelompok-1024.png' tidak ada" in problems
    assert topics.PAGES_DIR != tmp_path  # only the copy was broken


def test_every_page_is_in_the_contents_and_every_tab_has_a_page():
    assert {page.file for page in CONTENTS} == {path.name for path in PAGES_DIR.glob("*.html")}
    ui_map = (ROOT / "docs" / "ui-map.md").read_text(encoding="utf-8")
    unknown = [name for name in TOPICS if f"`{name}`" not in ui_map]
    assert unknown == [], "F1 topics must name widgets listed in docs/ui-map.md"


class _Bold(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "b":
            self.depth += 1
            self.found.append("")

    def handle_endtag(self, tag):
        if tag == "b":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.found[-1] += data


def _shown_texts() -> set[str]:
    """Every text the program can show on a screen: tr() in the GUI code, the Designer forms, Qt's own
    buttons as we translate them; without the & of keyboard accelerators, and the forms a guide uses."""
    raw: set[str] = set()
    for path in (ROOT / "src" / "koperasi" / "gui").rglob("*.py"):
        if "forms" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) in ("tr", "translate"):
                raw.update(arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
    for path in (ROOT / "ui").glob("*.ui"):
        raw.update(element.text or "" for element in ET.parse(path).iter("string"))
    for path in (ROOT / "resources" / "translations").glob("*.ts"):
        raw.update(element.text or "" for element in ET.parse(path).iter("translation"))
    shown = set()
    for text in raw:
        text = re.sub(r"<[^>]+>", "", text)  # rich-text labels: "<b>Perkiraan jadwal angsuran</b>"
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
        shown.update({text, text.rstrip(":").rstrip("*"), text.split("  (")[0], re.sub(r" \(\{\w+\}\)$", "", text)})
    return shown


def test_the_guide_names_only_tabs_menus_buttons_and_fields_the_program_shows():
    shown = _shown_texts()
    unknown = []
    for page in sorted(PAGES_DIR.glob("*.html")):
        parser = _Bold()
        parser.feed(page.read_text(encoding="utf-8"))
        unknown += [f"{page.name}: {name!r}" for name in parser.found if " ".join(name.split()) not in shown]
    assert unknown == [], "rename them in the guide as the screen shows them"


# --- the screenshots ----------------------------------------------------------------------------

def _generator():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "packaging" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module
    spec.loader.exec_module(module)
    return module


def _thumbnail(image: QImage) -> bytes:
    small = image.scaled(48, 32, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return bytes(small.convertToFormat(QImage.Format.Format_RGB888).constBits())


@pytest.mark.parametrize("name", sorted(SCREENSHOTS))
def test_each_screenshot_the_guide_shows_exists_and_its_copy_is_current(name, qapp):
    assert (ROOT / "docs" / "screenshots" / name).exists(), f"docs/screenshots/{name} is gone: update the guide"
    copy = QImage(str(IMAGES_DIR / name))
    assert not copy.isNull(), "run: python packaging/generate.py"
    expected = _generator().guide_image(name, SCREENSHOTS[name])
    assert copy.size() == expected.size(), "run: python packaging/generate.py"
    difference = sum(abs(a - b) for a, b in zip(_thumbnail(copy), _thumbnail(expected))) / (48 * 32 * 3)
    assert difference < 4, "run: python packaging/generate.py"


def test_no_image_ships_that_the_guide_does_not_list():
    assert {path.name for path in IMAGES_DIR.glob("*")} == set(SCREENSHOTS)


def test_f1_as_the_window_system_delivers_it_follows_the_focus(qtbot, window):
    """A real key press reaches the window (QWindow) before the widget with the focus."""
    from PySide6.QtTest import QTest

    window.form.mainTabs.setCurrentWidget(window.sales)
    window.sales.pages.setCurrentWidget(window.sales.payouts_view)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.sales.payouts_view.period_check.setFocus()
    assert QApplication.focusWidget() is window.sales.payouts_view.period_check
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F1)
    assert _guide(window).current_topic() == "penjualan.html#bayar"


def test_f1_in_tutup_buku_and_the_shu_rules_opens_the_year_end_page(qtbot, context):
    from koperasi.gui.books.shu_rules_dialog import ShuRulesDialog
    from koperasi.gui.books.year_end_dialog import YearEndDialog
    from koperasi.gui.help.f1 import topic_for

    year_end = YearEndDialog(context)
    qtbot.addWidget(year_end)
    assert topic_for(year_end.members_table) == "tutupbuku.html"
    rules = ShuRulesDialog(context, year_end)
    qtbot.addWidget(rules)
    assert topic_for(rules.basis_combo) == "tutupbuku.html#aturan"
