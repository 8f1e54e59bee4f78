"""What can go wrong with the hub, each readable by a person in English and Chinese.

Exit codes follow the command line's rule: 2 when the hub could not be used (not
reachable, not set up, an insecure or unparseable connection: try again or fix the
set-up; nothing is lost), 1 when the hub's answer is "no" (this kiosk's chain is not
the one the hub holds, a conflicting record, a privilege the role lacks).
"""

from __future__ import annotations

from typing import Any, ClassVar

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError, Text


class HubError(LocalizedError):
    CODE: ClassVar[str] = "hub.unreachable"
    exit_code: ClassVar[int] = 2

    def __init__(self, **params: Any) -> None:
        super().__init__(self.CODE, messages.entry(self.CODE), params)


class HubUnreachableError(HubError):
    CODE = "hub.unreachable"


class InsecureHubError(HubError):
    CODE = "hub.insecure"


class BadDsnError(HubError):
    CODE = "hub.bad_dsn"


class HubNotInitialisedError(HubError):
    CODE = "hub.not_initialised"


class NewerHubError(HubError):
    CODE = "hub.newer"


class KioskUnknownError(HubError):
    CODE = "hub.kiosk_unknown"


class NoHubConnectionError(HubError):
    CODE = "hub.no_connection"


class HubRefusedError(HubError):
    """The hub's answer is no: exit 1."""

    CODE = "hub.not_allowed"
    exit_code = 1


class DivergedError(HubRefusedError):
    """This ledger holds another record than the hub at a kiosk sequence."""

    CODE = "hub.diverged"


class BehindError(HubRefusedError):
    """The hub holds more of this kiosk's chain than the ledger does."""

    CODE = "hub.behind"


class ConflictError(HubRefusedError):
    CODE = "hub.conflict"


class PulledBrokenError(HubRefusedError):
    """A record pulled from the hub does not fit the local copy of its chain."""

    CODE = "hub.pulled_broken"


def text_of(code: str) -> Text:
    return messages.entry(code)
