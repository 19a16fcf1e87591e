"""Read every page of the guide as the guide window does and list what would fail a clerk.

Used by the tests and by ``koperasi self-test`` (a frozen build that lost a page or an image must say so).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from koperasi.gui.help.browser import topic_url
from koperasi.gui.help.topics import CONTENTS, PAGES_DIR, SCREENSHOTS, TOPICS


@dataclass
class PageReport:
    title: str = ""
    anchors: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)


def read_page(browser: QTextBrowser, file: str) -> PageReport:
    """The title, named anchors, link targets and image names Qt found in one page."""
    browser.setSource(topic_url(file))
    document = browser.document()
    report = PageReport(title=document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            char_format = iterator.fragment().charFormat()
            report.anchors.update(char_format.anchorNames())
            if char_format.isAnchor() and char_format.anchorHref():
                report.links.append(char_format.anchorHref())
            if char_format.isImageFormat():
                report.images.append(char_format.toImageFormat().name())
            iterator += 1
        block = block.next()
    return report


def guide_problems() -> list[str]:
    """Empty when every page opens, every link and contents entry leads to a page and section that
    exist, every image loads, and the screenshot list names exactly the images the pages show."""
    problems: list[str] = []
    browser = QTextBrowser()
    try:
        pages: dict[str, PageReport] = {}
        images_shown: set[str] = set()
        for file in sorted(path.name for path in PAGES_DIR.glob("*.html")):
            report = pages[file] = read_page(browser, file)
            if not report.title:
                problems.append(f"{file}: tanpa judul (<title>)")
            for name in report.images:  # loaded as the browser loads them, beside the page
                data = browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
                if not data:
                    problems.append(f"{file}: gambar {name!r} tidak ada")
                elif QImage.fromData(data).isNull():
                    problems.append(f"{file}: gambar {name!r} tidak terbaca")
                if name.removeprefix("images/") not in SCREENSHOTS or not name.startswith("images/"):
                    problems.append(f"{file}: gambar {name!r} tidak ada di daftar SCREENSHOTS")
                images_shown.add(name.removeprefix("images/"))

        def check_target(target: str, where: str) -> None:
            file, _, anchor = target.partition("#")
            if file not in pages:
                problems.append(f"{where}: halaman {file!r} tidak ada")
            elif anchor and anchor not in pages[file].anchors:
                problems.append(f"{where}: bagian {anchor!r} tidak ada di {file}")

        for file, report in pages.items():
            for link in report.links:
                if QUrl(link).scheme():
                    problems.append(f"{file}: tautan ke luar panduan {link!r}")
                else:
                    check_target(file + link if link.startswith("#") else link, f"{file} → {link}")
        for page in CONTENTS:
            check_target(page.file, "daftar isi")
            for anchor, _title in page.sections:
                check_target(f"{page.file}#{anchor}", "daftar isi")
        for name, target in TOPICS.items():
            check_target(target, f"F1 pada {name}")
        problems.extend(f"SCREENSHOTS: {name} tidak dipakai halaman mana pun" for name in sorted(set(SCREENSHOTS) - images_shown))
    finally:
        browser.deleteLater()
    return problems
