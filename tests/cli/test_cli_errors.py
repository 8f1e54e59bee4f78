"""A user's mistake: one clear line on stderr, a non-zero exit, no traceback, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import assert_user_error, one_line_error, run, run_exe, snapshot

SIM = ("--days", "1", "--people", "3")

# (args, expected exit code or None for "any non-zero", a fragment the message must contain)
MISTAKES = {
    "verify-no-db": (["verify"], 2, "--db"),
    "stats-no-db": (["stats", "--json"], 2, "--db"),
    "simulate-no-db": (["simulate", *SIM], 2, "--db"),
    "verify-missing-db": (["verify", "--db", "{tmp}/none.sqlite3"], 2, "none.sqlite3"),
    "stats-missing-db": (["stats", "--db", "{tmp}/none.sqlite3"], 2, "none.sqlite3"),
    "verify-db-is-dir": (["verify", "--db", "{tmp}"], 2, "directory"),
    "stats-db-is-dir": (["stats", "--db", "{tmp}"], 2, "directory"),
    "simulate-db-is-dir": (["simulate", "--db", "{tmp}", *SIM], 2, "directory"),
    "simulate-db-in-missing-dir": (
        ["simulate", "--db", "{tmp}/no/such/dir/l.sqlite3", *SIM], None, "does not exist",
    ),
    "days-0": (["simulate", "--db", "{tmp}/l.sqlite3", "--days", "0", "--people", "3"], 2,
               "--days"),
    "days-not-a-number": (["simulate", "--db", "{tmp}/l.sqlite3", "--days", "x", "--people",
                           "3"], 2, "--days"),
    "people-negative": (["simulate", "--db", "{tmp}/l.sqlite3", "--days", "1", "--people", "-1"],
                        2, "--people"),
    "days-missing": (["simulate", "--db", "{tmp}/l.sqlite3", "--people", "3"], 2, "--days"),
    "bad-start": (["simulate", "--db", "{tmp}/l.sqlite3", *SIM, "--start", "2020-02-30"], None,
                  "YYYY-MM-DD"),
    "bad-start-word": (["simulate", "--db", "{tmp}/l.sqlite3", *SIM, "--start", "today"], None,
                       "YYYY-MM-DD"),
    "simulate-missing-policy": (
        ["simulate", "--db", "{tmp}/l.sqlite3", *SIM, "--policy", "{tmp}/none.toml"], None,
        "none.toml",
    ),
    "stats-missing-policy": (
        ["stats", "--db", "{tmp}/l.sqlite3", "--policy", "{tmp}/none.toml"], None, "none.toml",
    ),
    "simulate-unknown-policy-key": (
        ["simulate", "--db", "{tmp}/l.sqlite3", *SIM, "--policy", "{tmp}/unknown.toml"], None,
        "fever_treshold_c",
    ),
    "check-unknown-policy-key": (["policy", "check", "{tmp}/unknown.toml"], 1,
                                 "fever_treshold_c"),
    "check-missing-policy": (["policy", "check", "{tmp}/none.toml"], None, "none.toml"),
    "unknown-subcommand": (["frobnicate"], 2, "frobnicate"),
    "unknown-option": (["stats", "--db", "x", "--yesterday"], 2, "--yesterday"),
    "gui-db-in-missing-dir": (["gui", "--db", "/nonexistent-dir/x.sqlite3", "--lang", "en"],
                              None, "does not exist"),
    "gui-bad-lang": (["gui", "--db", "{tmp}/l.sqlite3", "--lang", "fr"], 2, "--lang"),
}  # fmt: skip


def _setup(tmp_path: Path) -> None:
    (tmp_path / "unknown.toml").write_text("fever_treshold_c = 37.3\n", encoding="utf-8")


@pytest.mark.parametrize("name", list(MISTAKES))
def test_mistake_is_reported_cleanly(name: str, tmp_path: Path) -> None:
    args, code, fragment = MISTAKES[name]
    _setup(tmp_path)
    before = snapshot(tmp_path)
    result = run(*(a.format(tmp=tmp_path) for a in args))
    assert_user_error(result.stderr, result.stdout, code=code, exit_code=result.exit_code)
    assert fragment in result.stderr, result.stderr
    if code != 2:  # not a click usage block: our own one line
        one_line_error(result.stderr)
    assert snapshot(tmp_path) == before, "a mistake must not leave files behind"


@pytest.mark.parametrize(
    ("args", "chinese"),
    [
        (["verify", "--db", "{tmp}/none.sqlite3"], "没有台账"),
        (["verify"], "缺少 --db"),
        (["stats", "--db", "{tmp}/none.sqlite3", "--date", "2020-13-01"], "不是有效日期"),
        (["simulate", "--db", "{tmp}/l.sqlite3", *SIM, "--start", "bad"], "不是有效日期"),
        (["policy", "check", "{tmp}/unknown.toml"], "fever_treshold_c"),
    ],
)
def test_chinese_locale_gives_chinese_messages(args, chinese: str, tmp_path: Path) -> None:
    _setup(tmp_path)
    result = run(*(a.format(tmp=tmp_path) for a in args), env={"LANG": "zh_CN.UTF-8"})
    assert result.exit_code != 0
    line = one_line_error(result.stderr)
    assert chinese in line
    assert any("\u4e00" <= ch <= "\u9fff" for ch in line.replace(chinese, "")), line


def test_chinese_policy_error_end_to_end(tmp_path: Path) -> None:
    _setup(tmp_path)
    done = run_exe("policy", "check", tmp_path / "unknown.toml", env={"LANG": "zh_CN.UTF-8"})
    assert done.returncode == 1 and done.stdout == ""
    assert "Traceback" not in done.stderr
    line = one_line_error(done.stderr)
    assert "fever_treshold_c" in line and any("\u4e00" <= ch <= "\u9fff" for ch in line)


@pytest.mark.parametrize(
    "args",
    [
        ["verify"],
        ["simulate", "--db", "{tmp}", "--days", "1", "--people", "1"],
        ["simulate", "--db", "{tmp}/l.sqlite3", "--days", "0", "--people", "1"],
        ["simulate", "--db", "{tmp}/l.sqlite3", "--days", "1", "--people", "1", "--start", "x"],
        ["gui", "--db", "/nonexistent-dir/x.sqlite3", "--lang", "en"],
    ],
    ids=["no-db", "dir", "days-0", "bad-start", "gui-missing-dir"],
)
def test_mistakes_end_to_end(args: list[str], tmp_path: Path) -> None:
    done = run_exe(*(a.format(tmp=tmp_path) for a in args))
    assert_user_error(done.stderr, done.stdout, code=None, exit_code=done.returncode)
    assert list(tmp_path.iterdir()) == []
