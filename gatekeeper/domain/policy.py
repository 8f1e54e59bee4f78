"""The site's policy: the numbers and texts a site may change without touching code.

Defaults are the rules of `gate-process.md`. A policy file is TOML that a site manager
edits by hand, so loading it refuses anything doubtful (unknown keys, wrong types, values
out of range) with a message that names the key and says what to change.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tomlkit
from tomlkit.exceptions import ParseError

from gatekeeper.domain import messages
from gatekeeper.domain.errors import PolicyError
from gatekeeper.domain.i18n import Text
from gatekeeper.domain.vocab import CertificateKind, Channel, Lane, ScanKind, Zone


@dataclass(frozen=True)
class Pledge:
    """One pledge the entrant signs (两项承诺): a stable id and its text in both languages."""

    id: str
    text_en: str
    text_zh: str

    @property
    def text(self) -> Text:
        return Text(self.text_en, self.text_zh)


@dataclass(frozen=True)
class LaneAssignment:
    """Where a channel's admitted people go: their entry lane and the zone they work in."""

    lane: Lane
    zone: Zone


DEFAULT_PLEDGES: tuple[Pledge, ...] = (
    Pledge(
        "health",
        "Health pledge: I have no fever, cough, loss of taste or other symptoms, I have "
        "not been in contact with a confirmed or suspected case, and everything I have "
        "declared is true.",
        "健康承诺：本人无发热、咳嗽、味觉丧失等症状，未接触确诊或疑似病例，所报信息真实无误。",
    ),
    Pledge(
        "epidemic_prevention",
        "Epidemic-prevention pledge: I will follow the site's epidemic-prevention rules, "
        "wear a mask, take the morning and evening temperature checks, stay in my zone, "
        "and report any symptom at once.",
        "防疫承诺：本人遵守工地防疫规定，佩戴口罩，参加早晚两次测温，不串区，如有不适立即报告。",
    ),
)

DEFAULT_NOTICE_EN = (
    "Site notice: the site is under closed-loop management. Keep to your zone; wear a "
    "mask; take the temperature check every morning and evening; every zone is "
    "disinfected twice a day; report fever, cough or contact with a risk region to the "
    "site manager at once."
)
DEFAULT_NOTICE_ZH = (
    "告知书：本工地实行闭环管理。请在所属区域内活动，佩戴口罩，每日早晚两次测温；"
    "各区域每日消毒两次；如有发热、咳嗽或接触风险地区人员，请立即报告项目负责人。"
)

DEFAULT_SCANS: dict[Channel, tuple[ScanKind, ...]] = {
    Channel.WORKER: (ScanKind.HEALTH_CODE, ScanKind.ITINERARY_CODE, ScanKind.SITE_PASS),
    Channel.VISITOR: (ScanKind.HEALTH_CODE, ScanKind.ITINERARY_CODE),
    Channel.VEHICLE: (ScanKind.HEALTH_CODE, ScanKind.ITINERARY_CODE),
}

DEFAULT_LANES: dict[Channel, LaneAssignment] = {
    Channel.WORKER: LaneAssignment(Lane.WORKER, Zone.CONSTRUCTION),
    Channel.VISITOR: LaneAssignment(Lane.VISITOR, Zone.MANAGEMENT),
    Channel.VEHICLE: LaneAssignment(Lane.GOODS_VEHICLE, Zone.CONSTRUCTION),
}


# Health codes differ by province: a site lists regular expressions, tried in order; the
# first that matches gives the colour (group `colour`: green/yellow/red, 绿/黄/红, G/Y/R)
# and, when it has one, the last valid day (group `until`: YYYY-MM-DD or YYYYMMDD).
DEFAULT_HEALTH_CODE_PATTERNS: tuple[str, ...] = (
    r"(?i)\b(?:colou?r|status)\"?\s*[=:]\s*\"?(?P<colour>green|yellow|red)\b"
    r"(?:.*?\b(?:until|valid_until|expires?)\"?\s*[=:]\s*\"?(?P<until>\d{4}-?\d{2}-?\d{2}))?",
    r"(?P<colour>[绿黄红])(?:色)?码(?:.*?有效期至\s*(?P<until>\d{4}-?\d{2}-?\d{2}))?",
)


