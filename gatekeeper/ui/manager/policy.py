"""The policy page (防疫规定): the policy in force, where it came from, and checks.

Managers and inspectors see the running policy as key/value groups — the keys of the
policy file, so what is shown here is what a manager edits. A manager can also check a
policy file (`load_policy`: OK, or the PolicyError naming the key at fault) and write
the default policy to a file to start from. Neither switches the running policy: the
kiosk applies a policy when it starts (restart GateKeeper with the file).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomlkit
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.domain.errors import PolicyError
from gatekeeper.domain.policy import Policy, default_policy_toml, load_policy, policy_to_toml
from gatekeeper.services.accounts import Action
from gatekeeper.services.console import ConsoleService
from gatekeeper.services.locations import default_policy_path
from gatekeeper.services.policy_source import PolicySource, SourceKind
from gatekeeper.ui import theme
from gatekeeper.ui.manager.common import InlineMessage, section_label
from gatekeeper.ui.manager.page import Authorise, ManagerPage
from gatekeeper.ui.plain import PlainLabel, plain_tooltip
from gatekeeper.ui.steps.base import touch_button
from gatekeeper.ui.translations import current_lang

ELIDE = 90  # characters of a long value shown (the whole value is the tooltip)


def group_names() -> dict[str, str]:
    return {
        "temperature": QCoreApplication.translate("PolicyPage", "Temperature check"),
        "risk": QCoreApplication.translate("PolicyPage", "Risk regions"),
        "certificates": QCoreApplication.translate("PolicyPage", "Certificate check"),
        "scans": QCoreApplication.translate("PolicyPage", "QR scans per channel"),
        "notice": QCoreApplication.translate("PolicyPage", "Notice"),
        "lanes": QCoreApplication.translate("PolicyPage", "Lanes and zones"),
        "quarantine": QCoreApplication.translate("PolicyPage", "Quarantine"),
        "validity": QCoreApplication.translate("PolicyPage", "Validity (returning path)"),
        "site": QCoreApplication.translate("PolicyPage", "Site"),
        "health_code": QCoreApplication.translate("PolicyPage", "Health codes"),
        "kiosk": QCoreApplication.translate("PolicyPage", "Kiosk"),
        "pledges": QCoreApplication.translate("PolicyPage", "Pledges"),
    }


def _value(value: Any) -> str:
    if isinstance(value, list):
        return (
            ", ".join(_value(v) for v in value)
            if value
            else QCoreApplication.translate("PolicyPage", "(none)")
        )
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(v)}" for k, v in value.items())
    if isinstance(value, str):
        return value if value else QCoreApplication.translate("PolicyPage", "(empty)")
    return str(value)


def policy_groups(policy: Policy) -> list[tuple[str, list[tuple[str, str]]]]:
    """The policy as (group, [(key, value)]), from the same TOML a policy file holds."""
    data = tomlkit.parse(policy_to_toml(policy)).unwrap()
    lang = current_lang()
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for name, table in data.items():
        if name == "pledges":
            rows = [
                (str(p["id"]), str(p["text_zh"] if lang == "zh_CN" else p["text_en"]))
                for p in table
            ]
        else:
            rows = [(key, _value(value)) for key, value in table.items()]
        groups.append((name, rows))
    return groups


def source_text(source: PolicySource) -> str:
    if source.kind is SourceKind.FILE:
        return QCoreApplication.translate(
            "PolicyPage", "From the file named with --policy: {path}"
        ).format(path=source.path)
    if source.kind is SourceKind.USER:
        return QCoreApplication.translate(
            "PolicyPage", "From the site's policy file: {path}"
        ).format(path=source.path)
    return QCoreApplication.translate(
        "PolicyPage", "The built-in defaults (no policy file). A site's file goes in {path}."
    ).format(path=default_policy_path())


class PolicyPage(ManagerPage):
    def __init__(
        self, service: ConsoleService, authorise: Authorise, parent: QWidget | None = None
    ) -> None:
        super().__init__("policyPage", service, authorise, parent)
        self.file_dialog: QFileDialog | None = None

        self.title = section_label(self)
        self.source_label = PlainLabel(self)
        self.source_label.setObjectName("policySource")
        self.source_label.setWordWrap(True)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("policyTree")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)

        self.check_button = touch_button(self, "policyCheck", "choice")
        self.check_button.clicked.connect(lambda: self.choose_file(save=False))
        self.write_button = touch_button(self, "policyWrite", "choice")
        self.write_button.clicked.connect(lambda: self.choose_file(save=True))
        self.apply_note = PlainLabel(self)
        self.apply_note.setObjectName("policyApplyNote")
        self.apply_note.setProperty("role", "field-note")
        self.apply_note.setWordWrap(True)
        self.check_error = InlineMessage(self)
        self.check_result = InlineMessage(self, "field-note")
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.SPACE_S)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.write_button)
        buttons.addWidget(self.apply_note, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_M, theme.SPACE_L, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_S)
        layout.addWidget(self.title)
        layout.addWidget(self.source_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.check_error)
        layout.addWidget(self.check_result)
        self.retranslate()

    # --- the page's life ----------------------------------------------------------------

    def refresh(self) -> None:
        manager = self.authorise(Action.POLICY)
        for widget in (self.check_button, self.write_button, self.apply_note):
            widget.setVisible(manager)
        if not manager:
            self.check_error.clear()
            self.check_result.clear()
        self.retranslate()

    def focus_input(self) -> None:
        self.tree.setFocus()

    def lines(self) -> list[str]:
        """What the tree shows, one "group / key: value" line per row (for tests)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                row = group.child(j)
                whole = row.data(1, Qt.ItemDataRole.UserRole) or row.text(1)
                out.append(f"{group.text(0)} / {row.text(0)}: {whole}")
        return out

    def _fill(self) -> None:
        self.tree.clear()
        names = group_names()
        for name, rows in policy_groups(self.service.policy):
            group = QTreeWidgetItem(self.tree, [names.get(name, name), ""])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for key, value in rows:
                shown = value if len(value) <= ELIDE else value[: ELIDE - 1] + "…"
                item = QTreeWidgetItem(group, [key, shown])
                if shown != value:
                    item.setData(1, Qt.ItemDataRole.UserRole, value)
                    item.setToolTip(1, plain_tooltip(value))  # the file's text, not markup
        self.tree.expandAll()

    # --- check and write ------------------------------------------------------------------

    def choose_file(self, *, save: bool) -> QFileDialog | None:
        """Qt's own file dialog: a policy file to check, or where to write the default."""
        if not self.authorise(Action.POLICY):
            return None
        caption = (
            QCoreApplication.translate("PolicyPage", "Write the default policy to")
            if save
            else QCoreApplication.translate("PolicyPage", "Check a policy file")
        )
        dialog = QFileDialog(self, caption)
        dialog.setObjectName("policyFileDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setFileMode(QFileDialog.FileMode.AnyFile)
            dialog.setDefaultSuffix("toml")
        else:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter("TOML (*.toml)")
        folder = default_policy_path().parent
        dialog.setDirectory(str(folder if folder.exists() else Path.home()))
        if save:
            dialog.selectFile("policy.toml")
        self.file_dialog = dialog

        def chosen(result: int) -> None:
            files = dialog.selectedFiles()
            if result == QDialog.DialogCode.Accepted and files:
                (self.write_default if save else self.check_file)(Path(files[0]))
            self.file_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(chosen)
        dialog.open()
        return dialog

    def check_file(self, path: Path) -> Policy | None:
        """Load `path` as a policy: OK, or the problem (naming the key). The running
        policy does not change."""
        if not self.authorise(Action.POLICY):
            return None
        self.check_error.clear()
        self.check_result.clear()
        try:
            policy = load_policy(path)
        except PolicyError as exc:
            error = exc
            self.check_error.show_say(
                lambda lang: QCoreApplication.translate(
                    "PolicyPage", "{path} cannot be used: {problem}"
                ).format(path=path, problem=error.message(lang))
            )
            return None
        threshold = policy.fever_threshold_c
        self.check_result.show_say(
            lambda _lang: QCoreApplication.translate(
                "PolicyPage",
                "{path} is a valid policy (fever at {threshold} °C or above). It is not in force "
                "yet: restart GateKeeper with the file to apply it.",
            ).format(path=path, threshold=threshold)
        )
        return policy

    def write_default(self, path: Path) -> bool:
        if not self.authorise(Action.POLICY):
            return False
        self.check_error.clear()
        self.check_result.clear()
        try:
            path.write_text(default_policy_toml(), encoding="utf-8")
        except OSError as exc:
            error = exc.strerror or type(exc).__name__
            self.check_error.show_say(
                lambda _lang: QCoreApplication.translate(
                    "PolicyPage", "Could not write {path} ({error}): choose another folder."
                ).format(path=path, error=error)
            )
            return False
        self.check_result.show_say(
            lambda _lang: QCoreApplication.translate(
                "PolicyPage",
                "Wrote the default policy to {path}. Edit it, check it here, then restart "
                "GateKeeper with it.",
            ).format(path=path)
        )
        return True

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("PolicyPage", "Policy in force"))
        self.source_label.setText(source_text(self.service.policy_source()))
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("PolicyPage", "Setting"),
                QCoreApplication.translate("PolicyPage", "Value"),
            ]
        )
        self.check_button.setText(QCoreApplication.translate("PolicyPage", "Check a policy file…"))
        self.write_button.setText(
            QCoreApplication.translate("PolicyPage", "Write the default policy…")
        )
        self.apply_note.setText(
            QCoreApplication.translate(
                "PolicyPage",
                "Checking a file does not change the running policy: restart GateKeeper with "
                "the file to apply it.",
            )
        )
        self._fill()
