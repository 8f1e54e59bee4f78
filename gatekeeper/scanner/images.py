"""Reading a still image to decode, bounded before it is decoded.

A 20000×20000 PNG is a few kilobytes on disk and 1.2 GB of pixels once decoded: the size
is read from the file's header first (PNG, JPEG, GIF, BMP, WebP) and an image over
`MAX_PIXELS` is refused with a clear reason. OpenCV's own limit is set to the same figure
for any format the header reader does not know.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import numpy as np

MAX_PIXELS = 50_000_000  # 50 megapixels: far above any camera still of a badge
os.environ.setdefault("OPENCV_IO_MAX_IMAGE_PIXELS", str(MAX_PIXELS))

import cv2  # noqa: E402  (after the limit above: OpenCV reads it once)


class ImageTooLarge(ValueError):
    def __init__(self, width: int, height: int) -> None:
        super().__init__(f"{width}x{height}")
        self.width, self.height = width, height

    @property
    def megapixels(self) -> float:
        return self.width * self.height / 1e6


def header_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from the header of a PNG, JPEG, GIF, BMP or WebP; None if unknown."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        w, h = struct.unpack(">II", data[16:24])
        return int(w), int(h)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        w, h = struct.unpack("<HH", data[6:10])
        return int(w), int(h)
    if data[:2] == b"BM" and len(data) >= 26:
        w, h = struct.unpack("<ii", data[18:26])
        return abs(int(w)), abs(int(h))
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP" and len(data) >= 30:
        chunk = data[12:16]
        if chunk == b"VP8X":
            w = int.from_bytes(data[24:27], "little") + 1
            h = int.from_bytes(data[27:30], "little") + 1
            return w, h
        if chunk == b"VP8L":
            bits = int.from_bytes(data[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
        if chunk == b"VP8 ":
            w, h = struct.unpack("<HH", data[26:30])
            return int(w) & 0x3FFF, int(h) & 0x3FFF
    if data[:2] == b"\xff\xd8":
        return _jpeg_size(data)
    return None


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = int.from_bytes(data[i + 2:i + 4], "big")
        if marker in _SOF:
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return int(w), int(h)
        i += 2 + length
    return None


def read_image(path: Path, *, max_pixels: int = MAX_PIXELS) -> np.ndarray | None:
    """The image's pixels (BGR), None when it cannot be read as an image; ImageTooLarge
    before decoding one over `max_pixels`. Reads bytes first so any path works."""
    try:
        data = np.fromfile(str(path), dtype=np.uint8)
    except OSError:
        return None
    if data.size == 0:
        return None
    size = header_size(data[:65536].tobytes())
    if size is not None and size[0] * size[1] > max_pixels:
        raise ImageTooLarge(*size)
    frame = cv2.imdecode(data, cv2.IMREAD_COLOR)
    return frame if frame is not None and frame.size else None
