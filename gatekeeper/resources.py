"""Where GateKeeper's data files are, from the source tree and from a frozen app.

``resources/`` (translations, sounds, the demo video, icons) sits at the top of the
repository, which the project is installed from (editable). A PyInstaller build
(``packaging/gatekeeper.spec``) bundles a copy as ``resources/`` inside the app's
folder, ``sys._MEIPASS``. Qt-free, so every layer may ask.
"""

from __future__ import annotations

import sys
from pathlib import Path

DEMO_CAMERA = "demo"  # `--camera demo`: the generated video in resources/demo/


def is_frozen() -> bool:
    """True inside a PyInstaller build (``sys.frozen`` and ``sys._MEIPASS`` are set)."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def resources_dir() -> Path:
    """``<app>/_internal/resources`` when frozen, else the repository's ``resources/``."""
    if is_frozen():
        return Path(sys._MEIPASS) / "resources"  # type: ignore[attr-defined]
    return Path(__file__).resolve().parents[1] / "resources"


def demo_video() -> Path:
    """The demo camera: ``resources/demo/demo.avi`` (``packaging/make_demo_video.py``)."""
    return resources_dir() / "demo" / "demo.avi"
