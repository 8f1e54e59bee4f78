"""PyInstaller's entry script: the `gatekeeper` command (gatekeeper.cli.main:main)."""

from gatekeeper.cli.main import main

if __name__ == "__main__":
    main()
