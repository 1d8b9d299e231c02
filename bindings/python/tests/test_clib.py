"""The prototype table against the library's symbol map, loading, and the
one place where status codes become exceptions."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unittest

import support  # noqa: F401  (sets the import path)

import swi
from swi import _clib, errors


def map_symbols(text: str) -> set[str]:
    """Every symbol in the global: sections of a GNU version script."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"#[^\n]*", "", text)
    symbols: set[str] = set()
    for node in re.finditer(r"\{(.*?)\}", text, flags=re.S):
        body = node.group(1)
        section = None
        for token in re.findall(r"[A-Za-z_][A-Za-z0-9_*]*\s*:|[^\s;]+", body):
            token = token.strip()
            if token.endswith(":"):
                section = token[:-1].strip()
            elif section == "global" and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", token):
                symbols.add(token)
    return symbols


class PrototypeTable(unittest.TestCase):
    def test_map_parser(self) -> None:
        self.assertEqual(map_symbols("A { global: a; b;\n local: *; };\nB { global: c; } A;"),
                         {"a", "b", "c"})

    def test_every_exported_symbol_has_a_prototype(self) -> None:
        self.assertTrue(support.MAP.is_file(), f"symbol map not found: {support.MAP} (set SWI_MAP)")
        exported = map_symbols(support.MAP.read_text())
        self.assertGreater(len(exported), 80)
        missing = sorted(exported - set(_clib.PROTOTYPES))
        self.assertEqual(missing, [], "symbols of libswi.map without an entry in "
                         "swi/_clib.py PROTOTYPES")

    def test_no_prototype_for_a_symbol_that_is_not_exported(self) -> None:
        exported = map_symbols(support.MAP.read_text())
        self.assertEqual(sorted(set(_clib.PROTOTYPES) - exported), [])

    def test_every_prototype_is_bound_with_its_types(self) -> None:
        for name, (restype, argtypes) in _clib.PROTOTYPES.items():
            fn = getattr(_clib.lib, name[4:])
            self.assertEqual(fn.restype, restype, name)
            self.assertEqual(fn.argtypes, argtypes, name)

    def test_unchecked_functions_are_in_the_table(self) -> None:
        for name in _clib.UNCHECKED:
            self.assertIn(name, _clib.PROTOTYPES)
            fn = getattr(_clib.lib.unchecked, name[4:])
            self.assertIsNone(fn.argtypes)
            self.assertIsNot(fn, getattr(_clib.lib, name[4:]))
            self.assertEqual(fn.restype, _clib.PROTOTYPES[name][0])

    def test_no_other_module_declares_prototypes(self) -> None:
        package = support.BINDING / "swi"
        for path in package.glob("*.py"):
            if path.name == "_clib.py":
                continue
            text = path.read_text()
            self.assertNotRegex(text, r"\.(argtypes|restype)\s*=", path.name)
            self.assertNotIn("CDLL(", text, path.name)


class Loading(unittest.TestCase):
    def test_loaded_from_swi_library_or_soname(self) -> None:
        expected = os.environ.get("SWI_LIBRARY") or _clib.SONAME
        self.assertEqual(swi.library_path(), expected)

    def test_loads_by_soname_without_swi_library(self) -> None:
        env = {k: v for k, v in os.environ.items() if k != "SWI_LIBRARY"}
        if os.environ.get("SWI_LIBRARY"):
            env["LD_LIBRARY_PATH"] = os.path.dirname(os.environ["SWI_LIBRARY"])
        code = "import swi; print(swi.library_path(), swi.version())"
        out = subprocess.run([sys.executable, "-c", code], env=env, cwd=support.BINDING,
                             capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.split(), ["libswi.so.0", swi.version()])

    def test_missing_library_is_an_import_error(self) -> None:
        env = dict(os.environ, SWI_LIBRARY="/nonexistent/libswi.so.0")
        out = subprocess.run([sys.executable, "-c", "import swi"], env=env, cwd=support.BINDING,
                             capture_output=True, text=True, timeout=60)
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("ImportError: swi: cannot load libswi from '/nonexistent/libswi.so.0'",
                      out.stderr)

    def test_version(self) -> None:
        self.assertRegex(swi.version(), r"^\d+\.\d+\.\d+$")

    def test_required_version_is_the_newest_map_node(self) -> None:
        # The binding binds every symbol, so it needs the release of the
        # newest node of lib/libswi.map (LIBSWI_0.2 -> 0.2.0); that release
        # is the project's MAJOR.MINOR (meson passes SWI_PROJECT_VERSION).
        nodes = re.findall(r"^LIBSWI_(\d+)\.(\d+)(?:\.(\d+))?\s*\{",
                           support.MAP.read_text(), flags=re.M)
        newest = max(tuple(int(x or 0) for x in node) for node in nodes)
        self.assertEqual(_clib.REQUIRED_VERSION, newest)
        project = os.environ.get("SWI_PROJECT_VERSION") or re.search(
            r"version\s*:\s*'([0-9.]+)'", (support.REPO / "meson.build").read_text()).group(1)
        self.assertEqual(_clib.REQUIRED_VERSION[:2], tuple(map(int, project.split(".")[:2])))
        self.assertGreaterEqual(_clib._parse_version(swi.version()), _clib.REQUIRED_VERSION)
        self.assertEqual(swi.__version__, project)

    def test_version_parser(self) -> None:
        self.assertEqual(_clib._parse_version("0.2.0"), (0, 2, 0))
        self.assertEqual(_clib._parse_version("1.10.3-rc1"), (1, 10, 3))
        self.assertEqual(_clib._parse_version("bogus"), ())
        self.assertLess(_clib._parse_version("0.1.9"), _clib.REQUIRED_VERSION)

    def test_too_old_library_is_one_clear_import_error(self) -> None:
        old = os.environ.get("SWI_OLD_LIBRARY")
        if not old:
            self.skipTest("SWI_OLD_LIBRARY (the fake libswi 0.1.0 of bindings/old-libswi) not set")
        env = dict(os.environ, SWI_LIBRARY=old)
        out = subprocess.run([sys.executable, "-c", "import swi"], env=env, cwd=support.BINDING,
                             capture_output=True, text=True, timeout=60)
        self.assertNotEqual(out.returncode, 0)
        need = ".".join(map(str, _clib.REQUIRED_VERSION))
        self.assertEqual(out.stderr.strip().splitlines()[-1],
                         f"ImportError: libswi 0.1.0 found, this binding needs >= {need} "
                         f"(loaded from {old}, from SWI_LIBRARY); install libswi >= {need} or "
                         "set SWI_LIBRARY to the path of a newer libswi.so.0")
        self.assertNotIn("undefined symbol", out.stderr)

    def test_soname(self) -> None:
        # The file we loaded answers to the SONAME the binding asks for.
        self.assertEqual(_clib.SONAME, "libswi.so.0")
        if os.environ.get("SWI_LIBRARY"):
            self.assertTrue(os.path.basename(os.path.realpath(os.environ["SWI_LIBRARY"]))
                            .startswith("libswi.so.0"))

    def test_strerror(self) -> None:
        self.assertEqual(swi.strerror(0), "success")
        self.assertEqual(swi.strerror(-12), "BSN already in the delivery")
        self.assertEqual(swi.strerror(-999), "unknown status code")


