"""Berkas > Laporan bulanan…: the month asked, the PDF previewed or the workbook saved."""
