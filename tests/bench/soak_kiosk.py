"""Soak: a kiosk's day and more, N screenings through the GUI in one process.

Run: .venv/bin/python tests/bench/soak_kiosk.py [--screenings 1000]
Targets (issue 3): resident memory flat after warm-up (growth < 20 MB after the first
100 screenings), no leaked widgets or timers, peak RSS < 400 MB.

The real MainWindow on a real ledger in a temp dir, a stepping clock, driven with clicks
and keys as tests/ui/kiosk_support.py drives it (the same `Kiosk` class). The mix
(seeded): mostly returning workers (passes issued after their first admission),
first-time workers, visitors, fevers -> rest -> re-measure -> quarantine, abandons,
no certificate, now and then a goods vehicle with a passenger, and a language switch
every 100 screenings. Rest countdowns are driven (clock.advance + tick_rest) and the
outcome screen is left by its timer (timeout emitted) or a key, in turns: nothing waits
for real time. After each screening the event loop turns once (paints, deferred
deletes), as the kiosk's would between people. Every 50 screenings: RSS
(/proc/self/statm), live QWidgets (QApplication.allWidgets), QTimers (the window's
children, and a gc scan for QTimer wrappers), the window's QObject children, Python
objects.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "ui"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_kiosk import MANAGER, Bot, person, returning  # noqa: E402
from kiosk_support import START, Kiosk  # noqa: E402
from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gatekeeper.domain.vocab import Channel  # noqa: E402
from gatekeeper.services.clock import SteppingClock  # noqa: E402
from gatekeeper.ui.flow import Page  # noqa: E402
from gatekeeper.ui.translations import (  # noqa: E402
    LanguageSwitcher,
    default_resources_dir,
    ensure_compiled,
)

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
MIX = {  # kind: weight (percent)
    "returning": 60,
    "first_time": 14,
    "visitor": 10,
    "fever": 4,
    "abandon": 5,
    "no_certificate": 4,
    "vehicle": 3,
}


def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * PAGE_SIZE / 2**20


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def spin() -> None:
    """One turn of a real event loop: posted events, paints, deferred deletes."""
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()


class Soak:
    def __init__(self, kiosk: Kiosk, rng: random.Random) -> None:
        self.k = kiosk
        self.rng = rng
        self.next_person = 0
        self.pool: list[str] = []  # ID numbers of workers with a pass
        self.done: dict[str, int] = dict.fromkeys(MIX, 0)
        self.outcomes: dict[str, int] = {}

    def new_person(self) -> dict[str, str]:
        self.next_person += 1
        return person(self.next_person)

    def screen(self, n: int) -> None:
        k = self.k
        k.clock.advance(seconds=self.rng.randint(30, 240))
        if n % 100 == 99:  # now and then the other language for a while
            k.click(k.window.language_button)
        kind = self.rng.choices(list(MIX), weights=list(MIX.values()))[0]
        if kind == "returning" and not self.pool:
            kind = "first_time"
        getattr(self, kind)()
        assert k.at() is Page.OUTCOME, (kind, k.at())
        outcome = str(k.page().property("outcome"))
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1
        self.done[kind] += 1
        if n % 2:
            k.flow.outcome_timer.timeout.emit()  # the outcome's timer ran out
        else:
            k.key(Qt.Key.Key_Space, k.page())  # staff pressed a key
        assert k.at() is Page.START, k.at()
        spin()

    # --- the kinds of screening ------------------------------------------------------------

    def returning(self) -> None:
        returning(self.k, self.rng.choice(self.pool))

    def first_time(self) -> None:
        who = self.new_person()
        self.k.first_time(Channel.WORKER, scans=3, **who)
        service, ledger = self.k.session.service, self.k.ledger
        found = ledger.find_person("resident_id", who["id_number"])
        service.issue_pass(found.person_id, by=MANAGER)
        self.pool.append(who["id_number"])

    def visitor(self) -> None:
        self.k.first_time(Channel.VISITOR, scans=2, **{**self.new_person(), "role": "供应商"})

    def fever(self) -> None:
        k = self.k
        k.channel(Channel.WORKER)
        k.certificate()
        for reading in ("38.2", "38.1", "38.0"):
            k.temperature(reading)
            k.clock.advance(seconds=301)
            k.flow.tick_rest()
        assert k.at() is Page.QUARANTINE_REGISTRATION
        page = k.page()
        k.fill(page, self.new_person())
        k.enter(page.edits["coming_from"])

    def abandon(self) -> None:
        k = self.k
        k.channel(self.rng.choice([Channel.WORKER, Channel.VISITOR]))
        k.certificate()
        if self.rng.random() < 0.5:
            k.key(Qt.Key.Key_Escape)
        else:
            k.click(k.page().abandon_button)
        k.answer(True)

    def no_certificate(self) -> None:
        k = self.k
        k.channel(Channel.WORKER)
        k.click(k.page(Page.CERTIFICATE).kind_buttons[""])
        k.enter()

    def vehicle(self) -> None:
        k = self.k
        k.channel(Channel.VEHICLE)
        k.type(k.page(Page.PLATE).plate_edit, "豫A12345")
        k.enter()
        k.certificate()
        k.temperature()
        k.disinfection(vehicle_too=True)
        k.registration(role="司机", **{"id_number": self.new_person()["id_number"]})
        k.scans(2)
        k.pledge()
        k.notice()
        k.click(k.page(Page.VEHICLE_NEXT).add_button)
        k.certificate()
        k.temperature()
        k.disinfection()
        k.registration(role="押运员", **{"id_number": self.new_person()["id_number"]})
        k.scans(2)
        k.pledge()
        k.notice()
        assert k.at() is Page.VEHICLE_NEXT
        k.enter()


def qtimers_in_gc() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, QTimer))


def sample(n: int, window: QObject, t0: float) -> dict[str, float]:
    spin()
    gc.collect()
    return {
        "n": n,
        "s": time.perf_counter() - t0,
        "rss": rss_mb(),
        "widgets": len(QApplication.allWidgets()),
        "timers": len(window.findChildren(QTimer)),
        "gc_timers": qtimers_in_gc(),
        "qobjects": len(window.findChildren(QObject)),
        "pyobjects": len(gc.get_objects()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenings", type=int, default=1000)
    parser.add_argument("--every", type=int, default=50, help="Sample every N screenings.")
    parser.add_argument("--warmup", type=int, default=100, help="Screenings before the baseline.")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication(sys.argv[:1])
    resources = default_resources_dir()
    ensure_compiled(resources)
    languages = LanguageSwitcher(app, resources / "i18n")
    languages.set_language("en")
    rss_start = rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        kiosk = Kiosk(Bot(), languages, Path(tmp) / "gate.db", SteppingClock(START))
        kiosk.window.sound = None  # the real OutcomeSound, made at the first outcome
        soak = Soak(kiosk, random.Random(args.seed))
        t0 = time.perf_counter()
        samples = [sample(0, kiosk.window, t0)]
        try:
            for n in range(1, args.screenings + 1):
                soak.screen(n)
                if n % args.every == 0 or n == args.screenings:
                    samples.append(sample(n, kiosk.window, t0))
        finally:
            wall = time.perf_counter() - t0
            passages = len(kiosk.passages())
            kiosk.close()

    print(f"soak: {args.screenings} screenings through the GUI in {wall:.0f} s "
          f"({1000 * wall / args.screenings:.0f} ms each incl. sampling); {passages} passages")
    print(f"  mix: {', '.join(f'{k} {v}' for k, v in soak.done.items())}")
    print(f"  outcomes: {', '.join(f'{k} {v}' for k, v in sorted(soak.outcomes.items()))}")
    print(f"  RSS before the window {rss_start:.1f} MB")
    cols = ("n", "s", "rss", "widgets", "timers", "gc_timers", "qobjects", "pyobjects")
    print("  " + "".join(f"{c:>10}" for c in cols))
    for s in samples:
        print("  " + "".join(f"{s[c]:>10.1f}" if c in ("s", "rss") else f"{s[c]:>10.0f}"
                             for c in cols))
    base = next((s for s in samples if s["n"] >= args.warmup), samples[0])
    last = samples[-1]
    after = [s for s in samples if s["n"] >= base["n"]]
    growth = last["rss"] - base["rss"]
    peak = peak_mb()
    checks = {
        f"RSS growth after warm-up ({base['n']:.0f}) {growth:+.1f} MB < 20 MB": growth < 20,
        "widgets stable after warm-up "
        f"({min(s['widgets'] for s in after):.0f}..{max(s['widgets'] for s in after):.0f})":
            len({s["widgets"] for s in after}) == 1,
        "timers stable after warm-up (window children "
        f"{min(s['timers'] for s in after):.0f}..{max(s['timers'] for s in after):.0f}, gc "
        f"{min(s['gc_timers'] for s in after):.0f}..{max(s['gc_timers'] for s in after):.0f})":
            len({(s["timers"], s["gc_timers"]) for s in after}) == 1,
        f"peak RSS (VmHWM) {peak:.1f} MB < 400 MB": peak < 400,
    }
    for text, ok in checks.items():
        print(f"  {'PASS' if ok else 'FAIL'}  {text}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
