"""No traceback reaches a user from any argument: every subcommand driven with generated
arguments answers with exit 0, 1 or 2, and an error is one `gatekeeper: ...` line.

The subcommands are enumerated from the click group, so a new command is covered without
touching this file; each option gets values by its type (numbers for integers, the
choices and garbage for a choice, paths for a path, dates where the metavar is
YYYY-MM-DD, text otherwise) and now and then a value of another kind. The values mix the
valid and the invalid: dates inside and outside the calendar, huge and negative numbers,
paths that are missing, folders, the ledger itself, empty, damaged, another program's
file, read-only or too long, and text with unicode and control characters. Commands
asking for a PIN get lines on standard input. Every example runs in-process (click's
CliRunner) in a fresh sandbox copied from a template.

`gui` would open a window: it is fuzzed apart, with the window replaced by a stub, so its
argument errors are covered too. Two options are kept cheap on purpose (EXPENSIVE): a
valid `simulate --days 3650 --people 100000` would run for hours.

Not generated: NUL characters (no argument of a real command line can hold one).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from cli_support import add_accounts, lang_env
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gatekeeper.cli.main import cli

EXAMPLES = 20  # per command (with the sweep below, the file takes under a minute on two cores)
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large],
)  # fmt: skip

# (command path, option): a valid value of these is expensive, so only small valid ones
EXPENSIVE = {("simulate", "--days"), ("simulate", "--people")}
# commands whose "no" (exit 1) may say one line per item (a file, a broken anchor), or,
# for `decode --json`, say it in the JSON rows on stdout
MANY_LINES = {("decode",), ("verify",)}


def leaf_commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[
        tuple[tuple[str, ...], click.Command]]:  # fmt: skip
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from leaf_commands(command, (*path, name))
        else:
            yield (*path, name), command


COMMANDS = dict(leaf_commands(cli))
FUZZED = [path for path in COMMANDS if path != ("gui",)]


# ------------------------------------------------------------------ the sandbox
@dataclass(frozen=True)
class In:
    """A path inside the example's sandbox (resolved when the example runs)."""

    name: str


