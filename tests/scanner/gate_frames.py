"""Seeded 1280x720 gate-camera frames: a phone screen or a printed badge with a QR code
held up in a gate scene, one class per degradation, plus frames without any code.

Every frame is made from its (class, seed) alone, with OpenCV and numpy only (segno
makes the QR modules), so a figure measured on `gate_frames(...)` is reproducible.

How a frame is made (`gate_frame`):

1. A scene: wall and floor in daylight colours, a striped barrier, a sign with printed
   text, a turnstile post, a person in a hi-vis vest. Frames without a code get the
   same scene (and sometimes a phone or a badge without a code) and nothing else.
2. A carrier, drawn flat at 8 px per module: a phone (dark body, emitting screen with
   a header bar and text blocks, the code in the middle) or a printed badge (off-white
   card, coloured band, photo, text lines, the code below). Payloads are health-code
   URLs, Chinese health-code text (UTF-8) and site passes (GKP2, ~175 characters).
3. The carrier is placed in 3-D in front of a pinhole camera (f = 920 px, about 70
   degrees across 1280 px, a common webcam) at the distance that gives the class's
   pixels per module, turned (tilt, roll) and projected (`cv2.warpPerspective`), with
   its own alpha so motion and focus blur smear its edges as a real one does.
4. The camera: lens softness (Gaussian, sigma 0.5-0.7), sensor noise, JPEG at the
   quality of a webcam's MJPG stream (80-92).

The classes change one thing each from the `plain` settings (2.5-5 px per module, tilt
up to 15 degrees, roll up to 20):

| class | what changes |
|---|---|
| plain | nothing |
| perspective | tilted 35-55 degrees about a random axis in the carrier's plane |
| distance | 1.2-2.0 px per module (a phone held far from the camera) |
| rotation | any roll (0-360 degrees) |
| glare | a bright soft reflection over part of the code (washes contrast out, 50-85 %) |
| moire | phones only: the screen's pixel grid (RGB stripes, dark gaps every 3-5 px) |
|       | shrunk straight to the sensor, plus a beat (period 5-14 px, depth 20-35 %) |
| dim | scene gain 0.15-0.35 with the noise of a camera at high gain (sigma 4-7) |
| focus_blur | the carrier out of focus: a disc of radius 0.5-0.9 module (>= 1.5 px) |
| motion_blur | the carrier moving: a line of 0.8-1.8 modules (>= 3 px) at any angle |
| jpeg | JPEG quality 12-30 instead of 80-92 |
| no_code | no code at all (sometimes a phone or badge showing none) |
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np
import segno

WIDTH, HEIGHT = 1280, 720
FOCAL = 920.0  # px: about 70 degrees across 1280 px
CARRIER_MODULE = 8  # px per module while the carrier is drawn flat
#: How the moire class samples the screen: cv2.INTER_AREA (what a sensor does); the
#: first version's cv2.INTER_NEAREST can be set here to compare (benchmarks.md).
POINT_SAMPLED_MOIRE = cv2.INTER_AREA

CODE_CLASSES: tuple[str, ...] = (
    "plain", "perspective", "distance", "rotation", "glare", "moire", "dim",
    "focus_blur", "motion_blur", "jpeg",
)  # fmt: skip
CLASSES: tuple[str, ...] = (*CODE_CLASSES, "no_code")


@dataclass(frozen=True)
class GateFrame:
    kind: str  # one of CLASSES
    seed: int
    image: np.ndarray  # BGR, HEIGHT x WIDTH
    text: str | None  # what the code holds; None for no_code
    carrier: str  # "phone", "badge" or "none"
    module_px: float  # pixels per module in the frame (before tilt); 0 without a code
    quad: tuple[tuple[float, float], ...] = ()  # the code's corners (quiet zone included)

    @property
    def name(self) -> str:
        return f"{self.kind}-{self.seed:03d}"


def gate_frames(per_class: int, seed: int = 0,
                classes: tuple[str, ...] = CLASSES) -> Iterator[GateFrame]:  # fmt: skip
    """`per_class` frames of every class, in class order; seeds seed, seed+1, ..."""
    for kind in classes:
        for i in range(per_class):
            yield gate_frame(kind, seed + i)


def _class_salt(kind: str) -> int:
    return sum((i + 1) * ord(ch) for i, ch in enumerate(kind))


def gate_frame(kind: str, seed: int) -> GateFrame:
    """The frame of class `kind` made from `seed` (same arguments, same pixels)."""
    if kind not in CLASSES:
        raise ValueError(f"unknown class {kind!r}; one of {CLASSES}")
    rng = np.random.default_rng([seed, _class_salt(kind)])
    frame = _scene(rng).astype(np.float32)
    text: str | None = None
    carrier_kind = "none"
    module_px = 0.0
    quad = np.zeros((0, 2))
    if kind == "no_code":
        if rng.random() < 0.5:  # a phone or badge in view that shows no code
            carrier_kind = "phone" if rng.random() < 0.5 else "badge"
            flat, rect = _phone(rng, None) if carrier_kind == "phone" else _badge(rng, None)
            layer, alpha, _ = _project(flat, rect, 2.4 / CARRIER_MODULE * rng.uniform(1, 2), rng,
                                    tilt=15, roll=20)  # fmt: skip
            frame = frame * (1 - alpha) + layer * alpha
    else:
        carrier_kind = "phone" if kind == "moire" else "phone" if rng.random() < 0.6 else "badge"
        text = _payload(rng, carrier_kind)
        qr = _qr_modules(text, rng, carrier_kind)
        flat, rect = _phone(rng, qr) if carrier_kind == "phone" else _badge(rng, qr)
        module_px = float(rng.uniform(1.2, 2.0) if kind == "distance" else rng.uniform(2.5, 5.0))
        tilt, roll = 15.0, 20.0
        if kind == "perspective":
            tilt = float(rng.uniform(35, 55))
        if kind == "rotation":
            roll = 360.0
        if kind == "moire":
            flat = _screen_grid(flat, rng)
        layer, alpha, quad = _project(
            flat, rect, module_px / CARRIER_MODULE, rng, tilt=tilt, roll=roll,
            exact_tilt=kind == "perspective", aliased=kind == "moire",
        )  # fmt: skip
        if kind == "moire":
            layer = _beat(layer, alpha, rng)
        if kind == "glare":
            layer = _glare(layer, quad, rng)
        if kind == "focus_blur":
            radius = max(1.5, module_px * float(rng.uniform(0.5, 0.9)))
            layer, alpha = _blur_layer(layer, alpha, _disc(radius))
        if kind == "motion_blur":
            length = max(3.0, module_px * float(rng.uniform(0.8, 1.8)))
            layer, alpha = _blur_layer(layer, alpha, _line(length, float(rng.uniform(0, 180))))
        frame = frame * (1 - alpha) + layer * alpha
    frame = _camera(frame, rng, kind)
    corners = tuple((float(x), float(y)) for x, y in quad)
    return GateFrame(kind, seed, frame, text, carrier_kind, module_px, corners)


# --- payloads and codes -----------------------------------------------------------------


_SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高"
_PROVINCES = ("粤康码", "苏康码", "健康码", "随申码", "渝康码", "天府健康通")


def _hex(rng: np.random.Generator, n: int) -> str:
    return "".join("0123456789abcdef"[int(v)] for v in rng.integers(0, 16, n))


def _b64url(rng: np.random.Generator, n: int) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    return "".join(alphabet[int(v)] for v in rng.integers(0, 64, n))


def _payload(rng: np.random.Generator, carrier: str) -> str:
    day = f"2026{int(rng.integers(1, 13)):02d}{int(rng.integers(1, 29)):02d}"
    if carrier == "badge" or rng.random() < 0.2:  # a site pass (badges, some phones)
        return ".".join((
            "GKP2", f"site-{_hex(rng, 6)}", _hex(rng, 12), f"p{_hex(rng, 10)}",
            _hex(rng, 16), day, f"2027{day[4:]}", _b64url(rng, 86),
        ))  # fmt: skip
    if rng.random() < 0.5:
        colour = ("green", "green", "green", "yellow", "red")[int(rng.integers(0, 5))]
        return (f"https://hc.example.gov.cn/v?u={_hex(rng, 16)}&c={colour}"
                f"&until={day[:4]}-{day[4:6]}-{day[6:]}")  # fmt: skip
    name = _SURNAMES[int(rng.integers(0, len(_SURNAMES)))] + "*" * int(rng.integers(1, 3))
    province = _PROVINCES[int(rng.integers(0, len(_PROVINCES)))]
    return (f"{province} 绿码 姓名：{name} 证件：{_hex(rng, 4).upper()}**** "
            f"有效期至 {day[:4]}-{day[4:6]}-{day[6:]}")  # fmt: skip


def _qr_modules(text: str, rng: np.random.Generator, carrier: str) -> np.ndarray:
    """The code with a 4-module quiet zone at 1 px per module: 0 black, 255 white."""
    error = "m" if carrier == "badge" else ("l", "m", "m", "q")[int(rng.integers(0, 4))]
    buf = io.BytesIO()
    segno.make_qr(text, error=error, boost_error=False).save(buf, kind="png", scale=1, border=4)
    return cv2.imdecode(np.frombuffer(buf.getvalue(), np.uint8), cv2.IMREAD_GRAYSCALE)


# --- the scene ----------------------------------------------------------------------------


def _colour(rng: np.random.Generator, lo: int = 40, hi: int = 220) -> tuple[int, int, int]:
    return tuple(int(v) for v in rng.integers(lo, hi, 3))  # type: ignore[return-value]


def _scene(rng: np.random.Generator) -> np.ndarray:
    h, w = HEIGHT, WIDTH
    frame = np.empty((h, w, 3), np.uint8)
    horizon = int(rng.integers(int(h * 0.55), int(h * 0.75)))
    wall, floor = np.array(_colour(rng, 90, 210)), np.array(_colour(rng, 60, 140))
    shade = np.linspace(1.1, 0.85, h)[:, None, None]
    frame[:horizon] = np.clip(wall * shade[:horizon], 0, 255).astype(np.uint8)
    frame[horizon:] = np.clip(floor * shade[horizon:], 0, 255).astype(np.uint8)
    # a striped barrier arm (yellow/black): strong edges, not a code
    y = int(rng.integers(int(h * 0.35), horizon))
    x0 = int(rng.integers(0, w // 2))
    arm = np.zeros((26, int(rng.integers(250, 600)), 3), np.uint8)
    for i in range(0, arm.shape[1], 40):
        arm[:, i : i + 20] = (0, 200, 230)
    arm[:, :] = np.where(arm.sum(axis=2, keepdims=True) == 0, 25, arm)
    x1 = min(w, x0 + arm.shape[1])
    frame[y : y + 26, x0:x1] = arm[:, : x1 - x0]
    # a turnstile post
    px = int(rng.integers(0, w - 80))
    cv2.rectangle(frame, (px, int(h * 0.3)), (px + 70, h), _colour(rng, 120, 200), -1)
    # a sign with printed lines of text
    sx, sy = int(rng.integers(0, w - 360)), int(rng.integers(10, int(h * 0.3)))
    cv2.rectangle(frame, (sx, sy), (sx + 340, sy + 150), (235, 235, 235), -1)
    cv2.rectangle(frame, (sx, sy), (sx + 340, sy + 34), (40, 40, 200), -1)
    for i, line in enumerate(("SITE ENTRANCE  GATE 2", "SHOW YOUR HEALTH CODE",
                              "HELMET  VEST  BOOTS", "NO ENTRY WITHOUT PASS")):  # fmt: skip
        cv2.putText(frame, line, (sx + 10, sy + 60 + 26 * i), cv2.FONT_HERSHEY_SIMPLEX,
                    0.6, (30, 30, 30), 1, cv2.LINE_AA)  # fmt: skip
    # a person: head, hi-vis vest with reflective stripes, an arm
    cx = int(rng.integers(w // 4, 3 * w // 4))
    skin = (int(rng.integers(90, 140)), int(rng.integers(130, 180)), int(rng.integers(170, 230)))
    cv2.ellipse(frame, (cx, int(h * 0.28)), (55, 72), 0, 0, 360, skin, -1)
    cv2.rectangle(frame, (cx - 55, int(h * 0.18)), (cx + 55, int(h * 0.2)), (0, 210, 250), -1)
    vest = (20, int(rng.integers(120, 200)), 255) if rng.random() < 0.6 else (40, 230, 170)
    cv2.rectangle(frame, (cx - 150, int(h * 0.4)), (cx + 150, h), vest, -1)
    for sy2 in (int(h * 0.62), int(h * 0.75)):
        cv2.rectangle(frame, (cx - 150, sy2), (cx + 150, sy2 + 14), (215, 215, 215), -1)
    frame = cv2.GaussianBlur(frame, (0, 0), 1.2)  # the scene is further away than the code
    return frame


# --- carriers -------------------------------------------------------------------------------


def _blocks(card: np.ndarray, rng: np.random.Generator, x: int, y: int, width: int,
            rows: int, colour: tuple[int, int, int]) -> None:  # fmt: skip
    """Lines of 'text' (short dark bars) as a phone app or a badge prints them."""
    for r in range(rows):
        cx = x
        while cx < x + width - 40:
            word = int(rng.integers(20, 70))
            cv2.rectangle(card, (cx, y + r * 36), (min(x + width, cx + word), y + r * 36 + 16),
                          colour, -1)  # fmt: skip
            cx += word + 14


Rect = tuple[int, int, int, int]  # x, y, width, height of the code on the flat carrier


def _phone(rng: np.random.Generator, qr: np.ndarray | None) -> tuple[np.ndarray, Rect]:
    """BGRA: the phone flat, alpha 0 outside its body; where the code is on it."""
    m = CARRIER_MODULE
    side = (qr.shape[0] if qr is not None else 33) * m
    w = side + 12 * m
    h = int(w * 2.05)
    card = np.zeros((h, w, 4), np.uint8)
    cv2.rectangle(card, (0, 0), (w - 1, h - 1), (30, 30, 34, 255), -1)
    bezel = 3 * m
    sx0, sy0, sx1, sy1 = bezel, bezel * 3, w - bezel, h - bezel * 3
    white = int(rng.integers(225, 256))
    tint = (white, max(0, white - int(rng.integers(0, 12))),
            max(0, white - int(rng.integers(0, 20))))  # fmt: skip
    cv2.rectangle(card, (sx0, sy0), (sx1, sy1), (*tint, 255), -1)
    header = (int(rng.integers(60, 120)), int(rng.integers(150, 200)), int(rng.integers(20, 70)))
    cv2.rectangle(card, (sx0, sy0), (sx1, sy0 + 14 * m), (*header, 255), -1)
    _blocks(card, rng, sx0 + 2 * m, sy0 + 18 * m, sx1 - sx0 - 4 * m, 3, (90, 90, 90, 255))
    qy = sy0 + 18 * m + 3 * 36 + 2 * m
    rect = (0, 0, 0, 0)
    if qr is not None:
        big = cv2.resize(qr, None, fx=m, fy=m, interpolation=cv2.INTER_NEAREST)
        ink = (np.array([20, 20, 20]) + rng.integers(0, 15, 3)).astype(np.float32)
        colour = np.where(big[..., None] > 127, np.array(tint, np.float32), ink)
        qx = (w - big.shape[1]) // 2
        card[qy : qy + big.shape[0], qx : qx + big.shape[1], :3] = colour.astype(np.uint8)
        rect = (qx, qy, big.shape[1], big.shape[0])
        qy += big.shape[0]
    _blocks(card, rng, sx0 + 2 * m, qy + 3 * m, sx1 - sx0 - 4 * m, 2, (120, 120, 120, 255))
    return card, rect


def _badge(rng: np.random.Generator, qr: np.ndarray | None) -> tuple[np.ndarray, Rect]:
    """BGRA: a printed badge (portrait card) with the code in its lower half."""
    m = CARRIER_MODULE
    side = (qr.shape[0] if qr is not None else 45) * m
    w = side + 8 * m
    h = int(w * 1.6)
    paper = int(rng.integers(200, 245))
    card = np.zeros((h, w, 4), np.uint8)
    card[:] = (paper, paper, max(0, paper - int(rng.integers(0, 15))), 255)
    band = _colour(rng, 30, 200)
    cv2.rectangle(card, (0, 0), (w - 1, int(h * 0.1)), (*band, 255), -1)
    cv2.rectangle(card, (4 * m, int(h * 0.13)), (4 * m + int(w * 0.28), int(h * 0.34)),
                  (*_colour(rng, 80, 200), 255), -1)  # the photo  # fmt: skip
    _blocks(card, rng, 8 * m + int(w * 0.28), int(h * 0.15), int(w * 0.55), 4, (40, 40, 40, 255))
    rect = (0, 0, 0, 0)
    if qr is not None:
        big = cv2.resize(qr, None, fx=m, fy=m, interpolation=cv2.INTER_NEAREST)
        ink = float(rng.integers(15, 50))
        qy, qx = h - big.shape[0] - 2 * m, (w - big.shape[1]) // 2
        region = card[qy : qy + big.shape[0], qx : qx + big.shape[1], :3].astype(np.float32)
        region = np.where(big[..., None] > 127, region, ink)
        card[qy : qy + big.shape[0], qx : qx + big.shape[1], :3] = region.astype(np.uint8)
        rect = (qx, qy, big.shape[1], big.shape[0])
    return card, rect


# --- projection -----------------------------------------------------------------------------


def _rotation(tilt_axis: float, tilt: float, roll: float) -> np.ndarray:
    """Rotate by `roll` in the carrier's plane, then tilt about an in-plane axis."""
    r = math.radians(roll)
    rz = np.array([[math.cos(r), -math.sin(r), 0], [math.sin(r), math.cos(r), 0], [0, 0, 1]])
    a = math.radians(tilt_axis)
    axis = np.array([math.cos(a), math.sin(a), 0.0])
    k = np.array([[0, -axis[2], axis[1]], [axis[2], 0, -axis[0]], [-axis[1], axis[0], 0]])
    t = math.radians(tilt)
    tilt_m = np.eye(3) + math.sin(t) * k + (1 - math.cos(t)) * (k @ k)
    return tilt_m @ rz


