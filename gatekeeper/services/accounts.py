"""Accounts, roles and sign-in: who may do what at the gate, and proof of who did.

Three roles (门岗人员 gate staff, 项目负责人 site manager, 督导检查人员 inspector).
Each account signs in with a PIN kept only as a salted scrypt hash in the ledger's
`accounts` table, outside the chain (a hash is a secret; the chain is exported and
backed up whole). The chain gets an "account" record when an account is created and a
"sign_in" record for every attempt, right or wrong — never the PIN typed, and no
username for an attempt on an unknown one (someone may have typed their PIN there).

Lockout is the kiosk PIN's rule (kiosk_pin.lockout_for): every five wrong PINs in a
row lock the account, for 5 minutes, then 10, 20 ... at most 24 hours; while locked
every PIN is refused and nothing is counted. The count (`failures`, wrong PINs since
the last right one or the last PIN change) is kept in the account's row, so closing
the ledger or restarting the app does not reset it; a right PIN or a new PIN does.
The caller brings the time (`now`, tz-aware, site-local), so tests and the GUI
inject a clock.

An unknown username gets the same answer as a wrong PIN (same code, text and
parameters) after the same work: a scrypt of the typed PIN at the current cost against
a dummy hash, so neither the message nor the time says which usernames exist. Site
managers and inspectors need PINs of at least 6 digits, gate staff 4
(MIN_DIGITS_FOR_ROLE); a shorter PIN from before that rule still signs in, and the
account says `pin_to_change`.

Roles are enforced here, not by widgets: a successful `sign_in` (or the first
manager's creation) yields an `Actor`, and every service call that records or reveals
something takes it, checks its role with `acting` (PERMISSIONS) before reading or
writing anything, and records its username as "by". A name alone is not an Actor
(TypeError), so nobody can claim an account or a role they did not sign in as.
"""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError, Text
from gatekeeper.domain.identity import has_control
from gatekeeper.ledger import AccountRow, Ledger, NewRecord, StoredRecord
from gatekeeper.services import schema
from gatekeeper.services.kiosk_pin import (
    HASH_BYTES,
    LOCKOUT,  # noqa: F401 - the first lockout, acc.LOCKOUT to callers
    MAX_DIGITS,
    MAX_FAILURES,
    MIN_DIGITS,
    SALT_BYTES,
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    current_lockout,
    lockout_for,
    scrypt,
    validate_pin,
)

CLI_ACTOR = "cli"  # the "by" of the first manager made from the command line


class Role(StrEnum):
    GATE_STAFF = "gate_staff"
    SITE_MANAGER = "site_manager"
    INSPECTOR = "inspector"


ROLE_NAMES: dict[Role, Text] = {
    Role.GATE_STAFF: messages.entry("accounts.role.gate_staff"),
    Role.SITE_MANAGER: messages.entry("accounts.role.site_manager"),
    Role.INSPECTOR: messages.entry("accounts.role.inspector"),
}


class Action(StrEnum):
    """What a screen or command needs permission for."""

    RUN_GATE = "run_gate"  # screen people at the gate
    DASHBOARD = "dashboard"  # today's figures, who is on site, quarantine list
    REVIEW = "review"  # search passages, a person's timeline (read-only)
    VERIFY = "verify"  # the ledger integrity check
    EXPORT = "export"  # the daily ledger export (masked)
    EXPORT_FULL = "export_full"  # an export with full ID numbers and phones
    INSPECTION_REPORT = "inspection_report"
    POLICY = "policy"  # check a policy file, write the default one
    POLICY_VIEW = "policy_view"  # see the policy in force (read-only)
    ACCOUNTS = "accounts"
    PASSES = "passes"  # issue and revoke site passes
    ROUNDS = "rounds"  # temperature rounds and zone disinfection
    QUARANTINE_RELEASE = "quarantine_release"  # checks and the release decision
    CORRECTION = "correction"
    PURGE = "purge"
    BACKUP = "backup"
    MANUAL_CHECK = "manual_check"  # decide by hand a code the kiosk could not read (QR step)


_READ = frozenset({Action.DASHBOARD, Action.REVIEW, Action.VERIFY, Action.POLICY_VIEW})
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.GATE_STAFF: frozenset({Action.RUN_GATE}),
    Role.SITE_MANAGER: _READ
    | {
        Action.RUN_GATE,
        Action.EXPORT,
        Action.INSPECTION_REPORT,
        Action.POLICY,
        Action.ACCOUNTS,
        Action.PASSES,
        Action.ROUNDS,
        Action.QUARANTINE_RELEASE,
        Action.CORRECTION,
        Action.PURGE,
        Action.BACKUP,
        Action.MANUAL_CHECK,
    },
    # Inspectors see everything and change nothing: their only writes are the records
    # of their own sign-ins and exports.
    Role.INSPECTOR: _READ | {Action.EXPORT, Action.EXPORT_FULL, Action.INSPECTION_REPORT},
}


