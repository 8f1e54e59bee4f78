"""Whether everything on screen fits: every visible widget inside its window and inside
its parent, with room for its text (a plain module: test basenames must stay unique).

The screen sizes GateKeeper supports, and the window each gives: in kiosk mode the
window is the whole screen; windowed, the desktop's panel and the window's title bar
take their share (`CHROME`)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QWidget,
)

LANDSCAPE = ((1024, 768), (1280, 800), (1366, 768), (1920, 1080))
PORTRAIT = ((1080, 1920), (800, 1280))
SCREENS = LANDSCAPE + PORTRAIT
# A windowed kiosk loses a taskbar or top panel (about 48 px) and a title bar (about
# 32 px) in height, and the frame's borders in width.
CHROME = QSize(16, 80)


def window_sizes() -> list[tuple[str, QSize, bool]]:
    """(name, window size, kiosk mode) for every supported screen, in kiosk mode (the
    whole screen) and windowed."""
    sizes = []
    for w, h in SCREENS:
        sizes.append((f"{w}x{h} kiosk", QSize(w, h), True))
        sizes.append((f"{w}x{h} windowed", QSize(w, h) - CHROME, False))
    return sizes


def _name(widget: QWidget) -> str:
    parts = []
    node: QWidget | None = widget
    while node is not None and len(parts) < 4:
        parts.append(node.objectName() or type(node).__name__)
        node = node.parentWidget()
    return "/".join(reversed(parts))


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    """Inside a scroll area's viewport (or an item view): scrolled, not clipped."""
    node = widget.parentWidget()
    while node is not None and node is not top:
        if isinstance(node, QAbstractScrollArea):
            return True
        node = node.parentWidget()
    return False


def misfits(top: QWidget) -> list[str]:
    """What does not fit in `top` (a window or a dialog): a visible widget outside it or
    outside its parent, or a label too small for its text. Empty when all fits."""
    problems: list[str] = []
    bounds = top.rect()
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or widget.window() is not top:
            continue
        if _scrolled(widget, top):
            continue
        here = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
        if not bounds.contains(here):
            problems.append(f"{_name(widget)} at {here.getRect()} is outside the window "
                            f"{bounds.getRect()}")
            continue
        parent = widget.parentWidget()
        if parent is not None and not parent.rect().contains(widget.geometry()):
            problems.append(f"{_name(widget)} at {widget.geometry().getRect()} is clipped by "
                            f"its parent {parent.rect().getRect()}")
            continue
        squeezed = _squeezed(widget)
        if squeezed:
            problems.append(f"{_name(widget)} {widget.size().toTuple()} is squeezed below "
                            f"its minimum size {squeezed}")
            continue
        if isinstance(widget, QLabel) and widget.text() and not _label_fits(widget):
            problems.append(f"{_name(widget)} {widget.size().toTuple()} is too small for "
                            f"its text {widget.text()[:40]!r}")
    return problems


def _minimum(widget: QWidget) -> QSize:
    """The smallest size `widget` shows all of itself at: its minimum size hint (what
    its text or contents need) and at least its explicit minimum; nothing for an
    Ignored policy (shortened on purpose). Not the layout's reckoning, which lets an
    explicit minimum (a stylesheet's min-width) undercut the text."""
    hint, explicit, policy = widget.minimumSizeHint(), widget.minimumSize(), widget.sizePolicy()
    ignored = QSizePolicy.Policy.Ignored
    width = 0 if policy.horizontalPolicy() == ignored else max(hint.width(), explicit.width())
    height = 0 if policy.verticalPolicy() == ignored else max(hint.height(), explicit.height())
    return QSize(max(width, 0), max(height, 0))


def _squeezed(widget: QWidget) -> tuple[int, int] | None:
    """The minimum `widget` was squeezed below by a parent too small for its layout.
    Only for widgets without a layout of their own (buttons, labels, fields): what a
    container needs at least includes its hidden pages (a QStackedWidget's), and a
    container squeezed for real squeezes what it holds."""
    if widget.layout() is not None:
        return None
    minimum = _minimum(widget)
    if widget.width() + 1 < minimum.width() or widget.height() + 1 < minimum.height():
        return minimum.toTuple()
    return None


def _label_fits(label: QLabel) -> bool:
    if label.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored:
        return True  # shortened on purpose (the step chips: the tooltip has the name)
    if label.wordWrap():
        return label.height() + 1 >= label.heightForWidth(label.width())
    hint = label.minimumSizeHint()
    return label.width() + 1 >= hint.width() and label.height() + 1 >= hint.height()


TARGETS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


def small_targets(top: QWidget, touch: int) -> list[str]:
    """Every visible thing in `top` that can be touched (a button, a field, a list, a
    table's rows) and is less than `touch` pixels high or wide."""
    problems: list[str] = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not top or _scrolled(widget, top):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            continue  # the field inside a combo box or a date field: the whole is the target
        if isinstance(widget, TARGETS) and (widget.height() < touch or widget.width() < touch):
            problems.append(f"{_name(widget)} is {widget.size().toTuple()}, under {touch} px")
        if isinstance(widget, QTableView):
            row = widget.verticalHeader().defaultSectionSize()
            if row < touch:
                problems.append(f"{_name(widget)} has rows of {row} px, under {touch} px")
    return problems
