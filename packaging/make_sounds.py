"""Write the outcome sounds to resources/sounds/ (small 16-bit mono WAVs, committed).

    .venv/bin/python packaging/make_sounds.py [--out DIR]

Sine tones with short fades (no clicks), deterministic: running it again writes the
same bytes, and ``tests/ui/test_widgets_outcome_sound.py`` checks the committed files
are what this script makes.

* ``chime_high.wav`` (admitted): one short high chime, C6 with its octave, fading out.
* ``tones_low.wav`` (turned away, quarantined): two low tones, G4 then D4.
"""

from __future__ import annotations

import argparse
import io
import math
import struct
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RATE = 44_100
AMPLITUDE = 0.6  # of full scale: clear, not harsh
FADE_S = 0.008


def _tone(freq: float, seconds: float, *, decay: float = 0.0, overtone: float = 0.0) -> list[float]:
    n = round(RATE * seconds)
    fade = round(RATE * FADE_S)
    samples = []
    for i in range(n):
        t = i / RATE
        value = math.sin(2 * math.pi * freq * t) + overtone * math.sin(4 * math.pi * freq * t)
        value /= 1 + overtone
        envelope = math.exp(-decay * t) if decay else 1.0
        envelope *= min(1.0, i / fade, (n - 1 - i) / fade)
        samples.append(value * envelope)
    return samples


def _silence(seconds: float) -> list[float]:
    return [0.0] * round(RATE * seconds)


SOUNDS = {
    "chime_high": lambda: _tone(1046.5, 0.25, decay=9.0, overtone=0.35),
    "tones_low": lambda: _tone(392.0, 0.14) + _silence(0.06) + _tone(293.7, 0.16),
}


def render(name: str) -> bytes:
    """The WAV file's bytes for sound `name` (a key of SOUNDS)."""
    frames = b"".join(struct.pack("<h", round(s * AMPLITUDE * 32767)) for s in SOUNDS[name]())
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(frames)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "sounds")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in SOUNDS:
        path = args.out / f"{name}.wav"
        path.write_bytes(render(name))
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
