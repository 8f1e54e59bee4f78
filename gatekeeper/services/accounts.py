"""Accounts, roles and sign-in: who may do what at the gate, and proof of who did.

Three roles (门岗人员 gate staff, 项目负责人 site manager, 督导检查人员 inspector).
Each account signs in with a PIN kept only as a salted scrypt hash in the ledger's
`accounts` table, outside the chain (a hash is a secret; the chain is exported and
backed up whole). The chain gets an "account" record when an account is created and a
"sign_in" record for every attempt, right or wrong — never the PIN typed, and no
username for an attempt on an unknown one (someone may have typed their PIN there).

Lockout is the kiosk PIN's rule: five wrong PINs in a row lock the account for five
minutes; while locked every PIN is refused and nothing is counted. The caller brings
the time (`now`, tz-aware, site-local), so tests and the GUI inject a clock.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from gatekeeper.domain.i18n import LocalizedError, Text
from gatekeeper.ledger import AccountRow, Ledger, NewRecord, StoredRecord
from gatekeeper.services.kinds import Kind
from gatekeeper.services.kiosk_pin import (
    HASH_BYTES,
    LOCKOUT,
    MAX_FAILURES,
    SALT_BYTES,
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    validate_pin,
)

CLI_ACTOR = "cli"  # who did it, when it was done from the command line on the machine


class Role(StrEnum):
    GATE_STAFF = "gate_staff"
    SITE_MANAGER = "site_manager"
    INSPECTOR = "inspector"


ROLE_NAMES: dict[Role, Text] = {
    Role.GATE_STAFF: Text("gate staff", "门岗人员"),
    Role.SITE_MANAGER: Text("site manager", "项目负责人"),
    Role.INSPECTOR: Text("inspector", "督导检查人员"),
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


NOT_ALLOWED = Text(
    "A {role} may not do this ({action}). Ask a site manager.",
    "{role}无权执行此操作（{action}）。请联系项目负责人。",
)


def require(role: Role | str, action: Action | str) -> None:
    """Raise LocalizedError("not_allowed") unless `role` may do `action`."""
    if not can(role, action):
        try:
            name = ROLE_NAMES[Role(role)]
        except ValueError:
            name = Text(str(role), str(role))
        raise LocalizedError(
            "not_allowed",
            Text(
                NOT_ALLOWED.en.replace("{role}", name.en),
                NOT_ALLOWED.zh_CN.replace("{role}", name.zh_CN),
            ),
            {"action": str(action)},
        )


@dataclass(frozen=True)
class Account:
    """A signed-in (or listed) account; never carries the hash."""

    username: str
    role: Role
    display_name: str
    locked_until: datetime | None = None

    def can(self, action: Action | str) -> bool:
        return can(self.role, action)


def _account(row: AccountRow) -> Account:
    until = datetime.fromisoformat(row.locked_until) if row.locked_until else None
    return Account(row.username, Role(row.role), row.display_name, until)


_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
MAX_NAME = 40

BAD_USERNAME = Text(
    "The username {username!r} is not usable: 2 to 32 lower-case letters, digits, "
    "'.', '_' or '-', starting with a letter or digit.",
    "用户名 {username!r} 不可用：须为 2 至 32 个小写字母、数字、'.'、'_' 或 '-'，"
    "以字母或数字开头。",
)
BAD_NAME = Text(
    "The name must be 1 to {max} characters.",
    "姓名须为 1 至 {max} 个字符。",
)
BAD_ROLE = Text(
    "Unknown role {role!r}: use gate_staff, site_manager or inspector.",
    "未知角色 {role!r}：请使用 gate_staff、site_manager 或 inspector。",
)
FIRST_MUST_BE_MANAGER = Text(
    "There is no site manager yet: the first account must be a site manager "
    "(--role site_manager).",
    "尚无项目负责人账户：第一个账户必须是项目负责人（--role site_manager）。",
)
MANAGER_EXISTS = Text(
    "A site manager account already exists: a manager creates the other accounts.",
    "已有项目负责人账户：其他账户须由项目负责人创建。",
)
WRONG_PIN = Text(
    "Wrong username or PIN. {left} tries left before the account is locked for "
    "{minutes} minutes.",
    "用户名或 PIN 错误。再错 {left} 次，账户将被锁定 {minutes} 分钟。",
)
LOCKED = Text(
    "Too many wrong PINs: this account is locked until {until}. Try again then, "
    "or ask a site manager.",
    "PIN 错误次数过多：该账户已锁定至 {until}。请届时再试，或联系项目负责人。",
)
UNKNOWN_ACCOUNT = Text(
    "No account named {username}: check the username (`gatekeeper account list`).",
    "没有用户名为 {username} 的账户：请核对用户名（`gatekeeper account list`）。",
)


def _hash(pin: str, salt: bytes) -> str:
    digest = hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
        dklen=HASH_BYTES, maxmem=64 * 1024 * 1024,
    )  # fmt: skip
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${digest.hex()}"


def _matches(pin: str, salt: bytes, stored: str) -> bool:
    try:
        kdf, n, r, p, hex_digest = stored.split("$")
        expected = bytes.fromhex(hex_digest)
    except ValueError:
        return False
    if kdf != "scrypt" or not (pin.isascii() and pin.isdigit() and len(pin) <= 12):
        return False
    digest = hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=int(n), r=int(r), p=int(p),
        dklen=len(expected), maxmem=64 * 1024 * 1024,
    )  # fmt: skip
    return hmac.compare_digest(digest, expected)


def _aware(now: datetime) -> datetime:
    if now.utcoffset() is None:
        raise ValueError("accounts need a tz-aware time")
    return now


def validate_username(username: str) -> str:
    if not isinstance(username, str) or not _USERNAME.fullmatch(username):
        raise LocalizedError("bad_username", BAD_USERNAME, {"username": username})
    return username


def _validate_name(name: str) -> str:
    name = (name or "").strip()
    if not 1 <= len(name) <= MAX_NAME:
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


def create_account(
    ledger: Ledger,
    *,
    username: str,
    role: Role | str,
    display_name: str,
    pin: str,
    now: datetime,
    by: Account | str,
) -> Account:
    """Create an account (`by`: the manager doing it, or CLI_ACTOR from the machine).

    The first account must be a site manager; after that only a manager (or the
    command line, whose user holds the ledger file anyway) creates accounts.
    """
    now = _aware(now)
    username = validate_username(username)
    role = _validate_role(role)
    display_name = _validate_name(display_name)
    validate_pin(pin)
    if isinstance(by, Account):
        require(by.role, Action.ACCOUNTS)
    if needs_first_manager(ledger) and role is not Role.SITE_MANAGER:
        raise LocalizedError("first_must_be_manager", FIRST_MUST_BE_MANAGER)
    salt = secrets.token_bytes(SALT_BYTES)
    record = NewRecord(
        kind=Kind.ACCOUNT,
        at=now,
        day=now.date().isoformat(),
        body={
            "username": username,
            "role": role.value,
            "display_name": display_name,
            "by": by.username if isinstance(by, Account) else by,
        },
    )
    _stored, row = ledger.create_account(
        record, username=username, role=role.value, display_name=display_name,
        pin_hash=_hash(pin, salt), salt=salt,
    )  # fmt: skip
    return _account(row)


def create_first_manager(
    ledger: Ledger, *, username: str, display_name: str, pin: str, now: datetime,
    by: str = "first_start",
) -> Account:
    """The first start's manager account; refused once a manager exists."""
    if not needs_first_manager(ledger):
        raise LocalizedError("manager_exists", MANAGER_EXISTS)
    return create_account(
        ledger, username=username, role=Role.SITE_MANAGER, display_name=display_name,
        pin=pin, now=now, by=by,
    )  # fmt: skip


