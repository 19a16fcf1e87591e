"""Household measurements, follow-up visits, indicators and the funder's report."""