# A serial thermometer sends each reading as a text line; group `reading` is the number.
# The default reads the common styles: "T=36.5", "36.5", "TEMP:36.5C", "BT: 36.5 °C".
DEFAULT_THERMOMETER_PATTERN = (
    r"(?i)^\s*(?:[a-z]+\s*[=:]\s*)?(?P<reading>\d{1,3}(?:[.,]\d{1,3})?)\s*(?:°\s*C?|℃|C)?\s*$"
)


class Release(StrEnum):
    """How the kiosk opens the lane's turnstile or door on "admitted"."""

    NONE = "none"  # staff open it by hand
    RELAY = "relay"  # a USB-serial relay board (command bytes, e.g. LCUS: A0 01 01 A2)
    COMMAND = "command"  # a program the site configures (argv, no shell)


# LCUS-type relay boards: A0, channel, 01 on / 00 off, then the sum of the bytes.
DEFAULT_RELAY_ON = "A0 CH 01 SUM"
DEFAULT_RELAY_OFF = "A0 CH 00 SUM"
DEFAULT_RELAY_CHANNELS: dict[Lane, int] = {Lane.WORKER: 1, Lane.VISITOR: 2,
                                           Lane.GOODS_VEHICLE: 3}


@dataclass(frozen=True)
class Policy:
    """Everything a site can configure; the defaults are the rules in gate-process.md.

    The dict fields are read-only by convention (a frozen dataclass cannot freeze them).
    """

    fever_threshold_c: float = 37.3
    plausible_min_c: float = 34.0
    plausible_max_c: float = 43.0
    max_remeasures: int = 2
    rest_seconds: int = 300
    risk_regions: tuple[str, ...] = ()
    risk_window_days: int = 14
    certificate_kinds: tuple[CertificateKind, ...] = (
        CertificateKind.HEALTH_CERTIFICATE,
        CertificateKind.ENTRY_PASS,
    )
    scans: dict[Channel, tuple[ScanKind, ...]] = field(
        default_factory=lambda: dict(DEFAULT_SCANS), hash=False
    )
    pledges: tuple[Pledge, ...] = DEFAULT_PLEDGES
    notice_en: str = DEFAULT_NOTICE_EN
    notice_zh: str = DEFAULT_NOTICE_ZH
    lanes: dict[Channel, LaneAssignment] = field(
        default_factory=lambda: dict(DEFAULT_LANES), hash=False
    )
    quarantine_place_en: str = "emergency isolation room"
    quarantine_place_zh: str = "应急隔离间"
    quarantine_contact_phone: str = ""
    quarantine_days: int = 14
    pledge_validity_days: int = 30
    pass_validity_days: int = 90
    timezone: str = "Asia/Shanghai"
    health_code_patterns: tuple[str, ...] = DEFAULT_HEALTH_CODE_PATTERNS
    outcome_seconds: int = 8
    # Devices (README "Hardware"): empty port = none, readings are typed.
    thermometer_port: str = ""
    thermometer_baud: int = 9600
    thermometer_pattern: str = DEFAULT_THERMOMETER_PATTERN
    release: Release = Release.NONE
    relay_port: str = ""
    relay_baud: int = 9600
    relay_on: str = DEFAULT_RELAY_ON
    relay_off: str = DEFAULT_RELAY_OFF
    relay_pulse_ms: int = 500
    relay_channels: dict[Lane, int] = field(
        default_factory=lambda: dict(DEFAULT_RELAY_CHANNELS), hash=False
    )
    release_command: tuple[str, ...] = ()
    release_timeout_seconds: int = 5

    @property
    def quarantine_place(self) -> Text:
        return Text(self.quarantine_place_en, self.quarantine_place_zh)

    @property
    def notice(self) -> Text:
        return Text(self.notice_en, self.notice_zh)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def scans_for(self, channel: Channel) -> tuple[ScanKind, ...]:
        return self.scans[Channel(channel)]

    def lane_for(self, channel: Channel) -> LaneAssignment:
        return self.lanes[Channel(channel)]


# --- the TOML schema ------------------------------------------------------------------
# Scalar keys: dotted TOML key -> (Policy field, kind, low, high, comment).

