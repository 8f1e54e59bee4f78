"""The dashboard's alerts for the site hub, in both languages."""

from __future__ import annotations

from gatekeeper.services.site import Alert, AlertKind
from gatekeeper.ui.manager.dashboard import alert_text


def test_the_hub_alerts_read_in_both_languages(qapp, languages) -> None:
    refused = Alert(AlertKind.HUB_REFUSED, detail="kiosk gate-1, sequence 7")
    offline = Alert(AlertKind.HUB_OFFLINE, since="2026-03-02T07:12:00+08:00")
    languages.set_language("en")
    assert alert_text(refused) == "The site hub refuses this kiosk: kiosk gate-1, sequence 7"
    assert alert_text(offline).startswith("Not synced with the site hub since 2026-03-02 ")
    languages.set_language("zh_CN")
    assert alert_text(refused) == "站点中心库拒绝本终端：kiosk gate-1, sequence 7"
    assert alert_text(offline).startswith("自 2026-03-02 ")
