"""`gatekeeper purge` and `gatekeeper backup`: verify and stats still hold, bytes gone."""

from __future__ import annotations

from pathlib import Path

from cli_support import add_accounts, as_user, one_line_error, run

from gatekeeper.ledger import Ledger


def _bytes(path: Path) -> bytes:
    return b"".join(Path(f"{path}{s}").read_bytes() for s in ("", "-wal")
                    if Path(f"{path}{s}").exists())  # fmt: skip


def test_purge_then_verify_and_stats(ledger_copy) -> None:  # type: ignore[no-untyped-def]
    with Ledger.open(ledger_copy, readonly=True) as ledger:
        names = {ledger.get_person(r.person_id).name for r in ledger.records(kind="person")}  # type: ignore[union-attr]
    stats = [run("stats", "--db", ledger_copy, "--date", f"2020-03-0{d}", "--json").output
             for d in (1, 2, 3)]  # fmt: skip
    assert any(n.encode() in _bytes(ledger_copy) for n in names if n)
    add_accounts(ledger_copy)
    result = as_user(ledger_copy, "boss", "purge", "--db", ledger_copy, "--older-than", "30")
    assert result.exit_code == 0, result.output
    assert "the purge is recorded" in result.output
    assert run("verify", "--db", ledger_copy).exit_code == 0
    assert stats == [run("stats", "--db", ledger_copy, "--date", f"2020-03-0{d}", "--json").output
                     for d in (1, 2, 3)]  # fmt: skip
    data = _bytes(ledger_copy)
    assert not any(n.encode() in data for n in names if n)
    with Ledger.open(ledger_copy, readonly=True) as ledger:
        assert ledger.count(kind="purge") == 1
        assert next(ledger.records(kind="purge")).body["by"] == "boss"
    bad = as_user(ledger_copy, "boss", "purge", "--db", ledger_copy, "--older-than", "0")
    assert bad.exit_code == 2 and "--older-than" in one_line_error(bad.stderr)  # a bad argument


def test_backup_keep(ledger_copy, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "backups"
    folder.mkdir()
    for _ in range(3):
        result = run("backup", "--db", ledger_copy, "--to", folder, "--keep", "2")
        assert result.exit_code == 0, result.output
        assert "verified" in result.output
    copies = sorted(folder.iterdir())
    assert len(copies) == 2 and all(p.name.startswith("copy-") for p in copies)
    for copy in copies:
        assert run("verify", "--db", copy).exit_code == 0
    result = run("backup", "--db", ledger_copy, "--to", tmp_path / "nope")
    assert result.exit_code == 2 and "does not exist" in one_line_error(result.stderr)  # bad arg


def _names(db: Path) -> set[str]:
    with Ledger.open(db, readonly=True) as ledger:
        people = [ledger.get_person(r.person_id) for r in ledger.records(kind="person")]
    return {p.name for p in people if p and p.name}


def test_purge_reaches_the_backups_it_is_given(ledger_copy, tmp_path) -> None:  # type: ignore[no-untyped-def]
    names = _names(ledger_copy)
    folder = tmp_path / "backups"
    folder.mkdir()
    for _ in range(2):
        assert run("backup", "--db", ledger_copy, "--to", folder).exit_code == 0
    copies = sorted(folder.iterdir())
    assert all(any(n.encode() in c.read_bytes() for n in names) for c in copies)
    add_accounts(ledger_copy)
    result = as_user(ledger_copy, "boss", "purge", "--db", ledger_copy, "--older-than", "30",
                     "--backups", folder)  # fmt: skip
    assert result.exit_code == 0, result.output + result.stderr
    assert "each with its purge record: 2 (in " in result.output
    for copy in copies:
        assert not any(n.encode() in _bytes(copy) for n in names)
        verified = run("verify", "--db", copy)
        assert verified.exit_code == 0 and verified.output.startswith("OK: "), verified.stderr
        with Ledger.open(copy, readonly=True) as backed_up:
            assert next(backed_up.records(kind="purge")).body["by"] == "boss"


def test_purge_without_backups_says_they_were_not_purged(ledger_copy) -> None:  # type: ignore[no-untyped-def]
    add_accounts(ledger_copy)
    result = as_user(ledger_copy, "boss", "purge", "--db", ledger_copy, "--older-than", "30")
    assert result.exit_code == 0
    assert "Backups were not purged: no backup folder was given" in result.output


def test_a_backup_that_cannot_be_purged_exits_2_and_names_it(ledger_copy, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "backups"
    folder.mkdir()
    for _ in range(2):
        assert run("backup", "--db", ledger_copy, "--to", folder).exit_code == 0
    damaged, fine = sorted(folder.iterdir())
    data = bytearray(damaged.read_bytes())
    data[5 * 4096:6 * 4096] = b"\xff" * 4096  # a records page, past the meta table
    damaged.write_bytes(bytes(data))
    add_accounts(ledger_copy)
    names = _names(ledger_copy)
    result = as_user(ledger_copy, "boss", "purge", "--db", ledger_copy, "--older-than", "30",
                     "--backups", folder)  # fmt: skip
    assert result.exit_code == 2
    line = one_line_error(result.stderr)
    assert damaged.name in line and "could not be purged" in line and "damaged" in line
    assert "each with its purge record: 1 (in " in result.output
    assert not any(n.encode() in _bytes(fine) for n in names)
    with Ledger.open(ledger_copy, readonly=True) as ledger:
        assert ledger.count(kind="purge") == 1  # the ledger itself is purged and recorded


def test_a_missing_backup_folder_is_refused_before_the_sign_in(ledger_copy, tmp_path) -> None:  # type: ignore[no-untyped-def]
    add_accounts(ledger_copy)
    with Ledger.open(ledger_copy, readonly=True) as ledger:
        before = ledger.head().records
    result = as_user(ledger_copy, "boss", "purge", "--db", ledger_copy, "--older-than", "30",
                     "--backups", tmp_path / "unplugged")  # fmt: skip
    assert result.exit_code == 2 and "does not exist" in one_line_error(result.stderr)
    with Ledger.open(ledger_copy, readonly=True) as ledger:
        assert ledger.head().records == before and ledger.count(kind="purge") == 0