_Number = tuple[str, str, float | None, float | None, str]

_SCALARS: dict[str, _Number] = {
    "temperature.fever_threshold_c": (
        "fever_threshold_c", "number", 35.0, 42.0,
        "A reading at or above this (°C) is a fever.",
    ),
    "temperature.plausible_min_c": (
        "plausible_min_c", "number", 20.0, 45.0,
        "Readings below this (°C) are measuring errors: re-measure, never a verdict.",
    ),
    "temperature.plausible_max_c": (
        "plausible_max_c", "number", 20.0, 45.0,
        "Readings above this (°C) are measuring errors: re-measure, never a verdict.",
    ),
    "temperature.max_remeasures": (
        "max_remeasures", "integer", 0, 10,
        "Re-measures allowed after a fever reading before quarantine.",
    ),
    "temperature.rest_seconds": (
        "rest_seconds", "integer", 0, 3600,
        "Rest (seconds) between a fever reading and the re-measure.",
    ),
    "risk.window_days": (
        "risk_window_days", "integer", 0, 365,
        "A stay in a risk region within this many days means quarantine.",
    ),
    "quarantine.place_en": ("quarantine_place_en", "text", None, 200, "Where people are taken."),
    "quarantine.place_zh": ("quarantine_place_zh", "text", None, 200, "隔离地点。"),
    "quarantine.contact_phone": (
        "quarantine_contact_phone", "text_or_empty", None, 32,
        "Who to call about quarantine (shown with the outcome; may be empty).",
    ),
    "quarantine.days": (
        "quarantine_days", "integer", 1, 60, "Days from the start of a quarantine to its due date.",
    ),
    "validity.pledge_days": (
        "pledge_validity_days", "integer", 1, 3650,
        "Signed pledges stay in force this many days (returning path).",
    ),
    "validity.pass_days": (
        "pass_validity_days", "integer", 1, 3650,
        "A worker pass is valid this many days from issue.",
    ),
    "notice.text_en": ("notice_en", "text", None, 5000, "The notice handed to every entrant."),
    "notice.text_zh": ("notice_zh", "text", None, 5000, "告知书内容。"),
    "site.timezone": ("timezone", "timezone", None, None, "The site's time zone (IANA name)."),
    "kiosk.outcome_seconds": (
        "outcome_seconds", "integer", 1, 600,
        "Seconds the outcome screen stays up before the kiosk returns to the start screen.",
    ),
    "thermometer.port": (
        "thermometer_port", "text_or_empty", None, 200,
        "Serial port of a thermometer that sends readings as text lines (/dev/ttyUSB0, "
        "COM3); empty: none (readings are typed, or typed by a keyboard-output thermometer).",
    ),
    "thermometer.baud": ("thermometer_baud", "integer", 300, 921600, "Its speed (baud)."),
    "thermometer.pattern": (
        "thermometer_pattern", "reading_pattern", None, None,
        "Regular expression for one line; group `reading` is the °C value "
        "(the default reads T=36.5, 36.5, TEMP:36.5C).",
    ),
    "turnstile.release": (
        "release", "release", None, None,
        "On admitted only, open the lane: none, relay (USB-serial relay board) or "
        "command (a program, see turnstile.command).",
    ),
    "turnstile.port": (
        "relay_port", "text_or_empty", None, 200, "Serial port of the relay board.",
    ),
    "turnstile.baud": ("relay_baud", "integer", 300, 921600, "Its speed (baud)."),
    "turnstile.on_bytes": (
        "relay_on", "relay_bytes", None, None,
        "Bytes that close the relay, in hex; CH is the lane's channel, SUM the sum of the "
        "bytes before it (LCUS boards: A0 CH 01 SUM).",
    ),
    "turnstile.off_bytes": (
        "relay_off", "relay_bytes", None, None, "Bytes that open it again (A0 CH 00 SUM).",
    ),
    "turnstile.pulse_ms": (
        "relay_pulse_ms", "integer", 50, 10000, "How long the relay stays closed (ms).",
    ),
    "turnstile.command_timeout_seconds": (
        "release_timeout_seconds", "integer", 1, 60,
        "A release command still running after this is stopped and counts as failed.",
    ),
}

