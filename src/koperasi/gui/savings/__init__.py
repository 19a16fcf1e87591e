"""Simpanan: members' savings at the counter, wajib arrears, the rates."""