ABSOLUTE = [  # never a place a command could write to: every example stays in its sandbox
    "/proc/gatekeeper-ledger.sqlite3",  # a folder nobody may create files in, not even root
    "/proc/version",  # a read-only file that is not a ledger
]
SANDBOX_FILES = [
    "ledger.sqlite3", "ledger.sqlite3", "ledger.sqlite3",  # most often the real ledger
    "damaged.sqlite3", "empty.sqlite3", "other.sqlite3", "notes.txt", "folder",
    "folder/new.sqlite3", "missing.sqlite3", "missing/x.sqlite3", "out.csv", "out.pdf",
    "badge.png", "policy.toml", "bad.toml", "ledger.sqlite3-wal", "台账 新.sqlite3",
    "backup.sqlite3", "ledger.anchors",
    "x" * 300, "a\nb.csv", "-", "",
]  # fmt: skip


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, simulated: Path) -> Path:
    """The files every example starts from: a ledger with accounts (boss, li, guard; see
    cli_support.PINS), a damaged and an empty one, another program's database, a folder,
    policies good and bad."""
    folder = tmp_path_factory.mktemp("fuzz-template")
    with pytest.MonkeyPatch.context() as mp:
        home = folder.parent / "fuzz-home"
        mp.setenv("XDG_CONFIG_HOME", str(home / "config"))
        mp.setenv("XDG_DATA_HOME", str(home / "data"))
        shutil.copyfile(simulated, folder / "ledger.sqlite3")
        add_accounts(folder / "ledger.sqlite3")
    shutil.copyfile(folder / "ledger.sqlite3", folder / "damaged.sqlite3")
    with sqlite3.connect(folder / "damaged.sqlite3") as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open(folder / "damaged.sqlite3", "r+b") as handle:
        handle.seek(size * (pages // 2))
        handle.write(b"\xde\xad" * (size // 2))
    shutil.copyfile(folder / "ledger.sqlite3", folder / "backup.sqlite3")
    (folder / "ledger.anchors").write_text("head kiosk:1:" + "0" * 64 + "\n", encoding="utf-8")
    (folder / "empty.sqlite3").touch()
    sqlite3.connect(folder / "other.sqlite3").execute("CREATE TABLE t (x)").connection.close()
    (folder / "notes.txt").write_text("名字,电话\n", encoding="utf-8")
    (folder / "folder").mkdir()
    (folder / "policy.toml").write_text("", encoding="utf-8")
    (folder / "bad.toml").write_text("fever_treshold_c = [\n", encoding="utf-8")
    (folder / "badge.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    return folder


# ------------------------------------------------------------------ values
def _text(min_size: int = 0) -> st.SearchStrategy[str]:
    alphabet = st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",))
    odd = st.sampled_from(["\n", "\r\n", "\x1b[31m", "\u202e", "\udcff", "\t", "　", "🙂",
                           "张三", "'", '"', "%s", "{path}", "{}", "--db", "-1"])  # fmt: skip
    return st.one_of(st.text(alphabet, min_size=min_size, max_size=20), odd,
                     st.lists(odd, min_size=1, max_size=3).map("".join))  # fmt: skip


DATES = st.one_of(
    st.sampled_from(["2020-03-01", "2020-03-02", "2020-03-03"]),  # the simulated days
    st.sampled_from(["1900-01-01", "9998-12-31", "9999-12-31", "0001-01-01", "2020-02-29",
                     "2020-13-01", "2020-02-30", "2021-02-29", "today", "", " 2020-03-01 ",
                     "20200301", "2020-3-1", "２０２０-03-01", "+2020-03-01", "99999-01-01",
                     "2020-03-01T00:00", "-2020-03-01"]),
    st.dates().map(lambda d: d.isoformat()),
)  # fmt: skip
NUMBERS = st.one_of(
    st.integers(1, 3).map(str),
    st.sampled_from(["0", "-1", "-0", "+2", " 2", "1e3", "0x10", "٣", "nan", "", "1.5",
                     str(10**6), str(10**19), str(2**63), str(-(10**30)), "9" * 400]),
    st.integers(-(10**30), -1).map(str),
    st.integers(10**6, 10**40).map(str),
)  # fmt: skip
PATHS = st.one_of(st.sampled_from([In(n) for n in SANDBOX_FILES]), st.sampled_from(ABSOLUTE))
USERS = st.one_of(st.sampled_from(["boss", "boss", "li", "guard", "nobody", "BOSS"]), _text())
BY_NAME: dict[str, st.SearchStrategy[object]] = {
    "--as": USERS,
    "--username": st.one_of(st.sampled_from(["newbie", "boss", "a", "x" * 40]), _text()),
    "--id-number": st.one_of(
        st.sampled_from(["110101199003074573", "E1234567", "0" * 18]), _text()),
    "--phone": st.one_of(st.just("13800138000"), _text()),
    "--payload": st.one_of(st.sampled_from(["GKP1.x", "GKP1." + "a" * 200]), _text()),
    "--expect-head": st.one_of(
        st.sampled_from(["kiosk:1:" + "0" * 64, "a:b:c", "::", "k:-1:" + "f" * 64]), _text()),
    "--camera": st.one_of(st.sampled_from(["0", "demo", "-1"]), _text()),
}


def values_for(path: tuple[str, ...], param: click.Parameter) -> st.SearchStrategy[object]:
    """Values of `param`'s own kind, and now and then of any kind."""
    name = param.opts[-1]
    kind = param.type
    if name in BY_NAME:
        own = BY_NAME[name]
    elif isinstance(kind, click.Choice):
        own = st.one_of(st.sampled_from(list(kind.choices)), _text())
    elif isinstance(kind, click.types.IntParamType | click.IntRange):
        own = NUMBERS
        if isinstance(kind, click.IntRange) and (path[0], name) not in EXPENSIVE:
            bounds = [b for b in (kind.min, kind.max) if b is not None]
            own = st.one_of(NUMBERS, st.sampled_from([str(b) for b in bounds] or ["1"]))
    elif isinstance(kind, click.Path):
        own = PATHS
    elif getattr(param, "metavar", None) == "YYYY-MM-DD":
        own = DATES
    else:
        own = _text()
    other = st.one_of(DATES, NUMBERS, PATHS, _text())
    return st.one_of(own, own, own, other)


GOOD_PATHS = {  # a value that lets the command get on with its work, by option
    "--db": "ledger.sqlite3", "--output": "out.pdf", "--to": "folder", "--policy": "policy.toml",
    "--image": "badge.png", "--pin-file": "folder/kiosk-pin.json", "--from": "backup.sqlite3",
    "--anchors": "ledger.anchors", "file": "policy.toml", "files": "badge.png",
}  # fmt: skip
NEEDED = {"db", "as_user"}  # optional to click, but most commands do little without them
GOOD_TEXT = {
    "--as": st.sampled_from(["boss", "li"]), "--username": st.just("newbie"),
    "--name": st.sampled_from(["张三", "Li Lei"]), "--id-number": st.just("110101199003074573"),
    "--phone": st.just("13800138000"), "--employer": st.just("中建"), "--site": st.just("Site A"),
    "--payload": st.just("GKP1.x"), "--camera": st.just("demo"),
}  # fmt: skip


GOOD_FIRST = {"--as": "boss", "--username": "newbie", "--name": "张三",
              "--id-number": "110101199003074573", "--phone": "13800138000",
              "--employer": "中建", "--site": "Site A", "--payload": "GKP1.x",
              "--camera": "demo"}  # fmt: skip


def good_for(path: tuple[str, ...], param: click.Parameter) -> st.SearchStrategy[object]:
    """A valid value of `param`, so that a command line gets past its arguments."""
    name = param.opts[-1] if param.opts[-1].startswith("--") or param.opts[-1] == "file" else (
        param.name or "")  # fmt: skip
    kind = param.type
    if name in GOOD_TEXT:
        return GOOD_TEXT[name]
    if isinstance(kind, click.Choice):
        return st.sampled_from(list(kind.choices))
    if isinstance(kind, click.types.IntParamType | click.IntRange):
        return st.integers(1, 2).map(str)
    if isinstance(kind, click.Path):
        return st.just(In(GOOD_PATHS.get(name, GOOD_PATHS.get(param.name or "", "out.csv"))))
    if getattr(param, "metavar", None) == "YYYY-MM-DD":
        return st.sampled_from(["2020-03-01", "2020-03-02", "2020-03-03"])
    return st.sampled_from(["x", "Site A"])


@st.composite
def argv(draw: st.DrawFn, path: tuple[str, ...]) -> list[object]:
    """A command line for `path`. A third of them valid throughout (the command does its
    work), a third valid but for one or two values, a third anything at all: options left
    out, given twice, unknown, in any order."""
    command = COMMANDS[path]
    mode = draw(st.sampled_from(["valid", "mutated", "wild"]))
    params = list(command.params)
    mutated = set(draw(st.lists(st.sampled_from(range(len(params))), min_size=1, max_size=2))
                  ) if mode == "mutated" and params else set()  # fmt: skip
    words: list[list[object]] = []
    for i, param in enumerate(params):
        wild = mode == "wild" or i in mutated
        needed = param.required or param.name in NEEDED
        odds = (9 if needed else 5) if wild else (10 if needed else 4)
        if draw(st.integers(0, 9)) >= odds:
            continue
        value = values_for(path, param) if wild else good_for(path, param)
        repeats = draw(st.integers(1, 3)) if wild and draw(st.integers(0, 5)) == 0 else 1
        for _ in range(repeats):
            if isinstance(param, click.Argument):
                count = 1 if param.nargs == 1 else draw(st.integers(1, 3))
                words.append([draw(value) for _ in range(count)])
            elif getattr(param, "is_flag", False):
                words.append([param.opts[-1]])
            else:
                words.append([draw(st.sampled_from(param.opts)), draw(value)])
    if mode == "wild" and draw(st.integers(0, 7)) == 0:
        words.append([draw(st.sampled_from(["--bogus", "stray", "--db=", "--", "-x"]))])
    order = draw(st.permutations(range(len(words)))) if words else []
    return [*path, *(word for i in order for word in words[i])]


# The edges of each kind of value, each tried in an otherwise valid command line (a sweep:
# random search alone rarely puts the one bad value where a command is otherwise fine).
EDGES = {
    "date": ["9999-12-31", "0001-01-01", "2020-02-30", "99999-01-01", "today", ""],
    "number": ["0", "-1", str(10**19), "9" * 400, "x"],
    "path": [In("damaged.sqlite3"), In("empty.sqlite3"), In("folder"), In("missing/x.sqlite3"),
             In("other.sqlite3"), In("x" * 300), "/proc/gatekeeper-ledger.sqlite3", ""],
    "text": ["", "\n", "\udcff", "\x1b[31m", "x" * 5000],
}  # fmt: skip


def kind_of(param: click.Parameter) -> str | None:
    kind = param.type
    if getattr(param, "is_flag", False):
        return None
    if isinstance(kind, click.types.IntParamType | click.IntRange):
        return "number"
    if isinstance(kind, click.Path):
        return "path"
    if getattr(param, "metavar", None) == "YYYY-MM-DD":
        return "date"
    return "text"


def good_value(path: tuple[str, ...], param: click.Parameter) -> object:
    """One valid value of `param` (the first of good_for's)."""
    name = param.opts[-1]
    if name in GOOD_TEXT:
        return GOOD_FIRST[name]
    if isinstance(param.type, click.Choice):
        return next(iter(param.type.choices))
    kind = kind_of(param)
    if kind == "number":
        return "1"
    if kind == "path":
        return In(GOOD_PATHS.get(name, GOOD_PATHS.get(param.name or "", "out.csv")))
    if kind == "date":
        return "2020-03-02"
    return "x"


def swept_lines() -> Iterator[tuple[tuple[str, ...], list[object]]]:
    """For every command, option and edge value: the command's valid line, that one
    option set to that value."""
    for path in FUZZED:
        params = [p for p in COMMANDS[path].params if kind_of(p) is not None]
        base = [p for p in params if p.required or p.name in NEEDED]
        for target in params:
            for value in EDGES[kind_of(target) or "text"]:
                words: list[object] = list(path)
                for param in dict.fromkeys([*base, target]):
                    given_value = value if param is target else good_value(path, param)
                    if isinstance(param, click.Argument):
                        words.append(given_value)
                    else:
                        words += [param.opts[-1], given_value]
                yield path, words


STDIN = st.sampled_from([
    "246810\n" * 6,  # boss's PIN, then new PINs
    "246810\n" + "13579246\n" * 4,
    "135790\n" * 6,  # li's
    "000000\n" * 6,  # wrong
    "",  # nothing: EOF at the first prompt
])  # fmt: skip


# ------------------------------------------------------------------ running, checking
def invoke(template: Path, words: list[object], stdin: str, lang: str
           ) -> tuple[int, str, str, BaseException | None]:  # fmt: skip
    box = Path(tempfile.mkdtemp(prefix="gk-fuzz-"))
    here = os.getcwd()
    try:
        sandbox = box / "s"
        shutil.copytree(template, sandbox)
        args = [str(sandbox / w.name) if isinstance(w, In) and w.name else
                ("" if isinstance(w, In) else str(w)) for w in words]  # fmt: skip
        os.chdir(sandbox)  # a generated relative path lands in the sandbox too
        try:
            result = CliRunner().invoke(cli, args, prog_name="gatekeeper", input=stdin,
                                        env=lang_env(lang), catch_exceptions=True)  # fmt: skip
        finally:
            os.chdir(here)
        error = result.exception
        if isinstance(error, SystemExit):
            error = None
        return result.exit_code, result.stdout, result.stderr, error
    finally:
        for path in box.rglob("*"):
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(box, ignore_errors=True)


def check(path: tuple[str, ...], words: list[object], outcome: tuple[int, str, str,
          BaseException | None]) -> None:  # fmt: skip
    code, out, err, error = outcome
    shown = f"gatekeeper {' '.join(map(repr, map(str, words)))}"
    if error is not None:
        raise AssertionError(f"{shown} raised {error!r}") from error
    assert code in (0, 1, 2), (shown, code, err)
    assert "Traceback" not in out + err, (shown, err)
    assert "unexpected error" not in err, (shown, err)
    if code == 0:
        return
    lines = [line for line in err.splitlines() if line.strip()]
    if path in MANY_LINES and code == 1:
        assert lines or '"error"' in out, (shown, "a 'no' must say why", out)
        assert all(line.startswith(("gatekeeper: ", "TAMPERED: ")) for line in lines), (shown,
                                                                                       err)
        return
    assert lines, (shown, code, "an error must say something on stderr", out)
    assert len(lines) == 1, (shown, err)
    assert lines[0].startswith("gatekeeper: "), (shown, err)


def test_every_command_is_fuzzed() -> None:
    """The enumeration finds every command (a new one is fuzzed without editing here)."""
    top = {path[0] for path in COMMANDS}
    assert top == set(cli.commands), top
    assert ("account", "add") in COMMANDS and ("pass", "verify") in COMMANDS
    assert len(FUZZED) == len(COMMANDS) - 1


@pytest.mark.parametrize("path", FUZZED, ids=[" ".join(p) for p in FUZZED])
def test_generated_arguments_never_reach_a_traceback(template: Path, path: tuple[str, ...]
                                                     ) -> None:  # fmt: skip
    @FUZZ
    @given(words=argv(path), stdin=STDIN, lang=st.sampled_from(["en_US.UTF-8",
                                                                "zh_CN.UTF-8"]))  # fmt: skip
    def one(words: list[object], stdin: str, lang: str) -> None:
        check(path, words, invoke(template, words, stdin, lang))

    one()


SWEPT = list(swept_lines())


@pytest.mark.parametrize("path", FUZZED, ids=[" ".join(p) for p in FUZZED])
def test_each_edge_value_in_an_otherwise_valid_line(template: Path, path: tuple[str, ...]
                                                    ) -> None:  # fmt: skip
    for swept_path, words in SWEPT:
        if swept_path == path:
            check(path, words, invoke(template, words, "246810\n" * 6, "en_US.UTF-8"))


def test_gui_argument_errors_never_reach_a_traceback(template: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """`gui` with generated arguments: the window is a stub (it would open one), so the
    arguments, the ledger and the policy are all checked as for real."""
    import gatekeeper.ui.app as app

    monkeypatch.setattr(app, "run_gui", lambda *_a, **_k: 0)

    @FUZZ
    @given(words=argv(("gui",)), lang=st.sampled_from(["en_US.UTF-8", "zh_CN.UTF-8"]))
    def one(words: list[object], lang: str) -> None:
        check(("gui",), words, invoke(template, words, "", lang))

    one()
