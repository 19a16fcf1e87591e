"""The office profile as entered by a person, and its checks."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from koperasi.domain.errors import ValidationError
from koperasi.domain.phone import normalize_phone

_OFFICE_CODE = re.compile(r"[A-Z][A-Z0-9]{1,5}")


@dataclass(frozen=True, slots=True)
class OfficeProfile:
    name: str
    code: str
    kecamatan_code: str | None = None
    address: str = ""
    phone: str = ""
    chair_name: str = ""
    treasurer_name: str = ""


def validate_office(profile: OfficeProfile) -> OfficeProfile:
    """Tidy the profile (spaces, upper-case code, national phone form) or raise."""
    name = " ".join(profile.name.split())
    if not name:
        raise ValidationError("Nama kantor wajib diisi.", field="name")
    if len(name) > 120:
        raise ValidationError("Nama kantor paling banyak 120 karakter.", field="name")
    code = profile.code.strip().upper()
    if not _OFFICE_CODE.fullmatch(code):
        raise ValidationError(
            "Kode kantor 2–6 huruf besar atau angka, diawali huruf (contoh: SRL). "
            "Kode ini dipakai di nomor kwitansi.",
            field="code",
        )
    phone = normalize_phone(profile.phone) if profile.phone.strip() else ""
    address = " ".join(profile.address.split())
    if len(address) > 250:
        raise ValidationError("Alamat paling banyak 250 karakter.", field="address")
    chair = " ".join(profile.chair_name.split())
    treasurer = " ".join(profile.treasurer_name.split())
    for field, value in (("chair_name", chair), ("treasurer_name", treasurer)):
        if len(value) > 120:
            raise ValidationError("Nama paling banyak 120 karakter.", field=field)
    return replace(
        profile,
        name=name,
        code=code,
        phone=phone,
        address=address,
        chair_name=chair,
        treasurer_name=treasurer,
        kecamatan_code=profile.kecamatan_code or None,
    )
