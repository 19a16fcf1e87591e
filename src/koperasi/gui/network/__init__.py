"""Jaringan: community meetings, follow-ups, the opportunity board and referrals."""

from datetime import date


def short_date(day: date) -> str:
    """``28-11-2026``: a list's date column, as in the other tabs' lists."""
    return day.strftime("%d-%m-%Y")
