"""The kiosk's look, in one place: colours, spacing, font sizes and the stylesheet built from them.

The gate is read standing, from about a metre away, often in daylight and by people
in gloves: dark text on a light ground, large type, few colours that each mean one
thing, and touch targets of at least 9 mm.

Widgets never hard-code a colour or a size: they set an object name or a ``role``
property and the stylesheet below styles it. Sizes a layout needs (margins, minimum
heights) come from the constants here.

Every screen shape: the sizes below are the design for a 1280x800 window. `metrics_for`
turns a window's size and its screen's logical DPI into `Metrics` (a scale for type,
padding and button sizes, the touch target in pixels, and whether the window stands
portrait); `apply` styles a window with them, and the main window applies them again
whenever its size calls for other metrics (`MainWindow.resizeEvent`). Layouts that
reflow for portrait are `reflow.ReflowBox` and `reflow.ReflowGrid`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTableView, QWidget

# --- fonts -----------------------------------------------------------------------------

# Chinese first: a CJK font also carries Latin glyphs, the reverse is not true, and one
# family for both languages keeps the baseline and weight consistent when they mix.
FONT_FAMILIES: tuple[str, ...] = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans",
    "DejaVu Sans",
)

# Pixel sizes (not points): the kiosk screen is known, and px keeps them exact.
FONT_BODY = 20
FONT_SMALL = 17
FONT_NOTICE = 19
FONT_BUTTON = 30
FONT_BUTTON_DETAIL = 17
FONT_TITLE = 40
FONT_SUBTITLE = 22
FONT_FIGURE = 52
FONT_FIGURE_LABEL = 19

# --- spacing and sizes -----------------------------------------------------------------

SPACE_XS = 4
SPACE_S = 8
SPACE_M = 16
SPACE_L = 24
SPACE_XL = 40

RADIUS = 10
TOUCH_MIN = 48  # the smallest height anything you can touch may have
CHANNEL_BUTTON_HEIGHT = 112
# The digit keypad's keys: well above TOUCH_MIN, for gloved fingers; each holder's height.
KEY_WIDTH = 96
KEY_HEIGHTS = {"pinDialog": 72, "signInDialog": 56, "managerAccounts": 64}
HEADER_PAD = 6  # above and below the header's buttons: 64 px in all at 1280x800

# --- colours ---------------------------------------------------------------------------
# Contrast: every text colour below on its background is above WCAG AA (4.5:1), most
# above AAA (7:1).

BACKGROUND = "#F3F5F4"
SURFACE = "#FFFFFF"
BORDER = "#C9D1CD"
TEXT = "#15201B"
TEXT_MUTED = "#44514B"
HEADER_BG = "#15352A"
HEADER_TEXT = "#FFFFFF"

# The three channels: each its own calm, dark colour, white text on it.
CHANNEL_COLOURS: dict[str, str] = {
    "worker": "#1D5C45",  # deep green
    "visitor": "#1F4E79",  # deep blue
    "vehicle": "#6B4A12",  # deep ochre
}
CHANNEL_TEXT = "#FFFFFF"

# Outcomes, as the figures strip and later the outcome screen show them.
ADMITTED = "#1B6E3A"
TURNED_AWAY = "#9A4A00"
QUARANTINED = "#A3231A"
IN_QUARANTINE = "#5B2F86"

NOTICE_BG = "#FFF4D6"
NOTICE_BORDER = "#B7791F"
NOTICE_TEXT = "#3D2A00"

FOCUS = "#0B63CE"

# The outcome screen: one full-screen colour per outcome, white text on it.
OUTCOME_BG: dict[str, str] = {
    "admitted": "#1B6E3A",  # green
    "turned_away": "#A3231A",  # red
    "quarantined": "#B8860B",  # amber (dark text on it)
    "abandoned": "#4A5550",  # grey
}
OUTCOME_TEXT: dict[str, str] = {
    "admitted": "#FFFFFF",
    "turned_away": "#FFFFFF",
    "quarantined": "#1A1300",
    "abandoned": "#FFFFFF",
}
ERROR_TEXT = "#A3231A"
PRIMARY = "#1D5C45"
FONT_PAGE_TITLE = 32
FONT_INPUT = 24
FONT_BIG_INPUT = 34
FONT_OUTCOME_HEADLINE = 96
FONT_OUTCOME_BIG = 56
FONT_OUTCOME_TEXT = 26
FONT_CHART = 14  # axis labels of the dashboard's chart
FONT_FIGURE_COMPACT = 34  # the manager dashboard's figures: many things share the screen
HEADER_MUTED = "#8FB3A4"  # the discreet manager button's border on the header
SELECTION = "#CFE3F7"


# --- every screen shape ------------------------------------------------------------------

# The window the sizes above are made for: 1280x800; a portrait window (a totem) is
# narrow for what a page puts side by side, so there the design is 864 wide.
DESIGN = {False: (1280, 800), True: (864, 1280)}
SCALE_MIN, SCALE_MAX, SCALE_STEP = 0.8, 1.6, 0.05
TOUCH_MM = 9.0  # the smallest touch target, physically (a gloved fingertip)
TOUCH_FLOOR = 44  # and never fewer pixels than this, whatever the screen says its DPI is
MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Metrics:
    """The sizes for one window: `scale` times the design sizes, the touch target."""

    scale: float = 1.0
    portrait: bool = False
    dpi: float = 96.0  # the screen's logical DPI

    def px(self, size: int) -> int:
        """A design size (pixels at 1280x800) for this window."""
        return max(1, round(size * self.scale))

    @property
    def touch(self) -> int:
        """The smallest height (and width) of anything that can be touched, in pixels:
        at least `TOUCH_MM` on this screen, `TOUCH_FLOOR`, and the scaled design size."""
        physical = math.ceil(TOUCH_MM / MM_PER_INCH * self.dpi)
        return max(TOUCH_FLOOR, physical, self.px(TOUCH_MIN))


DEFAULT_METRICS = Metrics()


def metrics_for(width: int, height: int, dpi: float = 96.0) -> Metrics:
    """The metrics of a `width` x `height` window on a screen of `dpi` logical DPI.

    The scale is how much bigger the window is than the design (1280x800, or 864x1280
    for a window taller than wide, whose pages reflow to portrait), measured along both
    sides, rounded down to a step of 0.05 so that a window being resized restyles only
    now and then, and kept within 0.8–1.6: 1920x1080 gets 1.35, a 1080x1920 totem 1.25,
    1024x768 0.8.
    """
    portrait = height > width
    design_width, design_height = DESIGN[portrait]
    raw = min(width / design_width, height / design_height)
    steps = math.floor(raw / SCALE_STEP + 1e-9)
    scale = min(SCALE_MAX, max(SCALE_MIN, round(steps * SCALE_STEP, 2)))
    return Metrics(scale=scale, portrait=portrait, dpi=dpi)


def base_font(metrics: Metrics = DEFAULT_METRICS) -> QFont:
    """The application font: the CJK-capable family list at body size."""
    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setPixelSize(metrics.px(FONT_BODY))
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


def stylesheet(metrics: Metrics = DEFAULT_METRICS) -> str:
    """The kiosk's Qt stylesheet, built from the constants above at `metrics`' scale."""
    s = metrics.px
    touch = metrics.touch
    channel_rules = "\n".join(
        f"""
