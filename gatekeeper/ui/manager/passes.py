"""The passes page (通行证, manager only): issue a worker's site pass, revoke one, and
look up a person's pass.

Issuing goes through `ConsoleService.issue_pass` (`PassService.issue`: it registers the
worker, or finds them by ID number) and shows the badge drawn by
`gatekeeper.reports.badge` — the same badge `gatekeeper pass issue` writes — which can be
saved as a PNG (Qt's own file dialog) or printed (Qt's print dialog; a PDF beside the
ledger when no printer is attached). The first pass issued on a machine creates the
site's signing key (`keys.load_or_create`): the page says so before the manager presses
the button.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.scanner import keys
from gatekeeper.services.accounts import Action
from gatekeeper.services.atomic import atomic_output
from gatekeeper.services.console import ConsoleService
from gatekeeper.services.passes import Issued, PassState
from gatekeeper.ui import theme
from gatekeeper.ui.manager.common import InlineMessage, section_label
from gatekeeper.ui.manager.page import Authorise, ManagerPage
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.steps.base import touch_button

log = logging.getLogger(__name__)

BADGE_SHOWN_H = 440  # the badge on screen (640 x 1000 drawn)


class PassesPage(ManagerPage):
    def __init__(
        self,
        service: ConsoleService,
        authorise: Authorise,
        parent: QWidget | None = None,
        key_dir: Path | None = None,
    ) -> None:
        super().__init__("passesPage", service, authorise, parent)
        self.key_dir = key_dir
        self.issued: Issued | None = None
        self.badge: QImage | None = None
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QDialog | None = None

        # issue
        self.issue_title = section_label(self)
        self.key_note = PlainLabel(self)
        self.key_note.setObjectName("passesKeyNote")
        self.key_note.setProperty("role", "field-note")
        self.key_note.setWordWrap(True)
        self.name_edit = self._edit("passesName")
        self.id_edit = self._edit("passesIdNumber")
        self.phone_edit = self._edit("passesPhone")
        self.employer_edit = self._edit("passesEmployer")
        self.days_spin = QSpinBox(self)
        self.days_spin.setObjectName("passesDays")
        self.days_spin.setRange(1, 3650)
        self.days_spin.setValue(service.policy.pass_validity_days)
        self.days_spin.setMinimumHeight(theme.TOUCH_MIN)
        self.issue_button = touch_button(self, "passesIssue", "primary")
        self.issue_button.clicked.connect(self.issue)
        self.issue_message = InlineMessage(self)
        self.issue_result = InlineMessage(self, "field-note")
        self.field_labels = [PlainLabel(self) for _ in range(5)]
        form = QGridLayout()
        form.setHorizontalSpacing(theme.SPACE_S)
        form.setVerticalSpacing(theme.SPACE_XS)
        fields = (self.name_edit, self.id_edit, self.phone_edit, self.employer_edit, self.days_spin)
        for i, (label, widget) in enumerate(zip(self.field_labels, fields, strict=True)):
            label.setBuddy(widget)
            form.addWidget(label, (i // 2) * 2, i % 2)
            form.addWidget(widget, (i // 2) * 2 + 1, i % 2)
        form.addWidget(self.issue_button, 5, 1)

        # revoke
        self.revoke_title = section_label(self)
        self.revoke_id_edit = self._edit("passesRevokeId")
        self.revoke_reason_edit = self._edit("passesRevokeReason")
        self.revoke_button = touch_button(self, "passesRevoke", "danger")
        self.revoke_button.clicked.connect(self.revoke)
        self.revoke_message = InlineMessage(self)
        self.revoke_result = InlineMessage(self, "field-note")
        revoke_row = QHBoxLayout()
        revoke_row.setSpacing(theme.SPACE_S)
        revoke_row.addWidget(self.revoke_id_edit, 2)
        revoke_row.addWidget(self.revoke_reason_edit, 2)
        revoke_row.addWidget(self.revoke_button)

        # look up
        self.state_title = section_label(self)
        self.state_id_edit = self._edit("passesStateId")
        self.state_id_edit.returnPressed.connect(self.show_state)
        self.state_button = touch_button(self, "passesState", "choice")
        self.state_button.clicked.connect(self.show_state)
        self.state_message = InlineMessage(self)
        self.state_result = InlineMessage(self, "field-note")
        state_row = QHBoxLayout()
        state_row.setSpacing(theme.SPACE_S)
        state_row.addWidget(self.state_id_edit, 1)
        state_row.addWidget(self.state_button)

        left = QVBoxLayout()
        left.setSpacing(theme.SPACE_S)
        left.addWidget(self.issue_title)
        left.addWidget(self.key_note)
        left.addLayout(form)
        left.addWidget(self.issue_message)
        left.addWidget(self.issue_result)
        left.addSpacing(theme.SPACE_S)
        left.addWidget(self.revoke_title)
        left.addLayout(revoke_row)
        left.addWidget(self.revoke_message)
        left.addWidget(self.revoke_result)
        left.addSpacing(theme.SPACE_S)
        left.addWidget(self.state_title)
        left.addLayout(state_row)
        left.addWidget(self.state_message)
        left.addWidget(self.state_result)
        left.addStretch(1)

        # the badge just issued
        self.badge_title = section_label(self)
        self.badge_label = PlainLabel(self)
        self.badge_label.setObjectName("passesBadge")
        self.badge_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge_label.setFixedSize(BADGE_SHOWN_H * 640 // 1000, BADGE_SHOWN_H)
        self.save_button = touch_button(self, "passesSave", "choice")
        self.save_button.clicked.connect(self.choose_badge_file)
        self.print_button = touch_button(self, "passesPrint", "choice")
        self.print_button.clicked.connect(self.print_badge)
        self.badge_message = InlineMessage(self, "field-note")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        right = QVBoxLayout()
        right.setSpacing(theme.SPACE_S)
        right.addWidget(self.badge_title)
        right.addWidget(self.badge_label, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addLayout(buttons)
        right.addWidget(self.badge_message)
        right.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_M, theme.SPACE_L, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_L)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self._show_badge()
        self.retranslate()

    def _edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMinimumHeight(theme.TOUCH_MIN)
        return edit

    # --- the page's life ----------------------------------------------------------------

    def refresh(self) -> None:
        self.retranslate()

    def focus_input(self) -> None:
        self.name_edit.setFocus()

    def has_key(self) -> bool:
        return (self.key_dir or keys.default_key_dir()).joinpath(keys.KEY_FILE).exists()

    def _load_or_create_key(self) -> keys.SiteKey:
        return keys.load_or_create(self.key_dir)

    # --- issue --------------------------------------------------------------------------

    def issue(self) -> Issued | None:
        """Issue a pass from the form: the manager's deliberate act, which also creates
        the site's signing key on a machine that has none."""
        if not self.authorise(Action.PASSES):
            return None
        self.issue_message.clear()
        self.issue_result.clear()
        try:
            # the key is made on first use, once the service has accepted the account
            issued = self.service.issue_pass(
                self._load_or_create_key,
                name=self.name_edit.text().strip(),
                id_number=self.id_edit.text().strip(),
                phone=self.phone_edit.text().strip() or None,
                employer=self.employer_edit.text().strip() or None,
                days=self.days_spin.value(),
            )
        except LocalizedError as exc:
            self.issue_message.show_say(exc.message)
            return None
        except OSError:
            log.exception("could not issue a pass")
            self.issue_message.show_say(
                lambda _lang: QCoreApplication.translate(
                    "PassesPage",
                    "The site key could not be written: check the data folder's permissions.",
                )
            )
            return None
        from gatekeeper.reports.badge import badge_image

        person = issued.person
        self.issued = issued
        self.badge = badge_image(
            payload=issued.site_pass.payload,
            name=person.name or self.name_edit.text().strip(),
            employer=str(person.fields.get("employer", "")),
            valid_until=issued.site_pass.valid_until.isoformat(),
            site_id=issued.site_pass.site_id,
        )
        self._show_badge()
        name = person.name or ""
        until = issued.site_pass.valid_until.isoformat()
        if issued.registered:
            self.issue_result.show_say(
                lambda _lang: QCoreApplication.translate(
                    "PassesPage", "Registered {name} and issued a pass valid until {until}."
                ).format(name=name, until=until)
            )
        else:
            self.issue_result.show_say(
                lambda _lang: QCoreApplication.translate(
                    "PassesPage",
                    "{name} was already registered: issued a new pass valid until {until}.",
                ).format(name=name, until=until)
            )
        self.badge_message.clear()
        self.retranslate()
        return issued

    def _show_badge(self) -> None:
        has = self.badge is not None
        if self.badge is not None:
            self.badge_label.setPixmap(
                QPixmap.fromImage(self.badge).scaled(
                    self.badge_label.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.badge_label.clear()
        self.save_button.setEnabled(has)
        self.print_button.setEnabled(has)

    def default_badge_name(self) -> str:
        if self.issued is None:
            return "badge.png"
        return f"badge-{self.issued.person.person_id[:8]}.png"

    def choose_badge_file(self) -> QFileDialog | None:
        """Qt's own save dialog (the same on every kiosk, in the kiosk's language)."""
        if self.badge is None:
            return None
        dialog = QFileDialog(self, QCoreApplication.translate("PassesPage", "Save the badge as"))
        dialog.setObjectName("passesFileDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("png")
        dialog.setNameFilter("PNG (*.png)")
        folder = self.service.ledger_path.parent
        dialog.setDirectory(str(folder if folder.exists() else Path.home()))
        dialog.selectFile(self.default_badge_name())
        self.file_dialog = dialog

        def chosen(result: int) -> None:
            files = dialog.selectedFiles()
            if result == QDialog.DialogCode.Accepted and files:
                self.save_badge(Path(files[0]))
            self.file_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(chosen)
        dialog.open()
        return dialog

    def save_badge(self, path: Path) -> bool:
        if self.badge is None:
            return False
        if _write_owner_only(path, lambda tmp: bool(self.badge.save(str(tmp), "PNG"))):
            self.badge_message.show_say(
                lambda _lang: QCoreApplication.translate(
                    "PassesPage", "Badge saved as {path}"
                ).format(path=path)
            )
            return True
        self.badge_message.show_say(
            lambda _lang: QCoreApplication.translate(
                "PassesPage", "Could not write {path}: choose another folder."
            ).format(path=path)
        )
        return False

    def print_badge(self) -> None:
        """Qt's print dialog for the default printer; with no printer attached, a PDF
        beside the ledger (as the notice is printed)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

        if self.badge is None:
            return
        if QPrinterInfo.availablePrinters():
            printer = QPrinter(QPrinterInfo.defaultPrinter())
            dialog = QPrintDialog(printer, self)
            dialog.setObjectName("passesPrintDialog")
            self.print_dialog = dialog

            def done(result: int) -> None:
                if result == QDialog.DialogCode.Accepted:
                    self._paint(printer)
                    name = printer.printerName()
                    self.badge_message.show_say(
                        lambda _lang: QCoreApplication.translate(
                            "PassesPage", "Sent to the printer {name}."
                        ).format(name=name)
                    )
                self.print_dialog = None
                dialog.deleteLater()

            dialog.finished.connect(done)
            dialog.open()
            return
        folder = self.service.ledger_path.parent / "badges"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = folder / self.default_badge_name().replace(".png", f"-{stamp}.pdf")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setCreator("GateKeeper")

            def paint(tmp: Path) -> bool:
                printer.setOutputFileName(str(tmp))
                self._paint(printer)
                return tmp.stat().st_size > 0

            if not _write_owner_only(path, paint):
                raise OSError(f"could not write {path}")
        except OSError:
            log.exception("could not print the badge")
            self.badge_message.show_say(
                lambda _lang: QCoreApplication.translate(
                    "PassesPage", "Printing failed: save the badge and print it elsewhere."
                )
            )
            return
        self.badge_message.show_say(
            lambda _lang: QCoreApplication.translate(
                "PassesPage", "No printer attached: saved as PDF {path}"
            ).format(path=path)
        )

    def _paint(self, printer: object) -> None:
        """The badge on the page, as large as fits, aspect kept."""
        assert self.badge is not None
        painter = QPainter()
        if not painter.begin(printer):  # type: ignore[arg-type]
            raise OSError("the printer did not start")
        try:
            page = painter.viewport()
            size = self.badge.size().scaled(page.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(page.x(), page.y(), size.width(), size.height()), self.badge)
        finally:
            painter.end()

    # --- revoke and look up --------------------------------------------------------------

    def revoke(self) -> bool:
        if not self.authorise(Action.PASSES):
            return False
        self.revoke_message.clear()
        self.revoke_result.clear()
        try:
            revoked = self.service.revoke_pass(
                self.revoke_id_edit.text().strip(), self.revoke_reason_edit.text().strip())
        except LocalizedError as exc:
            self.revoke_message.show_say(exc.message)
            return False
        name = revoked.name
        self.revoke_result.show_say(
            lambda _lang: QCoreApplication.translate(
                "PassesPage", "{name}'s pass is revoked: it is refused at the gate from now on."
            ).format(name=name)
        )
        self.revoke_id_edit.clear()
        self.revoke_reason_edit.clear()
        return True

    def show_state(self) -> PassState | None:
        self.state_message.clear()
        self.state_result.clear()
        try:
            state = self.service.pass_state(self.state_id_edit.text().strip())
        except LocalizedError as exc:
            self.state_message.show_say(exc.message)
            return None
        today = self.service.today()
        self.state_result.show_say(lambda _lang: state_text(state, today))
        return state

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.issue_title.setText(QCoreApplication.translate("PassesPage", "Issue a site pass"))
        if self.has_key():
            self.key_note.setText(
                QCoreApplication.translate(
                    "PassesPage",
                    "Issuing registers the worker if they are new (or finds them by ID number) "
                    "and signs the pass with the site's key.",
                )
            )
        else:
            self.key_note.setText(
                QCoreApplication.translate(
                    "PassesPage",
                    "This machine has no site key yet: issuing the first pass creates the "
                    "site's signing key (kept in the data folder, never in the ledger). "
                    "Back it up; passes signed with it are refused if it is lost.",
                )
            )
        for label, text in zip(
            self.field_labels,
            (
                QCoreApplication.translate("PassesPage", "Name"),
                QCoreApplication.translate("PassesPage", "ID number"),
                QCoreApplication.translate("PassesPage", "Mobile phone"),
                QCoreApplication.translate("PassesPage", "Employer"),
                QCoreApplication.translate("PassesPage", "Valid for (days)"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.issue_button.setText(QCoreApplication.translate("PassesPage", "Issue the pass"))
        self.revoke_title.setText(QCoreApplication.translate("PassesPage", "Revoke a pass"))
        self.revoke_id_edit.setPlaceholderText(
            QCoreApplication.translate("PassesPage", "ID number")
        )
        self.revoke_reason_edit.setPlaceholderText(
            QCoreApplication.translate("PassesPage", "Reason (optional)")
        )
        self.revoke_button.setText(QCoreApplication.translate("PassesPage", "Revoke"))
        self.state_title.setText(QCoreApplication.translate("PassesPage", "A person's pass"))
        self.state_id_edit.setPlaceholderText(QCoreApplication.translate("PassesPage", "ID number"))
        self.state_button.setText(QCoreApplication.translate("PassesPage", "Show"))
        self.badge_title.setText(QCoreApplication.translate("PassesPage", "Badge"))
        self.save_button.setText(QCoreApplication.translate("PassesPage", "Save the badge…"))
        self.print_button.setText(QCoreApplication.translate("PassesPage", "Print…"))
        if self.badge is None:
            self.badge_label.setText(
                QCoreApplication.translate(
                    "PassesPage", "The badge appears here once a pass is issued."
                )
            )
            self.badge_label.setWordWrap(True)


def state_text(state: PassState, today: date) -> str:
    name = state.person.name or state.person.person_id
    if state.issued_on is None or state.valid_until is None:
        return QCoreApplication.translate(
            "PassesPage", "{name} is registered but has no pass."
        ).format(name=name)
    until = state.valid_until.isoformat()
    if state.revoked_on is not None:
        return QCoreApplication.translate(
            "PassesPage", "{name}'s pass (valid until {until}) was revoked on {day}."
        ).format(name=name, until=until, day=state.revoked_on.isoformat())
    if state.in_force(today):
        return QCoreApplication.translate(
            "PassesPage", "{name} holds a pass issued {issued}, valid until {until}."
        ).format(name=name, issued=state.issued_on.isoformat(), until=until)
    return QCoreApplication.translate(
        "PassesPage", "{name}'s pass expired on {until}: issue a new one."
    ).format(name=name, until=until)


def _write_owner_only(path: Path, write: Callable[[Path], bool]) -> bool:
    """`write(tmp)` into an owner-only temp file that becomes `path` only when it
    succeeded (a badge carries a person's name and pass); False if it did not, or if
    `path` is the ledger or another database (never overwritten)."""
    try:
        with atomic_output(path) as tmp:
            if not write(tmp):
                raise OSError(f"could not write {path}")
    except (OSError, LocalizedError):
        return False
    return True
