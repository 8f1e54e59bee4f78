"""The decoder on hard gate frames: read rate, misreads and time per degradation class.

Run: .venv/bin/python tests/bench/bench_gate_frames.py [--per-class N] [--quick]

Frames: tests/scanner/gate_frames.py (seeded 1280x720 phone screens and badges, one class
per degradation, and frames without a code). Each frame goes through
- the camera's per-frame path (`Decoder.decode(frame)`, what `CameraWorker` runs and
  `gatekeeper decode --live` runs), and
- the thorough path for stills (`Decoder.decode(frame, thorough=True)`, `gatekeeper decode`);
and the ZXing corpus (../shared/bench/qr-zxing) through both.
Times: the fastest of --repeat runs per frame (3), then p50/p95 over the frames.
Same-run baseline: zxing-cpp alone (`read_barcodes` on the whole frame, default options):
the ratio is what the decoder's extra work costs on this machine now.

Frames: seeds 2000-2059 by default; the decoder was tuned on seeds 0-29 and 1000-1029.

Targets (issue 12): >= 97 % with 0 misreads as stills, >= 95 % through the per-frame path,
>= 96 % of the corpus; per-frame path: no code <= 8 ms p95, a code it cannot read <= 30 ms p95.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "scanner"))

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import zxingcpp  # noqa: E402
from gate_frames import CLASSES, gate_frames  # noqa: E402
from scanner_support import CORPUS, corpus_pictures  # noqa: E402

from gatekeeper.scanner.decoder import Decoder  # noqa: E402


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass
class Tally:
    n: int = 0
    read: int = 0
    misread: int = 0
    ms: list[float] = field(default_factory=list)
    missed_ms: list[float] = field(default_factory=list)  # frames with a code not read

    def add(self, expected: str | None, found: list[str], ms: float) -> None:
        self.n += 1
        self.ms.append(ms)
        if expected is None:
            self.misread += bool(found)  # a code "read" where there is none
            return
        if expected in found:
            self.read += 1
        else:
            self.missed_ms.append(ms)
            self.misread += bool(found)

    def row(self, name: str, has_code: bool = True) -> str:
        rate = f"{self.read}/{self.n} {100 * self.read / max(1, self.n):5.1f}%" if has_code \
            else f"{'-':>13}"  # fmt: skip
        missed = f"{pct(self.missed_ms, 0.95):8.1f}" if self.missed_ms else f"{'-':>8}"
        return (f"  {name:<13}{rate:>14}{self.misread:>9}{pct(self.ms, 0.5):>9.2f}"
                f"{pct(self.ms, 0.95):>9.2f}{missed}")  # fmt: skip


HEADER = (f"  {'class':<13}{'read':>14}{'misread':>9}{'p50 ms':>9}{'p95 ms':>9}"
          f"{'miss p95':>8}")  # fmt: skip


REPEAT = 3  # each frame is timed this often and its fastest time kept (--repeat)


def timed(read: Callable[[np.ndarray], list[str]], image: np.ndarray) -> tuple[list[str], float]:
    """What `read` found, and its fastest time over REPEAT runs: on a machine shared with
    other work, the fastest run is the frame's own cost, the others add the neighbours'."""
    best = float("inf")
    found: list[str] = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        found = read(image)
        best = min(best, (time.perf_counter() - start) * 1000)
    return found, best


def zxing_alone(image: np.ndarray) -> list[str]:
    found = zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormat.QRCode, text_mode=zxingcpp.TextMode.Plain
    )
    return [b.text for b in found]


def run(per_class: int, seed: int, corpus: bool) -> None:
    decoder = Decoder()
    paths: dict[str, Callable[[np.ndarray], list[str]]] = {
        "per-frame (camera, decode --live)": lambda im: decoder.decode(im).texts,
        "thorough (stills, decode)": lambda im: decoder.decode(im, thorough=True).texts,
        "baseline: zxing-cpp alone": zxing_alone,
    }
    tallies: dict[str, dict[str, Tally]] = {p: {c: Tally() for c in CLASSES} for p in paths}
    made = time.perf_counter()
    frames = list(gate_frames(per_class, seed))
    print(f"gate frames: {len(frames)} (1280x720, {per_class} per class, seeds {seed}-"
          f"{seed + per_class - 1}), made in {time.perf_counter() - made:.1f} s")  # fmt: skip
    for frame in frames:
        for path, read in paths.items():
            found, ms = timed(read, frame.image)
            tallies[path][frame.kind].add(frame.text, found, ms)
    for path, by_class in tallies.items():
        print(f"\n{path}:")
        print(HEADER)
        with_code = Tally()
        for kind, tally in by_class.items():
            print(tally.row(kind, kind != "no_code"))
            if kind != "no_code":
                with_code.n += tally.n
                with_code.read += tally.read
                with_code.misread += tally.misread
                with_code.ms += tally.ms
                with_code.missed_ms += tally.missed_ms
        print(with_code.row("all codes"))
    base = statistics.median(tallies["baseline: zxing-cpp alone"]["no_code"].ms)
    live = tallies["per-frame (camera, decode --live)"]
    print(f"\nper-frame path vs zxing-cpp alone (median, no code): "
          f"{statistics.median(live['no_code'].ms):.2f} / {base:.2f} ms = "
          f"{statistics.median(live['no_code'].ms) / base:.2f}x")  # fmt: skip
    hd = [cv2.resize(f.image, (1920, 1080), interpolation=cv2.INTER_LINEAR)
          for f in frames if f.kind == "no_code"]  # fmt: skip
    hd_live = [timed(paths["per-frame (camera, decode --live)"], im)[1] for im in hd]
    hd_base = [timed(zxing_alone, im)[1] for im in hd]
    print(f"no code at 1920x1080 (the no_code frames resized), per-frame path: p50 "
          f"{pct(hd_live, 0.5):.2f} ms, p95 {pct(hd_live, 0.95):.2f} ms; zxing-cpp alone "
          f"p50 {pct(hd_base, 0.5):.2f} ms, p95 {pct(hd_base, 0.95):.2f} ms")  # fmt: skip
    if corpus:
        run_corpus(decoder)


def run_corpus(decoder: Decoder) -> None:
    def read(image: np.ndarray, *, thorough: bool) -> list[str]:
        return decoder.decode(image, thorough=thorough).texts

    if not CORPUS.is_dir():
        print(f"\ncorpus: SKIPPED, not found at {CORPUS}")
        return
    items = corpus_pictures()
    print(f"\nZXing corpus ({len(items)} images, {CORPUS}):")
    print(HEADER)
    for name, thorough in (("per-frame", False), ("thorough", True)):
        tally = Tally()
        for image, expected in items:
            found, ms = timed(partial(read, thorough=thorough), image)
            tally.add(expected, found, ms)
        print(tally.row(name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-class", type=int, default=60, help="Frames per class (60).")
    parser.add_argument("--seed", type=int, default=2000,
                        help="First seed (2000: the decoder was tuned on 0-29 and 1000-1029).")
    parser.add_argument("--repeat", type=int, default=3,
                        help="Time each frame this often, keep the fastest (3).")
    parser.add_argument("--quick", action="store_true",
                        help="8 frames per class, timed once, no corpus.")
    args = parser.parse_args()
    global REPEAT
    REPEAT = 1 if args.quick else max(1, args.repeat)
    run(8 if args.quick else args.per_class, args.seed, corpus=not args.quick)


if __name__ == "__main__":
    main()
