"""`pass issue|verify|revoke` and `decode`: site passes and the QR decoder from a shell.

The site key lives in `$GATEKEEPER_DATA_DIR/keys` (else the user data dir); it is
created by the first `pass issue` and never written into the ledger. Issuing and
revoking act as a site manager's account (`--as USERNAME` and its PIN); verifying and
decoding need none.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from gatekeeper.cli.acting import as_option, sign_in_as
from gatekeeper.cli.ledger_commands import fail, open_existing
from gatekeeper.cli.manager_commands import open_writable
from gatekeeper.cli.options import db_option, policy_option, say
from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError, system_lang
from gatekeeper.ledger import Ledger
from gatekeeper.scanner import keys
from gatekeeper.scanner.passes import PassRejected
from gatekeeper.services.accounts import Action
from gatekeeper.services.clock import SystemClock, site_zone
from gatekeeper.services.gate import GateService
from gatekeeper.services.passes import PassService
from gatekeeper.services.policy_source import resolve_policy

if TYPE_CHECKING:  # OpenCV and numpy load only for the commands that decode images:
    import numpy as np  # `gatekeeper gui` starts ~150 ms sooner without them.

NO_CODE = messages.entry("cli.no_code")
REVOKE_WHAT = messages.entry("passes.revoke_what")
ONE_SOURCE = messages.entry("cli.one_source")
UNREADABLE = messages.entry("cli.unreadable_image")


def _service(ledger: Ledger, policy_path: Path | None, *, create_key: bool) -> PassService:
    """The pass service; with `create_key`, the site key is loaded (or made) only when
    an accepted issue first needs it, so a refused one leaves no key behind."""
    policy = resolve_policy(policy_path)
    gate = GateService(ledger, policy, SystemClock(site_zone(policy.timezone)))
    return PassService(gate, keys.load_or_create if create_key else None)


@click.group("pass")
def pass_group() -> None:
    """Site passes: issue a signed pass (badge PNG), verify one, revoke a worker's pass."""


@pass_group.command("issue")
@db_option
@click.option("--name", required=True, help="The worker's name.")
@click.option("--id-number", required=True, help="Resident ID (18 characters) or passport.")
@click.option("--phone", default=None, help="Mobile number (needed to register a new worker).")
@click.option("--employer", default=None, help="The worker's employer.")
@click.option("--days", type=click.IntRange(1, 3650), default=None,
              help="Days the pass is valid. Default: the policy's validity.pass_days.")  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The badge image to write (PNG).")  # fmt: skip
@as_option
@policy_option
def issue(
    db: Path | None, name: str, id_number: str, phone: str | None, employer: str | None,
    days: int | None, output: Path, as_user: str | None, policy_path: Path | None,
) -> None:  # fmt: skip
    """Register (or find) the worker, write the badge PNG, print the pass payload. Acts
    as --as USERNAME (its PIN is asked for), a site manager."""
    from gatekeeper.reports.badge import render_badge
    from gatekeeper.services.atomic import OutputRefused, check_output, check_output_folder

    check_output(output, protect=(db,) if db is not None else ())
    check_output_folder(output)  # before anything is issued: a pass is never half made
    with open_writable(db) as ledger:
        check_output(output, protect=(Path(ledger.path),))
        service = _service(ledger, policy_path, create_key=True)
        actor = sign_in_as(ledger, as_user, Action.PASSES, service.gate.now)
        issued = service.issue(
            name=name, id_number=id_number, phone=phone, employer=employer, days=days,
            by=actor,
        )  # fmt: skip
    person = issued.person
    click.echo(issued.site_pass.payload)  # first: the pass stands even if the badge fails
    try:
        render_badge(
            output,
            payload=issued.site_pass.payload,
            name=person.name or name,
            employer=str(person.fields.get("employer", "")),
            valid_until=issued.site_pass.valid_until.isoformat(),
            site_id=issued.site_pass.site_id,
        )
    except OSError:
        raise OutputRefused(output, "badge_failed") from None


