"""Outcome sounds: valid short WAVs, the right sound per outcome, silence without a device."""

from __future__ import annotations

import importlib.util
import sys
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning

from gatekeeper.ui.widgets.outcome_sound import (
    SOUNDS,
    OutcomeSound,
    default_sounds_dir,
    quiet_multimedia,
)

ROOT = Path(__file__).resolve().parents[2]


def _make_sounds_module():
    spec = importlib.util.spec_from_file_location("make_sounds", ROOT / "packaging/make_sounds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("stem", sorted({s for s in SOUNDS.values() if s}))
def test_wav_files_are_valid_and_short(stem: str) -> None:
    path = default_sounds_dir() / f"{stem}.wav"
    with wave.open(str(path), "rb") as wav:
        assert wav.getnchannels() == 1
        assert wav.getsampwidth() == 2
        seconds = wav.getnframes() / wav.getframerate()
    assert 0.150 <= seconds <= 0.400, seconds
    assert path.stat().st_size < 64_000
    # The committed file is what the script makes (it was not edited by hand).
    assert path.read_bytes() == _make_sounds_module().render(stem)


def test_no_audio_device_is_a_silent_no_op(qapp) -> None:
    """Off screen in CI there is no sound server: nothing fails, no Qt warning is logged.

    (pytest-qt fails this test on any Qt warning: qt_log_level_fail = WARNING.)
    """
    sound = OutcomeSound()
    for outcome in ("admitted", "turned_away", "quarantined", "abandoned"):
        sound.play(outcome)
    if sound.available:
        pytest.skip("this machine has an audio output")
    assert not [e for e in sound._effects.values() if e is not None]


def test_no_qtmultimedia_is_a_silent_no_op(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import fails
    sound = OutcomeSound()
    sound.play("admitted")
    assert not sound.available


class FakeEffect:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.plays = 0
        self.playing = False

    def play(self) -> None:
        self.plays += 1
        self.playing = True

    def stop(self) -> None:
        self.playing = False

    def isPlaying(self) -> bool:
        return self.playing


class FakeDeviceSound(OutcomeSound):
    """An OutcomeSound on a machine with one audio output; effects are recorded."""

    def __init__(self, *args, **kwargs) -> None:
        self.outputs: list = [object()]
        super().__init__(*args, **kwargs)

    def _audio_outputs(self) -> list:
        return self.outputs

    def _make_effect(self, path: Path) -> FakeEffect:
        assert path.is_file()
        return FakeEffect(path)


def test_each_outcome_plays_its_sound(qapp) -> None:
    sound = FakeDeviceSound()
    assert sound.available
    chime, low = sound._effects["chime_high"], sound._effects["tones_low"]
    sound.play("admitted")
    assert (chime.plays, low.plays) == (1, 0)
    sound.play("turned_away")
    sound.play("quarantined")
    assert (chime.plays, low.plays) == (1, 2)
    assert not chime.playing  # a new sound stops the one still playing
    sound.play("abandoned")  # silence
    assert (chime.plays, low.plays) == (1, 2)
    with pytest.raises(ValueError):
        sound.play("admited")


def test_muted_plays_nothing(qapp) -> None:
    sound = FakeDeviceSound(muted=True)
    assert sound.muted
    sound.play("admitted")
    sound.prepare()
    assert sound._effects["chime_high"].plays == 0
    sound.muted = False
    sound.play("admitted")
    assert sound._effects["chime_high"].plays == 1
    sound.muted = True
    assert not sound._effects["chime_high"].playing


def test_unplugged_speaker_is_silence(qapp) -> None:
    sound = FakeDeviceSound()
    sound.prepare()
    sound.outputs = []
    sound.play("admitted")
    assert sound._effects["chime_high"].plays == 0


def test_missing_sound_files_are_silence(qapp, tmp_path: Path, caplog) -> None:
    sound = FakeDeviceSound(sounds_dir=tmp_path)
    sound._make_effect = lambda path: None  # what the real one returns for a missing file
    sound.play("admitted")
    assert sound._effects["chime_high"] is None


@pytest.mark.qt_log_ignore("not multimedia")
def test_quiet_multimedia_lets_other_messages_through(qtlog) -> None:
    with quiet_multimedia():
        qWarning("not multimedia")
    assert [r.message for r in qtlog.records] == ["not multimedia"]
