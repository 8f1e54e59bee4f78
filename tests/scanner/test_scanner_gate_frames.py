"""The decoder on generated gate frames (gate_frames.py): what it reads, what it never
misreads, and the work budget of the camera's path (counted in reads, never timed)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import zxingcpp
from gate_frames import CLASSES, CODE_CLASSES, gate_frame, gate_frames

from gatekeeper.scanner.decoder import LIVE_BUDGET, STILL_BUDGET, Decoder

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
    still = DECODER.decode(gate_frame("no_code", 0).image, thorough=True)
    assert still.pixels > texture  # stills may do far more


def test_stills_deconvolve_a_blur_that_sharpening_cannot_undo() -> None:
    frame = gate_frame("focus_blur", 0)
    no_deblur = Decoder(still=replace(STILL_BUDGET, deblur=()))
    assert no_deblur.decode(frame.image, thorough=True).texts == []
    report = DECODER.decode(frame.image, thorough=True)
    assert report.texts == [frame.text] and report.steps[-1] == "zxing-deblurred"
    assert DECODER.decode(frame.image).texts == []  # the camera's path has no deblur