@pass_group.command("verify")
@db_option
@click.option("--payload", default=None, help="The pass text (as a scanner types it).")
@click.option("--image", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A photo or scan of the badge.")  # fmt: skip
@policy_option
def verify_pass_command(
    db: Path | None, payload: str | None, image: Path | None, policy_path: Path | None
) -> None:
    """Exit 0 and print the holder when the pass is valid; exit 1 with the reason if not."""
    if (payload is None) == (image is None):
        fail(ONE_SOURCE, 2)
    if image is not None:
        payload = _payload_from_image(image)
    with open_existing(db, unusable_exit=2) as ledger:
        service = _service_readonly(ledger, policy_path)
        try:
            verified = service.verify(payload or "")
        except PassRejected as exc:
            say(exc.message(system_lang()))
            sys.exit(1)
    person = verified.person
    holder = person.name if person is not None and person.name else verified.site_pass.person_id
    click.echo(
        f"VALID: {holder} (person {verified.site_pass.person_id}), "
        f"valid until {verified.site_pass.valid_until.isoformat()}"
    )


def _service_readonly(ledger: Ledger, policy_path: Path | None) -> PassService:
    policy = resolve_policy(policy_path)
    gate = GateService(ledger, policy, SystemClock(site_zone(policy.timezone)))
    return PassService(gate, keys.load())


def _payload_from_image(image: Path) -> str:
    frame = _read_image(image)
    if frame is None:
        raise LocalizedError("unreadable_image", UNREADABLE, {"path": str(image)})
    from gatekeeper.scanner.decoder import Decoder

    report = Decoder().decode(frame, thorough=True)
    if not report.texts:
        fail(NO_CODE, 1, path=image)
    return report.texts[0]


@pass_group.command("revoke")
@db_option
@click.option("--id-number", default=None,
              help="The worker whose passes are revoked (every pass issued so far).")
@click.option("--person", "person_id", default=None,
              help="The holder's person id (as pass verify and the exports show it): "
                   "also finds someone whose ID number a purge erased.")
@click.option("--serial", default=None,
              help="Revoke this one pass only (its serial: the 5th field of a GKP2 payload).")
@as_option
@policy_option
def revoke(
    db: Path | None, id_number: str | None, person_id: str | None, serial: str | None,
    as_user: str | None, policy_path: Path | None,
) -> None:  # fmt: skip
    """Revoke the worker's passes (or, with --serial, one pass): refused at the gate from
    now on. At least one of --id-number, --person, --serial; given together they must
    name the same person. Acts as --as USERNAME (its PIN is asked for), a site manager."""
    if id_number is None and person_id is None and serial is None:
        fail(REVOKE_WHAT, 2)
    with open_writable(db) as ledger:
        service = _service(ledger, policy_path, create_key=False)
        actor = sign_in_as(ledger, as_user, Action.PASSES, service.gate.now)
        record = service.revoke(id_number, by=actor, serial=serial, person_id=person_id)
        person = ledger.get_person(record.person_id or "")
    click.echo(f"Revoked: {person.name if person and person.name else record.person_id}")


def _read_image(path: Path) -> np.ndarray | None:
    """The image's pixels, or None; refuses (exit 2 for one image, in `decode` a line
    of its own) an image over 50 megapixels before decoding it."""
    from gatekeeper.scanner.images import ImageTooLarge, read_image

    try:
        return read_image(path)
    except ImageTooLarge as big:
        raise LocalizedError("image_too_large", messages.entry("scan.image_too_large"), {
            "path": str(path), "width": big.width, "height": big.height,
            "megapixels": f"{big.megapixels:.0f}"}) from None


def _shown(text: str) -> str:
    """Control characters (CR, LF, ...) as escapes, so one file is one line."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file, per line.")
@click.option("--live", is_flag=True,
              help="Decode each file exactly as the camera decodes a frame (same gating and "
                   "budget; ms is that path's time) instead of the thorough path for stills.")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))  # fmt: skip
def decode(as_json: bool, live: bool, files: tuple[Path, ...]) -> None:
    """Decode QR codes in image files with the camera's decoder (whole cascade; with
    --live, the camera's per-frame path).

    Exit 0 even when no code is found; a file that cannot be read is reported on its
    own line (and in JSON as "error") and makes the exit code 1.
    """
    from gatekeeper.scanner.decoder import Decoder

    decoder = Decoder()
    unreadable = 0
    lang = system_lang()
    for path in files:
        try:
            frame = _read_image(path)
            message = UNREADABLE.format(lang, path=path)
        except LocalizedError as refused:  # too large: not decoded, said on its own line
            frame, message = None, refused.message(lang)
        if frame is None:
            unreadable += 1
            if as_json:
                click.echo(json.dumps({"file": str(path), "texts": [], "ms": 0.0,
                                       "error": message}, ensure_ascii=False))  # fmt: skip
            else:
                say(message)
            continue
        report = decoder.decode(frame, thorough=not live)
        undecodable = [c.raw.hex() for c in report.codes if c.text is None]
        if as_json:
            row: dict[str, object] = {"file": str(path), "texts": report.texts,
                                      "ms": round(report.ms, 3)}  # fmt: skip
            if undecodable:
                row["undecodable"] = undecodable
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        for text in report.texts:
            click.echo(f"{path}: {_shown(text)}")
        for raw in undecodable:
            click.echo(f"{path}: (not text: {raw})")
        if not report.codes:
            click.echo(f"{path}: (no code)")
    if unreadable:
        sys.exit(1)