QPushButton[role="channel"][channel="{name}"] {{ background: {colour}; border-color: {colour}; }}
QPushButton[role="channel"][channel="{name}"]:pressed {{ background: {TEXT}; }}"""
        for name, colour in CHANNEL_COLOURS.items()
    )
    figure_rules = "\n".join(
        f'QLabel[role="figure-value"][outcome="{name}"] {{ color: {colour}; }}\n'
        f'QFrame[role="figure"][outcome="{name}"] {{ border-top: 6px solid {colour}; }}'
        for name, colour in {
            "admitted": ADMITTED,
            "turned_away": TURNED_AWAY,
            "quarantined": QUARANTINED,
            "in_quarantine": IN_QUARANTINE,
        }.items()
    )
    key_rules = "\n".join(
        f'#{holder} QPushButton[role="pin-key"] {{ min-width: {max(touch, s(KEY_WIDTH))}px; '
        f"min-height: {max(touch, s(height))}px; }}"
        for holder, height in KEY_HEIGHTS.items()
    )
    outcome_rules = "\n".join(
        f'QWidget#page_outcome[outcome="{name}"] {{ background: {colour}; }}\n'
        f'QWidget#page_outcome[outcome="{name}"] QLabel {{ color: {OUTCOME_TEXT[name]}; }}'
        for name, colour in OUTCOME_BG.items()
    )
    return f"""