def _sign_in_record(now: datetime, username: str | None, result: str) -> NewRecord:
    return NewRecord(
        kind=Kind.SIGN_IN,
        at=now,
        day=now.date().isoformat(),
        body={"username": username, "result": result},
        outcome="success" if result == "ok" else "failure",
    )


def sign_in(ledger: Ledger, username: str, pin: str, now: datetime) -> Account:
    """The account, if `pin` is right and it is not locked; LocalizedError otherwise.

    Every attempt is a "sign_in" record. Codes: `unknown_account`, `wrong_pin` (with
    the tries left), `account_locked` (with the end of the lockout).
    """
    now = _aware(now)
    row = ledger.get_account(username)
    if row is None:
        ledger.append(_sign_in_record(now, None, "unknown_account"))
        raise LocalizedError("unknown_account", UNKNOWN_ACCOUNT, {"username": username})
    changes: dict[str, object] = {}
    failures = row.failures
    if row.locked_until:
        until = datetime.fromisoformat(row.locked_until)
        if until - now > LOCKOUT:  # the clock was set back: at most LOCKOUT from now
            until = now + LOCKOUT
            changes["locked_until"] = until.isoformat()
        if now < until:
            ledger.update_account(username, changes, _sign_in_record(now, username, "locked"))
            raise LocalizedError(
                "account_locked", LOCKED, {"until": until.strftime("%Y-%m-%d %H:%M")}
            )
        changes.update(locked_until=None, failures=0)  # the lockout is over
        failures = 0
    if _matches(pin, row.salt, row.pin_hash):
        if failures or changes:
            changes.update(failures=0, locked_until=None)
        ledger.update_account(username, changes, _sign_in_record(now, username, "ok"))
        return _account(replace(row, failures=0, locked_until=None))
    failures += 1
    if failures >= MAX_FAILURES:
        until = now + LOCKOUT
        changes.update(failures=0, locked_until=until.isoformat())
        ledger.update_account(username, changes, _sign_in_record(now, username, "wrong_pin"))
        raise LocalizedError("account_locked", LOCKED, {"until": until.strftime("%Y-%m-%d %H:%M")})
    changes["failures"] = failures
    ledger.update_account(username, changes, _sign_in_record(now, username, "wrong_pin"))
    raise LocalizedError(
        "wrong_pin", WRONG_PIN,
        {"left": MAX_FAILURES - failures, "minutes": int(LOCKOUT / timedelta(minutes=1))},
    )  # fmt: skip


