"""One sync of a kiosk's ledger with its site hub: push its own records, then pull.

Shared by `gatekeeper sync` and the kiosk's background sync, so the rules live here:

* **The hub is the anchor.** Before sending anything, the hub's newest record of this
  kiosk must be in the ledger with the same hash. If the hub holds more of this kiosk
  than the ledger (restored from an old backup, a copied disk that the other copy
  already synced) or another record at that place (rewritten, or a copy that went its
  own way), the kiosk is refused, naming kiosk and sequence, and nothing is sent.
* **Push** sends the records above the hub's head in batches, one transaction each:
  a batch is on the hub whole or not at all, so a kill or a lost connection mid-push
  resumes from the hub's head next time: none lost, none twice.
* **Pull** takes every other kiosk's records after the last pulled hub position,
  checked against the local chains (ledger.replica), with the position saved in the
  same transaction as the records.
* PINs: each kiosk sends the PIN hashes of its accounts; the newest PIN of an account
  (by the chained record that set it) wins everywhere. Lockouts stay per kiosk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import system_lang
from gatekeeper.hub.client import Hub
from gatekeeper.hub.errors import (
    BehindError,
    ConflictError,
    DivergedError,
    HubError,
    HubRefusedError,
    KioskUnknownError,
    PulledBrokenError,
)
from gatekeeper.ledger import Ledger, LedgerError
from gatekeeper.ledger.replica import ChainMismatch

BATCH = 500


@dataclass(frozen=True)
class SyncResult:
    """One sync's figures; `waiting` = this kiosk's records not on the hub yet."""

    kiosk: str
    pushed: int
    pulled: int
    waiting: int
    hub: str
    kiosks: int

    def as_json(self) -> dict[str, Any]:
        return {"kiosk": self.kiosk, "pushed": self.pushed, "pulled": self.pulled,
                "waiting": self.waiting, "hub": self.hub, "ok": True}  # fmt: skip


def own_head(ledger: Ledger) -> int:
    """This kiosk's newest sequence in its own ledger."""
    return next((k.kiosk_seq for k in ledger.head().kiosks if k.kiosk_id == ledger.kiosk_id), 0)


def waiting(ledger: Ledger) -> int:
    """Records of this kiosk the hub did not have at the last contact."""
    pushed = int(ledger.sync_state().get("pushed", "0") or 0)
    return max(own_head(ledger) - pushed, 0)


def _checked_start(ledger: Ledger, hub: Hub) -> int:
    """The sequence after which to push (the hub's head of this kiosk), or refuse."""
    kiosk, db = ledger.kiosk_id, str(ledger.path)
    if not hub.kiosk_known(kiosk):
        raise KioskUnknownError(kiosk=kiosk, db=db)
    head = hub.head_of(kiosk)
    if head is None:
        return 0
    local = own_head(ledger)
    if head.kiosk_seq > local:
        raise BehindError(kiosk=kiosk, seq=head.kiosk_seq, local=local, db=db)
    if ledger.hash_at(kiosk, head.kiosk_seq) != head.hash:
        raise DivergedError(kiosk=kiosk, seq=head.kiosk_seq, db=db)
    return head.kiosk_seq


def push(ledger: Ledger, hub: Hub, *, batch: int = BATCH) -> int:
    """Send this kiosk's records the hub lacks; how many were sent.

    Another sync of the same ledger may be pushing the same batch at the same moment
    (`gatekeeper sync` while the kiosk syncs by itself): the hub then refuses one of
    the two as a duplicate. That is no conflict when the hub's head now matches this
    ledger: the push goes on from there. Only a chain the hub does not hold is refused."""
    after = _checked_start(ledger, hub)
    ledger.set_sync_state(pushed=str(after))
    sent = 0
    while True:
        rows = ledger.own_records_after(after, batch)
        if not rows:
            return sent
        try:
            hub.push(rows)
        except (DivergedError, ConflictError) as exc:
            resumed = _checked_start(ledger, hub)  # raises when the chains really differ
            if resumed <= after:
                if isinstance(exc, DivergedError):  # a copy of this kiosk pushed first
                    raise DivergedError(kiosk=ledger.kiosk_id, seq=exc.params.get("seq"),
                                        db=str(ledger.path)) from None  # fmt: skip
                raise
            after = resumed
            ledger.set_sync_state(pushed=str(after))
            continue
        after = int(rows[-1]["kiosk_seq"])
        sent += len(rows)
        ledger.set_sync_state(pushed=str(after))


def pull(ledger: Ledger, hub: Hub, *, batch: int = BATCH) -> int:
    """Take in the other kiosks' records after the last pulled position; how many new."""
    state = ledger.sync_state()
    after = int(state.get("pulled", "0") or 0) if state.get("hub_id") == hub.hub_id else 0
    taken = 0
    while True:
        rows = hub.pull(after, ledger.kiosk_id, batch)
        if not rows:
            if state.get("hub_id") != hub.hub_id:
                ledger.set_sync_state(hub_id=hub.hub_id, pulled=str(after))
            return taken
        try:
            done = ledger.absorb([r for _, r in rows], hub_id=hub.hub_id, pulled=str(rows[-1][0]))
        except ChainMismatch as exc:
            raise PulledBrokenError(kiosk=exc.kiosk_id, seq=exc.kiosk_seq,
                                    detail=exc.detail) from None  # fmt: skip
        state = {"hub_id": hub.hub_id}
        after = rows[-1][0]
        taken += done.added