QWidget {{ font-size: {s(FONT_BODY)}px; }}
QMainWindow, QStackedWidget, QWidget#startScreen, QWidget[role="page"] {{
    background: {BACKGROUND};
    color: {TEXT};
}}
QLabel {{ color: {TEXT}; font-size: {s(FONT_BODY)}px; }}

QFrame#header {{ background: {HEADER_BG}; }}
QLabel#headerTitle {{ color: {HEADER_TEXT}; font-size: {s(FONT_SUBTITLE)}px; font-weight: bold; }}
QLabel#syncStatus {{ color: {HEADER_MUTED}; font-size: {s(FONT_BODY)}px; }}
QLabel#syncStatus[alert="true"] {{
    color: {NOTICE_TEXT}; background: {NOTICE_BG}; border-radius: {s(RADIUS)}px;
}}
QPushButton#languageButton {{
    color: {HEADER_TEXT}; background: transparent;
    border: 2px solid {HEADER_TEXT}; border-radius: {s(RADIUS)}px;
    font-size: {s(FONT_BODY)}px; min-height: {touch}px; min-width: {s(120)}px;
    padding: 0 {s(SPACE_M)}px;
}}
QPushButton#languageButton:pressed {{ background: {TEXT}; }}

QLabel#appTitle {{ font-size: {s(FONT_TITLE)}px; font-weight: bold; color: {TEXT}; }}
QLabel#appSubtitle {{ font-size: {s(FONT_SUBTITLE)}px; color: {TEXT_MUTED}; }}
QLabel#sectionLabel {{ font-size: {s(FONT_SUBTITLE)}px; color: {TEXT_MUTED}; }}

QPushButton[role="channel"] {{
    color: {CHANNEL_TEXT};
    border: 3px solid; border-radius: {s(RADIUS)}px;
    min-height: {s(CHANNEL_BUTTON_HEIGHT)}px;
    padding: {s(SPACE_M)}px;
}}
QPushButton[role="channel"]:focus {{ border-color: {FOCUS}; }}
QLabel[role="channel-title"] {{
    color: {CHANNEL_TEXT}; font-size: {s(FONT_BUTTON)}px; font-weight: bold;
}}
QLabel[role="channel-detail"] {{ color: {CHANNEL_TEXT}; font-size: {s(FONT_BUTTON_DETAIL)}px; }}
{channel_rules}

QPushButton#returningButton {{
    color: {TEXT}; background: {SURFACE};
    border: 2px dashed {TEXT_MUTED}; border-radius: {s(RADIUS)}px;
    font-size: {s(FONT_SUBTITLE)}px; min-height: {touch + s(SPACE_M)}px;
    padding: 0 {s(SPACE_L)}px;
}}
QPushButton#returningButton:pressed {{ background: {BORDER}; }}
QPushButton#returningButton:focus {{ border-color: {FOCUS}; }}

