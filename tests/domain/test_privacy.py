"""Masking personal values for lists and standard exports."""

from __future__ import annotations

import pytest

from gatekeeper.domain.privacy import mask_id_number, mask_name, mask_phone


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("410102198001011234", "410102********1234"),
        ("41010219800101123X", "410102********123X"),
        ("E12345678", "E1*****78"),
        ("1234", "****"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id_number(value: str | None, masked: str) -> None:
    assert mask_id_number(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("13800138000", "138****8000"),
        ("+8613800138000", "138****8000"),
        ("+442071838750", "+44******8750"),
        ("12", "**"),
        (None, ""),
    ],
)
def test_mask_phone(value: str | None, masked: str) -> None:
    assert mask_phone(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [("张三明", "张*明"), ("张伟", "张*"), ("欧阳娜娜", "欧**娜"), ("王", "王"), ("", "")],
)
def test_mask_name(value: str, masked: str) -> None:
    assert mask_name(value) == masked


def test_masks_never_reveal_the_middle() -> None:
    masked = mask_id_number("410102198001011234")
    assert "19800101" not in masked and len(masked) == 18
