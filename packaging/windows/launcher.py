"""Compile KoperasiBerdaya.exe, the small windowless starter of koperasi.exe (launcher.c says why), with
the app's icon and Windows file properties, by MinGW-w64: Debian's cross compiler on Linux (CI builds the
Windows program under Wine), or gcc and windres on a Windows PATH (GitHub's windows runner has them).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
CROSS_PREFIX = "x86_64-w64-mingw32-"


def _tool(name: str) -> str:
    for candidate in (CROSS_PREFIX + name, name):
        found = shutil.which(candidate)
        if found:
            return found
    raise SystemExit(f"KoperasiBerdaya.exe needs MinGW-w64's {name} (Debian: gcc-mingw-w64-x86-64)")


def _resource_script(icon: Path, version: str) -> str:
    numbers = ",".join(str(int(part)) for part in [*version.split(".")[:3], "0"])
    icon_path = str(icon).replace("\\", "/")
    strings = {
        "CompanyName": "Koperasi Berdaya",
        "FileDescription": "Koperasi Berdaya - program kantor koperasi",
        "FileVersion": version,
        "InternalName": "KoperasiBerdaya",
        "OriginalFilename": "KoperasiBerdaya.exe",
        "ProductName": "Koperasi Berdaya",
        "ProductVersion": version,
    }
    values = "\n".join(f'      VALUE "{key}", "{value}"' for key, value in strings.items())
    return f"""1 ICON "{icon_path}"
1 VERSIONINFO
FILEVERSION {numbers}
PRODUCTVERSION {numbers}
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "042104b0"
    BEGIN
{values}
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x0421, 1200
  END
END
"""


def compile_launcher(target: Path, *, icon: Path, version: str, work: Path) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    script = work / "launcher.rc"
    script.write_text(_resource_script(icon, version), encoding="utf-8")
    resources = work / "launcher-res.o"
    subprocess.run([_tool("windres"), str(script), "-O", "coff", "-o", str(resources)], check=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("gcc"), "-O2", "-s", "-mwindows", "-municode", "-o", str(target),
                    str(HERE / "launcher.c"), str(resources)], check=True)
    return target
