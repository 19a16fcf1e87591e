"""What the savings papers say, as plain values: the services fill these in, the reports print them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from koperasi.domain.errors import ValidationError
from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.office.settings import Setting
from koperasi.domain.roles import Permission
from koperasi.domain.savings.rules import SavingsKind


@dataclass(frozen=True, slots=True)
class StatementLine:
    occurred_on: date
    description: str  # "Setoran simpanan wajib", "Pembatalan KW/…: salah ketik"
    receipt_number: str
    kind: SavingsKind
    change: int  # + into the savings, − out of them
    total: int  # all kinds together, after this line
    cancelled: bool = False  # a later reversal undid it


@dataclass(frozen=True, slots=True)
class SavingsStatement:
    """A member's savings over a period: balances at the start, every movement, balances at the end."""

    office: OfficeProfile
    member_number: str
    member_name: str
    member_address: str
    joined_on: date
    period_from: date
    period_to: date
    opening: dict[SavingsKind, int]
    lines: tuple[StatementLine, ...]
    closing: dict[SavingsKind, int]
    wajib_arrears: int  # as of period_to
    printed_on: date


# The office's buku simpanan: each page has this many printed lines (the paper's ruled rows), unless the
# office set its own paper's count (PASSBOOK_LINES below).
PASSBOOK_LINES_PER_PAGE = 20
MAX_PASSBOOK_OFFSET_MM = 30
MIN_PASSBOOK_LINES, MAX_PASSBOOK_LINES = 5, 60


def _check_offset(field: str, what: str) -> Callable[[int], None]:
    def check(value: int) -> None:
        if type(value) is not int or not -MAX_PASSBOOK_OFFSET_MM <= value <= MAX_PASSBOOK_OFFSET_MM:
            raise ValidationError(
                f"Geser {what} harus bilangan bulat −{MAX_PASSBOOK_OFFSET_MM}–{MAX_PASSBOOK_OFFSET_MM} mm.", field=field)
    return check


def _check_lines(value: int) -> None:
    if type(value) is not int or not MIN_PASSBOOK_LINES <= value <= MAX_PASSBOOK_LINES:
        raise ValidationError(
            f"Jumlah baris per halaman buku simpanan harus {MIN_PASSBOOK_LINES}–{MAX_PASSBOOK_LINES}.", field="lines_per_page")


def _show_offset(value: int) -> str:
    return f"{value} mm"


# The calibration of the office's passbook paper: the printer (or the paper) places everything this many
# mm lower (top) and further right (left) than the program's layout; negative moves up or left.
PASSBOOK_TOP_MM: Setting[int] = Setting(
    key="passbook_top_mm", label="Geser cetakan buku simpanan ke bawah (mm)", default=0, parse=int,
    check=_check_offset("top_mm", "ke bawah"), show=_show_offset, changed_with=Permission.MANAGE_SAVINGS_RATES,
)
PASSBOOK_LEFT_MM: Setting[int] = Setting(
    key="passbook_left_mm", label="Geser cetakan buku simpanan ke kanan (mm)", default=0, parse=int,
    check=_check_offset("left_mm", "ke kanan"), show=_show_offset, changed_with=Permission.MANAGE_SAVINGS_RATES,
)
PASSBOOK_LINES: Setting[int] = Setting(
    key="passbook_lines_per_page", label="Baris per halaman buku simpanan", default=PASSBOOK_LINES_PER_PAGE, parse=int,
    check=_check_lines, show=str, changed_with=Permission.MANAGE_SAVINGS_RATES,
)


@dataclass(frozen=True, slots=True)
class PassbookLayout:
    """Where this office's passbook paper wants the print: the calibration settings as one value."""

    top_mm: int = 0
    left_mm: int = 0
    lines_per_page: int = PASSBOOK_LINES_PER_PAGE

PASSBOOK_CODES = {SavingsKind.POKOK: "SP", SavingsKind.WAJIB: "SW", SavingsKind.SUKARELA: "SS"}


@dataclass(frozen=True, slots=True)
class PassbookLine:
    page: int
    line: int  # 1 .. the layout's lines_per_page on its page
    occurred_on: date
    code: str  # "SW"; "BT" for a reversal
    into: int  # what came into the savings, 0 otherwise
    out: int
    balance: int  # all kinds together, after this line


@dataclass(frozen=True, slots=True)
class PassbookPrint:
    """The lines not yet in the member's buku simpanan, each placed where it goes on the paper."""

    office: OfficeProfile
    member_number: str
    member_name: str
    lines: tuple[PassbookLine, ...]
    printed_before: int  # movements already in the book
    version: int  # of the book's position (0: never printed)
    book: int = 1  # the member's first book is 1; each new book the office gives adds one
    layout: PassbookLayout = PassbookLayout()


def place_lines(page: int, line: int, count: int, per_page: int = PASSBOOK_LINES_PER_PAGE) -> list[tuple[int, int]]:
    """Where ``count`` new lines go, starting at ``line`` of ``page``: down the page, then from line 1 of the next."""
    places = []
    for _ in range(count):
        if line > per_page:
            page, line = page + 1, 1
        places.append((page, line))
        line += 1
    return places
