"""What the savings papers say, as plain values: the services fill these in, the reports print them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from koperasi.domain.office.profile import OfficeProfile
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


# The office's buku simpanan: each page has this many printed lines (the paper's ruled rows).
PASSBOOK_LINES_PER_PAGE = 20
PASSBOOK_CODES = {SavingsKind.POKOK: "SP", SavingsKind.WAJIB: "SW", SavingsKind.SUKARELA: "SS"}


@dataclass(frozen=True, slots=True)
class PassbookLine:
    page: int
    line: int  # 1 .. PASSBOOK_LINES_PER_PAGE on its page
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


def place_lines(page: int, line: int, count: int, per_page: int = PASSBOOK_LINES_PER_PAGE) -> list[tuple[int, int]]:
    """Where ``count`` new lines go, starting at ``line`` of ``page``: down the page, then from line 1 of the next."""
    places = []
    for _ in range(count):
        if line > per_page:
            page, line = page + 1, 1
        places.append((page, line))
        line += 1
    return places
