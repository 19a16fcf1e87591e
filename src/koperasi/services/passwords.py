"""Password hashing with Argon2id (argon2-cffi; OWASP Password Storage Cheat Sheet)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2-cffi's defaults are RFC 9106's low-memory profile (t=3, 64 MiB, p=4):
# about 0.14 s on a modern PC, acceptable at a login once per shift.
hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with older parameters than ``hasher`` now uses."""
    return hasher.check_needs_rehash(password_hash)
