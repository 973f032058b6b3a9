"""An interlaced (Adam7) PNG is whole only when its image data inflates to exactly the size of
its seven passes, like a plain PNG to its rows: one whose data stops short is refused instead of
being taken for a complete receipt."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from kyodo_desktop.domain import attachments as rules
from kyodo_desktop.errors import ValidationError

#: Adam7: (first column, first row, column step, row step) of each pass.
PASSES = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
          (0, 1, 1, 2))


def _chunk(tag: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + tag + body + struct.pack(
        ">I", zlib.crc32(tag + body) & 0xFFFFFFFF)


def _interlaced(width: int, height: int, cut: int = 0) -> bytes:
    """An 8-bit RGB Adam7 PNG of mid grey; ``cut`` bytes of image data left out at the end."""
    raw = b""
    for x0, y0, dx, dy in PASSES:
        columns = max(0, (width - x0 + dx - 1) // dx)
        rows = max(0, (height - y0 + dy - 1) // dy)
        if columns and rows:
            raw += (b"\x00" + b"\x80" * 3 * columns) * rows
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 1)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(raw[:len(raw) - cut])) + _chunk(b"IEND", b""))


@pytest.mark.parametrize(("width", "height"), [(1, 1), (3, 5), (9, 9), (640, 480), (17, 2)])
def test_a_whole_interlaced_png_is_accepted(width, height):
    data = _interlaced(width, height)
    assert rules.check_file(data) == rules.FileKind(rules.PNG, width, height)
    with Image.open(io.BytesIO(data)) as picture:  # the size agrees with a real decoder
        picture.load()
        assert picture.getpixel((width - 1, height - 1)) == (128, 128, 128)


@pytest.mark.parametrize("cut", [1, 100])
def test_an_interlaced_png_cut_short_is_refused(cut):
    with pytest.raises(ValidationError):
        rules.check_file(_interlaced(640, 480, cut))


def test_an_interlaced_png_announcing_far_more_than_it_holds_is_refused():
    header = struct.pack(">IIBBBBB", 1000, 1000, 8, 0, 0, 0, 1)
    lying = (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
             + _chunk(b"IDAT", zlib.compress(b"\x00" * 10)) + _chunk(b"IEND", b""))
    with pytest.raises(ValidationError):
        rules.check_file(lying)
