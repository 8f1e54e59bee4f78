"""The kiosk's screening session without Qt: every decision the gate screens make.

`KioskSession` holds the person (or goods vehicle) being screened and drives the domain
and the services; a `Display` (the Qt window, or a test's recorder) is told which page to
show. The Qt `KioskFlow` is only an adapter from widgets' signals to these calls.
"""

from gatekeeper.services.kiosk.pages import BEFORE_STEPS, STEP_PAGES, Page
from gatekeeper.services.kiosk.session import Display, KioskSession, Work
from gatekeeper.services.kiosk.views import OutcomeView, Say, outcome_view, say, say_text

__all__ = [
    "BEFORE_STEPS",
    "STEP_PAGES",
    "Display",
    "KioskSession",
    "OutcomeView",
    "Page",
    "Say",
    "Work",
    "outcome_view",
    "say",
    "say_text",
]