def can(role: Role | str, action: Action | str) -> bool:
    """Whether `role` may do `action` (unknown roles and actions may do nothing)."""
    try:
        return Action(action) in PERMISSIONS[Role(role)]
    except ValueError:
        return False


ACTION_NAMES: dict[Action, Text] = {
    Action.RUN_GATE: messages.entry("accounts.action.run_gate"),
    Action.DASHBOARD: messages.entry("accounts.action.dashboard"),
    Action.REVIEW: messages.entry("accounts.action.review"),
    Action.VERIFY: messages.entry("accounts.action.verify"),
    Action.EXPORT: messages.entry("accounts.action.export"),
    Action.EXPORT_FULL: messages.entry("accounts.action.export_full"),
    Action.INSPECTION_REPORT: messages.entry("accounts.action.inspection_report"),
    Action.POLICY: messages.entry("accounts.action.policy"),
    Action.POLICY_VIEW: messages.entry("accounts.action.policy_view"),
    Action.ACCOUNTS: messages.entry("accounts.action.accounts"),
    Action.PASSES: messages.entry("accounts.action.passes"),
    Action.ROUNDS: messages.entry("accounts.action.rounds"),
    Action.QUARANTINE_RELEASE: messages.entry("accounts.action.quarantine_release"),
    Action.CORRECTION: messages.entry("accounts.action.correction"),
    Action.PURGE: messages.entry("accounts.action.purge"),
    Action.BACKUP: messages.entry("accounts.action.backup"),
    Action.MANUAL_CHECK: messages.entry("accounts.action.manual_check"),
}

_NOBODY = messages.entry("accounts.nobody")
_OR = messages.entry("accounts.or")


def allowed_roles(action: Action | str) -> Text:
    """Who may do `action`, in words ("a site manager or an inspector"): a refusal says
    whom to ask instead of only "no"."""
    roles = [role for role in Role if can(role, action)]
    if not roles:
        return _NOBODY
    return Text(
        _OR.en.join(_with_article(r) for r in roles),
        _OR.zh_CN.join(ROLE_NAMES[r].zh_CN for r in roles),
    )


def _with_article(role: Role) -> str:
    """"a site manager", "an inspector", "gate staff" (a group, no article)."""
    name = ROLE_NAMES[role].en
    if role is Role.GATE_STAFF:
        return name
    return ("an " if name[0] in "aeiou" else "a ") + name


def require(role: Role | str, action: Action | str) -> None:
    """Raise LocalizedError("not_allowed") unless `role` may do `action`; the one-line
    message (both languages) names the action and the roles that may do it."""
    if can(role, action):
        return
    try:
        known = Role(role)
        name = Text(_with_article(known).capitalize(), ROLE_NAMES[known].zh_CN)
    except ValueError:
        name = Text.same(str(role))
    try:
        what = ACTION_NAMES[Action(action)]
    except ValueError:
        what = Text.same(str(action))
    # the template and its values, filled once by message(): a filled text would be
    # filled again there, and a role or action with braces would break it
    raise LocalizedError(
        "not_allowed",
        messages.entry("accounts.not_allowed"),
        {"role": name, "action": what, "allowed": allowed_roles(action)},
    )


_PROOF = object()  # only this module holds it: an Actor cannot be made from a string


@dataclass(frozen=True)
class Actor:
    """The account doing something, proven by a PIN: only `sign_in` and the first
    manager's creation make one (the services take it instead of a "by" string, so a
    caller cannot claim to be someone, or a role, it did not sign in as)."""

    username: str
    role: Role
    _proof: object = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self._proof is not _PROOF:
            raise TypeError("an Actor comes from accounts.sign_in, not from a name")

    def can(self, action: Action | str) -> bool:
        return can(self.role, action)

    def require(self, action: Action | str) -> None:
        require(self.role, action)


def _actor(username: str, role: Role) -> Actor:
    return Actor(username, role, _PROOF)


