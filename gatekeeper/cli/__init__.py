"""The `gatekeeper` command and its subcommands."""
