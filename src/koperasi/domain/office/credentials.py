"""Rules for user names and passwords (OWASP: length over composition rules)."""

from __future__ import annotations

import re

from koperasi.domain.errors import ValidationError

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 128
_USERNAME = re.compile(r"[a-z][a-z0-9._-]{2,31}")


def normalize_username(text: str) -> str:
    """User names are case-insensitive: ``Siti`` and ``siti`` are the same person."""
    username = text.strip().lower()
    if not username:
        raise ValidationError("Nama pengguna wajib diisi.", field="username")
    if not _USERNAME.fullmatch(username):
        raise ValidationError(
            "Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau strip, "
            "diawali huruf.",
            field="username",
        )
    return username


def validate_full_name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise ValidationError("Nama lengkap wajib diisi.", field="full_name")
    if len(name) > 120:
        raise ValidationError("Nama lengkap paling banyak 120 karakter.", field="full_name")
    return name


def validate_password(password: str, *, username: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter.", field="password"
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(
            f"Kata sandi paling banyak {MAX_PASSWORD_LENGTH} karakter.", field="password"
        )
    if password.strip().lower() == username.lower():
        raise ValidationError("Kata sandi tidak boleh sama dengan nama pengguna.", field="password")
    return password
