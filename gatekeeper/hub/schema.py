"""The hub's schema in PostgreSQL: the site's records, checked by the server itself.

Everything a kiosk could get wrong, or lie about, is the server's to refuse, so no
client — ours with a bug, or anyone holding a kiosk's password — can skip it:

* `records` has the ledger's columns (derived from `ledger.columns.RECORDS`, so the two
  cannot drift), `UNIQUE(uuid)` and the primary key `(kiosk_id, kiosk_seq)`;
* a BEFORE INSERT trigger checks that the record links to its stored predecessor
  (`prev_hash`), recomputes its hash from the documented preimage (`ledger.chain`) and
  its personal digest, and gives it the next `hub_seq` under a lock, so hub_seq order
  is commit order and a kiosk pulling "after N" never skips a record committing late;
* row-level security: a kiosk's role inserts only records of its own kiosk id; no role
  but the owner may update or delete, and triggers refuse even the owner's deletes and
  every update but the purge path's (personal fields to NULL, inside `apply_purge`);
* a `purge` record, once inserted, erases the personal fields of the records dated
  before its cutoff, on the hub (the replicas do the same when they pull it).

Roles are cluster-wide in PostgreSQL, so each hub database's roles carry a tag of the
database's name (`role_tag`): several hubs (sites, tests) can share one server.
"""

from __future__ import annotations

import hashlib

from psycopg import Connection, sql

from gatekeeper.ledger import chain, columns

VERSION = 1
SCHEMA = "gatekeeper"
LOCK_KEY = 0x6761_7465  # pg_advisory_xact_lock key: "gate" (serialises inserts)
PURGE_KIND = "purge"

_TYPES = {"TEXT": "text", "INTEGER": "bigint", "BLOB": "bytea"}
#: The ledger's columns the hub stores: all but the local `seq`.
COLUMNS: tuple[str, ...] = columns.WRITTEN


def role_tag(dbname: str) -> str:
    """A short tag of the hub database, in every role name the hub creates."""
    return hashlib.sha256(dbname.encode("utf-8")).hexdigest()[:8]


def group_role(dbname: str, what: str) -> str:
    """The group role of kiosks, managers or inspectors of one hub database."""
    return f"gk_{role_tag(dbname)}_{what}"


def kiosk_role(dbname: str, kiosk_id: str) -> str:
    """The login role of one kiosk (a kiosk id may be 64 characters: hash it)."""
    return f"gk_{role_tag(dbname)}_k_{hashlib.sha256(kiosk_id.encode()).hexdigest()[:16]}"


def _column_sql(column: columns.Column) -> str:
    words = column.sql.split()
    kind = _TYPES[words[0]]
    rest = " ".join(words[1:])
    return f"{column.name} {kind} {rest}".strip()


def _field(name: str) -> str:
    """One field of the preimage, as chain.preimage writes it (NULL is `-1:,`)."""
    value = f"NEW.{name}::text" if name == "kiosk_seq" else f"NEW.{name}"
    return (
        f"CASE WHEN {value} IS NULL THEN '-1:,' ELSE "
        f"octet_length({value})::text || ':' || {value} || ',' END"
    )


def _preimage(prefix: str = "NEW") -> str:
    parts = [f"'{chain.TAG.decode('ascii').rstrip(chr(10))}' || chr(10)"]
    parts += [_field(name).replace("NEW.", f"{prefix}.") for name in chain.HASHED_COLUMNS]
    return " || ".join(parts)


def _records_table() -> str:
    cols = [_column_sql(c) for c in columns.RECORDS if c.name != "seq"]
    body = ",\n    ".join(
        ["hub_seq bigint NOT NULL UNIQUE", *cols, "received_at timestamptz NOT NULL"]
    )
    return (
        f"CREATE TABLE {SCHEMA}.records (\n    {body},\n"
        f"    PRIMARY KEY (kiosk_id, kiosk_seq),\n"
        f"    UNIQUE (uuid),\n"
        f"    FOREIGN KEY (kiosk_id) REFERENCES {SCHEMA}.kiosks (kiosk_id),\n"
        f"    CHECK (kiosk_seq >= 1)\n)"
    )


