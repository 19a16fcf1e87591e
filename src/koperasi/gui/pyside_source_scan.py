"""PySide6's import hook, made to stop keeping a copy of every module's source in memory.

After PySide6 is imported, its hook (shibokensupport/feature.py, ``_mod_uses_pyside``) asks of every module
imported later whether its source mentions "PySide6", with ``inspect.getsource``: that reads each file through
``linecache``, which keeps every line of it for the rest of the run. SQLAlchemy and the program's own modules
came to about 25 MB held that way at login, and the login's Argon2 hash (64 MiB) lands on top of them.

The same question is answered here by reading the file's bytes once and keeping nothing. Files that are not
plain ``.py`` sources (none in the frozen program, compiled modules) get PySide6's own answer, as before.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - installs the hook replaced here


def scan_sources_without_keeping_them() -> None:
    """Replace the hook's source check, once; nothing happens when this PySide6 has no such check."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "reads_bytes", False):
        return

    def mentions_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    mentions_pyside.reads_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mentions_pyside  # type: ignore[union-attr]
