"""A throwaway PostgreSQL server for the hub's tests: a real one, never a mock.

`initdb` and `pg_ctl` from Debian's `postgresql` package (which `make setup` installs)
into a temporary folder, listening on a free port of 127.0.0.1 only, password (SCRAM)
authentication over TCP as a real site's server would have. Run as the `postgres`
system user when the tests run as root (PostgreSQL refuses to run as root). With
GATEKEEPER_TEST_HUB set to a connection string (a role that may create databases and
roles), that server is used instead and nothing is started.

Each test gets a database of its own (`Server.new_database`), dropped afterwards with
the roles the hub made in it.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

ENV = "GATEKEEPER_TEST_HUB"


def bindir() -> Path:
    """The newest installed PostgreSQL's bin folder (Debian keeps them off PATH)."""
    override = os.environ.get("GATEKEEPER_PG_BINDIR")
    if override:
        return Path(override)
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit()
        else 0,
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise RuntimeError(
        "PostgreSQL's server programs (initdb, pg_ctl) are not installed: run `make setup` "
        f"(Debian package postgresql), or set {ENV} to a server's connection string"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A PostgreSQL server the tests may create databases and roles on."""

    admin_dsn: str  # the server's maintenance database, as a role that may create
    folder: Path | None = None  # our own cluster's folder (None: GATEKEEPER_TEST_HUB)
    _bin: Path | None = None
    _user: str | None = None
    durable: bool = False
    options: str = ""  # more server settings, e.g. " -c wal_level=logical"
    _made: list[str] = field(default_factory=list)

    def dsn(self, dbname: str, **extra: str) -> str:
        return make_conninfo(self.admin_dsn, dbname=dbname, **extra)

    def new_database(self) -> str:
        """A fresh, empty UTF-8 database; its connection string as the admin role."""
        name = f"gk_test_{secrets.token_hex(6)}"
        with psycopg.connect(self.admin_dsn, autocommit=True) as conn:
            conn.execute(
                sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(
                    sql.Identifier(name)
                )
            )
        self._made.append(name)
        return self.dsn(name)

    def drop_database(self, dsn: str) -> None:
        """Drop a test database and the login roles the hub created for it."""
        name = conninfo_to_dict(dsn)["dbname"]
        with psycopg.connect(self.admin_dsn, autocommit=True) as conn:
            roles = []
            try:
                with psycopg.connect(dsn, autocommit=True) as db:
                    roles = [r[0] for r in db.execute(
                        "SELECT rolname FROM pg_roles WHERE rolname LIKE %s",
                        (f"gk\\_{_role_tag(dsn)}\\_%",),
                    )]  # fmt: skip
            except psycopg.Error:
                pass
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            for role in roles:
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """A PostgreSQL program of our own cluster, as its system user."""
        assert self._bin is not None
        return _as_user(self._user, [str(self._bin / args[0]), *args[1:]])

    def stop(self) -> None:
        if self.folder is None:
            return
        self.run("pg_ctl", "stop", "-D", str(self.folder / "data"), "-m", "fast", "-w")

    def start(self) -> None:
        assert self.folder is not None
        port = conninfo_to_dict(self.admin_dsn)["port"]
        _start(self, int(str(port)))


def _role_tag(dsn: str) -> str:
    from gatekeeper.hub import schema

    return schema.role_tag(str(conninfo_to_dict(dsn)["dbname"]))


def _as_user(user: str | None, argv: list[str]) -> subprocess.CompletedProcess[str]:
    kwargs: dict[str, object] = {}
    if user is not None:
        info = pwd.getpwnam(user)
        kwargs = {"user": info.pw_uid, "group": info.pw_gid, "extra_groups": []}
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False,
                            cwd="/", **kwargs)  # type: ignore[call-overload]  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {result.stderr or result.stdout}")
    return result


def _start(server: Server, port: int) -> None:
    assert server.folder is not None
    data = server.folder / "data"
    # Tests throw the cluster away: no need to survive a power cut. The benchmark's is
    # durable, as a real hub would be.
    fast = "" if server.durable else "-c fsync=off -c full_page_writes=off " \
        "-c synchronous_commit=off "  # fmt: skip
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} "
        f"-c unix_socket_directories={server.folder} {fast}-c max_connections=60"
        f"{server.options}"
    )
    server.run("pg_ctl", "start", "-D", str(data), "-l", str(server.folder / "server.log"),
               "-w", "-t", "60", "-o", options)  # fmt: skip
    deadline = time.monotonic() + 30
    while True:
        try:
            psycopg.connect(server.admin_dsn, connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


PREFIX = "gatekeeper-pg-"
OWNER = "owner.pid"  # the test process that started the cluster


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale() -> list[Path]:
    """Stop and remove clusters whose test process is gone (a run killed or crashed before
    its fixture could stop them); returns their folders."""
    gone = []
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        try:
            owner = int((folder / OWNER).read_text().strip())
        except (OSError, ValueError):
            continue  # not ours, or still being made
        if _alive(owner):
            continue
        server = Server(admin_dsn="", folder=folder, _bin=bindir(),
                        _user="postgres" if os.geteuid() == 0 else None)  # fmt: skip
        remove(server)
        gone.append(folder)
    return gone


def start_cluster(*, durable: bool = False, options: str = "") -> Server:
    """initdb + pg_ctl start into a new temporary folder, on a free port (with `durable`,
    fsync on, as a real server). Clusters a crashed earlier run left are swept first, and
    this one is stopped when the process exits, whatever the fixture got to do."""
    sweep_stale()
    user = "postgres" if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    (folder / OWNER).write_text(f"{os.getpid()}\n")
    password = secrets.token_urlsafe(18)
    (folder / "pw").write_text(password + "\n")
    if user is not None:
        info = pwd.getpwnam(user)
        for path in (folder, folder / "pw"):
            os.chown(path, info.pw_uid, info.pw_gid)
    os.chmod(folder, 0o700)
    server = Server(admin_dsn="", folder=folder, _bin=bindir(), _user=user, durable=durable,
                    options=options)
    server.run("initdb", "-D", str(folder / "data"), "-U", "gk_admin", "-E", "UTF8",
               "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256",
               f"--pwfile={folder / 'pw'}", "-N")  # fmt: skip
    port = _free_port()
    server.admin_dsn = make_conninfo(
        host="127.0.0.1", port=str(port), user="gk_admin", password=password,
        dbname="postgres", connect_timeout="10",
    )  # fmt: skip
    _start(server, port)
    atexit.register(remove, server)
    _exit_on_sigterm()
    return server


def _exit_on_sigterm() -> None:
    """A run stopped by SIGTERM (a CI job's timeout, `kill`) exits through SystemExit,
    so the atexit above stops its clusters; Python's default for SIGTERM exits with
    no atexit at all. A handler someone else set is kept."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _terminated)


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def from_environment() -> Server | None:
    dsn = os.environ.get(ENV)
    return Server(admin_dsn=dsn) if dsn else None


def remove(server: Server) -> None:
    """Stop the cluster and delete its folder (safe to call twice)."""
    if server.folder is None or not server.folder.exists():
        return
    with contextlib.suppress(RuntimeError):
        server.run("pg_ctl", "stop", "-D", str(server.folder / "data"), "-m", "immediate")
    shutil.rmtree(server.folder, ignore_errors=True)
