"""Helpers for the scanner tests: generated QR images and videos, the real corpus."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
import pytest
import segno

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "bench" / "qr-zxing"


#: Where the code printed in a corpus image holds other text than its .txt file says.
#: qrcode-2/13.png (a code printed over an aerial photo): its modules match the code
#: of "...photography..." in 1421 of 1681 places and that of ZXing's "...photograph..."
#: in 1077 (test_a_corpus_label_that_is_not_what_is_printed), and zxing-cpp and zbar
#: both read "photography". Counted against the print, not the file.
PRINTED = {
    "qrcode-2/13.png":
        "The 2005 USGS aerial photography of the Washington Monument is censored.",
}


def corpus_text(png: Path) -> str:
    """What the code in corpus image `png` holds: its .txt file (bytes: CRLF kept),
    except where PRINTED says otherwise."""
    printed = PRINTED.get(f"{png.parent.name}/{png.name}")
    return printed if printed is not None else png.with_suffix(".txt").read_bytes().decode(
        "utf-8")  # fmt: skip


def corpus_pictures() -> list[tuple[np.ndarray, str]]:
    """(picture, what its code holds) for every corpus image, [] without the corpus:
    what the benchmarks read."""
    return [(cv2.imread(str(png)), corpus_text(png)) for png in sorted(CORPUS.glob("*/*.png"))]


def corpus_items() -> list[tuple[Path, str]]:
    """(image, expected text) pairs; the test is skipped with a reason when absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"QR corpus not found at {CORPUS} (see the scanner docs)")
    items = [(png, corpus_text(png)) for png in sorted(CORPUS.glob("*/*.png"))]
    if not items:
        pytest.skip(f"QR corpus at {CORPUS} holds no images")
    return items


def qr_image(content: str | bytes, *, scale: int = 6, border: int = 4, **kw) -> np.ndarray:
    """A BGR image of a QR code made by segno (an independent encoder)."""
    buf = io.BytesIO()
    segno.make_qr(content, **kw).save(buf, kind="png", scale=scale, border=border)
    gray = cv2.imdecode(np.frombuffer(buf.getvalue(), np.uint8), cv2.IMREAD_GRAYSCALE)
    return cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)


def scene(width: int = 1280, height: int = 720, seed: int = 0) -> np.ndarray:
    """A code-free frame: flat colours, a few shapes, mild noise (a gate in daylight)."""
    rng = np.random.default_rng(seed)
    frame = np.full((height, width, 3), 110, np.uint8)
    for _ in range(12):
        x, y = int(rng.integers(0, width - 40)), int(rng.integers(0, height - 40))
        colour = tuple(int(v) for v in rng.integers(40, 220, 3))
        w, h = int(rng.integers(30, 300)), int(rng.integers(30, 200))
        cv2.rectangle(frame, (x, y), (x + w, y + h), colour, -1)
    frame = cv2.GaussianBlur(frame, (5, 5), 0)
    return cv2.add(frame, rng.integers(0, 8, frame.shape, dtype=np.uint8))


def place(frame: np.ndarray, code: np.ndarray, x: int, y: int) -> np.ndarray:
    out = frame.copy()
    h, w = code.shape[:2]
    out[y : y + h, x : x + w] = code
    return out


def write_video(path: Path, frames: list[np.ndarray], fps: float = 30.0) -> Path:
    """An MJPG .avi (works with headless OpenCV) read back through cv2.VideoCapture."""
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (width, height))
    assert writer.isOpened(), "OpenCV cannot write MJPG .avi here"
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path
