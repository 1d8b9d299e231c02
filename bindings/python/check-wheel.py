"""The Python artifact as a user gets it (meson test python-wheel).

usage: check-wheel.py WHEEL --source BINDING_DIR --libswi LIBSWI --old-libswi OLD

1. The wheel holds swi/libswi.so.0, every module of the tree, a platform tag,
   Requires-Python and a RECORD that matches.
2. Installed with `pip install --no-index` into a fresh venv (no system site
   packages) and run with no SWI_LIBRARY, LD_LIBRARY_PATH or PYTHONPATH from a
   temporary directory, it loads ITS libswi and builds, validates, writes and
   reads back a delivery.
3. SWI_LIBRARY naming a libswi 0.1.0 gives the one clear version error.
4. `pip wheel --no-build-isolation --no-index --config-settings libswi=...`
   and `pip install --no-build-isolation --no-index -e` work offline.
5. Without tomllib (Python < 3.11) the backend still writes the metadata, so
   pip refuses the package by its Requires-Python instead of crashing; with a
   real python3.10 or python3.9 on PATH, that pip is asked too.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

DELIVERY = r"""
import datetime, os, sys, swi
here = os.path.dirname(swi.__file__)
assert swi.library_path() == os.path.join(here, "libswi.so.0"), swi.library_path()
assert "site-packages" in here, here
with swi.Delivery(year=2026, quarter=3, software="and", version="4.2",
                  berichtgever="0153", gemeente="0153") as d:
    d.set_reference_date(datetime.date(2026, 10, 15))
    p = d.add_person("123456782", geboortedatum=datetime.date(1990, 1, 7),
                     geslacht=swi.Geslacht.VROUW, type_migrant=swi.TypeMigrant.ASIELMIGRANT)
    d.add_persons([("100000009", {"geboortedatum": datetime.date(1985, 5, 5),
                                  "geslacht": swi.Geslacht.MAN,
                                  "type_migrant": swi.TypeMigrant.GEZINSMIGRANT_OVERIGE_MIGRANT})])
    errors = [x for x in d.validate() if x.severity == swi.Severity.ERROR]
    assert not errors, errors
    path = d.write(sys.argv[1])
