"""A kiosk session without a display: a recording `Display` over a real ledger in tmp_path."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from services_support import Gate, png_bytes, resident_id

from gatekeeper.domain.vocab import CertificateKind
from gatekeeper.services.kiosk import KioskSession, OutcomeView, Page, Say

PERSON = {
    "name": "张伟",
    "id_type": "resident_id",
    "id_number": resident_id(),
    "phone": "13800138000",
    "employer": "中牟建设集团",
    "role": "钢筋工",
    "coming_from": "河南省周口市",
    "recent_stays": "",
}


@dataclass
class Screen:
    """Records what the session shows, as a window would."""

    page: Page | None = None
    state: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, Say] = field(default_factory=dict)  # field ("" = the page) → text
    outcomes: list[OutcomeView] = field(default_factory=list)
    recorded_count: int = 0
    timers: dict[str, bool] = field(default_factory=dict)
    shown: list[Page] = field(default_factory=list)

    def show(self, page: Page, state: dict[str, Any]) -> None:
        self.page, self.state, self.errors = page, dict(state), {}
        self.shown.append(page)

    def update(self, page: Page, state: dict[str, Any]) -> None:
        assert page is self.page, f"update of {page} while {self.page} is shown"
        self.state.update(state)

    def field_error(self, page: Page, field: str, message: Say | None) -> None:
        if message is None:
            if field == "":
                self.errors.clear()
            else:
                self.errors.pop(field, None)
        else:
            self.errors[field] = message

    def outcome(self, view: OutcomeView) -> None:
        self.outcomes.append(view)

    def recorded(self) -> None:
        self.recorded_count += 1

    def rest_timer(self, running: bool) -> None:
        self.timers["rest"] = running

    def outcome_timer(self, running: bool) -> None:
        self.timers["outcome"] = running

    def error(self, lang: str = "en", field: str = "") -> str:
        say = self.errors.get(field)
        return say(lang) if say is not None else ""


def new_session(gate: Gate, **kwargs: Any) -> tuple[KioskSession, Screen]:
    screen = Screen()
    return KioskSession(gate.service, screen, **kwargs), screen


# --- walking a first-time worker through the plain calls -------------------------------

def do_step(session: KioskSession, page: Page) -> None:
    """Staff's valid input for the page in view."""
    if page is Page.CERTIFICATE:
        session.submit_certificate(CertificateKind.HEALTH_CERTIFICATE.value, "HC-0042",
                                   "2020-12-31")
    elif page is Page.TEMPERATURE:
        session.submit_temperature("36.5")
    elif page is Page.DISINFECTION:
        session.submit_disinfection(bool(session.screening.role == "driver"))
    elif page is Page.REGISTRATION:
        session.submit_registration(dict(PERSON))
    elif page is Page.QR_SCAN:  # the colour staff see, for the scan in turn
        current = session.screening.current_step and session._scan_state(
            session.screening)["current"]
        session.submit_scan(current.value, "ok")
    elif page is Page.PLEDGE:
        session.submit_signature(png_bytes())
    elif page is Page.NOTICE:
        session.submit_notice()
    else:
        raise AssertionError(f"no input for {page}")


def walk_to(session: KioskSession, screen: Screen, gate: Any, page: Page) -> None:
    """Valid input on each page, a minute apart, until `page` is shown (bounded: a page
    that never moves on fails the test, it never hangs)."""
    for _ in range(40):
        if screen.page is page:
            return
        gate.tick()
        do_step(session, screen.page)
        assert not screen.errors, screen.error()
    raise AssertionError(f"never reached {page}, stuck on {screen.page}")
