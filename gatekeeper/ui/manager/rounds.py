"""Morning and evening temperature rounds (早晚两次测温) and the zone disinfection log
(每日两次消毒).

The roster is everyone on site (`ConsoleService.on_site`), still-missing first. A person is picked
by a scan (their site pass, from the camera or the USB scanner), by a typed name or ID
number, or by touching their row; the reading goes in the big field and Enter records
it through `ConsoleService.record_round` — a fever there opens a quarantine case. A USB
thermometer's burst while a person is picked is taken as the reading, and so is a serial
thermometer's reading (`device_reading`) read after the person was picked: it goes into
the field and is recorded as if typed. With nobody picked, or read before the pick (still
on its way from whoever stood there before), a serial reading is dropped. Signing in or
out puts the pick down (`put_down`), so the next account starts with nobody picked.

A role without `Action.ROUNDS` (an inspector) sees the same roster, readings, missing
list and disinfection log read-only: the reading entry is hidden and the disinfection
cells are disabled. The page asks `authorise` and has no rule of its own.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.devices.thermometer import ReadingWait
from gatekeeper.domain.errors import ValidationError
from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.rounds import slot_for
from gatekeeper.domain.temperature import parse_reading
from gatekeeper.domain.vocab import RoundSlot, Zone
from gatekeeper.services import site
from gatekeeper.services.accounts import Action
from gatekeeper.services.console import ConsoleService
from gatekeeper.ui import theme
from gatekeeper.ui.manager.common import (
    InlineMessage,
    cell,
    choice_buttons,
    error_say,
    hhmm,
    section_label,
    slot_name,
    touch_table,
    zone_name,
)
from gatekeeper.ui.manager.page import Authorise, ManagerPage
from gatekeeper.ui.plain import PlainLabel, button_text
from gatekeeper.ui.reflow import ReflowBox
from gatekeeper.ui.scan_burst import mark_code_field
from gatekeeper.ui.steps.base import touch_button
from gatekeeper.ui.steps.fields import line_edit


class RoundsPage(ManagerPage):
    changed = Signal()  # something was recorded: the dashboard is out of date

    def __init__(
        self, service: ConsoleService, authorise: Authorise, parent: QWidget | None = None
    ) -> None:
        super().__init__("managerRounds", service, authorise, parent)
        self.slot = slot_for(service.now(), service.policy)
        self.people: list[site.OnSite] = []
        self.readings: dict[str, site.RoundEntry] = {}
        self.only: set[str] | None = None  # a search with several matches narrows the list
        self.missing_only = False
        self.current: site.OnSite | None = None
        self.reading_wait = ReadingWait()  # a serial reading is the person picked since
        # what the page shows, read by `refresh`; drawing (and a language switch) never
        # reads the ledger
        self.log: dict[tuple[Zone, RoundSlot], site.DisinfectionRow] = {}
        self.editable = False  # may the signed-in role record? asked on every refresh

        # --- the roster (left) ---
        slot_row = QHBoxLayout()
        self.slot_group, self.slot_buttons = choice_buttons(
            self, [(slot, f"slot_{slot.value}") for slot in RoundSlot], self.set_slot, slot_row)
        slot_row.addStretch(1)
        filter_row = QHBoxLayout()
        self.summary_label = PlainLabel(self)
        self.summary_label.setObjectName("roundSummary")
        self.summary_label.setWordWrap(True)
        filter_row.addWidget(self.summary_label, 1)
        self.filter_group, shown = choice_buttons(
            self, [(False, "showEveryone"), (True, "showMissing")], self.show_missing_only,
            filter_row)  # fmt: skip
        self.everyone_button, self.missing_button = shown[False], shown[True]
        self.everyone_button.setChecked(True)
        self.roster = touch_table(self, "roundRoster", 4)
        self.roster.cellClicked.connect(self._row_clicked)

        left = QVBoxLayout()
        left.setSpacing(theme.SPACE_S)
        left.addLayout(slot_row)
        left.addLayout(filter_row)
        left.addWidget(self.roster, 1)

        # --- entry (right) ---
        self.entry_label = section_label(self)
        self.search_edit = line_edit(self, "roundSearch")
        mark_code_field(self.search_edit)  # a scanned pass looks the person up
        self.search_edit.returnPressed.connect(self.find)
        self.find_button = touch_button(self, "roundFind")
        self.find_button.clicked.connect(self.find)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.find_button)
        self.search_error = InlineMessage(self)
        self.current_label = PlainLabel(self)
        self.current_label.setObjectName("roundPerson")
        self.current_label.setWordWrap(True)
        self.reading_edit = line_edit(self, "roundReading", big=True)
        self.reading_edit.returnPressed.connect(self.record)
        self.record_button = touch_button(self, "roundRecord", "primary")
        self.record_button.clicked.connect(self.record)
        reading_row = QHBoxLayout()
        reading_row.addWidget(self.reading_edit, 1)
        reading_row.addWidget(self.record_button)
        self.reading_error = InlineMessage(self)
        self.result = InlineMessage(self, "field-note")
        self.read_only_label = PlainLabel(self)
        self.read_only_label.setObjectName("roundsReadOnly")
        self.read_only_label.setProperty("role", "field-caption")
        self.read_only_label.setWordWrap(True)

        # --- disinfection ---
        self.disinfection_label = section_label(self)
        self.zone_labels: dict[Zone, QLabel] = {}
        self.disinfect_buttons: dict[tuple[Zone, RoundSlot], QPushButton] = {}
        self.slot_headers: dict[RoundSlot, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.SPACE_S)
        grid.setVerticalSpacing(theme.SPACE_XS)
        for col, slot in enumerate(RoundSlot, start=1):
            header = PlainLabel(self)
            header.setProperty("role", "field-caption")
            self.slot_headers[slot] = header
            grid.addWidget(header, 0, col)
        for row, zone in enumerate(Zone, start=1):
            label = PlainLabel(self)
            self.zone_labels[zone] = label
            grid.addWidget(label, row, 0)
            for col, slot in enumerate(RoundSlot, start=1):
                button = touch_button(self, f"disinfect_{zone.value}_{slot.value}")
                button.setMinimumHeight(theme.TOUCH_MIN + theme.SPACE_S)
                button.setProperty("compact", True)
                # the cell takes the width it gets; the whole "when · who" is the tooltip
                button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                button.clicked.connect(lambda _c=False, z=zone, s=slot: self.disinfect(z, s))
                self.disinfect_buttons[(zone, slot)] = button
                grid.addWidget(button, row, col)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.disinfection_error = InlineMessage(self)

        right = QVBoxLayout()
        right.setSpacing(theme.SPACE_S)
        right.addWidget(self.entry_label)
        right.addWidget(self.read_only_label)
        right.addLayout(search_row)
        right.addWidget(self.search_error)
        right.addWidget(self.current_label)
        right.addLayout(reading_row)
        right.addWidget(self.reading_error)
        right.addWidget(self.result)
        right.addStretch(1)
        right.addWidget(self.disinfection_label)
        right.addLayout(grid)
        right.addWidget(self.disinfection_error)

        row = ReflowBox(self)  # the roster beside the entry; above it in portrait
        row.setContentsMargins(theme.SPACE_L, theme.SPACE_S, theme.SPACE_L, theme.SPACE_S)
        row.setSpacing(theme.SPACE_L)
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        self.slot_buttons[self.slot].setChecked(True)
        self.retranslate()

    # --- what the console calls ----------------------------------------------------------

    def refresh(self) -> None:
        self.editable = self.authorise(Action.ROUNDS)
        for widget in (self.current_label, self.reading_edit, self.record_button):
            widget.setVisible(self.editable)
        self.read_only_label.setVisible(not self.editable)
        if not self.editable:
            self.current = None
            self.reading_edit.clear()
            self.reading_error.clear()
        service = self.service
        now = service.now()
        self.people = service.on_site(now)
        self.readings = {e.person_id: e for e in
                         service.round_readings(now.date(), self.slot)}
        self.log = service.disinfections(now.date())
        if self.current is not None:
            self.current = next(
                (p for p in self.people if p.person_id == self.current.person_id), None)
        self._draw()

    def to_current_slot(self) -> None:
        """Opening the page: the round of the moment (morning until noon, then evening)."""
        self.slot = slot_for(self.service.now(), self.service.policy)
        self.slot_buttons[self.slot].setChecked(True)

    def focus_input(self) -> None:
        target = self.reading_edit if self.measuring() else self.search_edit
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def scanned(self, text: str) -> bool:
        """A code from the camera or the USB scanner: a reading for the person picked
        (a USB thermometer), else a pass or ID number to look up. Always taken."""
        raw = (text or "").strip()
        if not raw:
            return False
        if self.measuring():
            try:
                parse_reading(raw)
            except ValidationError:
                pass
            else:
                self.reading_edit.setText(raw)
                self.record()
                return True
        self.search_edit.setText(raw)
        self.find()
        return True

    def device_reading(self, text: str, at: float) -> bool:
        """A serial thermometer's reading (`at`: when it was read, `time.monotonic()`):
        the picked person's, typed into the field and recorded as if keyed in (the same
        parsing, fever rule and errors). False, and nothing done, when nobody is picked or
        it was read before they were."""
        if not self.measuring() or not self.reading_wait.takes(at):
            return False
        self.reading_edit.setText(text.strip())
        self.record()
        return True

    def put_down(self) -> None:
        """Whoever signs in next starts with nobody picked and nothing typed: a reading is
        never recorded for the last account's person under the next one's name."""
        self.current = None
        self.only = None
        self.reading_wait.stop()
        for edit in (self.reading_edit, self.search_edit):
            edit.clear()
        for message in (self.reading_error, self.search_error, self.result):
            message.clear()
        self._draw()

    def measuring(self) -> bool:
        """Whether a reading now is someone's: a person is picked by a role that records."""
        return self.current is not None and self.editable

    def missing(self) -> list[site.OnSite]:
        return [p for p in self.people if p.person_id not in self.readings]

    # --- input ------------------------------------------------------------------------------

    def set_slot(self, slot: RoundSlot) -> None:
        self.slot = RoundSlot(slot)
        self.slot_buttons[self.slot].setChecked(True)
        self.result.clear()
        self.refresh()

    def show_missing_only(self, missing: bool) -> None:
        self.missing_only = missing
        (self.missing_button if missing else self.everyone_button).setChecked(True)
        self._draw()

    def find(self) -> None:
        text = self.search_edit.text().strip()
        self.search_error.clear()
        self.result.clear()
        if not text:
            self.search_error.show_say(lambda _l: QCoreApplication.translate(
                "RoundsPage", "Scan a site pass, or type a name or ID number."))
            return
        matches = self.service.find_people(text, self.people)
        if not matches:
            self.only = None
            self.search_error.show_say(lambda _l, t=text: QCoreApplication.translate(
                "RoundsPage", "Nobody on site matches “{text}”.").format(text=t))
            self._draw()
            return
        if not self.editable:  # read-only: the search only narrows the roster
            self.only = {p.person_id for p in matches}
            self._draw()
            return
        if len(matches) == 1:
            self.only = None
            self.select(matches[0].person_id)
            return
        self.only = {p.person_id for p in matches}
        self.current = None
        n = len(matches)
        self.search_error.show_say(lambda _l: QCoreApplication.translate(
            "RoundsPage", "{n} people match: touch the right one in the list.").format(n=n))
        self._draw()

    def select(self, person_id: str) -> None:
        if not self.editable:  # read-only: nobody is picked for measuring
            return
        self.current = next((p for p in self.people if p.person_id == person_id), None)
        self.reading_wait.wait_from(time.monotonic())
        self.reading_error.clear()
        self._draw()
        self.focus_input()

    def _row_clicked(self, row: int, _col: int) -> None:
        item = self.roster.item(row, 0)
        if item is not None:
            self.select(str(item.data(Qt.ItemDataRole.UserRole)))

    def record(self) -> None:
        self.reading_error.clear()
        self.result.clear()
        if not self.authorise(Action.ROUNDS):
            return
        person = self.current
        if person is None:
            self.reading_error.show_say(lambda _l: QCoreApplication.translate(
                "RoundsPage", "Pick a person first: scan their pass, search, or touch their "
                "row."))
            return
        try:
            reading = parse_reading(self.reading_edit.text())
        except ValidationError as error:
            self.reading_error.show_say(error_say(error))
            return
        try:
            result = self.service.record_round(self.slot, [(person.person_id, reading)])
        except LocalizedError as refused:  # the service's own role check
            self.reading_error.show_say(error_say(refused))
            return
        if result.remeasure:
            policy = self.service.policy
            error = ValidationError("error.temperature_out_of_range", "temperature", {
                "reading": reading, "low": policy.plausible_min_c,
                "high": policy.plausible_max_c})  # fmt: skip
            self.reading_error.show_say(error_say(error))
            return
        name = person.name_masked
        if result.quarantined:
            self.result.setProperty("warn", True)
            self.result.show_say(lambda _l: QCoreApplication.translate(
                "RoundsPage", "Fever: {name}, {reading} °C — sent to quarantine. Take them to "
                "the isolation room.").format(name=name, reading=f"{reading:.1f}"))
        else:
            self.result.setProperty("warn", False)
            self.result.show_say(lambda _l: QCoreApplication.translate(
                "RoundsPage", "Recorded: {name}, {reading} °C.").format(
                    name=name, reading=f"{reading:.1f}"))
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.reading_edit.clear()
        self.search_edit.clear()
        self.current = None
        self.only = None
        self.refresh()
        self.changed.emit()
        self.focus_input()

    def disinfect(self, zone: Zone, slot: RoundSlot) -> None:
        if not self.authorise(Action.ROUNDS):
            return
        try:
            self.service.record_disinfection(zone, slot)
        except LocalizedError as refused:  # the service's own role check
            self.reading_error.show_say(error_say(refused))
            return
        self.log = self.service.disinfections(self.service.today())
        self._draw()
        self.changed.emit()

    # --- drawing ------------------------------------------------------------------------------

    def _draw(self) -> None:
        people = self.people
        if self.only is not None:
            people = [p for p in people if p.person_id in self.only]
        elif self.missing_only:
            people = self.missing()
        # still missing first, then by zone and name (the order on_site gives)
        people = sorted(people, key=lambda p: p.person_id in self.readings)
        self.roster.setRowCount(0)
        for person in people:
            row = self.roster.rowCount()
            self.roster.insertRow(row)
            entry = self.readings.get(person.person_id)
            fever = entry is not None and entry.verdict == "quarantine"
            if entry is None:
                status = QCoreApplication.translate("RoundsPage", "Not measured yet")
                reading = ""
            else:
                status = (QCoreApplication.translate("RoundsPage", "Fever: quarantined")
                          if fever else QCoreApplication.translate("RoundsPage", "Measured"))
                reading = f"{entry.reading_c:.1f} °C · {hhmm(entry.at)}"
            cells = [person.name_masked, zone_name(person.zone), reading, status]
            for col, text in enumerate(cells):
                self.roster.setItem(row, col, cell(text, data=person.person_id, warn=fever))
            if self.current is not None and person.person_id == self.current.person_id:
                self.roster.selectRow(row)
        total, done = len(self.people), len(self.people) - len(self.missing())
        self.summary_label.setText(QCoreApplication.translate(
            "RoundsPage", "{round}: {done} of {total} on site measured, {missing} still missing."
        ).format(round=slot_name(self.slot), done=done, total=total, missing=total - done))
        if self.current is None:
            self.current_label.setText(QCoreApplication.translate(
                "RoundsPage", "Nobody picked yet."))
        else:
            self.current_label.setText(QCoreApplication.translate(
                "RoundsPage", "Measuring: {name} · {zone}").format(
                    name=self.current.name_masked, zone=zone_name(self.current.zone)))
        for (zone, slot), button in self.disinfect_buttons.items():
            done_row = self.log.get((zone, slot))
            if done_row is None:
                button.setText(QCoreApplication.translate("RoundsPage", "Record")
                               if self.editable
                               else QCoreApplication.translate("RoundsPage", "Not yet"))
                button.setToolTip("")
                button.setEnabled(self.editable)
                button.setProperty("done", False)
            else:
                text = QCoreApplication.translate("RoundsPage", "✓ {time}\n{by}").format(
                    time=hhmm(done_row.at), by=done_row.by)
                button.setText(button_text(text))  # who is a value: its "&" shown
                # (Qt looks for markup on the first line only: the time's, never rich text)
                button.setToolTip(text)
                button.setEnabled(False)
                button.setProperty("done", True)
            button.style().unpolish(button)
            button.style().polish(button)

    # --- language -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        for slot, button in self.slot_buttons.items():
            button.setText(slot_name(slot))
        for slot, header in self.slot_headers.items():
            header.setText(_slot_short(slot))
        self.everyone_button.setText(QCoreApplication.translate("RoundsPage", "Everyone"))
        self.missing_button.setText(QCoreApplication.translate("RoundsPage", "Still missing"))
        self.roster.setHorizontalHeaderLabels([
            QCoreApplication.translate("RoundsPage", "Name"),
            QCoreApplication.translate("RoundsPage", "Zone"),
            QCoreApplication.translate("RoundsPage", "Reading"),
            QCoreApplication.translate("RoundsPage", "Status"),
        ])  # fmt: skip
        self.entry_label.setText(QCoreApplication.translate(
            "RoundsPage", "Temperature round: scan a pass or search"))
        self.read_only_label.setText(QCoreApplication.translate(
            "RoundsPage", "Read-only: a search narrows the roster. Only a site manager "
            "records readings and disinfection."))
        self.search_edit.setPlaceholderText(QCoreApplication.translate(
            "RoundsPage", "Name or ID number"))
        self.find_button.setText(QCoreApplication.translate("RoundsPage", "Find"))
        self.reading_edit.setPlaceholderText(QCoreApplication.translate(
            "RoundsPage", "Reading °C, e.g. 36.5"))
        self.record_button.setText(QCoreApplication.translate("RoundsPage", "Record reading"))
        self.disinfection_label.setText(QCoreApplication.translate(
            "RoundsPage", "Twice-daily disinfection: today's log"))
        for zone, label in self.zone_labels.items():
            label.setText(zone_name(zone))
        self._draw()


def _slot_short(slot: RoundSlot) -> str:
    if slot is RoundSlot.EVENING:
        return QCoreApplication.translate("RoundsPage", "Evening")
    return QCoreApplication.translate("RoundsPage", "Morning")

