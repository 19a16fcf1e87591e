"""Jaringan: community meetings, their attendance and follow-ups."""
