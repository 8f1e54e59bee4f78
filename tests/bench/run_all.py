"""`make bench`: run every benchmark and print its figures.

Each benchmark measures the real code path and prints a baseline measured in the
same run, so the ratio means something on a noisy machine. Record the output in
docs/benchmarks.md with the date and the machine.

    python tests/bench/run_all.py            # full size (1,000,000-record ledger)
    python tests/bench/run_all.py --quick    # small sizes, a smoke run
"""

from __future__ import annotations

import platform
import subprocess
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

BENCHMARKS: list[tuple[str, list[str], list[str] | None]] = [
    # (script, full-size arguments, quick arguments; None: not in the quick run)
    ("bench_ledger.py", ["--records", "1000000"], ["--records", "20000", "--appends", "200"]),
    ("bench_simulate.py", ["--days", "30", "--people", "400"], ["--days", "3", "--people", "60"]),
    ("bench_scanner.py", [], ["--quick"]),
    ("bench_gate_frames.py", [], ["--quick"]),
    ("bench_exports.py", [], ["--screenings", "1000", "--records", "20000"]),
    ("bench_kiosk.py", ["--starts", "5", "--reps", "20"], ["--starts", "2", "--reps", "3"]),
    ("bench_pin.py", [], ["--reps", "2", "--max-log2", "16"]),
    ("bench_hub.py", ["--kiosks", "10", "--people", "400", "--figures-records", "10000000"],
     ["--kiosks", "3", "--people", "60", "--figures-records", "100000"]),
    ("soak_kiosk.py", ["--screenings", "1000"], None),  # about a minute
]


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    print(f"GateKeeper benchmarks, {datetime.now():%Y-%m-%d %H:%M}")
    print(f"machine: {platform.machine()}, {platform.processor() or '?'}, "
          f"python {platform.python_version()}, {platform.platform()}")
    failed = 0
    for script, full, small in BENCHMARKS:
        if quick and small is None:
            continue
        print(f"\n== {script} ==", flush=True)
        args = small if quick and small is not None else full
        done = subprocess.run([sys.executable, str(HERE / script), *args])
        failed += done.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
