"""The GUI's translations: Qt Linguist files compiled and loaded at run time.

Source strings are English, in the code (``QCoreApplication.translate(context, text)``).
``resources/i18n/gatekeeper_<lang>.ts`` holds the other languages; it is kept up to date
with ``pyside6-lupdate`` (``python -m gatekeeper.ui.translations --update``) and edited
with Qt Linguist or by hand. The compiled ``.qm`` files are build products (gitignored):
``ensure_compiled`` runs ``pyside6-lrelease`` when one is missing or older than its
``.ts``; ``python -m gatekeeper.ui.translations`` does that from the command line.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QObject,
    QTranslator,
    Signal,
)

from gatekeeper.domain.i18n import LANGUAGES, normalise_lang
from gatekeeper.resources import resources_dir

log = logging.getLogger(__name__)

SOURCE_LANG = "en"  # the language of the strings in the code: needs no translator
CATALOGUE = "gatekeeper"  # resources/i18n/gatekeeper_<lang>.ts


def default_resources_dir() -> Path:
    """``resources/``: the repository's, or the bundled copy in the packaged app."""
    return resources_dir()


def _tool(name: str) -> list[str]:
    """The command line for a Qt Linguist tool shipped with PySide6 (lupdate, lrelease)."""
    beside_python = Path(sys.executable).parent / f"pyside6-{name}"
    if beside_python.exists():
        return [str(beside_python)]
    on_path = shutil.which(f"pyside6-{name}")
    if on_path:
        return [on_path]
    # The wheels carry the binaries themselves; this is what the pyside6-* wrappers run.
    import PySide6

    return [str(Path(PySide6.__file__).resolve().parent / name)]


def ts_files(resources_dir: Path) -> list[Path]:
    return sorted((resources_dir / "i18n").glob(f"{CATALOGUE}_*.ts"))


def ensure_compiled(resources_dir: Path) -> list[Path]:
    """Compile every ``i18n/*.ts`` under `resources_dir` whose ``.qm`` is missing or stale.

    Returns the ``.qm`` files it (re)built; raises ``subprocess.CalledProcessError`` if
    lrelease fails (a broken ``.ts`` should stop ``make setup``, not ship silently).
    """
    built = []
    for ts in ts_files(resources_dir):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run(
            [*_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
            text=True,
        )
        built.append(qm)
    return built


def update_sources(resources_dir: Path, sources: list[Path]) -> None:
    """Refresh the ``.ts`` files from `sources` (new strings added, translations kept)."""
    for ts in ts_files(resources_dir):
        subprocess.run(
            [*_tool("lupdate"), "-no-obsolete", *map(str, sources), "-ts", str(ts)],
            check=True,
        )


def ui_sources() -> list[Path]:
    """The Python files whose strings go into the catalogue (the steps and widgets too)."""
    return sorted(Path(__file__).resolve().parent.rglob("*.py"))


LANG_PROPERTY = "gatekeeperLanguage"


def current_lang() -> str:
    """The language the screen speaks now, for texts that come from the domain's catalogue
    (`messages.text(code, lang)`), so they always match the Qt-translated ones."""
    app = QCoreApplication.instance()
    value = app.property(LANG_PROPERTY) if app is not None else None
    return value if isinstance(value, str) and value in LANGUAGES else SOURCE_LANG


class Retranslating:
    """Mixed in before a Qt widget class (`class Page(Retranslating, QWidget)`): a
    language switch calls `retranslate()`, which puts every text in the new language.
    The one place a widget turns Qt's LanguageChange into that call."""

    def retranslate(self) -> None:
        """Every text of the widget in the current language."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


class LanguageSwitcher(QObject):
    """Installs the translators for one language on the application, and swaps them live.

    Installing or removing a translator makes Qt send ``QEvent.LanguageChange`` to every
    widget; widgets answer with their ``retranslate()``. ``set_language`` delivers those
    events before it returns, so the screen has changed when it emits `language_changed`.
    """

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication, i18n_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._app = app
        self._i18n_dir = i18n_dir
        self._installed: list[QTranslator] = []
        self._language = SOURCE_LANG
        app.setProperty(LANG_PROPERTY, SOURCE_LANG)

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, lang: str) -> bool:
        """Switch to `lang` (any locale name; see `normalise_lang`).

        Returns False, staying on the source language, when the catalogue for `lang`
        cannot be loaded (a missing ``.qm`` is logged: run ``ensure_compiled``).
        """
        lang = normalise_lang(lang)
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language: {lang}")
        if lang == self._language:
            return True
        translators = [] if lang == SOURCE_LANG else self._load(lang)
        ok = lang == SOURCE_LANG or bool(translators)
        self._remove_all()
        for translator in translators:
            self._app.installTranslator(translator)
        self._installed = translators
        self._language = lang if ok else SOURCE_LANG
        self._app.setProperty(LANG_PROPERTY, self._language)
        # Qt posts LanguageChange to the windows; deliver now so the change is complete.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.language_changed.emit(self._language)
        return ok

    def toggle(self) -> None:
        """Between the two languages the gate speaks."""
        self.set_language(SOURCE_LANG if self._language != SOURCE_LANG else "zh_CN")

    def _load(self, lang: str) -> list[QTranslator]:
        ours = QTranslator(self)
        if not ours.load(f"{CATALOGUE}_{lang}", str(self._i18n_dir)):
            log.warning(
                "no compiled translations for %s in %s (run `python -m %s`)",
                lang,
                self._i18n_dir,
                __name__,
            )
            return []
        translators = [ours]
        # Qt's own strings (standard buttons, context menus), when the wheel ships them.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(self)
        if qtbase.load(f"qtbase_{lang}", qt_dir):
            translators.append(qtbase)
        return translators

    def _remove_all(self) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
            translator.deleteLater()
        self._installed = []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gatekeeper.ui.translations",
        description="Compile the GUI translations (.ts -> .qm) where missing or stale.",
    )
    parser.add_argument("--resources", type=Path, default=default_resources_dir())
    parser.add_argument(
        "--update", action="store_true", help="first refresh the .ts files from the UI sources"
    )
    args = parser.parse_args(argv)
    if args.update:
        update_sources(args.resources, ui_sources())
    for qm in ensure_compiled(args.resources):
        print(f"compiled {qm}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
