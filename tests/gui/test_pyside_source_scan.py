"""PySide6's import hook still learns which modules use PySide6, without keeping their sources in linecache
(gui/pyside_source_scan.py: 25 MB at login). Run in a fresh Python: this one imported everything long ago."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

CHECK = textwrap.dedent(
    """
    import json, linecache, sys
    sys.path.insert(0, sys.argv[1])
    import koperasi.gui
    import uses_qt, plain
    feature = sys.modules["shibokensupport.feature"]
    print(json.dumps({
        "cached": sorted(name for name in ("uses_qt", "plain") if sys.modules[name].__file__ in linecache.cache),
        "feature": {name: feature.pyside_feature_dict[name] for name in ("uses_qt", "plain")},
    }))
    """
)


def test_modules_imported_after_the_gui_are_classified_as_before_and_not_cached(tmp_path):
    (tmp_path / "uses_qt.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain.py").write_text("VALUE = 1\n")
    run = subprocess.run([sys.executable, "-c", CHECK, str(tmp_path)], capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    # 0: a module using PySide6 (features switch for it); -1: one the hook ignores. PySide6's own answers.
    assert json.loads(run.stdout.strip().splitlines()[-1]) == {"cached": [], "feature": {"uses_qt": 0, "plain": -1}}
