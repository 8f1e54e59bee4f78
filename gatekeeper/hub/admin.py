"""Setting a hub up: its schema and roles (`init`), and a kiosk's own role (`add_kiosk`).

Run with a DSN of a role that owns the hub database and may create roles (the site's
administrator). A kiosk's password is made here, sent to the server only as a SCRAM
verifier (libpq's PQencryptPasswordConn: the cleartext never crosses the wire nor lands
in the server's log), and handed back to be kept in an owner-only password file.
"""

from __future__ import annotations

import re
import secrets
import uuid

import psycopg
from psycopg import sql

from gatekeeper.hub import schema
from gatekeeper.hub.client import Hub
from gatekeeper.hub.errors import HubRefusedError, NewerHubError


def init(dsn: str) -> tuple[Hub, int, bool]:
    """Create or migrate the hub in the database the DSN names; (hub, version, created).
    Idempotent: a second run changes nothing but re-grants the roles' privileges."""
    hub = Hub.connect(dsn, check=False)
    try:
        version, created = schema.init(hub.connection, str(uuid.uuid4()))
    except ValueError as exc:
        hub.close()
        if "newer" in str(exc):
            raise NewerHubError(hub=hub.shown, found=str(exc).split()[5]) from None
        raise HubRefusedError(detail=str(exc)) from None
    except psycopg.Error as exc:
        hub.close()
        raise hub._error(exc) from None
    hub.hub_id = hub._check()
    return hub, version, created


def _login_role(conn: psycopg.Connection[tuple[object, ...]], role: str, group: str) -> str:
    """Create (or give a new password to) a login role in `group`, inside the caller's
    transaction; returns the new password."""
    password = secrets.token_urlsafe(24)
    verifier = conn.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
    verb = "ALTER" if exists else "CREATE"
    conn.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(
        sql.Identifier(role), sql.Literal(verifier.decode())))
    conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(role)))
    return password


def add_kiosk(hub: Hub, kiosk_id: str) -> tuple[str, str]:
    """Register a kiosk and (re)make its login role with a new password; (role, password).
    Adding a kiosk again gives it a new password (the old one stops working)."""
    conn = hub.connection
    dbname = str(conn.info.dbname)
    role = schema.kiosk_role(dbname, kiosk_id)
    try:
        with conn.transaction():
            password = _login_role(conn, role, schema.group_role(dbname, "kiosk"))
            conn.execute(
                f"INSERT INTO {schema.SCHEMA}.kiosks (kiosk_id, role_name) VALUES (%s, %s) "
                "ON CONFLICT (kiosk_id) DO UPDATE SET role_name = excluded.role_name",
                (kiosk_id, role),
            )
    except psycopg.Error as exc:
        raise hub._error(exc) from None
    return role, password


READER_ROLES = ("manager", "inspector")
_NAME = re.compile(r"[a-z][a-z0-9_]{0,30}")


def add_reader(hub: Hub, name: str, what: str) -> tuple[str, str]:
    """A login role for a site manager's or an inspector's tools (`verify --hub`,
    `stats --hub`, reporting): it reads the site's records and writes nothing. Returns
    (role, password); adding the same name again gives it a new password."""
    if what not in READER_ROLES or not _NAME.fullmatch(name):
        raise ValueError(f"{what} {name}")
    conn = hub.connection
    dbname = str(conn.info.dbname)
    role = f"gk_{schema.role_tag(dbname)}_{what[0]}_{name}"
    try:
        with conn.transaction():
            password = _login_role(conn, role, schema.group_role(dbname, what))
    except psycopg.Error as exc:
        raise hub._error(exc) from None
    return role, password
