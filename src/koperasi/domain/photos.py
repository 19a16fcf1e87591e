"""The one set of rules for a photo kept in the database (a member's pas foto, a kisah sukses photo).

Photos live in the database so that a backup carries them; they are kept small: the screens scale a chosen
picture down to ``MAX_SIDE`` pixels before saving, and the services refuse anything that is not a JPEG or PNG
or is larger than ``MAX_PHOTO_BYTES``.
"""

from __future__ import annotations

from koperasi.domain.errors import ValidationError

MAX_PHOTO_BYTES = 400_000
MAX_SIDE = 480  # px, the longer side: enough for a card or a story page at 300 dpi, ~30 KB as JPEG
_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")  # JPEG, PNG


def check_photo(photo: object) -> bytes | None:
    """The photo as stored (None: no photo), or a ValidationError in Indonesian."""
    if photo is None:
        return None
    if not isinstance(photo, bytes) or not photo.startswith(_SIGNATURES):
        raise ValidationError("Foto harus berupa gambar JPEG atau PNG.", field="photo")
    if len(photo) > MAX_PHOTO_BYTES:
        raise ValidationError(f"Foto terlalu besar ({len(photo) // 1000} KB); paling besar {MAX_PHOTO_BYTES // 1000} KB.",
                              field="photo")
    return photo
