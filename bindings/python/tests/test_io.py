"""Writing (directory, bytes, descriptor, zip), reading back, the XSD."""

from __future__ import annotations

import io
import os
import stat
import tempfile
import unittest
from datetime import date
from pathlib import Path

import support

import swi


def everything(d: swi.Delivery) -> list[tuple]:
    """Every value of a delivery, for round-trip comparisons."""
    return [(p.as_dict(), [r.as_dict() for r in p.pips], [r.as_dict() for r in p.gesprekken],
             [r.as_dict() for r in p.boetes]) for p in d]


class Write(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = tempfile.TemporaryDirectory(prefix="swi-py-")
        self.dir = Path(self.tmp.name)

    def tearDown(self) -> None:
        self.tmp.cleanup()

    def test_write_dir(self) -> None:
        with support.sample() as d:
            path = d.write(self.dir)
            self.assertIsInstance(path, Path)
            self.assertEqual(path, self.dir / "SWI_0153_0153_20261.XML")
            self.assertEqual(stat.S_IMODE(path.stat().st_mode), 0o600)
            data = path.read_bytes()
            self.assertEqual(data, d.to_bytes())
            self.assertTrue(data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<SWI>'))
            self.assertIn(b"<Burgerservicenummer>123456782</Burgerservicenummer>", data)
            self.assertEqual(list(self.dir.iterdir()), [path])  # no temporary file left
            # str and bytes paths work too.
            self.assertEqual(d.write(str(self.dir)), path)
            self.assertEqual(d.write(os.fsencode(self.dir)), path)

    def test_write_refuses_invalid_unless_forced(self) -> None:
        with support.sample() as d:
            d.add_person("100000010", geboortedatum=date(1980, 1, 1), geslacht=1,
                         type_migrant=1, analfabetisme=1)
            with self.assertRaises(swi.InvalidDelivery) as cm:
                d.write(self.dir)
            self.assertEqual(cm.exception.code, -18)
            self.assertEqual(list(self.dir.iterdir()), [])
            with self.assertRaises(swi.InvalidDelivery):
                d.to_bytes()
            path = d.write(self.dir, force=True)
            self.assertIn(b"100000010", path.read_bytes())
            self.assertIn(b"100000010", d.to_bytes(force=True))

    def test_incomplete(self) -> None:
        with swi.Delivery(**support.header()) as d:
            d.add_person("123456782")  # no geboortedatum, geslacht, type migrant
            with self.assertRaises(swi.InvalidDelivery):
                d.to_bytes()
            with swi.Delivery() as empty:
                with self.assertRaises(swi.InvalidDelivery) as cm:
                    empty.write(self.dir, force=True)
                self.assertEqual(cm.exception.code, -17)  # no file name without a header

    def test_write_error_is_an_oserror(self) -> None:
        with support.sample() as d:
            with self.assertRaises(swi.WriteError) as cm:
                d.write(self.dir / "does-not-exist")
            self.assertIsInstance(cm.exception, OSError)
            self.assertEqual(cm.exception.code, -16)
            self.assertTrue(cm.exception.message)

    def test_write_fd_and_file_object(self) -> None:
        with support.sample() as d:
            target = self.dir / "out.xml"
            with open(target, "wb") as f:
                f.write(b"")
                d.write_fd(f)
            self.assertEqual(target.read_bytes(), d.to_bytes())
            fd = os.open(self.dir / "fd.xml", os.O_WRONLY | os.O_CREAT, 0o600)
            try:
                d.write_fd(fd)
            finally:
                os.close(fd)
            self.assertEqual((self.dir / "fd.xml").read_bytes(), d.to_bytes())
            with self.assertRaises(swi.InvalidArgument):
                d.write_fd(-1)
            fd = os.open(self.dir / "fd.xml", os.O_RDONLY)
            try:
                with self.assertRaises(swi.WriteError) as cm:
                    d.write_fd(fd)  # EBADF: the descriptor is not open for writing
                self.assertIsInstance(cm.exception, OSError)
            finally:
                os.close(fd)

    def test_zip(self) -> None:
        with support.sample() as d:
            try:
                data = d.to_bytes(zip=True)
            except swi.Unsupported:
                self.skipTest("libswi built without zip support")
            import zipfile

            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                self.assertEqual(zf.namelist(), ["SWI_0153_0153_20261.XML"])
                self.assertEqual(zf.read("SWI_0153_0153_20261.XML"), d.to_bytes())
            path = d.write(self.dir, zip=True)
            self.assertEqual(path.name, "SWI_0153_0153_20261.zip")
            back, diags = swi.read(path)
            with back:
                self.assertEqual(diags, [])
                self.assertEqual(everything(back), everything(d))


class Read(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = tempfile.TemporaryDirectory(prefix="swi-py-")
        self.dir = Path(self.tmp.name)

    def tearDown(self) -> None:
        self.tmp.cleanup()

    def test_round_trip(self) -> None:
        with support.sample(n_extra=5) as d:
            d["100000009"].add_pip(pip_datum=date(2026, 1, 20), leerroute_route=3,
                                   leerroute_einddatum=date(2026, 3, 1))
            path = d.write(self.dir, force=True)
            back, diags = swi.read(path)
            self.assertEqual(diags, [])
            with back:
                self.assertIsInstance(back, swi.Delivery)
                self.assertEqual(back.as_dict(), d.as_dict())
                self.assertEqual(len(back), len(d))
                self.assertEqual(everything(back), everything(d))
                back.set_reference_date(support.REFERENCE)
                self.assertEqual(back.to_bytes(force=True), path.read_bytes())
                # The same findings; those of a delivery that was read carry line numbers.
                found = back.validate()
                self.assertTrue(found and all(x.line for x in found if x.person is not None))
                self.assertEqual([x._replace(line=None) for x in found], d.validate())
            # From bytes, and against an XSD in the same pass.
            back2, diags2 = swi.read_bytes(path.read_bytes(), xsd=support.XSD)
            with back2:
                self.assertEqual(diags2, [])
                self.assertEqual(everything(back2), everything(d))

    def test_defects_have_line_numbers(self) -> None:
        data = (b'<?xml version="1.0" encoding="UTF-8"?>\n<SWI>\n<Levering>'
                b'<Statistiekjaar>20x6</Statistiekjaar></Levering>\n'
                b'<Persoon><Burgerservicenummer>123456789</Burgerservicenummer></Persoon>\n'
                b'<Persoon><Burgerservicenummer>123456782</Burgerservicenummer>'
                b'<Geslacht>7</Geslacht><Onbekend>1</Onbekend></Persoon>\n</SWI>\n')
        path = self.dir / "bad.xml"
        path.write_bytes(data)
        d, diags = swi.read(path)
        with d:
            by_rule: dict[str, swi.Diagnostic] = {}
            for x in diags:
                by_rule.setdefault(x.rule, x)
            self.assertEqual(by_rule["SWI-002"].line, 3)
            self.assertEqual(by_rule["SWI-010"].line, 4)
            self.assertEqual(by_rule["SWI-009"].line, 5)  # <Onbekend>
            self.assertEqual(len([x for x in diags if x.rule == "SWI-002"]), 2)  # and Geslacht 7
            # The required kenmerken that the file lacks are validate()'s business.
            missing = [x for x in d.validate() if x.rule == "SWI-001"]
            self.assertTrue(any(x.kenmerk == 9 and x.line == 5 for x in missing), missing)
            self.assertEqual([p.bsn for p in d], ["123456782"])  # the bad BSN is left out
            self.assertIsNone(d.statistiekjaar)  # a refused value stays unset
            self.assertTrue(all(x.line for x in diags if x.rule in ("SWI-002", "SWI-010")))
            masked = [x for x in diags if x.bsn]
            self.assertTrue(all(x.bsn.startswith("*****") for x in masked))
        d2, diags2 = swi.read(path, show_bsn=True)
        d2.close()
        self.assertIn("123456782", [x.bsn for x in diags2])

    def test_not_xml(self) -> None:
        d, diags = swi.read_bytes(b"\x00\x01 garbage")
        with d:
            self.assertEqual(len(d), 0)
            self.assertEqual(diags[0].rule, "SWI-008")
            self.assertTrue(diags[0].is_error)

    def test_missing_file(self) -> None:
        with self.assertRaises(swi.ReadError) as cm:
            swi.read(self.dir / "nope.XML")
        self.assertIsInstance(cm.exception, OSError)
        self.assertEqual(cm.exception.code, -16)
        self.assertIn("nope.XML", str(cm.exception))


class Schema(unittest.TestCase):
    def test_schema_is_the_shipped_xsd(self) -> None:
        xsd = swi.schema_xsd()
        self.assertTrue(xsd.startswith('<?xml version="1.0" encoding="UTF-8"?>'))
        self.assertNotIn("\0", xsd)
        if support.XSD.is_file():
            self.assertEqual(xsd, support.XSD.read_text(encoding="utf-8"))
        for k in swi.KENMERKEN:
            self.assertIn(f'name="{k.element}"', xsd)


if __name__ == "__main__":
    unittest.main()
