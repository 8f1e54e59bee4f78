"""Connection strings to the hub: TLS when it is on another machine, secrets kept out.

A DSN is a libpq connection string or a `postgresql://` URL (psycopg parses both).
A hub that is not on this machine is only reached with its certificate checked
(`sslmode=verify-full`): set by default, and a weaker mode is refused rather than
quietly used. A password never needs to be in a DSN: `add-kiosk` writes it to an
owner-only libpq password file named by `passfile=`, so the DSN it prints can be
passed on a command line (which every user of the machine can see) and logged.
"""

from __future__ import annotations

import ipaddress

from psycopg.conninfo import conninfo_to_dict, make_conninfo

LOCAL_HOSTS = frozenset({"", "localhost"})
SECRET_KEYS = frozenset({"password"})


def _local(host: str) -> bool:
    if host in LOCAL_HOSTS or host.startswith("/") or host.startswith("@"):
        return True  # a Unix socket (a path, or Linux's abstract namespace)
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_local(dsn: str) -> bool:
    """Whether every host the DSN names is this machine (no TLS needed on loopback). A
    host name other than localhost counts as another machine even with a loopback
    `hostaddr` (libpq checks the certificate against the name)."""
    params = conninfo_to_dict(dsn)
    names = [str(params.get(k) or "") for k in ("host", "hostaddr")]
    return all(_local(h.strip()) for value in names for h in value.split(","))


class InsecureHubError(ValueError):
    """A hub on another machine without its certificate checked."""


def effective(dsn: str) -> str:
    """The DSN as connected: `sslmode=verify-full` added for a hub on another machine;
    InsecureHubError for a weaker mode asked for there. ValueError if unparseable."""
    params = conninfo_to_dict(dsn)
    if is_local(dsn):
        return dsn
    mode = params.get("sslmode")
    if mode is None:
        return make_conninfo(dsn, sslmode="verify-full")
    if mode != "verify-full":
        raise InsecureHubError(str(mode))
    return dsn


def redacted(dsn: str) -> str:
    """The DSN to show a person or a log: never the password."""
    try:
        params = conninfo_to_dict(dsn)
    except Exception:  # psycopg.ProgrammingError: an unparseable string shows as "?"
        return "?"
    shown = {k: ("***" if k in SECRET_KEYS else v) for k, v in params.items()}
    return make_conninfo("", **{k: str(v) for k, v in shown.items() if v is not None})


def database(dsn: str) -> str:
    """The database a DSN names (libpq's default is the user's name)."""
    params = conninfo_to_dict(dsn)
    return str(params.get("dbname") or params.get("user") or "")


def with_params(dsn: str, **params: str | None) -> str:
    """The DSN with parameters set (None removes one)."""
    current = {k: v for k, v in conninfo_to_dict(dsn).items() if v is not None}
    for key, value in params.items():
        if value is None:
            current.pop(key, None)
        else:
            current[key] = value
    return make_conninfo("", **{k: str(v) for k, v in current.items()})


def passfile_line(database: str, user: str, password: str) -> str:
    """One line of a libpq password file (any host and port: the DSN names them)."""

    def esc(value: str) -> str:
        return value.replace("\\", "\\\\").replace(":", "\\:")

    return f"*:*:{esc(database)}:{esc(user)}:{esc(password)}\n"
