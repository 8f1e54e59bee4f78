"""The short sound of an outcome: one high chime for admitted, two low tones otherwise.

The WAVs are committed in ``resources/sounds/`` (``packaging/make_sounds.py`` makes
them). Sound is a courtesy, never a requirement: with no audio output (a kiosk without
speakers, CI off screen), no QtMultimedia backend or libraries (``libpulse0`` on Linux),
or a missing file, ``play()`` does nothing, raises nothing and logs no Qt warning.

QtMultimedia is loaded on first use, not at import: it costs a few hundred ms, which
the start screen should not pay. Call ``prepare()`` once the start screen is shown
(``QTimer.singleShot(0, sound.prepare)``) so the first outcome does not pay it either.
QtMultimedia's backend prints warnings while it looks for libraries and a sound server
(``qt.multimedia.*``, ``PulseAudioService: ...``); those are routed to Python's debug
log during that probe only, everything else passes through untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QtMsgType, QUrl, qFormatLogMessage, qInstallMessageHandler

from gatekeeper.ui.translations import default_resources_dir

log = logging.getLogger(__name__)

# Outcome value (gatekeeper.domain.vocab.Outcome) -> sound file stem; None: silence.
SOUNDS: dict[str, str | None] = {
    "admitted": "chime_high",
    "turned_away": "tones_low",
    "quarantined": "tones_low",
    "abandoned": None,
}
VOLUME = 0.8


def default_sounds_dir() -> Path:
    return default_resources_dir() / "sounds"


def _is_multimedia_noise(context: Any, message: str) -> bool:
    category = getattr(context, "category", None) or ""
    return category.startswith("qt.multimedia") or message.startswith(
        ("PulseAudioService", "QSoundEffect", "PipeWire")
    )


@contextmanager
def quiet_multimedia() -> Iterator[None]:
    """Route QtMultimedia's own messages to the debug log while the block runs."""
    previous: Callable | None = None

    def handler(mode: QtMsgType, context: Any, message: str) -> None:
        if _is_multimedia_noise(context, message):
            log.debug("Qt multimedia: %s", message)
        elif previous is not None:
            previous(mode, context, message)
        else:  # Qt's default handler cannot be called from Python: do what it does.
            import sys

            print(qFormatLogMessage(mode, context, message), file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


class OutcomeSound(QObject):
    """Plays the sound of an outcome; a silent no-op where there is no sound to be had."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        sounds_dir: Path | None = None,
        muted: bool = False,
    ) -> None:
        super().__init__(parent)
        self._sounds_dir = sounds_dir or default_sounds_dir()
        self._muted = muted
        self._prepared = False
        self._multimedia: Any = None  # the QtMultimedia module, once loaded
        self._effects: dict[str, Any] = {}  # stem -> QSoundEffect

    @property
    def muted(self) -> bool:
        return self._muted

    @muted.setter
    def muted(self, value: bool) -> None:
        self._muted = bool(value)
        if self._muted:
            self.stop()

    @property
    def available(self) -> bool:
        """True when there is an audio output to play on (loads QtMultimedia if needed)."""
        self.prepare()
        return bool(self._multimedia) and bool(self._audio_outputs())

    def prepare(self) -> None:
        """Load QtMultimedia and the sounds ahead of the first outcome (idempotent)."""
        if self._prepared:
            return
        self._prepared = True
        try:
            with quiet_multimedia():
                import PySide6.QtMultimedia as QtMultimedia

                self._multimedia = QtMultimedia
                if not self._audio_outputs():
                    log.info("no audio output: outcome sounds are off")
                    return
                for stem in {s for s in SOUNDS.values() if s}:
                    self._effects[stem] = self._make_effect(self._sounds_dir / f"{stem}.wav")
        except ImportError as exc:
            log.info("QtMultimedia not available (%s): outcome sounds are off", exc)
            self._multimedia = None
        except Exception:  # sound must never take the gate down
            log.exception("outcome sounds could not be prepared; they are off")
            self._multimedia = None

    def play(self, outcome: str) -> None:
        """The sound for `outcome` (an Outcome value); unknown values raise ValueError."""
        if outcome not in SOUNDS:
            raise ValueError(f"unknown outcome: {outcome!r}")
        stem = SOUNDS[outcome]
        if self._muted or stem is None:
            return
        self.prepare()
        effect = self._effects.get(stem)
        if effect is None:
            return
        try:
            with quiet_multimedia():
                if not self._audio_outputs():  # the speaker was unplugged
                    return
                self.stop()
                effect.play()
        except Exception:
            log.exception("could not play the %s sound", outcome)

    def stop(self) -> None:
        for effect in self._effects.values():
            if effect is not None and effect.isPlaying():
                effect.stop()

    # --- seams (tests replace these) ------------------------------------------------------

    def _audio_outputs(self) -> list:
        if self._multimedia is None:
            return []
        return list(self._multimedia.QMediaDevices.audioOutputs())

    def _make_effect(self, path: Path) -> Any:
        if not path.is_file():
            log.warning("outcome sound missing: %s (run packaging/make_sounds.py)", path)
            return None
        effect = self._multimedia.QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(path)))
        effect.setVolume(VOLUME)
        return effect
