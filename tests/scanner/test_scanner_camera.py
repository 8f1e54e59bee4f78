"""The camera worker fed generated videos through the real cv2.VideoCapture."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from scanner_support import place, qr_image, scene, write_video

from gatekeeper.scanner.camera import (
    CameraState,
    CameraWorker,
    CaptureSettings,
    Debouncer,
    parse_camera_spec,
)

W, H = 640, 360


def frames_with_code(text: str, n_empty: int = 5, n_code: int = 20) -> list[np.ndarray]:
    """Empty, then the code moving across the frame, then empty again."""
    background = scene(W, H, seed=1)
    code = qr_image(text, scale=4)
    frames = [background] * n_empty
    for i in range(n_code):
        frames.append(place(background, code, 40 + i * 10, 60 + i * 3))
    return frames + [background] * n_empty


class Recorder:
    def __init__(self) -> None:
        self.results: list[str] = []
        self.states: list[CameraState] = []
        self.frames = 0
        self.outlined = 0
        self.event = threading.Event()

    def on_result(self, text: str, _code) -> None:
        self.results.append(text)

    def on_state(self, state: CameraState) -> None:
        self.states.append(state)
        if state is CameraState.UNPLUGGED or state is CameraState.MISSING:
            self.event.set()

    def on_frame(self, result) -> None:
        self.frames += 1
        self.outlined += bool(result.codes)


def run_until_unplugged(spec: str | int, **kwargs) -> Recorder:
    rec = Recorder()
    worker = CameraWorker(
        spec, on_result=rec.on_result, on_state=rec.on_state, on_frame=rec.on_frame,
        backoff=(0.01,), **kwargs,
    )  # fmt: skip
    worker.start()
    try:
        assert rec.event.wait(20), rec.states
    finally:
        worker.stop()
    assert worker.state is CameraState.STOPPED
    return rec


def test_code_appears_moves_and_disappears_then_file_ends(tmp_path: Path) -> None:
    video = write_video(tmp_path / "gate.avi", frames_with_code("GKP1.test.张三"))
    rec = run_until_unplugged(str(video))
    assert rec.results == ["GKP1.test.张三"]  # seen in 20 frames, reported once (debounce)
    assert rec.frames == 30 and rec.outlined >= 18  # outlined while it moves
    assert rec.states[:3] == [CameraState.OPENING, CameraState.LIVE, CameraState.UNPLUGGED]


def test_two_codes_one_after_the_other(tmp_path: Path) -> None:
    frames = frames_with_code("first", n_code=8) + frames_with_code("second", n_code=8)
    rec = run_until_unplugged(str(write_video(tmp_path / "two.avi", frames)))
    assert rec.results == ["first", "second"]


def test_missing_file_or_device_is_said_and_retried(tmp_path: Path) -> None:
    rec = run_until_unplugged(str(tmp_path / "no-such-camera.avi"))
    assert rec.states[:2] == [CameraState.OPENING, CameraState.MISSING]
    assert rec.results == []


def test_reconnects_after_unplug_with_backoff(tmp_path: Path) -> None:
    video = write_video(tmp_path / "short.avi", frames_with_code("again", 1, 3))
    states: list[CameraState] = []
    lives = threading.Event()

    def on_state(state: CameraState) -> None:
        states.append(state)
        if states.count(CameraState.LIVE) >= 2:
            lives.set()

    worker = CameraWorker(str(video), on_state=on_state, backoff=(0.01, 0.02))
    worker.start()
    try:
        assert lives.wait(20), states
    finally:
        worker.stop()
    assert states.count(CameraState.UNPLUGGED) >= 1 and worker.stats.reconnects >= 1


def test_device_that_raises_is_missing_not_a_crash() -> None:
    def broken(_source):
        raise RuntimeError("driver says no")

    rec = run_until_unplugged(0, open_capture=broken)
    assert CameraState.MISSING in rec.states


def test_stop_while_waiting_returns_at_once(tmp_path: Path) -> None:
    worker = CameraWorker(str(tmp_path / "none.avi"), backoff=(60.0,))
    worker.start()
    worker.stop(timeout=2.0)  # the 60 s backoff wait wakes on the stop flag


def test_debounce_window_with_a_driven_clock() -> None:
    now = [0.0]
    debounce = Debouncer(3.0, clock=lambda: now[0])
    assert debounce.accept("a")
    now[0] = 2.9
    assert not debounce.accept("a")  # still in view
    assert debounce.accept("b")
    now[0] = 6.0
    assert debounce.accept("a")  # gone for more than 3 s: counts again


@pytest.mark.parametrize(
    ("spec", "source"),
    [("0", 0), (" 2 ", 2), ("gate.avi", "gate.avi"), ("rtsp://cam/1", "rtsp://cam/1")],
)
def test_camera_spec(spec: str, source: int | str) -> None:
    assert parse_camera_spec(spec) == source


class Recording:
    """A real cv2.VideoCapture that records what the worker asks of it."""

    def __init__(self, source: int | str) -> None:
        import cv2

        self.capture = cv2.VideoCapture(source)
        self.asked: dict[int, float] = {}

    def set(self, prop: int, value: float) -> bool:
        self.asked[prop] = value
        return bool(self.capture.set(prop, value))

    def __getattr__(self, name: str):
        return getattr(self.capture, name)


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (640, 360)])
def test_the_camera_is_asked_for_1080p_mjpg_and_autofocus_and_keeps_what_it_has(
    tmp_path: Path, width: int, height: int
) -> None:
    """A video file offers none of the settings: it plays on at its own size, decoded."""
    import cv2

    background = scene(width, height, seed=2)
    code = qr_image("GKP2.size.test", scale=4)
    frames = [place(background, code, 60 + 8 * i, 40) for i in range(6)]
    video = write_video(tmp_path / f"{width}.avi", frames)
    opened: list[Recording] = []

    def open_capture(source: int | str) -> Recording:
        opened.append(Recording(source))
        return opened[-1]

    rec = Recorder()
    worker = CameraWorker(str(video), on_result=rec.on_result, on_state=rec.on_state,
                          on_frame=rec.on_frame, backoff=(0.01,), open_capture=open_capture)
    worker.start()
    try:
        assert rec.event.wait(20), rec.states
    finally:
        worker.stop()
    asked = opened[0].asked
    assert asked[cv2.CAP_PROP_FRAME_WIDTH] == 1920 and asked[cv2.CAP_PROP_FRAME_HEIGHT] == 1080
    assert asked[cv2.CAP_PROP_AUTOFOCUS] == 1
    assert asked[cv2.CAP_PROP_FOURCC] == cv2.VideoWriter.fourcc(*"MJPG")
    assert worker.settings == CaptureSettings(width, height, autofocus=False)
    assert rec.frames == 6 and rec.results == ["GKP2.size.test"]


def test_the_default_capture_is_asked_too(tmp_path: Path) -> None:
    """Without a test double: the worker's own cv2.VideoCapture reports the file's size."""
    video = write_video(tmp_path / "hd.avi", [scene(1920, 1080, seed=4)] * 3)
    worker = CameraWorker(str(video), backoff=(0.01,))
    capture = worker._try_open()
    assert capture is not None
    capture.release()
    assert worker.settings == CaptureSettings(1920, 1080, autofocus=False)
