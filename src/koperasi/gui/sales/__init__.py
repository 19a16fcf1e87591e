"""Penjualan: sales with their lines and nota, consignment intake and stock, payouts to producers,
the sales report, and the catalogue (products, channels, buyers, the default commission)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from koperasi.domain.sales import Producer
from koperasi.gui.date_field import DateField
from koperasi import clock


def date_edit(name: str, day: date | QDate | None = None) -> DateField:
    return DateField(objectName=name, day=day or clock.today())


def short_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def producer_key(producer: Producer) -> str:
    """A string for a combo's data (a frozen dataclass survives, but a string compares plainly)."""
    return f"m:{producer.member_id}" if producer.member_id else f"g:{producer.group_id}"


def producer_label(name: str, identity: str) -> str:
    """"Siti Aminah (SRL-000123)" or "KUP Mawar (Kelompok)"."""
    return f"{name} ({identity})" if identity else name
