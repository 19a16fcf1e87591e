"""Entry point of the frozen program (PyInstaller runs this file, not the console script)."""

import sys

from koperasi.cli import main

if __name__ == "__main__":
    sys.exit(main())
