"""PEP 517/660 build backend of the swi package: standard library only, offline.

It needs neither setuptools nor wheel nor a network: pip's isolated build
environment installs nothing (``requires = []``), and ``pip wheel
--no-build-isolation --no-index`` works the same. The package is pure Python
(ctypes); the one native file it may carry is libswi itself:

- ``build_wheel`` with the config setting ``libswi=/path/to/libswi.so.0``
  (``pip wheel --config-settings libswi=build/lib/libswi.so.0 --no-build-isolation --no-index
  bindings/python``) copies that library into the wheel as
  ``swi/libswi.so.0``; the wheel is then tagged for this platform
  (``py3-none-linux_x86_64``), and the binding loads that copy (see
  ``swi/_clib.py`` for the order). Without it the wheel is ``py3-none-any``
  and uses the system's libswi.so.0 or ``$SWI_LIBRARY``.
- ``build_editable`` writes a wheel holding ``swi.pth``: the source
  directory on ``sys.path`` (the editable install uses ``$SWI_LIBRARY`` or the
  system library; a tree has no bundled copy).
- Metadata comes from ``pyproject.toml``, read with tomllib. Python < 3.11 has
  no tomllib: the few fields the metadata needs are then read with a small
  reader, so pip on Python 3.10 gets ``Requires-Python`` and refuses the
  package with its own clear message instead of crashing here.

Also a command line, used by meson (bindings/python/meson.build)::

    python3 _build/backend.py wheel OUTDIR [--libswi PATH]   # builds, prints the path
    python3 _build/backend.py name [--libswi]                  # the wheel's file name
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import sys
import sysconfig
import tarfile
import time
import zipfile

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11: see _read_project()
    tomllib = None  # type: ignore[assignment]

_HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_PACKAGE = "swi"
_SONAME = "libswi.so.0"
# Zip timestamps: SOURCE_DATE_EPOCH when set, else 1980-01-01, so that two
# builds of the same tree give the same wheel.
_EPOCH = max(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")), 315532800)


# ---- metadata --------------------------------------------------------------

def _read_project() -> dict:
    with open(os.path.join(_HERE, "pyproject.toml"), "rb") as f:
        data = f.read()
    if tomllib is not None:
        return tomllib.loads(data.decode("utf-8"))["project"]
    # Python < 3.11: the [project] table's simple `key = "text"` lines, and
    # classifiers; enough for the metadata that lets pip check Requires-Python.
    text = data.decode("utf-8")
    m = re.search(r"^\[project\]\s*$(.*?)(?=^\[|\Z)", text, re.M | re.S)
    body = m.group(1) if m else ""
    project: dict = {}
    for key, value in re.findall(r'^([A-Za-z-]+)\s*=\s*"([^"]*)"\s*$', body, re.M):
        project[key] = value
    lic = re.search(r'^license\s*=\s*\{\s*text\s*=\s*"([^"]*)"\s*\}', body, re.M)
    if lic:
        project["license"] = {"text": lic.group(1)}
    cls = re.search(r"^classifiers\s*=\s*\[(.*?)\]", body, re.M | re.S)
    if cls:
        project["classifiers"] = re.findall(r'"([^"]*)"', cls.group(1))
    return project


def _names() -> tuple[str, str, str]:
    project = _read_project()
    name, version = project["name"], project["version"]
    return name, version, f"{name}-{version}.dist-info"


def _metadata() -> bytes:
    project = _read_project()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
        f"Summary: {project.get('description', '')}",
        f"Requires-Python: {project.get('requires-python', '')}",
        f"License: {project.get('license', {}).get('text', '')}",
    ]
    lines += [f"Classifier: {c}" for c in project.get("classifiers", [])]
    body = ""
    readme = project.get("readme")
    if readme and os.path.isfile(os.path.join(_HERE, readme)):
        lines.append("Description-Content-Type: text/markdown")
        with open(os.path.join(_HERE, readme), encoding="utf-8") as f:
            body = "\n" + f.read()
    return ("\n".join(lines) + "\n" + body).encode("utf-8")


def _wheel_file(tag: str, purelib: bool) -> bytes:
    return (f"Wheel-Version: 1.0\nGenerator: swi-backend\n"
            f"Root-Is-Purelib: {'true' if purelib else 'false'}\nTag: {tag}\n").encode()


def _platform_tag() -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", sysconfig.get_platform())


# ---- archives ---------------------------------------------------------------

def _package_files() -> list[tuple[str, bytes]]:
    files = []
    pkg = os.path.join(_HERE, _PACKAGE)
    for fn in sorted(os.listdir(pkg)):
        if fn.endswith(".py") or fn == "py.typed":
            with open(os.path.join(pkg, fn), "rb") as f:
                files.append((f"{_PACKAGE}/{fn}", f.read()))
    return files


def _write_wheel(directory: str, tag: str, files: list[tuple[str, bytes]],
                 purelib: bool = True) -> str:
    name, version, dist_info = _names()
    files = list(files)
    files.append((f"{dist_info}/METADATA", _metadata()))
    files.append((f"{dist_info}/WHEEL", _wheel_file(tag, purelib)))
    files.append((f"{dist_info}/top_level.txt", f"{_PACKAGE}\n".encode()))
    record = []
    for path, data in files:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{dist_info}/RECORD,,")
    files.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode()))
    wheel_name = f"{name}-{version}-{tag}.whl"
    os.makedirs(directory, exist_ok=True)
    tmp = os.path.join(directory, f".{wheel_name}.tmp")
    date = time.gmtime(_EPOCH)[:6]
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, data in files:
            info = zipfile.ZipInfo(path, date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            mode = 0o755 if path.endswith(_SONAME) else 0o644
            info.external_attr = (0o100000 | mode) << 16
            zf.writestr(info, data)
    os.replace(tmp, os.path.join(directory, wheel_name))
    return wheel_name


def _libswi(config_settings: dict | None) -> str | None:
    path = (config_settings or {}).get("libswi")
    if isinstance(path, list):  # pip passes a repeated -C as a list
        path = path[-1]
    if not path:
        return None
    path = os.path.realpath(path)
    with open(path, "rb") as f:
        if f.read(4) != b"\x7fELF":
            raise ValueError(f"libswi={path}: not an ELF shared library")
    return path


# ---- PEP 517 / PEP 660 hooks --------------------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    _, _, dist_info = _names()
    os.makedirs(os.path.join(metadata_directory, dist_info), exist_ok=True)
    with open(os.path.join(metadata_directory, dist_info, "METADATA"), "wb") as f:
        f.write(_metadata())
    return dist_info


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    files = _package_files()
    lib = _libswi(config_settings)
    if lib is None:
        return _write_wheel(wheel_directory, "py3-none-any", files)
    with open(lib, "rb") as f:
        files.append((f"{_PACKAGE}/{_SONAME}", f.read()))
    return _write_wheel(wheel_directory, f"py3-none-{_platform_tag()}", files, purelib=False)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    # The directory that holds the swi package goes on sys.path.
    return _write_wheel(wheel_directory, "py3-none-any", [(f"{_PACKAGE}.pth", (_HERE + "\n").encode())])


def build_sdist(sdist_directory, config_settings=None):
    name, version, _ = _names()
    base = f"{name}-{version}"
    members = [("PKG-INFO", _metadata())]
    for rel in ["pyproject.toml", "README.md", "_build/backend.py"]:
        with open(os.path.join(_HERE, rel), "rb") as f:
            members.append((rel, f.read()))
    members += _package_files()
    os.makedirs(sdist_directory, exist_ok=True)
    out = os.path.join(sdist_directory, f"{base}.tar.gz")
    with tarfile.open(out, "w:gz", format=tarfile.PAX_FORMAT) as tf:
        for rel, data in members:
            info = tarfile.TarInfo(f"{base}/{rel}")
            info.size, info.mtime, info.mode = len(data), _EPOCH, 0o644
            tf.addfile(info, io.BytesIO(data))
    return os.path.basename(out)


# ---- command line (meson) -----------------------------------------------------

def _wheel_name(bundled: bool) -> str:
    name, version, _ = _names()
    return f"{name}-{version}-py3-none-{_platform_tag() if bundled else 'any'}.whl"


def _main(argv: list[str]) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="backend.py", description="Build the swi wheel offline.")
    ap.add_argument("what", choices=["wheel", "sdist", "name"])
    ap.add_argument("outdir", nargs="?", default=".")
    ap.add_argument("--libswi", nargs="?", const="", help="the libswi.so.0 to bundle in the wheel")
    args = ap.parse_args(argv)
    if args.what == "name":
        print(_wheel_name(args.libswi is not None))
    elif args.what == "sdist":
        print(os.path.join(args.outdir, build_sdist(args.outdir)))
    else:
        settings = {"libswi": args.libswi} if args.libswi else None
        print(os.path.join(args.outdir, build_wheel(args.outdir, settings)))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
