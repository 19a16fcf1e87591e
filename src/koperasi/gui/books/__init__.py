"""Tutup buku & SHU: the close, its approval, the SHU division and the payments."""
