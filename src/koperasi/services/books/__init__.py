"""Tutup buku and SHU: closing a financial year (four eyes), dividing its surplus, paying members their share."""