def _statements(dbname: str) -> list[str]:
    """Version 1, in order (one transaction)."""
    kiosk = group_role(dbname, "kiosk")
    s = SCHEMA
    genesis = chain.GENESIS
    return [
        f"CREATE SCHEMA {s}",
        f"CREATE TABLE {s}.meta (key text PRIMARY KEY, value text NOT NULL)",
        f"CREATE TABLE {s}.kiosks (kiosk_id text PRIMARY KEY, role_name text NOT NULL UNIQUE, "
        "added_at timestamptz NOT NULL DEFAULT now())",
        f"CREATE SEQUENCE {s}.hub_seq",
        _records_table(),
        f"CREATE INDEX records_stats ON {s}.records (kind, day, outcome, reason, channel)",
        f"CREATE TABLE {s}.account_secrets (username text PRIMARY KEY, pin_hash text NOT NULL, "
        "salt bytea NOT NULL, set_at text NOT NULL, kiosk_id text NOT NULL)",
        # --- the chain, checked on every insert ---------------------------------------
        f"""
        CREATE FUNCTION {s}.records_before_insert() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
        DECLARE expected text;
        BEGIN
            PERFORM pg_advisory_xact_lock({LOCK_KEY});
            IF NEW.kiosk_seq = 1 THEN
                expected := '{genesis}';
            ELSE
                SELECT r.hash INTO expected FROM {s}.records r
                WHERE r.kiosk_id = NEW.kiosk_id AND r.kiosk_seq = NEW.kiosk_seq - 1;
                IF expected IS NULL THEN
                    RAISE EXCEPTION 'kiosk % sequence %: the record before it is not on the hub',
                        NEW.kiosk_id, NEW.kiosk_seq USING ERRCODE = 'GK002';
                END IF;
            END IF;
            IF NEW.prev_hash IS DISTINCT FROM expected THEN
                RAISE EXCEPTION 'kiosk % sequence %: does not link to the record before it',
                    NEW.kiosk_id, NEW.kiosk_seq USING ERRCODE = 'GK001';
            END IF;
            IF encode(sha256(convert_to({_preimage()}, 'UTF8')), 'hex')
                    IS DISTINCT FROM NEW.hash THEN
                RAISE EXCEPTION 'kiosk % sequence %: its hash does not match its content',
                    NEW.kiosk_id, NEW.kiosk_seq USING ERRCODE = 'GK003';
            END IF;
            IF NEW.personal IS NOT NULL AND (NEW.salt IS NULL OR encode(sha256(
                    NEW.salt || convert_to(NEW.personal, 'UTF8')), 'hex')
                    IS DISTINCT FROM NEW.personal_digest) THEN
                RAISE EXCEPTION 'kiosk % sequence %: its personal fields do not match their digest',
                    NEW.kiosk_id, NEW.kiosk_seq USING ERRCODE = 'GK003';
            END IF;
            NEW.hub_seq := nextval('{s}.hub_seq');
            NEW.received_at := now();
            RETURN NEW;
        END $$""",
        f"CREATE TRIGGER records_chain BEFORE INSERT ON {s}.records "
        f"FOR EACH ROW EXECUTE FUNCTION {s}.records_before_insert()",
        # --- append-only, but for the purge path --------------------------------------
        f"""
        CREATE FUNCTION {s}.records_before_update() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
        BEGIN
            IF current_setting('gatekeeper.purging', true) IS DISTINCT FROM 'on'
                    OR NEW.personal IS NOT NULL OR NEW.salt IS NOT NULL
                    OR (NEW.hub_seq, NEW.uuid, NEW.kiosk_id, NEW.kiosk_seq, NEW.hash)
                       IS DISTINCT FROM (OLD.hub_seq, OLD.uuid, OLD.kiosk_id, OLD.kiosk_seq,
                                         OLD.hash) THEN
                RAISE EXCEPTION 'hub records are append-only' USING ERRCODE = 'GK005';
            END IF;
            RETURN NEW;
        END $$""",
        f"CREATE TRIGGER records_no_update BEFORE UPDATE ON {s}.records "
        f"FOR EACH ROW EXECUTE FUNCTION {s}.records_before_update()",
        f"""
        CREATE FUNCTION {s}.records_refuse() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'hub records are append-only' USING ERRCODE = 'GK005';
        END $$""",
        f"CREATE TRIGGER records_no_delete BEFORE DELETE ON {s}.records "
        f"FOR EACH ROW EXECUTE FUNCTION {s}.records_refuse()",
        f"CREATE TRIGGER records_no_truncate BEFORE TRUNCATE ON {s}.records "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {s}.records_refuse()",
        f"""
        CREATE FUNCTION {s}.apply_purge() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
        BEGIN
            PERFORM set_config('gatekeeper.purging', 'on', true);
            UPDATE {s}.records SET personal = NULL, salt = NULL
            WHERE day < (NEW.body::jsonb ->> 'cutoff') AND personal IS NOT NULL;
            PERFORM set_config('gatekeeper.purging', 'off', true);
            RETURN NULL;
        END $$""",
        f"CREATE TRIGGER records_purge AFTER INSERT ON {s}.records FOR EACH ROW "
        f"WHEN (NEW.kind = '{PURGE_KIND}') EXECUTE FUNCTION {s}.apply_purge()",
        # --- who may do what ----------------------------------------------------------
        f"ALTER TABLE {s}.records ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY site_reads ON {s}.records FOR SELECT USING (true)",
        f"CREATE POLICY own_records ON {s}.records FOR INSERT TO {kiosk} WITH CHECK "
        f"(kiosk_id = (SELECT k.kiosk_id FROM {s}.kiosks k WHERE k.role_name = current_user))",
    ]


