"""Delete one gate rule at a time and check that the fast tests notice.

    .venv/bin/python tests/mutation/run_mutations.py [--jobs N] [--only NAME ...]
        [--source worktree|REV] [--mutants-from worktree|REV] [--list] [--check]
        [--drop TEST_FILE ...] [--keep]

(`make mutation`). The mutants are in `mutants.py` (docs/mutation.md lists them).

How it works:

1. Every mutant's snippet must occur exactly once in its file, in the source (the
   working tree, or a git revision with `--source REV`). A snippet that does not is
   reported STALE (the code moved: fix the mutant), never skipped in silence.
2. The source's `gatekeeper/`, `tests/`, `resources/`, `packaging/`, `pyproject.toml`
   and `README.md` are copied into a temporary folder (one copy per job; `../shared`,
   the QR corpus, is linked beside them). Tests run there with
   `python -m pytest` from the copy's root and `PYTHONPATH=<copy>`, so the copy's
   `gatekeeper` shadows the editable install of the working tree (whose finder comes
   after the path on `sys.meta_path`), in subprocesses too.
3. Proof of that, before any figure: `import gatekeeper` in the copy must resolve inside
   the copy; the unmutated copy must pass the fast suite; and the control mutant (the
   package fails to import) must be killed. If any of these fails the run stops with
   exit code 2 and reports no figure.
4. Each mutant is applied to the copy, checked to still compile (a mutant that is a
   syntax error would be "killed" for nothing), and the mutant's own test files run
   first with `-x`; if they pass, the whole fast suite runs with `-x` before the mutant
   is called a survivor. The file is then restored (and its bytecode dropped).

Exit code: 0 when every mutant was killed, 1 when one survived or is stale/broken,
2 when the run could not be trusted (see 3).
"""

from __future__ import annotations

import argparse
import os
import platform
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import types
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mutants import CONTROL, MUTANTS, Mutant

REPO = Path(__file__).resolve().parents[2]
COPIED = ("gatekeeper", "tests", "resources", "packaging", "pyproject.toml", "README.md")
# Beside the repository: the QR corpus the scanner tests read (../shared/bench); the
# copies get a link to it in their parent folder, so those tests run there too.
SIBLINGS = ("shared",)

# The fast suite: the plain-Python layers, no display. Qt and slow tests are left out:
# tests/cli/test_cli_gui.py starts the Qt window, tests/cli/test_cli_docs.py checks that
# README documents every option (no rule of the gate lives there).
FAST = ("tests/domain", "tests/services", "tests/ledger", "tests/scanner", "tests/cli")
FAST_OPTIONS = (
    "-m", "not slow",
    "--ignore=tests/cli/test_cli_gui.py",
    "--ignore=tests/cli/test_cli_docs.py",
)  # fmt: skip
PYTEST = ("-x", "-q", "-p", "no:cacheprovider", "--no-header")
TIMEOUT_S = 600  # one pytest run; a mutant that hangs the tests counts as killed

KILLED, SURVIVED, STALE, BROKEN = "killed", "survived", "stale", "broken"


@dataclass
class Result:
    mutant: Mutant
    status: str
    detail: str = ""
    seconds: float = 0.0


# --- the source and its copy ----------------------------------------------------------


class Source:
    """The files mutants are checked against: the working tree or a git revision."""

    def __init__(self, rev: str | None) -> None:
        self.rev = rev

    def read(self, rel: str) -> str | None:
        if self.rev is None:
            path = REPO / rel
            return path.read_text(encoding="utf-8") if path.is_file() else None
        done = subprocess.run(
            ["git", "show", f"{self.rev}:{rel}"], cwd=REPO, capture_output=True, check=False
        )
        return done.stdout.decode("utf-8") if done.returncode == 0 else None

    def copy_to(self, target: Path) -> None:
        target.mkdir(parents=True)
        if self.rev is None:
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
            for name in COPIED:
                src = REPO / name
                if src.is_dir():
                    shutil.copytree(src, target / name, ignore=ignore)
                elif src.is_file():
                    shutil.copy2(src, target / name)
            return
        archive = subprocess.run(
            ["git", "archive", "--format=tar", self.rev, *COPIED],
            cwd=REPO, capture_output=True, check=True,
        )  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)


