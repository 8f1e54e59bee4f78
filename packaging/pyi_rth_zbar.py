"""PyInstaller runtime hook: pyzbar loads the zbar library bundled with the app.

pyzbar (``pyzbar/zbar_library.py``) finds zbar on Linux and macOS with
``ctypes.util.find_library('zbar')`` and the system loader: in a frozen app that finds
the machine's copy, or nothing on a machine without libzbar0. The spec bundles the
build machine's library beside the app's other libraries (``sys._MEIPASS``); this hook,
which runs before the app's own code, replaces ``zbar_library.load`` with one that loads
that copy, and falls back to pyzbar's own search if it is somehow missing. On Windows
pyzbar's wheel carries its DLLs and its loader already looks beside itself: nothing to do.
"""

import sys


def _use_bundled_zbar() -> None:
    import platform
    from ctypes import cdll
    from pathlib import Path

    if platform.system() == "Windows":
        return
    base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    bundled = sorted(base.glob("libzbar.so*")) + sorted(base.glob("libzbar*.dylib"))
    if not bundled:
        return

    from pyzbar import zbar_library

    system_load = zbar_library.load

    def load():
        try:
            return cdll.LoadLibrary(str(bundled[0])), []
        except OSError:
            return system_load()

    zbar_library.load = load


_use_bundled_zbar()
