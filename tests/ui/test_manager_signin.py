"""Sign-in by role at the manager console: the first start's manager account, right and
wrong PINs, the lockout, and what each role's console offers (accounts.can)."""

from __future__ import annotations

from console_support import MANAGER_PIN, add_account, sign_in
from kiosk_support import Kiosk
from plain_support import label_text

from gatekeeper.services.accounts import Action


def test_first_start_creates_the_manager_and_signs_in(kiosk: Kiosk) -> None:
    k = kiosk
    k.click(k.window.manager_button)
    dialog = k.window.sign_in_dialog
    assert type(dialog).__name__ == "FirstManagerDialog"
    dialog.username_edit.setText("wang")
    dialog.name_edit.setText("王经理")
    dialog.pin_edit.setText(MANAGER_PIN)
    dialog.again_edit.setText("000111")
    dialog.submit()
    assert "differ" in dialog.message() and not k.window.manager_open()
    dialog.pin_edit.setText(MANAGER_PIN)
    dialog.again_edit.setText(MANAGER_PIN)
    dialog.submit()
    assert k.window.manager_open() and k.window.account.username == "wang"
    (created,) = k.records(kind="account")
    assert created.body["role"] == "site_manager"
    (signed,) = k.records(kind="sign_in")
    assert signed.body == {"username": "wang", "result": "ok"}
    assert "王经理" in k.window.manager.who_label.text()
    # leaving signs out
    k.click(k.window.manager.back_button)
    assert k.window.account is None and not k.window._authorise(Action.DASHBOARD)


def test_wrong_pin_then_lockout_shown_plainly(kiosk: Kiosk) -> None:
    k = kiosk
    add_account(k.ledger, "manager", "site_manager")
    k.click(k.window.manager_button)
    dialog = k.window.sign_in_dialog
    assert type(dialog).__name__ == "SignInDialog"
    dialog.username_edit.setText("manager")
    for key in "111111":  # through the keypad, into the PIN field
        k.click(dialog.keys[key])
    assert dialog.pin_edit.text() == "111111"
    dialog.submit()
    wrong = dialog.message()
    assert "Wrong username or PIN" in wrong and not k.window.manager_open()
    for _ in range(4):
        dialog.pin_edit.setText("111111")
        dialog.submit()
    assert "locked until" in dialog.message()
    dialog.pin_edit.setText(MANAGER_PIN)  # even the right PIN, while locked
    dialog.submit()
    assert "locked until" in dialog.message() and not k.window.manager_open()
    results = [r.body["result"] for r in k.records(kind="sign_in")]
    assert results == ["wrong_pin"] * 5 + ["locked"]
    dialog.username_edit.setText("nobody")
    dialog.pin_edit.setText(MANAGER_PIN)
    dialog.submit()
    assert dialog.message() == wrong  # an unknown username: the same answer as a wrong PIN
    k.click(dialog.cancel_button)
    assert k.window.sign_in_dialog is None and not k.window.manager_open()


def test_gate_staff_cannot_open_the_console(kiosk: Kiosk) -> None:
    k = kiosk
    add_account(k.ledger, "guard", "gate_staff")
    k.click(k.window.manager_button)
    dialog = k.window.sign_in_dialog
    dialog.username_edit.setText("guard")
    dialog.pin_edit.setText(MANAGER_PIN)
    dialog.submit()
    assert "may not do this" in dialog.message()
    assert not k.window.manager_open() and k.window.account is None
    # the sign-in itself was right, and recorded as such
    assert [r.body["result"] for r in k.records(kind="sign_in")
            if r.body["username"] == "guard"] == ["ok"]  # fmt: skip
    dialog.reject()


def test_manager_gets_every_page(kiosk: Kiosk) -> None:
    console = sign_in(kiosk)
    assert all(button.isVisibleTo(console) for button in console.nav.values())
    assert console.export_button.isVisibleTo(console)
    for name in ("rounds", "quarantine", "review", "accounts", "dashboard"):
        assert console.show_page(name) and console.current() == name


def test_inspector_console_is_read_only(kiosk: Kiosk) -> None:
    k = kiosk
    console = sign_in(k, "inspector", role="inspector")
    visible = {n for n, b in console.nav.items() if b.isVisibleTo(console)}
    assert {"dashboard", "rounds", "quarantine", "review"} <= visible  # read-only
    assert "accounts" not in visible
    assert console.export_button.isVisibleTo(console)
    assert not console.show_page("accounts") and console.current() == "dashboard"
    # the pages' own checks refuse too: nothing recorded
    for action in (Action.ROUNDS, Action.QUARANTINE_RELEASE, Action.POLICY, Action.ACCOUNTS):
        assert not k.window._authorise(action)
    next(iter(console.rounds.disinfect_buttons.values())).click()
    assert k.records(kind="disinfection") == []
    dialog = console.open_export()
    assert dialog is not None and dialog.full_check.isVisibleTo(dialog)
    dialog.reject()


def test_the_dialog_and_the_console_say_names_as_typed(kiosk: Kiosk) -> None:
    """The first start's refusal quotes the username typed; the console's bar names who
    is signed in: both as typed, markup and all."""
    k = kiosk
    k.click(k.window.manager_button)
    dialog = k.window.sign_in_dialog
    dialog.username_edit.setText("<b>wang</b>")
    dialog.name_edit.setText("<i>王经理</i>")
    dialog.pin_edit.setText(MANAGER_PIN)
    dialog.again_edit.setText(MANAGER_PIN)
    dialog.submit()
    assert "The username '<b>wang</b>' is not usable" in label_text(dialog.message_label)
    dialog.username_edit.setText("wang")
    dialog.pin_edit.setText(MANAGER_PIN)
    dialog.again_edit.setText(MANAGER_PIN)
    dialog.submit()
    assert k.window.manager_open()
    assert label_text(k.window.manager.who_label) == "<i>王经理</i> (wang)"