def load_mutants(source: Source) -> None:
    """The list from `source`: with `--source REV` that revision's own `mutants.py` (the
    working tree's may already carry mutants for code not committed yet), unless
    `--mutants-from` names another."""
    global CONTROL, MUTANTS
    if source.rev is None:
        return
    text = source.read("tests/mutation/mutants.py")
    if text is None:
        raise SystemExit(f"{source.rev} has no tests/mutation/mutants.py")
    module = types.ModuleType(f"mutants_at_{source.rev}")
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(text, f"{source.rev}:tests/mutation/mutants.py", "exec"), module.__dict__)
    CONTROL, MUTANTS = module.CONTROL, module.MUTANTS


def check_mutant(m: Mutant, source: Source) -> str | None:
    """Why the mutant cannot be applied to the source (None: it can)."""
    text = source.read(m.file)
    if text is None:
        return f"{m.file} does not exist"
    count = text.count(m.original)
    if count != 1:
        where = "no longer occurs" if count == 0 else f"occurs {count} times"
        return f"the snippet {where} in {m.file}: {m.original.strip()[:70]!r}"
    try:
        compile(text.replace(m.original, m.replacement), m.file, "exec")
    except SyntaxError as exc:
        return f"the mutated {m.file} does not compile ({exc.msg}, line {exc.lineno})"
    missing = [t for t in m.tests if source.read(t) is None]
    if missing:
        return f"its test files do not exist: {', '.join(missing)}"
    return None


