"""The PIN that lets gate staff leave kiosk mode (until manager roles exist).

Stored as a salted scrypt hash (n=2**16, r=8, p=1; 16-byte salt; the parameters are
kept with the hash, so a file written at the earlier n=2**14 still verifies) in a small JSON file
readable only by its owner (mode 0600), never as the PIN itself. A PIN is 4 to 12
ASCII digits: a kiosk keypad has nothing else.

Guessing is slowed twice: each check costs a scrypt (about 0.2 s and 64 MiB on the
benchmark machine, docs/benchmarks.md), and every ``MAX_FAILURES`` wrong PINs in a row
lock the PIN, right or wrong, for longer each time: ``lockout_for(round)`` is
``LOCKOUT`` doubled per round, at most ``MAX_LOCKOUT``. The failure count (wrong PINs
since the last right one, so the round is ``failures // MAX_FAILURES``) and the
lockout are written to the same file, so restarting the app does not reset them; a
right PIN, or setting a new PIN (``gatekeeper kiosk set-pin``, which needs the
account's files anyway), does. The accounts' sign-in (services/accounts.py) keeps the
same rule.

The caller brings the time (``check(pin, now)``): tests and the GUI inject a clock.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError

MIN_DIGITS = 4
MAX_DIGITS = 12
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)  # the first round's; each further round doubles it
MAX_LOCKOUT = timedelta(hours=24)

# Measured with tests/bench/bench_pin.py (docs/benchmarks.md): 2**16 is about 0.2 s per
# hash on the benchmark machine, 2**17 already 0.45 s, too close to the 0.5 s a sign-in
# may take. Hashes keep their own n, r, p: raising this leaves old ones verifying.
SCRYPT_N = 2**16
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
FORMAT = 1


MAX_SCRYPT_N = 2**20  # a stored n beyond this is not ours (and would take seconds)


def scrypt_maxmem(n: int, r: int, p: int) -> int:
    """The memory scrypt needs for these parameters, with room to spare (hashlib refuses
    to run above `maxmem`; its default, 32 MiB, is below 2**16's 64 MiB)."""
    return 128 * r * (n + p + 2) + 16 * 1024 * 1024


def scrypt(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int = HASH_BYTES) -> bytes:
    """The PIN hash; every PIN check (accounts, kiosk, the dummy one for an unknown
    username) goes through here."""
    if not 1 < n <= MAX_SCRYPT_N:
        raise ValueError(f"scrypt n={n} out of range")
    return hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=scrypt_maxmem(n, r, p)
    )


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return scrypt(pin, salt, n, r, p)


def lockout_for(rounds: int) -> timedelta:
    """How long the `rounds`-th lockout in a row lasts: LOCKOUT, doubled for each round
    after the first, at most MAX_LOCKOUT (5, 10, 20 ... minutes, then 24 hours)."""
    rounds = max(1, rounds)
    if rounds > 20:  # 5 min * 2**19 is far beyond the cap already
        return MAX_LOCKOUT
    longer: timedelta = LOCKOUT * (1 << (rounds - 1))
    return min(longer, MAX_LOCKOUT)


