"""bindings/python installs offline with pip, with and without build
isolation (its build backend needs nothing but the standard library), and
the installed package works."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest

import support


class PackageTest(unittest.TestCase):
    def setUp(self) -> None:
        if importlib.util.find_spec("pip") is None:
            self.skipTest("pip is not installed")
        self.work = tempfile.mkdtemp(prefix="bkerr-py-pip-")
        self.addCleanup(shutil.rmtree, self.work, True)
        # build from a copy, so that nothing is written into the source
        # tree: the binding where it lies in the repository, beside the
        # meson.build its version is read from
        repo = os.path.join(self.work, "repo")
        self.src = os.path.join(repo, "bindings", "python")
        shutil.copytree(support.BINDING, self.src,
                        ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
        shutil.copy(os.path.join(support.BINDING, os.pardir, os.pardir, "meson.build"), repo)
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
        # every file of the package, and only those
        package = os.path.join(support.BINDING, "bkerr")
        sources = sorted(f for f in os.listdir(package) if not f.startswith("__pycache__"))
        self.assertIn("logging.py", sources)
        installed = sorted(f for f in os.listdir(os.path.join(target, "bkerr"))
                           if not f.startswith("__pycache__"))
        self.assertEqual(installed, sources)
        return target

    def check(self, target: str) -> None:
        # the installed copy, not the source tree, answers
        env = dict(self.env, PYTHONPATH=target)
        probe = ("import bkerr; print(bkerr.__file__); "
                 "print(bkerr.load_library().version); "
                 "print(bkerr.__version__); "
                 "import importlib.metadata as m; print(m.version('bkerr')); "
                 "print(bkerr.Lang.parse('en').tag)")
        run = subprocess.run([sys.executable, "-c", probe], env=env, cwd=self.work,
                             capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stderr)
        path, version, binding, dist, tag = run.stdout.split()
        self.assertTrue(path.startswith(target), path)
        # one version: the library's, the installed module's and the
        # distribution's, the copy's _version.py a literal, not a reader
        # of a meson.build that the installed copy has not got
        self.assertEqual(binding, version)
        self.assertEqual(dist, version)
        with open(os.path.join(target, "bkerr", "_version.py"), encoding="utf-8") as f:
            self.assertIn(f'__version__ = "{version}"', f.read())
        self.assertEqual(tag, "en")

    def test_pip_install_without_build_isolation(self) -> None:
        self.check(self.install("--no-build-isolation"))

    def test_pip_install_with_build_isolation(self) -> None:
        self.check(self.install())

    def test_an_sdist_installs_without_the_repository(self) -> None:
        # the sdist carries the version it was built with: unpacked alone,
        # with no meson.build above it, it still installs as that version
        out = os.path.join(self.work, "dist")
        os.mkdir(out)
        build = ("import sys; sys.path.insert(0, '_build'); import bkerr_build; "
                 f"print(bkerr_build.build_sdist({out!r}))")
        run = subprocess.run([sys.executable, "-c", build], cwd=self.src, env=self.env,
                             capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stderr)
        alone = os.path.join(self.work, "alone")
        with tarfile.open(os.path.join(out, run.stdout.strip())) as tar:
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(alone, **safe)
        (self.src,) = [os.path.join(alone, d) for d in os.listdir(alone)]
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
