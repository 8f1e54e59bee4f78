"""PIN hashing benchmark: milliseconds per scrypt hash for several costs N (r=8, p=1).

Run: .venv/bin/python tests/bench/bench_pin.py [--reps 5] [--max-log2 18]
A sign-in costs one scrypt (an unknown username a dummy one of the same cost), so the
chosen N (kiosk_pin.SCRYPT_N) must keep a hash under the 0.5 s budget on the kiosk;
the whole `sign_in` through a real ledger is measured too. The baseline, measured in
the same run, is one SHA-256 of 1 MiB: compare ratios on a noisy machine.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.ledger import Ledger
from gatekeeper.services import accounts as acc
from gatekeeper.services.kiosk_pin import SCRYPT_N, SCRYPT_P, SCRYPT_R, scrypt_maxmem

BUDGET_MS = 500.0


def _ms(fn, reps: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--min-log2", type=int, default=14)
    parser.add_argument("--max-log2", type=int, default=18)
    args = parser.parse_args()
    block = b"x" * (1 << 20)
    base, _ = _ms(lambda: hashlib.sha256(block).digest(), 50)
    print(f"baseline: sha256 of 1 MiB {base:.2f} ms")
    print(f"{'N':>10} {'memory':>8} {'median ms':>10} {'max ms':>8} {'x baseline':>10}")
    for log2 in range(args.min_log2, args.max_log2 + 1):
        n = 2**log2

        def one(n: int = n) -> None:
            hashlib.scrypt(b"123456", salt=b"s" * 16, n=n, r=SCRYPT_R, p=SCRYPT_P, dklen=32,
                           maxmem=scrypt_maxmem(n, SCRYPT_R, SCRYPT_P))  # fmt: skip

        median, worst = _ms(one, args.reps)
        mib = 128 * SCRYPT_R * n // (1 << 20)
        mark = "  <- SCRYPT_N" if n == SCRYPT_N else ""
        print(f"{'2^' + str(log2):>10} {mib:>6}Mi {median:>10.1f} {worst:>8.1f} "
              f"{median / base:>10.0f}{mark}")  # fmt: skip
    now = datetime(2026, 1, 5, 8, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp, Ledger.open(Path(tmp) / "l.db") as ledger:
        acc.create_first_manager(ledger, username="boss", display_name="boss", pin="246810",
                                 now=now)  # fmt: skip
        ok, ok_max = _ms(lambda: acc.sign_in(ledger, "boss", "246810", now), args.reps)

        def unknown() -> None:
            with contextlib.suppress(LocalizedError):  # the refusal is the point
                acc.sign_in(ledger, "nobody", "246810", now)

        miss, miss_max = _ms(unknown, args.reps)
    print(f"sign_in (right PIN, N=2^{SCRYPT_N.bit_length() - 1}): median {ok:.1f} ms, "
          f"max {ok_max:.1f} ms; unknown username: median {miss:.1f} ms, max {miss_max:.1f} ms")
    verdict = "within" if ok_max < BUDGET_MS else "OVER"
    print(f"budget {BUDGET_MS:.0f} ms per sign-in: {verdict}")
    return 0 if ok_max < BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
