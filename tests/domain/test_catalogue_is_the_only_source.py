"""One translation path per side: every text the plain-Python layers produce comes from
the domain catalogue (`gatekeeper/domain/messages.py`), written once, in both languages.

The widgets translate theirs with Qt Linguist (tests/ui/test_translations.py); below
`ui` nobody writes `Text("english", "中文")` or a bilingual f-string: code names a
catalogue key (`messages.entry` / `text` / `filled`). A value that reads the same in both
languages (a name, a place typed once) goes through `Text.same`.
"""

from __future__ import annotations

import ast
import re
import string
from collections import defaultdict
from pathlib import Path

import pytest

from gatekeeper.domain import messages

PACKAGE = Path(messages.__file__).resolve().parents[1]
LAYERS = ("domain", "ledger", "scanner", "services", "reports", "cli")
CATALOGUE_FILES = {PACKAGE / "domain" / "messages.py", PACKAGE / "domain" / "i18n.py"}
# String literals with Chinese in them that are not messages, so not the catalogue's:
# the policy's own defaults (the site edits them in its policy file) and the comments of
# the file it writes; the province characters of ID and plate rules; the colour words
# read off a health code; the full-width separators a typed list of stays may use.
CJK_DATA_FILES = {
    "domain/policy.py", "domain/identity.py", "scanner/payloads.py", "services/kiosk/people.py",
}
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def modules() -> list[Path]:
    return sorted(
        path for layer in LAYERS for path in (PACKAGE / layer).rglob("*.py")
        if path not in CATALOGUE_FILES
    )  # fmt: skip


def _rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _is_literal(node: ast.AST) -> bool:
    """Wording written in the code: a string, an f-string, "a" + x, "…".format(…)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_literal(node.left) or _is_literal(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _is_literal(node.func.value)
    return False


def _text_names(tree: ast.Module) -> set[str]:
    """The names `Text` goes by in a module (`from …i18n import Text as T`)."""
    names = {"Text"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("i18n"):
            names |= {alias.asname or alias.name for alias in node.names if alias.name == "Text"}
    return names


def _is_text(func: ast.expr, names: set[str]) -> bool:
    if isinstance(func, ast.Name):
        return func.id in names
    return isinstance(func, ast.Attribute) and func.attr == "Text"  # i18n.Text(…)


def written_texts(source: str, where: str) -> list[str]:
    """Every `Text(…)` with wording written in it, and every `Text.same("words")`."""
    tree = ast.parse(source)
    names = _text_names(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        args = [*node.args, *(k.value for k in node.keywords)]
        func = node.func
        if _is_text(func, names) and any(_is_literal(a) for a in args):
            found.append(f"{where}:{node.lineno}: {ast.unparse(node)[:90]}")
        same = isinstance(func, ast.Attribute) and func.attr == "same"
        if same and _is_text(func.value, names) and any(
            _is_literal(a) and not (isinstance(a, ast.Constant) and a.value == "") for a in args
        ):
            found.append(f"{where}:{node.lineno}: {ast.unparse(node)[:90]} (words: a key)")
    return found


def chinese_literals(source: str, where: str) -> list[str]:
    """String literals with Chinese in them, docstrings aside."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }  # fmt: skip
    return [
        f"{where}:{node.lineno}: {node.value[:60]!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings and CJK.search(node.value)
    ]  # fmt: skip


def test_the_walk_sees_every_layer() -> None:
    seen = {_rel(path).split("/")[0] for path in modules()}
    assert seen == set(LAYERS)
    assert len(modules()) > 50


def test_no_text_is_written_outside_the_catalogue() -> None:
    found = [
        hit for path in modules()
        for hit in written_texts(path.read_text(encoding="utf-8"), _rel(path))
    ]  # fmt: skip
    assert not found, "move these into gatekeeper/domain/messages.py:\n" + "\n".join(found)


