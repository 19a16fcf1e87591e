"""The one set of rules for a photo kept in the database (a member's pas foto, a kisah sukses photo).

Photos live in the database so that a backup carries them; they are kept small: the screens scale a chosen
picture down to ``MAX_SIDE`` pixels before saving, and the services refuse anything that is not a JPEG or PNG
or is larger than ``MAX_PHOTO_BYTES``.
"""

from __future__ import annotations

from io import BytesIO

from koperasi.domain.errors import ValidationError

MAX_PHOTO_BYTES = 400_000
MAX_SIDE = 480  # px, the longer side: enough for a card or a story page at 300 dpi, ~30 KB as JPEG
MAX_PIXELS_A_SIDE = 8000  # a few hundred KB of PNG can claim a picture that fills the memory when decoded
_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")  # JPEG, PNG
_NOT_AN_IMAGE = "Foto harus berupa gambar JPEG atau PNG."


def check_photo(photo: object) -> bytes | None:
    """The photo as stored (None: no photo), or a ValidationError in Indonesian."""
    if photo is None:
        return None
    if not isinstance(photo, bytes) or not photo.startswith(_SIGNATURES):
        raise ValidationError(_NOT_AN_IMAGE, field="photo")
    if len(photo) > MAX_PHOTO_BYTES:
        raise ValidationError(f"Foto terlalu besar ({len(photo) // 1000} KB); paling besar {MAX_PHOTO_BYTES // 1000} KB.",
                              field="photo")
    _check_decodes(photo)
    return photo


def _check_decodes(photo: bytes) -> None:
    """The bytes must decode as the picture they claim to be: a file that only starts like a JPEG would be kept and
    then break every paper that prints it (the story, the funder's report)."""
    from PIL import Image  # only when a photo is saved: Pillow is 2 MB of memory the Anggota tab does not need to open

    try:
        with Image.open(BytesIO(photo)) as image:
            if image.format not in ("JPEG", "PNG"):
                raise ValidationError(_NOT_AN_IMAGE, field="photo")
            if max(image.size) > MAX_PIXELS_A_SIDE:
                raise ValidationError(f"Foto terlalu besar ({image.width} × {image.height} piksel); paling besar "
                                      f"{MAX_PIXELS_A_SIDE} piksel per sisi.", field="photo")
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_NOT_AN_IMAGE, field="photo") from None
