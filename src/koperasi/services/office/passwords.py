"""Password hashing with Argon2id (argon2-cffi; OWASP Password Storage Cheat Sheet)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from koperasi.domain.errors import ValidationError

# argon2-cffi's defaults are RFC 9106's low-memory profile (t=3, 64 MiB, p=4):
# about 0.14 s on a modern PC, acceptable at a login once per shift.
hasher = PasswordHasher()


def hash_password(password: str) -> str:
    if not _encodable(password):
        raise ValidationError("Kata sandi berisi karakter yang tidak dapat dipakai. Ketik ulang kata sandinya.", field="password")
    return hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    if not _encodable(password):  # a broken character (lone surrogate) was never part of any password
        return False
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _encodable(password: str) -> bool:
    try:
        password.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with older parameters than ``hasher`` now uses."""
    return hasher.check_needs_rehash(password_hash)