class Check(unittest.TestCase):
    def test_ok_is_silent(self) -> None:
        _clib.check(0)

    def test_every_code_maps_to_its_family(self) -> None:
        expected = {
            -1: (swi.OutOfMemory, MemoryError), -2: (swi.InvalidArgument, ValueError),
            -3: (swi.KenmerkError, ValueError), -4: (swi.KenmerkError, ValueError),
            -12: (swi.DuplicateBsn, ValueError), -14: (swi.NotFound, KeyError),
            -16: (swi.FileError, OSError), -17: (swi.InvalidDelivery, swi.Error),
            -18: (swi.InvalidDelivery, swi.Error), -19: (swi.Unsupported, swi.Error),
            -20: (swi.InvalidArgument, ValueError), -21: (swi.Unsupported, swi.Error),
            -22: (swi.StaleHandle, swi.Error),
            -23: (swi.DataFileError, OSError),
        }
        for code in range(-5, -12, -1):
            expected[code] = (swi.ValueRefused, ValueError)
        for code, (cls, base) in expected.items():
            with self.assertRaises(cls) as cm:
                _clib.check(code)
            self.assertIsInstance(cm.exception, base)
            self.assertIsInstance(cm.exception, swi.Error)
            self.assertEqual(cm.exception.code, code)
            self.assertEqual(cm.exception.message, swi.strerror(code))
            self.assertEqual(str(cm.exception), swi.strerror(code))

    def test_unknown_code_is_plain_error(self) -> None:
        with self.assertRaises(swi.Error) as cm:
            _clib.check(-99)
        self.assertIs(type(cm.exception), swi.Error)

    def test_io_class(self) -> None:
        with self.assertRaises(swi.WriteError):
            _clib.check(-16, io=swi.WriteError)
        with self.assertRaises(swi.ReadError):
            _clib.check(-16, io=swi.ReadError)

    def test_message_comes_from_the_delivery(self) -> None:
        d = swi.Delivery()
        rc = _clib.lib.delivery_set_int(d._h, 2, 7)  # kwartaal 7
        with self.assertRaises(swi.ValueRefused) as cm:
            _clib.check(rc, d._h, kenmerk=2)
        self.assertIn("Statistiekkwartaal (kenmerk 2)", cm.exception.message)
        self.assertEqual(cm.exception.kenmerk, "statistiekkwartaal")
        self.assertEqual(cm.exception.kenmerk_number, 2)
        # An error the delivery did not record keeps strerror's text.
        with self.assertRaises(swi.NotFound) as cm2:
            _clib.check(-14, d._h)
        self.assertEqual(cm2.exception.message, swi.strerror(-14))

    def test_exceptions_pickle(self) -> None:
        import pickle

        e = swi.ValueRefused(-7, "m", kenmerk="geslacht", kenmerk_number=10)
        e2 = pickle.loads(pickle.dumps(e))
        self.assertEqual((type(e2), e2.code, e2.message, e2.kenmerk), (swi.ValueRefused, -7, "m",
                                                                       "geslacht"))
        w = pickle.loads(pickle.dumps(swi.WriteError(-16, "disk")))
        self.assertIsInstance(w, OSError)
        self.assertEqual(w.message, "disk")


class Errors(unittest.TestCase):
    def test_hierarchy(self) -> None:
        for name in errors.__all__:
            obj = getattr(errors, name)
            if isinstance(obj, type):
                self.assertTrue(issubclass(obj, swi.Error), name)
                self.assertIs(getattr(swi, name), obj)


if __name__ == "__main__":
    unittest.main()
