"""Render the start screen in each language to docs/screenshots/ (off screen, 1280x800).

    .venv/bin/python packaging/screenshots.py [--out DIR]

The figures are a plausible day at the gate, not read from any ledger.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)
LANGS = ("en", "zh_CN")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)

    # Set before Qt starts: a screenshot needs no screen.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from gatekeeper.services.figures import DayStats
    from gatekeeper.ui import theme
    from gatekeeper.ui.main_window import MainWindow
    from gatekeeper.ui.translations import (
        LanguageSwitcher,
        default_resources_dir,
        ensure_compiled,
    )

    app = QApplication(sys.argv[:1])
    app.setFont(theme.base_font())
    resources = default_resources_dir()
    ensure_compiled(resources)
    languages = LanguageSwitcher(app, resources / "i18n")
    day = DayStats(
        date="2020-03-02",
        admitted=148,
        turned_away=3,
        turned_away_by_reason={"no_certificate": 3},
        quarantined=1,
        in_quarantine=2,
    )
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        if not languages.set_language(lang):
            raise SystemExit(f"no translations for {lang}")
        window = MainWindow(languages, lambda: day, db_path=Path("gatekeeper.db"))
        window.resize(*SIZE)
        window.show()
        app.processEvents()
        path = args.out / f"start-{lang}.png"
        if not window.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        print(f"wrote {path}")
        window.close()
    languages.set_language("en")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
