"""The semantic diff (swi.diff, Delivery.diff) and the assertions of
swi.testing: equal data in another order, each kind of difference, masking,
and the messages a failing vendor test shows."""

from __future__ import annotations

import tempfile
import unittest
from datetime import date
from pathlib import Path

import support  # noqa: F401  (sets the import path)
import swi
from swi.testing import assert_same, assert_valid, findings_text

A = "123456782"  # sample()'s asielmigrant
B = "100000009"  # sample()'s gezinsmigrant with PIP, talk and fine


class DiffTest(unittest.TestCase):
    def test_equal(self) -> None:
        with support.sample(5) as e, support.sample(5) as a:
            d = swi.diff(e, a)
            self.assertEqual(len(d), 0)
            self.assertFalse(d)
            self.assertTrue(d.equal)
            self.assertEqual(str(d), "")
            self.assertEqual(list(e.diff(a)), [])

    def test_order_does_not_matter(self) -> None:
        with support.sample(3) as e, swi.Delivery(**support.header()) as a:  # type: ignore[arg-type]
            # The same persons, added in the opposite order, the fine first.
            for p in reversed(e.persons):
                fields = p.as_dict()
                q = a.add_person(fields.pop("burgerservicenummer"), **fields)
                for kind in (swi.Category.BOETE, swi.Category.GESPREK, swi.Category.PIP):
                    for r in reversed(p.records(kind)):
                        q.add_record(kind, **r.as_dict())
            self.assertEqual(e.persons[0].burgerservicenummer, A)
            self.assertNotEqual(a.persons[0].burgerservicenummer, A)
            self.assertEqual(len(swi.diff(e, a)), 0)

    def test_kenmerk_and_record(self) -> None:
        with support.sample() as e, support.sample() as a:
            p = a[B]
            p.brede_intake_begindatum = date(2025, 11, 4)
            p.pips[0].remove()
            d = e.diff(a)
            self.assertEqual(len(d), 2)
            k = d[0]
            self.assertEqual(k.kind, swi.DiffKind.KENMERK)
            self.assertEqual(k.kenmerk, 15)
            self.assertEqual(k.category, swi.Category.PERSOON)
            self.assertEqual((k.expected_person, k.actual_person), (1, 1))
            self.assertEqual((k.expected_record, k.actual_record), (None, None))
            self.assertEqual((k.expected, k.actual), ("20251103", "20251104"))
            self.assertEqual(k.bsn, "*****0009")
            r = d[1]
            self.assertEqual(r.kind, swi.DiffKind.RECORD_MISSING)
            self.assertEqual(r.category, swi.Category.PIP)
            self.assertEqual((r.expected_record, r.actual_record), (0, None))
            self.assertEqual(str(d), "persoon *****0009: kenmerk 15 (Brede intake - begindatum) "
                             "verwacht 20251103, gekregen 20251104; PIP 1 (20251215) ontbreekt\n")
            self.assertEqual(str(r), "persoon *****0009: PIP 1 (20251215) ontbreekt")

    def test_persons_and_masking(self) -> None:
        with support.sample() as e, support.sample() as a:
            a[A].remove()
            a.add_person("012345672", geboortedatum=date(1990, 1, 1), geslacht=1, type_migrant=1)
            d = swi.diff(e, a)
            self.assertEqual([x.kind for x in d],
                             [swi.DiffKind.PERSON_MISSING, swi.DiffKind.PERSON_EXTRA])
            self.assertEqual(str(d), "persoon *****6782 ontbreekt\n"
                                     "persoon *****5672 is extra (niet verwacht)\n")
            self.assertNotIn(A, str(d))
            full = swi.diff(e, a, show_bsn=True)
            self.assertEqual(full[0].bsn, A)
            self.assertIn("persoon 012345672 is extra", str(full))

    def test_closed_and_wrong_type(self) -> None:
        e = support.sample()
        with self.assertRaises(TypeError):
            swi.diff(e, "not a delivery")  # type: ignore[arg-type]
        a = support.sample()
        a.close()
        with self.assertRaises(swi.StaleHandle):
            e.diff(a)
        e.close()


class AssertionsTest(unittest.TestCase):
    def test_assert_same_passes_and_fails(self) -> None:
        with support.sample() as e, support.sample() as a:
            assert_same(e, a)
            a[B].boetes[0].boete_bedrag = 300
            with self.assertRaises(AssertionError) as cm:
                assert_same(e, a)
            self.assertEqual(str(cm.exception),
                             "de leveringen verschillen (1 verschil):\n"
                             "persoon *****0009: boete 1 (20260301, reden 1): kenmerk 38 "
                             "(Boete - hoogte bedrag) verwacht 250, gekregen 300\n")

    def test_assert_same_reads_a_path(self) -> None:
        with support.sample() as e, tempfile.TemporaryDirectory() as tmp:
            path = e.write(tmp)
            with support.sample() as a:
                assert_same(path, a)
                assert_same(Path(path), a)
                a[A].geslacht = 1
                with self.assertRaisesRegex(AssertionError, r"persoon \*\*\*\*\*6782: kenmerk 10"):
                    assert_same(str(path), a)

    def test_assert_valid(self) -> None:
        with support.sample() as d:
            assert_valid(d, reference_date=support.REFERENCE)
            d[A].geboortedatum = date(2030, 1, 1)  # in the future
            d[B].pips[0].leerroute_niveau = None
            with self.assertRaises(AssertionError) as cm:
                assert_valid(d, reference_date=support.REFERENCE)
            text = str(cm.exception)
            self.assertTrue(text.startswith("de levering is niet geldig ("), text)
            self.assertIn("\npersoon *****6782:\n  SWI-", text)
            self.assertNotIn(A, text)
            # Grouped: the person's line comes once, its findings indented under it.
            self.assertEqual(text.count("persoon *****6782:"), 1)

    def test_findings_text(self) -> None:
        f = [swi.Diagnostic("SWI-001", swi.Severity.ERROR, 1, swi.Category.LEVERING, None, None,
                            None, None, "x"),
             swi.Diagnostic("SWI-012", swi.Severity.ERROR, 9, swi.Category.PERSOON, 0, None,
                            "*****6782", 12, "y"),
             swi.Diagnostic("SWI-040", swi.Severity.WARNING, 15, swi.Category.PERSOON, 0, None,
                            "*****6782", None, "z")]
        self.assertEqual(findings_text(f), "levering:\n  SWI-001 fout: x\n"
                         "persoon *****6782:\n  SWI-012 fout (regel 12): y\n"
                         "  SWI-040 waarschuwing: z\n")


if __name__ == "__main__":
    unittest.main()