back, findings = swi.read(path)
assert len(back) == 2 and not findings, findings
print(swi.version(), os.path.basename(path))
"""


def run(cmd: list[str], env: dict[str, str], cwd: str, ok: bool = True) -> subprocess.CompletedProcess:
    out = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
    if ok and out.returncode != 0:
        sys.exit(f"FAILED: {' '.join(cmd)}\n{out.stdout}{out.stderr}")
    return out


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("SWI_LIBRARY", "LD_LIBRARY_PATH", "PYTHONPATH", "PYTHONHOME")}
    env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONDONTWRITEBYTECODE="1",
               PIP_NO_CACHE_DIR="1")
    return env


def check_archive(wheel: Path, source: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        dist = next(n.split("/")[0] for n in names if n.endswith(".dist-info/WHEEL"))
        assert "swi/libswi.so.0" in names, sorted(names)
        assert zf.read("swi/libswi.so.0")[:4] == b"\x7fELF"
        for py in (source / "swi").glob("*.py"):
            assert f"swi/{py.name}" in names, f"{py.name} missing from the wheel"
            assert zf.read(f"swi/{py.name}") == py.read_bytes(), f"{py.name} is stale"
        wheel_meta = zf.read(f"{dist}/WHEEL").decode()
        assert "Root-Is-Purelib: false" in wheel_meta and "Tag: py3-none-linux_" in wheel_meta, \
            wheel_meta
        meta = zf.read(f"{dist}/METADATA").decode()
        assert "Requires-Python: >=3.11" in meta, meta
        version = os.environ.get("SWI_PROJECT_VERSION")
        if version:
            assert f"\nVersion: {version}\n" in meta, f"wheel version is not {version}"
        for line in zf.read(f"{dist}/RECORD").decode().splitlines():
            path, digest, size = line.rsplit(",", 2)
            if digest:
                data = zf.read(path)
                want = "sha256=" + base64.urlsafe_b64encode(
                    hashlib.sha256(data).digest()).rstrip(b"=").decode()
                assert digest == want and int(size) == len(data), f"RECORD wrong for {path}"
    print(f"ok: {wheel.name} holds libswi.so.0, {len(names)} files, RECORD matches")


def venv(tmp: Path, name: str, env: dict[str, str]) -> Path:
    run([sys.executable, "-m", "venv", str(tmp / name)], env, str(tmp))
    return tmp / name / "bin" / "python"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("wheel", type=Path)
    ap.add_argument("--source", type=Path, required=True)
    ap.add_argument("--libswi", required=True)
    ap.add_argument("--old-libswi", required=True)
    args = ap.parse_args()
    source = args.source.resolve()
    check_archive(args.wheel, source)
    env = clean_env()
    with tempfile.TemporaryDirectory(prefix="swi-wheel-") as t:
        tmp = Path(t)
        # 2. the wheel in a fresh venv, libswi from the wheel only
        py = venv(tmp, "venv", env)
        run([str(py), "-m", "pip", "install", "--no-index", str(args.wheel.resolve())], env, t)
        (tmp / "delivery.py").write_text(DELIVERY)
        (tmp / "out").mkdir()
        out = run([str(py), "delivery.py", str(tmp / "out")], env, t)
        assert out.stdout.split() == [os.environ.get("SWI_PROJECT_VERSION", out.stdout.split()[0]),
                                      "SWI_0153_0153_20263.XML"], out.stdout
        print(f"ok: fresh venv, no system libswi: {out.stdout.strip()}")

        # 3. an old libswi: one clear error, no missing symbol
        old = run([str(py), "-c", "import swi"], dict(env, SWI_LIBRARY=args.old_libswi), t, ok=False)
        last = old.stderr.strip().splitlines()[-1] if old.stderr.strip() else ""
        assert old.returncode != 0 and last.startswith(
            "ImportError: libswi 0.1.0 found, this binding needs >= 0.2.0 (loaded from "), old.stderr
        assert "undefined symbol" not in old.stderr and "AttributeError" not in old.stderr, old.stderr
        print(f"ok: old libswi: {last}")

        # 4a. pip wheel, offline, bundling a given libswi
        src = tmp / "src"
        shutil.copytree(source, src, ignore=shutil.ignore_patterns(
            "__pycache__", "build", "dist", "*.egg-info", "tests", ".mypy_cache"))
        run([str(py), "-m", "pip", "wheel", "--no-build-isolation", "--no-index",
             "--config-settings", f"libswi={args.libswi}", "-w", str(tmp / "w"), str(src)], env, t)
        built = sorted((tmp / "w").glob("swi-*.whl"))
        assert len(built) == 1 and "linux_" in built[0].name, built
        with zipfile.ZipFile(built[0]) as zf:
            assert "swi/libswi.so.0" in zf.namelist()
        print(f"ok: pip wheel --no-build-isolation --no-index -> {built[0].name}")

        # 4b. editable install, offline; libswi from SWI_LIBRARY (a tree bundles none)
        py2 = venv(tmp, "venv-e", env)
        run([str(py2), "-m", "pip", "install", "--no-build-isolation", "--no-index", "-e",
             str(src)], env, t)
        ed = run([str(py2), "-c", "import swi; print(swi.__file__, swi.library_path())"],
                 dict(env, SWI_LIBRARY=args.libswi), t)
        file, lib = ed.stdout.split()
        assert Path(file).resolve() == (src / "swi" / "__init__.py").resolve(), file
        assert lib == args.libswi, lib
        assert not list(src.glob("*.egg-info")) and not (src / "build").exists(), \
            "the build wrote into the source tree"
        print(f"ok: editable install imports {file}")

        # 5. Python < 3.11: metadata without tomllib, so pip can refuse by Requires-Python
        meta = run([sys.executable, "-c",
                    "import sys, tempfile; sys.modules['tomllib'] = None;"
                    f"sys.path.insert(0, {str(src / '_build')!r}); import backend;"
                    "d = tempfile.mkdtemp(); n = backend.prepare_metadata_for_build_wheel(d);"
                    "print(open(d + '/' + n + '/METADATA').read())"], env, t)
        assert "Requires-Python: >=3.11" in meta.stdout and "Name: swi" in meta.stdout, meta.stdout
        print("ok: the backend writes Requires-Python without tomllib")
        for old_py in ("python3.10", "python3.9"):
            exe = shutil.which(old_py)
            if not exe or run([exe, "-m", "pip", "--version"], env, t, ok=False).returncode != 0:
                print(f"skip: no {old_py} with pip on PATH")
                continue
            for what in (str(src), str(args.wheel.resolve())):
                r = run([exe, "-m", "pip", "install", "--no-index", "--target", str(tmp / "t"),
                         what], env, t, ok=False)
                both = r.stdout + r.stderr
                assert r.returncode != 0 and "requires a different Python" in both \
                    and "tomllib" not in both, both
            print(f"ok: {old_py}'s pip refuses the source and the wheel by Requires-Python")
    return 0


if __name__ == "__main__":
    sys.exit(main())
