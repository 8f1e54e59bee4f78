"""Write the demo camera video, resources/demo/demo.avi, and the demo site's public key.

    .venv/bin/python packaging/make_demo_video.py [--out DIR]

`gatekeeper gui --camera demo` plays the video as if it were a webcam (looping), so
anyone can try the QR steps without one. 640x480 MJPG at 12 fps, 25 s, about 3 MB: a
simulated view of the gate (a wall, a post, the gate's sign, a little sensor noise and
camera shake) in which a phone or a badge with a QR code comes in, moves a little, and
goes again, six times, with a caption in the frame saying what is shown:

1. a green health code (JSON, like a province's app), 2. an itinerary code (green),
3. a site pass signed with the *demo* key, 4. a yellow health code (Chinese text with a
validity date), 5. a red health code (``key=value``), 6. the green health code again
(the scanner reports a code again once it has been out of view for 3 s).

The site pass is signed with a throwaway key derived from a fixed seed in this file: it
is public knowledge, so it proves nothing. Its public part (``demo-site.json``, site id
``demo-site``) is committed beside the video only so that tests can verify the demo pass
against it; a real site's kiosk refuses that pass (issued by another site).

Deterministic: the noise, shake and motion come from a seeded generator and the pass
signature is deterministic (Ed25519), so a rerun writes the same frames given the same
fonts (WenQuanYi Micro Hei draws the captions; Qt, offscreen). The payloads are also in
``DEMO_PAYLOADS`` for the tests (``tests/scanner/test_scanner_demo.py``).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import os
import struct
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import cv2
import numpy as np
import zxingcpp
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a clone without installing, too

from gatekeeper.scanner.keys import SiteKey  # noqa: E402
from gatekeeper.scanner.passes import SitePass  # noqa: E402

W, H = 640, 480
FPS = 10
SEED = 20200301
JPEG_QUALITY = 65
LEAD_S = 1.0  # nothing in view at the start
SHOW_S = 2.8  # each code in view (including coming in and going out)
GAP_S = 1.2  # nothing in view between two codes
FONT = "WenQuanYi Micro Hei"

DEMO_SITE_ID = "demo-site"
# Public on purpose: anybody can rebuild this key, so only the demo trusts it.
DEMO_KEY_SEED = b"GateKeeper demo site key: public, never use it for a real site"


def demo_key() -> SiteKey:
    private = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(DEMO_KEY_SEED).digest())
    return SiteKey(DEMO_SITE_ID, private)


def demo_pass_payload() -> str:
    """The demo's pass, in the format before serials (GKP1, which still verifies): Ed25519
    is deterministic, so the script makes the same payload every time (a GKP2 pass would
    carry a random serial and change the committed video)."""
    key = demo_key()
    unsigned = SitePass(DEMO_SITE_ID, key.key_id, "demo-worker-01", date(2020, 3, 1),
                        date(2099, 12, 31), b"")  # fmt: skip
    signature = key.private.sign(unsigned.signed_part.encode("ascii"))
    return replace(unsigned, signature=signature).payload


@dataclass(frozen=True)
class Shown:
    """One appearance: what is held up to the camera and the caption that says so."""

    payload: str
    look: str  # "phone" or "badge"
    title: str  # on the phone's screen / the badge
    colour: str  # banner colour
    caption: str


HEALTH_GREEN = json.dumps(
    {"type": "health_code", "name": "演示 Demo", "colour": "green"}, ensure_ascii=False
)
ITINERARY = json.dumps(
    {"type": "itinerary_code", "status": "green", "cities": "郑州 Zhengzhou"}, ensure_ascii=False
)
HEALTH_YELLOW = "健康码：黄码 有效期至 2099-12-31"
HEALTH_RED = "health_code; name=Demo; colour=red"


def appearances() -> list[Shown]:
    green = Shown(HEALTH_GREEN, "phone", "健康码 Health code", "#1e8e3e",
                  "Green health code  绿码（健康码）")  # fmt: skip
    return [
        green,
        Shown(ITINERARY, "phone", "行程码 Itinerary", "#1e8e3e",
              "Itinerary code, green  行程码（绿色）"),
        Shown(demo_pass_payload(), "badge", "工地通行证 Site pass", "#1f5f3f",
              "Site pass (demo key)  工地通行证（演示密钥）"),
        Shown(HEALTH_YELLOW, "phone", "健康码 Health code", "#e0a800",
              "Yellow health code  黄码（健康码）"),
        Shown(HEALTH_RED, "phone", "健康码 Health code", "#c5221f",
              "Red health code  红码（健康码）"),
        Shown(green.payload, green.look, green.title, green.colour,
              "Green health code again  再次出示绿码"),
    ]


DEMO_PAYLOADS: list[str] = [shown.payload for shown in appearances()]
IDLE_CAPTION = "No code in view  画面中没有二维码"
DURATION_S = LEAD_S + len(DEMO_PAYLOADS) * (SHOW_S + GAP_S)


# --- drawing (Qt for text: captions and names are Chinese) ------------------------------


def _qt():
    """Qt's font engine, offscreen. A full QApplication (not a QGuiApplication), so that a
    GUI or a widget test started later in the same process still finds the kind it needs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["make_demo_video"])