def acting(by: object, action: Action | str) -> Actor:
    """`by` as the Actor allowed to do `action`: the check every guarded service call
    makes first, before it reads or writes anything. A string is a programming error
    (TypeError), a role that may not do it the user's (LocalizedError)."""
    if not isinstance(by, Actor):
        raise TypeError(f"expected an accounts.Actor (from sign_in), got {type(by).__name__}")
    by.require(action)
    return by


def simulation_actor(username: str, role: Role | str) -> Actor:
    """A made-up member of staff for `gatekeeper simulate` and the benchmarks, which
    write generated traffic into their own ledger. Nothing that acts on a real site's
    ledger calls this (tests/services/test_services_roles.py checks who does)."""
    return _actor(username, Role(role))


@dataclass(frozen=True)
class Account:
    """A signed-in (or listed) account; never carries the hash."""

    username: str
    role: Role
    display_name: str
    locked_until: datetime | None = None
    # the PIN is shorter than the role now needs (MIN_DIGITS_FOR_ROLE): known at sign-in
    # from the PIN typed; in a listing, a manager's or inspector's hash made before that
    # rule (older cost) that no sign-in has confirmed long enough since. It still works.
    pin_to_change: bool = False
    # set only on the account `sign_in` (or the first start) returns: what the
    # services take as proof of who acts
    actor: Actor | None = field(default=None, repr=False, compare=False)

    def can(self, action: Action | str) -> bool:
        return can(self.role, action)


def _account(row: AccountRow) -> Account:
    until = datetime.fromisoformat(row.locked_until) if row.locked_until else None
    role = Role(row.role)
    unconfirmed = MIN_DIGITS_FOR_ROLE[role] > MIN_DIGITS and _outdated(row.pin_hash)
    return Account(row.username, role, row.display_name, until, unconfirmed)


_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
MAX_NAME = 40

BAD_USERNAME = messages.entry("accounts.bad_username")
BAD_NAME = messages.entry("accounts.bad_name")
BAD_ROLE = messages.entry("accounts.bad_role")
FIRST_MUST_BE_MANAGER = messages.entry("accounts.first_must_be_manager")
MANAGER_EXISTS = messages.entry("accounts.manager_exists")
WRONG_PIN = messages.entry("accounts.wrong_pin")
LOCKED = messages.entry("accounts.locked")
UNKNOWN_ACCOUNT = messages.entry("accounts.unknown_account")

#: The shortest PIN each role may choose: whoever sees personal data or manages
#: accounts needs 6 digits (a 4-digit PIN falls to an offline search in minutes).
MIN_DIGITS_FOR_ROLE: dict[Role, int] = {
    Role.GATE_STAFF: MIN_DIGITS,
    Role.SITE_MANAGER: 6,
    Role.INSPECTOR: 6,
}


def validate_account_pin(pin: str, role: Role | str) -> str:
    """`pin` if it is 4-12 digits and at least the role's minimum; a one-line
    LocalizedError (both languages) otherwise."""
    validate_pin(pin)
    role = _validate_role(role)
    least = MIN_DIGITS_FOR_ROLE[role]
    if len(pin) < least:
        raise LocalizedError(
            "pin_too_short",
            messages.entry("accounts.pin_too_short"),
            {"role": ROLE_NAMES[role], "min": least, "max": MAX_DIGITS, "length": len(pin)},
        )  # fmt: skip
    return pin


_CURRENT = (SCRYPT_N, SCRYPT_R, SCRYPT_P)


def _hash(pin: str, salt: bytes, n: int = SCRYPT_N) -> str:
    digest = scrypt(pin, salt, n, SCRYPT_R, SCRYPT_P, HASH_BYTES)
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${digest.hex()}"


def _params(stored: str) -> tuple[int, int, int] | None:
    try:
        kdf, n, r, p, _digest = stored.split("$")
        return (int(n), int(r), int(p)) if kdf == "scrypt" else None
    except ValueError:
        return None


def _outdated(stored: str) -> bool:
    """The hash was made at another cost than new ones are (an earlier version's)."""
    return _params(stored) != _CURRENT


def _matches(pin: str, salt: bytes, stored: str) -> bool:
    """Whether `pin` hashes to `stored` (its own n, r, p: old hashes keep verifying)."""
    try:
        kdf, n, r, p, hex_digest = stored.split("$")
        expected = bytes.fromhex(hex_digest)
    except ValueError:
        return False
    if kdf != "scrypt" or not (pin.isascii() and pin.isdigit() and len(pin) <= MAX_DIGITS):
        return False
    try:
        digest = scrypt(pin, salt, int(n), int(r), int(p), len(expected))
    except ValueError:  # parameters no version of ours wrote
        return False
    return hmac.compare_digest(digest, expected)


