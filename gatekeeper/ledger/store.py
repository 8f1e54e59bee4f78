"""`Ledger`: open (safely), append in one transaction, read, count, purge.

One `Ledger` owns one sqlite3 connection, which belongs to the thread that opened it
(sqlite3's check_same_thread): open one `Ledger` per thread. Several connections,
threads or processes may write the same file; each append takes the write lock first
(BEGIN IMMEDIATE), so sequences never collide.
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
import time
import uuid as uuidlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

from gatekeeper.domain import messages
from gatekeeper.ledger import accounts, anchors, canonical, chain, columns, people, replica, schema
from gatekeeper.ledger.accounts import AccountRow
from gatekeeper.ledger.errors import (
    AccountExistsError,
    DamagedLedgerError,
    DirectoryMissingError,
    DuplicateRecordError,
    EmptyLedgerFileError,
    InvalidRecordError,
    LedgerError,
    LedgerNotFoundError,
    NewerLedgerError,
    NotALedgerError,
    OutdatedLedgerError,
    ReadOnlyLedgerError,
    from_sqlite,
)
from gatekeeper.ledger.model import (
    Draft,
    LedgerHead,
    NewRecord,
    Person,
    StoredRecord,
    VerifyReport,
)
from gatekeeper.ledger.verify import read_head, verify

SQLITE_HEADER = b"SQLite format 3\x00"
_KIND = re.compile(r"[a-z][a-z0-9_.]{0,63}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_KIOSK = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")  # no ':' (see LedgerHead.hash)
_RECORD_COLUMNS = columns.SELECT  # the rows _stored turns into StoredRecords
COUNT_BY_COLUMNS = ("outcome", "reason", "channel", "kind")  # query columns (a test checks)
_PURGE = (
    f"UPDATE records SET {', '.join(f'{c} = NULL' for c in columns.purgeable())} "
    f"WHERE day < ? AND ({' OR '.join(f'{c} IS NOT NULL' for c in columns.purgeable())})"
)


def _invalid(field: str, code: str, **params: Any) -> InvalidRecordError:
    """`field` is wrong; `code` is the catalogue key of what is wrong with it."""
    return InvalidRecordError(field=field, detail=messages.filled(code, **params))


@dataclass(frozen=True)
class _Prepared:
    """A NewRecord validated and serialised, everything but its place in the chain.

    Its fields are the columns set by the caller or by prepare (columns.PREPARED; a test
    holds them equal), so a row is built from it by name."""

    uuid: str
    kind: str
    at: str
    day: str
    person_id: str | None
    subject_id: str | None
    channel: str | None
    outcome: str | None
    reason: str | None
    body: str
    personal: str | None
    salt: bytes | None
    personal_digest: str | None
    corrects: str | None


def _check_day(value: Any, field: str = "day") -> str:
    if isinstance(value, str) and _DAY.fullmatch(value):
        try:
            date.fromisoformat(value)
            return value
        except ValueError:
            pass
    raise _invalid(field, "ledger.invalid.not_a_date", value=value)


def _check_uuid(value: Any, field: str) -> str:
    try:
        if isinstance(value, str) and str(uuidlib.UUID(value)) == value:
            return value
    except ValueError:
        pass
    raise _invalid(field, "ledger.invalid.not_a_uuid", value=value)


def _utf8(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        return False
    return True


def _check_text(value: Any, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value or "\x00" in value or not _utf8(value):
        raise _invalid(field, "ledger.invalid.not_text", value=value)
    return str(value)  # a StrEnum member becomes its plain value


def prepare(record: NewRecord) -> _Prepared:
    """Validate and serialise outside the transaction; refuses naive datetimes."""
    if not isinstance(record, NewRecord):
        raise _invalid("record", "ledger.invalid.not_a_record")
    kind = _check_text(record.kind, "kind")
    if kind is None or not _KIND.fullmatch(kind):
        raise _invalid("kind", "ledger.invalid.kind", value=record.kind)
    at = record.at
    if not isinstance(at, datetime) or at.utcoffset() is None:
        raise _invalid("at", "ledger.invalid.naive_time", value=at)
    record_uuid = str(uuidlib.uuid4()) if record.uuid is None else _check_uuid(record.uuid, "uuid")
    corrects = None if record.corrects is None else _check_uuid(record.corrects, "corrects")
    try:
        body = canonical.dumps(record.body, "body")
        personal = canonical.dumps(record.personal, "personal") if record.personal else None
    except canonical.CanonicalError as exc:
        raise _invalid(exc.where, "ledger.invalid.not_json", detail=exc.detail) from exc
    salt = secrets.token_bytes(16) if personal is not None else None
    digest = chain.personal_digest(salt, personal) if salt and personal else None
    return _Prepared(
        uuid=record_uuid,
        kind=kind,
        at=at.isoformat(timespec="microseconds"),
        day=_check_day(record.day),
        person_id=_check_text(record.person_id, "person_id"),
        subject_id=_check_text(record.subject_id, "subject_id"),
        channel=_check_text(record.channel, "channel"),
        outcome=_check_text(record.outcome, "outcome"),
        reason=_check_text(record.reason, "reason"),
        body=body,
        personal=personal,
        salt=salt,
        personal_digest=digest,
        corrects=corrects,
    )


def _stored(row: Sequence[Any]) -> StoredRecord:
    """A row of columns.READ (StoredRecord's field order: a test holds them equal) with
    its JSON columns decoded. Positional, as this runs per row of million-record reads."""
    values = list(row)
    for i in columns.JSON_AT:
        values[i] = canonical.loads(values[i]) if values[i] else None
    return StoredRecord(*values)


def _cannot_write_beside(exc: sqlite3.Error) -> bool:
    """SQLite could not create or write the -wal/-shm files beside the ledger (a
    read-only folder or mount): SQLITE_READONLY or SQLITE_CANTOPEN."""
    return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (8, 14)


def _connect_readonly(path: Path, display: str, *, immutable: bool) -> sqlite3.Connection:
    """A read-only connection that never writes the file. With `immutable`, not even the
    -wal/-shm files beside it (only for a file with nothing in its -wal)."""
    query = "mode=ro&immutable=1" if immutable else "mode=ro"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise from_sqlite(exc, display) from exc
    conn.execute(f"PRAGMA busy_timeout={schema.BUSY_TIMEOUT_MS}")
    return conn


def _wal_has_content(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def _open_readonly(path: Path, display: str) -> sqlite3.Connection:
    """Read a ledger without writing it, also on read-only media.

    A plain read-only connection takes SQLite's shared locks (safe while a kiosk appends)
    but needs the -shm file beside a WAL ledger; where it cannot be created (a read-only
    folder or mount) and the -wal holds nothing, the file is read as immutable. With
    records still in a -wal that SQLite cannot index there, it is refused (exit 2)
    rather than read without its newest records."""
    conn = _connect_readonly(path, display, immutable=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens -wal/-shm now
        return conn
    except sqlite3.Error as exc:
        conn.close()
        if not _cannot_write_beside(exc):
            raise from_sqlite(exc, display) from exc
        if _wal_has_content(path):
            raise _wal_unreadable(path, display) from exc
    return _connect_readonly(path, display, immutable=True)


def _wal_unreadable(path: Path, display: str) -> ReadOnlyLedgerError:
    return ReadOnlyLedgerError(
        path=display,
        detail=f"its newest records are in {path.name}-wal, which cannot be read in a "
        "read-only folder; copy the ledger with its -wal file to a writable folder and "
        "read the copy",
    )


def _check_pages(conn: sqlite3.Connection, display: str) -> None:
    """SQLite's own check of every page (PRAGMA quick_check): a damaged ledger is said to
    be damaged (restore a backup), never read as if whole nor taken for tampering."""
    try:
        rows = conn.execute("PRAGMA quick_check(3)").fetchall()
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and not _damaged(exc):
            raise from_sqlite(exc, display) from exc
        raise DamagedLedgerError(path=display, detail=str(exc)) from exc
    problems = [" ".join(str(r[0]).replace("*** in database main ***", "").split())
                for r in rows if r and r[0] != "ok"]  # fmt: skip
    if problems:  # one line: SQLite's report has a line per problem
        raise DamagedLedgerError(path=display, detail="; ".join(problems)[:200])


def _damaged(exc: sqlite3.Error) -> bool:
    """SQLITE_CORRUPT, SQLITE_NOTADB or SQLITE_IOERR: the bytes, not the access."""
    return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (10, 11, 26)


def _inspect(
    path: Path, known: int, display: str, *, check_pages: bool = True
) -> tuple[int, str | None]:
    """Look at an existing file read-only: (user_version, stored kiosk_id). Never writes
    the file. A GateKeeper ledger's pages are checked too (`check_pages`), on a
    connection that takes SQLite's locks wherever the folder allows it."""
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotALedgerError(path=display, detail="not an SQLite database")
    # nothing to recover: do not even create -wal/-shm files (a refusal leaves no trace)
    immutable = not _wal_has_content(path)
    conn = _connect_readonly(path, display, immutable=immutable)
    try:
        try:
            version = schema.user_version(conn)
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            meta: dict[str, str] = {}
            if "meta" in tables:
                meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            if not immutable and _cannot_write_beside(exc):
                raise _wal_unreadable(path, display) from exc
            if meta_is_ours(conn):
                raise DamagedLedgerError(path=display, detail=str(exc)) from exc
            raise NotALedgerError(path=display, detail=str(exc)) from exc
        if meta.get("app") != schema.APP and (tables or version):
            raise NotALedgerError(path=display, detail="an SQLite database of another program")
        if version > known:
            raise NewerLedgerError(path=display, found=version, known=known)
        if check_pages and meta.get("app") == schema.APP:
            if immutable and os.access(path.absolute().parent, os.W_OK):
                # a kiosk may start appending during the check: take SQLite's locks
                conn.close()
                conn = _open_readonly(path, display)
            _check_pages(conn, display)
    finally:
        conn.close()
    return version, meta.get("kiosk_id")


def meta_is_ours(conn: sqlite3.Connection) -> bool:
    """Whether what can still be read of a failing file says it is a GateKeeper ledger."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == schema.APP


class Ledger:
    """The tamper-evident ledger of one file (see docs/architecture.md, "ledger")."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path, kiosk_id: str, version: int, readonly: bool
    ) -> None:
        self._conn = conn
        self.path = path
        self.kiosk_id = kiosk_id
        self.schema_version = version
        self.readonly = readonly

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        kiosk_id: str | None = None,
        create: bool = True,
        readonly: bool = False,
        migrations: Sequence[schema.Migration] = schema.MIGRATIONS,
    ) -> Ledger:
        """Open (or create) a ledger, migrating it forward; `migrations` is for tests.

        A file that is not ours, or is newer than this code, is refused untouched: it is
        first looked at through a read-only connection.
        """
        file = Path(os.fspath(path))
        display = str(file)
        if kiosk_id is not None and not (isinstance(kiosk_id, str) and _KIOSK.fullmatch(kiosk_id)):
            raise _invalid("kiosk_id", "ledger.invalid.kiosk_id", value=kiosk_id)
        parent = file.absolute().parent
        if not parent.is_dir():
            raise DirectoryMissingError(directory=str(parent), path=display)
        known = len(migrations)
        exists = file.exists()
        if exists and not file.is_file():
            raise NotALedgerError(path=display, detail="it is a folder, not a file")
        if not exists and (readonly or not create):
            raise LedgerNotFoundError(path=display)
        version, stored_kiosk = 0, None
        empty = exists and file.stat().st_size == 0
        if empty and (readonly or not create):  # not a ledger to upgrade: nothing at all
            raise EmptyLedgerFileError(path=display)
        if exists and not empty:
            version, stored_kiosk = _inspect(file, known, display, check_pages=not readonly)
        conn: sqlite3.Connection | None  # None until connected (see the except below)
        if readonly:
            if version < min(known, schema.READABLE_VERSION):
                raise OutdatedLedgerError(path=display, found=version, known=known)
            conn = _open_readonly(file, display)
            try:
                _check_pages(conn, display)
            except BaseException:
                conn.close()
                raise
            return cls(conn, file, kiosk_id or stored_kiosk or "", version, True)
        if not exists and not os.access(parent, os.W_OK):
            raise ReadOnlyLedgerError(path=display, detail="its folder is read-only")
        if exists and not os.access(file, os.W_OK):
            raise ReadOnlyLedgerError(path=display, detail="the file is read-only")
        conn = None
        try:
            if not exists:
                _create_owner_only(file)  # SQLite gives -wal/-shm the file's own mode
            conn = sqlite3.connect(
                display, isolation_level=None, timeout=schema.BUSY_TIMEOUT_MS / 1000
            )
            conn.execute(f"PRAGMA busy_timeout={schema.BUSY_TIMEOUT_MS}")
            for pragma in schema.PRAGMAS:
                conn.execute(pragma)
            conn.execute("BEGIN IMMEDIATE")
            version = schema.user_version(conn)  # again, under the write lock
            if version > known:
                raise NewerLedgerError(path=display, found=version, known=known)
            if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise NotALedgerError(path=display, detail="an SQLite database of another program")
            schema.migrate(conn, migrations)
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("app") != schema.APP:
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('app', ?)", (schema.APP,))
                conn.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('created_at', ?)",
                    (datetime.now(UTC).isoformat(timespec="seconds"),),
                )
            if "kiosk_id" not in meta:
                meta["kiosk_id"] = kiosk_id or str(uuidlib.uuid4())
                conn.execute("INSERT INTO meta VALUES ('kiosk_id', ?)", (meta["kiosk_id"],))
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn is not None:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                conn.close()
            if isinstance(exc, sqlite3.Error):
                raise from_sqlite(exc, display) from exc
            raise
        return cls(conn, file, kiosk_id or meta["kiosk_id"], known, False)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; any failure rolls it all back and becomes a LedgerError."""
        if self.readonly:
            raise ReadOnlyLedgerError(path=str(self.path), detail="it was opened read-only")
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.IntegrityError) and "records.uuid" in str(exc):
                raise DuplicateRecordError(uuid="?") from exc
            if isinstance(exc, sqlite3.Error):
                raise from_sqlite(exc, str(self.path)) from exc
            raise

    # ----------------------------------------------------------------- appending
    def append(self, record: NewRecord) -> StoredRecord:
        """Append one record durably (returns after fsync)."""
        return self.append_all([record])[0]

    def append_all(
        self, records: Sequence[NewRecord], *, discard_draft: str | None = None
    ) -> list[StoredRecord]:
        """Append records (and remove a draft) in ONE transaction: all or nothing."""
        prepared = [prepare(r) for r in records]
        with self._transaction() as conn:
            out = self._append_in(conn, prepared)
            if discard_draft is not None:
                conn.execute("DELETE FROM drafts WHERE draft_id = ?", (discard_draft,))
        return out

    def _append_in(
        self, conn: sqlite3.Connection, prepared: Sequence[_Prepared]
    ) -> list[StoredRecord]:
        """Chain and insert prepared records inside the transaction the caller holds."""
        out: list[StoredRecord] = []
        kiosk = self.kiosk_id
        row = conn.execute(
            "SELECT kiosk_seq, hash FROM chain_heads WHERE kiosk_id = ?", (kiosk,)
        ).fetchone()
        kseq, prev = row if row else (0, chain.GENESIS)
        batch: set[str] = set()
        for p in prepared:
            if (
                p.uuid in batch
                or conn.execute("SELECT 1 FROM records WHERE uuid = ?", (p.uuid,)).fetchone()
            ):
                raise DuplicateRecordError(uuid=p.uuid)
            if (
                p.corrects is not None
                and p.corrects not in batch
                and not conn.execute(
                    "SELECT 1 FROM records WHERE uuid = ?", (p.corrects,)
                ).fetchone()
            ):
                raise _invalid("corrects", "ledger.invalid.nothing_to_correct", uuid=p.corrects)
            kseq += 1
            values = {name: getattr(p, name) for name in columns.PREPARED}
            values.update(kiosk_id=kiosk, kiosk_seq=kseq, prev_hash=prev)
            digest = values["hash"] = chain.record_hash(
                [values[name] for name in chain.HASHED_COLUMNS]
            )
            seq = values["seq"] = conn.execute(columns.INSERT, values).lastrowid
            assert seq is not None
            if p.kind == people.PERSON_KIND:
                if p.person_id is None:
                    raise _invalid("person_id", "ledger.invalid.person_without_id")
                people.apply(conn, seq, p.person_id, p.body, p.personal)
            batch.add(p.uuid)
            out.append(_stored([values[name] for name in columns.READ]))
            prev = digest
        if prepared:
            conn.execute(
                "INSERT INTO chain_heads (kiosk_id, kiosk_seq, hash) VALUES (?, ?, ?) "
                "ON CONFLICT (kiosk_id) DO UPDATE SET kiosk_seq = excluded.kiosk_seq, "
                "hash = excluded.hash",
                (kiosk, kseq, prev),
            )
        return out

    # ----------------------------------------------------------------- reading
    def get(self, uuid: str) -> StoredRecord | None:
        row = self._conn.execute(
            f"SELECT {_RECORD_COLUMNS} FROM records WHERE uuid = ?", (uuid,)
        ).fetchone()
        return _stored(row) if row else None

    def records(
        self,
        *,
        kind: str | None = None,
        day: str | None = None,
        person_id: str | None = None,
        subject_id: str | None = None,
    ) -> Iterator[StoredRecord]:
        """Records matching every given filter, in local (seq) order."""
        where, params = _where(kind=kind, day=day, person_id=person_id, subject_id=subject_id)
        cursor = self._conn.execute(
            f"SELECT {_RECORD_COLUMNS} FROM records{where} ORDER BY seq", params
        )
        for row in cursor:
            yield _stored(row)

    def latest_per_person(self, kinds: Sequence[str]) -> list[StoredRecord]:
        """Each registered person's newest record among `kinds`, in seq order (a person
        with none of them is left out).

        Per row of `people`, one `max(seq)` seek of `records_person_kind` per kind, the
        greatest of which is the person's record: never a walk through their records,
        so a person with thousands of records of other kinds costs what any other does,
        and "who is on site now" stays fast on a ledger of millions.
        """
        kinds = list(dict.fromkeys(str(k) for k in kinds))
        if not kinds:
            return []
        hint = self._index_hint("records_person_kind")  # as in `unclosed`
        newest = ", ".join(
            f"coalesce((SELECT max(r.seq) FROM records r {hint}"
            f"WHERE r.person_id = p.person_id AND r.kind = ?{i}), 0)"
            for i in range(1, len(kinds) + 1)
        )
        # max(a) of one argument is the aggregate: a lone kind needs the scalar form
        newest = newest if len(kinds) > 1 else f"{newest}, 0"
        cursor = self._conn.execute(
            f"SELECT {_RECORD_COLUMNS} FROM records WHERE seq IN ("
            f"SELECT max({newest}) FROM people p) ORDER BY seq",
            kinds,
        )
        return [_stored(row) for row in cursor]

    def newest(
        self, *, person_id: str, kind: str, outcome: str | None = None
    ) -> StoredRecord | None:
        """A person's newest record of a kind (with that outcome, if given): read back
        from their newest through `records_person_kind`, not all their records."""
        where, params = _where(person_id=person_id, kind=kind, outcome=outcome)
        row = self._conn.execute(
            f"SELECT {_RECORD_COLUMNS} FROM records{where} ORDER BY seq DESC LIMIT 1", params
        ).fetchone()
        return _stored(row) if row else None

    def _index_hint(self, index: str) -> str:
        """`INDEXED BY index ` where the file has the index; nothing where it has not (a
        schema-2 file read as it is, schema.READABLE_VERSION, or an index someone
        dropped by hand), and SQLite picks what the file has: the same rows, more
        slowly, never "no such index" on the manager's dashboard."""
        found = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (index,)
        ).fetchone()
        return f"INDEXED BY {index} " if found else ""

    def unclosed(self, kind: str, closed_by: str) -> list[StoredRecord]:
        """Records of `kind` whose subject has no record of `closed_by` yet (an open
        quarantine case: a start and no release), in seq order. Both halves are served
        by `records_kind_subject` alone: only the open ones are read from the table, so
        the cost does not grow with the cases closed long ago. INDEXED BY, because
        ANALYZE's statistics (the NULL subjects of most records) make SQLite pick a scan
        of the whole table instead; a missing index is then an error, not a slow query."""
        hint = self._index_hint("records_kind_subject")
        cursor = self._conn.execute(
            f"SELECT {_RECORD_COLUMNS} FROM records r {hint}"
            "WHERE r.kind = ? AND r.subject_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
            f"records c {hint}WHERE c.kind = ? "
            "AND c.subject_id = r.subject_id) ORDER BY r.seq",
            (str(kind), str(closed_by)),
        )
        return [_stored(row) for row in cursor]

    def count(
        self,
        *,
        kind: str | None = None,
        day: str | None = None,
        until_day: str | None = None,
        outcome: str | None = None,
        reason: str | None = None,
        channel: str | None = None,
    ) -> int:
        """How many records match; `until_day` includes that day (served by records_stats)."""
        where, params = _where(
            kind=kind, day=day, outcome=outcome, reason=reason, channel=channel, until_day=until_day
        )
        return int(self._conn.execute(f"SELECT count(*) FROM records{where}", params).fetchone()[0])

    def count_by(
        self,
        column: Literal["outcome", "reason", "channel", "kind"],
        *,
        kind: str | None = None,
        day: str | None = None,
        outcome: str | None = None,
    ) -> dict[str, int]:
        """Counts grouped by one column (records where it is NULL are left out)."""
        if column not in COUNT_BY_COLUMNS:
            raise ValueError(f"count_by column must be one of {COUNT_BY_COLUMNS}, not {column!r}")
        where, params = _where(kind=kind, day=day, outcome=outcome)
        where = f"{where} AND {column} IS NOT NULL" if where else f" WHERE {column} IS NOT NULL"
        rows = self._conn.execute(
            f"SELECT {column}, count(*) FROM records{where} GROUP BY {column}", params
        )
        return {value: n for value, n in rows}

    def head(self) -> LedgerHead:
        return read_head(self._conn)

    def verify(self) -> VerifyReport:
        return verify(self._conn)

    def check_anchors(self, wanted: Iterable[anchors.Anchor]) -> list[anchors.AnchorBreak]:
        """The anchors (heads written down earlier) this chain no longer holds."""
        return anchors.check(self._conn, wanted)

    # ----------------------------------------------------------------- replica (site hub)
    def own_records_after(self, kiosk_seq: int, limit: int) -> list[dict[str, Any]]:
        """This kiosk's records after `kiosk_seq`, as stored, for the hub."""
        return replica.own_after(self._conn, self.kiosk_id, kiosk_seq, limit)

    def hash_at(self, kiosk_id: str, kiosk_seq: int) -> str | None:
        """The hash of one kiosk's record at a sequence, if this file holds it."""
        return replica.hash_at(self._conn, kiosk_id, kiosk_seq)

    def absorb(self, rows: Sequence[dict[str, Any]], **state: str | None) -> replica.Absorbed:
        """Take in other kiosks' records (checked against their chains) and note where the
        sync stands, in ONE transaction: all of the batch and its position, or nothing."""
        with self._transaction() as conn:
            if any(str(r.get("kiosk_id")) == self.kiosk_id for r in rows):
                raise replica.ChainMismatch(self.kiosk_id, 0, "the hub sent this kiosk's own")
            done = replica.absorb(conn, rows)
            replica.set_state(conn, **state)
        return done

    def sync_state(self) -> dict[str, str]:
        """Where the sync with the hub stands (meta's `hub.*` keys, prefix dropped)."""
        return replica.get_state(self._conn)

    def set_sync_state(self, **values: str | None) -> None:
        with self._transaction() as conn:
            replica.set_state(conn, **values)

    def pin_secrets(self) -> list[tuple[str, str, bytes, str]]:
        """(username, PIN hash, salt, when the PIN was set) of the accounts with a PIN."""
        set_at = replica.pin_set_at(self._conn)
        return [(a.username, a.pin_hash, a.salt, set_at.get(a.username, ""))
                for a in accounts.all_rows(self._conn)
                if a.pin_hash != replica.PENDING_PIN]  # fmt: skip

    def take_pin_secrets(self, secrets: Sequence[tuple[str, str, bytes, str]]) -> int:
        with self._transaction() as conn:
            return replica.take_secrets(conn, secrets)

    def change_kiosk_id(self, new_id: str, record: NewRecord) -> str:
        """Give this file's kiosk a new identity (a copied disk): its next records start a
        chain of their own, beginning with `record` (the chained note of the change), in
        the same transaction, so the identity always has its chain. Returns the old id."""
        if not (isinstance(new_id, str) and _KIOSK.fullmatch(new_id)):
            raise _invalid("kiosk_id", "ledger.invalid.kiosk_id", value=new_id)
        old = self.kiosk_id
        prepared = prepare(record)
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM chain_heads WHERE kiosk_id = ?", (new_id,)).fetchone():
                raise _invalid("kiosk_id", "ledger.invalid.kiosk_id", value=new_id)
            conn.execute("UPDATE meta SET value = ? WHERE key = 'kiosk_id'", (new_id,))
            former = replica.get_state(conn).get("former_ids", "")
            replica.set_state(conn, pushed=None, refused=None, refused_at=None,
                              former_ids=",".join(filter(None, [former, old])))  # fmt: skip
            self.kiosk_id = new_id
            try:
                self._append_in(conn, [prepared])
            except BaseException:
                self.kiosk_id = old
                raise
        return old

    # ----------------------------------------------------------------- drafts
    def save_draft(self, draft_id: str, data: dict[str, Any]) -> None:
        """Keep (or replace) an unfinished screening; survives a crash."""
        draft_id = _check_text(draft_id, "draft_id") or ""
        try:
            text = canonical.dumps(data, "draft")
        except canonical.CanonicalError as exc:
            raise _invalid(exc.where, "ledger.invalid.not_json", detail=exc.detail) from exc
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO drafts (draft_id, saved_at, data) VALUES (?, ?, ?) "
                "ON CONFLICT (draft_id) DO UPDATE SET saved_at = excluded.saved_at, "
                "data = excluded.data",
                (draft_id, datetime.now(UTC).isoformat(timespec="microseconds"), text),
            )

    def drafts(self) -> list[Draft]:
        rows = self._conn.execute(
            "SELECT draft_id, saved_at, data FROM drafts ORDER BY saved_at, draft_id"
        )
        return [Draft(d, s, canonical.loads(data)) for d, s, data in rows]

    def discard_draft(self, draft_id: str) -> bool:
        """Remove a draft; False if there was none."""
        with self._transaction() as conn:
            n = conn.execute("DELETE FROM drafts WHERE draft_id = ?", (draft_id,)).rowcount
        return n > 0

    # ----------------------------------------------------------------- people
    def find_person(self, id_type: str, id_number: str) -> Person | None:
        return people.find(self._conn, id_type, id_number)

    def get_person(self, person_id: str) -> Person | None:
        return people.get(self._conn, person_id)

    def rebuild_people(self) -> int:
        """Recompute the projection from the records; returns the number of people."""
        with self._transaction() as conn:
            return people.rebuild(conn)

    def search_people(self, text: str, limit: int = 200) -> list[Person]:
        """People whose ID number is `text` or whose name contains it (purged ones never
        match: their name and number are gone)."""
        return people.search(self._conn, text, limit)

    def names_of(self, person_ids: Iterable[str]) -> dict[str, str | None]:
        """The registered name of each person (None once purged) in one pass over the
        `people` primary key — for lists of thousands, without decoding their fields."""
        wanted = list(dict.fromkeys(person_ids))
        names: dict[str, str | None] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT person_id, name FROM people WHERE person_id IN ({marks})", chunk
            )
            names.update(rows)
        return names

    # ----------------------------------------------------------------- accounts
    def get_account(self, username: str) -> AccountRow | None:
        return accounts.get(self._conn, username)

    def accounts(self) -> list[AccountRow]:
        return accounts.all_rows(self._conn)

    def create_account(
        self,
        record: NewRecord,
        *,
        username: str,
        role: str,
        display_name: str,
        pin_hash: str,
        salt: bytes,
    ) -> tuple[StoredRecord, AccountRow]:
        """The account's chained record and its `accounts` row, in one transaction."""
        prepared = prepare(record)
        with self._transaction() as conn:
            if accounts.get(conn, username) is not None:
                raise AccountExistsError(username=username)
            stored = self._append_in(conn, [prepared])[0]
            row = AccountRow(username, role, display_name, pin_hash, salt, 0, None, stored.seq)
            accounts.insert(conn, row)
        return stored, row

    def update_account(
        self, username: str, changes: dict[str, Any], record: NewRecord | None = None
    ) -> StoredRecord | None:
        """Change an account's mutable columns and append `record` with it, atomically
        (a sign-in's outcome and its lockout count never disagree)."""
        prepared = [prepare(record)] if record is not None else []
        with self._transaction() as conn:
            accounts.update(conn, username, changes)
            stored = self._append_in(conn, prepared)
        return stored[0] if stored else None

    # ----------------------------------------------------------------- backup
    def backup_to(self, target: str | os.PathLike[str]) -> None:
        """A consistent copy of the whole file at `target` (SQLite's online backup API).

        One step, so the copy is one read transaction: a snapshot of a moment, while
        other connections keep appending (WAL readers do not block writers). The copy
        is switched to a rollback journal so it is one self-contained file.
        """
        if not Path(os.fspath(target)).exists():
            _create_owner_only(Path(os.fspath(target)))  # a copy holds personal data too
        dest = sqlite3.connect(os.fspath(target), isolation_level=None)
        try:
            self._conn.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.Error as exc:
            raise from_sqlite(exc, os.fspath(target)) from exc
        finally:
            dest.close()

    # ----------------------------------------------------------------- purge
    def purge(
        self,
        older_than_day: str,
        drafts_saved_before: datetime,
        make_record: Callable[[int, int], NewRecord],
        *,
        wait_seconds: float = 5.0,
    ) -> tuple[StoredRecord, int, int, bool]:
        """A retention purge in ONE transaction: unfinished screenings saved before the
        instant are deleted, personal fields (and salts) of records dated before the day
        erased, the people projection cleared of them, and the purge record
        `make_record(records, drafts)` appended — all of it or nothing, so a crash or a
        kill never leaves an erasure without its record. Then the WAL is folded into the
        file and truncated, waiting for readers at most `wait_seconds` (a kiosk's
        dashboard reading must not hold the manager for minutes).

        Returns (the purge record, records erased, drafts erased, whether the old bytes
        are gone from the files: False while another connection still reads the WAL).
        """
        day = _check_day(older_than_day, "older_than_day")
        if drafts_saved_before.utcoffset() is None:
            raise ValueError("purge needs a tz-aware instant")
        cutoff = drafts_saved_before.astimezone(UTC).isoformat(timespec="microseconds")
        with self._transaction() as conn:
            drafts = conn.execute("DELETE FROM drafts WHERE saved_at < ?", (cutoff,)).rowcount
            n = conn.execute(_PURGE, (day,)).rowcount
            people.reproject_purged(conn)
            [stored] = self._append_in(conn, [prepare(make_record(n, drafts))])
        return stored, n, drafts, self.checkpoint_within(wait_seconds)

    def checkpoint_within(self, seconds: float) -> bool:
        """`checkpoint`, bounded in time: each try waits at most 0.2 s for a busy lock."""
        deadline = time.monotonic() + max(seconds, 0.0)
        self._conn.execute("PRAGMA busy_timeout=200")
        try:
            while True:
                try:
                    row = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                except sqlite3.Error as exc:
                    raise from_sqlite(exc, str(self.path)) from exc
                if not row[0]:
                    return True
                if time.monotonic() >= deadline:
                    return False
                time.sleep(0.1)
        finally:
            self._conn.execute(f"PRAGMA busy_timeout={schema.BUSY_TIMEOUT_MS}")

    def discard_drafts_before(self, saved_before: datetime) -> int:
        """Erase unfinished screenings saved before an instant (they hold personal fields
        too). A retention purge deletes them inside `purge` instead (with its record)."""
        if saved_before.utcoffset() is None:
            raise ValueError("discard_drafts_before needs a tz-aware instant")
        cutoff = saved_before.astimezone(UTC).isoformat(timespec="microseconds")
        with self._transaction() as conn:
            return conn.execute("DELETE FROM drafts WHERE saved_at < ?", (cutoff,)).rowcount

    def checkpoint(self, attempts: int = 20) -> bool:
        """Copy the WAL into the file and truncate it; False if readers kept it busy."""
        for _ in range(attempts):
            try:
                busy = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            except sqlite3.Error as exc:
                raise from_sqlite(exc, str(self.path)) from exc
            if not busy:
                return True
            time.sleep(0.1)
        return False


def _where(**filters: str | None) -> tuple[str, list[str]]:
    clauses: list[str] = []
    params: list[str] = []
    for name, value in filters.items():
        if value is None:
            continue
        clauses.append("day <= ?" if name == "until_day" else f"{name} = ?")
        params.append(str(value))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


__all__ = ["Ledger", "LedgerError"]


def _create_owner_only(path: Path) -> None:
    """An empty file readable and writable by its owner only: a ledger (and every copy)
    holds personal data and PIN hashes, so no other account on the machine may read it.
    SQLite creates the -wal, -shm and -journal files with the same mode."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise ReadOnlyLedgerError(path=str(path), detail=exc.strerror or str(exc)) from exc
    os.close(fd)