def _grants(dbname: str) -> list[sql.Composed]:
    """Privileges of the three group roles (run on every `init`: idempotent)."""
    db = sql.Identifier(dbname)
    kiosk, manager, inspector = (
        sql.Identifier(group_role(dbname, w)) for w in ("kiosk", "manager", "inspector")
    )
    s = sql.Identifier(SCHEMA)
    out: list[sql.Composed] = []
    for role in (kiosk, manager, inspector):
        out += [
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(db, role),
            sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(s, role),
            sql.SQL("GRANT SELECT ON {}.records, {}.kiosks, {}.meta TO {}").format(s, s, s, role),
        ]
    out += [
        sql.SQL("GRANT INSERT ON {}.records TO {}").format(s, kiosk),
        sql.SQL("GRANT SELECT, INSERT, UPDATE ON {}.account_secrets TO {}").format(s, kiosk),
    ]
    return out


def init(conn: Connection[tuple[object, ...]], hub_id: str) -> tuple[int, bool]:
    """Create (or bring up to date) the hub schema and roles; (version, created)."""
    dbname = str(conn.info.dbname)
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY + 1,))
        encoding = conn.execute("SHOW server_encoding").fetchone()
        if encoding is None or str(encoding[0]).upper() not in ("UTF8", "UTF-8"):
            raise ValueError(f"the hub database must be UTF8, not {encoding}")
        for what in ("kiosk", "manager", "inspector"):
            name = group_role(dbname, what)
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
                continue
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
        exists = conn.execute(
            "SELECT 1 FROM pg_namespace WHERE nspname = %s", (SCHEMA,)
        ).fetchone()
        created = False
        if not exists:
            for statement in _statements(dbname):
                conn.execute(statement.encode("utf-8"))
            conn.execute(
                f"INSERT INTO {SCHEMA}.meta VALUES ('schema_version', %s), ('hub_id', %s)",
                (str(VERSION), hub_id),
            )
            created = True
        row = conn.execute(
            f"SELECT value FROM {SCHEMA}.meta WHERE key = 'schema_version'"
        ).fetchone()
        version = int(str(row[0])) if row else 0
        if version > VERSION:
            raise ValueError(f"the hub's schema is version {version}, newer than this program")
        for grant in _grants(dbname):
            conn.execute(grant)
    return version, created