def _project(flat: np.ndarray, rect: Rect, scale: float, rng: np.random.Generator, *,
             tilt: float, roll: float, exact_tilt: bool = False,
             aliased: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """The carrier seen by the camera: (BGR float layer, alpha float HxWx1) in the frame,
    and the corners of its code (`rect` on the flat carrier) in the frame.

    `scale`: frame pixels per flat pixel when facing the camera. The carrier is first
    shrunk close to its size in the frame (INTER_AREA: each sensor pixel integrates the
    light on its area), then warped. `aliased` (the moire class): the carrier is shrunk
    straight to its final size, so the screen's pixel grid beats against the sensor's
    (a first version sampled the grid at points, INTER_NEAREST, which no sensor does:
    docs/benchmarks.md gives both figures).
    """
    pre = min(1.0, scale * (1.0 if aliased else 1.25))
    how = POINT_SAMPLED_MOIRE if aliased else cv2.INTER_AREA
    small = cv2.resize(flat, None, fx=pre, fy=pre, interpolation=how)
    h, w = small.shape[:2]
    rest = scale / pre
    tilt_deg = tilt if exact_tilt else float(rng.uniform(0, tilt))
    roll_deg = float(rng.uniform(-roll, roll)) if roll < 360 else float(rng.uniform(0, 360))
    rot = _rotation(float(rng.uniform(0, 180)), tilt_deg, roll_deg)
    z = FOCAL / rest  # the distance at which one small pixel is `rest` frame pixels
    corners = np.array([[-w / 2, -h / 2, 0], [w / 2, -h / 2, 0], [w / 2, h / 2, 0],
                        [-w / 2, h / 2, 0]], np.float64) @ rot.T  # fmt: skip
    corners[:, 2] += z
    projected = FOCAL * corners[:, :2] / corners[:, 2:3]
    span = projected.max(axis=0) - projected.min(axis=0)
    margin = 10
    lo = margin + span / 2
    hi = np.maximum(lo + 1, np.array([WIDTH, HEIGHT]) - margin - span / 2)
    cx, cy = rng.uniform(lo[0], hi[0]), rng.uniform(lo[1], hi[1])
    projected += np.array([cx, cy]) - (projected.max(axis=0) + projected.min(axis=0)) / 2
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    m = cv2.getPerspectiveTransform(src, projected.astype(np.float32))
    warped = cv2.warpPerspective(small, m, (WIDTH, HEIGHT), flags=cv2.INTER_LINEAR,
                                 borderMode=cv2.BORDER_CONSTANT,
                                 borderValue=(0, 0, 0, 0))  # fmt: skip
    layer = warped[..., :3].astype(np.float32)
    alpha = warped[..., 3:4].astype(np.float32) / 255.0
    x, y, cw, ch = rect
    quad = np.array([[[x, y]], [[x + cw, y]], [[x + cw, y + ch]], [[x, y + ch]]], np.float32)
    return layer, alpha, cv2.perspectiveTransform(quad * pre, m).reshape(4, 2)


# --- degradations ---------------------------------------------------------------------------


def _screen_grid(flat: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The screen's pixels: RGB stripes with dark gaps, at a pitch near the camera's."""
    out = flat.copy()
    h, w = flat.shape[:2]
    pitch = int(rng.integers(3, 6))
    ys, xs = np.mgrid[0:h, 0:w]
    gap = ((xs % pitch) == 0) | ((ys % pitch) == 0)
    sub = (xs // max(1, pitch // 3)) % 3
    body = flat[..., 3] > 0
    screen = body & (flat[..., :3].astype(np.int32).sum(axis=2) > 150)
    for ch in range(3):
        boost = np.where(sub == (2 - ch), 1.0, 0.8)
        out[..., ch] = np.where(screen, np.clip(flat[..., ch] * boost, 0, 255), flat[..., ch])
    out[..., :3][gap & screen] = (out[..., :3][gap & screen] * 0.55).astype(np.uint8)
    return out


def _beat(layer: np.ndarray, alpha: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The interference of the screen's grid with the sensor's: a fine sinusoidal pattern."""
    ys, xs = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    period = float(rng.uniform(5, 14))
    angle = float(rng.uniform(0, math.pi))
    wave = np.sin(2 * math.pi * (xs * math.cos(angle) + ys * math.sin(angle)) / period)
    depth = float(rng.uniform(0.2, 0.35))
    return layer * (1 + depth * wave[..., None] * (alpha > 0))


def _glare(layer: np.ndarray, quad: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A reflected lamp: a soft bright ellipse over part of the code (`quad`: its corners)."""
    cx, cy = (float(v) for v in quad.mean(axis=0))
    size = float(np.ptp(quad, axis=0).max())
    gx = cx + rng.uniform(-0.2, 0.2) * size
    gy = cy + rng.uniform(-0.15, 0.15) * size
    sx, sy = size * rng.uniform(0.08, 0.18), size * rng.uniform(0.05, 0.12)
    angle = rng.uniform(0, math.pi)
    ys, xs = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    u = (xs - gx) * math.cos(angle) + (ys - gy) * math.sin(angle)
    v = -(xs - gx) * math.sin(angle) + (ys - gy) * math.cos(angle)
    blob = np.exp(-0.5 * ((u / sx) ** 2 + (v / sy) ** 2))[..., None]
    strength = float(rng.uniform(0.5, 0.85))
    return layer + (255 - layer) * blob * strength


def _disc(radius: float) -> np.ndarray:
    size = math.ceil(radius) * 2 + 1
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float32) - size // 2
    kernel = np.clip(radius + 0.5 - np.sqrt(xs**2 + ys**2), 0, 1)
    return kernel / kernel.sum()


def _line(length: float, degrees: float) -> np.ndarray:
    size = math.ceil(length) + 2
    size += 1 - size % 2
    kernel = np.zeros((size * 4, size * 4), np.float32)
    c = size * 2
    dx = math.cos(math.radians(degrees)) * length * 2
    dy = math.sin(math.radians(degrees)) * length * 2
    cv2.line(kernel, (round(c - dx), round(c - dy)), (round(c + dx), round(c + dy)), 1.0, 2,
             cv2.LINE_AA)  # fmt: skip
    kernel = cv2.resize(kernel, (size, size), interpolation=cv2.INTER_AREA)
    return kernel / kernel.sum()


def _blur_layer(layer: np.ndarray, alpha: np.ndarray,
                kernel: np.ndarray) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Blur the carrier with its alpha (premultiplied), as the moving or unfocused object."""
    pre = cv2.filter2D(layer * alpha, -1, kernel)
    a = cv2.filter2D(alpha[..., 0], -1, kernel)[..., None]
    return np.where(a > 1e-3, pre / np.maximum(a, 1e-3), 0), a


def _camera(frame: np.ndarray, rng: np.random.Generator, kind: str) -> np.ndarray:
    """Lens softness, exposure, sensor noise and the webcam's JPEG."""
    frame = cv2.GaussianBlur(frame, (0, 0), float(rng.uniform(0.5, 0.7)))
    noise = float(rng.uniform(1.5, 3.0))
    if kind == "dim":
        frame = frame * float(rng.uniform(0.15, 0.35)) + float(rng.uniform(0, 8))
        noise = float(rng.uniform(4, 7))
    frame = frame * float(rng.uniform(0.9, 1.05))
    frame = frame + rng.normal(0, noise, frame.shape).astype(np.float32)
    image = np.clip(frame, 0, 255).astype(np.uint8)
    quality = int(rng.integers(12, 31)) if kind == "jpeg" else int(rng.integers(80, 93))
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return cv2.imdecode(data, cv2.IMREAD_COLOR)
