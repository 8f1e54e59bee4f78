"""`python -m gatekeeper` is the `gatekeeper` command."""

from gatekeeper.cli.main import main

main()
