"""The camera: capture and decode on a worker thread, report results, survive unplugging.

`CameraWorker.run()` is the loop (a Qt thread in the kiosk drives it, see
`gatekeeper.ui.camera_view`); `start()`/`stop()` run it on a plain Python thread for
the CLI, tests and benchmarks. Stopping sets a flag that every wait also watches, then
joins: no thread outlives `stop()`.

`--camera SPEC`: a device index (`0`), a video file, a stream URL (rtsp://, http://), or
`demo`: the generated video in `resources/demo/` (`packaging/make_demo_video.py`), which
loops like a camera that never stops. Any other video file that ends is treated like a
camera unplugged: the worker says so and reopens it with backoff, as it would a USB
camera put back in.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import cv2
import numpy as np

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import Text
from gatekeeper.resources import DEMO_CAMERA, demo_video
from gatekeeper.scanner.decoder import Code, Decoder

DEBOUNCE_SECONDS = 3.0
#: What the worker asks a camera for: 1920x1080 (a code held at the same distance has
#: 1.5x the pixels per module of 720p), MJPG (USB 2 carries 1080p at 30 fps only
#: compressed) and autofocus. A camera that does not offer them keeps what it has.
REQUESTED_SIZE = (1920, 1080)
BACKOFF_SECONDS: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 8.0)


class CameraState(StrEnum):
    OPENING = "opening"
    LIVE = "live"
    MISSING = "missing"  # could not be opened
    UNPLUGGED = "unplugged"  # was live, stopped giving frames
    STOPPED = "stopped"


#: What the screen says in each state: the catalogue's `camera.<state>` entries (the
#: camera widget shows these too, so the texts are written once).
STATE_TEXT: dict[CameraState, Text] = {
    state: messages.entry(f"camera.{state.value}") for state in CameraState
}


def parse_camera_spec(spec: str | int) -> int | str:
    """`0`, `1`… open a device; `demo` the demo video; else a file path or URL for OpenCV."""
    if isinstance(spec, int):
        return spec
    text = spec.strip()
    if text.lower() == DEMO_CAMERA:
        return str(demo_video())
    return int(text) if text.isdigit() else text


def is_demo_spec(spec: str | int) -> bool:
    return isinstance(spec, str) and spec.strip().lower() == DEMO_CAMERA


class Debouncer:
    """The same payload counts once while it stays in view and for `window` s after."""

    def __init__(self, window: float = DEBOUNCE_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.window = window
        self.clock = clock
        self._last_seen: dict[str, float] = {}

    def accept(self, text: str) -> bool:
        now = self.clock()
        last = self._last_seen.get(text)
        self._last_seen[text] = now
        if len(self._last_seen) > 256:  # forget old payloads: bounded memory
            cutoff = now - self.window
            self._last_seen = {k: t for k, t in self._last_seen.items() if t >= cutoff}
        return last is None or now - last > self.window


@dataclass(frozen=True)
class FrameResult:
    """One decoded frame: the picture, the codes in it, and when it was captured."""

    frame: np.ndarray
    codes: list[Code]
    captured_at: float
    decoded_at: float
    decode_ms: float


@dataclass(frozen=True)
class CaptureSettings:
    """What the camera gave after the worker asked (`configure_capture`)."""

    width: int
    height: int
    autofocus: bool  # the driver accepted autofocus on


def configure_capture(capture: Capture) -> CaptureSettings:
    """Ask for `REQUESTED_SIZE` in MJPG with autofocus; report what the camera gives.

    Every request is a `cv2.VideoCapture.set`, which a camera (or a video file, or a
    stream) that does not offer the setting refuses: it then keeps its own, and the
    frames it delivers are decoded at whatever size they come.
    """
    capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
    capture.set(cv2.CAP_PROP_FRAME_WIDTH, REQUESTED_SIZE[0])
    capture.set(cv2.CAP_PROP_FRAME_HEIGHT, REQUESTED_SIZE[1])
    autofocus = bool(capture.set(cv2.CAP_PROP_AUTOFOCUS, 1))
    capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # the newest frame, not a queue of old ones
    width = int(capture.get(cv2.CAP_PROP_FRAME_WIDTH) or 0)
    height = int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT) or 0)
    return CaptureSettings(width, height, autofocus)


@dataclass
class CameraStats:
    frames: int = 0
    results: int = 0
    reconnects: int = 0
    decode_ms: list[float] = field(default_factory=list)
    latency_ms: list[float] = field(default_factory=list)  # capture → result delivered

    def keep_recent(self, limit: int = 10_000) -> None:
        del self.decode_ms[:-limit]
        del self.latency_ms[:-limit]


Capture = Any  # cv2.VideoCapture or a test double with isOpened/read/release/get


class CameraWorker:
    """Capture + decode loop with debounce, status reports and reconnect with backoff.

    Callbacks run on the worker's thread; keep them short (hand over to the UI thread).
    `on_frame(FrameResult)` for every frame, `on_result(text, code)` once per debounced
    payload, `on_state(CameraState)` on every change.
    """

    def __init__(
        self,
        spec: str | int,
        *,
        decoder: Decoder | None = None,
        on_frame: Callable[[FrameResult], None] | None = None,
        on_result: Callable[[str, Code], None] | None = None,
        on_state: Callable[[CameraState], None] | None = None,
        debouncer: Debouncer | None = None,
        backoff: Sequence[float] = BACKOFF_SECONDS,
        realtime: bool = False,
        loop: bool = False,
        open_capture: Callable[[int | str], Capture] | None = None,
    ) -> None:
        self.source = parse_camera_spec(spec)
        self.decoder = decoder or Decoder()
        self.on_frame = on_frame
        self.on_result = on_result
        self.on_state = on_state
        self.debouncer = debouncer or Debouncer()
        self.backoff = tuple(backoff) or (1.0,)
        self.realtime = realtime  # pace a video file at its own frame rate, like a camera
        # rewind a video file at its end instead of "unplugging" (the demo always does)
        self.loop = loop or is_demo_spec(spec)
        self.open_capture = open_capture or _open
        self.state = CameraState.STOPPED
        self.stats = CameraStats()
        self.settings: CaptureSettings | None = None  # what the open camera gave
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # --- control ------------------------------------------------------------------------

    def start(self) -> None:
        """Run the loop on a plain Python thread (CLI, tests, benchmarks)."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, name="gatekeeper-camera", daemon=True)
        self._thread.start()

    def request_stop(self) -> None:
        """Ask the loop to end (any wait in it wakes up at once)."""
        self._stop.set()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop flag, then join: the thread is gone when this returns."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                raise RuntimeError("camera thread did not stop")
            self._thread = None

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    # --- the loop -----------------------------------------------------------------------

    def run(self) -> None:
        """Open, read and decode until stopped; on failure report and retry with backoff."""
        attempt = 0
        try:
            while not self._stop.is_set():
                self._set_state(CameraState.OPENING)
                capture = self._try_open()
                if capture is None:
                    self._set_state(CameraState.MISSING)
                else:
                    try:
                        had_frames = self._read_until_failure(capture)
                    finally:
                        capture.release()
                    if self._stop.is_set():
                        break
                    self._set_state(CameraState.UNPLUGGED)
                    if had_frames:
                        attempt = 0
                self.stats.reconnects += 1
                delay = self.backoff[min(attempt, len(self.backoff) - 1)]
                attempt += 1
                self._stop.wait(delay)
        finally:
            self._set_state(CameraState.STOPPED)

    def _try_open(self) -> Capture | None:
        try:
            capture = self.open_capture(self.source)
        except Exception:  # a driver refusing the device is a missing camera, not a crash
            return None
        if capture is None or not capture.isOpened():
            if capture is not None:
                capture.release()
            return None
        try:
            self.settings = configure_capture(capture)
        except Exception:  # a driver that fails a request still delivers frames
            self.settings = None
        return capture

    def _read_until_failure(self, capture: Capture) -> bool:
        fps = capture.get(cv2.CAP_PROP_FPS) or 30.0
        period = 1.0 / fps if self.realtime and 1 <= fps <= 240 else 0.0
        next_due = time.monotonic()
        had_frames = False
        while not self._stop.is_set():
            ok, frame = capture.read()
            if not ok or frame is None:
                if self.loop and had_frames and capture.set(cv2.CAP_PROP_POS_FRAMES, 0):
                    ok, frame = capture.read()
                if not ok or frame is None:
                    return had_frames
            if not had_frames:
                had_frames = True
                self._set_state(CameraState.LIVE)
            captured = time.monotonic()
            self._handle(frame, captured)
            if period:
                next_due += period
                wait = next_due - time.monotonic()
                if wait > 0:
                    self._stop.wait(wait)
                else:
                    next_due = time.monotonic()  # behind: drop the debt, never pile up
        return had_frames

    def _handle(self, frame: np.ndarray, captured: float) -> None:
        report = self.decoder.decode(frame)
        done = time.monotonic()
        stats = self.stats
        stats.frames += 1
        stats.decode_ms.append(report.ms)
        if stats.frames % 10_000 == 0:
            stats.keep_recent()
        if self.on_frame is not None:
            self.on_frame(FrameResult(frame, report.codes, captured, done, report.ms))
        for code in report.codes:
            if code.text is not None and self.debouncer.accept(code.text):
                stats.results += 1
                stats.latency_ms.append((time.monotonic() - captured) * 1000)
                if self.on_result is not None:
                    self.on_result(code.text, code)

    def _set_state(self, state: CameraState) -> None:
        if state is not self.state:
            self.state = state
            if self.on_state is not None:
                self.on_state(state)


def _open(source: int | str) -> Capture:
    return cv2.VideoCapture(source)  # configure_capture asks for size and focus
