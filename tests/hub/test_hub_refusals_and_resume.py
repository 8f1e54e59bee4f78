"""The hub as the anchor (a rewritten chain, a cloned kiosk, an old backup are refused,
naming kiosk and sequence), and a push cut off anywhere resumes: 0 lost, 0 twice."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from hub_support import NOW, add_kiosk, hub_rows, make_hub, mixed, simulate, sync, uuids

from gatekeeper.domain.policy import Policy
from gatekeeper.hub import schema
from gatekeeper.hub.client import Hub
from gatekeeper.hub.errors import (
    BehindError,
    DivergedError,
    HubUnreachableError,
    PulledBrokenError,
)
from gatekeeper.ledger import Ledger
from gatekeeper.services import site
from gatekeeper.services import sync as sync_service
from gatekeeper.services.schema import KioskBody


def _count(dsn: str) -> int:
    return int(hub_rows(dsn, "SELECT count(*) FROM gatekeeper.records")[0][0])


def _dupes(dsn: str) -> int:
    return int(hub_rows(dsn, "SELECT count(*) - count(DISTINCT uuid) FROM gatekeeper.records"
                        )[0][0])  # fmt: skip


@pytest.fixture
def kiosk(hub_dsn: str, tmp_path: Path) -> tuple[str, Path, str]:
    make_hub(hub_dsn)
    path = tmp_path / "gate.sqlite3"
    dsn = add_kiosk(hub_dsn, path, "gate-1")
    simulate(path, seed=3, people=20)
    return hub_dsn, path, dsn


def _append(path: Path, n: int = 3) -> None:
    with Ledger.open(path) as ledger:
        ledger.append_all(mixed(n))


# --- the hub is the anchor ---------------------------------------------------------------


def test_a_cloned_kiosk_is_refused_naming_kiosk_and_sequence(kiosk, tmp_path: Path) -> None:
    hub_dsn, path, dsn = kiosk
    sync(path, dsn)
    clone = tmp_path / "clone.sqlite3"
    shutil.copy(path, clone)
    _append(path)
    _append(clone)  # the copy goes its own way under the same kiosk id
    sync(path, dsn)
    before = _count(hub_dsn)
    with pytest.raises(DivergedError) as refused:
        sync(clone, dsn)
    with Ledger.open(path, readonly=True) as ledger:
        head = ledger.head().kiosks[0]
    assert refused.value.params["kiosk"] == "gate-1"
    assert refused.value.params["seq"] == head.kiosk_seq
    assert "kiosk new-id" in refused.value.message("en")
    assert _count(hub_dsn) == before  # nothing of the clone's was taken
    with Ledger.open(clone) as ledger:  # and it says so, on the dashboard too, until fixed
        assert "gate-1" in ledger.sync_state()["refused"]
        [alert] = [a for a in site.alerts(ledger, Policy(), NOW) if a.kind.startswith("hub")]
    assert alert.kind is site.AlertKind.HUB_REFUSED and "gate-1" in alert.detail


def test_a_cloned_kiosk_given_a_new_id_syncs_again(kiosk, tmp_path: Path) -> None:
    hub_dsn, path, dsn = kiosk
    sync(path, dsn)
    clone = tmp_path / "clone.sqlite3"
    shutil.copy(path, clone)
    with Ledger.open(clone) as ledger:
        note = KioskBody(kiosk_id="gate-2", was="gate-1").record(at=NOW, day="2026-03-02")
        assert ledger.change_kiosk_id("gate-2", note) == "gate-1"
    _append(clone)
    clone_dsn = add_kiosk(hub_dsn, clone)
    result = sync(clone, clone_dsn)
    assert result.kiosk == "gate-2" and result.pushed == 1 + 3 + 1  # new id, 3, registered
    with Ledger.open(clone, readonly=True) as ledger:
        assert ledger.verify().ok
    sync(path, dsn)
    assert set(uuids(path)) == set(uuids(clone))
    assert _dupes(hub_dsn) == 0


def test_a_rewritten_local_chain_is_refused(kiosk) -> None:
    _hub_dsn, path, dsn = kiosk
    sync(path, dsn)
    with Ledger.open(path) as ledger:
        head = ledger.head().kiosks[0]
    # a tamperer edits an outcome and recomputes every hash after it
    conn = __import__("sqlite3").connect(path, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
        conn.execute(f"DROP TRIGGER {name}")
    from gatekeeper.ledger import chain

    rows = conn.execute(
        f"SELECT seq, {', '.join(chain.HASHED_COLUMNS)} FROM records ORDER BY seq").fetchall()
    prev, edited = chain.GENESIS, False
    for row in rows:
        values = dict(zip(chain.HASHED_COLUMNS, row[1:], strict=True))
        if values["kind"] == "passage" and not edited:
            values["outcome"] = "admitted" if values["outcome"] != "admitted" else "turned_away"
            edited = True
        values["prev_hash"] = prev
        prev = chain.record_hash([values[c] for c in chain.HASHED_COLUMNS])
        conn.execute("UPDATE records SET outcome = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                     (values["outcome"], values["prev_hash"], prev, row[0]))  # fmt: skip
    conn.execute("UPDATE chain_heads SET hash = ?", (prev,))
    conn.close()
    assert edited
    with Ledger.open(path, readonly=True) as ledger:
        assert ledger.verify().ok  # the file alone cannot tell
    with pytest.raises(DivergedError) as refused:
        sync(path, dsn)
    assert refused.value.params["seq"] == head.kiosk_seq


def test_a_kiosk_restored_from_an_old_backup_is_refused(kiosk, tmp_path: Path) -> None:
    _hub_dsn, path, dsn = kiosk
    old = tmp_path / "old.sqlite3"
    with Ledger.open(path) as ledger:
        ledger.backup_to(old)
        local = ledger.head().kiosks[0].kiosk_seq
    _append(path, 5)
    sync(path, dsn)
    shutil.copy(old, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(BehindError) as refused:
        sync(path, dsn)
    assert (refused.value.params["seq"], refused.value.params["local"]) == (local + 5, local)


# --- a push cut off anywhere resumes ------------------------------------------------------


def test_a_connection_lost_mid_push_resumes_with_nothing_lost_or_twice(
    kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub_dsn, path, dsn = kiosk
    _append(path, 400)
    original = Hub.push
    calls = []

    def push(self: Hub, rows):  # the server drops the kiosk's connection at the 3rd batch
        calls.append(len(rows))
        if len(calls) == 3:
            with psycopg.connect(hub_dsn, autocommit=True) as admin:
                pid = self.connection.info.backend_pid
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        return original(self, rows)

    monkeypatch.setattr(Hub, "push", push)
    with pytest.raises(HubUnreachableError):
        sync(path, dsn, batch=50)
    assert _count(hub_dsn) == 100  # two whole batches, nothing of the third
    monkeypatch.setattr(Hub, "push", original)
    sync(path, dsn, batch=50)
    assert sorted(r[0] for r in hub_rows(hub_dsn, "SELECT uuid FROM gatekeeper.records")) \
        == uuids(path)  # fmt: skip


def test_the_hub_stopped_mid_sync_then_back(kiosk, pg_server, monkeypatch) -> None:
    if pg_server.folder is None:
        pytest.skip("GATEKEEPER_TEST_HUB's server is not ours to stop")
    hub_dsn, path, dsn = kiosk
    _append(path, 200)
    original = Hub.push
    calls = []

    def push(self: Hub, rows):
        calls.append(1)
        if len(calls) == 2:
            pg_server.stop()
        return original(self, rows)

    monkeypatch.setattr(Hub, "push", push)
    try:
        with pytest.raises(HubUnreachableError):
            sync(path, dsn, batch=40)
        with Ledger.open(path) as ledger:
            assert ledger.sync_state()["offline_since"]
            assert sync_service.waiting(ledger) > 0
    finally:
        pg_server.start()
    monkeypatch.setattr(Hub, "push", original)
    result = sync(path, dsn, batch=40)
    assert result.waiting == 0
    assert sorted(r[0] for r in hub_rows(hub_dsn, "SELECT uuid FROM gatekeeper.records")) \
        == uuids(path)  # fmt: skip
    with Ledger.open(path) as ledger:
        assert "offline_since" not in ledger.sync_state()
        assert not [a for a in site.alerts(ledger, Policy(), NOW) if a.kind.startswith("hub")]


def test_a_kiosk_killed_mid_push_resumes(kiosk) -> None:
    hub_dsn, path, dsn = kiosk
    _append(path, 6000)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.Popen(
        [sys.executable, "-m", "gatekeeper", "sync", "--db", str(path), "--hub", dsn],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while _count(hub_dsn) == 0 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    total = len(uuids(path))
    landed = _count(hub_dsn)
    assert 0 < landed < total, "the kill did not land mid-push"
    assert landed % sync_service.BATCH == 0  # whole batches only
    sync(path, dsn)
    assert _count(hub_dsn) == total and _dupes(hub_dsn) == 0


# --- a replica trusts no hub ---------------------------------------------------------------


def _owner_edit(hub_dsn: str, statement: str) -> None:
    """The hub's owner, triggers off: what a compromised server could serve."""
    with psycopg.connect(hub_dsn, autocommit=True) as conn:
        conn.execute(b"ALTER TABLE gatekeeper.records DISABLE TRIGGER USER")
        conn.execute(statement.encode())
        conn.execute(b"ALTER TABLE gatekeeper.records ENABLE TRIGGER USER")


