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


def default_settings_dir() -> Path:
    """The user's GateKeeper settings directory, e.g. ~/.config/GateKeeper."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_kiosk_pin_path() -> Path:
    """The kiosk PIN file (salted hash, lockout), e.g. ~/.config/GateKeeper/kiosk-pin.json."""
    return default_settings_dir() / "kiosk-pin.json"
