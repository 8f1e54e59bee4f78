"""The policy page: the policy in force as key/value groups with its source; a manager
checks a policy file (OK, or the error naming the key) without switching the running
policy, and writes the default policy; an inspector sees the policy read-only."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from console_support import sign_in
from kiosk_support import POLICY, START, Kiosk
from plain_support import label_text, tooltip_text

from gatekeeper.domain.policy import Pledge, default_policy_toml, load_policy
from gatekeeper.services import policy_source
from gatekeeper.services.clock import SteppingClock


def test_policy_in_force_and_checks(kiosk: Kiosk, tmp_path: Path, languages) -> None:  # type: ignore[no-untyped-def]
    k = kiosk
    console = sign_in(k)
    assert console.nav["policy"].isVisibleTo(console)
    assert console.show_page("policy") and console.current() == "policy"
    page = console.policy
    lines = page.lines()
    assert "Temperature check / fever_threshold_c: 37.3" in lines
    groups = {line.split(" / ")[0] for line in lines}
    for group in ("Temperature check", "QR scans per channel", "Pledges", "Lanes and zones",
                  "Quarantine", "Validity (returning path)", "Kiosk"):  # fmt: skip
        assert group in groups
    assert any(line.startswith("Validity (returning path) / pass_days: 90") for line in lines)
    assert "built-in defaults" in page.source_label.text()
    assert page.check_button.isVisibleTo(page) and page.write_button.isVisibleTo(page)
    assert "restart GateKeeper" in page.apply_note.text()

    # write the default, then check it: OK, and the running policy is the same object
    running = k.session.service.policy
    target = tmp_path / "policy.toml"
    assert page.write_default(target)
    assert target.read_text(encoding="utf-8") == default_policy_toml()
    assert page.check_file(target) is not None
    assert "is a valid policy" in page.check_result.text()
    assert "restart GateKeeper with the file" in page.check_result.text()
    assert k.session.service.policy is running

    # a bad file: the error names the key
    bad = tmp_path / "bad.toml"
    bad.write_text("[temperature]\nfever_threshold_c = 50.0\n", encoding="utf-8")
    assert page.check_file(bad) is None
    assert "temperature.fever_threshold_c" in page.check_error.text()
    assert not page.check_result.isVisibleTo(page)
    languages.set_language("zh_CN")
    assert "temperature.fever_threshold_c" in page.check_error.text()
    assert "无法使用" in page.check_error.text()
    assert any("37.3" in line for line in page.lines())
    languages.set_language("en")

    # the dialogs are Qt's own
    dialog = page.choose_file(save=False)
    assert dialog is not None and dialog.testOption(dialog.Option.DontUseNativeDialog)
    dialog.reject()


def test_source_of_the_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    named = tmp_path / "site.toml"
    named.write_text(default_policy_toml(), encoding="utf-8")
    policy = policy_source.resolve_policy(named)
    assert policy == load_policy(named)
    assert policy_source.in_force() == policy_source.PolicySource(
        policy_source.SourceKind.FILE, named)  # fmt: skip
    monkeypatch.setattr(policy_source, "default_policy_path", lambda: tmp_path / "none.toml")
    policy_source.resolve_policy(None)
    assert policy_source.in_force().kind is policy_source.SourceKind.DEFAULTS
    monkeypatch.setattr(policy_source, "default_policy_path", lambda: named)
    policy_source.resolve_policy(None)
    assert policy_source.in_force() == policy_source.PolicySource(
        policy_source.SourceKind.USER, named)  # fmt: skip
    monkeypatch.setattr(policy_source, "_last", None)


def test_inspector_sees_the_policy_read_only(kiosk: Kiosk, tmp_path: Path) -> None:
    k = kiosk
    console = sign_in(k, "inspector", role="inspector")
    assert console.nav["policy"].isVisibleTo(console)
    assert not console.nav["passes"].isVisibleTo(console)
    assert not console.show_page("passes")
    assert console.show_page("policy")
    page = console.policy
    assert "Temperature check / fever_threshold_c: 37.3" in page.lines()
    assert not page.check_button.isVisibleTo(page) and not page.write_button.isVisibleTo(page)
    assert page.choose_file(save=True) is None
    assert not page.write_default(tmp_path / "policy.toml")
    assert not (tmp_path / "policy.toml").exists()


def test_console_with_every_page_fits_1280x800(kiosk: Kiosk, languages, data_dir_env) -> None:  # type: ignore[no-untyped-def]
    k = kiosk
    console = sign_in(k)
    for lang in ("en", "zh_CN"):
        languages.set_language(lang)
        for name in ("passes", "policy"):
            assert console.show_page(name)
            if name == "passes":
                console.passes.issue()  # the badge shown, or an error under the form
            hint = k.window.minimumSizeHint()
            assert hint.width() <= 1280 and hint.height() <= 800, (lang, name, hint)
            assert k.window.width() == 1280 and k.window.height() == 800, (lang, name)
    languages.set_language("en")


@pytest.fixture
def data_dir_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GATEKEEPER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_a_files_path_is_shown_as_written(kiosk: Kiosk, tmp_path: Path) -> None:
    """The file checked or written is named as it is (a folder "<img src='x'>")."""
    page = sign_in(kiosk).policy
    folder = tmp_path / "<img src='x'> &lt;"
    folder.mkdir()
    missing = folder / "policy.toml"
    assert page.check_file(missing) is None
    assert label_text(page.check_error).startswith(f"{missing} cannot be used")
    assert page.write_default(missing)
    assert label_text(page.check_result).startswith(f"Wrote the default policy to {missing}")


def test_a_long_policy_text_is_shown_whole_as_written(qtbot, languages, tmp_path: Path) -> None:
    """A pledge too long for its row is elided there and whole in the row's tooltip: as
    the policy file has it (the tooltip took "<img …>" for markup and drew an image)."""
    text = "<img src='x'> a &lt; b: " + "I keep my distance. " * 5
    policy = dataclasses.replace(POLICY, pledges=(Pledge("health", text, "我承诺"),))
    k = Kiosk(qtbot, languages, tmp_path / "gate.db", SteppingClock(START), policy)
    try:
        console = sign_in(k)
        assert console.show_page("policy")
        page = console.policy
        assert f"Pledges / health: {text}" in page.lines()
        tree = page.tree
        [row] = [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
                 for j in range(tree.topLevelItem(i).childCount())
                 if tree.topLevelItem(i).child(j).text(0) == "health"]  # fmt: skip
        assert row.text(1).endswith("…") and len(row.text(1)) < len(text)
        assert tooltip_text(row.toolTip(1)) == text
    finally:
        k.close()
