"""Build the frozen one-folder program with PyInstaller, on Linux or Windows.

    python packaging/build.py              # -> dist/KoperasiBerdaya/
    python packaging/build.py --self-test  # ... then run the frozen program's self-test
    python packaging/build.py --self-test --installer   # ... and the Windows installer (makensis) of that build
    python packaging/build.py --installer --no-build    # the installer of the bundle already in dist/

Prints the bundle's size and what takes the space, and fails when the bundle or the installer has grown past
its bound (SIZE_LIMITS). See packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from icons import write_icons  # noqa: E402

from koperasi import __version__  # noqa: E402

BUILD = ROOT / "build"
DIST = ROOT / "dist"
BUNDLE = DIST / "KoperasiBerdaya"


def version_file(target: Path) -> Path:
    """Windows file properties (Explorer → Properties → Details)."""
    numbers = tuple(int(part) for part in __version__.split(".")[:3]) + (0,)
    target.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}),
  kids=[
    StringFileInfo([StringTable('042104b0', [
      StringStruct('CompanyName', 'Koperasi Berdaya'),
      StringStruct('FileDescription', 'Koperasi Berdaya - program kantor koperasi'),
      StringStruct('FileVersion', '{__version__}'),
      StringStruct('InternalName', 'koperasi'),
      StringStruct('OriginalFilename', 'koperasi.exe'),
      StringStruct('ProductName', 'Koperasi Berdaya'),
      StringStruct('ProductVersion', '{__version__}')])]),
    VarFileInfo([VarStruct('Translation', [0x0421, 1200])])
  ]
)
""",
        encoding="utf-8",
    )
    return target


def build() -> None:
    BUILD.mkdir(exist_ok=True)
    _png, ico = write_icons(ROOT / "resources" / "icons" / "app.svg", BUILD / "icons")
    env = {
        **os.environ,
        "KOPERASI_BUILD_DIR": str(BUILD),
        "KOPERASI_ICON": str(ico),
        "KOPERASI_VERSION_FILE": str(version_file(BUILD / "version_info.txt")),
        "PYTHONHASHSEED": "22",  # reproducible bytecode order
    }
    command = [
        sys.executable, "-m", "PyInstaller", str(ROOT / "packaging" / "koperasi.spec"),
        "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
    ]
    subprocess.run(command, check=True, env=env)
    if sys.platform == "win32":
        add_windows_starter(ico)


def add_windows_starter(icon: Path) -> None:
    """KoperasiBerdaya.exe, what the shortcuts start: koperasi.exe without a console window. Compiled here
    when MinGW-w64 is on the PATH; under Wine, packaging/windows/ci.py compiles it on the Linux side and names
    it in KOPERASI_WINDOWS_STARTER."""
    target = BUNDLE / "KoperasiBerdaya.exe"
    ready = os.environ.get("KOPERASI_WINDOWS_STARTER")
    if ready:
        shutil.copyfile(ready, target)
        return
    from windows.launcher import compile_launcher

    compile_launcher(target, icon=icon, version=__version__, work=BUILD / "starter")


# Upper bounds in MB (10^6 bytes), so that a new dependency or a hook that drags in more is noticed the day it
# happens. Measured sizes are in packaging/README.md; raise a bound only with a reason written there.
SIZE_LIMITS = {"windows bundle": 115, "linux bundle": 150, "windows installer": 48}


def bundle_platform() -> str:
    """Which program the bundle holds: the Windows one is inspected on Linux too (CI builds it under Wine)."""
    return "windows" if (BUNDLE / "koperasi.exe").is_file() else "linux"


def within_limit(what: str, megabytes: float) -> None:
    limit = SIZE_LIMITS[what]
    if megabytes > limit:
        raise SystemExit(f"{what} is {megabytes:.1f} MB, over its bound of {limit} MB (packaging/build.py SIZE_LIMITS): "
                         "see the biggest parts above")
    print(f"{what}: {megabytes:.1f} MB, within its bound of {limit} MB")


