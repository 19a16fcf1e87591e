"""The cash book's papers: the voucher (bukti kas masuk / keluar) and the book as a workbook."""
