"""The office cash book: its own income and expenses, with bukti kas masuk and keluar."""
