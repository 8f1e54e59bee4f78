"""Qt widgets: they show and collect, and hold no rule."""

from gatekeeper.ui import pyside_workaround

pyside_workaround.apply()  # before any signal is emitted (see the module)