def test_no_chinese_wording_outside_the_catalogue() -> None:
    """Bilingual wording passed as two plain strings (`f(en, zh)`) is caught too."""
    found = [
        hit for path in modules() if _rel(path) not in CJK_DATA_FILES
        for hit in chinese_literals(path.read_text(encoding="utf-8"), _rel(path))
    ]  # fmt: skip
    assert not found, "move these into gatekeeper/domain/messages.py:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        'from gatekeeper.domain.i18n import Text\nNOPE = Text("Nope", "不行")\n',
        'from gatekeeper.domain.i18n import Text as T\nNOPE = T(en="Nope", zh_CN="不行")\n',
        'from gatekeeper.domain import i18n\nx = 1\nNOPE = i18n.Text(f"{x} left", f"还剩{x}")\n',
        'from gatekeeper.domain.i18n import Text\nNOPE = Text("Nope " + "x", "不" + "行")\n',
        'from gatekeeper.domain.i18n import Text\nNOPE = Text.same("Nope")\n',
    ],
    ids=["literal", "alias-keywords", "f-string", "concatenated", "same-with-words"],
)
def test_the_walk_catches_a_written_text(source: str) -> None:
    assert written_texts(source, "example.py")


@pytest.mark.parametrize(
    "source",
    [
        'from gatekeeper.domain import messages\nOK = messages.entry("ledger.disk_full")\n',
        'from gatekeeper.domain.i18n import Text\ndef f(name): return Text.same(name)\n',
        'from gatekeeper.domain.i18n import Text\ndef f(p): return Text(p["en"], p["zh_CN"])\n',
        'from gatekeeper.domain.i18n import Text\nEMPTY = Text.same("")\n',
    ],
    ids=["entry", "same-value", "site-data", "empty"],
)
def test_the_walk_lets_keys_and_values_through(source: str) -> None:
    assert not written_texts(source, "example.py")


def test_the_walk_catches_two_plain_strings() -> None:
    assert chinese_literals('raise bad("kind", "not a kind", "不是类型")\n', "example.py")
    assert not chinese_literals('def f():\n    """说明"""\n', "example.py")


# --- the catalogue itself --------------------------------------------------------------------


def _fields(template: str) -> set[tuple[str, str | None, str]]:
    """The `{name!conv:spec}` placeholders of a template (raises on a stray brace)."""
    return {
        (name, conversion, spec or "")
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    }


@pytest.mark.parametrize("key", sorted(messages._RAW))
def test_every_entry_has_both_languages_and_the_same_placeholders(key: str) -> None:
    en, zh = messages._RAW[key]
    assert en.strip() and zh.strip(), key
    assert _fields(en) == _fields(zh), key
    params = {name: "x" for name, _, _ in _fields(en)}
    assert messages.entry(key).format("zh_CN", **params)  # fills without a KeyError


def test_no_text_is_written_twice() -> None:
    keys_by_text: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, pair in messages._RAW.items():
        keys_by_text[pair].append(key)
    twice = {pair: keys for pair, keys in keys_by_text.items() if len(keys) > 1}
    assert not twice, f"one entry each (or _SAME_AS for a key that must exist): {twice}"
    for alias, key in messages._SAME_AS.items():
        assert alias not in messages._RAW and key in messages._RAW, alias
        assert messages.entry(alias) is messages.entry(key)


KEY_CALL = re.compile(r"""messages\.(?:entry|text|filled)\(\s*["']([a-z_]+(?:\.[a-z_]+)+)["']""")


def test_every_key_the_code_names_exists() -> None:
    """A key used inside a function is only looked up when it runs: check them all now."""
    used: dict[str, str] = {}
    for path in [*modules(), *sorted((PACKAGE / "ui").rglob("*.py"))]:
        for key in KEY_CALL.findall(path.read_text(encoding="utf-8")):
            used.setdefault(key, _rel(path))
    assert len(used) > 150
    missing = {key: where for key, where in used.items() if key not in messages.CATALOGUE}
    assert not missing


def test_keys_built_from_codes_exist() -> None:
    """`camera.<state>`, `pass.<problem>`, `verify.<problem>`: every code has its entry."""
    from gatekeeper.scanner.camera import STATE_TEXT, CameraState
    from gatekeeper.scanner.passes import PROBLEM_TEXT, PassProblem

    assert set(STATE_TEXT) == set(CameraState) and set(PROBLEM_TEXT) == set(PassProblem)
    verify = (PACKAGE / "ledger" / "verify.py").read_text(encoding="utf-8")
    codes = set(re.findall(r'_problem\([^"]*?"([a-z_]+)"', verify, re.S))
    assert len(codes) >= 10
    assert {f"verify.{code}" for code in codes} <= set(messages.CATALOGUE)
