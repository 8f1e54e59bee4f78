"""The decoder on generated gate frames (gate_frames.py): what it reads, what it never
misreads, and the work budget of the camera's path (counted in reads, never timed)."""

from __future__ import annotations

import io
from dataclasses import replace

import cv2
import numpy as np
import pytest
import segno
import zxingcpp
from gate_frames import CLASSES, CODE_CLASSES, gate_frame, gate_frames
from scanner_support import qr_image

from gatekeeper.scanner.decoder import (
    LIVE_BUDGET,
    Decoder,
    GuidedDeblur,
    _motion_psf,
    blur_direction,
    likely_region,
)

DECODER = Decoder()
SEEDS = range(6)  # the bench uses seeds from 1000: these are not the figures' frames


def test_frames_are_seeded_720p_and_the_classes_differ() -> None:
    a, b = gate_frame("glare", 3), gate_frame("glare", 3)
    assert np.array_equal(a.image, b.image) and a.text == b.text
    assert a.image.shape == (720, 1280, 3)
    assert not np.array_equal(a.image, gate_frame("glare", 4).image)
    assert not np.array_equal(a.image, gate_frame("dim", 3).image)
    assert gate_frame("no_code", 1).text is None
    assert {f.kind for f in gate_frames(1)} == set(CLASSES)
    small = [gate_frame("distance", s).module_px for s in SEEDS]
    assert all(1.2 <= m <= 2.0 for m in small)
    with pytest.raises(ValueError):
        gate_frame("fog", 0)


@pytest.mark.parametrize("kind", CODE_CLASSES)
def test_no_misreads_on_any_class(kind: str) -> None:
    """Whatever is read is the code's exact text (both paths)."""
    for seed in SEEDS:
        frame = gate_frame(kind, seed)
        for thorough in (False, True):
            found = DECODER.decode(frame.image, thorough=thorough).texts
            assert found in ([], [frame.text]), (frame.name, thorough, found)


@pytest.mark.parametrize(
    "kind", ["plain", "perspective", "rotation", "glare", "dim", "jpeg", "motion_blur"]
)
def test_the_camera_path_reads_every_frame_of_the_easier_classes(kind: str) -> None:
    for seed in SEEDS:
        frame = gate_frame(kind, seed)
        assert DECODER.decode(frame.image).texts == [frame.text], frame.name


def test_small_and_blurred_codes_are_read_where_zxing_alone_reads_fewer() -> None:
    """What the regions and their enhanced reads add on the camera's path."""
    ours = alone = 0
    for kind in ("distance", "focus_blur"):
        for seed in range(12):
            frame = gate_frame(kind, seed)
            ours += frame.text in DECODER.decode(frame.image).texts
            alone += frame.text in [
                b.text for b in zxingcpp.read_barcodes(
                    frame.image, formats=zxingcpp.BarcodeFormat.QRCode,
                    text_mode=zxingcpp.TextMode.Plain)
            ]  # fmt: skip
    assert ours >= alone + 4, (ours, alone)


def test_the_camera_path_stays_within_its_budget() -> None:
    """The camera's path never reads more pixels than LIVE_BUDGET allows (work, not time:
    the benchmark says what that costs in ms)."""
    texture = LIVE_BUDGET.likely_pixels + LIVE_BUDGET.texture_pixels
    suspect = LIVE_BUDGET.suspect_pixels
    for seed in range(10):
        report = DECODER.decode(gate_frame("no_code", seed).image)
        assert report.codes == []
        assert 0 < report.pixels <= texture, (seed, report.pixels, report.steps)
    for kind in ("distance", "moire"):  # frames whose code may stay unread
        for seed in SEEDS:
            report = DECODER.decode(gate_frame(kind, seed).image)
            assert report.pixels <= texture + suspect, report.steps
    for seed in range(3):  # stills may do far more on the same picture
        image = gate_frame("no_code", seed).image
        assert DECODER.decode(image, thorough=True).pixels > DECODER.decode(image).pixels


@pytest.mark.parametrize("name", ["motion_blur-24", "motion_blur-1027", "focus_blur-1000"])
def test_a_blur_guessed_from_the_region_is_undone_where_sharpening_fails(name: str) -> None:
    """GuidedDeblur: a smear along the direction the region's edges say, or a defocus
    disc; without it, the camera's path cannot read these frames."""
    kind, seed = name.rsplit("-", 1)
    frame = gate_frame(kind, int(seed))
    without = replace(LIVE_BUDGET, enhancements=tuple(
        e for e in LIVE_BUDGET.enhancements if not isinstance(e, GuidedDeblur)))  # fmt: skip
    assert Decoder(live=without).decode(frame.image).texts == []
    report = DECODER.decode(frame.image)
    assert report.texts == [frame.text]
    assert report.codes[0].reader.startswith("zxing-deblurred-")


def test_the_smear_direction_is_found() -> None:
    """blur_direction: a code smeared at a known angle is found smeared within 20
    degrees of it (pulled towards the code's own axes), and sure of it; a sharp code
    is not."""
    code = cv2.cvtColor(qr_image("direction"), cv2.COLOR_BGR2GRAY)
    for degrees in (0.0, 30.0, 60.0, 90.0, 120.0, 135.0):
        psf = _motion_psf(9, degrees)
        smeared = cv2.filter2D(code, -1, psf, borderType=cv2.BORDER_REPLICATE)
        found, sure = blur_direction(smeared)
        gap = abs((found - degrees + 90) % 180 - 90)
        assert gap <= 20 and sure >= 0.3, (degrees, found, sure)
    assert blur_direction(code)[1] < 0.2


def _iou(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    inter = max(0, x1 - x0) * max(0, y1 - y0)
    return inter / (a[2] * a[3] + b[2] * b[3] - inter)


@pytest.mark.parametrize("kind", ["moire", "focus_blur", "motion_blur", "glare", "plain"])
def test_the_likely_region_is_the_code_itself(kind: str) -> None:
    """likely_region finds the code, not the phone or badge around it (a phone's screen
    grid makes edges all over the screen, but they run one way)."""
    hits = 0
    for seed in SEEDS:
        frame = gate_frame(kind, seed)
        xs, ys = [x for x, _ in frame.quad], [y for _, y in frame.quad]
        code = (int(min(xs)), int(min(ys)), int(max(xs) - min(xs)), int(max(ys) - min(ys)))
        box = likely_region(cv2.cvtColor(frame.image, cv2.COLOR_BGR2GRAY))
        hits += box is not None and _iou(box, code) >= 0.5
    assert hits == len(SEEDS), hits


def test_a_micro_qr_found_inside_a_blurred_code_is_no_read() -> None:
    """zxing-cpp 3's QR family includes Micro QR; on this frame it once "read" 7070, a
    Micro QR it made out of the blurred big code. Only QR model 2 is read."""
    frame = gate_frame("focus_blur", 2021)
    assert DECODER.decode(frame.image, thorough=True).texts in ([], [frame.text])
    buf = io.BytesIO()
    segno.make_micro("7070").save(buf, kind="png", scale=8, border=4)
    micro = cv2.imdecode(np.frombuffer(buf.getvalue(), np.uint8), cv2.IMREAD_GRAYSCALE)
    assert DECODER.decode(micro, thorough=True).codes == []
    assert zxingcpp.read_barcodes(micro)[0].text == "7070"  # a good Micro QR, unread by us
