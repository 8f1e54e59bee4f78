"""Retention purge (bytes gone, figures and chain kept) and online backup/restore."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from manager_support import DAY_LIST, NOW, POLICY, TZ, build_simulated, copy_of, file_bytes
from services_support import actor

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.ledger import Ledger, NewRecord
from gatekeeper.scanner import keys
from gatekeeper.services.backup import backup, backups_in, restore_backup
from gatekeeper.services.clock import SteppingClock
from gatekeeper.services.exports import daily_rows
from gatekeeper.services.gate import GateService
from gatekeeper.services.passes import PassService
from gatekeeper.services.retention import purge
from gatekeeper.services.stats import day_stats

PRE_REGISTERED = ("欧阳娜娜Zq", "41010219800101123X")  # distinctive bytes to search for


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_simulated(tmp_path_factory.mktemp("sim") / "sim.sqlite3")


def _pre_register(ledger: Ledger, key_dir: Path, when: datetime) -> None:
    gate = GateService(ledger, POLICY, SteppingClock(when))
    PassService(gate, keys.load_or_create(key_dir, "site-test")).issue(
        name=PRE_REGISTERED[0], id_number=PRE_REGISTERED[1], phone="13800138000",
        by=actor(ledger, now=when),
    )


def test_purge_erases_personal_bytes_keeps_figures_and_chain(
    simulated: Path, tmp_path: Path
) -> None:
    path = copy_of(simulated, tmp_path)
    with Ledger.open(path) as ledger:
        _pre_register(ledger, tmp_path / "keys", datetime(2020, 3, 2, 9, tzinfo=TZ))
        gate = GateService(ledger, POLICY, SteppingClock(datetime(2020, 3, 3, 9, tzinfo=TZ)))
        draft = gate.start_first_time("worker")
        gate.save_draft(draft)
        ledger.save_draft("recent-draft", {"name": "new"})
        people = [ledger.get_person(r.person_id) for r in ledger.records(kind="person")]
        names = {p.name for p in people if p and p.name}
        numbers = {p.id_number for p in people if p and p.id_number}
        before = {day: day_stats(ledger, day) for day in DAY_LIST}
        raw = file_bytes(path)
        assert PRE_REGISTERED[0].encode() in raw and all(n.encode() in raw for n in numbers)

        # Cutoff 2020-03-05: everything of the simulated days goes, nothing newer exists.
        result = purge(ledger, 15, NOW, by=actor(ledger, now=NOW))
        assert result.cutoff == "2020-03-05" and result.records > 0
        assert result.record.body["by"] == "boss"
        assert result.record.kind == "purge" and result.record.body["count"] == result.records
        assert ledger.verify().ok
        assert {day: day_stats(ledger, day) for day in DAY_LIST} == before
        assert all(r.erased or r.person_id is None for r in daily_rows(ledger, DAY_LIST[1]))
        assert ledger.find_person("resident_id", PRE_REGISTERED[1]) is None
        assert ledger.search_people(next(iter(names))) == []
    raw = file_bytes(path)
    for value in [*names, *numbers, *PRE_REGISTERED]:
        assert value.encode() not in raw, value
    with Ledger.open(path) as ledger:
        assert ledger.verify().ok


def test_purge_keeps_newer_records_and_erases_old_drafts(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.db") as ledger:
        _pre_register(ledger, tmp_path / "keys", NOW - timedelta(days=2))
        ledger.save_draft("old", {"registration": {"name": "旧草稿"}})
        boss = actor(ledger, now=NOW)
        result = purge(ledger, 30, NOW + timedelta(days=1), by=boss)
        assert result.records == 0
        assert ledger.find_person("resident_id", PRE_REGISTERED[1]) is not None
        # The draft was saved "now" by the wall clock: older than a cutoff in the future only.
        far = datetime.now(TZ) + timedelta(days=40)
        assert purge(ledger, 30, far, by=boss).drafts == 1 and ledger.drafts() == []
        with pytest.raises(LocalizedError):
            purge(ledger, 0, NOW, by=boss)


def _appender(path: Path, stop: threading.Event, written: list[int]) -> None:
    with Ledger.open(path, create=False) as writer:
        i = 0
        while not stop.is_set():
            body = {"zone": "living", "slot": "morning", "n": i}
            writer.append(NewRecord(kind="disinfection", at=NOW, day="2020-03-20", body=body))
            i += 1
        written.append(i)


def test_backup_while_writing_then_restore(simulated: Path, tmp_path: Path) -> None:
    path = copy_of(simulated, tmp_path)
    folder = tmp_path / "backups"
    folder.mkdir()
    key_dir = tmp_path / "keys"
    key = keys.load_or_create(key_dir, "site-test")
    stop, written = threading.Event(), []
    thread = threading.Thread(target=_appender, args=(path, stop, written))
    thread.start()
    try:
        with Ledger.open(path, create=False, readonly=True) as ledger:
            results = [
                backup(ledger, folder, keep=3, now=datetime(2020, 3, 20, 12, i, tzinfo=TZ))
                for i in range(5)
            ]
    finally:
        stop.set()
        thread.join()
    assert written[0] > 0
    assert backups_in(folder, "gate-test") == [r.path for r in results[-3:]]
    assert len(results[-1].removed) == 1 and not results[0].path.exists()
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
    for result in results[-3:]:
        with Ledger.open(result.path, readonly=True) as copy:
            report = copy.verify()
        assert report.ok and report.head.hash == result.head
    pem = key.private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )  # fmt: skip
    key_file = (key_dir / keys.KEY_FILE).read_bytes()
    for result in results[-3:]:
        data = result.path.read_bytes()
        assert pem not in data and key_file not in data and b"PRIVATE KEY" not in data

    newest = results[-1]
    with Ledger.open(path) as ledger:
        ledger.append(NewRecord(kind="disinfection", at=NOW, day="2020-03-21", body={"x": 1}))
    with pytest.raises(LocalizedError, match="holds records the backup lacks"):
        restore_backup(newest.path, path)  # the disinfection above would be lost
    restored_now = restore_backup(newest.path, path, force=True)
    kept = restored_now.kept
    assert kept is not None and kept.exists() and restored_now.head == newest.head
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    with Ledger.open(path, create=False) as restored:
        assert restored.verify().ok and restored.head().hash == newest.head
        restored.append(NewRecord(kind="disinfection", at=NOW, day="2020-03-21", body={"y": 2}))
        assert restored.verify().ok and restored.head().records == newest.records + 1
    with pytest.raises(LocalizedError), Ledger.open(path, readonly=True) as ledger:
        backup(ledger, tmp_path / "missing")
