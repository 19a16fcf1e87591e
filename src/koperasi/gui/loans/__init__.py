"""Pinjaman: the loan list, a loan's detail and actions, group collections, arrears, funds and products."""
