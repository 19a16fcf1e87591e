"""The photo rules shared by the pas foto and the kisah sukses: a JPEG or PNG that decodes, at most 400 KB."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from koperasi.domain.errors import ValidationError
from koperasi.domain.photos import MAX_PHOTO_BYTES, check_photo

PNG = b"\x89PNG\r\n\x1a\n"


def picture(kind: str, width: int = 40, height: int = 30) -> bytes:
    stream = BytesIO()
    Image.new("RGB", (width, height), (120, 160, 90)).save(stream, kind)
    return stream.getvalue()


@pytest.mark.parametrize(("photo", "message"), [
    (b"GIF89a....", "JPEG atau PNG"), ("\x89PNG\r\n\x1a\n", "JPEG atau PNG"), (bytearray(PNG), "JPEG atau PNG"),
    (PNG + bytes(MAX_PHOTO_BYTES), "terlalu besar (400 KB); paling besar 400 KB"),
    (b"\xff\xd8\xff\xe0" + b"0" * 2000, "JPEG atau PNG"), (PNG + bytes(64), "JPEG atau PNG"),  # only the start of one
    (picture("JPEG")[:300], "JPEG atau PNG"),  # cut off
    (picture("PNG", 9000, 10), "9000 × 10 piksel"),
])
def test_not_an_image_or_too_big_is_refused_in_indonesian(photo, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_photo(photo)


def test_a_small_jpeg_or_png_or_none_is_kept():
    assert check_photo(None) is None
    for kind in ("JPEG", "PNG"):
        assert check_photo(picture(kind)) == picture(kind)
