"""The hash chain: an unambiguous byte encoding of a record and its sha256.

Preimage (version 1): the UTF-8 bytes of ::

    "gatekeeper-ledger/1\n" + field(prev_hash) + field(uuid) + field(kiosk_id)
    + field(kiosk_seq) + field(kind) + field(at) + field(day) + field(person_id)
    + field(subject_id) + field(channel) + field(outcome) + field(reason) + field(body)
    + field(personal_digest) + field(corrects)

    field(value) = <decimal byte length of utf8(text)> ":" text ","
    field(NULL)  = "-1:,"

where `text` is the stored column text (kiosk_seq in decimal). The length prefixes make
it unambiguous (no value can shift into its neighbour) and -1 marks NULL, distinct from
the empty string. `personal` and `salt` are covered only through `personal_digest` =
sha256(salt + utf8(personal JSON)): an unsalted hash of a name could be reversed by
trying every name, and covering the digest lets a purge keep the chain valid.

The list above is the specification; the code takes it from the column declaration
(`HASHED_COLUMNS` = columns.HASHED), and test_ledger_pinned.py checks hand-computed
hashes of known records, so the two cannot drift apart.

`PREIMAGE_SQL` has SQLite's printf() build the same bytes, so verify does no per-field
work in Python (it must check a million records in seconds); a test pins the two
together. Text fields never contain NUL (checked on append), which printf would cut.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from gatekeeper.ledger import columns

GENESIS = "0" * 64
TAG = b"gatekeeper-ledger/1\n"
HASHED_COLUMNS: tuple[str, ...] = columns.HASHED
"""The preimage's fields in order: the link, then every column covered as a field."""


FORMAT = TAG.decode("ascii") + "%d:%s," * len(HASHED_COLUMNS)


def preimage(values: Sequence[str | int | None]) -> bytes:
    """The bytes hashed for one record; `values` in HASHED_COLUMNS order."""
    args: list[int | str] = []
    for value in values:
        if value is None:
            args += (-1, "")
        else:
            text = value if isinstance(value, str) else str(int(value))
            args += (len(text.encode("utf-8")), text)
    return (FORMAT % tuple(args)).encode("utf-8")


def record_hash(values: Sequence[str | int | None]) -> str:
    """sha256 hex of the preimage."""
    return hashlib.sha256(preimage(values)).hexdigest()


def personal_digest(salt: bytes, personal_json: str) -> str:
    """Salted digest of the personal fields: the chain covers this, not the fields."""
    return hashlib.sha256(salt + personal_json.encode("utf-8")).hexdigest()


def combined_head(heads: dict[str, str]) -> str:
    """One hash naming the state of every chain in the file (see Ledger.head)."""
    if not heads:
        return GENESIS
    if len(heads) == 1:
        return next(iter(heads.values()))
    lines = "".join(f"{kiosk}:{heads[kiosk]}\n" for kiosk in sorted(heads))
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


PREIMAGE_SQL = (
    "CAST(printf(?, "
    + ", ".join(
        f"coalesce(length(CAST({c} AS BLOB)), -1), coalesce({c}, '')" for c in HASHED_COLUMNS
    )
    + ") AS BLOB)"
)
"""SQL expression for the preimage; bind FORMAT to its one parameter."""
