"""Office-wide settings: each with its key, type, default, check and label in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from koperasi.domain.sales import check_commission, format_percent

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    key: str
    label: str
    default: T
    parse: Callable[[str], T]
    check: Callable[[T], None]
    show: Callable[[T], str]


SALES_COMMISSION: Setting[int] = Setting(
    key="sales_commission_bp",
    label="Jasa penjualan koperasi (bawaan)",
    default=1000,  # 10 %
    parse=int,
    check=check_commission,
    show=format_percent,
)

SETTINGS: dict[str, Setting] = {setting.key: setting for setting in (SALES_COMMISSION,)}