_LISTS: dict[str, tuple[str, str]] = {
    "risk.regions": ("risk_regions", "Names or codes of listed risk regions."),
    "certificates.kinds": ("certificate_kinds", "Documents accepted at the certificate check."),
    "health_code.patterns": (
        "health_code_patterns",
        "Regular expressions tried in order; group `colour` (green/yellow/red, 绿/黄/红), "
        "optional group `until` (YYYY-MM-DD).",
    ),
    "turnstile.command": (
        "release_command",
        "release = command: the program and its arguments (no shell); {lane} and "
        "{channel} are replaced, e.g. [\"/usr/local/bin/open-gate\", \"{lane}\"].",
    ),
}

_SECTION_COMMENTS: dict[str, str] = {
    "temperature": "Temperature check (测温)",
    "risk": "Risk regions (风险地区)",
    "certificates": "Certificate check (查验健康证明或出入通行证)",
    "scans": "QR scans per channel (扫码); choices: " + ", ".join(k.value for k in ScanKind),
    "pledges": "Pledges the entrant signs (签健康承诺书)",
    "notice": "Notice handed to the entrant (领取告知书)",
    "lanes": "Lane and zone per channel (人车分流); lanes: "
    + ", ".join(v.value for v in Lane)
    + "; zones: "
    + ", ".join(z.value for z in Zone if z is not Zone.ISOLATION),
    "quarantine": "Quarantine (隔离)",
    "validity": "Returning path: how long passes and pledges stay in force",
    "site": "Site",
    "health_code": "Health codes (健康码): how the province's code is read",
    "kiosk": "Kiosk screen (闸口终端)",
    "thermometer": "Serial thermometer (测温设备, USB-serial or RS-485 text lines)",
    "turnstile": "Turnstile or door release on admitted (闸机/门禁)",
}


def _known_keys() -> list[str]:
    keys = [*_SCALARS, *_LISTS]
    keys += [f"scans.{c.value}" for c in Channel]
    keys += [f"lanes.{c.value}.{part}" for c in Channel for part in ("lane", "zone")]
    keys += [f"turnstile.channels.{lane.value}" for lane in Lane]
    keys += ["pledges", "pledges.id", "pledges.text_en", "pledges.text_zh"]
    return keys


def _unknown(key: str) -> PolicyError:
    close = difflib.get_close_matches(key, _known_keys(), n=1, cutoff=0.6)
    if not close:
        # A misspelt last part under a known section: compare last parts too.
        tail = key.rsplit(".", 1)[-1]
        by_tail = {k.rsplit(".", 1)[-1]: k for k in _known_keys()}
        near = difflib.get_close_matches(tail, list(by_tail), n=1, cutoff=0.6)
        close = [by_tail[near[0]]] if near else []
    if close:
        return PolicyError("policy.unknown_key_suggest", key, {"suggestion": close[0]})
    return PolicyError("policy.unknown_key", key)


def _type_name(value: Any) -> Text:
    if isinstance(value, bool):
        return messages.entry("type.boolean")
    if isinstance(value, float):
        return messages.entry("type.decimal")
    if isinstance(value, int):
        return messages.entry("type.integer")
    if isinstance(value, str):
        return messages.entry("type.text")
    if isinstance(value, list):
        return messages.entry("type.list")
    if isinstance(value, dict):
        return messages.entry("type.table")
    return messages.filled("type.other", name=type(value).__name__)


def _wrong_type(key: str, expected: str, value: Any) -> PolicyError:
    return PolicyError(
        "policy.wrong_type",
        key,
        {"expected": messages.entry(f"type.{expected}"), "got": _type_name(value)},
    )


def _invalid(key: str, problem: str, **params: Any) -> PolicyError:
    return PolicyError(
        "policy.invalid", key, {"problem": messages.filled(f"problem.{problem}", **params)}
    )


def _check_range(key: str, value: float, low: float | None, high: float | None) -> None:
    if (low is not None and value < low) or (high is not None and value > high):
        raise PolicyError("policy.out_of_range", key, {"value": value, "low": low, "high": high})


