"""The office cash book: recording income and expenses, their reversals, the list and the vouchers."""
