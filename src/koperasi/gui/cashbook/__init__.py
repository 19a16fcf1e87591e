"""Kas kantor: the office cash book (Berkas → Kas kantor…)."""
