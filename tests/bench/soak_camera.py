"""Soak: the camera pipeline on a looping 1280x720 video at 30 fps for N minutes.

Run: .venv/bin/python tests/bench/soak_camera.py [--minutes 10]
Targets (issue 4): resident memory flat after warm-up (growth < 10 MB), latency from a
frame's capture to its decoded result under 100 ms (no backlog), CPU of the capture +
decode thread recorded. Not part of `run_all.py --quick`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "scanner"))

from scanner_support import place, qr_image, scene, write_video  # noqa: E402

from gatekeeper.scanner.camera import CameraWorker  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def thread_cpu_s(native_id: int) -> float:
    fields = Path(f"/proc/self/task/{native_id}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=30.0, help="Seconds before the baseline.")
    args = parser.parse_args()
    duration = args.minutes * 60
    with tempfile.TemporaryDirectory() as tmp:
        background = scene(seed=9)
        code = qr_image("GKP1.soak.张三", scale=5)
        # 6 s loop: 2 s empty, 2 s code moving, 2 s empty -> one debounced result per loop
        clip = [background] * 60
        clip += [place(background, code, 100 + 8 * i, 120 + 2 * i) for i in range(60)]
        clip += [background] * 60
        video = write_video(Path(tmp) / "soak.avi", clip, fps=30.0)
        native: list[int] = []
        started = threading.Event()

        def on_state(state) -> None:
            if not native:
                native.append(threading.get_native_id())
                started.set()

        worker = CameraWorker(str(video), realtime=True, loop=True, on_state=on_state)
        worker.start()
        started.wait(10)
        t0 = time.monotonic()
        baseline = None
        samples: list[tuple[float, float]] = []
        cpu0 = thread_cpu_s(native[0])
        try:
            while (elapsed := time.monotonic() - t0) < duration:
                time.sleep(min(10.0, max(0.1, duration - elapsed)))
                elapsed = time.monotonic() - t0
                rss = rss_mb()
                if baseline is None and elapsed >= min(args.warmup, duration / 4):
                    baseline = rss
                samples.append((elapsed, rss))
        finally:
            cpu = thread_cpu_s(native[0]) - cpu0
            worker.stop()
    stats = worker.stats
    wall = samples[-1][0] if samples else duration
    growth = samples[-1][1] - baseline if baseline is not None else float("nan")
    lat = sorted(stats.latency_ms) or [float("nan")]
    print(f"soak {wall / 60:.1f} min on a looping 1280x720 video at 30 fps")
    print(f"  frames {stats.frames} ({stats.frames / wall:.1f}/s), results {stats.results}, "
          f"reconnects {stats.reconnects}")  # fmt: skip
    print(f"  RSS after warm-up {baseline:.1f} MB, at end {samples[-1][1]:.1f} MB, "
          f"growth {growth:+.1f} MB (target < 10)")  # fmt: skip
    print(f"  frame->result latency median {statistics.median(lat):.1f} ms, "
          f"max {lat[-1]:.1f} ms (target < 100)")  # fmt: skip
    print(f"  decode median {statistics.median(stats.decode_ms):.2f} ms; capture+decode "
          f"thread CPU {cpu:.1f} s = {100 * cpu / wall:.1f}% of one core")  # fmt: skip


if __name__ == "__main__":
    main()