# What an unknown username is checked against: the same scrypt at the current cost as a
# new account's hash, so the time does not tell an unknown username from a wrong PIN.
# The digest is random: no PIN matches it.
_DUMMY_SALT = secrets.token_bytes(SALT_BYTES)
_DUMMY_HASH = f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${secrets.token_hex(HASH_BYTES)}"


def _aware(now: datetime) -> datetime:
    if now.utcoffset() is None:
        raise ValueError("accounts need a tz-aware time")
    return now


def validate_username(username: str) -> str:
    if not isinstance(username, str) or not _USERNAME.fullmatch(username):
        raise LocalizedError("bad_username", BAD_USERNAME, {"username": username})
    return username


def _validate_name(name: str) -> str:
    """A display name: 1..MAX_NAME printable characters (no control characters: a name
    with terminal escapes would rewrite `account list`'s screen)."""
    name = (name or "").strip()
    if not 1 <= len(name) <= MAX_NAME or has_control(name):
        raise LocalizedError("bad_name", BAD_NAME, {"max": MAX_NAME})
    return name


def _validate_role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise LocalizedError("bad_role", BAD_ROLE, {"role": role}) from None


# --- the API --------------------------------------------------------------------------


def list_accounts(ledger: Ledger) -> list[Account]:
    return [_account(row) for row in ledger.accounts()]


def needs_first_manager(ledger: Ledger) -> bool:
    """True until a site manager account exists: the first start asks for one."""
    return not any(row.role == Role.SITE_MANAGER for row in ledger.accounts())


def _create(
    ledger: Ledger, *, username: str, role: Role | str, display_name: str, pin: str,
    now: datetime, by: str,
) -> Account:
    """Validate and write the account (its record and its row, one transaction)."""
    now = _aware(now)
    username = validate_username(username)
    role = _validate_role(role)
    display_name = _validate_name(display_name)
    validate_account_pin(pin, role)
    if needs_first_manager(ledger) and role is not Role.SITE_MANAGER:
        raise LocalizedError("first_must_be_manager", FIRST_MUST_BE_MANAGER)
    salt = secrets.token_bytes(SALT_BYTES)
    record = schema.AccountBody(username=username, role=role.value,
                                display_name=display_name, by=by,
                                ).record(at=now, day=now.date().isoformat())  # fmt: skip
    _stored, row = ledger.create_account(
        record, username=username, role=role.value, display_name=display_name,
        pin_hash=_hash(pin, salt), salt=salt,
    )  # fmt: skip
    return _account(row)


def create_account(
    ledger: Ledger,
    *,
    username: str,
    role: Role | str,
    display_name: str,
    pin: str,
    now: datetime,
    by: Actor,
) -> Account:
    """Create an account; `by` is the signed-in site manager doing it (ACCOUNTS).

    The first account is made by `create_first_manager` instead (nobody can sign in
    yet); it must be a site manager.
    """
    actor = acting(by, Action.ACCOUNTS)
    return _create(
        ledger, username=username, role=role, display_name=display_name, pin=pin, now=now,
        by=actor.username,
    )  # fmt: skip


def create_first_manager(
    ledger: Ledger, *, username: str, display_name: str, pin: str, now: datetime,
    by: str = "first_start",
) -> Account:
    """The first start's manager account, signed in (its `actor` set: whoever chose the
    PIN just proved it); refused once a manager exists. `by` says where it was made
    (the console's first start, or CLI_ACTOR)."""
    if not needs_first_manager(ledger):
        raise LocalizedError("manager_exists", MANAGER_EXISTS)
    made = _create(
        ledger, username=username, role=Role.SITE_MANAGER, display_name=display_name,
        pin=pin, now=now, by=by,
    )  # fmt: skip
    return replace(made, actor=_actor(made.username, made.role))


def _sign_in_record(now: datetime, username: str | None, result: str) -> NewRecord:
    return schema.SignInBody(username=username, result=result).record(
        at=now, day=now.date().isoformat(), outcome="success" if result == "ok" else "failure")


def _wrong() -> LocalizedError:
    """The answer to a wrong PIN and to an unknown username alike (code, text and
    parameters): which usernames exist is not told."""
    return LocalizedError("wrong_pin", WRONG_PIN, {"max": MAX_FAILURES})


def _locked(until: datetime) -> LocalizedError:
    return LocalizedError("account_locked", LOCKED, {"until": until.strftime("%Y-%m-%d %H:%M")})


