"""Anchors: a kiosk's chain head written down outside the ledger file, checked later.

The hash chain alone only catches an edit by someone who did not recompute it: whoever
holds the file can rewrite a record and re-chain everything after it, cut the newest
records off, or empty the file, and the chain is consistent again. An anchor
(`KIOSK:SEQ:HASH`, printed by every `verify`, export and report) pins what the chain
held at that moment; kept where the kiosk cannot reach (a printed report, a manager's
mail, the site hub), it makes any such rewrite visible: the record `SEQ` of `KIOSK` must
still be in the chain with exactly that hash. Records after an anchor are covered by
the next anchor.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gatekeeper.ledger.model import LedgerHead

_ANCHOR = re.compile(
    r"^(?:head\s+)?(?P<kiosk>[A-Za-z0-9][A-Za-z0-9._-]{0,63}):(?P<seq>[0-9]{1,18}):"
    r"(?P<hash>[0-9a-f]{64})$"
)


@dataclass(frozen=True)
class Anchor:
    kiosk_id: str
    kiosk_seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.kiosk_id}:{self.kiosk_seq}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Anchor:
        """`KIOSK:SEQ:HASH` (or `head KIOSK:SEQ:HASH`, as printed); ValueError if not."""
        match = _ANCHOR.match(text.strip())
        if match is None:
            raise ValueError(text)
        return cls(match["kiosk"], int(match["seq"]), match["hash"])


@dataclass(frozen=True)
class AnchorBreak:
    """An anchor the ledger no longer holds: `found` is the hash now at that place, or
    None when the record is gone (cut off, emptied)."""

    anchor: Anchor
    found: str | None


def anchors_of(head: LedgerHead) -> tuple[Anchor, ...]:
    """One anchor per kiosk chain in the ledger, for its newest record."""
    return tuple(Anchor(k.kiosk_id, k.kiosk_seq, k.hash) for k in head.kiosks if k.kiosk_seq)


def anchors_text(head: LedgerHead, note: str = "") -> str:
    """The anchors file: a comment line, then `head KIOSK:SEQ:HASH` per kiosk."""
    lines = [f"# GateKeeper ledger anchors{': ' + note if note else ''}"]
    lines += [f"head {a}" for a in anchors_of(head)]
    return "\n".join(lines) + "\n"


def read_anchors(text: str) -> list[Anchor]:
    """The anchors in a file's text: every line blank, a `#` comment, or an anchor;
    ValueError naming the first line that is none of these (a typo must not make an
    anchor silently go unchecked)."""
    found = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        found.append(Anchor.parse(stripped))
    return found


def check(conn: sqlite3.Connection, anchors: Iterable[Anchor]) -> list[AnchorBreak]:
    """Every anchor that the ledger's chain no longer holds with its hash."""
    broken = []
    for anchor in anchors:
        row = conn.execute(
            "SELECT hash FROM records WHERE kiosk_id = ? AND kiosk_seq = ?",
            (anchor.kiosk_id, anchor.kiosk_seq),
        ).fetchone()
        found = row[0] if row else None
        if found != anchor.hash:
            broken.append(AnchorBreak(anchor, found))
    return broken


def read_anchors_file(path: Path) -> list[Anchor]:
    return read_anchors(Path(path).read_text(encoding="utf-8"))
