from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from gatekeeper.ui.translations import (
    LanguageSwitcher,
    _tool,
    default_resources_dir,
    ensure_compiled,
    ui_sources,
)

TS = default_resources_dir() / "i18n" / "gatekeeper_zh_CN.ts"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_the_chinese_catalogue_is_complete_and_matches_the_code(tmp_path: Path) -> None:
    """Every string the UI code shows is in the .ts, translated; nothing stale is left."""
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    subprocess.run(
        [*_tool("lupdate"), "-silent", *map(str, ui_sources()), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    committed, current = messages(TS), messages(fresh)
    missing = sorted(key for key, tr in current.items() if tr.get("type") == "unfinished")
    stale = sorted(key for key, tr in current.items() if tr.get("type") in ("vanished", "obsolete"))
    assert not missing, (
        f"untranslated (run `python -m gatekeeper.ui.translations --update`): {missing}"
    )
    assert not stale, f"no longer in the code: {stale}"
    assert set(committed) == set(current)
    assert all(
        (tr.text or "").strip() or any((n.text or "").strip() for n in tr.iter("numerusform"))
        for tr in committed.values()
    )


def test_ensure_compiled_builds_only_what_is_missing_or_stale(tmp_path: Path) -> None:
    (tmp_path / "i18n").mkdir()
    ts = tmp_path / "i18n" / TS.name
    shutil.copy(TS, ts)
    qm = ts.with_suffix(".qm")

    assert ensure_compiled(tmp_path) == [qm]
    assert qm.stat().st_size > 0
    assert ensure_compiled(tmp_path) == []

    newer = qm.stat().st_mtime + 10
    os.utime(ts, (newer, newer))  # the .ts was edited after the last build
    assert ensure_compiled(tmp_path) == [qm]


def test_a_missing_catalogue_keeps_english(qapp, tmp_path: Path, caplog) -> None:
    switcher = LanguageSwitcher(qapp, tmp_path)
    assert switcher.set_language("zh_CN") is False
    assert switcher.language == "en"
    assert "no compiled translations" in caplog.text
