"""Facts about a person shared by members, trainees and borrowers."""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    """Stored as the letter Indonesian forms use: L (laki-laki), P (perempuan)."""

    MALE = "L"
    FEMALE = "P"

    @property
    def label(self) -> str:
        return "Laki-laki" if self is Sex.MALE else "Perempuan"
