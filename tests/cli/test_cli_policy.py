"""`gatekeeper policy init [-o FILE] [--force]` and `gatekeeper policy check FILE`."""

from __future__ import annotations

from pathlib import Path

from cli_support import assert_user_error, one_line_error, run, run_exe

from gatekeeper.services.locations import default_policy_path


def test_init_writes_a_file_that_check_accepts(tmp_path: Path) -> None:
    target = tmp_path / "site" / "policy.toml"
    result = run("policy", "init", "-o", target)
    assert result.exit_code == 0, result.output
    assert target.is_file() and target.read_text(encoding="utf-8").strip()
    assert str(target) in result.stdout
    checked = run("policy", "check", target)
    assert checked.exit_code == 0, checked.output
    assert checked.stdout.startswith("OK")


def test_init_long_option(tmp_path: Path) -> None:
    target = tmp_path / "policy.toml"
    assert run("policy", "init", "--output", target).exit_code == 0
    assert target.is_file()


def test_the_written_policy_drives_simulate(tmp_path: Path) -> None:
    target = tmp_path / "policy.toml"
    assert run("policy", "init", "-o", target).exit_code == 0
    db = tmp_path / "l.sqlite3"
    result = run("simulate", "--db", db, "--days", 1, "--people", 5, "--policy", target)
    assert result.exit_code == 0, result.output


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "policy.toml"
    target.write_text("# my site's edits\n", encoding="utf-8")
    result = run("policy", "init", "-o", target)
    assert_user_error(result.stderr, result.stdout, code=None, exit_code=result.exit_code)
    assert "--force" in one_line_error(result.stderr)
    assert target.read_text(encoding="utf-8") == "# my site's edits\n"


def test_init_with_force_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "policy.toml"
    target.write_text("# old\n", encoding="utf-8")
    result = run("policy", "init", "-o", target, "--force")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") != "# old\n"
    assert run("policy", "check", target).exit_code == 0


def test_init_default_location_is_the_user_config_file() -> None:
    # XDG_CONFIG_HOME points into tmp_path (tests/cli/conftest.py).
    target = default_policy_path()
    assert not target.exists()
    result = run("policy", "init")
    assert result.exit_code == 0, result.output
    assert target.is_file()
    assert run("policy", "check", target).exit_code == 0


def test_check_names_the_unknown_key(tmp_path: Path) -> None:
    target = tmp_path / "policy.toml"
    target.write_text("no_such_key = 1\n", encoding="utf-8")
    result = run("policy", "check", target)
    assert_user_error(result.stderr, result.stdout, code=1, exit_code=result.exit_code)
    assert "no_such_key" in one_line_error(result.stderr)


def test_check_refuses_a_file_that_is_not_toml(tmp_path: Path) -> None:
    target = tmp_path / "policy.toml"
    target.write_text("this is = = not toml [\n", encoding="utf-8")
    result = run("policy", "check", target)
    assert_user_error(result.stderr, result.stdout, code=None, exit_code=result.exit_code)
    one_line_error(result.stderr)


def test_init_then_check_end_to_end(tmp_path: Path) -> None:
    target = tmp_path / "policy.toml"
    done = run_exe("policy", "init", "-o", target)
    assert done.returncode == 0, done.stderr
    done = run_exe("policy", "check", target)
    assert done.returncode == 0, done.stderr
    again = run_exe("policy", "init", "-o", target)
    assert again.returncode != 0 and "Traceback" not in again.stderr
