"""The financial year's close and the SHU's division by the AD/ART, as pure rules.

A closed year takes no posting dated in it: its income (accounts 4…) and expenses (5…) are moved into SHU
tahun berjalan by the closing entry on 31 December, and mistakes found later are corrected by a reversal
dated in an open year. The SHU is split into the AD/ART's parts by basis points that sum to exactly
10 000; jasa modal and jasa usaha are then shared among the members in proportion to their basis. Every
split is a largest-remainder allocation of whole rupiah, so the pieces always sum to the whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from koperasi.domain.errors import ValidationError
from koperasi.domain.ledger import Account
from koperasi.domain.office.settings import Setting
from koperasi.domain.roles import Permission

WHOLE = 10_000  # basis points in 100 %


class ShuPart(StrEnum):
    """The AD/ART's parts of the SHU, in the order the RAT reads them."""

    RESERVE = "cadangan"
    CAPITAL = "jasa_modal"
    BUSINESS = "jasa_usaha"
    BOARD = "dana_pengurus"
    STAFF = "dana_karyawan"
    EDUCATION = "dana_pendidikan"
    SOCIAL = "dana_sosial"
    AREA_DEVELOPMENT = "dana_pembangunan_daerah_kerja"

    @property
    def label(self) -> str:
        return _PART_LABELS[self]

    @property
    def account(self) -> Account:
        """Where the part is credited when the SHU is divided (members' parts: what is owed to them)."""
        return _PART_ACCOUNTS[self]

    @property
    def to_members(self) -> bool:
        return self in MEMBER_PARTS


_PART_LABELS = {
    ShuPart.RESERVE: "Cadangan",
    ShuPart.CAPITAL: "Jasa modal",
    ShuPart.BUSINESS: "Jasa usaha",
    ShuPart.BOARD: "Dana pengurus",
    ShuPart.STAFF: "Dana karyawan",
    ShuPart.EDUCATION: "Dana pendidikan",
    ShuPart.SOCIAL: "Dana sosial",
    ShuPart.AREA_DEVELOPMENT: "Dana pembangunan daerah kerja",
}
_PART_ACCOUNTS = {
    ShuPart.RESERVE: Account.RESERVE,
    ShuPart.CAPITAL: Account.SHU_PAYABLE,
    ShuPart.BUSINESS: Account.SHU_PAYABLE,
    ShuPart.BOARD: Account.FUND_BOARD,
    ShuPart.STAFF: Account.FUND_STAFF,
    ShuPart.EDUCATION: Account.FUND_EDUCATION,
    ShuPart.SOCIAL: Account.FUND_SOCIAL,
    ShuPart.AREA_DEVELOPMENT: Account.FUND_AREA_DEVELOPMENT,
}
MEMBER_PARTS = frozenset({ShuPart.CAPITAL, ShuPart.BUSINESS})


def largest_remainder(total: int, weights: Sequence[int]) -> list[int]:
    """Whole rupiah for each weight, in proportion, summing to exactly ``total``.

    Each gets the floor of its exact share; the rupiah left over go one each to the largest remainders
    (ties to the earlier weight). Zero weights get nothing; with no positive weight nothing can be shared
    and every share is 0 (the caller names an account for the undivided total)."""
    if type(total) is not int or total < 0:
        raise ValueError("total must be a non-negative int")
    if any(type(weight) is not int or weight < 0 for weight in weights):
        raise ValueError("weights must be non-negative ints")
    whole = sum(weights)
    if whole == 0:
        return [0] * len(weights)
    shares, remainders = [], []
    for index, weight in enumerate(weights):
        share, remainder = divmod(total * weight, whole)
        shares.append(share)
        remainders.append((-remainder, index))
    left = total - sum(shares)
    for _, index in sorted(remainders)[:left]:
        shares[index] += 1
    return shares


@dataclass(frozen=True, slots=True)
class ShuShares:
    """The AD/ART's share of each part in basis points (2500 = 25 %); stored as one setting so they are
    checked together. ``str`` is the stored form: the eight numbers in ``ShuPart`` order."""

    basis_points: tuple[int, ...]

    def of(self, part: ShuPart) -> int:
        return self.basis_points[list(ShuPart).index(part)]

    def __str__(self) -> str:
        return ",".join(str(value) for value in self.basis_points)

    @classmethod
    def parse(cls, text: str) -> ShuShares:
        return cls(tuple(int(value) for value in text.split(",")))

    @classmethod
    def of_parts(cls, shares: dict[ShuPart, int]) -> ShuShares:
        return cls(tuple(shares.get(part, 0) for part in ShuPart))


def check_shares(shares: ShuShares) -> None:
    if len(shares.basis_points) != len(ShuPart) or any(type(value) is not int for value in shares.basis_points):
        raise ValidationError("Isi persentase setiap bagian SHU.", field="shares")
    if any(value < 0 for value in shares.basis_points):
        raise ValidationError("Persentase bagian SHU tidak boleh negatif.", field="shares")
    total = sum(shares.basis_points)
    if total != WHOLE:
        raise ValidationError(
            f"Persentase pembagian SHU harus berjumlah tepat 100 % (sekarang {format_share(total)}).", field="shares"
        )


def format_share(basis_points: int) -> str:
    """2500 -> "25 %", 250 -> "2,5 %"."""
    whole, rest = divmod(basis_points, 100)
    return f"{whole} %" if rest == 0 else f"{whole},{rest:02d}".rstrip("0") + " %"


