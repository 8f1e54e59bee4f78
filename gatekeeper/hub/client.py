"""`Hub`: one psycopg connection to the site hub, and what a kiosk asks of it.

One `Hub` per thread (a psycopg connection is not shared between threads, like the
ledger's sqlite3 one). Every method is one transaction. psycopg's errors become
`HubError`s a person can act on; the password is never in any of their texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import psycopg
from psycopg import errors as pg
from psycopg.rows import TupleRow

from gatekeeper.hub import dsn as dsns
from gatekeeper.hub import schema
from gatekeeper.hub.errors import (
    BadDsnError,
    ConflictError,
    DivergedError,
    HubError,
    HubNotInitialisedError,
    HubRefusedError,
    HubUnreachableError,
    InsecureHubError,
    NewerHubError,
)
from gatekeeper.ledger import chain
from gatekeeper.ledger.model import KioskHead

S = schema.SCHEMA
Row = dict[str, Any]
_INSERT = (
    f"INSERT INTO {S}.records ({', '.join(schema.COLUMNS)}, hub_seq, received_at) "
    f"VALUES ({', '.join(f'%({c})s' for c in schema.COLUMNS)}, 0, now())"
)
_SELECT = ", ".join(schema.COLUMNS)
_SECRETS = (
    f"INSERT INTO {S}.account_secrets (username, pin_hash, salt, set_at, kiosk_id) "
    "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (username) DO UPDATE "
    "SET pin_hash = excluded.pin_hash, salt = excluded.salt, set_at = excluded.set_at, "
    f"kiosk_id = excluded.kiosk_id WHERE excluded.set_at > {S}.account_secrets.set_at"
).encode()
_WHERE_SEQ = re.compile(r"kiosk (\S+) sequence (\d+)")
COUNT_COLUMNS = ("outcome", "reason", "channel", "kind")


def _line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] or type(exc).__name__


@dataclass(frozen=True)
class HubProblem:
    """The first record `verify --hub` found wrong."""

    kiosk_id: str
    kiosk_seq: int
    uuid: str
    what: str


class Hub:
    """The site hub behind one connection."""

    def __init__(self, conn: psycopg.Connection[TupleRow], shown: str) -> None:
        self._conn = conn
        self.shown = shown  # the DSN without its password, for messages
        self.hub_id = ""

    # ----------------------------------------------------------------- opening
    @classmethod
    def connect(cls, dsn: str, *, timeout: int = 10, check: bool = True) -> Hub:
        """Connect (TLS checked for a hub on another machine) and, with `check`, make
        sure it is a GateKeeper hub this program understands."""
        shown = dsns.redacted(dsn)
        try:
            target = dsns.effective(dsn)
        except dsns.InsecureHubError as exc:
            raise InsecureHubError(hub=shown, mode=str(exc)) from None
        except (psycopg.ProgrammingError, ValueError):
            raise BadDsnError(hub=shown) from None
        try:
            conn = psycopg.connect(
                target, connect_timeout=timeout, application_name="gatekeeper"
            )
        except psycopg.ProgrammingError:
            raise BadDsnError(hub=shown) from None
        except psycopg.Error as exc:
            raise HubUnreachableError(hub=shown, detail=_line(exc)) from None
        hub = cls(conn, shown)
        if check:
            try:
                hub.hub_id = hub._check()
            except BaseException:
                conn.close()
                raise
        return hub

    def _check(self) -> str:
        try:
            with self._conn.transaction():
                rows = self._conn.execute(f"SELECT key, value FROM {S}.meta".encode()).fetchall()
            meta: dict[str, str] = {str(k): str(v) for k, v in rows}
        except (pg.UndefinedTable, pg.InvalidSchemaName):
            raise HubNotInitialisedError(hub=self.shown) from None
        except psycopg.Error as exc:
            raise self._error(exc) from None
        version = int(str(meta.get("schema_version", "0")))
        if version > schema.VERSION:
            raise NewerHubError(hub=self.shown, found=version)
        return str(meta.get("hub_id", ""))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Hub:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> psycopg.Connection[TupleRow]:
        """For the hub's own administration (init, add-kiosk) and the tests."""
        return self._conn

    def _error(self, exc: psycopg.Error) -> HubError:
        if isinstance(exc, psycopg.OperationalError) and not isinstance(
            exc, pg.InsufficientPrivilege
        ):
            return HubUnreachableError(hub=self.shown, detail=_line(exc))
        if isinstance(exc, pg.InsufficientPrivilege):
            return HubRefusedError(detail=_line(exc))
        return HubRefusedError(detail=_line(exc))

    # ----------------------------------------------------------------- heads
    def head_of(self, kiosk_id: str) -> KioskHead | None:
        """The newest record of one kiosk's chain on the hub."""
        row = self._one(
            f"SELECT kiosk_seq, hash FROM {S}.records WHERE kiosk_id = %s "
            "ORDER BY kiosk_seq DESC LIMIT 1",
            (kiosk_id,),
        )
        return KioskHead(kiosk_id, int(row[0]), str(row[1])) if row else None

    def heads(self) -> list[KioskHead]:
        rows = self._all(
            f"SELECT DISTINCT ON (kiosk_id) kiosk_id, kiosk_seq, hash FROM {S}.records "
            "ORDER BY kiosk_id, kiosk_seq DESC"
        )
        return [KioskHead(str(k), int(s), str(h)) for k, s, h in rows]

    def hash_at(self, kiosk_id: str, kiosk_seq: int) -> str | None:
        row = self._one(
            f"SELECT hash FROM {S}.records WHERE kiosk_id = %s AND kiosk_seq = %s",
            (kiosk_id, kiosk_seq),
        )
        return str(row[0]) if row else None

    def kiosk_known(self, kiosk_id: str) -> bool:
        return self._one(f"SELECT 1 FROM {S}.kiosks WHERE kiosk_id = %s", (kiosk_id,)) is not None

    # ----------------------------------------------------------------- push, pull
    def push(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert one batch of one kiosk's records in ONE transaction: all or none. The
        server checks every link, hash and the kiosk's right to insert them."""
        if not rows:
            return
        try:
            with self._conn.transaction(), self._conn.cursor() as cur:
                cur.executemany(_INSERT.encode(), [dict(r) for r in rows])
        except psycopg.Error as exc:
            raise self._push_error(exc, rows) from None

    def _push_error(self, exc: psycopg.Error, rows: Sequence[Mapping[str, Any]]) -> HubError:
        where = _WHERE_SEQ.search(str(exc))
        kiosk = where.group(1) if where else str(rows[0]["kiosk_id"])
        seq = int(where.group(2)) if where else int(rows[0]["kiosk_seq"])
        uuid = next((str(r["uuid"]) for r in rows if int(r["kiosk_seq"]) == seq), "?")
        state = getattr(exc, "sqlstate", None) or ""
        if state in ("GK001", "GK002"):
            return DivergedError(kiosk=kiosk, seq=seq, db="PATH")
        if state == "GK003" or isinstance(exc, pg.UniqueViolation):
            return ConflictError(kiosk=kiosk, seq=seq, uuid=uuid, detail=_line(exc))
        return self._error(exc)

    def pull(self, after: int, exclude_kiosk: str, limit: int) -> list[tuple[int, Row]]:
        """Up to `limit` records of the other kiosks after hub position `after`."""
        with self._read() as conn, conn.cursor() as cur:
            cur.execute(
                f"SELECT hub_seq, {_SELECT} FROM {S}.records WHERE hub_seq > %s "
                "AND kiosk_id <> %s ORDER BY hub_seq LIMIT %s",
                (after, exclude_kiosk, limit),
            )
            names = [d.name for d in cur.description or ()][1:]
            return [(int(r[0]), dict(zip(names, r[1:], strict=True))) for r in cur]

    def last_position(self) -> int:
        row = self._one(f"SELECT coalesce(max(hub_seq), 0) FROM {S}.records")
        return int(row[0]) if row else 0

    # ----------------------------------------------------------------- accounts' secrets
    def push_secrets(self, secrets: Iterable[tuple[str, str, bytes, str]], kiosk_id: str) -> None:
        """(username, pin_hash, salt, set_at): the newest PIN of an account wins."""
        rows = [(u, h, s, at, kiosk_id) for u, h, s, at in secrets]
        if not rows:
            return
        try:
            with self._conn.transaction(), self._conn.cursor() as cur:
                cur.executemany(
                    _SECRETS,
                    rows,
                )
        except psycopg.Error as exc:
            raise self._error(exc) from None

    def secrets(self) -> list[tuple[str, str, bytes, str]]:
        rows = self._all(f"SELECT username, pin_hash, salt, set_at FROM {S}.account_secrets")
        return [(str(u), str(h), bytes(s), str(at)) for u, h, s, at in rows]

    # ----------------------------------------------------------------- figures
    def count(self, *, kind: str | None = None, day: str | None = None,
              until_day: str | None = None, outcome: str | None = None,
              reason: str | None = None, channel: str | None = None) -> int:  # fmt: skip
        """As Ledger.count, over the site's records on the hub."""
        where, params = _where(kind=kind, day=day, until_day=until_day, outcome=outcome,
                               reason=reason, channel=channel)  # fmt: skip
        row = self._one(f"SELECT count(*) FROM {S}.records{where}", params)
        return int(row[0]) if row else 0

    def count_by(self, column: Literal["outcome", "reason", "channel", "kind"], *,
                 kind: str | None = None, day: str | None = None,
                 outcome: str | None = None) -> dict[str, int]:  # fmt: skip
        """As Ledger.count_by, over the site's records on the hub."""
        if column not in COUNT_COLUMNS:
            raise ValueError(f"count_by column must be one of {COUNT_COLUMNS}")
        where, params = _where(kind=kind, day=day, outcome=outcome)
        where = f"{where} AND {column} IS NOT NULL" if where else f" WHERE {column} IS NOT NULL"
        rows = self._all(f"SELECT {column}, count(*) FROM {S}.records{where} GROUP BY 1", params)
        return {str(v): int(n) for v, n in rows}

    def records_count(self) -> int:
        return self.count()

    # ----------------------------------------------------------------- verify
    def first_problem(self) -> HubProblem | None:
        """Every chain on the hub again, in the server: links, hashes, personal digests,
        and erasures no purge record covers (the owner can edit rows the triggers guard)."""
        pre = schema._preimage("r")
        row = self._one(
            f"""
            WITH cutoff AS (
                SELECT coalesce(max(body::jsonb ->> 'cutoff'), '') AS day
                FROM {S}.records WHERE kind = %s
            ), checked AS (
                SELECT r.kiosk_id, r.kiosk_seq, r.uuid,
                    CASE
                    WHEN r.kiosk_seq <> coalesce(lag(r.kiosk_seq) OVER w, 0) + 1
                        THEN 'a gap in the chain before it'
                    WHEN r.prev_hash <> coalesce(lag(r.hash) OVER w, %s)
                        THEN 'it does not link to the record before it'
                    WHEN encode(sha256(convert_to({pre}, 'UTF8')), 'hex') <> r.hash
                        THEN 'its hash does not match its content'
                    WHEN r.personal IS NOT NULL AND (r.salt IS NULL OR encode(sha256(
                        r.salt || convert_to(r.personal, 'UTF8')), 'hex')
                        IS DISTINCT FROM r.personal_digest)
                        THEN 'its personal fields do not match their digest'
                    WHEN r.personal IS NULL AND r.personal_digest IS NOT NULL
                        AND r.day >= (SELECT day FROM cutoff)
                        THEN 'its personal fields were erased without a purge record'
                    END AS what
                FROM {S}.records r
                WINDOW w AS (PARTITION BY r.kiosk_id ORDER BY r.kiosk_seq)
            )
            SELECT kiosk_id, kiosk_seq, uuid, what FROM checked WHERE what IS NOT NULL
            ORDER BY kiosk_id, kiosk_seq LIMIT 1
            """,
            (schema.PURGE_KIND, chain.GENESIS),
        )
        return HubProblem(str(row[0]), int(row[1]), str(row[2]), str(row[3])) if row else None

    # ----------------------------------------------------------------- plumbing
    def _read(self) -> _ReadTx:
        return _ReadTx(self)

    def _one(self, query: str, params: Sequence[Any] = ()) -> TupleRow | None:
        with self._read() as conn:
            return conn.execute(query.encode("utf-8"), params).fetchone()

    def _all(self, query: str, params: Sequence[Any] = ()) -> list[TupleRow]:
        with self._read() as conn:
            return conn.execute(query.encode("utf-8"), params).fetchall()


class _ReadTx:
    """A short transaction whose psycopg errors become HubErrors."""

    def __init__(self, hub: Hub) -> None:
        self._hub = hub
        self._tx: Any = None

    def __enter__(self) -> psycopg.Connection[TupleRow]:
        try:
            self._tx = self._hub._conn.transaction()
            self._tx.__enter__()
        except psycopg.Error as exc:
            raise self._hub._error(exc) from None
        return self._hub._conn

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        try:
            self._tx.__exit__(kind, exc, tb)
        except psycopg.Error as error:
            raise self._hub._error(error) from None
        if isinstance(exc, psycopg.Error):
            raise self._hub._error(exc) from None


def _where(**filters: str | None) -> tuple[str, list[str]]:
    clauses: list[str] = []
    params: list[str] = []
    for name, value in filters.items():
        if value is None:
            continue
        clauses.append("day <= %s" if name == "until_day" else f"{name} = %s")
        params.append(str(value))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
