"""A packet sealed for the district: X25519 key agreement, HKDF-SHA256, AES-256-GCM (all from ``cryptography``).

Signed first, then sealed: the district opens the envelope with its own key and then checks the office's
signature inside as for any packet. The envelope is ``MAGIC``, the sender's one-time public key (32 bytes),
the nonce (12 bytes) and the ciphertext; the magic and the one-time key are authenticated with it.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from koperasi.domain.district.packet import PacketRefused

MAGIC = b"KOPERASI-PAKET-TERKUNCI-1\n"
SEALED_FOR_ANOTHER = ("Paket terkunci ini tidak dapat dibuka dengan kunci kabupaten ini: dikunci untuk kabupaten lain, "
                      "atau rusak saat disalin.")
_INFO = b"koperasi-berdaya paket-laporan v1"


def is_sealed(raw: bytes) -> bool:
    return raw.startswith(MAGIC)


def seal(content: bytes, district_public_key: bytes) -> bytes:
    one_time = X25519PrivateKey.generate()
    one_time_public = one_time.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    key = _key(one_time.exchange(X25519PublicKey.from_public_bytes(district_public_key)), one_time_public)
    nonce = os.urandom(12)
    return MAGIC + one_time_public + nonce + AESGCM(key).encrypt(nonce, content, MAGIC + one_time_public)


def open_sealed(raw: bytes, district_key: X25519PrivateKey | None) -> bytes:
    """The packet inside, or a refusal: no district key, another district's packet, or a changed byte."""
    header = len(MAGIC)
    one_time_public, nonce, ciphertext = raw[header:header + 32], raw[header + 32:header + 44], raw[header + 44:]
    if district_key is None or len(one_time_public) != 32 or len(nonce) != 12:
        raise PacketRefused(SEALED_FOR_ANOTHER)
    try:
        key = _key(district_key.exchange(X25519PublicKey.from_public_bytes(one_time_public)), one_time_public)
        return AESGCM(key).decrypt(nonce, ciphertext, MAGIC + one_time_public)
    except (InvalidTag, ValueError) as error:
        raise PacketRefused(SEALED_FOR_ANOTHER) from error


def _key(shared: bytes, one_time_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=one_time_public, info=_INFO).derive(shared)
