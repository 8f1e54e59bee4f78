"""Crash-test helper: append records forever, printing each uuid only after append returned.

Run as a subprocess by test_ledger_crash.py and killed with SIGKILL at random moments.
Usage: python crash_writer.py LEDGER_PATH
"""

from __future__ import annotations

import itertools
import sys
from datetime import UTC, datetime

from gatekeeper.ledger import Ledger, NewRecord


def main() -> None:
    path = sys.argv[1]
    with Ledger.open(path, kiosk_id="crash-kiosk") as ledger:
        for i in itertools.count():
            now = datetime.now(UTC)
            rec = NewRecord(
                kind="person" if i % 4 == 0 else "passage",
                at=now,
                day=now.date().isoformat(),
                body={"i": i, "note": "崩溃测试"},
                personal={"name": f"测试{i}", "sig": b"\x89PNG" * 8} if i % 2 == 0 else None,
                person_id=f"p{i % 7}",
                outcome="admitted",
            )
            if i % 5 == 4:
                ledger.save_draft(f"d{i}", {"i": i})
                stored = ledger.append_all(
                    [rec, rec.__class__(**{**rec.__dict__, "personal": None})],
                    discard_draft=f"d{i}",
                )
            else:
                stored = [ledger.append(rec)]
            for s in stored:
                sys.stdout.write(s.uuid + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
