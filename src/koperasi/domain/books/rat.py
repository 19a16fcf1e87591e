"""The RAT pack of a closed year as plain values: the neraca and the perhitungan hasil usaha beside the year
before, the arus kas, the year's work in figures and the meeting's daftar hadir. The services fill these in;
the papers print them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from koperasi.domain.books.plan import ShuPlan
from koperasi.domain.ledger import EXPENSE_CLASS, INCOME_CLASS, Account, UnbalancedEntry
from koperasi.domain.office.profile import OfficeProfile

ASSET_CLASS, LIABILITY_CLASS, EQUITY_CLASS = "1", "2", "3"
# Arus kas, direct method: each cash entry's other lines name where the money came from or went. Lending
# and the consignment trade are the cooperative's business (operasi); members' savings, the revolving
# fund's capital, the SHU paid out and the funds spent finance it (pendanaan). The chart has no fixed assets,
# so there is no investing activity.
_OPERATING = frozenset({Account.LOANS_RECEIVABLE.value, Account.PRODUCER_PAYABLE.value})


class CashActivity(StrEnum):
    OPERATING = "operasi"
    FINANCING = "pendanaan"

    @property
    def label(self) -> str:
        return "Arus kas dari aktivitas operasi" if self is CashActivity.OPERATING else "Arus kas dari aktivitas pendanaan"


def cash_activity(code: str) -> CashActivity:
    """The activity a cash movement belongs to, by the account on the entry's other side."""
    if code in _OPERATING or code.startswith((INCOME_CLASS, EXPENSE_CLASS)):
        return CashActivity.OPERATING
    return CashActivity.FINANCING


@dataclass(frozen=True, slots=True)
class StatementLine:
    code: str
    label: str
    amount: int  # the year's, on the section's normal side (a contra account is negative)
    previous: int  # the year before's


@dataclass(frozen=True, slots=True)
class StatementSection:
    title: str
    lines: tuple[StatementLine, ...]

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def previous_total(self) -> int:
        return sum(line.previous for line in self.lines)


@dataclass(frozen=True, slots=True)
class BalanceSheet:
    """Neraca at 31 December of the year and of the year before."""

    as_of: date
    previous_as_of: date
    assets: StatementSection
    liabilities: StatementSection
    equity: StatementSection

    @property
    def liabilities_and_equity(self) -> int:
        return self.liabilities.total + self.equity.total

    @property
    def previous_liabilities_and_equity(self) -> int:
        return self.liabilities.previous_total + self.equity.previous_total


def check_balance_sheet(sheet: BalanceSheet) -> BalanceSheet:
    """A programming error, never a user's: aset = kewajiban + ekuitas on both days (the journal balances)."""
    for day, assets, other in ((sheet.as_of, sheet.assets.total, sheet.liabilities_and_equity),
                               (sheet.previous_as_of, sheet.assets.previous_total, sheet.previous_liabilities_and_equity)):
        if assets != other:
            raise UnbalancedEntry(f"balance sheet at {day}: assets {assets} != liabilities and equity {other}")
    return sheet


@dataclass(frozen=True, slots=True)
class SurplusStatement:
    """Perhitungan hasil usaha: the year's income and expenses per account beside the year before's."""

    year: int
    income: StatementSection
    expenses: StatementSection

    @property
    def shu(self) -> int:
        return self.income.total - self.expenses.total

    @property
    def previous_shu(self) -> int:
        return self.income.previous_total - self.expenses.previous_total


@dataclass(frozen=True, slots=True)
class CashFlowLine:
    code: str
    label: str
    received: int  # cash in against the account in the year
    paid: int  # cash out

    @property
    def net(self) -> int:
        return self.received - self.paid


@dataclass(frozen=True, slots=True)
class CashFlowSection:
    activity: CashActivity
    lines: tuple[CashFlowLine, ...]

    @property
    def net(self) -> int:
        return sum(line.net for line in self.lines)


@dataclass(frozen=True, slots=True)
class CashFlow:
    """Arus kas (direct method): cash at the year's start, each activity's movements, cash at its end."""

    year: int
    opening: int
    sections: tuple[CashFlowSection, ...]
    closing: int

    @property
    def net(self) -> int:
        return sum(section.net for section in self.sections)


def check_cash_flow(flow: CashFlow) -> CashFlow:
    if flow.opening + flow.net != flow.closing:
        raise UnbalancedEntry(f"cash flow {flow.year}: {flow.opening} + {flow.net} != {flow.closing}")
    return flow


class Unit(StrEnum):
    COUNT = "count"
    RUPIAH = "rupiah"
    BASIS_POINTS = "bp"  # a share in hundredths of a percent (PAR30)


@dataclass(frozen=True, slots=True)
class WorkFigure:
    """One figure of the year's work (from Beranda's figures as of 31 December)."""

    section: str
    label: str
    value: int
    unit: Unit


@dataclass(frozen=True, slots=True)
class Attendee:
    """A member on the daftar hadir: on the roll on the day the pack is printed."""

    number: str
    name: str
    desa: str


@dataclass(frozen=True, slots=True)
class RatPack:
    office: OfficeProfile
    year: int
    printed_on: date
    balance_sheet: BalanceSheet
    surplus: SurplusStatement
    cash_flow: CashFlow
    # Divided, or (not yet) the division the settings in force would make: the RAT's proposal; None for a year
    # without a surplus (nothing to divide).
    shu: ShuPlan | None
    work: tuple[WorkFigure, ...]
    attendees: tuple[Attendee, ...]

    @property
    def previous_year(self) -> int:
        return self.year - 1
