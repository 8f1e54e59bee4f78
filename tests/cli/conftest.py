"""Fixtures for the CLI tests: an isolated home for config and data, and a simulated ledger."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import DAYS, PEOPLE, SEED, START, run


def _isolate(mp: pytest.MonkeyPatch, home: Path) -> None:
    # platformdirs reads these on Linux: no test reads or writes the real user's files.
    mp.setenv("XDG_CONFIG_HOME", str(home / "config"))
    mp.setenv("XDG_DATA_HOME", str(home / "data"))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _isolate(monkeypatch, tmp_path / "home")


@pytest.fixture(scope="session")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A ledger written by `gatekeeper simulate`; tests must not change it (use ledger_copy)."""
    folder = tmp_path_factory.mktemp("simulated")
    db = folder / "ledger.sqlite3"
    with pytest.MonkeyPatch.context() as mp:
        _isolate(mp, folder / "home")
        result = run(
            "simulate", "--db", db, "--days", DAYS, "--people", PEOPLE,
            "--seed", SEED, "--start", START,
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    yield db


@pytest.fixture
def ledger_copy(simulated: Path, tmp_path: Path) -> Path:
    """A private copy of the simulated ledger, free to tamper with."""
    target = tmp_path / "copy.sqlite3"
    shutil.copyfile(simulated, target)
    return target
