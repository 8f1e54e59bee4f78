"""Canonical JSON: one text per value, so a hash over it is stable.

`body`, `personal` and drafts are stored as the exact text produced here; verify hashes
the stored text and never re-serialises, so a future json module cannot break old chains.

Bytes convention (signature PNGs and the like): a bytes value is written as the object
``{"$base64": "<standard base64>"}`` and read back as bytes. An object whose only key is
``"$base64"`` is therefore reserved and refused on input.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Mapping
from typing import Any

BYTES_KEY = "$base64"


class CanonicalError(ValueError):
    """The value cannot be stored as canonical JSON; `where` names the offending key."""

    def __init__(self, where: str, detail: str) -> None:
        super().__init__(f"{where}: {detail}")
        self.where = where
        self.detail = detail


def _default(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {BYTES_KEY: base64.b64encode(bytes(value)).decode("ascii")}
    raise TypeError(f"{type(value).__name__} is not JSON")


def _check(value: Any, where: str) -> None:
    """Walk a value to explain why it cannot be stored (slow path, errors only)."""
    if isinstance(value, Mapping):
        if len(value) == 1 and BYTES_KEY in value:
            raise CanonicalError(where, f"the key {BYTES_KEY!r} alone is reserved for bytes")
        for key, item in value.items():
            if not isinstance(key, str):
                raise CanonicalError(where, f"key {key!r} is not text")
            _check(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            _check(item, f"{where}[{i}]")
    elif isinstance(value, float) and not math.isfinite(value):
        raise CanonicalError(where, "not a finite number")
    elif value is not None and not isinstance(
        value, str | int | float | bool | bytes | bytearray | memoryview
    ):
        raise CanonicalError(where, f"a {type(value).__name__} cannot be stored; use text")


def dumps(value: Mapping[str, Any], where: str = "body") -> str:
    """The canonical JSON text of a mapping (sorted keys, no spaces, UTF-8 kept)."""
    if not isinstance(value, Mapping):
        raise CanonicalError(where, "must be a mapping of names to values")
    try:
        text = json.dumps(
            value,
            sort_keys=True,
            separators=(",", ":"),
            ensure_ascii=False,
            allow_nan=False,
            default=_default,
        )
    except (TypeError, ValueError) as exc:
        _check(value, where)
        raise CanonicalError(where, str(exc)) from exc
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise CanonicalError(where, "text with an invalid character (lone surrogate)") from exc
    if f'"{BYTES_KEY}"' in text:
        _check(value, where)  # refuses a caller's own {"$base64": ...} object
    return text


def _hook(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and BYTES_KEY in obj:
        return base64.b64decode(obj[BYTES_KEY])
    return obj


def loads(text: str) -> dict[str, Any]:
    """Read canonical JSON back, turning the bytes convention into bytes."""
    # A mapping: every stored text comes from `dumps`, which takes only mappings and
    # refuses a lone "$base64" key.
    value: dict[str, Any] = json.loads(text, object_hook=_hook)
    return value
