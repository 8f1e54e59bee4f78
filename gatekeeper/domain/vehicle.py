"""A goods vehicle at the gate: its plate, its driver and passengers, one outcome for the truck.

Everyone in the vehicle is screened as a person (channel `vehicle`); the vehicle itself is
disinfected once, confirmed at the driver's disinfection step. The truck enters only with
its driver: a driver not admitted turns the vehicle away; passengers who are not admitted
are separated out with their own outcomes while the truck goes in.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from gatekeeper.domain.errors import StepOrderError
from gatekeeper.domain.identity import validate_plate
from gatekeeper.domain.policy import Policy
from gatekeeper.domain.screening import (
    DRIVER,
    PASSENGER,
    OutcomeResult,
    Screening,
    require_aware,
)
from gatekeeper.domain.vocab import Channel, Outcome, Reason

DRAFT_VERSION = 1


class VehicleGroup:
    """The plate, the driver's screening and the passengers' screenings."""

    def __init__(
        self,
        plate: str,
        policy: Policy,
        started_at: datetime,
        *,
        clock: Callable[[], datetime] | None = None,
        group_id: str | None = None,
        _driver: Screening | None = None,
    ) -> None:
        self.plate = validate_plate(plate)
        self.policy = policy
        self.started_at = require_aware(started_at)
        self.id = group_id or str(uuid.uuid4())
        self._clock = clock
        self.driver = _driver or Screening.first_time(
            Channel.VEHICLE, policy, started_at, role=DRIVER, clock=clock
        )
        self.passengers: list[Screening] = []

    @property
    def people(self) -> tuple[Screening, ...]:
        return (self.driver, *self.passengers)

    @property
    def vehicle_disinfected(self) -> bool:
        return bool(self.driver.disinfection and self.driver.disinfection["vehicle_too"])

    def add_passenger(self, at: datetime | None = None) -> Screening:
        """A passenger's own screening; refused once the vehicle's outcome is decided."""
        if self.outcome is not None:
            raise StepOrderError("step_order.vehicle_over", {"outcome": self.outcome.outcome})
        if at is None:
            at = self._clock() if self._clock else datetime.now(self.policy.tz)
        passenger = Screening.first_time(
            Channel.VEHICLE, self.policy, at, role=PASSENGER, clock=self._clock
        )
        self.passengers.append(passenger)
        return passenger

    @property
    def outcome(self) -> OutcomeResult | None:
        """None while undecided. Driver not admitted: turned away at once. Driver admitted:
        admitted once every passenger's screening is over (whatever their outcome)."""
        driver = self.driver.outcome
        if driver is None:
            return None
        if driver.outcome is not Outcome.ADMITTED:
            return OutcomeResult.for_reason(
                Reason.DRIVER_NOT_ADMITTED, driver.at,
                message_code="detail.driver", params={"outcome": driver.outcome.value},
            )
        if any(p.outcome is None for p in self.passengers):
            return None
        assignment = self.policy.lane_for(Channel.VEHICLE)
        at = max(p.outcome.at for p in self.people if p.outcome is not None)
        return OutcomeResult.for_reason(
            Reason.CLEARED, at, lane=assignment.lane, zone=assignment.zone
        )

    @property
    def separated(self) -> list[Screening]:
        """Passengers whose screening ended without admission (they do not enter)."""
        return [p for p in self.passengers
                if p.outcome is not None and p.outcome.outcome is not Outcome.ADMITTED]

    def to_draft(self) -> dict[str, Any]:
        """JSON-safe state for crash recovery."""
        return {
            "version": DRAFT_VERSION,
            "id": self.id,
            "plate": self.plate,
            "started_at": self.started_at.isoformat(),
            "driver": self.driver.to_draft(),
            "passengers": [p.to_draft() for p in self.passengers],
        }

    @classmethod
    def from_draft(
        cls,
        d: dict[str, Any],
        policy: Policy,
        clock: Callable[[], datetime] | None = None,
    ) -> VehicleGroup:
        """Restore a vehicle group exactly as `to_draft` saved it."""
        if d.get("version") != DRAFT_VERSION:
            raise ValueError(f"unsupported vehicle draft version {d.get('version')!r}")
        group = cls(
            d["plate"], policy, datetime.fromisoformat(d["started_at"]), clock=clock,
            group_id=d["id"], _driver=Screening.from_draft(d["driver"], policy, clock),
        )
        group.passengers = [Screening.from_draft(p, policy, clock) for p in d["passengers"]]
        return group
