"""The year policy and run-time municipality lists (doc/years.md)."""

from __future__ import annotations

import os
import tempfile
import unittest
from datetime import date
from pathlib import Path

import support

import swi


def delivery_2027() -> swi.Delivery:
    """A 2027 Q1 delivery, due in April 2027: libswi has no 2027 ruleset."""
    d = swi.Delivery(**support.header(year=2027, reference_date=date(2027, 4, 15)))  # type: ignore[arg-type]
    q = d.add_person("100000009", geboortedatum=date(1985, 5, 5), geslacht=1, type_migrant=2,
                     brede_intake_begindatum=date(2026, 11, 3), alfabetiseringscursus=1)
    q.add_pip(pip_datum=date(2027, 1, 15), leerroute_route=1, leerroute_niveau=1)
    return d


class Years(unittest.TestCase):
    def test_2027_q1_warns_and_is_written(self) -> None:
        with delivery_2027() as d, tempfile.TemporaryDirectory() as tmp:
            diags = d.validate()
            self.assertFalse([x for x in diags if x.is_error], diags)
            ruleset = [x for x in diags if x.rule == "SWI-017"]
            self.assertEqual(len(ruleset), 1, diags)
            self.assertIs(ruleset[0].severity, swi.Severity.WARNING)
            self.assertIn("regelset 2026", ruleset[0].message)
            path = d.write(tmp)  # no force
            self.assertEqual(path.name, "SWI_0153_0153_20271.XML")
            self.assertTrue(path.exists())

    def test_ruleset_for_year(self) -> None:
        self.assertEqual(swi.ruleset_for_year(2026, date(2026, 4, 15)),
                         (2026, swi.RulesetKind.OWN))
        self.assertEqual(swi.ruleset_for_year(2027, date(2027, 4, 15)),
                         swi.RulesetChoice(2026, swi.RulesetKind.NEWEST))
        self.assertEqual(swi.ruleset_for_year(2022, 20220415).kind, swi.RulesetKind.OLDEST)
        with self.assertRaises(swi.Unsupported):
            swi.ruleset_for_year(2021, date(2021, 4, 15))
        with self.assertRaises(swi.Unsupported):
            swi.ruleset_for_year(2028, date(2026, 4, 15))

    def test_list_file_toggles_swi_004(self) -> None:
        with tempfile.TemporaryDirectory() as tmp, support.sample() as d:
            shipped = (support.REPO / "lib" / "data" / "gemeenten-2026.csv").read_text()
            merged = "".join(l for l in shipped.splitlines(True) if not l.startswith("0153,"))
            path = Path(tmp) / "gemeenten-2026.csv"
            path.write_text(merged + "1999,Nieuwe Gemeente\n")
            self.assertEqual(d.validate(), [])
            d.load_gemeenten(path)
            self.assertEqual([x.rule for x in d.validate()], ["SWI-004"])
            with self.assertRaises(swi.InvalidDelivery):
                d.to_bytes()
            d.gemeentecode = "1999"
            self.assertEqual(d.validate(), [])

    def test_malformed_list(self) -> None:
        with tempfile.TemporaryDirectory() as tmp, support.sample() as d:
            path = Path(tmp) / "gemeenten-2026.csv"
            path.write_text("code;naam\r\n\"GM0153\";Enschede\r\nGMxyz;Fout\r\n")
            with self.assertRaises(swi.DataFileError) as cm:
                d.load_gemeenten(path)
            self.assertIn(os.fspath(path), str(cm.exception))
            self.assertIn("regel 3", str(cm.exception))
            self.assertIsInstance(cm.exception, OSError)
            with self.assertRaises(swi.FileError):
                d.load_gemeenten(Path(tmp) / "missing-2026.csv")


if __name__ == "__main__":
    unittest.main()
