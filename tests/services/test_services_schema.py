"""One schema per record kind: what the services write matches it, checked both ways."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from services_support import START

from gatekeeper.domain.policy import Policy
from gatekeeper.ledger import Ledger
from gatekeeper.services import schema
from gatekeeper.services.kinds import Kind
from gatekeeper.simulation.traffic import Simulation


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory):
    path = Path(tmp_path_factory.mktemp("schema")) / "sim.sqlite3"
    ledger = Ledger.open(path, create=True)
    Simulation(ledger, Policy(), people=120, seed=7, start=date(2020, 3, 1)).run(4)
    yield ledger
    ledger.close()


def test_every_kind_has_its_schema() -> None:
    assert set(schema.SCHEMAS) == set(Kind)


def test_every_record_a_simulated_site_writes_reads_back_through_its_schema(simulated) -> None:
    kinds: Counter[str] = Counter()
    for record in simulated.records():
        body = schema.read(record)
        kinds[record.kind] += 1
        # Written back, the schema gives the very body and personal part stored.
        stored, private = body.parts()
        assert stored == {k: v for k, v in record.body.items() if k in stored}
        undeclared = set(record.body) - set(stored)
        assert not undeclared, f"{record.kind} writes fields its schema lacks: {undeclared}"
        assert private == (record.personal or None)
    assert {Kind.PERSON, Kind.PASSAGE, Kind.STEP, Kind.QUARANTINE_START} <= set(kinds)


def test_personal_fields_are_declared_once_and_go_to_the_personal_part() -> None:
    assert schema.PersonBody.personal_fields() == {"name", "id_number", "phone"}
    assert schema.PassageBody.personal_fields() == {"certificate_number"}
    assert schema.StepBody.personal_fields() == {"signature_png"}
    body = schema.PersonBody(id_type="resident_id", employer="e", role="r", coming_from="c",
                             recent_stays=[], name="张伟", id_number="X", phone="1")
    stored, private = body.parts()
    assert "name" not in stored and private == {"name": "张伟", "id_number": "X", "phone": "1"}


def test_a_wrong_type_is_refused_on_write() -> None:
    body = schema.RoundTemperatureBody(slot="morning", reading_c="36.5", verdict="normal",
                                       by="x")  # type: ignore[arg-type]
    with pytest.raises(schema.SchemaError, match="reading_c"):
        body.record(at=START, day="2020-03-02")


def test_a_purged_record_reads_with_its_personal_fields_empty() -> None:
    body = schema.PersonBody.from_parts(
        {"id_type": "resident_id", "employer": "e", "role": "r", "coming_from": "c",
         "recent_stays": []}, None)
    assert body.name is None and body.id_number is None


def test_a_missing_or_mistyped_field_is_refused_on_read() -> None:
    with pytest.raises(schema.SchemaError, match="verdict is missing"):
        schema.RoundTemperatureBody.from_parts({"slot": "m", "reading_c": 36.5, "by": "x"},
                                               None)
    with pytest.raises(schema.SchemaError, match="days"):
        schema.QuarantineReleaseBody.from_parts(
            {"decision": "released", "reason": "ok", "by": "x", "at": "t", "days": "3"}, None)


def test_a_field_a_newer_gatekeeper_added_is_read_past() -> None:
    body = schema.DisinfectionBody.from_parts(
        {"zone": "office", "slot": "morning", "by": "x", "added_later": 1}, None)
    assert body.zone == "office"


def test_keys_that_are_no_python_name_keep_their_stored_name() -> None:
    body = schema.ExportBody(what="inspection", format="pdf", file="r.pdf", sha256="0" * 64,
                             date_from="2020-03-01", date_to="2020-03-02")
    stored, _ = body.parts()
    assert stored["from"] == "2020-03-01" and "date_from" not in stored
    again = schema.ExportBody.from_parts(stored, None)
    assert again == body


def test_every_schema_field_has_a_checkable_type() -> None:
    for cls in schema.SCHEMAS.values():
        hints = cls._hints()
        for f in dataclasses.fields(cls):
            default = None if f.default is dataclasses.MISSING else f.default
            schema._conforms(default, hints[f.name])  # raises on an unsupported type


def test_record_kind_mismatch_is_refused(simulated) -> None:
    passage = next(iter(simulated.records(kind=Kind.PASSAGE)))
    with pytest.raises(schema.SchemaError):
        schema.PersonBody.read(passage)
    assert isinstance(datetime.fromisoformat(schema.PassageBody.read(passage).started_at),
                      datetime)


def test_the_office_kinds_read_back_through_their_schemas_too(tmp_path) -> None:
    """Accounts, sign-ins, PIN changes, passes, corrections, exports and purges: the
    kinds a simulated gate does not write."""
    from services_support import actor, open_gate

    from gatekeeper.scanner.keys import SiteKey
    from gatekeeper.services import accounts, retention
    from gatekeeper.services.exports import export_day
    from gatekeeper.services.passes import PassService

    gate = open_gate(tmp_path)
    boss = actor(gate.ledger)
    with pytest.raises(Exception):  # noqa: B017 — a wrong PIN: one more sign_in record
        accounts.sign_in(gate.ledger, "boss", "000000", gate.service.now())
    actor(gate.ledger, "guard", "gate_staff")
    accounts.reset_pin(gate.ledger, "guard", "135790", gate.service.now(), boss)
    passes = PassService(gate.service, SiteKey.generate("site-a"))
    issued = passes.issue(name="张伟", id_number="G12345678", phone="13900139000", by=boss)
    passes.revoke("G12345678", "lost", by=boss)
    gate.service.correct(issued.record.uuid, {"note": "typo"}, "typo", boss)
    inspector = actor(gate.ledger, "insp", "inspector")
    export_day(gate.ledger, gate.service.today().isoformat(), "csv", tmp_path / "d.csv",
               lang="en", full=True, site="A", now=gate.service.now(),
               tz=gate.service.policy.tz, by=inspector)  # fmt: skip
    gate.tick(60 * 24 * 40)
    retention.purge(gate.ledger, 30, gate.service.now(), by=boss)
    seen = {r.kind for r in gate.records()}
    for record in gate.records():
        body = schema.read(record)
        stored, private = body.parts()
        assert set(record.body) <= set(stored), record.kind
        assert private == (record.personal or None)
    assert {Kind.ACCOUNT, Kind.SIGN_IN, Kind.PIN_CHANGED, Kind.PASS_ISSUED, Kind.PASS_REVOKED,
            Kind.CORRECTION, Kind.EXPORT, Kind.PURGE} <= seen


def test_records_are_built_nowhere_but_in_the_schemas() -> None:
    """A record's shape is written once: no module but services/schema.py makes one."""
    import ast

    root = Path(schema.__file__).resolve().parents[1]
    makers = []
    for path in root.rglob("*.py"):
        if path.parent.name == "ledger" or path.name == "schema.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "NewRecord"):
                makers.append(f"{path.relative_to(root)}:{node.lineno}")
    assert makers == []


def test_bodies_are_read_nowhere_but_through_the_schemas() -> None:
    """No `record.body[...]` / `.body.get(...)` outside the ledger and the schemas."""
    import ast

    root = Path(schema.__file__).resolve().parents[1]
    readers = []
    for package in ("services", "reports", "cli", "simulation"):
        for path in (root / package).rglob("*.py"):
            if path.name == "schema.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Attribute) and node.attr in ("body", "personal")
                        and not (isinstance(node.value, ast.Name) and node.value.id == "self")):
                    readers.append(f"{path.relative_to(root)}:{node.lineno}")
    assert readers == []