def change_pin(
    ledger: Ledger, username: str, new_pin: str, now: datetime, *, by: Account | str,
    old_pin: str | None = None,
) -> StoredRecord:
    """Set a new PIN (clears any lockout). The account itself gives its old PIN; a
    manager (or the command line) may reset it without. Recorded, without the PIN."""
    now = _aware(now)
    validate_pin(new_pin)
    row = ledger.get_account(username)
    if row is None:
        raise LocalizedError("unknown_account", UNKNOWN_ACCOUNT, {"username": username})
    actor = by.username if isinstance(by, Account) else by
    if isinstance(by, Account) and by.username == username:
        sign_in(ledger, username, old_pin or "", now)
    elif isinstance(by, Account):
        require(by.role, Action.ACCOUNTS)
    salt = secrets.token_bytes(SALT_BYTES)
    record = NewRecord(
        kind=Kind.PIN_CHANGED,
        at=now,
        day=now.date().isoformat(),
        body={"username": username, "by": actor},
    )
    stored = ledger.update_account(
        username,
        {"pin_hash": _hash(new_pin, salt), "salt": salt, "failures": 0, "locked_until": None},
        record,
    )
    assert stored is not None
    return stored


OWN_PIN_RESET = Text(
    "You cannot reset your own PIN here: ask another site manager, or change it with "
    "your old PIN.",
    "不能在此重置自己的 PIN：请另一位项目负责人重置，或凭旧 PIN 修改。",
)


def reset_pin(
    ledger: Ledger, username: str, pin: str, now: datetime, by: Account | str
) -> StoredRecord:
    """A manager (or the command line) sets someone's new PIN without the old one —
    the way out of a forgotten PIN or a lockout, which it clears. Recorded as a PIN
    change (kind "pin_changed", who by), without the PIN. A manager's own PIN is not
    reset this way (`change_pin` with the old PIN is)."""
    if isinstance(by, Account):
        require(by.role, Action.ACCOUNTS)
        if by.username == username:
            raise LocalizedError("own_pin_reset", OWN_PIN_RESET)
    return change_pin(ledger, username, pin, now, by=by)
