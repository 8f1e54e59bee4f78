"""Fixtures for the service tests (plain Python, no Qt)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from services_support import Gate, open_gate


@pytest.fixture
def gate(tmp_path: Path) -> Iterator[Gate]:
    g = open_gate(tmp_path)
    yield g
    g.ledger.close()
