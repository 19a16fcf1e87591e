"""The photo rules shared by the pas foto and the kisah sukses: JPEG or PNG, at most 400 KB."""

from __future__ import annotations

import pytest

from koperasi.domain.errors import ValidationError
from koperasi.domain.photos import MAX_PHOTO_BYTES, check_photo

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(("photo", "message"), [
    (b"GIF89a....", "JPEG atau PNG"), ("\x89PNG\r\n\x1a\n", "JPEG atau PNG"), (bytearray(PNG), "JPEG atau PNG"),
    (PNG + bytes(MAX_PHOTO_BYTES), "terlalu besar (400 KB); paling besar 400 KB"),
])
def test_not_an_image_or_too_big_is_refused_in_indonesian(photo, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_photo(photo)


def test_a_small_jpeg_or_png_or_none_is_kept():
    assert check_photo(None) is None
    assert check_photo(PNG + bytes(MAX_PHOTO_BYTES - len(PNG))) is not None
    assert check_photo(b"\xff\xd8\xff\xe0jfif") == b"\xff\xd8\xff\xe0jfif"