def sign_in(ledger: Ledger, username: str, pin: str, now: datetime) -> Account:
    """The account, if `pin` is right and it is not locked; LocalizedError otherwise.
    Its `actor` is what the guarded services take as proof of who acts.

    Every attempt is one "sign_in" record, whatever the result, and nothing else is
    written (but the account's count, and an old-cost hash upgraded on a right PIN).
    Codes: `wrong_pin` (a wrong PIN or an unknown username: the same answer, after the
    same scrypt), `account_locked` (with the end of the lockout).
    """
    now = _aware(now)
    row = ledger.get_account(username)
    if row is None:
        _matches(pin, _DUMMY_SALT, _DUMMY_HASH)  # the time a real account's check takes
        ledger.append(_sign_in_record(now, None, "unknown_account"))
        raise _wrong()
    changes: dict[str, object] = {}
    failures = row.failures  # wrong PINs since the last right one: the lockout's round
    if row.locked_until:
        until = datetime.fromisoformat(row.locked_until)
        longest = current_lockout(failures)
        if until - now > longest:  # the clock was set back: at most its round from now
            until = now + longest
            changes["locked_until"] = until.isoformat()
        if now < until:
            ledger.update_account(username, changes, _sign_in_record(now, username, "locked"))
            raise _locked(until)
        changes["locked_until"] = None  # over; the count stays: the next lock is longer
    if _matches(pin, row.salt, row.pin_hash):
        if failures or changes:
            changes.update(failures=0, locked_until=None)
        short = len(pin) < MIN_DIGITS_FOR_ROLE[Role(row.role)]
        if _outdated(row.pin_hash) and not short:  # re-hash at today's cost
            salt = secrets.token_bytes(SALT_BYTES)
            changes.update(pin_hash=_hash(pin, salt), salt=salt)
        ledger.update_account(username, changes, _sign_in_record(now, username, "ok"))
        signed_in = replace(_account(replace(row, failures=0, locked_until=None)),
                            pin_to_change=short)  # fmt: skip
        return replace(signed_in, actor=_actor(signed_in.username, signed_in.role))
    failures += 1
    changes["failures"] = failures
    if failures % MAX_FAILURES == 0:
        until = now + lockout_for(failures // MAX_FAILURES)
        changes["locked_until"] = until.isoformat()
        ledger.update_account(username, changes, _sign_in_record(now, username, "wrong_pin"))
        raise _locked(until)
    ledger.update_account(username, changes, _sign_in_record(now, username, "wrong_pin"))
    raise _wrong()


def change_pin(
    ledger: Ledger, username: str, new_pin: str, now: datetime, *, by: Actor,
    old_pin: str | None = None,
) -> StoredRecord:
    """Set a new PIN (clears any lockout). The account itself gives its old PIN (checked
    as a sign-in); a site manager resets someone else's without. Recorded, without the
    PIN."""
    now = _aware(now)
    if not isinstance(by, Actor):
        raise TypeError(f"expected an accounts.Actor (from sign_in), got {type(by).__name__}")
    if by.username != username:
        acting(by, Action.ACCOUNTS)
    validate_pin(new_pin)
    row = ledger.get_account(username)
    if row is None:
        raise LocalizedError("unknown_account", UNKNOWN_ACCOUNT, {"username": username})
    validate_account_pin(new_pin, row.role)
    if by.username == username:
        sign_in(ledger, username, old_pin or "", now)
    salt = secrets.token_bytes(SALT_BYTES)
    record = schema.PinChangedBody(username=username, by=by.username).record(
        at=now, day=now.date().isoformat())
    stored = ledger.update_account(
        username,
        {"pin_hash": _hash(new_pin, salt), "salt": salt, "failures": 0, "locked_until": None},
        record,
    )
    assert stored is not None
    return stored


OWN_PIN_RESET = messages.entry("accounts.own_pin_reset")


def reset_pin(
    ledger: Ledger, username: str, pin: str, now: datetime, by: Actor
) -> StoredRecord:
    """A site manager sets someone's new PIN without the old one — the way out of a
    forgotten PIN or a lockout, which it clears. Recorded as a PIN change (kind
    "pin_changed", who by), without the PIN. A manager's own PIN is not reset this way
    (`change_pin` with the old PIN is)."""
    actor = acting(by, Action.ACCOUNTS)
    if actor.username == username:
        raise LocalizedError("own_pin_reset", OWN_PIN_RESET)
    return change_pin(ledger, username, pin, now, by=actor)