QFrame#figuresStrip {{ background: transparent; }}
QFrame[role="figure"] {{
    background: {SURFACE}; border: 1px solid {BORDER};
    border-bottom-left-radius: {s(RADIUS)}px; border-bottom-right-radius: {s(RADIUS)}px;
}}
QLabel[role="figure-value"] {{ font-size: {s(FONT_FIGURE)}px; font-weight: bold; }}
QLabel[role="figure-label"] {{ font-size: {s(FONT_FIGURE_LABEL)}px; color: {TEXT_MUTED}; }}
{figure_rules}

QFrame#noticeBanner {{
    background: {NOTICE_BG}; border: 2px solid {NOTICE_BORDER}; border-radius: {s(RADIUS)}px;
}}
QLabel#noticeText {{ color: {NOTICE_TEXT}; font-size: {s(FONT_NOTICE)}px; font-weight: bold; }}
QPushButton#noticeDismiss {{
    color: {NOTICE_TEXT}; background: {SURFACE};
    border: none; border-left: 2px solid {NOTICE_BORDER};
    border-top-right-radius: {s(RADIUS) - 2}px; border-bottom-right-radius: {s(RADIUS) - 2}px;
    font-size: {s(FONT_BODY)}px; min-height: {touch}px; min-width: {s(96)}px;
    padding: 0 {s(SPACE_M)}px;
}}
QPushButton#noticeDismiss:pressed {{ background: {NOTICE_BORDER}; }}

QPushButton#exitCorner {{ background: transparent; border: none;
    min-width: {touch}px; max-width: {touch}px; min-height: {touch}px; max-height: {touch}px; }}

QLabel#pageTitle {{ font-size: {s(FONT_PAGE_TITLE)}px; font-weight: bold; }}
QLabel#pageSubtitle, QLabel#pagePrompt {{ font-size: {s(FONT_SUBTITLE)}px; color: {TEXT_MUTED}; }}
QLabel#pageInfo, QLabel#passKeyMissing {{
    background: {NOTICE_BG}; border: 2px solid {NOTICE_BORDER}; border-radius: {s(RADIUS)}px;
    color: {NOTICE_TEXT}; font-size: {s(FONT_NOTICE)}px; font-weight: bold; padding: {s(SPACE_S)}px;
}}
QLabel#pageInfo[outcome="quarantined"] {{ background: {OUTCOME_BG["quarantined"]};
    color: {OUTCOME_TEXT["quarantined"]}; border-color: {OUTCOME_BG["quarantined"]}; }}
