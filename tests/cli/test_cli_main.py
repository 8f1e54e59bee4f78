"""`gatekeeper --version`, `gatekeeper --help` and the command tree."""

from __future__ import annotations

from importlib.metadata import version

import click
from cli_support import run, run_exe

from gatekeeper.cli.main import cli


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"gatekeeper, version {version('gatekeeper')}"


def test_version_end_to_end() -> None:
    done = run_exe("--version")
    assert done.returncode == 0
    assert version("gatekeeper") in done.stdout


def test_help_lists_every_subcommand() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert set(cli.commands) >= {"gui", "simulate", "verify", "stats", "policy"}
    listed = result.stdout.split("Commands:", 1)[1]
    for name in cli.commands:
        assert f"  {name} " in listed, name


def test_help_end_to_end() -> None:
    done = run_exe("--help")
    assert done.returncode == 0
    for name in cli.commands:
        assert name in done.stdout


def test_policy_help_lists_its_subcommands() -> None:
    policy = cli.commands["policy"]
    assert isinstance(policy, click.Group)
    result = run("policy", "--help")
    assert result.exit_code == 0
    for name in policy.commands:
        assert f"  {name} " in result.stdout, name


def test_every_subcommand_has_help() -> None:
    for name in cli.commands:
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert result.stdout.startswith(f"Usage: gatekeeper {name}")


def test_python_dash_m_is_the_same_command() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "gatekeeper", "--version"],
        capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and version("gatekeeper") in done.stdout
