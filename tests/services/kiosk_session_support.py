"""A kiosk session without a display: a recording `Display`, a real ledger in tmp_path,
and the ways a ledger write really fails (SQLite's own errors, injected at the write)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from services_support import Gate, png_bytes, resident_id

from gatekeeper.domain.vocab import CertificateKind
from gatekeeper.ledger import Ledger
from gatekeeper.ledger.schema import BUSY_TIMEOUT_MS
from gatekeeper.services.kiosk import KioskSession, OutcomeView, Page, Say

PERSON = {
    "name": "张伟",
    "id_type": "resident_id",
    "id_number": resident_id(),
    "phone": "13800138000",
    "employer": "中牟建设集团",
    "role": "钢筋工",
    "coming_from": "河南省周口市",
    "recent_stays": "",
}


@dataclass
class Screen:
    """Records what the session shows, as a window would."""

    page: Page | None = None
    state: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, Say] = field(default_factory=dict)  # field ("" = the page) → text
    outcomes: list[OutcomeView] = field(default_factory=list)
    recorded_count: int = 0
    timers: dict[str, bool] = field(default_factory=dict)
    shown: list[Page] = field(default_factory=list)

    def show(self, page: Page, state: dict[str, Any]) -> None:
        self.page, self.state, self.errors = page, dict(state), {}
        self.shown.append(page)

    def update(self, page: Page, state: dict[str, Any]) -> None:
        assert page is self.page, f"update of {page} while {self.page} is shown"
        self.state.update(state)

    def field_error(self, page: Page, field: str, message: Say | None) -> None:
        if message is None:
            if field == "":
                self.errors.clear()
            else:
                self.errors.pop(field, None)
        else:
            self.errors[field] = message

    def outcome(self, view: OutcomeView) -> None:
        self.outcomes.append(view)

    def recorded(self) -> None:
        self.recorded_count += 1

    def rest_timer(self, running: bool) -> None:
        self.timers["rest"] = running

    def outcome_timer(self, running: bool) -> None:
        self.timers["outcome"] = running

    def error(self, lang: str = "en", field: str = "") -> str:
        say = self.errors.get(field)
        return say(lang) if say is not None else ""


def new_session(gate: Gate, **kwargs: Any) -> tuple[KioskSession, Screen]:
    screen = Screen()
    return KioskSession(gate.service, screen, **kwargs), screen


# --- walking a first-time worker through the plain calls -------------------------------

def do_step(session: KioskSession, page: Page) -> None:
    """Staff's valid input for the page in view."""
    if page is Page.CERTIFICATE:
        session.submit_certificate(CertificateKind.HEALTH_CERTIFICATE.value, "HC-0042",
                                   "2020-12-31")
    elif page is Page.TEMPERATURE:
        session.submit_temperature("36.5")
    elif page is Page.DISINFECTION:
        session.submit_disinfection(bool(session.screening.role == "driver"))
    elif page is Page.REGISTRATION:
        session.submit_registration(dict(PERSON))
    elif page is Page.QR_SCAN:  # the colour staff see, for the scan in turn
        current = session.screening.current_step and session._scan_state(
            session.screening)["current"]
        session.submit_scan(current.value, "ok")
    elif page is Page.PLEDGE:
        session.submit_signature(png_bytes())
    elif page is Page.NOTICE:
        session.submit_notice()
    else:
        raise AssertionError(f"no input for {page}")


# --- failures, as SQLite gives them ----------------------------------------------------

class _FaultyConnection:
    """The ledger's own connection, except that statements that write fail as SQLite
    fails on a full disk (the error SQLite raises, through the ledger's own handling)."""

    WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")

    def __init__(self, conn: sqlite3.Connection, message: str, only: str = "") -> None:
        self._conn = conn
        self._message = message
        self._only = only  # fail only writes that name this table ("" = every write)

    def _check(self, sql: str) -> None:
        text = sql.lstrip().upper()
        if text.startswith(self.WRITES) and self._only.upper() in text:
            raise sqlite3.OperationalError(self._message)

    def execute(self, sql: str, *args: Any) -> Any:
        self._check(sql)
        return self._conn.execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        self._check(sql)
        return self._conn.executemany(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


@contextmanager
def disk_full(ledger: Ledger, only: str = "") -> Iterator[None]:
    real = ledger._conn
    ledger._conn = _FaultyConnection(  # type: ignore[assignment]
        real, "database or disk is full", only)
    try:
        yield
    finally:
        ledger._conn = real


@contextmanager
def locked(ledger: Ledger) -> Iterator[None]:
    """Another program holds the write lock (a real second connection)."""
    other = sqlite3.connect(ledger.path, isolation_level=None)
    ledger._conn.execute("PRAGMA busy_timeout=20")
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()
        ledger._conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


@contextmanager
def read_only(ledger: Ledger) -> Iterator[None]:
    """SQLite refuses every write on this connection (as on a read-only file or mount;
    chmod would not stop root, who runs the tests in CI)."""
    ledger._conn.execute("PRAGMA query_only=ON")
    try:
        yield
    finally:
        ledger._conn.execute("PRAGMA query_only=OFF")


FAILURES = {"disk_full": disk_full, "locked": locked, "read_only": read_only}
EXPECTED = {  # what the page says, in each language
    "disk_full": ("disk holding the ledger", "磁盘已满"),
    "locked": ("locked by another program", "锁定"),
    "read_only": ("cannot be written", "无法写入"),
}
