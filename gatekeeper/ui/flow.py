"""KioskFlow: the Qt adapter of the kiosk's screening session.

Every rule and every decision is `gatekeeper.services.kiosk.KioskSession`'s (plain
Python, tested without a display). This adapter only turns a page's signals into session
calls and the session's display calls into Qt signals and timers: page input in, session
call, page update out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from gatekeeper.domain.screening import Screening
from gatekeeper.domain.vehicle import VehicleGroup
from gatekeeper.services.gate import GateOpening, GateService
from gatekeeper.services.kiosk import KioskSession, OutcomeView, Page, Say, Work
from gatekeeper.services.passes import PassService

__all__ = ["KioskFlow", "OutcomeView", "Page", "Work"]


class KioskFlow(QObject):
    """Runs one screening (or one goods vehicle) at a time: signals out, calls in."""

    page_requested = Signal(str, object)  # Page value, state dict: show this page
    state_updated = Signal(str, object)  # Page value, state dict: update it in place
    field_error = Signal(str, str, object)  # Page value, field, Say (None clears it)
    outcome_ready = Signal(object)  # OutcomeView
    finished = Signal()  # records were written: the figures changed

    def __init__(
        self,
        service: GateService,
        parent: QObject | None = None,
        *,
        now_fn: Callable[[], datetime] | None = None,
        passes: PassService | None = None,
        log_hint: str = "",
        open_lane: Callable[[GateOpening], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = KioskSession(service, _FlowDisplay(self), now_fn=now_fn,
                                    passes=passes, log_hint=log_hint,
                                    open_lane=open_lane)  # fmt: skip
        self.rest_timer = QTimer(self)
        self.rest_timer.setInterval(1000)
        self.rest_timer.timeout.connect(self.session.tick_rest)
        self.outcome_timer = QTimer(self)
        self.outcome_timer.setSingleShot(True)
        self.outcome_timer.setInterval(service.policy.outcome_seconds * 1000)
        self.outcome_timer.timeout.connect(self.session.outcome_done)
        s = self.session
        # Page input in: each is a session call.
        self.choose_channel = s.choose_channel
        self.choose_returning = s.choose_returning
        self.scanned = s.scanned
        self.back_to_start = s.back_to_start
        self.submit_pass = s.submit_pass
        self.submit_plate = s.submit_plate
        self.add_passenger = s.add_passenger
        self.vehicle_done = s.vehicle_done
        self.submit_certificate = s.submit_certificate
        self.submit_temperature = s.submit_temperature
        self.device_reading = s.device_reading
        self.tick_rest = s.tick_rest
        self.submit_disinfection = s.submit_disinfection
        self.validate_field = s.validate_field
        self.lookup_person = s.lookup_person
        self.submit_registration = s.submit_registration
        self.submit_quarantine_registration = s.submit_quarantine_registration
        self.submit_scan = s.submit_scan
        self.submit_scan_text = s.submit_scan_text
        self.submit_manual_check = s.submit_manual_check
        self.submit_signature = s.submit_signature
        self.submit_notice = s.submit_notice
        self.abandon = s.abandon
        self.outcome_done = s.outcome_done
        self.unfinished = s.unfinished
        self.resume = s.resume
        self.record_abandoned = s.record_abandoned

    # --- what the window asks --------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.session.busy

    @property
    def page(self) -> Page:
        return self.session.page

    @property
    def screening(self) -> Screening | None:
        return self.session.screening

    @property
    def group(self) -> VehicleGroup | None:
        return self.session.group

    @property
    def passes(self) -> PassService | None:
        return self.session.passes



class _FlowDisplay:
    """The session's `Display`: its calls become the flow's signals and timers."""

    def __init__(self, flow: KioskFlow) -> None:
        self.flow = flow

    def show(self, page: Page, state: dict[str, Any]) -> None:
        self.flow.page_requested.emit(page.value, state)

    def update(self, page: Page, state: dict[str, Any]) -> None:
        self.flow.state_updated.emit(page.value, state)

    def field_error(self, page: Page, field: str, message: Say | None) -> None:
        self.flow.field_error.emit(page.value, field, message)

    def outcome(self, view: OutcomeView) -> None:
        self.flow.outcome_ready.emit(view)

    def recorded(self) -> None:
        self.flow.finished.emit()

    def rest_timer(self, running: bool) -> None:
        timer = self.flow.rest_timer
        timer.start() if running else timer.stop()

    def outcome_timer(self, running: bool) -> None:
        timer = self.flow.outcome_timer
        timer.start() if running else timer.stop()
