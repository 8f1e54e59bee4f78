"""The hub's command line, end to end on a real PostgreSQL: hub init, hub add-kiosk,
sync (text and --json, exit 0/1/2), verify --hub, stats --hub, kiosk new-id."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import psycopg
from cli_support import run, run_exe
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from gatekeeper.ledger import Ledger, NewRecord
from gatekeeper.services.locations import default_hub_dir

DAY = "2020-03-02"


def _ledger(path: Path, kiosk: str, n: int = 4) -> None:
    from datetime import datetime, timedelta, timezone

    at = datetime(2020, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    with Ledger.open(path, kiosk_id=kiosk) as ledger:
        ledger.append_all([
            NewRecord(kind="passage", at=at, day=DAY, body={"i": i}, channel="worker",
                      outcome="admitted" if i % 2 else "turned_away",
                      reason="cleared" if i % 2 else "fever", person_id=f"p-{kiosk}-{i}")
            for i in range(n)
        ])  # fmt: skip


def _init(hub_dsn: str) -> None:
    result = run("hub", "init", "--hub", hub_dsn)
    assert result.exit_code == 0, result.output


def _add(hub_dsn: str, db: Path) -> str:
    result = run("hub", "add-kiosk", "--hub", hub_dsn, "--db", db)
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


def test_init_is_idempotent_and_never_prints_the_password(hub_dsn: str) -> None:
    password = str(conninfo_to_dict(hub_dsn)["password"])
    first = run("hub", "init", "--hub", hub_dsn)
    second = run("hub", "init", "--hub", hub_dsn)
    assert (first.exit_code, second.exit_code) == (0, 0)
    assert password not in first.output + second.output


def test_add_kiosk_prints_a_dsn_without_password_as_the_last_line(hub_dsn, tmp_path) -> None:
    _init(hub_dsn)
    db = tmp_path / "gate.sqlite3"
    _ledger(db, "gate-1")
    result = run("hub", "add-kiosk", "--hub", hub_dsn, "--db", db)
    assert result.exit_code == 0, result.output
    kiosk_dsn = result.output.strip().splitlines()[-1]
    params = conninfo_to_dict(kiosk_dsn)
    assert "password" not in params and params["user"].startswith("gk_")
    passfile = Path(params["passfile"])
    for path in (passfile, default_hub_dir() / "gate-1.dsn"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    secret = passfile.read_text().strip().rsplit(":", 1)[1]
    assert secret not in result.output
    with psycopg.connect(kiosk_dsn) as conn:  # the DSN works on its own
        assert conn.execute("SELECT current_user").fetchone()[0] == params["user"]


def test_sync_json_keys_and_exit_codes(hub_dsn: str, tmp_path: Path) -> None:
    _init(hub_dsn)
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    _ledger(a, "gate-a", 4)
    _ledger(b, "gate-b", 6)
    _add(hub_dsn, a)
    b_dsn = _add(hub_dsn, b)
    first = run("sync", "--db", a, "--json")  # the remembered connection
    assert first.exit_code == 0, first.output
    data = json.loads(first.output)
    assert {"kiosk", "pushed", "pulled", "waiting"} <= set(data)
    assert (data["kiosk"], data["pushed"], data["pulled"], data["waiting"]) == ("gate-a", 4, 0, 0)
    second = run("sync", "--db", b, "--hub", b_dsn, "--json")
    assert json.loads(second.output)["pulled"] == 4
    text = run("sync", "--db", a)
    assert text.exit_code == 0 and "6" in text.output
    stats_hub = run("stats", "--hub", hub_dsn, "--date", DAY, "--json")
    stats_db = run("stats", "--db", a, "--date", DAY, "--json")
    assert stats_hub.exit_code == 0, stats_hub.output
    assert json.loads(stats_hub.output) == json.loads(stats_db.output)
    assert json.loads(stats_hub.output)["admitted"] == 2 + 3


def test_sync_exits_2_when_the_hub_cannot_be_reached(hub_dsn, tmp_path) -> None:
    db = tmp_path / "a.sqlite3"
    _ledger(db, "gate-a")
    gone = make_conninfo(hub_dsn, port="1", connect_timeout="3")
    result = run("sync", "--db", db, "--hub", gone, "--json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["waiting"] == 4 and data["kiosk"] == "gate-a"
    assert result.stderr.startswith("gatekeeper: ") and len(result.stderr.splitlines()) == 1
    plain = run("sync", "--db", db, "--hub", gone)
    assert plain.exit_code == 2 and "Nothing is lost" in plain.output
    assert str(conninfo_to_dict(hub_dsn)["password"]) not in plain.output + result.output
    never = run("sync", "--db", db)
    assert never.exit_code == 2 and "add-kiosk" in never.output


def test_sync_exits_1_for_a_cloned_kiosk_and_new_id_fixes_it(hub_dsn, tmp_path) -> None:
    _init(hub_dsn)
    a = tmp_path / "a.sqlite3"
    _ledger(a, "gate-a")
    _add(hub_dsn, a)
    assert run("sync", "--db", a).exit_code == 0
    clone = tmp_path / "clone.sqlite3"
    shutil.copy(a, clone)
    _ledger(a, "gate-a", 2)
    _ledger(clone, "gate-a", 3)
    assert run("sync", "--db", a).exit_code == 0
    refused = run("sync", "--db", clone)
    assert refused.exit_code == 1
    assert "gate-a" in refused.output and "kiosk new-id" in refused.output
    fixed = run("kiosk", "new-id", "--db", clone)
    assert fixed.exit_code == 0, fixed.output
    _add(hub_dsn, clone)
    assert run("sync", "--db", clone).exit_code == 0


def test_verify_hub_ok_then_tampered_by_the_owner(hub_dsn, tmp_path) -> None:
    _init(hub_dsn)
    a = tmp_path / "a.sqlite3"
    _ledger(a, "gate-a")
    _add(hub_dsn, a)
    run("sync", "--db", a)
    ok = run("verify", "--hub", hub_dsn)
    assert ok.exit_code == 0, ok.output
    assert ok.output.startswith("OK: 4 records on the hub, 1 kiosks")
    head_line = ok.output.strip().splitlines()[-1]
    local = run("verify", "--db", a)
    assert head_line in local.output.splitlines()  # the same anchor, hub and file
    anchor = head_line.split()[1]
    assert run("verify", "--hub", hub_dsn, "--expect-head", anchor).exit_code == 0
    with psycopg.connect(hub_dsn, autocommit=True) as conn:  # the owner, triggers off
        conn.execute("ALTER TABLE gatekeeper.records DISABLE TRIGGER USER")
        conn.execute("UPDATE gatekeeper.records SET outcome = 'admitted' WHERE kiosk_seq = 1")
    bad = run("verify", "--hub", hub_dsn)
    assert bad.exit_code == 1 and "TAMPERED: kiosk gate-a seq 1" in bad.output


def test_the_installed_command_syncs_and_keeps_the_password_off_the_command_line(
    hub_dsn, tmp_path
) -> None:
    _init(hub_dsn)
    db = tmp_path / "a.sqlite3"
    _ledger(db, "gate-a")
    kiosk_dsn = _add(hub_dsn, db)
    result = run_exe("sync", "--db", db, "--hub", kiosk_dsn, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["pushed"] == 4
    assert "password" not in kiosk_dsn


def test_an_inspectors_reader_role_verifies_the_hub_and_cannot_write(hub_dsn, tmp_path) -> None:
    _init(hub_dsn)
    db = tmp_path / "a.sqlite3"
    _ledger(db, "gate-a")
    _add(hub_dsn, db)
    run("sync", "--db", db)
    result = run("hub", "add-reader", "--hub", hub_dsn, "--name", "inspector_li",
                 "--role", "inspector")  # fmt: skip
    assert result.exit_code == 0, result.output
    reader = result.output.strip().splitlines()[-1]
    assert "password" not in conninfo_to_dict(reader)
    assert run("verify", "--hub", reader).exit_code == 0
    assert json.loads(run("stats", "--hub", reader, "--date", DAY, "--json").output)[
        "admitted"] == 2  # fmt: skip
    with psycopg.connect(reader, autocommit=True) as conn:
        for statement in ("DELETE FROM gatekeeper.records",
                          "INSERT INTO gatekeeper.kiosks VALUES ('x', 'y', now())",
                          "SELECT * FROM gatekeeper.account_secrets"):  # fmt: skip
            try:
                conn.execute(statement.encode())
            except psycopg.errors.InsufficientPrivilege:
                continue
            raise AssertionError(f"an inspector's role could: {statement}")
    assert run("hub", "add-reader", "--hub", hub_dsn, "--name", "Bad-Name",
               "--role", "inspector").exit_code == 2  # fmt: skip
