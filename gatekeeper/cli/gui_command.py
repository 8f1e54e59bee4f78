"""`gatekeeper gui`: the kiosk window. Qt is imported only when this runs."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from gatekeeper.cli.options import db_option, policy_option
from gatekeeper.services.locations import default_ledger_path
from gatekeeper.services.policy_source import resolve_policy
from gatekeeper.services.session import open_session


@click.command()
@db_option
@click.option(
    "--camera",
    metavar="SPEC",
    default=None,
    help="Camera: a device index (0), a video file, a stream URL, or 'demo' (a recorded "
    "gate camera showing passes and health codes).",
)
@click.option("--kiosk", is_flag=True, help="Full screen, no window controls.")
@click.option(
    "--lang",
    type=click.Choice(["zh_CN", "en"]),
    default=None,
    help="Screen language. Default: the system locale.",
)
@policy_option
def gui(
    db: Path | None = None,
    camera: str | None = None,
    kiosk: bool = False,
    lang: str | None = None,
    policy_path: Path | None = None,
) -> None:
    """Open the kiosk on a ledger (default: the user data directory)."""
    from gatekeeper.ui.app import run_gui

    if db is None:
        db = default_ledger_path()
        db.parent.mkdir(parents=True, exist_ok=True)
    with open_session(db, resolve_policy(policy_path)) as session:
        code = run_gui(
            session.ledger_path,
            lang=lang,
            kiosk=kiosk,
            camera=camera,
            figures_provider=session.today_figures,
            session=session,
        )
    sys.exit(code)
