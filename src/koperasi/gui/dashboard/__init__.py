"""Beranda: the tab, its tiles, the waiting list and the set-up checklist."""
