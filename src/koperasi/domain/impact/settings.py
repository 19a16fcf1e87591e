"""The office's follow-up visit intervals, as office-wide settings (read with services/office/settings)."""

from __future__ import annotations

from koperasi.domain.impact.visits import check_loan_months, check_training_months, parse_months
from koperasi.domain.office.settings import Setting
from koperasi.domain.roles import Permission

VISIT_EVERY_MONTHS_DURING_LOAN: Setting[int] = Setting(
    key="visit_loan_months",
    label="Kunjungan pendampingan selama pinjaman, setiap (bulan)",
    default=3,
    parse=int,
    check=check_loan_months,
    show=lambda value: f"setiap {value} bulan",
    changed_with=Permission.MANAGE_IMPACT,
)

VISIT_MONTHS_AFTER_TRAINING: Setting[str] = Setting(
    key="visit_training_months",
    label="Kunjungan pendampingan setelah pelatihan selesai (bulan ke-)",
    default="6, 12",
    parse=str,
    check=lambda value: check_training_months(parse_months(value)),
    show=str,
    changed_with=Permission.MANAGE_IMPACT,
)
