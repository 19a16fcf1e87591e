"""Tutup buku and SHU: the year-end close and the division of the surplus, as pure rules."""