def current_lockout(failures: int) -> timedelta:
    """The lockout of the round `failures` (wrong PINs since the last right one) is in;
    a lock written by the earlier rule, which reset the count to 0, is a first round."""
    return lockout_for(failures // MAX_FAILURES)


def tries_before_lock(failures: int) -> int:
    """Wrong PINs still allowed before the next lockout."""
    return MAX_FAILURES - failures % MAX_FAILURES


def validate_pin(pin: str) -> str:
    """`pin` if it is 4-12 ASCII digits; otherwise a LocalizedError saying what to change."""
    if not (pin.isascii() and pin.isdigit()):
        raise LocalizedError(
            "kiosk_pin_not_digits",
            messages.entry("kiosk_pin.not_digits"),
            {"min": MIN_DIGITS, "max": MAX_DIGITS},
        )
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise LocalizedError(
            "kiosk_pin_length",
            messages.entry("kiosk_pin.length"),
            {"length": len(pin), "min": MIN_DIGITS, "max": MAX_DIGITS},
        )
    return pin


def _aware(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("KioskPin needs a tz-aware time")
    return now


class KioskPin:
    """The kiosk PIN file at `path` (see ``locations.default_kiosk_pin_path()``)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    # --- reading and writing the file -------------------------------------------------------

    def _load(self) -> dict[str, Any] | None:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        try:
            state: dict[str, Any] = json.loads(raw)
            if state.get("format") != FORMAT:
                raise ValueError(f"format {state.get('format')!r}")
            bytes.fromhex(state["salt"])
            bytes.fromhex(state["hash"])
            int(state["n"]), int(state["r"]), int(state["p"]), int(state["failures"])
            if state.get("locked_until"):
                _aware(datetime.fromisoformat(state["locked_until"]))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise LocalizedError(
                "kiosk_pin_file_unreadable",
                messages.entry("kiosk_pin.file_unreadable"),
                {"path": self.path, "problem": exc},
            ) from exc
        return state

    def _save(self, state: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}.tmp")
        data = json.dumps(state, indent=2, sort_keys=True).encode("utf-8")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o600)  # whatever the umask
            os.replace(tmp, self.path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    # --- the API -------------------------------------------------------------------------------

    def is_set(self) -> bool:
        return self._load() is not None

    def set(self, pin: str) -> None:
        """Store a new PIN (4-12 digits), replacing any old one and clearing any lockout."""
        validate_pin(pin)
        salt = secrets.token_bytes(SALT_BYTES)
        self._save(
            {
                "format": FORMAT,
                "kdf": "scrypt",
                "n": SCRYPT_N,
                "r": SCRYPT_R,
                "p": SCRYPT_P,
                "salt": salt.hex(),
                "hash": _hash(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P).hex(),
                "failures": 0,
                "locked_until": None,
            }
        )

    @property
    def locked_until(self) -> datetime | None:
        """When the current lockout ends (None: not locked, or no PIN). May lie in the past."""
        state = self._load()
        if not state or not state.get("locked_until"):
            return None
        return datetime.fromisoformat(state["locked_until"])

    def is_locked(self, now: datetime) -> bool:
        until = self.locked_until
        return until is not None and _aware(now) < until

    def tries_left(self, now: datetime) -> int:
        """Wrong PINs still allowed before the lockout (0 while locked)."""
        state = self._load()
        if state is None:
            return MAX_FAILURES
        if self.is_locked(now):
            return 0
        return tries_before_lock(int(state["failures"]))

    def check(self, pin: str, now: datetime) -> bool:
        """True if `pin` is the PIN and the kiosk is not locked out at `now`.

        A wrong PIN counts a failure; every fifth in a row locks from `now`, for
        ``lockout_for`` the round (5 minutes, then 10, 20 ... at most 24 hours). While
        locked, every PIN is refused and nothing is counted; when a lockout ends the
        count stays, so the next lockout is longer. A right PIN clears the count. With
        no PIN set, raises LocalizedError (``kiosk_pin_not_set``).
        """
        now = _aware(now)
        state = self._load()
        if state is None:
            raise LocalizedError(
                "kiosk_pin_not_set",
                messages.entry("kiosk_pin.not_set"),
            )
        dirty = False
        if state.get("locked_until"):
            until = datetime.fromisoformat(state["locked_until"])
            longest = current_lockout(int(state["failures"]))
            if until - now > longest:
                # The clock was set back: the lockout still ends at most its round's
                # length from now.
                state["locked_until"] = (now + longest).isoformat()
                self._save(state)
                return False
            if now < until:
                return False
            state["locked_until"] = None  # the lockout is over: a fresh set of tries, but
            dirty = True  # the count stays, so the next lockout is the next round's
        ok = (pin.isascii() and pin.isdigit() and len(pin) <= MAX_DIGITS) and hmac.compare_digest(
            _hash(pin, bytes.fromhex(state["salt"]), int(state["n"]), int(state["r"]),
                  int(state["p"])),
            bytes.fromhex(state["hash"]),
        )  # fmt: skip
        if ok:
            if dirty or state["failures"]:
                state["failures"] = 0
                state["locked_until"] = None
                self._save(state)
            return True
        state["failures"] = int(state["failures"]) + 1
        if state["failures"] % MAX_FAILURES == 0:
            rounds = state["failures"] // MAX_FAILURES
            state["locked_until"] = (now + lockout_for(rounds)).isoformat()
        self._save(state)
        return False
