"""The dashboard: today's figures, the last 14/30 days by outcome (a stacked bar chart),
who is on site by zone, everyone in quarantine (overdue in red), and the alerts.

All of it is `ConsoleService.site_view` (`gatekeeper.services.site.load`); this page
only draws it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QEvent, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.domain.vocab import RoundSlot, Zone
from gatekeeper.services import site
from gatekeeper.services.console import ConsoleService
from gatekeeper.ui import theme
from gatekeeper.ui.manager.common import (
    cell,
    choice_buttons,
    reason_name,
    section_label,
    slot_name,
    touch_table,
    zone_name,
)
from gatekeeper.ui.manager.page import Authorise, ManagerPage
from gatekeeper.ui.reflow import ReflowGrid
from gatekeeper.ui.start_screen import FigureTile

SERIES_OUTCOMES: tuple[str, ...] = ("admitted", "turned_away", "quarantined", "abandoned")
SERIES_COLOURS = {
    "admitted": theme.ADMITTED,
    "turned_away": theme.TURNED_AWAY,
    "quarantined": theme.QUARANTINED,
    "abandoned": theme.OUTCOME_BG["abandoned"],
}
TILES: tuple[str, ...] = ("admitted", "turned_away", "quarantined", "in_quarantine", "on_site")
SPANS = (14, 30)


def outcome_label(outcome: str) -> str:
    labels = {
        "admitted": QCoreApplication.translate("Dashboard", "Admitted"),
        "turned_away": QCoreApplication.translate("Dashboard", "Turned away"),
        "quarantined": QCoreApplication.translate("Dashboard", "Quarantined"),
        "abandoned": QCoreApplication.translate("Dashboard", "Abandoned"),
        "in_quarantine": QCoreApplication.translate("Dashboard", "In quarantine now"),
        "on_site": QCoreApplication.translate("Dashboard", "On site now"),
    }
    return labels[outcome]


class DashboardPage(ManagerPage):
    def __init__(
        self, service: ConsoleService, authorise: Authorise, parent: QWidget | None = None
    ) -> None:
        super().__init__("managerDashboard", service, authorise, parent)
        self.days = SPANS[0]
        self.view: site.SiteView | None = None

        # today's figures
        self.heading = section_label(self)
        self.tiles = {name: FigureTile(name, self) for name in TILES}
        tiles_row = QHBoxLayout()
        tiles_row.setSpacing(theme.SPACE_M)
        for tile in self.tiles.values():
            tile.setProperty("compact", True)
            tiles_row.addWidget(tile, 1)

        # the chart and its 14/30 toggle
        chart_heading = QWidget(self)
        self.chart_label = section_label(chart_heading)
        span_row = QHBoxLayout(chart_heading)
        span_row.setContentsMargins(0, 0, 0, 0)
        span_row.addWidget(self.chart_label, 1)
        self.span_group, self.span_buttons = choice_buttons(
            chart_heading, [(days, f"span{days}") for days in SPANS], self.set_days, span_row)
        self.span_buttons[self.days].setChecked(True)
        # The view's own chart (C++-owned): a chart made in Python and handed to the view
        # would be deleted twice, once by the view and once by Python's wrapper.
        self.chart_view = QChartView(self)
        self.chart: QChart = self.chart_view.chart()
        self.chart.setBackgroundVisible(False)
        self.chart.setMargins(QMargins(0, 0, 0, 0))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.series = QStackedBarSeries()
        self.sets: dict[str, QBarSet] = {}
        for outcome in SERIES_OUTCOMES:
            bar = QBarSet(outcome)
            bar.setColor(QColor(SERIES_COLOURS[outcome]))
            bar.setBorderColor(QColor(SERIES_COLOURS[outcome]))
            self.sets[outcome] = bar
            self.series.append(bar)
        self.chart.addSeries(self.series)
        self.axis_x = QBarCategoryAxis()
        self.axis_y = QValueAxis()
        self.axis_y.setLabelFormat("%d")
        self.chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.axis_x)
        self.series.attachAxis(self.axis_y)
        self.chart_view.setObjectName("outcomeChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        self._chart_fonts()

        # alerts
        self.alerts_label = section_label(self)
        self.alerts_list = QListWidget(self)
        self.alerts_list.setObjectName("alertsList")
        self.alerts_list.setWordWrap(True)

        # on site by zone; quarantine
        self.on_site_label = section_label(self)
        self.on_site_table = touch_table(self, "onSiteTable", 3)
        self.quarantine_label = section_label(self)
        self.quarantine_table = touch_table(self, "quarantineTable", 4)
        for table in (self.on_site_table, self.quarantine_table):
            header = table.horizontalHeader()
            for col in range(table.columnCount() - 1):
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        # landscape: chart and alerts over on site and quarantine; portrait: one column
        grid = ReflowGrid()
        grid.setHorizontalSpacing(theme.SPACE_L)
        grid.setVerticalSpacing(theme.SPACE_XS)
        grid.place(chart_heading, (0, 0), (0, 0))
        grid.place(self.chart_view, (1, 0), (1, 0))
        grid.place(self.alerts_label, (0, 1), (2, 0))
        grid.place(self.alerts_list, (1, 1), (3, 0))
        grid.place(self.on_site_label, (2, 0), (4, 0))
        grid.place(self.on_site_table, (3, 0), (5, 0))
        grid.place(self.quarantine_label, (2, 1), (6, 0))
        grid.place(self.quarantine_table, (3, 1), (7, 0))
        grid.column_stretches({0: 3, 1: 2}, {0: 1})
        grid.row_stretches({1: 3, 3: 2}, {1: 3, 3: 2, 5: 2, 7: 2})

        column = QVBoxLayout(self)
        column.setContentsMargins(theme.SPACE_L, theme.SPACE_S, theme.SPACE_L, theme.SPACE_S)
        column.setSpacing(theme.SPACE_S)
        column.addWidget(self.heading)
        column.addLayout(tiles_row)
        column.addLayout(grid, 1)
        self.retranslate()

    # --- data ----------------------------------------------------------------------------

    def set_days(self, days: int) -> None:
        self.days = days
        self.span_buttons[days].setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        self.view = self.service.site_view(days=self.days)
        self._draw()

    def series_values(self) -> dict[str, list[int]]:
        """What the chart shows, per outcome, oldest day first (for tests and checks)."""
        return {o: [int(b.at(i)) for i in range(b.count())] for o, b in self.sets.items()}

    def categories(self) -> list[str]:
        return list(self.axis_x.categories())

    def _draw(self) -> None:
        view = self.view
        if view is None:
            return
        today = view.today
        values = {
            "admitted": today.admitted,
            "turned_away": today.turned_away,
            "quarantined": today.quarantined,
            "in_quarantine": len(view.cases),
            "on_site": len(view.on_site),
        }
        for name, tile in self.tiles.items():
            tile.set_value(values[name])

        days = list(view.series)
        for outcome, bar in self.sets.items():
            bar.remove(0, bar.count())
            bar.append([float(getattr(view.series[d], outcome)) for d in days])
        self.axis_x.clear()
        # Day labels M/D; on 30 days every other one (counted back from today) so they
        # stay readable. Categories must differ: a skipped one is i zero-width spaces.
        step = 1 if len(days) <= 14 else 2
        self.axis_x.append([
            f"{int(day[5:7])}/{int(day[8:])}" if (len(days) - 1 - i) % step == 0
            else "\u200b" * (i + 1)
            for i, day in enumerate(days)
        ])  # fmt: skip
        top = max((sum(getattr(s, o) for o in SERIES_OUTCOMES) for s in view.series.values()),
                  default=0)  # fmt: skip
        self.axis_y.setRange(0, max(top, 1) * 1.1)
        self.axis_y.applyNiceNumbers()

        self.on_site_table.setRowCount(0)
        groups = site.by_zone(view.on_site)
        for zone in [*Zone, None]:
            people = groups.get(zone)
            if not people:
                continue
            row = self.on_site_table.rowCount()
            self.on_site_table.insertRow(row)
            self.on_site_table.setItem(row, 0, cell(zone_name(zone)))
            self.on_site_table.setItem(row, 1, cell(str(len(people))))
            self.on_site_table.setItem(row, 2, cell("、".join(p.name_masked for p in people[:12])
                                                    + ("…" if len(people) > 12 else "")))

        self.quarantine_table.setRowCount(0)
        for case in view.cases:
            row = self.quarantine_table.rowCount()
            self.quarantine_table.insertRow(row)
            due = case.due_date.isoformat()
            day = QCoreApplication.translate("Dashboard", "Day {n}").format(n=case.day_count)
            if case.overdue:
                due = QCoreApplication.translate("Dashboard", "{date} overdue").format(date=due)
            values_row = [case.name_masked, day, due, reason_name(case.reason)]
            for col, text in enumerate(values_row):
                self.quarantine_table.setItem(
                    row, col, cell(text, data=case.case_id, warn=case.overdue))

        self.alerts_list.clear()
        for alert in view.alerts:
            item = QListWidgetItem(alert_text(alert))
            item.setData(Qt.ItemDataRole.UserRole, alert.kind.value)
            item.setForeground(QColor(theme.ERROR_TEXT if alert.kind in (
                site.AlertKind.ROUND_FEVER, site.AlertKind.QUARANTINE_OVERDUE,
                site.AlertKind.HUB_REFUSED) else theme.TEXT))
            self.alerts_list.addItem(item)
        if not view.alerts:
            item = QListWidgetItem(QCoreApplication.translate("Dashboard", "No alerts."))
            item.setForeground(QColor(theme.ADMITTED))
            self.alerts_list.addItem(item)
        self._set_heading()

    # --- language -------------------------------------------------------------------------

    def _set_heading(self) -> None:
        day = self.view.today.date if self.view else ""
        self.heading.setText(QCoreApplication.translate("Dashboard", "Today, {date}").format(
            date=day))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the window's type, scaled to its screen
            self._chart_fonts()
        super().changeEvent(event)

    def _chart_fonts(self) -> None:
        """The chart's legend at the page's body size, its axes a little smaller."""
        body = self.font()
        self.chart.legend().setFont(body)
        small = QFont(body)
        size = body.pixelSize() if body.pixelSize() > 0 else theme.FONT_BODY
        small.setPixelSize(max(1, round(size * theme.FONT_CHART / theme.FONT_BODY)))
        self.axis_x.setLabelsFont(small)
        self.axis_y.setLabelsFont(small)

    def retranslate(self) -> None:
        self._set_heading()
        for name, tile in self.tiles.items():
            tile.caption_label.setText(outcome_label(name))
        for outcome, bar in self.sets.items():
            bar.setLabel(outcome_label(outcome))
        for days, button in self.span_buttons.items():
            button.setText(QCoreApplication.translate("Dashboard", "{n} days").format(n=days))
        self.chart_label.setText(QCoreApplication.translate(
            "Dashboard", "Screenings by outcome, last {n} days").format(n=self.days))
        self.alerts_label.setText(QCoreApplication.translate("Dashboard", "Alerts"))
        self.on_site_label.setText(QCoreApplication.translate("Dashboard", "On site now, by zone"))
        self.quarantine_label.setText(QCoreApplication.translate(
            "Dashboard", "In quarantine: day count and due date"))
        self.on_site_table.setHorizontalHeaderLabels([
            QCoreApplication.translate("Dashboard", "Zone"),
            QCoreApplication.translate("Dashboard", "People"),
            QCoreApplication.translate("Dashboard", "Who"),
        ])  # fmt: skip
        self.quarantine_table.setHorizontalHeaderLabels([
            QCoreApplication.translate("Dashboard", "Name"),
            QCoreApplication.translate("Dashboard", "Day"),
            QCoreApplication.translate("Dashboard", "Due"),
            QCoreApplication.translate("Dashboard", "Reason"),
        ])  # fmt: skip
        self._draw()


def alert_text(alert: site.Alert) -> str:
    """One alert in the current language."""
    kind = alert.kind
    if kind is site.AlertKind.ROUND_FEVER:
        return QCoreApplication.translate(
            "Dashboard", "Fever on the {round}: {name}, {reading} °C — sent to quarantine."
        ).format(round=slot_name(alert.slot), name=alert.name_masked,
                 reading=f"{alert.reading_c:.1f}")  # fmt: skip
    if kind is site.AlertKind.MISSING_ROUND:
        names = "、".join(alert.people[:8]) + ("…" if len(alert.people) > 8 else "")
        return QCoreApplication.translate(
            "Dashboard", "{round}: {n} on site not measured yet ({names})."
        ).format(round=slot_name(alert.slot), n=len(alert.people), names=names)
    if kind is site.AlertKind.QUARANTINE_OVERDUE:
        return QCoreApplication.translate(
            "Dashboard", "Quarantine overdue: {name}, due {date} — decide on release."
        ).format(name=alert.name_masked, date=alert.due_date.isoformat() if alert.due_date else "")
    if kind is site.AlertKind.HUB_REFUSED:
        return QCoreApplication.translate(
            "Dashboard", "The site hub refuses this kiosk: {detail}"
        ).format(detail=alert.detail)
    if kind is site.AlertKind.HUB_OFFLINE:
        return QCoreApplication.translate(
            "Dashboard", "Not synced with the site hub since {time}: the other gates do not "
            "see this kiosk's records. Check the network."
        ).format(time=_local_time(alert.since))
    zones = "、".join(zone_name(z) for z in alert.zones)
    return QCoreApplication.translate(
        "Dashboard", "Not disinfected ({slot}): {zones}."
    ).format(slot=_disinfection_slot(alert), zones=zones)


def _local_time(instant: str) -> str:
    try:
        return f"{datetime.fromisoformat(instant):%Y-%m-%d %H:%M}"  # the kiosk's own time
    except ValueError:
        return instant


def _disinfection_slot(alert: site.Alert) -> str:
    if alert.slot is RoundSlot.EVENING:
        return QCoreApplication.translate("Dashboard", "evening")
    return QCoreApplication.translate("Dashboard", "morning")

