"""Every subcommand and option is documented in README.md (the "Command line" contract).

Walks click's command tree, like sqlite-utils' documentation tests: adding a command or an
option without documenting it fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from gatekeeper.cli.main import cli

README = Path(__file__).resolve().parents[2] / "README.md"


def walk(command: click.Command, path: tuple[str, ...] = ()) -> list[tuple[str, click.Command]]:
    """(`gatekeeper sub [subsub]`, command) for every command below the root."""
    found = []
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            full = (*path, name)
            found.append(("gatekeeper " + " ".join(full), sub))
            found += walk(sub, full)
    return found


COMMANDS = walk(cli)


def long_options(command: click.Command) -> list[str]:
    names = []
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            longs = [o for o in (*param.opts, *param.secondary_opts) if o.startswith("--")]
            names += longs or list(param.opts)
    return names


def sections() -> dict[str, str]:
    """README's sections: heading line -> the text up to the next heading of any level."""
    text = README.read_text(encoding="utf-8")
    parts = re.split(r"^(#{1,6} .*)$", text, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def section_for(invocation: str) -> str:
    """The section whose heading names `invocation` (as a whole word sequence)."""
    pattern = re.compile(re.escape(invocation) + r"(?![\w-])")
    matches = [head + body for head, body in sections().items() if pattern.search(head)]
    assert matches, f"README.md has no section headed by `{invocation}`"
    return "\n".join(matches)


def test_the_tree_is_what_the_contract_names() -> None:
    names = {name for name, _ in COMMANDS}
    assert names >= {
        "gatekeeper gui",
        "gatekeeper simulate",
        "gatekeeper verify",
        "gatekeeper stats",
        "gatekeeper policy",
        "gatekeeper policy init",
        "gatekeeper policy check",
    }


@pytest.mark.parametrize(("invocation", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_command_is_documented(invocation: str, command: click.Command) -> None:
    assert invocation in README.read_text(encoding="utf-8")
    section = section_for(invocation)
    for option in long_options(command):
        assert re.search(re.escape(option) + r"(?![\w-])", section), (
            f"{option} of `{invocation}` is not documented in its README section"
        )


def test_root_options_are_documented() -> None:
    section = section_for("Command line")
    for option in long_options(cli):
        assert option in section, f"`gatekeeper {option}` is not documented under Command line"


@pytest.mark.parametrize(
    ("invocation", "command"),
    [("gatekeeper", cli), *COMMANDS],
    ids=["root", *(n for n, _ in COMMANDS)],
)
def test_command_has_help_text(invocation: str, command: click.Command) -> None:
    assert (command.help or "").strip(), f"`{invocation}` has no help text"
    for param in command.params:
        if isinstance(param, click.Option) and param.name not in ("help", "version"):
            assert (param.help or "").strip(), f"{param.opts} of `{invocation}` has no help text"
