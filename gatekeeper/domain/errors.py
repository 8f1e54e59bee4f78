"""The errors a person at the gate (or a site manager editing the policy) will read.

Each carries a stable code (a catalogue key in `messages`) and its parameters, so the
message comes out in the reader's language and says what is wrong and what to do.
"""

from __future__ import annotations

from typing import Any

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError


class _CatalogueError(LocalizedError):
    """A LocalizedError whose text comes from the catalogue and whose params are localised."""

    def __init__(self, code: str, params: dict[str, Any] | None = None) -> None:
        LocalizedError.__init__(self, code, messages.entry(code), dict(params or {}))

    def message(self, lang: str = "en") -> str:
        params = {k: messages.localise(v, lang) for k, v in self._all_params().items()}
        return self.text.format(lang, **params)

    def _all_params(self) -> dict[str, Any]:
        return self.params

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.__dict__.copy()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {self.params!r})"


def _rebuild(cls: type[_CatalogueError], state: dict[str, Any]) -> _CatalogueError:
    err = cls.__new__(cls)
    err.__dict__.update(state)
    Exception.__init__(err, err.message("en"))
    return err


class ValidationError(_CatalogueError):
    """An input the person or staff typed is wrong; `field` names the input to fix."""

    def __init__(self, code: str, field: str, params: dict[str, Any] | None = None) -> None:
        self.field = field
        _CatalogueError.__init__(self, code, params)

    def _all_params(self) -> dict[str, Any]:
        label = messages.CATALOGUE.get(f"field.{self.field}")
        return {"field_label": label if label is not None else self.field, **self.params}

    def __repr__(self) -> str:
        return f"ValidationError({self.code!r}, field={self.field!r}, params={self.params!r})"


class StepOrderError(_CatalogueError):
    """A step was called when it is not the current one, or after the screening ended."""


class QuarantineError(_CatalogueError):
    """A quarantine case was changed in a way its lifecycle forbids (e.g. released twice)."""


class PolicyError(_CatalogueError):
    """The policy file is wrong; `key` is the dotted key at fault ("" for the whole file)."""

    def __init__(
        self,
        code: str,
        key: str = "",
        params: dict[str, Any] | None = None,
        line: int | None = None,
    ) -> None:
        self.key = key
        self.line = line
        self.problem = code.removeprefix("policy.")
        _CatalogueError.__init__(self, code, {"key": key, **(params or {})})

    def __repr__(self) -> str:
        return f"PolicyError({self.code!r}, key={self.key!r}, params={self.params!r})"
