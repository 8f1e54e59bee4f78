"""A retention purge reaches the backups: every backup of this ledger in the backup
folders given is purged like the ledger (one transaction with its purge record), on real
files; a backup that cannot be purged is named, never passed over in silence."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from manager_support import NOW, POLICY, TZ, build_simulated, copy_of, file_bytes
from services_support import actor

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.ledger import Ledger
from gatekeeper.scanner import keys
from gatekeeper.services.backup import backup, kiosk_of
from gatekeeper.services.clock import SteppingClock
from gatekeeper.services.gate import GateService
from gatekeeper.services.passes import PassService
from gatekeeper.services.retention import purge
from gatekeeper.services.schema import PurgeBody

OLD = datetime(2020, 3, 2, 9, tzinfo=TZ)  # before the cutoff of a 15-day purge at NOW
MINE = ("司马光Qx", "41010219800101123X")  # distinctive bytes to look for
THEIRS = ("诸葛亮Wv", "G98765432")  # another kiosk's person, in the same folder


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_simulated(tmp_path_factory.mktemp("sim") / "sim.sqlite3")


def _register(ledger: Ledger, key_dir: Path, person: tuple[str, str]) -> None:
    gate = GateService(ledger, POLICY, SteppingClock(OLD))
    PassService(gate, keys.load_or_create(key_dir, "site-test")).issue(
        name=person[0], id_number=person[1], phone="13800138000", by=actor(ledger, now=OLD))


def _backups(ledger: Ledger, folder: Path, n: int, minute: int = 0) -> list[Path]:
    return [backup(ledger, folder, now=datetime(2020, 3, 20, 12, minute + i, tzinfo=TZ)).path
            for i in range(n)]  # fmt: skip


def _purges(path: Path) -> list[PurgeBody]:
    with Ledger.open(path, create=False, readonly=True) as copy:
        return [PurgeBody.read(r) for r in copy.records(kind="purge")]


@pytest.fixture
def site(simulated: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """This ledger (a simulated site plus a pre-registered worker), two backups in one
    folder and one in another; the first folder also holds another kiosk's backup."""
    path = copy_of(simulated, tmp_path)
    folders = (tmp_path / "usb", tmp_path / "nas")
    for folder in folders:
        folder.mkdir()
    with Ledger.open(path) as ledger:
        _register(ledger, tmp_path / "keys", MINE)
        mine = _backups(ledger, folders[0], 2) + _backups(ledger, folders[1], 1, minute=10)
    with Ledger.open(tmp_path / "ledger-b.sqlite3", kiosk_id="gate-other") as other:
        _register(other, tmp_path / "keys", THEIRS)
        [theirs] = _backups(other, folders[0], 1, minute=20)
    return path, folders, mine, theirs


def test_a_purge_erases_the_same_fields_in_every_backup_of_this_ledger(site) -> None:  # type: ignore[no-untyped-def]
    path, folders, mine, theirs = site
    for copy in mine:
        assert MINE[0].encode() in file_bytes(copy) and MINE[1].encode() in file_bytes(copy)
    with Ledger.open(path) as ledger:
        people = [ledger.get_person(r.person_id) for r in ledger.records(kind="person")]
        values = {v for p in people if p for v in (p.name, p.id_number, p.phone) if v}
        assert len(values) > 40 and all(v.encode() in file_bytes(mine[-1]) for v in values)
        result = purge(ledger, 15, NOW, by=actor(ledger, now=NOW), backup_folders=folders)
        assert ledger.find_person("resident_id", MINE[1]) is None
    assert sorted(result.backups) == sorted(p.resolve() for p in mine)
    assert result.backups_failed == ()
    for copy in mine:
        data = file_bytes(copy)
        assert MINE[0].encode() not in data and MINE[1].encode() not in data, copy
        assert not [v for v in values if v.encode() in data], copy  # the whole site's
        with Ledger.open(copy, create=False, readonly=True) as backed_up:
            assert backed_up.verify().ok  # the erasure is covered by the backup's record
            assert backed_up.find_person("resident_id", MINE[1]) is None
        [record] = _purges(copy)
        assert (record.cutoff, record.by) == (result.cutoff, "boss")
        assert record.count > 0
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600  # still owner-only
        assert not Path(f"{copy}-wal").exists() or not Path(f"{copy}-wal").stat().st_size
    # Another kiosk's backup in the same folder is not this ledger's: untouched.
    assert THEIRS[0].encode() in file_bytes(theirs) and _purges(theirs) == []
    assert kiosk_of(theirs) == "gate-other"


def test_a_backup_that_cannot_be_purged_is_named_and_the_others_are_purged(site) -> None:  # type: ignore[no-untyped-def]
    path, folders, mine, _theirs = site
    damaged = mine[0]
    data = bytearray(damaged.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    data[5 * page:6 * page] = b"\xff" * page  # a records page, past the meta table
    damaged.write_bytes(bytes(data))
    assert kiosk_of(damaged) == "gate-test"  # still found as this ledger's backup
    with Ledger.open(path) as ledger:
        result = purge(ledger, 15, NOW, by=actor(ledger, now=NOW), backup_folders=folders)
        assert ledger.count(kind="purge") == 1  # the ledger itself is purged
    [failed] = result.backups_failed
    assert failed.path == damaged.resolve()
    assert "damaged" in failed.problem.message("en")
    assert sorted(result.backups) == sorted(p.resolve() for p in mine[1:])
    for copy in mine[1:]:
        assert MINE[0].encode() not in file_bytes(copy)


def test_a_missing_backup_folder_is_refused_before_anything_is_erased(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, folders, mine, _theirs = site
    with Ledger.open(path) as ledger:
        boss = actor(ledger, now=NOW)
        with pytest.raises(LocalizedError) as refused:
            purge(ledger, 15, NOW, by=boss, backup_folders=(*folders, tmp_path / "gone"))
        assert refused.value.code == "no_backup_folder"
        assert ledger.count(kind="purge") == 0
        assert ledger.find_person("resident_id", MINE[1]) is not None
    assert all(_purges(copy) == [] for copy in mine)


def test_without_backup_folders_no_backup_is_touched(site) -> None:  # type: ignore[no-untyped-def]
    path, _folders, mine, _theirs = site
    with Ledger.open(path) as ledger:
        result = purge(ledger, 15, NOW + timedelta(minutes=1), by=actor(ledger, now=NOW))
    assert result.backups == () and result.backups_failed == ()
    assert all(MINE[0].encode() in file_bytes(copy) for copy in mine)


def test_a_folder_that_cannot_be_listed_is_named(site, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path, folders, _mine, _theirs = site
    real = Path.iterdir

    def refused(self: Path):  # type: ignore[no-untyped-def]
        if self == folders[1]:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "iterdir", refused)  # root ignores permission bits
    with Ledger.open(path) as ledger:
        result = purge(ledger, 15, NOW, by=actor(ledger, now=NOW), backup_folders=folders)
    [failed] = result.backups_failed
    assert failed.path == folders[1] and "Permission denied" in failed.problem.message("en")
    assert len(result.backups) == 2  # the first folder's are purged all the same
