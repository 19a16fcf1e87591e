"""Savings papers: the member's statement (A4)."""
