"""gatekeeper.resources: the repository's resources/ from source, the bundled copy frozen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gatekeeper import resources

REPO = Path(__file__).resolve().parents[2]


def test_source_tree_uses_the_repository_resources() -> None:
    assert not resources.is_frozen()
    assert resources.resources_dir() == REPO / "resources"
    assert (resources.resources_dir() / "sounds" / "chime_high.wav").is_file()
    assert resources.demo_video().is_file()


def test_frozen_app_uses_its_bundled_copy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.is_frozen()
    assert resources.resources_dir() == tmp_path / "resources"
    assert resources.demo_video() == tmp_path / "resources" / "demo" / "demo.avi"
