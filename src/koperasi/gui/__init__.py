"""The PySide6 user interface: the only package that imports Qt (besides app.py)."""

from koperasi.gui.pyside_source_scan import scan_sources_without_keeping_them

# Before any of this package's modules import SQLAlchemy and the rest: every entry (the program, the tests,
# the bench) comes through here before them, and the modules imported until then are few and small.
scan_sources_without_keeping_them()
