"""`--camera demo`: the committed demo video through the real CameraWorker and cv2.VideoCapture.

The video (resources/demo/demo.avi) is made by packaging/make_demo_video.py; its payloads
are the script's DEMO_PAYLOADS. The worker runs as fast as it decodes (not paced), so the
debounce clock here is the video's own time (frames seen / fps), as a camera would see it.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import sys
import threading
from datetime import date
from pathlib import Path

import cv2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from gatekeeper.domain.policy import Policy
from gatekeeper.domain.vocab import CodeColour, ScanKind, ScanStatus
from gatekeeper.resources import demo_video, resources_dir
from gatekeeper.scanner.camera import CameraState, CameraWorker, Debouncer, parse_camera_spec
from gatekeeper.scanner.payloads import parse_scan

REPO = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location(
        "make_demo_video", REPO / "packaging" / "make_demo_video.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


demo = _script()


def test_demo_spec_names_the_committed_video() -> None:
    assert parse_camera_spec("demo") == str(demo_video())
    assert parse_camera_spec(" Demo ") == str(demo_video())
    assert demo_video() == resources_dir() / "demo" / "demo.avi" == REPO / "resources/demo/demo.avi"
    assert parse_camera_spec("0") == 0 and parse_camera_spec("demo.avi") == "demo.avi"


def test_video_is_small_and_what_the_script_says() -> None:
    path = demo_video()
    assert path.stat().st_size < 5_000_000
    capture = cv2.VideoCapture(str(path))
    try:
        assert capture.isOpened()
        assert capture.get(cv2.CAP_PROP_FPS) == demo.FPS
        assert (capture.get(cv2.CAP_PROP_FRAME_WIDTH), capture.get(cv2.CAP_PROP_FRAME_HEIGHT)) == (
            demo.W, demo.H,
        )  # fmt: skip
        assert capture.get(cv2.CAP_PROP_FRAME_COUNT) == round(demo.DURATION_S * demo.FPS)
    finally:
        capture.release()


def test_demo_decodes_each_appearance_once_and_keeps_playing() -> None:
    n_frames = round(demo.DURATION_S * demo.FPS)
    seen = {"frames": 0}
    results: list[tuple[int, str]] = []
    states: list[CameraState] = []
    done = threading.Event()
    worker: CameraWorker

    def on_frame(_result) -> None:
        seen["frames"] += 1
        if seen["frames"] == n_frames + 5:  # a few frames into the second loop
            worker.request_stop()
            done.set()

    def video_clock() -> float:
        return seen["frames"] / demo.FPS

    worker = CameraWorker(
        "demo",
        on_frame=on_frame,
        on_result=lambda text, _code: results.append((seen["frames"], text)),
        on_state=states.append,
        debouncer=Debouncer(clock=video_clock),
        realtime=False,
        backoff=(0.01,),
    )
    assert worker.loop, "the demo loops like a camera that never stops"
    worker.start()
    try:
        assert done.wait(120), (seen, states, results)
    finally:
        worker.stop()
    # Once per appearance, in order; the green code shown twice counts twice (gone > 3 s).
    assert [text for _, text in results] == demo.DEMO_PAYLOADS
    assert all(frame <= n_frames for frame, _ in results)
    assert CameraState.UNPLUGGED not in states and CameraState.MISSING not in states
    assert states[:2] == [CameraState.OPENING, CameraState.LIVE]


def test_demo_payloads_read_as_the_kiosk_reads_them() -> None:
    today = date(2020, 3, 2)
    policy = Policy()
    readings = [
        parse_scan(kind, text, policy=policy, today=today)
        for kind, text in [
            (ScanKind.HEALTH_CODE, demo.HEALTH_GREEN),
            (ScanKind.ITINERARY_CODE, demo.ITINERARY),
            (ScanKind.HEALTH_CODE, demo.HEALTH_YELLOW),
            (ScanKind.HEALTH_CODE, demo.HEALTH_RED),
        ]
    ]
    assert [(r.status, r.colour) for r in readings] == [
        (ScanStatus.OK, CodeColour.GREEN),
        (ScanStatus.OK, CodeColour.GREEN),
        (ScanStatus.YELLOW, CodeColour.YELLOW),
        (ScanStatus.RED, CodeColour.RED),
    ]


def test_demo_pass_verifies_only_against_the_committed_demo_key() -> None:
    info = json.loads((resources_dir() / "demo" / "demo-site.json").read_text("utf-8"))
    public = Ed25519PublicKey.from_public_bytes(base64.b64decode(info["public_key"]))
    payload = demo.demo_pass_payload()
    assert payload in demo.DEMO_PAYLOADS
    today, policy = date(2020, 3, 2), Policy()
    ok = parse_scan(ScanKind.SITE_PASS, payload, policy=policy, today=today,
                    site_id=info["site_id"], public_keys={info["key_id"]: public})  # fmt: skip
    assert ok.status is ScanStatus.OK and ok.person_id == "demo-worker-01"
    other = parse_scan(ScanKind.SITE_PASS, payload, policy=policy, today=today,
                       site_id="site-abc123", public_keys={})  # fmt: skip
    assert other.status is ScanStatus.FORGED and other.problem == "other_site"


@pytest.mark.slow
def test_script_rebuilds_the_same_payloads_and_a_readable_video(tmp_path: Path) -> None:
    """The committed video is what the script makes (same frame count and payloads)."""
    pytest.importorskip("PySide6")
    demo.main(["--out", str(tmp_path)])
    assert json.loads((tmp_path / "demo-site.json").read_text("utf-8")) == json.loads(
        (resources_dir() / "demo" / "demo-site.json").read_text("utf-8")
    )
    fresh, committed = cv2.VideoCapture(str(tmp_path / "demo.avi")), cv2.VideoCapture(
        str(demo_video())
    )
    try:
        assert fresh.get(cv2.CAP_PROP_FRAME_COUNT) == committed.get(cv2.CAP_PROP_FRAME_COUNT)
    finally:
        fresh.release()
        committed.release()