class Copy:
    """One temporary copy of the repository, mutated and restored one mutant at a time."""

    def __init__(
        self, root: Path, dropped: tuple[str, ...] = (), deselected: tuple[str, ...] = ()
    ) -> None:
        self.root = root
        self.dropped = dropped
        self.deselected = tuple(f"--deselect={node}" for node in deselected)
        self.env = {
            **os.environ,
            "PYTHONPATH": str(root),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONHASHSEED": "0",
        }
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.runs = 0

    def imported_from(self) -> str:
        """Where a subprocess of the tests imports gatekeeper from: run outside the copy,
        so only PYTHONPATH can point it there (as for `.venv/bin/gatekeeper` in tests)."""
        done = subprocess.run(
            [sys.executable, "-c", "import gatekeeper.domain.vocab as v; print(v.__file__)"],
            cwd=self.root.parent, env=self.env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        return (done.stdout or done.stderr).strip()

    def pytest(self, paths: tuple[str, ...]) -> tuple[int | None, str]:
        """(exit code or None on timeout, output) of the fast tests in `paths`."""
        self.runs += 1
        basetemp = self.root.parent / f"{self.root.name}-tmp{self.runs}"
        cmd = [
            sys.executable, "-m", "pytest", *PYTEST, *FAST_OPTIONS,
            f"--basetemp={basetemp}", *self.deselected, *paths,
        ]  # fmt: skip
        try:
            done = subprocess.run(
                cmd, cwd=self.root, env=self.env, capture_output=True, text=True,
                timeout=TIMEOUT_S, check=False,
            )  # fmt: skip
            code, out = done.returncode, done.stdout + done.stderr
        except subprocess.TimeoutExpired as exc:
            out = (exc.stdout or b"").decode("utf-8", "replace") if isinstance(
                exc.stdout, bytes) else (exc.stdout or "")
            code = None
        shutil.rmtree(basetemp, ignore_errors=True)
        return code, out

    def _drop_bytecode(self, rel: str) -> None:
        path = self.root / rel
        for pyc in (path.parent / "__pycache__").glob(f"{path.stem}.*.pyc"):
            pyc.unlink(missing_ok=True)

    def run(self, m: Mutant) -> Result:
        started = time.monotonic()
        path = self.root / m.file
        original = path.read_text(encoding="utf-8")
        if original.count(m.original) != 1:
            return Result(m, STALE, "snippet not found once in the copy")
        try:
            path.write_text(original.replace(m.original, m.replacement), encoding="utf-8")
            self._drop_bytecode(m.file)
            status, detail = self._verdict(m)
        finally:
            path.write_text(original, encoding="utf-8")
            self._drop_bytecode(m.file)
        return Result(m, status, detail, time.monotonic() - started)

    def _verdict(self, m: Mutant) -> tuple[str, str]:
        focus = tuple(t for t in m.tests if t not in self.dropped)
        for paths in ((focus, FAST) if focus else (FAST,)):
            code, out = self.pytest(paths)
            if code is None:
                return KILLED, f"tests timed out after {TIMEOUT_S} s"
            if code in (1, 2):  # tests failed, or collection/import broke
                return KILLED, first_failure(out)
            if code != 0:  # 3 internal error, 4 usage error, 5 no tests: not a verdict
                return BROKEN, f"pytest exit code {code}: {last_lines(out)}"
        return SURVIVED, "the whole fast suite passes"


def first_failure(out: str) -> str:
    for line in out.splitlines():
        if line.startswith(("FAILED ", "ERROR ")):
            return line[:160]
    return last_lines(out)


def last_lines(out: str, n: int = 1) -> str:
    lines = [ln for ln in out.strip().splitlines() if ln.strip()]
    return " | ".join(lines[-n:])[:200]


# --- the run ----------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}"


def select(only: list[str] | None) -> list[Mutant]:
    if not only:
        return list(MUTANTS)
    known = {m.name: m for m in MUTANTS}
    unknown = [n for n in only if n not in known]
    if unknown:
        raise SystemExit(f"unknown mutant(s): {', '.join(unknown)} (see --list)")
    return [known[n] for n in only]


def prove(copy: Copy) -> str | None:
    """The three checks that make the figure mean something; None when all hold."""
    where = copy.imported_from()
    if not Path(where).resolve().is_relative_to(copy.root.resolve()):
        return f"the copy imports gatekeeper from {where}, not from {copy.root}"
    print(f"  gatekeeper is imported from the copy: {where}")
    started = time.monotonic()
    code, out = copy.pytest(FAST)
    if code != 0:
        return ("the unmutated copy does not pass the fast tests (fix them first): "
                f"{first_failure(out)}")  # fmt: skip
    print(f"  unmutated copy: fast suite passes ({last_lines(out)}, "
          f"{time.monotonic() - started:.0f} s)")  # fmt: skip
    control = copy.run(CONTROL)
    if control.status != KILLED:
        return f"the control mutant was not killed ({control.status}: {control.detail})"
    print(f"  control mutant killed ({control.detail})")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", "-j", type=int, default=min(2, os.cpu_count() or 1),
                        help="copies run in parallel (default: 2, or 1 on one CPU)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these mutants")
    parser.add_argument("--source", default="worktree",
                        help="'worktree' (default) or a git revision such as HEAD")
    parser.add_argument("--mutants-from", metavar="worktree|REV",
                        help="where mutants.py is read from (default: as --source)")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    parser.add_argument("--check", action="store_true",
                        help="only check that every snippet still occurs once (no tests)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copies")
    parser.add_argument("--deselect", nargs="+", default=[], metavar="NODEID",
                        help="leave these tests out of every run (a test broken by the "
                             "machine, not by the code; printed with the figure)")
    parser.add_argument("--drop", nargs="+", default=[], metavar="TEST_FILE",
                        help="remove these test files from the copies (the figure without "
                             "them, e.g. before tests written for survivors)")
    args = parser.parse_args(argv)

    source = Source(None if args.source == "worktree" else args.source)
    listed = args.mutants_from or args.source
    load_mutants(Source(None if listed == "worktree" else listed))
    if args.list:
        for m in MUTANTS:
            print(f"{m.name:36} {m.file:40} {m.rule}")
        print(f"{len(MUTANTS)} mutants")
        return 0

    chosen = select(args.only)
    started = time.monotonic()
    print(f"Mutation check of {len(chosen)} rule deletions, source: {args.source}, "
          f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine()}")  # fmt: skip
    if args.deselect or args.drop:
        print(f"  without: {', '.join([*args.drop, *args.deselect])}")

    results: list[Result] = []
    runnable: list[Mutant] = []
    for m in (CONTROL, *chosen):
        problem = check_mutant(m, source)
        if problem is None:
            if m is not CONTROL:
                runnable.append(m)
        elif m is CONTROL:
            print(f"ERROR: the control mutant cannot be applied: {problem}")
            return 2
        else:
            results.append(Result(m, STALE, problem))
    if args.check:
        for r in results:
            print(f"  STALE    {r.mutant.name:36} {r.detail}")
        print(f"{len(runnable)} of {len(chosen)} mutants apply to {args.source}")
        return 0 if not results else 1

    tmp = Path(tempfile.mkdtemp(prefix="gatekeeper-mutation-"))
    for name in SIBLINGS:
        if (REPO.parent / name).is_dir():
            (tmp / name).symlink_to(REPO.parent / name, target_is_directory=True)
    try:
        jobs = max(1, min(args.jobs, len(runnable) or 1))
        copies = []
        for i in range(jobs):
            root = tmp / f"copy{i}"
            source.copy_to(root)
            for rel in args.drop:
                (root / rel).unlink()
            copies.append(Copy(root, dropped=tuple(args.drop),
                               deselected=tuple(args.deselect)))
        print(f"Proof on {copies[0].root}:")
        problem = prove(copies[0])
        if problem is not None:
            print(f"ERROR: {problem}\nNo figure: the run would not mean anything.")
            return 2
        results += run_all(runnable, copies)
    finally:
        if args.keep:
            print(f"copies kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return report(results, len(chosen), time.monotonic() - started)


def run_all(mutants: list[Mutant], copies: list[Copy]) -> list[Result]:
    todo: queue.Queue[Mutant] = queue.Queue()
    for m in mutants:
        todo.put(m)
    done: list[Result] = []
    lock = threading.Lock()

    def worker(copy: Copy) -> None:
        while True:
            try:
                m = todo.get_nowait()
            except queue.Empty:
                return
            result = copy.run(m)
            with lock:
                done.append(result)
                print(f"  {result.status.upper():8} {m.name:36} {result.seconds:5.1f} s  "
                      f"{result.detail}", flush=True)  # fmt: skip

    threads = [threading.Thread(target=worker, args=(c,)) for c in copies]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    order = {m.name: i for i, m in enumerate(mutants)}
    return sorted(done, key=lambda r: order[r.mutant.name])


def report(results: list[Result], total: int, seconds: float) -> int:
    order = {m.name: i for i, m in enumerate(MUTANTS)}
    results.sort(key=lambda r: order[r.mutant.name])
    print()
    for r in results:
        print(f"{r.status:8} {r.mutant.name:36} {r.mutant.rule}")
        if r.status != KILLED:
            print(f"         {r.detail}")
    killed = sum(r.status == KILLED for r in results)
    counts = {s: sum(r.status == s for r in results) for s in (SURVIVED, STALE, BROKEN)}
    print(f"\n{killed} of {total} rule deletions caught "
          f"({counts[SURVIVED]} survived, {counts[STALE]} stale, {counts[BROKEN]} broken) "
          f"in {seconds / 60:.1f} min")  # fmt: skip
    return 0 if killed == total else 1


if __name__ == "__main__":
    sys.exit(main())