def divide(shu: int, shares: ShuShares) -> dict[ShuPart, int]:
    """The SHU's parts in whole rupiah, summing to exactly ``shu``."""
    check_shares(shares)
    if type(shu) is not int or shu <= 0:
        raise ValidationError("Tidak ada SHU untuk dibagi: hasil tahun ini nol atau rugi.")
    amounts = largest_remainder(shu, list(shares.basis_points))
    return dict(zip(ShuPart, amounts, strict=True))


class CapitalBasis(StrEnum):
    """What jasa modal is shared by: the member's simpanan pokok + wajib at the year's end, or on average."""

    YEAR_END = "year_end"
    AVERAGE = "average"  # the mean of the twelve month-end balances

    @property
    def label(self) -> str:
        return {CapitalBasis.YEAR_END: "Simpanan pokok + wajib akhir tahun",
                CapitalBasis.AVERAGE: "Rata-rata simpanan pokok + wajib (12 akhir bulan)"}[self]


class BusinessSource(StrEnum):
    """Which of a member's dealings with the cooperative count for jasa usaha (rupiah the cooperative earned)."""

    SALES = "sales"  # the commission (jasa) kept on the member's consigned goods sold in the year
    ADMIN_FEES = "admin_fees"  # the loan administration fees the member paid in the year

    @property
    def label(self) -> str:
        return {BusinessSource.SALES: "Jasa penjualan hasil anggota",
                BusinessSource.ADMIN_FEES: "Biaya administrasi pinjaman"}[self]


def parse_sources(text: str) -> frozenset[BusinessSource]:
    return frozenset(BusinessSource(value) for value in text.split(",") if value)


def show_sources(sources: frozenset[BusinessSource]) -> str:
    return ", ".join(source.label for source in BusinessSource if source in sources)


def _check_sources(sources: frozenset[BusinessSource]) -> None:
    if not sources:
        raise ValidationError("Pilih paling sedikit satu transaksi yang dihitung untuk jasa usaha.", field="sources")


def _check_capital_basis(value: object) -> None:
    if not isinstance(value, CapitalBasis):
        raise ValidationError("Pilih dasar jasa modal: akhir tahun atau rata-rata.", field="capital_basis")


class BusinessSources(frozenset):
    """The setting's value: ``str`` is its stored form ("sales,admin_fees")."""

    def __str__(self) -> str:
        return ",".join(source.value for source in BusinessSource if source in self)


# The AD/ART's division (the RAT decides; the chair keeps it): 25 % cadangan, 20 % jasa modal,
# 25 % jasa usaha, 10 % dana pengurus, 5 % each dana karyawan, pendidikan, sosial, pembangunan daerah kerja.
SHU_SHARES: Setting[ShuShares] = Setting(
    key="shu_shares_bp",
    label="Pembagian SHU menurut AD/ART",
    default=ShuShares((2500, 2000, 2500, 1000, 500, 500, 500, 500)),
    parse=ShuShares.parse,
    check=check_shares,
    show=lambda shares: "; ".join(f"{part.label} {format_share(shares.of(part))}" for part in ShuPart),
    changed_with=Permission.MANAGE_SHU_RULES,
)
SHU_CAPITAL_BASIS: Setting[CapitalBasis] = Setting(
    key="shu_capital_basis",
    label="Dasar jasa modal",
    default=CapitalBasis.YEAR_END,
    parse=CapitalBasis,
    check=_check_capital_basis,
    show=lambda value: value.label,
    changed_with=Permission.MANAGE_SHU_RULES,
)
SHU_BUSINESS_SOURCES: Setting[BusinessSources] = Setting(
    key="shu_business_sources",
    label="Transaksi yang dihitung untuk jasa usaha",
    default=BusinessSources({BusinessSource.SALES, BusinessSource.ADMIN_FEES}),
    parse=lambda text: BusinessSources(parse_sources(text)),
    check=_check_sources,
    show=lambda value: show_sources(frozenset(value)),
    changed_with=Permission.MANAGE_SHU_RULES,
)


def check_year(year: int) -> None:
    """A financial year the program can hold: a whole number from 2000 to 2100."""
    if type(year) is not int or not 2000 <= year <= 2100:
        raise ValidationError("Tahun buku tidak sah: tulis tahun 2000–2100.", field="year")


def year_bounds(year: int) -> tuple[date, date]:
    check_year(year)
    return date(year, 1, 1), date(year, 12, 31)


def check_year_ended(year: int, today: date) -> None:
    """A year is closed only once it has ended."""
    check_year(year)
    if today <= date(year, 12, 31):
        raise ValidationError(
            f"Tahun buku {year} belum berakhir; tutup buku baru dapat dilakukan mulai 1 Januari {year + 1}.",
            field="year",
        )


OWN_CLOSING_REQUEST = ("Anda sendiri yang meminta tutup buku ini; ketua atau pengguna lain yang berwenang "
                       "yang menyetujui atau menolaknya.")


class PaymentMethod(StrEnum):
    CASH = "cash"
    SUKARELA = "sukarela"

    @property
    def label(self) -> str:
        return {PaymentMethod.CASH: "Tunai", PaymentMethod.SUKARELA: "Ke simpanan sukarela"}[self]
