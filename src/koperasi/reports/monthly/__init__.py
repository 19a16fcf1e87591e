"""The Laporan bulanan on paper: the PDF and the workbook."""