QLabel[role="step-chip"] {{
    font-size: {s(FONT_SMALL)}px; padding: {s(SPACE_XS)}px; border-radius: {s(RADIUS)}px;
    background: {SURFACE}; color: {TEXT_MUTED}; border: 1px solid {BORDER};
}}
QLabel[role="step-chip"][state="done"] {{ background: #DDEEE5; color: {ADMITTED}; }}
QLabel[role="step-chip"][state="current"] {{
    background: {PRIMARY}; color: #FFFFFF; font-weight: bold; border-color: {PRIMARY};
}}
QLabel[role="field-caption"] {{ font-size: {s(FONT_BODY)}px; color: {TEXT_MUTED}; }}
QLabel[role="field-error"] {{ font-size: {s(FONT_NOTICE)}px; color: {ERROR_TEXT};
    font-weight: bold; }}
QLineEdit, QComboBox {{
    font-size: {s(FONT_INPUT)}px; background: {SURFACE}; color: {TEXT};
    border: 2px solid {BORDER}; border-radius: {s(RADIUS)}px; padding: 0 {s(SPACE_S)}px;
    min-height: {touch}px;
}}
QLineEdit:focus, QComboBox:focus {{ border-color: {FOCUS}; }}
QDateEdit, QSpinBox {{ min-height: {touch}px; }}
QLineEdit:disabled {{ background: {BACKGROUND}; color: {TEXT_MUTED}; }}
QLineEdit[role="big-input"] {{ font-size: {s(FONT_BIG_INPUT)}px; }}
QCheckBox {{ font-size: {s(FONT_SUBTITLE)}px; spacing: {s(SPACE_M)}px; min-height: {touch}px; }}
QCheckBox::indicator {{ width: {s(32)}px; height: {s(32)}px; }}
QCheckBox:focus {{ color: {FOCUS}; }}
QPushButton[role="primary"], QPushButton[role="secondary"], QPushButton[role="danger"],
QPushButton[role="choice"] {{
    font-size: {s(FONT_SUBTITLE)}px; border-radius: {s(RADIUS)}px; padding: 0 {s(SPACE_L)}px;
    min-height: {touch + s(SPACE_S)}px; border: 2px solid {BORDER};
    background: {SURFACE}; color: {TEXT};
}}
QPushButton[role="primary"] {{ background: {PRIMARY}; border-color: {PRIMARY}; color: #FFFFFF;
    font-weight: bold; min-width: {s(220)}px; }}
QPushButton[role="danger"] {{ color: {ERROR_TEXT}; border-color: {ERROR_TEXT}; }}
QPushButton[role="choice"]:checked {{ background: {PRIMARY}; border-color: {PRIMARY};
    color: #FFFFFF; font-weight: bold; }}
QPushButton[role="primary"]:focus, QPushButton[role="secondary"]:focus,
QPushButton[role="danger"]:focus, QPushButton[role="choice"]:focus {{
    border: 3px solid {FOCUS}; }}
QPushButton:pressed {{ background: {BORDER}; }}
QLabel#temperatureVerdict {{ font-size: {s(FONT_SUBTITLE)}px; font-weight: bold;
    padding: {s(SPACE_S)}px; border-radius: {s(RADIUS)}px; background: {NOTICE_BG};
    color: {NOTICE_TEXT}; }}
QLabel#restCountdown {{ font-size: {s(FONT_FIGURE)}px; font-weight: bold; color: {TURNED_AWAY}; }}
QFrame#cameraPlaceholder {{ background: #26302C; border-radius: {s(RADIUS)}px; }}
QLabel#cameraHint {{ color: #D9E2DE; font-size: {s(FONT_BODY)}px; }}
QFrame#cameraPlaceholder QLabel {{ color: #D9E2DE; font-size: {s(FONT_BODY)}px; }}
QLabel#scanRead {{ font-size: {s(FONT_BODY)}px; font-weight: bold; }}
QLabel[role="scan-name"] {{ font-size: {s(FONT_SUBTITLE)}px; }}
QLabel[role="scan-status"] {{ font-size: {s(FONT_SUBTITLE)}px; font-weight: bold;
    color: {TEXT_MUTED}; }}
QLabel[role="scan-status"][status="ok"] {{ color: {ADMITTED}; }}
QLabel[role="scan-status"][status="unreadable"], QLabel[role="scan-status"][status="forged"] {{
    color: {TURNED_AWAY}; }}
QLabel[role="pledge-text"], QLabel[role="notice-body"] {{ font-size: {s(FONT_BODY)}px; }}
QLabel[role="notice-body"] {{ background: {SURFACE}; border: 1px solid {BORDER};
    border-radius: {s(RADIUS)}px; padding: {s(SPACE_M)}px; font-size: {s(FONT_SUBTITLE)}px; }}
QLabel[role="person-line"] {{ font-size: {s(FONT_SUBTITLE)}px; padding: {s(SPACE_S)}px;
    background: {SURFACE}; border-left: 6px solid {BORDER}; }}
QLabel[role="person-line"][outcome="admitted"] {{ border-left-color: {ADMITTED}; }}
QLabel[role="person-line"][outcome="quarantined"] {{
    border-left-color: {OUTCOME_BG["quarantined"]}; }}
QLabel[role="person-line"][outcome="turned_away"] {{ border-left-color: {QUARANTINED}; }}
QLabel#outcomeHeadline {{ font-size: {s(FONT_OUTCOME_HEADLINE)}px; font-weight: bold; }}
QLabel#outcomeBig {{ font-size: {s(FONT_OUTCOME_BIG)}px; font-weight: bold; }}
QLabel#outcomeMessage, QLabel#outcomeContact, QLabel[role="outcome-text"] {{
    font-size: {s(FONT_OUTCOME_TEXT)}px; }}
