"""Masking personal values for lists, dashboards and standard exports.

Gate staff and managers need to tell people apart, not to read their ID numbers:
a masked value keeps just enough (the area code and last digits of an ID number,
the carrier prefix and last digits of a phone, the surname) to match a person
standing in front of you, and nothing a leaked sheet could be used for. Full values
are shown only where an inspector needs them (`--full` exports, the review screen).
"""

from __future__ import annotations

STAR = "*"


def mask_id_number(value: str | None) -> str:
    """`410102198001011234` → `410102********1234`: area code and last four kept.

    Shorter numbers (passports, other IDs) keep their first two and last two
    characters; four characters or fewer are fully masked.
    """
    if not value:
        return ""
    text = value.strip()
    n = len(text)
    if n >= 15:
        return text[:6] + STAR * (n - 10) + text[-4:]
    if n > 4:
        return text[:2] + STAR * (n - 4) + text[-2:]
    return STAR * n


def mask_phone(value: str | None) -> str:
    """`13800138000` → `138****8000`; `+8613800138000` the same (the country code of a
    mainland number says nothing); other numbers keep their first three and last four."""
    if not value:
        return ""
    text = "".join(value.split())
    if text.startswith("+86") and len(text) == 14:
        text = text[3:]
    n = len(text)
    if n >= 8:
        return text[:3] + STAR * (n - 7) + text[-4:]
    if n > 2:
        return STAR * (n - 2) + text[-2:]
    return STAR * n


def mask_name(value: str | None) -> str:
    """`张三明` → `张*明`, `张伟` → `张*`, `欧阳娜娜` → `欧**娜`: the first character
    (the surname, in Chinese) and, from three characters on, the last one."""
    if not value:
        return ""
    text = value.strip()
    n = len(text)
    if n <= 1:
        return text
    if n == 2:
        return text[0] + STAR
    return text[0] + STAR * (n - 2) + text[-1]
