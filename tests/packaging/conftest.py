"""The `packaging` marker: tests of the built app in dist/gatekeeper/ (`make package`)."""

from __future__ import annotations


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers", "packaging: runs the PyInstaller build in dist/gatekeeper/ (make package)"
    )
