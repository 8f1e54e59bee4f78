"""Layouts that reflow when the window stands portrait (a totem at the gate).

A page builds its landscape layout as usual and uses these where the two orientations
differ; the main window calls `orient` on itself whenever the window turns
(`theme.Metrics.portrait`), and each layout rearranges what it holds:

* `ReflowBox`: side by side in landscape, one above the other in portrait (the channel
  buttons, a list beside its details);
* `ReflowGrid`: each widget in one cell in landscape and another in portrait
  (`in_rows`: a row of nine buttons becomes rows of four);
* a splitter marked `reflowing`: its panes side by side, or one above the other.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLayout, QSplitter, QWidget

Cell = tuple[int, int] | tuple[int, int, int, int]  # row, column (, row span, column span)


class ReflowBox(QBoxLayout):
    """Left to right in landscape, top to bottom in portrait."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QBoxLayout.Direction.LeftToRight, parent)

    def set_portrait(self, portrait: bool) -> None:
        direction = (QBoxLayout.Direction.TopToBottom if portrait
                     else QBoxLayout.Direction.LeftToRight)  # fmt: skip
        if self.direction() != direction:
            self.setDirection(direction)


class ReflowGrid(QGridLayout):
    """A grid whose widgets each have a landscape cell and a portrait cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.portrait = False
        self.placed: list[tuple[QWidget, dict[bool, Cell]]] = []
        self.stretches: dict[bool, dict[int, int]] = {False: {}, True: {}}
        self.row_stretch: dict[bool, dict[int, int]] = {False: {}, True: {}}

    def place(self, widget: QWidget, landscape: Cell, portrait: Cell) -> None:
        cells = {False: landscape, True: portrait}
        self.placed.append((widget, cells))
        self.addWidget(widget, *cells[self.portrait])

    def column_stretches(self, landscape: dict[int, int], portrait: dict[int, int]) -> None:
        self.stretches = {False: dict(landscape), True: dict(portrait)}
        self._stretch()

    def row_stretches(self, landscape: dict[int, int], portrait: dict[int, int]) -> None:
        self.row_stretch = {False: dict(landscape), True: dict(portrait)}
        self._stretch()

    def set_portrait(self, portrait: bool) -> None:
        if portrait == self.portrait:
            return
        self.portrait = portrait
        for widget, _cells in self.placed:
            self.removeWidget(widget)
        for widget, cells in self.placed:
            self.addWidget(widget, *cells[portrait])
        self._stretch()

    def _stretch(self) -> None:
        for column in range(self.columnCount()):
            self.setColumnStretch(column, self.stretches[self.portrait].get(column, 0))
        for row in range(self.rowCount()):
            self.setRowStretch(row, self.row_stretch[self.portrait].get(row, 0))


def in_rows(grid: ReflowGrid, widgets: Iterable[QWidget], landscape: int, portrait: int
            ) -> None:  # fmt: skip
    """`widgets` in reading order, `landscape` (or `portrait`) of them to a row. In
    portrait the columns share the width evenly; in landscape each is as wide as what
    it holds (an even share of a tight row would cut the longer labels short)."""
    count = 0
    for i, widget in enumerate(widgets):
        grid.place(widget, divmod(i, landscape), divmod(i, portrait))
        count += 1
    grid.column_stretches({}, {c: 1 for c in range(min(count, portrait))})


def reflowing(splitter: QSplitter) -> QSplitter:
    """Mark `splitter` to split side by side in landscape, one above the other in
    portrait."""
    splitter.setProperty("reflow", True)
    return splitter


def orient(root: QWidget, portrait: bool) -> None:
    """Every reflowing layout (and splitter) under `root` to portrait (or landscape)."""
    for layout in root.findChildren(QLayout):
        if isinstance(layout, ReflowBox | ReflowGrid):
            layout.set_portrait(portrait)
    for splitter in root.findChildren(QSplitter):
        if splitter.property("reflow"):
            splitter.setOrientation(Qt.Orientation.Vertical if portrait
                                    else Qt.Orientation.Horizontal)  # fmt: skip
