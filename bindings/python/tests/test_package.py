"""Packaging (pyproject.toml, py.typed, an offline `pip install`) and the
benchmark script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unittest
import zipfile
from pathlib import Path

import support

import swi


def have(module: str) -> bool:
    return subprocess.run([sys.executable, "-c", f"import {module}"],
                          capture_output=True).returncode == 0


class Package(unittest.TestCase):
    def test_pyproject(self) -> None:
        with open(support.BINDING / "pyproject.toml", "rb") as f:
            data = tomllib.load(f)
        self.assertEqual(data["project"]["name"], "swi")
        self.assertEqual(data["project"]["version"], swi.__version__)
        self.assertEqual(data["build-system"]["requires"], [])
        self.assertEqual(data["project"]["dependencies"], [])
        self.assertEqual(data["build-system"]["backend-path"], ["_build"])
        self.assertEqual(data["project"]["requires-python"], ">=3.11")
        self.assertTrue((support.BINDING / "swi" / "py.typed").is_file())

    def test_backend_wheel_without_setuptools(self) -> None:
        # The in-tree backend alone (no setuptools, no wheel) writes a pure
        # wheel with every module and py.typed, and a platform wheel with libswi.
        sys.path.insert(0, str(support.BINDING / "_build"))
        try:
            import backend
        finally:
            sys.path.pop(0)
        with tempfile.TemporaryDirectory(prefix="swi-backend-") as tmp:
            pure = backend.build_wheel(tmp)
            self.assertEqual(pure, f"swi-{swi.__version__}-py3-none-any.whl")
            with zipfile.ZipFile(Path(tmp) / pure) as zf:
                names = set(zf.namelist())
            for path in (support.BINDING / "swi").iterdir():
                if path.suffix == ".py" or path.name == "py.typed":
                    self.assertIn(f"swi/{path.name}", names)
            self.assertNotIn("swi/libswi.so.0", names)
            lib = os.environ.get("SWI_LIBRARY")
            if lib:
                platform = backend.build_wheel(tmp, {"libswi": lib})
                self.assertRegex(platform, r"^swi-.*-py3-none-linux_\w+\.whl$")
                with zipfile.ZipFile(Path(tmp) / platform) as zf:
                    self.assertEqual(zf.read("swi/libswi.so.0"), Path(lib).read_bytes())

    def test_public_names(self) -> None:
        for name in swi.__all__:
            self.assertTrue(hasattr(swi, name), name)

    @unittest.skipUnless(have("setuptools") and have("venv") and have("ensurepip"),
                         "needs setuptools, venv and ensurepip")
    def test_offline_pip_install(self) -> None:
        with tempfile.TemporaryDirectory(prefix="swi-pip-") as tmp:
            src = Path(tmp) / "src"
            # A copy: pip builds in the source tree (build/, *.egg-info).
            shutil.copytree(support.BINDING, src,
                            ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info",
                                                          "tests"))
            venv = Path(tmp) / "venv"
            subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                           check=True, capture_output=True, timeout=300)
            env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
            env.pop("PYTHONPATH", None)
            pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install",
                                  "--no-index", str(src)], env=env, capture_output=True,
                                 text=True, timeout=300)
            self.assertEqual(pip.returncode, 0, pip.stdout + pip.stderr)
            check = subprocess.run(
                [str(venv / "bin" / "python"), "-c",
                 "import swi, pathlib; p = pathlib.Path(swi.__file__).parent;"
                 "print(p.parent.name, (p / 'py.typed').is_file(), swi.version());"
                 "d = swi.Delivery(year=2026); d.add_person('123456782'); print(len(d))"],
                env=env, cwd=tmp, capture_output=True, text=True, timeout=60)
            self.assertEqual(check.returncode, 0, check.stderr)
            self.assertEqual(check.stdout.split(), ["site-packages", "True", swi.version(), "1"])


class Bench(unittest.TestCase):
    def test_bench_runs(self) -> None:
        with tempfile.TemporaryDirectory(prefix="swi-bench-") as tmp:
            out = subprocess.run([sys.executable, str(support.BINDING / "bench.py"), "300",
                                  "--out", tmp, "--xsd", str(support.XSD)],
                                 capture_output=True, text=True, timeout=300)
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        self.assertIn("libswi (Python, add_person/add_pip/...): build", out.stdout)
        self.assertIn("libswi (Python, Delivery.add_persons(rows)): build", out.stdout)
        self.assertIn("0 errors", out.stdout)
        if "lxml + XMLSchema" in out.stdout:
            self.assertIn("schema-valid: True", out.stdout)
            self.assertIn("same XML as lxml's file: True", out.stdout)
            self.assertIn("ratio lxml / libswi", out.stdout)


if __name__ == "__main__":
    unittest.main()
