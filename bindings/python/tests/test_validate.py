"""Validation, the rule catalogue, the quarter comparison and the mirror report."""

from __future__ import annotations

import json
import unittest
from datetime import date

import support

import swi


class Validate(unittest.TestCase):
    def test_clean_sample(self) -> None:
        with support.sample() as d:
            self.assertEqual(d.validate(), [])
            self.assertEqual(d.validate(file_name="SWI_0153_0153_20261.XML"), [])
            self.assertEqual(d.validate(file_name="/some/dir/SWI_0153_0153_20261.zip"), [])

    def test_validation_error_is_a_diagnostic(self) -> None:
        with support.sample() as d:
            p = d.add_person("100000010", geboortedatum=date(1980, 1, 1), geslacht=1,
                             type_migrant=1, analfabetisme=1)
            diags = d.validate()
            self.assertEqual(len(diags), 1)
            x = diags[0]
            self.assertIsInstance(x, swi.Diagnostic)
            self.assertEqual(x.rule, "SWI-030")
            self.assertIs(x.severity, swi.Severity.ERROR)
            self.assertTrue(x.is_error)
            self.assertEqual(x.kenmerk, 19)
            self.assertEqual(x.kenmerk_name, "analfabetisme")
            self.assertIs(x.category, swi.Category.PERSOON)
            self.assertEqual(x.person, 2)
            self.assertIsNone(x.record)
            self.assertEqual(x.bsn, "*****0010")
            self.assertIsNone(x.line)
            self.assertIn("Analfabetisme (kenmerk 19)", x.message)
            self.assertNotIn("100000010", x.message)
            self.assertIn("SWI-030 error", str(x))
            # Full BSNs only on request.
            self.assertEqual(d.validate(show_bsn=True)[0].bsn, "100000010")
            # Diagnostics are plain values: they outlive the delivery.
            p.analfabetisme = None
            self.assertEqual(d.validate(), [])
        self.assertEqual(x.rule, "SWI-030")

    def test_record_level_diagnostic(self) -> None:
        with support.sample() as d:
            p = d["100000009"]
            p.add_pip(pip_datum=date(2026, 2, 1), leerroute_route=2, leerroute_niveau=1)
            errs = [x for x in d.validate() if x.is_error]
            self.assertEqual([x.rule for x in errs], ["SWI-035"])
            self.assertEqual((errs[0].person, errs[0].record, errs[0].category),
                             (1, 1, swi.Category.PIP))
            self.assertEqual(errs[0].kenmerk_name, "leerroute_niveau")

    def test_file_level_and_file_name(self) -> None:
        with support.sample() as d:
            diags = d.validate(file_name="SWI_0153_0153_20262.XML")
            self.assertEqual([x.rule for x in diags], ["SWI-005"])
            self.assertIsNone(diags[0].person)
            self.assertIsNone(diags[0].bsn)
            self.assertIs(diags[0].category, swi.Category.LEVERING)

    def test_reference_date(self) -> None:
        with support.sample() as d:
            d["123456782"].brede_intake_begindatum = date(2026, 3, 20)
            self.assertEqual(d.validate(), [])
            rules = {x.rule for x in d.validate(reference_date=date(2026, 3, 10))}
            self.assertIn("SWI-013", rules)  # a date after "today"
            self.assertIn("SWI-006", rules)  # the quarter is not over yet
            # The reference date stays with the delivery (the writers use it too).
            self.assertIn("SWI-013", {x.rule for x in d.validate()})
            d.set_reference_date(20260415)
            self.assertEqual(d.validate(), [])
            with self.assertRaises(swi.ValueRefused):
                d.set_reference_date(20260231)

    def test_empty_delivery_reports_the_missing_header(self) -> None:
        with swi.Delivery() as d:
            diags = d.validate()
            self.assertTrue(any(x.rule == "SWI-001" and x.kenmerk == 1 for x in diags))

    def test_rule_catalogue(self) -> None:
        rules = swi.rules()
        self.assertGreater(len(rules), 40)
        ids = [r.id for r in rules]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertEqual(rules[0].id, "SWI-001")
        by_id = {r.id: r for r in rules}
        self.assertIs(by_id["SWI-030"].severity, swi.Severity.ERROR)
        self.assertEqual(by_id["SWI-030"].kenmerken, "18, 19")
        self.assertTrue(by_id["SWI-030"].description)
        self.assertTrue(by_id["SWI-030"].section)
        # Every rule a report names is in the catalogue.
        with support.sample() as d:
            d.add_person("100000010", analfabetisme=1)
            for x in d.validate(file_name="x.XML"):
                self.assertIn(x.rule, by_id)


class Compare(unittest.TestCase):
    def test_previous_quarter(self) -> None:
        with support.sample() as previous, \
                swi.Delivery(**support.header(quarter=2, reference_date=date(2026, 7, 15))) as d:
            q = d.add_person("100000009", geboortedatum=date(1985, 5, 5), geslacht=1,
                             type_migrant=2)
            q.add_boete(boete_datum=date(2026, 3, 1), boete_reden=2, boete_bedrag=250)
            diags = d.compare(previous)
            rules = sorted(x.rule for x in diags)
            self.assertIn("SWI-083", rules)  # a fine delivered again with another reason
            self.assertIn("SWI-084", rules)  # 123456782 disappeared
            gone = [x for x in diags if x.rule == "SWI-084"]
            self.assertEqual(gone[0].bsn, "*****6782")
            self.assertIn("123456782", [x.bsn for x in d.compare(previous, show_bsn=True)])
            with self.assertRaises(TypeError):
                d.compare("previous")  # type: ignore[arg-type]
            previous.close()
            with self.assertRaises(swi.StaleHandle):
                d.compare(previous)


class MirrorReport(unittest.TestCase):
    def test_counts(self) -> None:
        with support.sample(n_extra=3) as d:
            m = d.mirror()
        # A snapshot: usable after the delivery is closed.
        self.assertIsInstance(m, swi.Mirror)
        self.assertEqual(m.persons(), 5)
        self.assertEqual(m.persons(type_migrant=1), 4)
        self.assertEqual(m.persons(type_migrant=swi.TypeMigrant(2), geslacht=1), 1)
        self.assertEqual(m.persons(geslacht=swi.Geslacht.VROUW), 1)
        self.assertEqual(m.persons(geslacht=-1), 0)
        self.assertEqual(m.filled("geboortedatum"), 5)
        self.assertEqual(m.filled(18), 1)
        self.assertEqual(m.pips(), 1)
        self.assertEqual(m.pips(route=1, niveau=1), 1)
        self.assertEqual(m.pips(route=2), 0)
        self.assertEqual(m.talks, 1)
        self.assertEqual(m.fines(), 1)
        self.assertEqual(m.fines(reden=1), 1)
        self.assertEqual(m.fine_amount(), 250)
        self.assertEqual(m.fine_amount(reden=2), 0)
        data = json.loads(m.json())
        self.assertEqual(data, m.data())
        self.assertEqual(data["personen"]["totaal"], 5)
        self.assertIn("<html", m.html().lower())
        self.assertIn("persons=5", repr(m))


if __name__ == "__main__":
    unittest.main()
