"""Printable reports (PDF) drawn with Qt's own printing: the daily ledger report and
the inspection report. Above `services` (it reads their data), below `ui` (no widget):
the CLI prints them without a window, the GUI's export dialog calls the same code.
"""
