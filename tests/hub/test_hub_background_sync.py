"""The kiosk's background sync without a display: never raises, backs off, and says
where it stands ("synced 2 min ago · 0 waiting", "offline since 07:12 · 143 waiting")."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from hub_support import NOW, add_kiosk, make_hub, mixed
from psycopg.conninfo import make_conninfo

from gatekeeper.ledger import Ledger
from gatekeeper.services import hub_link
from gatekeeper.services.sync import (
    BACKOFF_S,
    INTERVAL_S,
    BackgroundSync,
    SyncStatus,
    next_delay,
    status_text,
)


def _ledger(path: Path, n: int = 3, kiosk: str = "gate-1") -> None:
    with Ledger.open(path, kiosk_id=kiosk) as ledger:
        ledger.append_all(mixed(n))


def test_a_kiosk_without_a_hub_is_not_linked_and_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    _ledger(path)
    loop = BackgroundSync(path)
    try:
        state = loop.run_once(NOW)
    finally:
        loop.close()
    assert not state.linked and status_text(state, NOW, "en") == ""


def test_it_syncs_then_says_so_in_both_languages(hub_dsn: str, tmp_path: Path) -> None:
    make_hub(hub_dsn)
    path = tmp_path / "k.sqlite3"
    _ledger(path)
    add_kiosk(hub_dsn, path)
    loop = BackgroundSync(path)
    try:
        state = loop.run_once(NOW)
    finally:
        loop.close()
    assert state.linked and state.waiting == 0 and state.synced_at
    assert loop.delay() == INTERVAL_S
    later = NOW + timedelta(minutes=2, seconds=10)
    assert status_text(state, later, "en") == "synced 2 min ago · 0 waiting"
    assert status_text(state, later, "zh_CN") == "2 分钟前已同步 · 0 条待发送"


def test_an_unreachable_hub_is_offline_with_a_growing_backoff(hub_dsn, tmp_path) -> None:
    path = tmp_path / "k.sqlite3"
    _ledger(path, 143)
    with Ledger.open(path) as ledger:
        kiosk = ledger.kiosk_id
    gone = make_conninfo(hub_dsn, port="1", connect_timeout="2")
    hub_link.remember(kiosk, gone, "gk_x", "pw")
    loop = BackgroundSync(path)
    delays = []
    try:
        for minute in range(3):
            state = loop.run_once(NOW + timedelta(minutes=minute))
            delays.append(loop.delay())
    finally:
        loop.close()
    assert delays == list(BACKOFF_S[:3]) and delays[0] < delays[1] < delays[2]
    assert state.waiting == 143 and state.offline_since == NOW.isoformat(timespec="seconds")
    shown = status_text(state, NOW + timedelta(hours=1), "en")
    local = NOW.astimezone(NOW.tzinfo)
    assert shown == f"offline since {local:%H:%M} · 143 waiting"


def test_the_backoff_is_capped_at_five_minutes() -> None:
    assert next_delay(0) == INTERVAL_S
    assert next_delay(1) < next_delay(2) < next_delay(3)
    assert next_delay(50) == 300.0


def test_a_refusal_is_said_before_anything_else() -> None:
    state = SyncStatus(linked=True, synced_at=NOW.isoformat(), offline_since=NOW.isoformat(),
                       refused="at sequence 7 this ledger holds another record", waiting=2)
    assert "sequence 7" in status_text(state, datetime.now().astimezone(), "en")


def test_the_dashboard_alerts_once_the_hub_has_been_out_of_reach_for_an_hour() -> None:
    from gatekeeper.services.site import AlertKind, hub_alerts

    since = NOW.isoformat(timespec="seconds")
    assert hub_alerts({"offline_since": since}, NOW + timedelta(minutes=59)) == []
    [alert] = hub_alerts({"offline_since": since}, NOW + timedelta(minutes=61))
    assert alert.kind is AlertKind.HUB_OFFLINE and alert.since == since
    [refused] = hub_alerts({"refused": "no", "offline_since": since}, NOW)
    assert refused.kind is AlertKind.HUB_REFUSED and refused.detail == "no"