QLabel#outcomeBig {{ font-size: {s(FONT_OUTCOME_BIG)}px; font-weight: bold; }}
QLabel#outcomeHeadline {{ font-size: {s(FONT_OUTCOME_HEADLINE)}px; font-weight: bold; }}
QLabel#outcomeHint {{ font-size: {s(FONT_BODY)}px; }}
QDialog {{ background: {SURFACE}; font-size: {s(FONT_BODY)}px; }}
QLabel#questionText {{ font-size: {s(FONT_SUBTITLE)}px; }}
QDialog QPushButton {{ font-size: {s(FONT_SUBTITLE)}px; padding: 0 {s(SPACE_L)}px;
    min-height: {touch}px; }}
{outcome_rules}

QPushButton#managerButton {{
    color: {HEADER_TEXT}; background: transparent;
    border: 1px solid {HEADER_MUTED}; border-radius: {s(RADIUS)}px;
    font-size: {s(FONT_SMALL)}px; min-height: {touch}px; min-width: {s(96)}px;
    padding: 0 {s(SPACE_M)}px;
}}
QPushButton#managerButton:pressed {{ background: {TEXT}; }}
QFrame#managerBar {{ background: {SURFACE}; border-bottom: 1px solid {BORDER}; }}
/* seven pages, export and sign-out share the bar: narrower padding keeps it in 1280 px */
QFrame#managerBar QPushButton[role="choice"] {{
    padding: 0 {s(SPACE_XS)}px; font-size: {s(FONT_BODY)}px; min-width: {touch}px; }}
