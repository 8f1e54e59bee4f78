"""Which policy applies: the file named, else the site's file if there is one, else defaults."""

from __future__ import annotations

from pathlib import Path

from gatekeeper.domain.policy import Policy, load_policy
from gatekeeper.services.locations import default_policy_path


def resolve_policy(path: Path | None) -> Policy:
    """An explicitly named file must load; the default file is optional."""
    if path is not None:
        return load_policy(path)
    default = default_policy_path()
    if default.exists():
        return load_policy(default)
    return Policy()
