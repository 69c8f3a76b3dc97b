"""The binding's version, which is bkerr's: its one source is the version
in the repository's meson.build project(), read here.  A wheel or sdist
built by _build/bkerr_build.py carries this file as one line instead,
``__version__ = "X.Y.Z"``, read from here when it was built."""

import os
import re


def _from_meson_build() -> str:
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        os.pardir, os.pardir, os.pardir, "meson.build")
    with open(path, encoding="utf-8") as f:
        m = re.search(r"^project\([^)]*?\bversion:\s*'([^']+)'", f.read(), re.M)
    if not m:
        raise RuntimeError(f"{path}: project() has no version")
    return m.group(1)


__version__ = _from_meson_build()
