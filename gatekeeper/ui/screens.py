"""The screening pages, built once per window and wired to the flow.

Pages emit raw input; the flow calls the domain. This module is the only place that
knows both, so a page can be redesigned (or swapped) without touching either.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QStackedWidget, QWidget

from gatekeeper.ui.flow import KioskFlow, Page
from gatekeeper.ui.steps.certificate import CertificatePage
from gatekeeper.ui.steps.disinfection import DisinfectionPage
from gatekeeper.ui.steps.notice import NoticePage
from gatekeeper.ui.steps.outcome import OutcomePage
from gatekeeper.ui.steps.pass_scan import PassScanPage
from gatekeeper.ui.steps.pledge import PledgePage
from gatekeeper.ui.steps.qr_scan import QrScanPage
from gatekeeper.ui.steps.registration import QuarantineRegistrationPage, RegistrationPage
from gatekeeper.ui.steps.temperature import TemperaturePage
from gatekeeper.ui.steps.vehicle_plate import VehicleNextPage, VehiclePlatePage

PAGE_CLASSES: dict[Page, type[QWidget]] = {
    Page.PASS_SCAN: PassScanPage,
    Page.PLATE: VehiclePlatePage,
    Page.CERTIFICATE: CertificatePage,
    Page.TEMPERATURE: TemperaturePage,
    Page.DISINFECTION: DisinfectionPage,
    Page.REGISTRATION: RegistrationPage,
    Page.QR_SCAN: QrScanPage,
    Page.PLEDGE: PledgePage,
    Page.NOTICE: NoticePage,
    Page.VEHICLE_NEXT: VehicleNextPage,
    Page.QUARANTINE_REGISTRATION: QuarantineRegistrationPage,
    Page.OUTCOME: OutcomePage,
}


def build_pages(stack: QStackedWidget) -> dict[Page, Any]:
    pages: dict[Page, Any] = {}
    for page, cls in PAGE_CLASSES.items():
        widget = cls(stack)
        stack.addWidget(widget)
        pages[page] = widget
    return pages


def wire(flow: KioskFlow, pages: dict[Page, Any]) -> None:
    """Page signals → flow calls (raw input only). The QR step's manual check goes
    through the window first (`MainWindow.ask_manual_check`: a site manager signs in)."""
    p = pages
    p[Page.PASS_SCAN].submitted.connect(flow.submit_pass)
    p[Page.PLATE].submitted.connect(flow.submit_plate)
    p[Page.CERTIFICATE].submitted.connect(flow.submit_certificate)
    p[Page.TEMPERATURE].submitted.connect(flow.submit_temperature)
    p[Page.DISINFECTION].submitted.connect(flow.submit_disinfection)
    for page in (p[Page.REGISTRATION], p[Page.QUARANTINE_REGISTRATION]):
        page.field_edited.connect(flow.validate_field)
        page.id_number_entered.connect(flow.lookup_person)
    p[Page.REGISTRATION].submitted.connect(flow.submit_registration)
    p[Page.QUARANTINE_REGISTRATION].submitted.connect(flow.submit_quarantine_registration)
    p[Page.QR_SCAN].scan_chosen.connect(flow.submit_scan)
    p[Page.QR_SCAN].scan_entered.connect(flow.submit_scan_text)
    p[Page.PLEDGE].signed.connect(flow.submit_signature)
    p[Page.NOTICE].handed_over.connect(flow.submit_notice)
    p[Page.VEHICLE_NEXT].add_passenger.connect(flow.add_passenger)
    p[Page.VEHICLE_NEXT].done.connect(flow.vehicle_done)
    p[Page.OUTCOME].done_requested.connect(flow.outcome_done)
    for page in (p[Page.PASS_SCAN], p[Page.PLATE]):
        page.back_requested.connect(flow.back_to_start)
