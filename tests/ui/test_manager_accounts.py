"""The Accounts page, driven as a site manager does: a new account (PIN twice on the
keypad) that can then sign in, a PIN reset that ends a lockout, errors inline in the
user's language — and no Accounts page for gate staff or inspectors."""

from __future__ import annotations

import pytest
from console_support import MANAGER_PIN, add_account, sign_in
from kiosk_support import Kiosk
from plain_support import label_text

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.services import accounts
from gatekeeper.services.accounts import Role


def open_accounts(k: Kiosk):  # type: ignore[no-untyped-def]
    console = sign_in(k)
    assert console.nav["accounts"].isVisibleTo(console)
    k.click(console.nav["accounts"])
    assert console.current() == "accounts"
    return console, console.accounts


def keypad_type(k: Kiosk, page, digits: str) -> None:  # type: ignore[no-untyped-def]
    for digit in digits:
        k.click(page.keys[digit])


def test_manager_adds_an_account_that_can_sign_in(kiosk: Kiosk, languages) -> None:
    k = kiosk
    _console, page = open_accounts(k)
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "manager"

    k.type(page.username_edit, "zhang.wei")
    k.type(page.name_edit, "张伟")
    k.click(page.role_buttons[Role.GATE_STAFF])
    page.pin_edit.setFocus()
    keypad_type(k, page, "2468")
    page.again_edit.setFocus()
    keypad_type(k, page, "2469")
    assert (page.pin_edit.text(), page.again_edit.text()) == ("2468", "2469")
    k.click(page.ok_button)
    assert "differ" in page.error.text() and k.records(kind="account")[-1].body[
        "username"] == "manager"  # fmt: skip

    # a service error (a PIN too short) is shown inline, and follows the language
    page.pin_edit.setText("12")
    page.again_edit.setText("12")
    k.click(page.ok_button)
    assert page.error.isVisibleTo(page)
    english = page.error.text()
    languages.set_language("zh_CN")
    assert page.error.text() != english and "PIN" in page.error.text()
    languages.set_language("en")

    page.pin_edit.setText("2468")
    page.again_edit.setText("2468")
    k.click(page.ok_button)
    assert not page.error.isVisibleTo(page), page.error.text()
    assert "zhang.wei" in page.result.text()
    created = k.records(kind="account")[-1]
    assert created.body == {"username": "zhang.wei", "role": "gate_staff",
                            "display_name": "张伟", "by": "manager"}  # fmt: skip
    assert page.table.rowCount() == 2
    assert accounts.sign_in(k.ledger, "zhang.wei", "2468", k.session.service.now()).role is (
        Role.GATE_STAFF)

    # the same username again: refused inline, nothing written
    k.type(page.username_edit, "zhang.wei")
    k.type(page.name_edit, "张伟")
    page.pin_edit.setText("2468")
    page.again_edit.setText("2468")
    k.click(page.ok_button)
    assert "already an account" in page.error.text()
    assert len(k.records(kind="account")) == 2


def test_reset_clears_a_lockout(kiosk: Kiosk) -> None:
    k = kiosk
    add_account(k.ledger, "guard", "gate_staff", "1357")
    now = k.session.service.now()
    for _ in range(5):
        with pytest.raises(LocalizedError):
            accounts.sign_in(k.ledger, "guard", "0000", now)
    console, page = open_accounts(k)
    rows = {page.table.item(r, 0).text(): r for r in range(page.table.rowCount())}
    assert page.table.item(rows["guard"], 3).text() != ""  # locked until …
    assert page.table.item(rows["manager"], 3).text() == ""

    # resetting needs an account picked
    k.click(page.mode_buttons["reset"])
    page.pin_edit.setText("8642")
    page.again_edit.setText("8642")
    k.click(page.ok_button)
    assert "Pick the account" in page.error.text()
    assert k.records(kind="pin_changed") == []

    page._row_clicked(rows["guard"], 0)
    assert page.mode == "reset" and "guard" in page.target_label.text()
    k.click(page.cancel_button)  # "Clear form"
    assert page.pin_edit.text() == page.again_edit.text() == ""
    page.pin_edit.setFocus()
    keypad_type(k, page, "8642")
    page.again_edit.setFocus()
    keypad_type(k, page, "8642")
    k.click(page.ok_button)
    (changed,) = k.records(kind="pin_changed")
    assert changed.body == {"username": "guard", "by": "manager"}
    assert page.table.item(rows["guard"], 3).text() == ""
    assert "lockout is over" in page.result.text()
    assert accounts.sign_in(k.ledger, "guard", "8642", now).username == "guard"

    # a manager does not reset their own PIN here
    page._row_clicked(rows["manager"], 0)
    page.pin_edit.setText("8642")
    page.again_edit.setText("8642")
    k.click(page.ok_button)
    assert "your own PIN" in page.error.text()
    assert len(k.records(kind="pin_changed")) == 1
    assert console.current() == "accounts"


@pytest.mark.parametrize("role", ["gate_staff", "inspector"])
def test_no_accounts_page_without_the_right(kiosk: Kiosk, role: str) -> None:
    k = kiosk
    if role == "gate_staff":
        # gate staff never get the console at all
        add_account(k.ledger, "guard", "gate_staff")
        k.click(k.window.manager_button)
        dialog = k.window.sign_in_dialog
        dialog.username_edit.setText("guard")
        dialog.pin_edit.setText(MANAGER_PIN)
        dialog.submit()
        assert not k.window.manager_open()
        dialog.reject()
        return
    console = sign_in(k, "inspector", role="inspector")
    assert not console.nav["accounts"].isVisibleTo(console)
    assert not console.show_page("accounts") and console.current() == "dashboard"
    # even driven directly, the page records nothing
    page = console.accounts
    page.username_edit.setText("sneaky")
    page.name_edit.setText("x")
    page.pin_edit.setText("2468")
    page.again_edit.setText("2468")
    page.submit()
    assert [r.body["username"] for r in k.records(kind="account")] == ["boss", "inspector"]


def test_names_and_usernames_are_shown_as_written(kiosk: Kiosk) -> None:
    """A full name with markup, a username refused for its markup: the page says them as
    typed (its labels drew "<b>…</b>" bold and an "<img>" as an image)."""
    k = kiosk
    _console, page = open_accounts(k)
    k.type(page.username_edit, "<b>li</b>")
    k.type(page.name_edit, "<img src='x'> &amp;")
    page.pin_edit.setText("2468")
    page.again_edit.setText("2468")
    k.click(page.ok_button)
    assert "The username '<b>li</b>' is not usable" in label_text(page.error)
    page.username_edit.setText("li.si")
    page.pin_edit.setText("2468")
    page.again_edit.setText("2468")
    k.click(page.ok_button)
    assert label_text(page.result).startswith("Account li.si created")
    rows = {page.table.item(r, 0).text(): r for r in range(page.table.rowCount())}
    assert page.table.item(rows["li.si"], 2).text() == "<img src='x'> &amp;"
    page._row_clicked(rows["li.si"], 0)
    assert label_text(page.target_label) == "New PIN for <img src='x'> &amp; (li.si)"
