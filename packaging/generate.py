"""Regenerate every generated file of the GUI from its source, in one place.

    python packaging/generate.py          # after editing ui/*.ui, resources/ or translations

- ui/*.ui                        -> src/koperasi/gui/forms/ui_*.py      (pyside6-uic)
- resources/translations/*.ts    -> resources/translations/*.qm         (pyside6-lrelease; not committed)
- resources/resources.qrc        -> src/koperasi/gui/resources_rc.py    (pyside6-rcc; bundles icons and .qm)
- docs/screenshots/*.png         -> src/koperasi/gui/help/pages/images/ (the guide's scaled copies; only those
                                    listed in koperasi.gui.help.topics.SCREENSHOTS)

tests/gui/test_generated_files.py runs ``generate`` into a temporary folder and fails
when the committed files differ, so an edited form cannot be forgotten; tests/gui/test_help.py
compares the guide's images with the screenshots they were scaled from.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
RESOURCES = ROOT / "resources"
QRC = RESOURCES / "resources.qrc"
GUI_PACKAGE = Path("src") / "koperasi" / "gui"
FORMS = GUI_PACKAGE / "forms"
RESOURCES_MODULE = GUI_PACKAGE / "resources_rc.py"
SCREENSHOTS = ROOT / "docs" / "screenshots"
GUIDE_IMAGES = GUI_PACKAGE / "help" / "pages" / "images"
FORMS_INIT = '"""Python forms generated from ui/*.ui by packaging/generate.py: do not edit."""\n'


def _tool(name: str) -> str:
    """The PySide6 tool beside this interpreter (a venv's bin/ or Scripts/)."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def _run(*command: str) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def generate(target: Path = ROOT) -> list[Path]:
    """Write every generated file below ``target``; returns their paths relative to it."""
    written: list[Path] = []
    forms = target / FORMS
    forms.mkdir(parents=True, exist_ok=True)
    (forms / "__init__.py").write_text(FORMS_INIT, encoding="utf-8")
    written.append(FORMS / "__init__.py")
    for ui in sorted(UI_DIR.glob("*.ui")):
        relative = FORMS / f"ui_{ui.stem}.py"
        _run(_tool("pyside6-uic"), str(ui), "-o", str(target / relative))
        written.append(relative)
    for ts in sorted((RESOURCES / "translations").glob("*.ts")):
        _run(_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm")))
    # No compression and format 1 (no file times): the output depends only on the inputs.
    _run(
        _tool("pyside6-rcc"),
        "--no-compress",
        "--format-version",
        "1",
        str(QRC),
        "-o",
        str(target / RESOURCES_MODULE),
    )
    written.append(RESOURCES_MODULE)
    return written


def guide_image(name: str, width: int):
    """The guide's copy of docs/screenshots/<name>: scaled down to ``width`` (never up), as a QImage."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = QImage(str(SCREENSHOTS / name))
    if image.isNull():
        raise SystemExit(f"docs/screenshots/{name} is missing or unreadable (listed in koperasi.gui.help.topics.SCREENSHOTS)")
    if image.width() > width:
        image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    # 256 colours, as the screenshots themselves: the smoothed copy in full colour was 4-5 times
    # larger, and the guide's images count against the Windows bundle's size bound.
    return image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.AvoidDither)


def write_guide_images(target: Path = ROOT) -> list[Path]:
    """Scaled copies of the screenshots the guide shows; stale copies of ones it no longer lists go."""
    sys.path.insert(0, str(ROOT / "src"))
    from koperasi.gui.help.topics import SCREENSHOTS as LISTED

    folder = target / GUIDE_IMAGES
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        if old.name not in LISTED:
            old.unlink()
    written = []
    for name, width in LISTED.items():
        guide_image(name, width).save(str(folder / name), "PNG", 0)  # quality 0: smallest PNG
        written.append(GUIDE_IMAGES / name)
    return written


def main() -> int:
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    for path in [*generate(), *write_guide_images()]:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
