"""One QR decoder for the camera, the CLI and the benchmark.

zxing-cpp reads the whole picture first (fast, no charset guesses). When it finds
nothing, two things may follow:

- on stills (`thorough=True`) a cascade on the whole image, each step kept because it
  rescues ZXing corpus images at no misread (tests/bench/bench_scanner.py): zxing-cpp
  with the global-histogram binariser (uneven light, glare), on a 2x upscale, pyzbar in
  binary mode (raw bytes, accepted only when valid UTF-8), and both again on copies
  turned by 20, 45 and 90 degrees (warped codes on cloth; a code whose finder patterns
  zxing-cpp's detector misses in one orientation);
- on both paths, enhanced reads of the *regions* that may hold a code: where zxing-cpp
  saw a symbol it could not decode, the patch where edges run two ways
  (`likely_region`: a code's modules turn edges every way, text, stripes and a
  phone's screen grid mostly one way) and other square, dense patches of edges
  (`candidate_regions`, which finds codes of 1-2 px per module too). A likely region
  is read in up to ten ways (`LIVE_ENHANCEMENTS`: binarised, sharpened, upscaled, zbar,
  deconvolved by a blur guessed from the region), the others in three, and stills
  in more (`STILL_ENHANCEMENTS`).

The camera's per-frame path (`decode(frame)`, also `gatekeeper decode --live`) does this
within `LIVE_BUDGET`: a fixed amount of work counted in pixels read, so a frame without
a code, or with one it cannot read, never holds the camera up (docs/benchmarks.md has
the times), and the same frame always gets the same answer.

Text comes back exactly as encoded: ECI honoured (UTF-8, GB18030, ...), control
characters and CRLF kept. Bytes that are not valid text are reported (`Code.text` is
None), never replaced or guessed.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Sequence
from ctypes import c_void_p, cast
from dataclasses import dataclass, field
from functools import partial
from typing import TypedDict

import cv2
import numpy as np
import zxingcpp

log = logging.getLogger(__name__)

Point = tuple[int, int]
Box = tuple[int, int, int, int]  # x, y, width, height

#: QR Code model 2 only: what health codes and site passes are. zxing-cpp 3's `QRCode`
#: is the family, Micro QR and rMQR included, and a Micro QR (weak error correction,
#: as few as 11x11 modules) was "found" inside a blurred big code: "7070" read from a
#: focus-blurred frame (focus_blur-2021 of tests/scanner/gate_frames.py).
QR = zxingcpp.BarcodeFormat.QRCodeModel2
NOT_TEXT = "not_text"  # Code.problem: the bytes are not valid text in their encoding


@dataclass(frozen=True)
class Code:
    """One code found: its text (None when the bytes are not text), raw bytes, corners."""

    text: str | None
    raw: bytes
    corners: tuple[Point, ...]
    reader: str
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.text is not None


@dataclass
class DecodeReport:
    """What `Decoder.decode` found and the steps it took (for the benchmark and the CLI)."""

    codes: list[Code] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    ms: float = 0.0
    pixels: int = 0  # the work done on regions after the first look (Budget, Enhancement.cost)

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.codes if c.text is not None]


# --- text --------------------------------------------------------------------------------


def _is_cjk_text(text: str) -> bool:
    """ASCII plus Chinese characters and CJK/full-width punctuation, with at least one CJK."""
    cjk = False
    for ch in text:
        o = ord(ch)
        if o < 0x80:
            continue
        if 0x3000 <= o <= 0x303F or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or (
            0xFF00 <= o <= 0xFFEF
        ):
            cjk = True
            continue
        return False
    return cjk


def _utf8(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def text_from_zxing(text: str, raw: bytes, binary: bool) -> str | None:
    """zxing-cpp's text, or None when the bytes are not text.

    Without an ECI, QR's default is ISO-8859-1; Chinese generators often write GB18030
    bytes with no ECI. When zxing fell back to ISO-8859-1 and the same bytes are valid
    GB18030 made only of ASCII and Chinese characters, the GB18030 reading is taken.
    """
    if "\ufffd" in text:
        return None
    if raw.isascii() or _utf8(raw) is not None:
        return text
    if text == raw.decode("latin-1"):  # ISO-8859-1: explicit ECI 3 or the no-ECI default
        try:
            chinese = raw.decode("gb18030")
        except UnicodeDecodeError:
            chinese = None
        if chinese is not None and _is_cjk_text(chinese):
            return chinese
        if binary:
            return None  # arbitrary bytes: reading them as Latin-1 would be a guess
    return text


# --- readers -----------------------------------------------------------------------------


class _ZxingOptions(TypedDict, total=False):
    """The `read_barcodes` options `_zxing` passes only when given (else zxing's default)."""

    binarizer: zxingcpp.Binarizer


def _zxing(
    gray: np.ndarray,
    name: str,
    *,
    scale: float = 1.0,
    binarizer: zxingcpp.Binarizer | None = None,
    errors: bool = False,
) -> tuple[list[Code], list[Box]]:
    """Codes read by zxing-cpp, and the boxes of symbols it saw but could not decode."""
    kwargs: _ZxingOptions = {"binarizer": binarizer} if binarizer is not None else {}
    found = zxingcpp.read_barcodes(
        gray,
        # zxing-cpp converts a BarcodeFormat to BarcodeFormats implicitly (its docstring says
        # "BarcodeFormat|BarcodeFormats"); the generated stub lists only BarcodeFormats.
        formats=QR,  # type: ignore[arg-type]
        text_mode=zxingcpp.TextMode.Plain,
        return_errors=errors,
        **kwargs,
    )
    codes: list[Code] = []
    suspects: list[Box] = []
    height, width = gray.shape[:2]
    for b in found:
        if not b.valid:
            xs = [pt.x for pt in (b.position.top_left, b.position.bottom_right,
                                  b.position.top_right, b.position.bottom_left)]
            ys = [pt.y for pt in (b.position.top_left, b.position.bottom_right,
                                  b.position.top_right, b.position.bottom_left)]
            box = (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
            suspects.append(_grow(box, 0.3, width, height))
            continue
        raw = bytes(b.bytes)
        text = text_from_zxing(b.text, raw, b.content_type == zxingcpp.ContentType.Binary)
        p = b.position
        corners = tuple(
            (round(pt.x / scale), round(pt.y / scale))
            for pt in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
        )
        codes.append(Code(text, raw, corners, name, None if text is not None else NOT_TEXT))
    return codes, suspects


def _pyzbar(gray: np.ndarray, name: str = "pyzbar") -> list[Code]:
    """zbar in binary mode: raw bytes, no charset guess; only valid UTF-8 is taken as text.

    zbar is the second reader: without the system library (apt libzbar0) the cascade
    goes on without it rather than failing a scan zxing-cpp could not read.
    """
    try:
        from pyzbar import pyzbar as pz
        from pyzbar import wrapper as zw
    except (ImportError, OSError) as exc:
        _warn_zbar_missing(exc)
        return []

    gray = np.ascontiguousarray(gray)
    height, width = gray.shape[:2]
    pixels = gray.tobytes()
    codes: list[Code] = []
    with pz._image_scanner() as scanner:
        zw.zbar_image_scanner_set_config(scanner, 0, zw.ZBarConfig.CFG_ENABLE, 0)
        zw.zbar_image_scanner_set_config(scanner, zw.ZBarSymbol.QRCODE, zw.ZBarConfig.CFG_ENABLE, 1)
        zw.zbar_image_scanner_set_config(scanner, zw.ZBarSymbol.QRCODE, _ZBAR_CFG_BINARY, 1)
        with pz._image() as image:
            zw.zbar_image_set_format(image, pz._FOURCC["L800"])
            zw.zbar_image_set_size(image, width, height)
            # ctypes.cast takes bytes at run time (through c_void_p.from_param); typeshed
            # lists only ctypes objects and ints for its first argument.
            data = cast(pixels, c_void_p)  # type: ignore[arg-type]
            zw.zbar_image_set_data(image, data, len(pixels), None)
            if zw.zbar_scan_image(scanner, image) < 0:
                return []
            for d in pz._decode_symbols(pz._symbols_for_image(image)):
                raw = bytes(d.data)
                text = _utf8(raw)
                corners = tuple((int(pt.x), int(pt.y)) for pt in d.polygon)
                codes.append(Code(text, raw, corners, name, None if text else NOT_TEXT))
    return codes


_ZBAR_CFG_BINARY = 4  # zbar >= 0.23.1: hand back the raw bytes instead of a charset guess


def _rotated(gray: np.ndarray, degrees: float) -> tuple[np.ndarray, np.ndarray]:
    h, w = gray.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(gray, m, (w, h), borderValue=255), cv2.invertAffineTransform(m)


def _unrotate(codes: list[Code], back: np.ndarray) -> list[Code]:
    out = []
    for c in codes:
        pts = np.array(c.corners, dtype=np.float64).reshape(-1, 1, 2)
        mapped = cv2.transform(pts, back).reshape(-1, 2)
        out.append(
            Code(c.text, c.raw, tuple((round(x), round(y)) for x, y in mapped), c.reader,
                 c.problem)
        )
    return out


def _step_global(gray: np.ndarray) -> list[Code]:
    return _zxing(gray, "zxing-global", binarizer=zxingcpp.Binarizer.GlobalHistogram)[0]


def _step_upscale(gray: np.ndarray) -> list[Code]:
    if max(gray.shape[:2]) > 1600:
        return []  # big frames already have enough pixels per module
    big = cv2.resize(gray, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    return _zxing(big, "zxing-upscaled", scale=2.0)[0]


_zbar_warned = False


def _warn_zbar_missing(exc: Exception) -> None:
    global _zbar_warned
    if not _zbar_warned:
        _zbar_warned = True
        log.warning("zbar is not available (%s): decoding with zxing-cpp only; "
                    "install libzbar0", exc)


def _step_pyzbar(gray: np.ndarray) -> list[Code]:
    return _pyzbar(gray)


def _step_rotated(gray: np.ndarray) -> list[Code]:
    for degrees in (20.0, 45.0, 90.0):
        turned, back = _rotated(gray, degrees)
        codes = _step_global(turned) or _pyzbar(turned, "pyzbar")
        if codes:
            return [
                Code(c.text, c.raw, c.corners, f"{c.reader}-rotated", c.problem)
                for c in _unrotate(codes, back)
            ]
    return []


Step = tuple[str, Callable[[np.ndarray], list[Code]]]

CASCADE: tuple[Step, ...] = (
    ("zxing-global", _step_global),
    ("zxing-upscaled", _step_upscale),
    ("pyzbar", _step_pyzbar),
    ("rotated", _step_rotated),
)


def to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def _strong_edges(gray: np.ndarray, step: int) -> np.ndarray:
    """1.0 where a sampled pixel has strong local contrast (a module edge), else 0.0.

    "Strong" is 60 grey levels in a normal picture and less in a dim one (a camera at
    high gain in dim light squeezes black and white together: a code's edges there are
    30-60 levels).
    """
    small = gray[::step, ::step]
    edges = cv2.morphologyEx(small, cv2.MORPH_GRADIENT, _KERNEL3)
    threshold = 60 if cv2.mean(small)[0] >= 70 else 28
    return (edges > threshold).astype(np.float32)


def _two_way_edges(gray: np.ndarray) -> tuple[np.ndarray, int]:
    """How strongly each cell of a coarse grid has edges running two ways, and the
    cell's side in pixels of `gray`.

    The measure is the smaller eigenvalue of the structure tensor (as in Shi-Tomasi
    corners), over cells of about 1/180 of the picture's short side: a code's modules
    turn edges every way, while a line of text, a striped barrier, a fence or a phone
    screen's pixel grid has its edges mostly one way. On 720p, about 1 ms.
    """
    h, w = gray.shape[:2]
    step = max(1, min(h, w) // 360)
    small = cv2.resize(gray, (w // step, h // step), interpolation=cv2.INTER_AREA) \
        if step > 1 else gray  # fmt: skip
    gx = cv2.Sobel(small, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(small, cv2.CV_32F, 0, 1, ksize=3)
    cells = (small.shape[1] // 2, small.shape[0] // 2)

    def pooled(product: np.ndarray) -> np.ndarray:
        cell: np.ndarray = cv2.resize(product, cells, interpolation=cv2.INTER_AREA)
        return cv2.blur(cell, (3, 3))

    jxx, jyy, jxy = pooled(gx * gx), pooled(gy * gy), pooled(gx * gy)
    weaker: np.ndarray = (jxx + jyy) * 0.5 - cv2.magnitude((jxx - jyy) * 0.5, jxy)
    return weaker, step * 2


def likely_region(gray: np.ndarray) -> Box | None:
    """Where a code most likely is, or None (`likely_regions`)."""
    found = likely_regions(gray, 1)
    return found[0] if found else None


def likely_regions(gray: np.ndarray, limit: int) -> list[Box]:
    """Up to `limit` regions where a code likely is, likeliest first (about 1 ms on 720p).

    The patches where edges run two ways (`_two_way_edges`) at a fifth of the strongest
    or more are each scored by their strength in all times their squareness squared (a
    code is square, a sign's text block is not); the best, grown a little, are the
    regions, tight around a code even on a phone whose screen grid makes edges all
    over it. None in a picture without such a patch at least about 24 px across (the
    smallest code worth reading: 21 modules at 1.2 px).
    """
    h, w = gray.shape[:2]
    if min(h, w) < 24:
        return []
    weaker, cell = _two_way_edges(gray)
    _, peak, _, _ = cv2.minMaxLoc(weaker)
    if peak <= 0:
        return []
    mask = (weaker >= peak * 0.2).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    strength = np.bincount(labels.ravel(), weights=np.sqrt(np.maximum(weaker, 0)).ravel(),
                           minlength=n)  # fmt: skip
    x, y, bw, bh, area = (stats[1:, i].astype(np.float64) for i in range(5))
    least = max(2, math.ceil(24 / cell))
    squareness = np.minimum(bw, bh) / np.maximum(bw, bh)
    # specks, corners of shapes, lines of text and outlines are not codes
    code_like = (bw >= least) & (bh >= least) & (squareness >= 0.4) & (area >= 0.4 * bw * bh)
    score = strength[1:] * squareness**2
    order = [int(i) for i in np.argsort(-score, kind="stable") if code_like[i]][:limit]
    return [_grow((int(x[i]) * cell, int(y[i]) * cell, int(bw[i]) * cell, int(bh[i]) * cell),
                  0.1, w, h) for i in order]  # fmt: skip


def candidate_regions(gray: np.ndarray, limit: int) -> list[Box]:
    """Up to `limit` regions that may hold a code, most code-like first (~1 ms on 720p).

    Unlike `likely_region` this also finds small codes (a phone held far away: 1-2 px per
    module, 40-80 px across at 720p): on a 1-in-3 sample, every roughly square, well
    filled patch where most sampled pixels are strong edges, ranked by its area times its
    squareness squared (a code is square; a sign's lines of text are not).
    """
    h, w = gray.shape[:2]
    step = max(1, min(h, w) // 240)
    density = cv2.blur(_strong_edges(gray, step), (7, 7))
    mask = (density >= 0.4).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    found: list[tuple[float, Box]] = []
    for x, y, bw, bh, area in stats[1:n]:
        if bw < 8 or bh < 8 or not 0.4 <= bw / bh <= 2.5 or area < 0.5 * bw * bh:
            continue  # specks, lines of text, fences and outlines are not codes
        squareness = min(bw, bh) / max(bw, bh)
        found.append((float(area) * squareness**2, (int(x) * step, int(y) * step,
                                                    int(bw) * step, int(bh) * step)))  # fmt: skip
    found.sort(key=lambda item: -item[0])
    return [_grow(box, 0.15, w, h) for _, box in found[:limit]]


_KERNEL3 = np.ones((3, 3), np.uint8)


def _grow(box: Box, by: float, width: int, height: int) -> Box:
    x, y, w, h = box
    dx, dy = int(w * by) + 8, int(h * by) + 8
    x0, y0 = max(0, x - dx), max(0, y - dy)
    x1, y1 = min(width, x + w + dx), min(height, y + h + dy)
    return x0, y0, x1 - x0, y1 - y0


def _overlap(a: Box, b: Box) -> float:
    """Intersection over union of two boxes."""
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    inter = max(0, x1 - x0) * max(0, y1 - y0)
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union else 0.0


def _shift(codes: list[Code], dx: int, dy: int) -> list[Code]:
    return [
        Code(c.text, c.raw, tuple((x + dx, y + dy) for x, y in c.corners), c.reader, c.problem)
        for c in codes
    ]


# --- enhancing a region: small codes, blur, screen moire ------------------------------------


def _sharpened(gray: np.ndarray, sigma: float, amount: float) -> np.ndarray:
    """Unsharp mask: gray + amount * (gray - blurred): restores edges a blur softened."""
    blurred = cv2.GaussianBlur(gray, (0, 0), sigma)
    return cv2.addWeighted(gray, 1 + amount, blurred, -amount, 0)


def _upscaled(gray: np.ndarray, factor: float, interpolation: int = cv2.INTER_CUBIC) -> np.ndarray:
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=interpolation)


@dataclass(frozen=True)
class Enhancement:
    """One way to read a region: a picture made from it and the reader that reads it."""

    name: str
    scale: float  # the region is upscaled by this before `make` (1: as it is)
    make: Callable[[np.ndarray], np.ndarray]
    reader: str = "zxing"  # "zxing", "zxing-global" (global-histogram binariser), "pyzbar"
    # Lanczos rebuilds a code of 1.2-1.4 px per module far better than cubic: 4x with
    # strong sharpening read 6 of the 13 distance frames stills missed (seeds 0-29,
    # 1000-1029), cubic 1
    interpolation: int = cv2.INTER_CUBIC

    def factor(self, region: np.ndarray, max_side: int) -> float | None:
        """The upscale this read uses on `region`, None when it would be no upscale."""
        factor = min(self.scale, max_side / max(region.shape[:2]))
        if self.scale > 1 and factor <= 1.05:
            return None  # the region is already as big as this budget allows
        return float(max(1.0, factor))

    def cost(self, region: np.ndarray, factor: float) -> int:
        """The work of this read, in pixels read (zbar is ~8x slower per pixel than zxing)."""
        h, w = region.shape[:2]
        return int(h * factor) * int(w * factor) * (8 if self.reader == "pyzbar" else 1)

    def read(self, region: np.ndarray, factor: float) -> list[Code]:
        picture = self.make(_upscaled(region, factor, self.interpolation) if factor > 1
                            else region)  # fmt: skip
        name = f"zxing-{self.name}" if self.reader == "zxing" else f"{self.reader}-{self.name}"
        if self.reader == "pyzbar":
            codes = _pyzbar(picture, name)
        else:
            binarizer = zxingcpp.Binarizer.GlobalHistogram if self.reader == "zxing-global" \
                else None  # fmt: skip
            codes = _zxing(picture, name, binarizer=binarizer)[0]
        if factor == 1:
            return codes
        return [
            Code(c.text, c.raw, tuple((round(x / factor), round(y / factor)) for x, y in c.corners),
                 c.reader, c.problem)
            for c in codes
        ]  # fmt: skip


def _same(gray: np.ndarray) -> np.ndarray:
    return gray


def _spectrum(image: np.ndarray) -> np.ndarray:
    """The image's spectrum, the image first padded (its edge repeated, right and below)
    to a size the DFT is fast at: a 298 px side (2 x 149) took 8 ms, 300 px 0.4 ms."""
    h, w = image.shape[:2]
    fast_h, fast_w = cv2.getOptimalDFTSize(h), cv2.getOptimalDFTSize(w)
    padded = cv2.copyMakeBorder(image, 0, fast_h - h, 0, fast_w - w, cv2.BORDER_REPLICATE)
    spectrum: np.ndarray = cv2.dft(padded.astype(np.float32), flags=cv2.DFT_COMPLEX_OUTPUT)
    return spectrum


def _deblurred(picture: np.ndarray, psf: np.ndarray, shape: tuple[int, ...],
               noise: float = 0.01) -> np.ndarray:  # fmt: skip
    """Wiener deconvolution by the blur `psf` of an image of `shape` given as its
    spectrum (`_spectrum`), as OpenCV's "Motion Deblur Filter" and "Out-of-focus Deblur
    Filter" tutorials do it with cv2.dft: picture * conj(blur) / (|blur|^2 + noise)."""
    h, w = picture.shape[:2]
    kh, kw = psf.shape
    if kh > h or kw > w:  # a region smaller than the blur: nothing to restore
        return np.ascontiguousarray(
            np.clip(cv2.idft(picture, flags=cv2.DFT_SCALE | cv2.DFT_REAL_OUTPUT), 0, 255)
            [: shape[0], : shape[1]].astype(np.uint8))  # fmt: skip
    kernel = np.zeros((h, w), np.float32)
    kernel[:kh, :kw] = psf
    rolled = np.roll(kernel, (-(kh // 2), -(kw // 2)), axis=(0, 1))  # centred at 0
    blur: np.ndarray = cv2.dft(rolled, flags=cv2.DFT_COMPLEX_OUTPUT)
    power = blur[..., 0] ** 2 + blur[..., 1] ** 2 + noise
    restored = cv2.mulSpectrums(picture, blur, 0, conjB=True) / power[..., None]
    out = cv2.idft(restored, flags=cv2.DFT_SCALE | cv2.DFT_REAL_OUTPUT)
    restored_image: np.ndarray = np.clip(out[: shape[0], : shape[1]], 0, 255).astype(np.uint8)
    return restored_image


def _motion_psf(length: int, degrees: float) -> np.ndarray:
    """A straight smear of `length` pixels at `degrees` (a code moving while exposed)."""
    size = length + 2 + (length + 1) % 2
    psf = np.zeros((size, size), np.float32)
    c = size // 2
    dx = math.cos(math.radians(degrees)) * length / 2
    dy = math.sin(math.radians(degrees)) * length / 2
    cv2.line(psf, (round(c - dx), round(c - dy)), (round(c + dx), round(c + dy)), 1.0, 1,
             cv2.LINE_AA)  # fmt: skip
    normalised: np.ndarray = psf / float(psf.sum())
    return normalised


def _focus_psf(radius: int) -> np.ndarray:
    """A disc of `radius` pixels (a code out of focus)."""
    disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
    psf: np.ndarray = disc.astype(np.float32) / float(disc.sum())
    return psf




def blur_direction(gray: np.ndarray) -> tuple[float, float]:
    """The direction (degrees) a picture looks smeared in, and how sure that is (0-1).

    A moving code loses its edges along the motion: gradients left are mostly across
    it. The structure tensor of the whole region gives that main gradient direction
    and its coherence, (l1 - l2) / (l1 + l2): near 0 for a sharp or defocused code
    (edges every way), 0.4-0.6 for one smeared over a module or more. A code's edges
    run along its own two axes, which pull the direction found towards them by up to
    about 15 degrees (tests/scanner/test_scanner_gate_frames.py).
    """
    g = gray.astype(np.float32)
    gx = cv2.Sobel(g, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(g, cv2.CV_32F, 0, 1, ksize=3)
    jxx, jyy, jxy = (float(cv2.mean(p)[0]) for p in (gx * gx, gy * gy, gx * gy))
    trace = jxx + jyy
    if trace <= 0:
        return 0.0, 0.0
    coherence = math.sqrt((jxx - jyy) ** 2 + 4 * jxy * jxy) / trace
    across = 0.5 * math.degrees(math.atan2(2 * jxy, jxx - jyy))
    return (across + 90.0) % 180.0, coherence


@dataclass(frozen=True)
class GuidedDeblur(Enhancement):
    """A deconvolution by a few blurs guessed from the region itself (trying 35 blurs
    in turn read no more frames, at 0.5 s a still). When the region looks smeared one
    way (`blur_direction`, coherence >= `coherent`), straight smears of `lengths` px
    along that direction; otherwise defocus discs of `radii` px."""

    lengths: tuple[int, ...] = (3, 4, 5, 6, 7, 9)
    coherent: float = 0.3
    radii: tuple[int, ...] = ()

    def psfs(self, region: np.ndarray) -> list[tuple[str, np.ndarray]]:
        degrees, coherence = blur_direction(region)
        if coherence < self.coherent:
            return [(f"focus-{r}", _focus_psf(r)) for r in self.radii]
        return [(f"motion-{n}-{degrees:.0f}", _motion_psf(n, degrees)) for n in self.lengths]

    def cost(self, region: np.ndarray, factor: float) -> int:
        return super().cost(region, factor) * max(len(self.lengths), len(self.radii))

    def read(self, region: np.ndarray, factor: float) -> list[Code]:
        guesses = self.psfs(region)
        if not guesses:
            return []
        picture = _spectrum(region)
        for name, psf in guesses:
            codes = _zxing(_deblurred(picture, psf, region.shape), f"zxing-deblurred-{name}")[0]
            if any(c.ok for c in codes):
                return codes
        return []

def _adaptive(gray: np.ndarray) -> np.ndarray:
    """Black and white by the mean of each 25 px neighbourhood: light that changes
    across a code (glare, a screen's beat) no longer decides what is black."""
    binary: np.ndarray = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C,
                                               cv2.THRESH_BINARY, 25, 2)  # fmt: skip
    return binary


#: The live path's reads of a region where a code likely is (a suspect or the likely
#: region), cheapest first; chosen greedily, most frames read per ms first, on seeds
#: 0-29 and 1000-1029 of tests/scanner/gate_frames.py (the figures use 2000-2029):
#: the global-histogram binariser (screen moire, uneven light), sharpened (blur), the
#: global binariser on a smoothed copy (moire), upscaled 3x (small codes), upscaled 3x
#: and strongly sharpened (small and blurred), an adaptive threshold at 2x, zbar, and
#: strong sharpening; a deconvolution by a few blurs guessed from the region
#: (`GuidedDeblur`: along the smear when it looks smeared one way, else defocus); last
#: a 4x Lanczos upscale, strongly sharpened (codes of 1.2-1.4 px per module).
LIVE_ENHANCEMENTS: tuple[Enhancement, ...] = (
    Enhancement("region", 1.0, _same, reader="zxing-global"),
    Enhancement("sharpened", 1.0, lambda g: _sharpened(g, 1.5, 1.5)),
    Enhancement("smoothed", 1.0, lambda g: cv2.GaussianBlur(g, (0, 0), 1.0),
                reader="zxing-global"),
    Enhancement("upscaled-3x", 3.0, _same),
    Enhancement("sharpened-3x-strong", 3.0, lambda g: _sharpened(g, 3.0, 3.0)),
    Enhancement("adaptive-2x", 2.0, _adaptive),
    Enhancement("region", 1.0, _same, reader="pyzbar"),
    Enhancement("sharpened-strong", 1.0, lambda g: _sharpened(g, 2.5, 2.5)),
    GuidedDeblur("deblurred-guided", 1.0, _same, radii=(2, 3, 4)),
    Enhancement("lanczos-4x-sharpened", 4.0, lambda g: _sharpened(g, 2.4, 3.0),
                interpolation=cv2.INTER_LANCZOS4),
)

#: The live path's reads of the other regions `candidate_regions` finds (at a gate,
#: mostly signs, vests and fences: a few reads each): small codes and focus blur
#: (upscaled 2x and sharpened), moire (the global binariser), blur (sharpened).
TEXTURE_ENHANCEMENTS: tuple[Enhancement, ...] = (
    Enhancement("sharpened-2x", 2.0, lambda g: _sharpened(g, 2.0, 1.5)),
    Enhancement("region", 1.0, _same, reader="zxing-global"),
    Enhancement("sharpened", 1.0, lambda g: _sharpened(g, 1.5, 1.5)),
)


def _low_passed(gray: np.ndarray, cutoff: float) -> np.ndarray:
    """Only the detail coarser than `cutoff` cycles per pixel: a phone screen's pixel
    grid (a period of 3-5 px in the picture, 0.2-0.33 cycles per pixel) goes, a code's
    modules of 2.5 px or more (at most 0.2) stay. Cut sharply in the spectrum."""
    spectrum = np.fft.fft2(gray.astype(np.float32))
    fy = np.fft.fftfreq(gray.shape[0])[:, None]
    fx = np.fft.fftfreq(gray.shape[1])[None, :]
    spectrum[fy**2 + fx**2 > cutoff**2] = 0
    passed: np.ndarray = np.clip(np.fft.ifft2(spectrum).real, 0, 255).astype(np.uint8)
    return passed


#: Stills try more: the live reads, then a 2x sharpened and a plain 2x upscale,
#: smoothing (moire), 3x sharpened, a median filter, zbar on a 2x upscale (moire: +1
#: frame on seeds 0-29); last, low-passed copies at 2x read by the global
#: binariser and by zbar (screen moire: the 5 moire frames of seeds 0-29 and 1000-1029
#: that stills missed before).
STILL_ENHANCEMENTS: tuple[Enhancement, ...] = (
    *LIVE_ENHANCEMENTS,
    TEXTURE_ENHANCEMENTS[0],
    Enhancement("upscaled-2x", 2.0, _same),
    Enhancement("smoothed", 1.0, lambda g: cv2.GaussianBlur(g, (0, 0), 1.0)),
    Enhancement("sharpened-3x", 3.0, lambda g: _sharpened(g, 3.0, 1.5)),
    Enhancement("smoothed-2x", 2.0, lambda g: cv2.GaussianBlur(g, (0, 0), 2.0)),
    Enhancement("median", 1.0, lambda g: cv2.medianBlur(g, 3)),
    Enhancement("upscaled-2x", 2.0, _same, reader="pyzbar"),
    *(Enhancement(f"low-passed-{cutoff}-2x", 2.0, partial(_low_passed, cutoff=cutoff / 2),
                  reader=reader)
      for cutoff in (0.2, 0.25, 0.3) for reader in ("zxing-global", "pyzbar")),
)  # fmt: skip


@dataclass(frozen=True)
class Budget:
    """How much one decode may do after zxing-cpp's look at the whole picture.

    Counted in work, not time, so the same picture always gets the same answer (on any
    machine, loaded or not); `tests/bench/bench_gate_frames.py` measures what the work
    costs. The work is the pixels read (`Enhancement.cost`). Regions come in three kinds,
    each with its own allowance: *suspect*, where zxing-cpp saw a symbol it could not
    decode; *likely*, the one `likely_region` (a square patch of edges running two
    ways) finds;
    *texture*, the others `candidate_regions` finds (most of these, at a gate, are
    signs, vests and fences: the smallest allowance). A read that would overrun its
    allowance is skipped; a cheaper one after it may still run.
    """

    regions: int  # regions looked at, suspects first
    suspect_pixels: int  # pixels read on suspect regions, in all
    likely_pixels: int  # pixels read on the likely region
    texture_pixels: int  # pixels read on texture regions, in all
    max_side: int  # an upscaled region's longest side, pixels
    enhancements: tuple[Enhancement, ...]  # on suspect and likely regions
    # on texture regions: these (most are not codes: a few reads each); None, the above
    texture_enhancements: tuple[Enhancement, ...] | None = None


#: The camera's per-frame path: three regions; suspects may read 8 megapixels, the
#: likely region 2.5 (1.5 read 2 fewer of 120 hard frames of seeds 1000-1029), the
#: texture regions 1 in all (a 720p frame is 0.92).
#: Its targets (docs/benchmarks.md has the figures): a frame without a code <= 8 ms p95,
#: one with a code it cannot read <= 30 ms p95.
LIVE_BUDGET = Budget(regions=3, suspect_pixels=8_000_000, likely_pixels=2_500_000,
                     texture_pixels=1_000_000, max_side=1600,
                     enhancements=LIVE_ENHANCEMENTS,
                     texture_enhancements=TEXTURE_ENHANCEMENTS)  # fmt: skip
#: Stills (`thorough=True`): more regions, every enhancement on each, far more pixels.
STILL_BUDGET = Budget(regions=4, suspect_pixels=60_000_000, likely_pixels=60_000_000,
                      texture_pixels=60_000_000, max_side=1600,
                      enhancements=STILL_ENHANCEMENTS)  # fmt: skip


class Decoder:
    """The decoder shared by the camera worker, `gatekeeper decode` and the benchmark.

    `decode(frame)` is the live path (the camera, `gatekeeper decode --live`): zxing-cpp
    on the whole frame, then, within `LIVE_BUDGET`, enhanced reads of the regions where
    zxing-cpp saw a symbol it could not read or where `likely_region` and
    `candidate_regions` see a code.
    `decode(still, thorough=True)` runs the whole cascade on the whole image first, then
    the regions within `STILL_BUDGET`.
    """

    def __init__(
        self,
        cascade: Sequence[Step] = CASCADE,
        live: Budget = LIVE_BUDGET,
        still: Budget = STILL_BUDGET,
    ) -> None:
        self.cascade = tuple(cascade)
        self.live = live
        self.still = still

    def decode(self, image: np.ndarray, *, thorough: bool = False) -> DecodeReport:
        """Codes in a BGR or grayscale image. `thorough`: whole cascade, whole image."""
        start = time.perf_counter()
        gray = to_gray(image)
        report = DecodeReport(steps=["zxing"])
        codes, suspects = _zxing(gray, "zxing", errors=True)
        if not codes and thorough:
            codes = self._cascade(gray, self.cascade, report)
        if not codes:  # nothing at all (a code that is not text is an answer too)
            codes = self._regions(gray, suspects, self.still if thorough else self.live,
                                  report)  # fmt: skip
        report.codes = _dedupe(codes)
        report.ms = (time.perf_counter() - start) * 1000
        return report

    @staticmethod
    def _cascade(gray: np.ndarray, steps: Sequence[Step], report: DecodeReport) -> list[Code]:
        codes: list[Code] = []
        for name, step in steps:
            report.steps.append(name)
            codes = step(gray)
            if any(c.ok for c in codes):
                break
        return codes

    @staticmethod
    def _regions(gray: np.ndarray, suspects: list[Box], budget: Budget,
                 report: DecodeReport) -> list[Code]:  # fmt: skip
        if budget.regions <= 0:
            return []
        regions = [(box, "suspect") for box in suspects[: budget.regions]]
        if len(regions) < budget.regions:
            more = [(box, "likely") for box in likely_regions(gray, 1)]
            more += [(box, "texture") for box in candidate_regions(gray, budget.regions)]
            for box, kind in more:
                if len(regions) < budget.regions and all(
                        _overlap(box, seen) < 0.5 for seen, _ in regions):  # fmt: skip
                    regions.append((box, kind))
        spent = {"suspect": 0, "likely": 0, "texture": 0}
        allowance = {"suspect": budget.suspect_pixels, "likely": budget.likely_pixels,
                     "texture": budget.texture_pixels}  # fmt: skip
        texture = budget.enhancements if budget.texture_enhancements is None \
            else budget.texture_enhancements  # fmt: skip
        for (x, y, w, h), kind in regions:
            codes = Decoder._read_region(gray[y : y + h, x : x + w],
                                         texture if kind == "texture" else budget.enhancements,
                                         budget, kind, spent, allowance, report)  # fmt: skip
            if any(c.ok for c in codes):
                return _shift(codes, x, y)
        return []

    @staticmethod
    def _read_region(crop: np.ndarray, enhancements: Sequence[Enhancement], budget: Budget,
                     kind: str, spent: dict[str, int], allowance: dict[str, int],
                     report: DecodeReport) -> list[Code]:  # fmt: skip
        """The first read of `crop` that finds a code, within `kind`'s allowance."""
        for enhancement in enhancements:
            factor = enhancement.factor(crop, budget.max_side)
            if factor is None:
                continue
            cost = enhancement.cost(crop, factor)
            if spent[kind] + cost > allowance[kind]:
                continue
            spent[kind] += cost
            report.pixels += cost
            report.steps.append(f"{enhancement.reader}-{enhancement.name}")
            codes = enhancement.read(crop, factor)
            if any(c.ok for c in codes):
                return codes
        return []


def _dedupe(codes: list[Code]) -> list[Code]:
    seen: set[bytes] = set()
    out = []
    for c in codes:
        if c.raw not in seen:
            seen.add(c.raw)
            out.append(c)
    return out