def _scalar(key: str, kind: str, low: float | None, high: float | None, value: Any) -> Any:
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _wrong_type(key, "number", value)
        _check_range(key, float(value), low, high)
        return float(value)
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise _wrong_type(key, "integer", value)
        _check_range(key, value, low, high)
        return int(value)
    if not isinstance(value, str):
        raise _wrong_type(key, "text", value)
    value = value.strip()
    if kind == "reading_pattern":
        return _reading_pattern(key, value)
    if kind == "release":
        return _choice(key, value, Release)
    if kind == "relay_bytes":
        return _relay_bytes(key, value)
    if kind == "timezone":
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise _invalid(key, "bad_timezone", value=value) from None
        return value
    if kind == "text" and not value:
        raise _invalid(key, "empty")
    if high is not None and len(value) > high:
        raise PolicyError(
            "policy.out_of_range", key, {"value": len(value), "low": 0, "high": int(high)}
        )
    return value


def _text_list(key: str, value: Any) -> list[str]:
    if not isinstance(value, list):
        raise _wrong_type(key, "list", value)
    out: list[str] = []
    for item in value:
        if not isinstance(item, str):
            raise _wrong_type(key, "text", item)
        item = item.strip()
        if not item:
            raise _invalid(key, "empty")
        if item in out:
            raise _invalid(key, "duplicate", value=item)
        out.append(item)
    return out


_E = TypeVar("_E", bound=StrEnum)


def _choices(key: str, value: Any, enum: type[_E], allow_empty: bool = False) -> tuple[_E, ...]:
    items = _text_list(key, value)
    if not items and not allow_empty:
        raise _invalid(key, "empty")
    return tuple(_choice(key, item, enum) for item in items)


def _choice(key: str, value: Any, enum: type[_E], exclude: tuple[_E, ...] = ()) -> _E:
    if not isinstance(value, str):
        raise _wrong_type(key, "text", value)
    choices = [m.value for m in enum if m not in exclude]
    if value not in choices:
        raise _invalid(key, "not_a_choice", value=value, choices=", ".join(choices))
    return enum(value)


