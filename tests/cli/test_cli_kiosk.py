"""`gatekeeper kiosk set-pin`: asked twice, hidden, validated, stored as a hash."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click
from cli_support import lang_env
from click.testing import CliRunner, Result

from gatekeeper.cli.kiosk_commands import kiosk
from gatekeeper.cli.main import GateKeeperGroup
from gatekeeper.services.kiosk_pin import KioskPin
from gatekeeper.services.locations import default_kiosk_pin_path

NOW = datetime(2020, 3, 2, 8, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _root() -> click.Group:
    """`gatekeeper` with the kiosk group, as cli/main.py registers it."""
    from gatekeeper.cli.main import cli

    if "kiosk" in cli.commands:
        return cli
    root = GateKeeperGroup(name="gatekeeper")
    root.add_command(kiosk)
    return root


def run_kiosk(*args: object, input: str, lang: str = "en_US.UTF-8") -> Result:
    return CliRunner().invoke(
        _root(), ["kiosk", *map(str, args)], input=input, env=lang_env(lang),
        prog_name="gatekeeper",
    )  # fmt: skip


def test_set_pin_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "pin.json"
    result = run_kiosk("set-pin", "--pin-file", target, input="482913\n482913\n")
    assert result.exit_code == 0, result.output
    assert "482913" not in result.output  # hidden input is not echoed
    assert str(target) in result.output
    assert "482913" not in target.read_text()
    assert KioskPin(target).check("482913", NOW)


def test_set_pin_default_location(tmp_path: Path) -> None:
    result = run_kiosk("set-pin", input="1234\n1234\n")
    assert result.exit_code == 0, result.output
    path = default_kiosk_pin_path()
    assert path.is_relative_to(tmp_path)  # the test's isolated XDG_CONFIG_HOME
    assert KioskPin(path).check("1234", NOW)


def test_bad_pin_is_explained_and_asked_again(tmp_path: Path) -> None:
    target = tmp_path / "pin.json"
    result = run_kiosk("set-pin", "--pin-file", target, input="12\nabcd\n5678\n5678\n")
    assert result.exit_code == 0, result.output
    assert "4 to 12" in result.output
    assert "only the digits" in result.output
    assert KioskPin(target).check("5678", NOW)


def test_mismatch_is_asked_again(tmp_path: Path) -> None:
    target = tmp_path / "pin.json"
    result = run_kiosk("set-pin", "--pin-file", target, input="1234\n4321\n9999\n9999\n")
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output
    assert KioskPin(target).check("9999", NOW)


def test_chinese_prompts(tmp_path: Path) -> None:
    target = tmp_path / "pin.json"
    answers = "12\n2468\n2468\n"
    result = run_kiosk("set-pin", "--pin-file", target, input=answers, lang="zh_CN.UTF-8")
    assert result.exit_code == 0, result.output
    assert "新的自助机 PIN" in result.output
    assert "位数字" in result.output
    assert "已保存" in result.output


def test_no_input_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "pin.json"
    result = run_kiosk("set-pin", "--pin-file", target, input="")
    assert result.exit_code != 0
    assert not target.exists()
