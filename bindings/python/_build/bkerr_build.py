"""The PEP 517 build backend of the bkerr binding: the standard library only.

Why not setuptools: setuptools before 70.1 builds wheels only with the
separate ``wheel`` package, which many Pythons (pyenv's, a bare venv) do not
have.  ``pip install --no-build-isolation`` then fails, and with build
isolation pip would download setuptools and wheel.  The package is three
files of pure Python, so this backend zips them itself: ``pip install
bindings/python`` works offline, with or without build isolation, on any
Python with pip, and nothing is required at build time.

Hooks: build_wheel, build_sdist, build_editable (PEP 660: a .pth file
pointing at this directory), prepare_metadata_for_build_wheel/_editable and
the get_requires_* ones (nothing).  The version is bkerr's, whose one
source is meson.build's project(): bkerr/_version.py reads it there, and
the wheel and the sdist carry that file as the one line it computed.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import runpy
import tarfile
import time
import zipfile
from typing import Dict, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME = "bkerr"
SUMMARY = "BlueKing error-code registry: a ctypes binding of libbkerr.so"
REQUIRES_PYTHON = ">=3.8"
LICENSE = "MIT"
CLASSIFIERS = [
    "Programming Language :: Python :: 3",
    "Operating System :: POSIX :: Linux",
    "License :: OSI Approved :: MIT License",
    "Typing :: Typed",
]
PACKAGE_FILES = ["__init__.py", "_native.py", "_version.py", "logging.py", "py.typed"]
SDIST_FILES = ["pyproject.toml", "README.md", "_build/bkerr_build.py"] + [
    f"bkerr/{f}" for f in PACKAGE_FILES
]
TAG = "py3-none-any"


VERSION_FILE = f"{NAME}/_version.py"


def _version() -> str:
    return runpy.run_path(os.path.join(ROOT, VERSION_FILE))["__version__"]


def _source(path: str) -> bytes:
    """A file as it goes into a wheel or sdist: _version.py as its value."""
    if path == VERSION_FILE:
        return (f'"""bkerr\'s version, from meson.build when this was '
                f'built."""\n\n__version__ = "{_version()}"\n').encode("utf-8")
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def _metadata() -> str:
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {NAME}",
        f"Version: {_version()}",
        f"Summary: {SUMMARY}",
        f"License: {LICENSE}",
        f"Requires-Python: {REQUIRES_PYTHON}",
    ] + [f"Classifier: {c}" for c in CLASSIFIERS] + [
        "Description-Content-Type: text/markdown",
        "",
        readme,
    ]
    return "\n".join(lines)


def _wheel_file() -> str:
    return ("Wheel-Version: 1.0\nGenerator: bkerr_build\n"
            f"Root-Is-Purelib: true\nTag: {TAG}\n")


def _dist_info() -> str:
    return f"{NAME}-{_version()}.dist-info"


def _dist_info_files() -> Dict[str, bytes]:
    return {
        "METADATA": _metadata().encode("utf-8"),
        "WHEEL": _wheel_file().encode("utf-8"),
    }


def _record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return f"{path},sha256={digest.decode('ascii')},{len(data)}"


# Reproducible archives: a fixed timestamp (SOURCE_DATE_EPOCH if set).
def _epoch() -> int:
    return max(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")), 315532800)


def _write_wheel(directory: str, files: List[Tuple[str, bytes]]) -> str:
    """Writes a wheel of files plus the dist-info; returns its basename."""
    info = _dist_info()
    files = files + [(f"{info}/{n}", d) for n, d in _dist_info_files().items()]
    record = [_record_line(p, d) for p, d in files] + [f"{info}/RECORD,,"]
    files.append((f"{info}/RECORD", ("\n".join(record) + "\n").encode("utf-8")))
    name = f"{NAME}-{_version()}-{TAG}.whl"
    stamp = time.gmtime(_epoch())[:6]
    with zipfile.ZipFile(os.path.join(directory, name), "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in files:
            entry = zipfile.ZipInfo(path, date_time=stamp)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(entry, data)
    return name


def _package_files() -> List[Tuple[str, bytes]]:
    return [(f"{NAME}/{f}", _source(f"{NAME}/{f}")) for f in PACKAGE_FILES]


# ---- PEP 517 / PEP 660 hooks ------------------------------------------------


def get_requires_for_build_wheel(config_settings: Optional[dict] = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[dict] = None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: Optional[dict] = None) -> List[str]:
    return []


def prepare_metadata_for_build_wheel(metadata_directory: str,
                                     config_settings: Optional[dict] = None) -> str:
    info = _dist_info()
    os.makedirs(os.path.join(metadata_directory, info), exist_ok=True)
    for name, data in _dist_info_files().items():
        with open(os.path.join(metadata_directory, info, name), "wb") as f:
            f.write(data)
    return info


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory: str, config_settings: Optional[dict] = None,
                metadata_directory: Optional[str] = None) -> str:
    return _write_wheel(wheel_directory, _package_files())


def build_editable(wheel_directory: str, config_settings: Optional[dict] = None,
                   metadata_directory: Optional[str] = None) -> str:
    pth = (ROOT + "\n").encode("utf-8")
    return _write_wheel(wheel_directory, [(f"__editable__.{NAME}.pth", pth)])


def build_sdist(sdist_directory: str, config_settings: Optional[dict] = None) -> str:
    base = f"{NAME}-{_version()}"
    name = f"{base}.tar.gz"
    members = [(f, _source(f)) for f in SDIST_FILES]
    members.append(("PKG-INFO", _metadata().encode("utf-8")))
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz",
                      format=tarfile.PAX_FORMAT) as tar:
        for path, data in members:
            entry = tarfile.TarInfo(f"{base}/{path}")
            entry.size = len(data)
            entry.mtime = _epoch()
            entry.mode = 0o644
            tar.addfile(entry, io.BytesIO(data))
    return name