def _table(key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _wrong_type(key, "table", value)
    return value


_ID = re.compile(r"^[a-z0-9_]{1,40}$")

def _patterns(key: str, value: Any) -> tuple[str, ...]:
    """Health-code patterns: valid regular expressions, each with a `colour` group."""
    items = _text_list(key, value)
    if not items:
        raise _invalid(key, "empty")
    for index, item in enumerate(items, 1):
        try:
            compiled = re.compile(item)
            error = "" if "colour" in compiled.groupindex else "no (?P<colour>...) group"
        except re.error as exc:
            error = str(exc)
        if error:
            problem = messages.filled("problem.bad_pattern", index=index, error=error)
            raise PolicyError("policy.invalid", key, {"problem": problem})
    return tuple(items)


def _reading_pattern(key: str, value: str) -> str:
    """A thermometer pattern: a valid regular expression with a `reading` group."""
    try:
        compiled = re.compile(value)
        error = "" if "reading" in compiled.groupindex else "no (?P<reading>...) group"
    except re.error as exc:
        error = str(exc)
    if error:
        problem = messages.filled("problem.bad_pattern", index=1, error=error)
        raise PolicyError("policy.invalid", key, {"problem": problem})
    return value


_RELAY_TOKEN = re.compile(r"^(?:[0-9A-Fa-f]{2}|CH|SUM)$")


def relay_bytes(template: str, channel: int) -> bytes:
    """The bytes of a relay command template ("A0 CH 01 SUM") for `channel`: CH is the
    channel, SUM the low byte of the sum of the bytes before it."""
    out = bytearray()
    for token in template.split():
        if token == "CH":
            out.append(channel & 0xFF)
        elif token == "SUM":
            out.append(sum(out) & 0xFF)
        else:
            out.append(int(token, 16))
    return bytes(out)


def _relay_bytes(key: str, value: str) -> str:
    tokens = value.upper().split()
    bad = next((t for t in tokens if not _RELAY_TOKEN.match(t)), None)
    if not tokens or bad is not None:
        raise _invalid(key, "bad_relay_bytes", value=bad or value)
    return " ".join(tokens)


def _channels(key: str, value: Any, current: dict[Lane, int]) -> dict[Lane, int]:
    out = dict(current)
    for name, item in _table(key, value).items():
        if name not in Lane.__members__.values():
            raise _unknown(f"{key}.{name}")
        out[Lane(name)] = int(_scalar(f"{key}.{name}", "integer", 1, 255, item))
    return out


def _pledges(value: Any) -> tuple[Pledge, ...]:
    if not isinstance(value, list):
        raise _wrong_type("pledges", "list", value)
    if not value:
        raise _invalid("pledges", "empty")
    out: list[Pledge] = []
    for i, item in enumerate(value):
        where = f"pledges[{i}]"
        item = _table(where, item)
        for k in item:
            if k not in ("id", "text_en", "text_zh"):
                raise _unknown(f"pledges.{k}")
        parts = {}
        for k in ("id", "text_en", "text_zh"):
            if k not in item:
                raise _invalid(f"{where}.{k}", "empty")
            parts[k] = _scalar(f"{where}.{k}", "text", None, 5000, item[k])
        if not _ID.match(parts["id"]):
            raise _invalid(f"{where}.id", "bad_id", value=parts["id"])
        if any(p.id == parts["id"] for p in out):
            raise _invalid(f"{where}.id", "duplicate", value=parts["id"])
        out.append(Pledge(parts["id"], parts["text_en"], parts["text_zh"]))
    return tuple(out)


def policy_from_data(data: dict[str, Any]) -> Policy:
    """Build a Policy from parsed TOML data; keys not given keep their default."""
    values: dict[str, Any] = {}
    scans = dict(DEFAULT_SCANS)
    lanes = dict(DEFAULT_LANES)
    for section, body in data.items():
        if section == "pledges":
            values["pledges"] = _pledges(body)
            continue
        if section not in _SECTION_COMMENTS:
            raise _unknown(section)
        body = _table(section, body)
        for name, value in body.items():
            key = f"{section}.{name}"
            if key in _SCALARS:
                attr, kind, low, high, _ = _SCALARS[key]
                values[attr] = _scalar(key, kind, low, high, value)
            elif key == "risk.regions":
                values["risk_regions"] = tuple(_text_list(key, value))
            elif key == "certificates.kinds":
                values["certificate_kinds"] = _choices(key, value, CertificateKind)
            elif key == "health_code.patterns":
                values["health_code_patterns"] = _patterns(key, value)
            elif key == "turnstile.command":
                values["release_command"] = tuple(_text_list(key, value))
            elif key == "turnstile.channels":
                values["relay_channels"] = _channels(key, value, DEFAULT_RELAY_CHANNELS)
            elif section == "scans" and name in Channel.__members__.values():
                scans[Channel(name)] = _choices(key, value, ScanKind)
            elif section == "lanes" and name in Channel.__members__.values():
                lanes[Channel(name)] = _lane(key, value, lanes[Channel(name)])
            else:
                raise _unknown(key)
    values["scans"] = scans
    values["lanes"] = lanes
    policy = Policy(**values)
    _check_consistency(policy)
    return policy


def _lane(key: str, value: Any, current: LaneAssignment) -> LaneAssignment:
    body = _table(key, value)
    lane, zone = current.lane, current.zone
    for part, item in body.items():
        if part == "lane":
            lane = _choice(f"{key}.lane", item, Lane)
        elif part == "zone":
            if item == Zone.ISOLATION.value:
                raise _invalid(f"{key}.zone", "isolation_zone")
            zone = _choice(f"{key}.zone", item, Zone)
        else:
            raise _unknown(f"{key}.{part}")
    return LaneAssignment(lane, zone)


def _check_consistency(p: Policy) -> None:
    if p.release is Release.RELAY and not p.relay_port:
        raise _invalid("turnstile.port", "release_needs", release=p.release.value)
    if p.release is Release.COMMAND and not p.release_command:
        raise _invalid("turnstile.command", "release_needs", release=p.release.value)
    if p.plausible_min_c >= p.plausible_max_c:
        raise _invalid(
            "temperature.plausible_min_c",
            "min_not_below_max",
            low=p.plausible_min_c,
            high=p.plausible_max_c,
        )
    if not p.plausible_min_c < p.fever_threshold_c < p.plausible_max_c:
        raise _invalid(
            "temperature.fever_threshold_c",
            "threshold_outside_plausible",
            value=p.fever_threshold_c,
            low=p.plausible_min_c,
            high=p.plausible_max_c,
        )


def policy_from_toml_text(text: str) -> Policy:
    """Parse policy TOML text (the file's content); a syntax error names its line."""
    try:
        doc = tomlkit.parse(text)
    except ParseError as exc:
        message = str(exc).split(" at line ")[0]
        raise PolicyError(
            "policy.syntax",
            "",
            {"line": exc.line, "col": exc.col, "error": message},
            line=exc.line,
        ) from None
    return policy_from_data(doc.unwrap())


def load_policy(path: str | Path) -> Policy:
    """Read and check a policy file; every problem is a PolicyError a manager can act on."""
    path = Path(path)
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError("policy.file_missing", "", {"path": str(path)}) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(
            "policy.unreadable", "", {"path": str(path), "error": type(exc).__name__}
        ) from None
    return policy_from_toml_text(content)


# --- writing --------------------------------------------------------------------------


def policy_to_toml(policy: Policy) -> str:
    """The policy as a commented TOML file that `load_policy` reads back unchanged."""
    doc = tomlkit.document()
    doc.add(tomlkit.comment("GateKeeper site policy. Edit the values; remove a key to use the"))
    doc.add(tomlkit.comment("default. Unknown keys are refused, so check spelling."))
    sections: dict[str, Any] = {}

    def section(name: str) -> Any:
        if name not in sections:
            table = tomlkit.table()
            table.comment(_SECTION_COMMENTS[name])
            sections[name] = table
        return sections[name]

    for key, (attr, _, low, high, comment) in _SCALARS.items():
        sect, name = key.split(".")
        table = section(sect)
        value = getattr(policy, attr)
        table.add(name, value.value if isinstance(value, StrEnum) else value)
        if low is not None and high is not None:
            comment = f"{comment} ({low}–{high})"
        table[name].comment(comment)
    for key, (attr, comment) in _LISTS.items():
        sect, name = key.split(".")
        table = section(sect)
        arr = tomlkit.array()
        arr.extend([str(v) for v in getattr(policy, attr)])
        table.add(name, arr)
        table[name].comment(comment)
    scans = section("scans")
    for channel in Channel:
        arr = tomlkit.array()
        arr.extend([k.value for k in policy.scans_for(channel)])
        scans.add(channel.value, arr)
    channels = tomlkit.table()
    for lane in Lane:
        channels.add(lane.value, policy.relay_channels[lane])
    section("turnstile").add("channels", channels)
    section("turnstile")["channels"].comment("Relay channel (CH) of each lane")
    lanes = section("lanes")
    lanes.is_super_table()
    for channel in Channel:
        sub = tomlkit.table()
        sub.add("lane", policy.lane_for(channel).lane.value)
        sub.add("zone", policy.lane_for(channel).zone.value)
        lanes.add(channel.value, sub)
    order = ["temperature", "risk", "certificates", "scans", "notice", "lanes", "quarantine"]
    for name in [*order, *[s for s in sections if s not in order]]:
        if name == "lanes":
            doc.add(tomlkit.nl())
            doc.add(tomlkit.comment(_SECTION_COMMENTS["lanes"]))
        doc.add(name, sections[name])
    pledges = tomlkit.aot()
    for pledge in policy.pledges:
        t = tomlkit.table()
        t.add("id", pledge.id)
        t.add("text_en", pledge.text_en)
        t.add("text_zh", pledge.text_zh)
        pledges.append(t)
    doc.add(tomlkit.nl())
    doc.add(tomlkit.comment(_SECTION_COMMENTS["pledges"] + ": one [[pledges]] table each"))
    doc.add("pledges", pledges)
    return tomlkit.dumps(doc)


def default_policy_toml() -> str:
    """The default policy as a commented file a site can copy and edit."""
    return policy_to_toml(Policy())


POLICY_FIELDS = tuple(f.name for f in fields(Policy))
