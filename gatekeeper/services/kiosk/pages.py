"""The pages a kiosk shows, named once for the session and every screen that draws them."""

from __future__ import annotations

from enum import StrEnum

from gatekeeper.domain.vocab import Step


class Page(StrEnum):
    """Every page the window can show; step pages carry their Step's value."""

    START = "start"
    PASS_SCAN = "pass_scan"
    PLATE = "vehicle_plate"
    CERTIFICATE = "certificate"
    TEMPERATURE = "temperature"
    DISINFECTION = "disinfection"
    REGISTRATION = "registration"
    QR_SCAN = "qr_scan"
    PLEDGE = "pledge"
    NOTICE = "notice"
    VEHICLE_NEXT = "vehicle_next"
    QUARANTINE_REGISTRATION = "quarantine_registration"
    OUTCOME = "outcome"


STEP_PAGES: dict[Step, Page] = {
    Step.CERTIFICATE: Page.CERTIFICATE,
    Step.TEMPERATURE: Page.TEMPERATURE,
    Step.DISINFECTION: Page.DISINFECTION,
    Step.REGISTRATION: Page.REGISTRATION,
    Step.QR_SCAN: Page.QR_SCAN,
    Step.PLEDGE: Page.PLEDGE,
    Step.NOTICE: Page.NOTICE,
}
# Before step 1 nothing is recorded: Back goes to the start screen without asking.
BEFORE_STEPS = frozenset({Page.START, Page.PASS_SCAN, Page.PLATE})
