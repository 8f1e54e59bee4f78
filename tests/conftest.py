"""Test-wide settings and guards. Imports no Qt: the domain and ledger tests need no display.

Qt fixtures live in ``tests/ui/conftest.py``.
"""

from __future__ import annotations

import os
import sys
import threading
import weakref
from collections.abc import Iterator

import pytest

# Before anything creates a QApplication: tests draw off screen. Only tests set this;
# a person running the GUI gets their real screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The language comes from each test, never from the shell that runs them.
os.environ.pop("GATEKEEPER_LANG", None)


# The offscreen platform says so on every window shown; it is not the code's warning.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """pytest-qt fails a test on any Qt warning (qt_log_level_fail): ignore platform noise."""
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        for item in items:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _clean_language_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GATEKEEPER_LANG", raising=False)


@pytest.fixture(autouse=True)
def _own_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
                  ) -> None:  # fmt: skip
    """Keys and logs in a folder of the test's own, never the user's home (a test that
    needs another sets GATEKEEPER_DATA_DIR itself)."""
    monkeypatch.setenv("GATEKEEPER_DATA_DIR", str(tmp_path_factory.mktemp("data")))


def _track_qthreads(monkeypatch: pytest.MonkeyPatch) -> weakref.WeakKeyDictionary | None:
    """Record every QThread started during the test, if Qt is loaded at all.

    Qt is never imported here: if no test has loaded it, no test can start a QThread.
    """
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None:
        return None
    started: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
    original_start = qtcore.QThread.start

    def start(self, *args, **kwargs):
        started[self] = repr(self)
        return original_start(self, *args, **kwargs)

    monkeypatch.setattr(qtcore.QThread, "start", start)
    return started


def _running_qthreads(started: weakref.WeakKeyDictionary | None) -> list[str]:
    if not started:
        return []
    running = []
    for thread, name in list(started.items()):
        try:
            if thread.isRunning():
                running.append(name)
        except RuntimeError:  # the C++ object is gone: so is its thread
            continue
    return running


def _busy_thread_pool() -> int:
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None or qtcore.QCoreApplication.instance() is None:
        return 0
    return qtcore.QThreadPool.globalInstance().activeThreadCount()


@pytest.fixture(autouse=True)
def _no_leftover_threads(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that leaves a thread running: Python threads, QThreads, Qt's pool."""
    before = set(threading.enumerate())
    started = _track_qthreads(monkeypatch)
    yield
    problems = []
    for thread in set(threading.enumerate()) - before:
        if isinstance(thread, threading._DummyThread):
            continue  # a QThread that ran Python code: checked as a QThread below
        thread.join(timeout=2.0)  # one that is already stopping gets to finish
        if thread.is_alive():
            problems.append(f"Python thread {thread.name!r}")
    problems += [f"QThread {name}" for name in _running_qthreads(started)]
    if busy := _busy_thread_pool():
        problems.append(f"{busy} QThreadPool task(s)")
    if problems:
        pytest.fail("test left threads running: " + ", ".join(problems), pytrace=False)


# --- a real PostgreSQL for the site hub's tests (tests/pg_cluster.py) ------------------
@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """One throwaway cluster for the whole run (or GATEKEEPER_TEST_HUB's server),
    started only when a test asks for it."""
    import pg_cluster

    server = pg_cluster.from_environment()
    if server is not None:
        yield server
        return
    server = pg_cluster.start_cluster()
    try:
        yield server
    finally:
        pg_cluster.remove(server)


@pytest.fixture
def hub_dsn(pg_server) -> Iterator[str]:
    """A new empty database on the test server, as its administrator (not yet a hub)."""
    dsn = pg_server.new_database()
    try:
        yield dsn
    finally:
        pg_server.drop_database(dsn)