def sync_once(ledger: Ledger, hub: Hub, *, now: datetime, batch: int = BATCH) -> SyncResult:
    """Push, then pull, then PINs; the outcome is noted in the ledger for the header and
    the dashboard (`status`). Raises the HubError that stopped it."""
    try:
        pushed = push(ledger, hub, batch=batch)
        pulled = pull(ledger, hub, batch=batch)
        hub.push_secrets(ledger.pin_secrets(), ledger.kiosk_id)
        ledger.take_pin_secrets(hub.secrets())
    except HubError as exc:
        note_failure(ledger, exc, now)
        raise
    ledger.set_sync_state(synced_at=now.isoformat(timespec="seconds"), offline_since=None,
                          refused=None, refused_at=None)  # fmt: skip
    return SyncResult(kiosk=ledger.kiosk_id, pushed=pushed, pulled=pulled,
                      waiting=waiting(ledger), hub=hub.shown,
                      kiosks=len(ledger.head().kiosks))  # fmt: skip


def connect_and_sync(ledger: Ledger, dsn: str, *, now: datetime, timeout: int = 10,
                     batch: int = BATCH) -> SyncResult:  # fmt: skip
    """Connect, then `sync_once`; a hub that cannot be reached is noted too."""
    try:
        hub = Hub.connect(dsn, timeout=timeout)
    except HubError as exc:
        note_failure(ledger, exc, now)
        raise
    with hub:
        return sync_once(ledger, hub, now=now, batch=batch)


def note_failure(ledger: Ledger, exc: HubError, now: datetime) -> None:
    """Keep what stopped a sync for the header: a refusal (until a sync works), or since
    when the hub has been out of reach (the first failure's time)."""
    if isinstance(exc, HubRefusedError):
        ledger.set_sync_state(refused=exc.message(system_lang()),
                              refused_at=now.isoformat(timespec="seconds"))  # fmt: skip
    elif "offline_since" not in ledger.sync_state():
        ledger.set_sync_state(offline_since=now.isoformat(timespec="seconds"))


@dataclass(frozen=True)
class SyncStatus:
    """What the header and the dashboard say about the hub (from the ledger alone)."""

    linked: bool
    synced_at: str | None
    offline_since: str | None
    refused: str | None
    waiting: int


def status(ledger: Ledger, linked: bool) -> SyncStatus:
    state = ledger.sync_state()
    return SyncStatus(linked=linked, synced_at=state.get("synced_at"),
                      offline_since=state.get("offline_since"), refused=state.get("refused"),
                      waiting=waiting(ledger))  # fmt: skip


# --- the kiosk's background sync (Qt-free; ui.sync_thread runs it on its own thread) ------

INTERVAL_S = 30.0  # in step: look again this often
BACKOFF_S = (5.0, 10.0, 20.0, 40.0, 80.0, 160.0, 300.0)  # after failures in a row


def next_delay(failures: int) -> float:
    """Seconds to the next try: the interval when the last one worked, else a backoff
    that grows to five minutes (a hub that is down is not hammered by every lane)."""
    if failures <= 0:
        return INTERVAL_S
    return BACKOFF_S[min(failures, len(BACKOFF_S)) - 1]


def _ago(seconds: float, lang: str) -> str:
    minutes = int(max(seconds, 0) // 60)
    if minutes < 1:
        return messages.text("hub.ago.now", lang)
    if minutes < 60:
        return messages.text("hub.ago.minutes", lang, n=minutes)
    if minutes < 48 * 60:
        return messages.text("hub.ago.hours", lang, n=minutes // 60)
    return messages.text("hub.ago.days", lang, n=minutes // (24 * 60))


def status_text(status: SyncStatus, now: datetime, lang: str) -> str:
    """The header's line: "synced 2 min ago · 0 waiting", "offline since 07:12 · 143
    waiting", or the hub's refusal. Empty when the kiosk has no hub."""
    if not status.linked:
        return ""
    if status.refused:
        return messages.text("hub.status.refused", lang, detail=status.refused)
    if status.offline_since:
        since = datetime.fromisoformat(status.offline_since)  # the kiosk's own time
        return messages.text("hub.status.offline", lang, since=f"{since:%H:%M}",
                             waiting=status.waiting)  # fmt: skip
    if status.synced_at:
        seconds = (now - datetime.fromisoformat(status.synced_at)).total_seconds()
        return messages.text("hub.status.synced", lang, ago=_ago(seconds, lang),
                             waiting=status.waiting)  # fmt: skip
    return messages.text("hub.status.never", lang, waiting=status.waiting)


class BackgroundSync:
    """One try at a time, on whatever thread calls it: opens its own ledger connection
    and hub connection (one of each per thread), syncs, and says where it stands. Never
    raises for the hub or the ledger: a kiosk's screening never waits for, or fails
    because of, the network."""

    def __init__(self, ledger_path: Path, *, hub_folder: Path | None = None) -> None:
        self.ledger_path = ledger_path
        self.hub_folder = hub_folder
        self.failures = 0
        self._ledger: Ledger | None = None  # opened by, and belonging to, the calling thread

    def run_once(self, now: datetime) -> SyncStatus:
        from gatekeeper.services import hub_link

        try:
            if self._ledger is None:
                self._ledger = Ledger.open(self.ledger_path, create=False)
            ledger = self._ledger
            dsn = hub_link.remembered(ledger.kiosk_id, self.hub_folder)
            if dsn is None:
                return status(ledger, linked=False)
            try:
                connect_and_sync(ledger, dsn, now=now, timeout=5)
                self.failures = 0
            except HubError:
                self.failures += 1
            return status(ledger, linked=True)
        except LedgerError:  # disk full, locked: the kiosk says so itself; try again later
            self.failures += 1
            self.close()
            return SyncStatus(linked=True, synced_at=None, offline_since=None,
                              refused=None, waiting=0)  # fmt: skip

    def delay(self) -> float:
        return next_delay(self.failures)

    def close(self) -> None:
        """On the thread that ran it, when it stops."""
        if self._ledger is not None:
            self._ledger.close()
            self._ledger = None
