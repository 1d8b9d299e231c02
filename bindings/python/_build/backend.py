"""PEP 517 build backend of the swi package: setuptools' build_meta, usable
offline.

pip builds in an isolated environment that hides the interpreter's
site-packages and would download setuptools (and wheel) from an index. This
backend declares no requirements and imports setuptools from the
interpreter's own site-packages instead. Where setuptools cannot build a
wheel by itself (setuptools < 70 without the `wheel` package), the wheel of
this pure-Python package is written here, from the same pyproject.toml.
"""

from __future__ import annotations

import base64
import hashlib
import os
import site
import sys
import tomllib
import zipfile

try:
    from setuptools import build_meta as _meta
except ImportError:  # pip's isolated build environment
    for _path in site.getsitepackages() + [site.getusersitepackages()]:
        if _path not in sys.path:
            sys.path.append(_path)
    from setuptools import build_meta as _meta


def _setuptools_builds_wheels() -> bool:
    try:
        import wheel  # noqa: F401
        return True
    except ImportError:
        pass
    try:
        from setuptools.command import bdist_wheel  # noqa: F401  (setuptools >= 70)
        return True
    except ImportError:
        return False


_CAN_WHEEL = _setuptools_builds_wheels()
_HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_sdist(sdist_directory, config_settings=None):
    return _meta.build_sdist(sdist_directory, config_settings)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    return _meta.build_editable(wheel_directory, config_settings, metadata_directory)


if _CAN_WHEEL:
    def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
        return _meta.prepare_metadata_for_build_wheel(metadata_directory, config_settings)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    if _CAN_WHEEL:
        return _meta.build_wheel(wheel_directory, config_settings, metadata_directory)
    return _build_pure_wheel(wheel_directory)


def _build_pure_wheel(wheel_directory: str) -> str:
    with open(os.path.join(_HERE, "pyproject.toml"), "rb") as f:
        project = tomllib.load(f)["project"]
    name, version = project["name"], project["version"]
    dist_info = f"{name}-{version}.dist-info"
    meta = [
        "Metadata-Version: 2.1",
        f"Name: {name}",
        f"Version: {version}",
        f"Summary: {project.get('description', '')}",
        f"Requires-Python: {project.get('requires-python', '')}",
        f"License: {project.get('license', {}).get('text', '')}",
    ]
    meta += [f"Classifier: {c}" for c in project.get("classifiers", [])]
    files: list[tuple[str, bytes]] = []
    pkg = os.path.join(_HERE, "swi")
    for fn in sorted(os.listdir(pkg)):
        if fn.endswith(".py") or fn == "py.typed":
            with open(os.path.join(pkg, fn), "rb") as f:
                files.append((f"swi/{fn}", f.read()))
    files.append((f"{dist_info}/METADATA", ("\n".join(meta) + "\n").encode()))
    files.append((f"{dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: swi-backend\n"
                  b"Root-Is-Purelib: true\nTag: py3-none-any\n"))
    files.append((f"{dist_info}/top_level.txt", b"swi\n"))
    record = []
    for path, data in files:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{dist_info}/RECORD,,")
    files.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode()))
    wheel_name = f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel_name), "w",
                         zipfile.ZIP_DEFLATED) as zf:
        for path, data in files:
            zf.writestr(path, data)
    return wheel_name