def _to_bgra(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    arr = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return arr[:, : image.width() * 4].reshape(image.height(), image.width(), 4).copy()


def _qr_qimage(payload: str, side: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    qr = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    bits = np.ascontiguousarray(
        np.asarray(zxingcpp.write_barcode_to_image(qr, scale=1, add_quiet_zones=True)), np.uint8
    )
    n = bits.shape[0]
    image = QImage(bits.data, n, n, n, QImage.Format.Format_Grayscale8).copy()
    scale = max(1, side // n)  # whole pixels per module: crisp, like a phone screen
    return image.scaled(n * scale, n * scale, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.FastTransformation)  # fmt: skip


def render_object(shown: Shown) -> np.ndarray:
    """The phone or the badge as BGRA (transparent around its rounded corners)."""
    from PySide6.QtCore import QRect, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    w, h = (190, 320) if shown.look == "phone" else (200, 300)
    image = QImage(w, h, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        if shown.look == "phone":
            p.setBrush(QColor("#202124"))
            p.drawRoundedRect(QRectF(0, 0, w, h), 26, 26)
            screen = QRect(12, 34, w - 24, h - 62)
            p.setBrush(QColor("white"))
            p.drawRect(screen)
            p.fillRect(QRect(screen.x(), screen.y(), screen.width(), 44), QColor(shown.colour))
            p.setPen(QColor("white"))
            p.setFont(QFont(FONT, 11, QFont.Weight.Bold))
            p.drawText(QRect(screen.x(), screen.y(), screen.width(), 44),
                       Qt.AlignmentFlag.AlignCenter, shown.title)  # fmt: skip
            p.setPen(QColor("#5f6368"))
            p.setFont(QFont(FONT, 8))
            p.drawText(QRect(screen.x(), screen.bottom() - 40, screen.width(), 36),
                       Qt.AlignmentFlag.AlignCenter, "演示 Demo · 请出示给工作人员")  # fmt: skip
            qr_top, qr_box = screen.y() + 54, screen.width() - 8
        else:
            p.setBrush(QColor("#f8f8f4"))
            p.drawRoundedRect(QRectF(0, 0, w, h), 12, 12)
            p.fillRect(QRect(0, 14, w, 40), QColor(shown.colour))
            p.setPen(QColor("white"))
            p.setFont(QFont(FONT, 11, QFont.Weight.Bold))
            p.drawText(QRect(0, 14, w, 40), Qt.AlignmentFlag.AlignCenter, shown.title)
            p.setPen(QColor("#202124"))
            p.setFont(QFont(FONT, 12, QFont.Weight.Bold))
            p.drawText(QRect(0, 60, w, 30), Qt.AlignmentFlag.AlignCenter, "演示工人 Demo Worker")
            p.setFont(QFont(FONT, 8))
            p.drawText(QRect(0, h - 34, w, 26), Qt.AlignmentFlag.AlignCenter,
                       f"{DEMO_SITE_ID} · 有效期至 2099-12-31")  # fmt: skip
            qr_top, qr_box = 96, w - 14
        qr = _qr_qimage(shown.payload, qr_box)
        p.drawImage((w - qr.width()) // 2, qr_top, qr)
    finally:
        p.end()
    return _to_bgra(image)


def render_caption(text: str) -> np.ndarray:
    """A caption strip (BGRA) for the bottom of the frame."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(W, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 150))
    p = QPainter(image)
    try:
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setPen(QColor("white"))
        p.setFont(QFont(FONT, 15))
        p.drawText(QRect(0, 0, W, 40), Qt.AlignmentFlag.AlignCenter, text)
    finally:
        p.end()
    return _to_bgra(image)


def render_background() -> np.ndarray:
    """The gate as the camera sees it: wall, gate post, sign, floor (BGR, a bit larger
    than the frame so camera shake has pixels to move into)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter

    m = 8
    image = QImage(W + 2 * m, H + 2 * m, QImage.Format.Format_ARGB32)
    p = QPainter(image)
    try:
        wall = QLinearGradient(0, 0, 0, H)
        wall.setColorAt(0, QColor("#b9c2c9"))
        wall.setColorAt(1, QColor("#8e979e"))
        p.fillRect(image.rect(), wall)
        p.fillRect(QRect(0, 360 + m, W + 2 * m, H), QColor("#6b6259"))  # floor
        p.fillRect(QRect(40 + m, 40 + m, 44, 330), QColor("#e8b400"))  # gate post
        for y in range(60, 360, 60):
            p.fillRect(QRect(40 + m, y + m, 44, 24), QColor("#2b2b2b"))
        p.fillRect(QRect(420 + m, 30 + m, 190, 70), QColor("#1f5f3f"))  # sign
        p.setPen(QColor("white"))
        p.setFont(QFont(FONT, 16, QFont.Weight.Bold))
        p.drawText(QRect(420 + m, 30 + m, 190, 70), Qt.AlignmentFlag.AlignCenter,
                   "1号闸口\nGate 1")  # fmt: skip
        p.setPen(QColor("#202124"))
        p.setFont(QFont(FONT, 11))
        p.drawText(QRect(8 + m, 8 + m, 400, 24), Qt.AlignmentFlag.AlignLeft,
                   "GateKeeper demo camera  演示摄像头")  # fmt: skip
    finally:
        p.end()
    return _to_bgra(image)[:, :, :3].copy()


def _blend(frame: np.ndarray, bgra: np.ndarray, x: int, y: int) -> None:
    h, w = bgra.shape[:2]
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, frame.shape[1]), min(y + h, frame.shape[0])
    if x0 >= x1 or y0 >= y1:
        return
    part = bgra[y0 - y : y1 - y, x0 - x : x1 - x]
    alpha = part[:, :, 3:4].astype(np.float32) / 255.0
    region = frame[y0:y1, x0:x1].astype(np.float32)
    frame[y0:y1, x0:x1] = (part[:, :, :3] * alpha + region * (1 - alpha)).astype(np.uint8)


def _place_turned(frame: np.ndarray, obj: np.ndarray, cx: float, cy: float, angle: float) -> None:
    """Draw `obj` (BGRA) centred at (cx, cy), turned by `angle` degrees."""
    h, w = obj.shape[:2]
    side = int(math.hypot(w, h)) + 4
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    matrix[0, 2] += (side - w) / 2
    matrix[1, 2] += (side - h) / 2
    turned = cv2.warpAffine(obj, matrix, (side, side), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0, 0))  # fmt: skip
    _blend(frame, turned, round(cx - side / 2), round(cy - side / 2))


def _ease(t: float) -> float:
    t = min(max(t, 0.0), 1.0)
    return t * t * (3 - 2 * t)


def frames() -> list[np.ndarray]:
    _qt()
    rng = np.random.default_rng(SEED)
    background = render_background()
    shows = appearances()
    objects = [render_object(s) for s in shows]
    captions = [render_caption(s.caption) for s in shows]
    idle = render_caption(IDLE_CAPTION)
    out = []
    n = round(DURATION_S * FPS)
    # Each appearance comes in from one side and leaves on the other, drifting a little.
    paths = [
        (rng.uniform(-8, 8), rng.uniform(-6, 6), rng.choice([-1, 1]), rng.uniform(0, 2 * math.pi))
        for _ in shows
    ]
    shake = np.zeros(2)
    for i in range(n):
        t = i / FPS
        shake = 0.85 * shake + rng.normal(0, 0.6, 2)  # a hand-held mount, slightly unsteady
        dx, dy = (np.clip(shake, -7, 7) + 8).round().astype(int)
        frame = background[dy : dy + H, dx : dx + W].copy()
        caption = idle
        k = int((t - LEAD_S) // (SHOW_S + GAP_S)) if t >= LEAD_S else -1
        local = t - LEAD_S - k * (SHOW_S + GAP_S)
        if 0 <= k < len(shows) and local < SHOW_S:
            tilt, lift, side, phase = paths[k]
            come, go = _ease(local / 0.5), _ease((local - (SHOW_S - 0.5)) / 0.5)
            cx = W / 2 + 30 * math.sin(1.7 * local + phase) + side * (1 - come) * 420
            cx -= side * go * 420
            cy = 215 + lift + 10 * math.sin(2.3 * local + phase)
            angle = tilt + 3 * math.sin(1.3 * local + phase)
            _place_turned(frame, objects[k], cx, cy, angle)
            caption = captions[k]
        _blend(frame, caption, 0, H - 40)
        noise = rng.normal(0, 1.2, frame.shape)
        frame = np.clip(frame.astype(np.float32) + noise, 0, 255).astype(np.uint8)
        out.append(frame)
    return out


def _chunk(fourcc: bytes, data: bytes) -> bytes:
    return fourcc + struct.pack("<I", len(data)) + data + b"\0" * (len(data) % 2)


def _list(kind: bytes, *chunks: bytes) -> bytes:
    return _chunk(b"LIST", kind + b"".join(chunks))


def mjpg_avi(jpegs: list[bytes], fps: int, width: int, height: int) -> bytes:
    """A Motion-JPEG AVI (RIFF, one video stream, idx1 index) around ready JPEG frames.

    Written here rather than by cv2.VideoWriter, whose encoders ignore the JPEG quality
    (the video would be twice the size); cv2.VideoCapture reads it like any camera file.
    """
    biggest = max(map(len, jpegs))
    avih = struct.pack("<14I", round(1e6 / fps), biggest * fps, 0, 0x10, len(jpegs), 0, 1,
                       biggest, width, height, 0, 0, 0, 0)  # fmt: skip
    strh = struct.pack("<4s4sIHHIIIIIIIIhhhh", b"vids", b"MJPG", 0, 0, 0, 0, 1, fps, 0,
                       len(jpegs), biggest, 0xFFFFFFFF, 0, 0, 0, width, height)  # fmt: skip
    strf = struct.pack("<IiiHH4sIiiII", 40, width, height, 1, 24, b"MJPG",
                       width * height * 3, 0, 0, 0, 0)  # fmt: skip
    frames, index, offset = [], [], 4  # idx1 offsets count from the "movi" fourcc
    for jpeg in jpegs:
        chunk = _chunk(b"00dc", jpeg)
        index.append(struct.pack("<4sIII", b"00dc", 0x10, offset, len(jpeg)))  # keyframe
        frames.append(chunk)
        offset += len(chunk)
    body = b"AVI " + b"".join((
        _list(b"hdrl", _chunk(b"avih", avih),
              _list(b"strl", _chunk(b"strh", strh), _chunk(b"strf", strf))),
        _list(b"movi", *frames),
        _chunk(b"idx1", b"".join(index)),
    ))  # fmt: skip
    return _chunk(b"RIFF", body)


def write(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    params = [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY, cv2.IMWRITE_JPEG_OPTIMIZE, 1]
    jpegs = []
    for frame in frames():
        ok, data = cv2.imencode(".jpg", frame, params)
        if not ok:
            raise OSError("OpenCV cannot encode JPEG here")
        jpegs.append(data.tobytes())
    path.write_bytes(mjpg_avi(jpegs, FPS, W, H))
    return path


def write_public_key(path: Path) -> Path:
    key = demo_key()
    raw = key.public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    info = {
        "site_id": key.site_id,
        "key_id": key.key_id,
        "public_key": base64.b64encode(raw).decode("ascii"),
        "note": "Demo only: the private key is derived from a public seed in "
        "packaging/make_demo_video.py. Never trust it at a real gate.",
    }
    path.write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "demo")
    args = parser.parse_args(argv)
    video = write(args.out / "demo.avi")
    key = write_public_key(args.out / "demo-site.json")
    size = video.stat().st_size / 1e6
    print(f"wrote {video} ({size:.1f} MB, {DURATION_S:.0f} s at {FPS} fps) and {key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
