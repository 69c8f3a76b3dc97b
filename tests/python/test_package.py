"""bindings/python installs offline with pip, with and without build
isolation (its build backend needs nothing but the standard library), and
the installed package works."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import support


class PackageTest(unittest.TestCase):
    def setUp(self) -> None:
        if importlib.util.find_spec("pip") is None:
            self.skipTest("pip is not installed")
        self.work = tempfile.mkdtemp(prefix="bkerr-py-pip-")
        self.addCleanup(shutil.rmtree, self.work, True)
        # build from a copy, so that nothing is written into the source tree
        self.src = os.path.join(self.work, "src")
        shutil.copytree(support.BINDING, self.src,
                        ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
        self.env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
                        PIP_NO_CACHE_DIR="1", PYTHONDONTWRITEBYTECODE="1")
        self.env.pop("PYTHONPATH", None)

    def install(self, *flags: str) -> str:
        target = os.path.join(self.work, "target" + "".join(flags))
        run = subprocess.run(
            [sys.executable, "-m", "pip", "install", *flags, "--no-deps", "--no-index",
             "--target", target, self.src],
            env=self.env, capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
        for name in ("__init__.py", "_native.py", "py.typed"):
            self.assertTrue(os.path.exists(os.path.join(target, "bkerr", name)), name)
        return target

    def check(self, target: str) -> None:
        # the installed copy, not the source tree, answers
        env = dict(self.env, PYTHONPATH=target)
        probe = ("import bkerr; print(bkerr.__file__); "
                 "print(bkerr.load_library().version); "
                 "print(bkerr.Lang.parse('en').tag)")
        run = subprocess.run([sys.executable, "-c", probe], env=env, cwd=self.work,
                             capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stderr)
        path, version, tag = run.stdout.split()
        self.assertTrue(path.startswith(target), path)
        self.assertEqual(version, "0.1.0")
        self.assertEqual(tag, "en")

    def test_pip_install_without_build_isolation(self) -> None:
        self.check(self.install("--no-build-isolation"))

    def test_pip_install_with_build_isolation(self) -> None:
        self.check(self.install())

    def test_building_writes_nothing_next_to_the_sources(self) -> None:
        def tree() -> list:
            return sorted(os.path.relpath(os.path.join(d, f), self.src)
                          for d, _, fs in os.walk(self.src) for f in fs)
        before = tree()
        self.install("--no-build-isolation")
        self.assertEqual(tree(), before)


if __name__ == "__main__":
    unittest.main(verbosity=2)