QLabel#managerTitle {{ font-size: {s(FONT_SUBTITLE)}px; font-weight: bold; color: {PRIMARY}; }}
QLabel[role="section"] {{ font-size: {s(FONT_BODY)}px; font-weight: bold; color: {TEXT_MUTED}; }}
QFrame[compact="true"] QLabel[role="figure-value"] {{ font-size: {s(FONT_FIGURE_COMPACT)}px; }}
QLabel[role="figure-value"][outcome="on_site"] {{ color: {PRIMARY}; }}
QFrame[role="figure"][outcome="on_site"] {{ border-top: 6px solid {PRIMARY}; }}
QTableWidget, QListWidget {{
    background: {SURFACE}; alternate-background-color: {BACKGROUND}; color: {TEXT};
    border: 1px solid {BORDER}; border-radius: {s(RADIUS)}px; font-size: {s(FONT_BODY)}px;
    selection-background-color: {SELECTION}; selection-color: {TEXT};
}}
QListWidget::item {{ padding: {s(SPACE_XS)}px {s(SPACE_S)}px; border-bottom: 1px solid {BORDER}; }}
QHeaderView::section {{
    background: {BACKGROUND}; color: {TEXT_MUTED}; font-size: {s(FONT_SMALL)}px;
    border: none; border-bottom: 1px solid {BORDER}; padding: {s(SPACE_XS)}px;
}}
QLabel[role="field-note"] {{ font-size: {s(FONT_NOTICE)}px; font-weight: bold; color: {ADMITTED};
    background: #DDEEE5; border-radius: {s(RADIUS)}px; padding: {s(SPACE_S)}px; }}
QLabel[role="field-note"][warn="true"] {{ color: {OUTCOME_TEXT["quarantined"]};
    background: {OUTCOME_BG["quarantined"]}; }}
QLabel#roundPerson, QLabel#casePerson {{ font-size: {s(FONT_SUBTITLE)}px; font-weight: bold; }}
QLabel#caseFacts[warn="true"] {{ color: {ERROR_TEXT}; font-weight: bold; }}
QPushButton[done="true"]:disabled {{ color: {ADMITTED}; background: #DDEEE5;
    border-color: #DDEEE5; }}
QPushButton[role="secondary"]:disabled {{ color: {TEXT_MUTED}; }}
QPushButton[compact="true"] {{ font-size: {s(FONT_SMALL)}px; padding: 0 {s(SPACE_S)}px; }}

/* the digit keypad and its dialogs: the kiosk PIN, the console's sign-in, accounts */
QDialog#pinDialog, QDialog#signInDialog {{ background: {BACKGROUND}; }}
QLabel#pinTitle {{ font-size: {s(FONT_SUBTITLE)}px; font-weight: bold; color: {TEXT}; }}
QLabel#pinMessage {{ font-size: {s(FONT_BODY)}px; color: {QUARANTINED}; }}
QLineEdit#pinEdit {{
    font-size: {s(FONT_TITLE)}px; min-height: {touch + s(SPACE_M)}px;
    background: {SURFACE}; color: {TEXT};
    border: 2px solid {BORDER}; border-radius: {s(RADIUS)}px;
    padding: 0 {s(SPACE_M)}px;
}}
QLineEdit#pinEdit:focus {{ border-color: {FOCUS}; }}
QPushButton[role="pin-key"] {{
    font-size: {s(FONT_BUTTON)}px; color: {TEXT}; background: {SURFACE};
    border: 2px solid {BORDER}; border-radius: {s(RADIUS)}px; padding: 0;
}}
{key_rules}
QPushButton[role="pin-key"][key="clear"], QPushButton[role="pin-key"][key="back"] {{
    font-size: {s(FONT_SMALL)}px; color: {TEXT_MUTED};
}}
QPushButton[role="pin-key"]:pressed {{ background: {BORDER}; }}
QPushButton[role="pin-action"] {{
    font-size: {s(FONT_SUBTITLE)}px; min-height: {touch + s(SPACE_S)}px;
    min-width: {s(140)}px; border-radius: {s(RADIUS)}px; padding: 0 {s(SPACE_L)}px;
    color: {TEXT}; background: {SURFACE}; border: 2px solid {BORDER};
}}
QPushButton#pinOk {{ color: {HEADER_TEXT}; background: {HEADER_BG};
    border-color: {HEADER_BG}; }}
QPushButton#pinOk:disabled {{ background: {BORDER}; border-color: {BORDER}; }}
QLineEdit[role="sign-in-field"] {{
    font-size: {s(FONT_SUBTITLE)}px; min-height: {touch}px;
    background: {SURFACE}; color: {TEXT};
    border: 2px solid {BORDER}; border-radius: {s(RADIUS)}px;
    padding: 0 {s(SPACE_M)}px;
}}
QLineEdit[role="sign-in-field"]:focus {{ border-color: {FOCUS}; }}
QLabel[role="sign-in-label"] {{ font-size: {s(FONT_BODY)}px; color: {TEXT_MUTED}; }}
"""


def apply(widget: QWidget, metrics: Metrics = DEFAULT_METRICS) -> None:
    """Give `widget` (normally the main window) and everything inside it the kiosk's look
    at `metrics`: the font, the stylesheet, and table rows as tall as a touch target."""
    widget.setFont(base_font(metrics))
    widget.setStyleSheet(stylesheet(metrics))
    size_rows(widget, metrics)


def size_rows(root: QWidget, metrics: Metrics) -> None:
    """Every table's rows under `root` as tall as a touch target (rows are touched)."""
    for table in root.findChildren(QTableView):
        table.verticalHeader().setDefaultSectionSize(metrics.touch)
