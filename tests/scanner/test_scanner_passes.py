"""Site passes: genuine ones verify; altered, foreign, expired and revoked ones do not."""

from __future__ import annotations

import os
import stat
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from gatekeeper.domain.policy import Policy
from gatekeeper.ledger import Ledger
from gatekeeper.scanner import keys
from gatekeeper.scanner.passes import (
    PassProblem,
    PassRejected,
    parse_pass,
    sign_pass,
    verify_pass,
)
from gatekeeper.services import accounts
from gatekeeper.services.clock import SteppingClock
from gatekeeper.services.gate import GateService
from gatekeeper.services.passes import PassService

TODAY = date(2020, 3, 2)
SITE = keys.SiteKey.generate("site-a")
PUBLIC = {SITE.key_id: SITE.public}
PERSON = "3a2eb556-a16d-43ba-9ed2-6dcb77936ee0"
ID_NUMBER = "11010519491231002X"


def genuine(until: date = TODAY + timedelta(days=30)) -> str:
    return sign_pass(SITE, PERSON, TODAY, until).payload


def rejected(payload: str, today: date = TODAY) -> PassProblem:
    with pytest.raises(PassRejected) as info:
        verify_pass(payload, "site-a", PUBLIC, today)
    assert info.value.message("en") and info.value.message("zh_CN")  # said in both languages
    return info.value.problem


def test_genuine_pass_is_ascii_and_verifies() -> None:
    payload = genuine()
    assert payload.isascii() and payload.isprintable()
    site_pass = verify_pass(payload, "site-a", PUBLIC, TODAY)
    assert (site_pass.person_id, site_pass.key_id) == (PERSON, SITE.key_id)
    assert parse_pass(payload) == site_pass


def test_every_single_changed_character_is_refused() -> None:
    payload = genuine()
    for i, ch in enumerate(payload):
        for other in {"0", "A", "_", "."} - {ch}:
            altered = payload[:i] + other + payload[i + 1 :]
            problem = rejected(altered)
            assert problem in {
                PassProblem.FORGED, PassProblem.MALFORMED,
                PassProblem.UNKNOWN_KEY, PassProblem.OTHER_SITE,
                PassProblem.EXPIRED, PassProblem.NOT_YET_VALID,
            }, (i, other, problem)  # fmt: skip


def test_stretched_validity_is_forged() -> None:
    payload = genuine(until=TODAY + timedelta(days=1))
    stretched = payload.replace((TODAY + timedelta(days=1)).strftime("%Y%m%d"), "20991231")
    assert rejected(stretched) is PassProblem.FORGED


def test_another_sites_key_and_site() -> None:
    other = keys.SiteKey.generate("site-b")
    assert rejected(sign_pass(other, PERSON, TODAY, TODAY).payload) is PassProblem.OTHER_SITE
    impostor = keys.SiteKey.generate("site-a")  # claims our site id with its own key
    assert rejected(sign_pass(impostor, PERSON, TODAY, TODAY).payload) is PassProblem.UNKNOWN_KEY


def test_expired_and_not_yet_valid() -> None:
    payload = genuine(until=TODAY)
    verify_pass(payload, "site-a", PUBLIC, TODAY)  # valid through its last day
    assert rejected(payload, TODAY + timedelta(days=1)) is PassProblem.EXPIRED
    assert rejected(payload, TODAY - timedelta(days=1)) is PassProblem.NOT_YET_VALID


def test_not_a_pass_at_all() -> None:
    for text in ("", "hello", "GKP1.site-a", "健康码 绿码"):
        assert rejected(text) is PassProblem.MALFORMED


def test_key_file_is_private_and_key_id_is_a_hash(tmp_path: Path) -> None:
    key = keys.load_or_create(tmp_path / "keys", "site-x")
    mode = stat.S_IMODE(os.stat(tmp_path / "keys" / keys.KEY_FILE).st_mode)
    assert mode == 0o600
    again = keys.load(tmp_path / "keys")
    assert (again.site_id, again.key_id) == ("site-x", key.key_id)
    assert len(key.key_id) == 12 and key.key_id == keys.key_id_of(key.public)


def test_data_dir_env_var(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GATEKEEPER_DATA_DIR", str(tmp_path))
    assert keys.default_key_dir() == tmp_path / "keys"


@pytest.fixture
def service(tmp_path: Path):
    clock = SteppingClock(datetime(2020, 3, 2, 8, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    ledger = Ledger.open(tmp_path / "ledger.sqlite3", kiosk_id="k1")
    key = keys.load_or_create(tmp_path / "keys", "site-a")
    made = accounts.create_first_manager(
        ledger, username="boss", display_name="王经理", pin="246810", now=clock.now())
    yield PassService(GateService(ledger, Policy(), clock), key), clock, made.actor
    ledger.close()


def test_issue_verify_revoke_through_the_ledger(service) -> None:
    passes, clock, boss = service
    issued = passes.issue(name="张三", id_number=ID_NUMBER, phone="13800138000", days=10,
                          by=boss)  # fmt: skip
    assert issued.registered and issued.record.body["by"] == "boss"
    payload = issued.site_pass.payload
    assert passes.verify(payload).person.name == "张三"
    # the same person again: found, not registered twice
    assert not passes.issue(name="张三", id_number=ID_NUMBER, by=boss).registered
    # the gate's returning-path check reads the same record
    assert passes.gate._latest_pass(issued.person.person_id) is not None
    assert passes.revoke(ID_NUMBER, by=boss).body["by"] == "boss"
    with pytest.raises(PassRejected) as info:
        passes.verify(payload)
    assert info.value.problem is PassProblem.REVOKED
    clock.advance(days=1)  # a new pass after the revocation is good; the old one stays revoked
    fresh = passes.issue(name="张三", id_number=ID_NUMBER, by=boss).site_pass.payload
    assert passes.verify(fresh)
    with pytest.raises(PassRejected):
        passes.verify(payload)


def test_signed_but_never_recorded_pass_is_refused(service) -> None:
    passes, _, _ = service
    stray = sign_pass(passes.key, PERSON, TODAY, TODAY + timedelta(days=3)).payload
    with pytest.raises(PassRejected) as info:
        passes.verify(stray)
    assert info.value.problem is PassProblem.NOT_ISSUED


def test_private_key_never_in_the_ledger(service, tmp_path: Path) -> None:
    passes, _, boss = service
    passes.issue(name="张三", id_number=ID_NUMBER, phone="13800138000", by=boss)
    passes.ledger.checkpoint()
    secret = (tmp_path / "keys" / keys.KEY_FILE).read_bytes()
    body = secret.split(b"-----")[2].strip()
    for file in tmp_path.glob("ledger.sqlite3*"):
        assert body not in file.read_bytes()
