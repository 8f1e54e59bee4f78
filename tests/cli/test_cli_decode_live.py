"""`gatekeeper decode --live`: each file through exactly the camera's per-frame path."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
from cli_support import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scanner"))
from gate_frames import gate_frame

from gatekeeper.scanner import camera as camera_module
from gatekeeper.scanner.camera import CameraWorker
from gatekeeper.scanner.decoder import Decoder


def a_frame_only_stills_read() -> tuple[np.ndarray, str]:
    """A gate frame the thorough path reads and the camera's per-frame path does not."""
    decoder = Decoder()
    for kind in ("moire", "distance", "focus_blur"):
        for seed in range(12):
            frame = gate_frame(kind, seed)
            assert frame.text is not None
            if (frame.text in decoder.decode(frame.image, thorough=True).texts
                    and frame.text not in decoder.decode(frame.image).texts):  # fmt: skip
                return frame.image, frame.text
    pytest.fail("no gate frame tells the two paths apart (have they become one?)")


def rows(result_stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in result_stdout.splitlines()]


def test_live_gives_what_the_camera_gives_and_plain_decode_the_stills_answer(
    tmp_path: Path,
) -> None:
    image, text = a_frame_only_stills_read()
    hard = tmp_path / "hard.png"
    cv2.imwrite(str(hard), image)  # PNG: the same pixels back
    easy_frame = gate_frame("plain", 0)
    easy = tmp_path / "easy.png"
    cv2.imwrite(str(easy), easy_frame.image)

    live = run("decode", "--live", "--json", hard, easy)
    assert live.exit_code == 0, live.output
    live_rows = rows(live.stdout)
    assert [r["texts"] for r in live_rows] == [[], [easy_frame.text]]
    # the same keys as plain decode; ms is the per-frame path's own time
    assert all(set(r) == {"file", "texts", "ms"} for r in live_rows)
    assert all(isinstance(r["ms"], float) and r["ms"] > 0 for r in live_rows)

    still = run("decode", "--json", hard, easy)
    assert [r["texts"] for r in rows(still.stdout)] == [[text], [easy_frame.text]]

    # the camera worker, fed the same frame, finds what --live found
    worker = CameraWorker("unused")
    found: list[list[str]] = []
    worker.on_frame = lambda result: found.append([c.text or "" for c in result.codes])
    worker._handle(cv2.imread(str(hard)), 0.0)
    worker._handle(cv2.imread(str(easy)), 0.0)
    assert found == [r["texts"] for r in live_rows]


def test_live_and_the_camera_call_the_decoder_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same gating and budget: both ask for the per-frame path, with the same budget."""
    calls: list[tuple[bool, object]] = []
    real = Decoder.decode

    def spy(self: Decoder, image: np.ndarray, *, thorough: bool = False):  # type: ignore[no-untyped-def]
        calls.append((thorough, self.live))
        return real(self, image, thorough=thorough)

    monkeypatch.setattr(Decoder, "decode", spy)
    frame = tmp_path / "f.png"
    cv2.imwrite(str(frame), gate_frame("no_code", 0).image)
    assert run("decode", "--live", frame).exit_code == 0
    CameraWorker("unused")._handle(cv2.imread(str(frame)), 0.0)
    assert run("decode", frame).exit_code == 0
    assert calls[0] == calls[1] == (False, camera_module.Decoder().live)
    assert calls[2][0] is True


def test_live_text_output_and_unreadable_file(tmp_path: Path) -> None:
    easy_frame = gate_frame("rotation", 1)
    easy = tmp_path / "easy.png"
    cv2.imwrite(str(easy), easy_frame.image)
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not an image")
    result = run("decode", "--live", easy, junk)
    assert result.stdout.splitlines() == [f"{easy}: {easy_frame.text}"]
    assert result.exit_code == 1 and result.stderr.strip()
