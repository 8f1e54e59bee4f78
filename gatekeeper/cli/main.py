"""Entry point placeholder, replaced as the CLI lands."""


def main() -> None:
    raise SystemExit("gatekeeper: not built yet")
