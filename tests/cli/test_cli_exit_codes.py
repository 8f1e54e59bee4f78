"""Exit codes everywhere: 0 done, 1 the answer is "no" (tampered, refused, invalid), 2 could
not run (a bad argument; a missing, empty, unreadable, damaged or read-only file; a locked
ledger). Every error is one line on stderr, `gatekeeper: ...`, never a traceback.

Each test here reproduces one finding of the trust issue on the code before its fix:
verify/stats on a read-only folder or mount (a traceback and exit 1, the code of
"tampered"), backup into a read-only folder, dates and numbers past the calendar, a
report range cut short without a word, an empty file taken for a ledger to upgrade, and
a damaged page read as "record #None" by verify while stats carried on.

The read-only cases run the installed command in a subprocess, for real: under a
read-only bind mount (a private mount namespace, `unshare -m`), and in a read-only
folder as a user the permission bits bind (as root: root with its DAC capabilities
dropped, `setpriv`; else the `nobody` user). Each skips, saying why, only where this
machine cannot do it.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path

import pytest
from cli_support import (
    EXE,
    add_accounts,
    as_user,
    chain,
    lang_env,
    one_line_error,
    raw,
    run,
    snapshot,
)

from gatekeeper.cli import main as cli_main
from gatekeeper.ledger import Ledger

DAY = "2020-03-02"  # a simulated day (tests/cli/conftest.py)

# ------------------------------------------------------------------ read-only harness

_DROP_DAC = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--"]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    for key, value in lang_env().items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def _quiet(cmd: Sequence[str], **kw: object) -> bool:
    try:
        done = subprocess.run(list(cmd), capture_output=True, timeout=30, check=False, **kw)  # type: ignore[call-overload]
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@cache
def _can_mount(probe_root: str) -> str | None:
    """None if a read-only bind mount works here, else why not."""
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return "no unshare/mount on this machine"
    folder = Path(probe_root) / "mount-probe"
    folder.mkdir(exist_ok=True)
    script = ('mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && '
              '! touch "$1/x" 2>/dev/null')  # fmt: skip
    if not _quiet(["unshare", "-m", "sh", "-c", script, "sh", str(folder)]):
        return "no private mount namespace here (unshare -m needs CAP_SYS_ADMIN)"
    return None


@cache
def _unprivileged_prefix(probe_root: str) -> tuple[list[str] | None, str]:
    """How to run a command bound by permission bits: ([] as a normal user), root
    without DAC capabilities, or `nobody`; (None, why) if none works."""
    if os.geteuid() != 0:
        return [], ""
    folder = Path(probe_root) / "perm-probe"
    folder.mkdir(exist_ok=True)
    os.chmod(folder, 0o555)
    try:
        if shutil.which("setpriv") and _quiet(
            [*_DROP_DAC, sys.executable, "-c", f"open({str(folder / 'x')!r}, 'w')"]
        ) is False and _quiet([*_DROP_DAC, str(EXE), "--version"]):
            return _DROP_DAC, ""
        if shutil.which("runuser") and _quiet(["runuser", "-u", "nobody", "--", str(EXE),
                                                "--version"]):  # fmt: skip
            return ["runuser", "-u", "nobody", "--"], ""
    finally:
        os.chmod(folder, 0o755)
    return None, "as root, neither setpriv (dropping DAC capabilities) nor runuser works"


ReadOnlyRun = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(params=["mount", "folder"])
def read_only(
    request: pytest.FixtureRequest, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, ReadOnlyRun]]:
    """(a folder, run(*args)): the folder is read-only to the command `run` starts — a
    read-only bind mount, or permission bits that bind the user it runs as."""
    probe_root = str(tmp_path_factory.getbasetemp())
    folder = tmp_path / "media"
    folder.mkdir()
    if request.param == "mount":
        why = _can_mount(probe_root)
        if why:
            pytest.skip(why)

        def run_ro(*args: object, input: str = "") -> subprocess.CompletedProcess[str]:
            script = ('mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift '
                      '&& exec "$@"')  # fmt: skip
            return subprocess.run(
                ["unshare", "-m", "sh", "-c", script, "sh", str(folder), str(EXE),
                 *map(str, args)], capture_output=True, text=True, env=_env(), timeout=120,
                input=input, check=False)  # fmt: skip

        yield folder, run_ro
        return
    prefix, why = _unprivileged_prefix(probe_root)
    if prefix is None:
        pytest.skip(why)
    if prefix[:1] == ["runuser"]:  # nobody must reach the folder and read the ledger
        for parent in [folder, *folder.parents][:4]:
            os.chmod(parent, os.stat(parent).st_mode | 0o005)

    def run_folder(*args: object, input: str = "") -> subprocess.CompletedProcess[str]:
        for path in folder.rglob("*"):
            os.chmod(path, 0o444 if path.is_file() else 0o555)
        os.chmod(folder, 0o555)
        try:
            return subprocess.run([*prefix, str(EXE), *map(str, args)], capture_output=True,
                                  text=True, env=_env(), timeout=120, input=input,
                                  check=False)  # fmt: skip
        finally:
            os.chmod(folder, 0o755)

    yield folder, run_folder
    os.chmod(folder, 0o755)


def _no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr + done.stdout, done.stderr


# ---------------------------------------------------------------- read-only media
def test_verify_and_stats_read_a_ledger_on_read_only_media_without_writing(
    read_only: tuple[Path, ReadOnlyRun], ledger_copy: Path
) -> None:
    folder, run_ro = read_only
    shutil.copyfile(ledger_copy, folder / "l.sqlite3")
    expected_ok = run("verify", "--db", ledger_copy).stdout.splitlines()[0]
    expected_stats = json.loads(run("stats", "--db", ledger_copy, "--date", DAY, "--json").stdout)
    before = snapshot(folder)

    done = run_ro("verify", "--db", folder / "l.sqlite3")
    _no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == expected_ok

    done = run_ro("stats", "--db", folder / "l.sqlite3", "--date", DAY, "--json")
    _no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == expected_stats
    assert snapshot(folder) == before  # read without writing: not even -wal/-shm


def test_records_still_in_the_wal_on_read_only_media_are_not_skipped(
    read_only: tuple[Path, ReadOnlyRun], ledger_copy: Path
) -> None:
    """The -wal holds the newest records and SQLite cannot index it there (no -shm): exit
    2 saying so, never an answer from the file without its newest records."""
    folder, run_ro = read_only
    writer = sqlite3.connect(ledger_copy, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("INSERT INTO drafts (draft_id, saved_at, data) VALUES ('d', 'now', '{}')")
    shutil.copyfile(ledger_copy, folder / "l.sqlite3")  # what a copy taken mid-work holds
    shutil.copyfile(f"{ledger_copy}-wal", folder / "l.sqlite3-wal")
    writer.close()
    for command in ("verify", "stats"):
        done = run_ro(command, "--db", folder / "l.sqlite3")
        _no_traceback(done)
        assert done.returncode == 2, done.stderr
        assert "-wal" in one_line_error(done.stderr)


def test_backup_into_a_read_only_folder_is_one_line_exit_2(
    read_only: tuple[Path, ReadOnlyRun], ledger_copy: Path
) -> None:
    folder, run_ro = read_only
    done = run_ro("backup", "--db", ledger_copy, "--to", folder)
    _no_traceback(done)
    assert done.returncode == 2, done.stderr
    assert "cannot be written" in one_line_error(done.stderr)
    assert list(folder.iterdir()) == []


# ------------------------------------------------------------ past the calendar
@pytest.mark.parametrize("start", ["9999-12-31", "9999-12-30", "0001-01-01", "1899-12-31"])
def test_simulate_past_the_calendar_exits_2_and_creates_nothing(tmp_path: Path, start: str
                                                                ) -> None:  # fmt: skip
    result = run("simulate", "--db", tmp_path / "l.sqlite3", "--days", "2", "--people", "2",
                 "--start", start)  # fmt: skip
    assert result.exit_code == 2, result.output
    line = one_line_error(result.stderr)
    assert start in line and "9998-12-31" in line
    assert not (tmp_path / "l.sqlite3").exists()


def test_simulate_up_to_the_last_day_runs(tmp_path: Path) -> None:
    result = run("simulate", "--db", tmp_path / "l.sqlite3", "--days", "2", "--people", "2",
                 "--start", "9998-12-30")  # fmt: skip
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("days", ["800000", "36501", str(10**30), "0", "-5"])
def test_purge_older_than_out_of_range_exits_2_before_the_sign_in(ledger_copy: Path,
                                                                  days: str) -> None:  # fmt: skip
    add_accounts(ledger_copy)
    before = chain(ledger_copy)
    result = as_user(ledger_copy, "boss", "purge", "--db", ledger_copy, "--older-than", days)
    assert result.exit_code == 2, result.output
    assert "--older-than" in one_line_error(result.stderr)
    assert chain(ledger_copy) == before


def test_report_over_the_limit_is_refused_naming_it(ledger_copy: Path, tmp_path: Path) -> None:
    add_accounts(ledger_copy)
    before = chain(ledger_copy)
    out = tmp_path / "r.pdf"
    result = as_user(ledger_copy, "boss", "report", "--db", ledger_copy, "--from", "1900-01-01",
                     "--to", "9999-12-31", "-o", out)  # fmt: skip
    assert result.exit_code == 2, result.output
    line = one_line_error(result.stderr)
    assert "366" in line and "1900-01-01" in line and "9999-12-31" in line
    assert not out.exists() and chain(ledger_copy) == before  # not even a sign-in
    result = as_user(ledger_copy, "boss", "report", "--db", ledger_copy, "--from", "2020-01-01",
                     "--to", "2020-12-31", "-o", out)  # 366 days: the limit itself is fine
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("args", "acting"),
    [
        (["stats", "--date", "2020-13-01"], False),
        (["stats", "--date", "99999-01-01"], False),
        (["export", "--date", "2020-02-30", "--format", "csv", "-o", "{tmp}/x.csv"], True),
        (["report", "--from", "2020-03-02", "--to", "2020-03-01", "-o", "{tmp}/r.pdf"], True),
        (["report", "--from", "yesterday", "--to", "2020-03-01", "-o", "{tmp}/r.pdf"], True),
        (["simulate", "--days", "1", "--people", "1", "--start", "2020-02-30"], False),
    ],
    ids=["stats-month-13", "stats-year-99999", "export-feb-30", "report-reversed", "report-word",
         "simulate-feb-30"],
)
def test_a_bad_date_is_a_bad_argument_exit_2(ledger_copy: Path, tmp_path: Path,
                                             args: list[str], acting: bool) -> None:  # fmt: skip
    add_accounts(ledger_copy)
    before = chain(ledger_copy)
    args = [a.format(tmp=tmp_path) for a in args]
    if acting:
        result = as_user(ledger_copy, "boss", *args, "--db", ledger_copy)
    else:
        result = run(*args, "--db", ledger_copy)
    assert result.exit_code == 2, result.output
    one_line_error(result.stderr)
    assert chain(ledger_copy) == before  # refused before the sign-in: nothing recorded


# ------------------------------------------------------------ empty and damaged files
def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    return path


NO_CREATE = {  # commands that open an existing ledger and never make one
    "verify": ["verify"],
    "stats": ["stats", "--json"],
    "account-list": ["account", "list"],
    "account-add": ["account", "add", "--username", "boss", "--role", "site_manager",
                    "--name", "B"],
    "export": ["export", "--date", DAY, "--format", "csv", "-o", "{tmp}/x.csv", "--as", "boss"],
    "report": ["report", "--from", DAY, "--to", DAY, "-o", "{tmp}/r.pdf", "--as", "boss"],
    "purge": ["purge", "--older-than", "30", "--as", "boss"],
    "backup": ["backup", "--to", "{tmp}/bk"],
    "pass-verify": ["pass", "verify", "--payload", "GKP1.x"],
    "pass-revoke": ["pass", "revoke", "--id-number", "E1234567", "--as", "boss"],
}  # fmt: skip


@pytest.mark.parametrize("name", list(NO_CREATE))
def test_an_empty_file_is_not_a_ledger(tmp_path: Path, name: str) -> None:
    db = _empty(tmp_path)
    (tmp_path / "bk").mkdir()
    args = [a.format(tmp=tmp_path) for a in NO_CREATE[name]]
    result = run(*args, "--db", db, input="246810\n246810\n246810\n")
    assert result.exit_code == 2, result.output
    assert "empty" in one_line_error(result.stderr)
    assert db.stat().st_size == 0  # untouched: not made a ledger, no -wal/-shm beside it
    assert {p.name for p in tmp_path.iterdir()} - {"home"} == {"bk", "empty.sqlite3"}


def test_simulate_still_starts_a_ledger_in_an_empty_file(tmp_path: Path) -> None:
    db = _empty(tmp_path)
    assert run("simulate", "--db", db, "--days", "1", "--people", "2").exit_code == 0
    assert run("verify", "--db", db).exit_code == 0


def damage(db: Path) -> None:
    """Overwrite one page in the middle of the file with garbage, as a failing disk does."""
    with sqlite3.connect(db) as conn:
        page_size, pages = (conn.execute(f"PRAGMA {p}").fetchone()[0]
                            for p in ("page_size", "page_count"))  # fmt: skip
    conn.close()
    assert pages > 8
    with open(db, "r+b") as handle:
        handle.seek(page_size * (pages // 2))
        handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))


@pytest.mark.parametrize("name", list(NO_CREATE))
def test_a_damaged_ledger_is_damaged_restore_a_backup(ledger_copy: Path, tmp_path: Path,
                                                      name: str) -> None:  # fmt: skip
    damage(ledger_copy)
    (tmp_path / "bk").mkdir()
    args = [a.format(tmp=tmp_path) for a in NO_CREATE[name]]
    result = run(*args, "--db", ledger_copy, input="246810\n246810\n246810\n")
    assert result.exit_code == 2, result.output
    line = one_line_error(result.stderr)
    assert "damaged" in line and "backup" in line and "#None" not in line
    assert not list((tmp_path / "bk").iterdir())


def test_a_damaged_ledger_in_chinese(ledger_copy: Path) -> None:
    damage(ledger_copy)
    result = run("verify", "--db", ledger_copy, env={"LANG": "zh_CN.UTF-8"})
    assert result.exit_code == 2
    assert "已损坏" in one_line_error(result.stderr)


def test_the_gui_refuses_a_damaged_ledger_before_its_window(
    ledger_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gatekeeper.ui.app as app

    def no_window(*_a: object, **_k: object) -> int:
        raise AssertionError("the window opened")

    monkeypatch.setattr(app, "run_gui", no_window)
    damage(ledger_copy)
    result = run("gui", "--db", ledger_copy, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "damaged" in one_line_error(result.stderr)


def test_a_damaged_ledger_is_not_taken_for_tampering_by_verify(ledger_copy: Path) -> None:
    damage(ledger_copy)
    result = run("verify", "--db", ledger_copy)
    assert result.exit_code == 2 and "TAMPERED" not in result.output
    with pytest.raises(Exception, match="damaged"):
        Ledger.open(ledger_copy, readonly=True)


def test_verify_never_prints_record_none(ledger_copy: Path) -> None:
    """A kiosk whose records are all gone is a problem of no one record: the line names
    the kiosk, not `record #None`."""
    conn = raw(ledger_copy)
    conn.execute("INSERT INTO chain_heads (kiosk_id, kiosk_seq, hash) VALUES ('ghost', 3, ?)",
                 ("0" * 64,))  # fmt: skip
    conn.close()
    result = run("verify", "--db", ledger_copy)
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line.startswith("TAMPERED: kiosk ghost: ") and "None" not in line, line


# ------------------------------------------------------------ locked, and the guards
def test_a_locked_ledger_exits_2(ledger_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gatekeeper.ledger import schema

    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(ledger_copy, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run("account", "list", "--db", ledger_copy)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 2, result.output
    assert "locked" in one_line_error(result.stderr)


def test_a_sqlite_error_inside_a_command_is_one_line_exit_2(
    ledger_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gatekeeper.cli import ledger_commands

    def broken(*_a: object, **_k: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(ledger_commands, "day_stats", broken)
    result = run("stats", "--db", ledger_copy, "--date", DAY)
    assert result.exit_code == 2
    line = one_line_error(result.stderr)
    assert "damaged" in line and str(ledger_copy) in line


def test_an_unforeseen_error_is_one_line_exit_2_unless_debugging(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from gatekeeper.cli import policy_commands

    def bug(*_a: object, **_k: object) -> None:
        raise RuntimeError("a bug\nwith two lines")

    monkeypatch.setattr(policy_commands, "load_policy", bug)
    monkeypatch.setattr(sys, "argv", ["gatekeeper", "policy", "check", str(tmp_path / "p")])
    monkeypatch.delenv("GATEKEEPER_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stop:
        cli_main.main()
    assert stop.value.code == 2
    line = one_line_error(capsys.readouterr().err)
    assert "RuntimeError: a bug\\nwith two lines" in line
    monkeypatch.setenv("GATEKEEPER_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli_main.main()


def test_policy_check_no_is_1_unreadable_is_2(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("fever_treshold_c = 37.3\n", encoding="utf-8")
    assert run("policy", "check", tmp_path / "bad.toml").exit_code == 1
    result = run("policy", "check", tmp_path / "none.toml")
    assert result.exit_code == 2 and "none.toml" in one_line_error(result.stderr)
