"""A small scribbled signature as PNG bytes, made without Qt (the simulation has no display)."""

from __future__ import annotations

import random
import struct
import zlib

WIDTH, HEIGHT = 96, 32


def _chunk(tag: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(tag + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)


def scribble_png(rng: random.Random) -> bytes:
    """A grey-scale PNG with a random pen stroke across it."""
    pixels = [[255] * WIDTH for _ in range(HEIGHT)]
    y = rng.uniform(8, HEIGHT - 8)
    for x in range(4, WIDTH - 4):
        y = min(max(y + rng.uniform(-2.5, 2.5), 3), HEIGHT - 4)
        for dy in (-1, 0, 1):
            pixels[int(y) + dy][x] = 20
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )
