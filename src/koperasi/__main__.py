import sys

from koperasi.cli import main

sys.exit(main())
