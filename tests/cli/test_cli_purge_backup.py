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
