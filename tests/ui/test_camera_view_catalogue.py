"""The camera's state texts are written once, in the domain catalogue: the preview widget
shows the catalogue's entry in the language the screen speaks (no tr() copies)."""

from __future__ import annotations

from gatekeeper.domain import messages
from gatekeeper.scanner.camera import STATE_TEXT, CameraState
from gatekeeper.ui.camera_view import CameraView
from gatekeeper.ui.translations import LANG_PROPERTY


def test_the_widget_shows_the_catalogue_text_in_the_screen_language(qtbot, qapp) -> None:
    view = CameraView(None)
    qtbot.addWidget(view)
    before = qapp.property(LANG_PROPERTY)
    try:
        for lang in ("en", "zh_CN"):
            qapp.setProperty(LANG_PROPERTY, lang)
            view.start()  # no camera configured
            assert view.message.text() == messages.text("camera.missing", lang)
            view.stop()
            assert view.message.text() == STATE_TEXT[CameraState.STOPPED].pick(lang)
    finally:
        qapp.setProperty(LANG_PROPERTY, before)
