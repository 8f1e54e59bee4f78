"""Bilingual text for the layers below Qt.

The GUI translates its own widgets with Qt's translation system; the domain, the
ledger and the CLI cannot use Qt, so their messages carry both languages here and
the caller picks one. Every message exists in both languages by construction.
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("en", "zh_CN")


def normalise_lang(lang: str | None) -> str:
    """Map a locale name (`zh_CN.UTF-8`, `zh`, `en_GB`) to one of LANGUAGES."""
    if lang and lang.lower().replace("-", "_").startswith("zh"):
        return "zh_CN"
    return "en"


def system_lang() -> str:
    """The language the user's environment asks for (LC_ALL, LC_MESSAGES, LANG)."""
    for var in ("GATEKEEPER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return normalise_lang(value)
    loc = locale.getlocale()[0]
    return normalise_lang(loc)


@dataclass(frozen=True)
class Text:
    """One message in both languages; `{name}` placeholders are filled by `format`.

    `format` is for a template (a catalogue entry), filled once. A filled message
    (`messages.filled`), a value (`Text.same`) or a text from a file (the policy's) is
    shown with `pick`: its braces are text, and formatting it again would read a typed
    "建设{一}" as a field to fill (KeyError, ValueError, IndexError)."""

    en: str
    zh_CN: str

    @classmethod
    def same(cls, value: str) -> Text:
        """A value that reads the same in both languages (a name, a place typed once, an id):
        not a translation, so it belongs in no catalogue. Bilingual wording lives in
        `gatekeeper.domain.messages`, never in a `Text(...)` written in the code."""
        return cls(value, value)

    def pick(self, lang: str = "en") -> str:
        """The text in `lang` as it stands (a filled message, or a value: no `{}` parsing)."""
        return self.zh_CN if normalise_lang(lang) == "zh_CN" else self.en

    def format(self, lang: str = "en", **params: Any) -> str:
        return self.pick(lang).format(**params)


@dataclass
class LocalizedError(Exception):
    """An error a person will read: a stable code, the values, and the text in both languages."""

    code: str
    text: Text
    params: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        params = {k: v.pick(lang) if isinstance(v, Text) else v for k, v in self.params.items()}
        return self.text.format(lang, **params)

    def __str__(self) -> str:
        return self.message("en")