def report_size() -> None:
    def size(path: Path) -> int:
        files = path.rglob("*") if path.is_dir() else [path]
        return sum(f.lstat().st_size for f in files if f.is_file() and not f.is_symlink())

    internal = BUNDLE / "_internal"
    parts = sorted(((size(p), p.relative_to(BUNDLE)) for p in list(internal.iterdir()) + [p for p in BUNDLE.iterdir() if p.is_file()]), reverse=True)
    files = sorted(((f.lstat().st_size, f.relative_to(BUNDLE)) for f in BUNDLE.rglob("*") if f.is_file() and not f.is_symlink()),
                   reverse=True)
    total = size(BUNDLE)
    broken = [str(f.relative_to(BUNDLE)) for f in BUNDLE.rglob("*") if f.is_symlink() and not f.exists()]
    if broken:
        raise SystemExit(f"broken links in the bundle (a dropped library is still needed): {broken}")
    print(f"bundle {BUNDLE}: {total / 1e6:.1f} MB in {len(files)} files; the biggest parts:")
    for bytes_, name in parts[:12]:
        print(f"  {bytes_ / 1e6:7.1f} MB  {name}")
    print("the biggest files:")
    for bytes_, name in files[:12]:
        print(f"  {bytes_ / 1e6:7.1f} MB  {name.as_posix()}")
    within_limit(f"{bundle_platform()} bundle", total / 1e6)


# What the bundle must hold (the PDF preview, Beranda's charts) and what PySide6-Addons must not bring into it
# (koperasi.spec excludes it); matched against file names, case-insensitively, so that it holds
# for Linux's libQt6Pdf.so.6 and Windows' Qt6Pdf.dll alike.
REQUIRED = ("qt6pdf.", "qt6pdfwidgets.", "qtpdf.", "qtpdfwidgets.", "qt6charts.", "qtcharts.")
FORBIDDEN = (
    "webengine", "qt6qml", "qt6quick", "qt63d", "qt3d", "multimedia", "qt6chartsqml", "qt6graphs",
    "datavisualization", "virtualkeyboard", "qt6pdfquick", "qt6location", "qt6positioning",
    "qt6bluetooth", "qt6sensors", "qt6serial", "texttospeech", "spatialaudio", "remoteobjects",
)


def check_contents() -> None:
    names = [f.name.lower() for f in BUNDLE.rglob("*") if f.is_file()]
    missing = [want for want in REQUIRED if not any(want in name for name in names)]
    unwanted = sorted({name for name in names for bad in FORBIDDEN if bad in name})
    if missing or unwanted:
        raise SystemExit(f"bundle contents: missing {missing}, should not be there {unwanted}")


def self_test() -> int:
    program = BUNDLE / ("koperasi.exe" if os.name == "nt" else "koperasi")
    started = time.perf_counter()
    result = subprocess.run([str(program), "self-test"], check=False)
    print(f"frozen self-test: exit {result.returncode} in {time.perf_counter() - started:.1f} s")
    return result.returncode


def installer(*, compress: bool, version: str = __version__, target: Path | None = None) -> Path:
    """Compile the NSIS script around the bundle in dist/ (a Linux bundle only shows that the script compiles)."""
    target = target or DIST / f"KoperasiBerdaya-{version}-setup.exe"
    icon = BUILD / "icons" / "app.ico"
    if not icon.is_file():
        write_icons(ROOT / "resources" / "icons" / "app.svg", BUILD / "icons")
    command = [
        "makensis", "-V2", f"-DVERSION={version}", f"-DDIST_DIR={BUNDLE}",
        f"-DICON={icon}", f"-DOUT_FILE={target}",
        str(ROOT / "packaging" / "windows" / "koperasi.nsi"),
    ]
    if not compress:
        command.insert(2, "-DNO_COMPRESSION")
    started = time.perf_counter()
    subprocess.run(command, check=True)
    print(f"installer {target}: {target.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")
    if compress and bundle_platform() == "windows":
        within_limit("windows installer", target.stat().st_size / 1e6)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--self-test", action="store_true", help="run the frozen program's self-test after building")
    parser.add_argument("--installer", action="store_true", help="then compile the Windows installer (needs makensis)")
    parser.add_argument("--no-compression", action="store_true", help="installer without LZMA: fast, for checking")
    parser.add_argument("--no-build", action="store_true",
                        help="use the bundle already in dist/ (the one just built and tested) instead of building")
    parser.add_argument("--installer-version", default=__version__, metavar="X.Y.Z",
                        help="the version the installer states (CI's upgrade test installs a higher one over the first)")
    parser.add_argument("--installer-file", type=Path, metavar="PATH", help="where to write the installer")
    args = parser.parse_args()
    if args.no_build:
        if not BUNDLE.is_dir():
            raise SystemExit(f"--no-build: no bundle in {BUNDLE}")
    else:
        build()
    report_size()
    check_contents()
    if args.self_test and self_test() != 0:
        return 1
    if args.installer:
        installer(compress=not args.no_compression, version=args.installer_version, target=args.installer_file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
