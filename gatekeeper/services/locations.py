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


def default_log_path() -> Path:
    """GateKeeper's log file: `$GATEKEEPER_DATA_DIR/logs/gatekeeper.log` when that is set
    (tests, several sites on one machine), else the user's log directory."""
    import os

    env = os.environ.get("GATEKEEPER_DATA_DIR")
    base = Path(env) / "logs" if env else Path(
        platformdirs.user_log_dir(APP_NAME, appauthor=False))
    return base / "gatekeeper.log"


def default_hub_dir() -> Path:
    """Where a kiosk keeps its hub connection and password file (owner-only):
    `$GATEKEEPER_DATA_DIR/hub` when that is set, else the user's data directory."""
    import os

    env = os.environ.get("GATEKEEPER_DATA_DIR")
    base = Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return base / "hub"
