"""Penjualan: sales with their lines and nota, consignment intake and stock, payouts to producers,
the sales report, and the catalogue (products, channels, buyers, the default commission)."""

from __future__ import annotations

from datetime import date

from koperasi.domain.sales.rules import Producer


def short_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def producer_key(producer: Producer) -> str:
    """A string for a combo's data (a frozen dataclass survives, but a string compares plainly)."""
    return f"m:{producer.member_id}" if producer.member_id else f"g:{producer.group_id}"


def producer_label(name: str, identity: str) -> str:
    """"Siti Aminah (SRL-000123)" or "KUP Mawar (Kelompok)"."""
    return f"{name} ({identity})" if identity else name