@pytest.mark.parametrize(("edit", "why"), [
    ("UPDATE gatekeeper.records SET day = '2020-01-01' WHERE kiosk_seq = 2",
     "hash does not match"),
    ("DELETE FROM gatekeeper.records WHERE kiosk_seq = 3", "missing"),
    # rewritten with its hash recomputed (the owner knows the preimage): the next one
    # no longer links to it
    (f"UPDATE gatekeeper.records SET day = '2020-01-01' WHERE kiosk_seq = 2; "
     f"UPDATE gatekeeper.records records SET hash = encode(sha256(convert_to("
     f"{schema._preimage('records')}, 'UTF8')), 'hex') WHERE kiosk_seq = 2",
     "does not link"),
    ("UPDATE gatekeeper.records SET personal = replace(personal, '\"', '''') "
     "WHERE kiosk_seq = (SELECT min(kiosk_seq) FROM gatekeeper.records "
     "WHERE personal IS NOT NULL)", "digest"),
])  # fmt: skip
def test_a_record_changed_on_the_hub_is_refused_by_every_replica(
    kiosk, tmp_path: Path, edit: str, why: str
) -> None:
    hub_dsn, path, dsn = kiosk
    sync(path, dsn)
    other = tmp_path / "other.sqlite3"
    other_dsn = add_kiosk(hub_dsn, other, "gate-2")
    _owner_edit(hub_dsn, edit)
    with pytest.raises(PulledBrokenError) as refused:
        sync(other, other_dsn, batch=1000)
    assert why in refused.value.message("en")
    kept = __import__("hub_support").rows(other, "SELECT count(*) FROM records "
                                              "WHERE kiosk_id = 'gate-1'")
    assert kept == [(0,)]  # nothing of that batch was kept
    with Ledger.open(other) as ledger:
        assert ledger.verify().ok


def test_two_syncs_of_one_kiosk_at_once_are_no_conflict(kiosk, monkeypatch) -> None:
    """`gatekeeper sync` while the kiosk syncs by itself: both push the same batch."""
    hub_dsn, path, dsn = kiosk
    _append(path, 120)
    original = Hub.push
    raced = []

    def push(self: Hub, rows):
        if not raced:  # the other sync gets there first, with the same records
            raced.append(1)
            with Hub.connect(dsn) as other:
                original(other, rows)
        return original(self, rows)

    monkeypatch.setattr(Hub, "push", push)
    result = sync(path, dsn, batch=50)
    assert result.waiting == 0
    assert _count(hub_dsn) == len(uuids(path)) and _dupes(hub_dsn) == 0
