"""Beranda: figures from every area, what waits for whom, the first set-up checklist."""
