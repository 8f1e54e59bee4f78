"""Where GateKeeper keeps its files unless told otherwise (platformdirs)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "GateKeeper"


def default_ledger_path() -> Path:
    """The ledger in the user's data directory, e.g. ~/.local/share/GateKeeper/ledger.sqlite3."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "ledger.sqlite3"


def default_policy_path() -> Path:
    """The site's policy file, e.g. ~/.config/GateKeeper/policy.toml (optional)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "policy.toml"
