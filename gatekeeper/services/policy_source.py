"""Which policy applies: the file named, else the site's file if there is one, else defaults.

`resolve_policy` also remembers where the policy it returned came from, so the manager
console can say which policy is in force (`in_force`) without the path being threaded
through every layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from gatekeeper.domain.policy import Policy, load_policy
from gatekeeper.services.locations import default_policy_path


class SourceKind(StrEnum):
    FILE = "file"  # named with --policy
    USER = "user"  # the site's file in the user config directory
    DEFAULTS = "defaults"  # built in


@dataclass(frozen=True)
class PolicySource:
    kind: SourceKind
    path: Path | None = None


_last: PolicySource | None = None


def source_of(path: Path | None) -> PolicySource:
    """Where `resolve_policy(path)` takes the policy from (without loading it)."""
    if path is not None:
        return PolicySource(SourceKind.FILE, Path(path))
    default = default_policy_path()
    if default.exists():
        return PolicySource(SourceKind.USER, default)
    return PolicySource(SourceKind.DEFAULTS)


def resolve_policy(path: Path | None) -> Policy:
    """An explicitly named file must load; the default file is optional."""
    global _last
    source = source_of(path)
    policy = load_policy(source.path) if source.path is not None else Policy()
    _last = source
    return policy


def in_force() -> PolicySource:
    """Where the policy this process resolved last came from (defaults if none was)."""
    return _last if _last is not None else PolicySource(SourceKind.DEFAULTS)
