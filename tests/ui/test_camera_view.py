"""The live preview: frames from a real video file, outlined code, missing camera, typing."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scanner"))
from scanner_support import place, qr_image, scene, write_video

from gatekeeper.scanner.camera import CameraState
from gatekeeper.ui.camera_view import CameraView, frame_to_image


def test_frame_to_image_copies_and_keeps_colours() -> None:
    frame = np.zeros((5, 7, 3), np.uint8)
    frame[:, :, 2] = 255  # BGR red
    image = frame_to_image(frame[:, 1:6])  # a non-contiguous view
    frame[:] = 0  # the image must own its pixels
    assert (image.width(), image.height()) == (5, 5)
    assert image.pixelColor(0, 0).red() == 255 and image.pixelColor(0, 0).blue() == 0


def test_video_frames_are_shown_and_the_code_is_scanned(qtbot, tmp_path: Path) -> None:
    background = scene(640, 360, seed=2)
    code = qr_image("健康码 绿码", scale=4)
    frames = [background] * 3 + [place(background, code, 100 + i * 8, 80) for i in range(15)]
    video = write_video(tmp_path / "cam.avi", frames)
    view = CameraView(str(video), realtime=False)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.scanned, timeout=10_000) as blocker:
        view.start()
    assert blocker.args == ["健康码 绿码"]
    qtbot.waitUntil(lambda: view.frames_shown > 0, timeout=5000)
    qtbot.waitUntil(lambda: view.state is CameraState.UNPLUGGED, timeout=10_000)
    assert "stopped" in view.message.text()
    view.stop()
    assert view.thread_ is None


def test_missing_camera_is_said_plainly_and_typing_works(qtbot, tmp_path: Path) -> None:
    view = CameraView(str(tmp_path / "absent.avi"), realtime=False)
    qtbot.addWidget(view)
    view.show()
    view.start()
    qtbot.waitUntil(lambda: view.state is CameraState.MISSING, timeout=5000)
    assert "No camera found" in view.message.text()
    with qtbot.waitSignal(view.scanned, timeout=2000) as blocker:
        qtbot.keyClicks(view.typed, "GKP1.typed")
        qtbot.keyClick(view.typed, Qt.Key.Key_Return)
    assert blocker.args == ["GKP1.typed"]
    view.close()  # closing stops the camera thread
    assert view.thread_ is None


def test_no_camera_configured(qtbot) -> None:
    view = CameraView(None)
    qtbot.addWidget(view)
    view.start()
    assert view.state is CameraState.MISSING
