"""Building a delivery: header, persons, records, kenmerken as properties,
the bulk path and its refusals."""

from __future__ import annotations

import unittest
from unittest import mock
from datetime import date, datetime

import support

import swi


class Header(unittest.TestCase):
    def test_empty_delivery(self) -> None:
        with swi.Delivery() as d:
            self.assertEqual(len(d), 0)
            self.assertEqual(list(d), [])
            self.assertIsNone(d.statistiekjaar)
            self.assertEqual(d.statistiekcode, 40)  # always set by libswi
            with self.assertRaises(swi.InvalidDelivery):
                d.file_name()

    def test_constructor_sets_the_header(self) -> None:
        with swi.Delivery(year=2026, quarter=1, software="and", version="4.2",
                          berichtgever="0153", gemeente=153) as d:
            self.assertEqual(d.statistiekjaar, 2026)
            self.assertIs(d.statistiekkwartaal, swi.Statistiekkwartaal(1))
            self.assertEqual(d.naam_softwarepakket, "and")
            self.assertIs(d.naam_softwarepakket, swi.NaamSoftwarepakket.AND)
            self.assertEqual(d.versie_softwarepakket, "4.2")
            self.assertEqual(d.berichtgevercode, "0153")
            self.assertEqual(d.gemeentecode, "0153")
            self.assertEqual(d.file_name(), "SWI_0153_0153_20261.XML")
            self.assertEqual(d.file_name(zip=True), "SWI_0153_0153_20261.zip")
            self.assertEqual(d.as_dict()["statistiekjaar"], 2026)

    def test_refused_header_value_frees_and_raises(self) -> None:
        with self.assertRaises(swi.ValueRefused) as cm:
            swi.Delivery(year=2026, quarter=5)
        self.assertEqual(cm.exception.kenmerk, "statistiekkwartaal")
        self.assertEqual(cm.exception.code, -7)

    def test_header_properties(self) -> None:
        with swi.Delivery() as d:
            d.statistiekjaar = 2025
            d.versie_softwarepakket = "1.0-rc1"
            self.assertEqual(d.statistiekjaar, 2025)
            d.statistiekjaar = None
            self.assertIsNone(d.statistiekjaar)
            del d.versie_softwarepakket
            self.assertIsNone(d.versie_softwarepakket)
            with self.assertRaises(swi.ValueRefused) as cm:
                d.versie_softwarepakket = "met spatie"
            self.assertEqual(cm.exception.code, -9)  # ECHARSET
            self.assertIn("kenmerk 5", cm.exception.message)
            with self.assertRaises(swi.ValueRefused) as cm:
                d.versie_softwarepakket = "x" * 13
            self.assertEqual(cm.exception.code, -10)  # ETOOLONG
            with self.assertRaises(swi.InvalidArgument):  # k3 cannot be unset
                d.statistiekcode = None
            with self.assertRaises(TypeError):
                d.naam_softwarepakket = 3


class Persons(unittest.TestCase):
    def setUp(self) -> None:
        self.d = swi.Delivery(**support.header())

    def tearDown(self) -> None:
        self.d.close()

    def test_add_find_len_iter(self) -> None:
        d = self.d
        a = d.add_person("123456782")
        b = d.add_person(100000009)  # an int gets its leading zeros
        c = d.add_person("100000010")
        self.assertEqual(len(d), 3)
        self.assertEqual(list(d), [a, b, c])
        self.assertEqual(d.persons, [a, b, c])
        self.assertIs(d.find_person("123456782"), a)
        self.assertIs(d.find_person(123456782), a)
        self.assertIs(d["100000009"], b)
        self.assertIn("100000010", d)
        self.assertNotIn("100000022", d)
        self.assertNotIn(object(), d)
        self.assertIsNone(d.find_person("100000022"))
        with self.assertRaises(swi.NotFound):
            d["100000022"]
        with self.assertRaises(KeyError):
            d["100000022"]
        self.assertEqual(b.bsn, "100000009")
        self.assertIs(a.delivery, d)

    def test_eight_digit_bsn_gets_a_leading_zero(self) -> None:
        bsn = next(b for b in support.bsns(50, 10000000) if b.startswith("0"))
        p = self.d.add_person(bsn[1:])
        self.assertEqual(p.bsn, bsn)

    def test_bad_bsns(self) -> None:
        with self.assertRaises(swi.ValueRefused) as cm:
            self.d.add_person("123456789")
        self.assertEqual(cm.exception.code, -11)
        self.assertEqual(cm.exception.kenmerk, "burgerservicenummer")
        with self.assertRaises(swi.ValueRefused):
            self.d.add_person("12a456782")
        with self.assertRaises(swi.ValueRefused):
            self.d.add_person("000000000")
        with self.assertRaises(swi.ValueRefused):  # a NUL must not cut the text
            self.d.add_person("10000000\x009")
        with self.assertRaises(TypeError):
            self.d.add_person(1.5)  # type: ignore[arg-type]
        with self.assertRaises(swi.ValueRefused):
            self.d.find_person("123456789")
        self.assertEqual(len(self.d), 0)

    def test_duplicate(self) -> None:
        self.d.add_person("123456782")
        with self.assertRaises(swi.DuplicateBsn) as cm:
            self.d.add_person("123456782")
        self.assertEqual(cm.exception.code, -12)
        self.assertNotIn("123456782", cm.exception.message)  # masked
        self.assertEqual(len(self.d), 1)

    def test_kenmerk_types(self) -> None:
        p = self.d.add_person("123456782")
        self.assertIsNone(p.geboortedatum)
        p.geboortedatum = date(1990, 1, 7)
        self.assertEqual(p.geboortedatum, date(1990, 1, 7))
        self.assertIs(type(p.geboortedatum), date)
        p.geboortedatum = datetime(1991, 2, 3, 4, 5)
        self.assertEqual(p.geboortedatum, date(1991, 2, 3))
        p.geboortedatum = 19920304
        self.assertEqual(p.geboortedatum, date(1992, 3, 4))
        p.geboortedatum = "19930405"  # the text of the file
        self.assertEqual(p.geboortedatum, date(1993, 4, 5))
        p.geslacht = 2
        self.assertIs(p.geslacht, swi.Geslacht.VROUW)
        p.geslacht = swi.Geslacht.MAN
        self.assertIs(p.geslacht, swi.Geslacht.MAN)
        p.type_migrant = "2"
        self.assertIs(p.type_migrant, swi.TypeMigrant.GEZINSMIGRANT_OVERIGE_MIGRANT)
        p.brede_intake_uren_taal_knm = 120
        self.assertEqual(p.brede_intake_uren_taal_knm, 120)
        self.assertIs(type(p.brede_intake_uren_taal_knm), int)
        self.assertEqual(p.burgerservicenummer, "123456782")
        p.geslacht = None
        self.assertIsNone(p.geslacht)
        del p.brede_intake_uren_taal_knm
        self.assertIsNone(p.brede_intake_uren_taal_knm)
        self.assertEqual(p.as_dict(), {"burgerservicenummer": "123456782",
                                       "geboortedatum": date(1993, 4, 5),
                                       "type_migrant": swi.TypeMigrant(2)})

    def test_refused_values_name_the_kenmerk(self) -> None:
        p = self.d.add_person("123456782", geslacht=1)
        cases = [
            ("geslacht", 4, -7), ("geslacht", "x", -5), ("geboortedatum", 20250230, -6),
            ("geboortedatum", date(1, 1, 1), -5), ("brede_intake_uren_taal_knm", 10000, -8),
            ("brede_intake_uren_taal_knm", -1, -8), ("brede_intake_uren_taal_knm", 2**40, -8),
            ("geboortedatum", "2025-01-01", -5),
        ]
        for name, value, code in cases:
            with self.subTest(name=name, value=value):
                with self.assertRaises(swi.ValueRefused) as cm:
                    setattr(p, name, value)
                e = cm.exception
                self.assertEqual(e.code, code)
                self.assertEqual(e.kenmerk, name)
                self.assertEqual(e.kenmerk_number, swi.kenmerk(name).number)
                self.assertIn(f"(kenmerk {swi.kenmerk(name).number})", e.message)
                self.assertIsInstance(e, ValueError)
        self.assertIs(p.geslacht, swi.Geslacht.MAN)  # unchanged
        with self.assertRaises(TypeError):
            p.geslacht = True
        with self.assertRaises(TypeError):
            p.geslacht = 1.0
        with self.assertRaises(TypeError):
            p.geslacht = date(2020, 1, 1)
        with self.assertRaises(swi.ValueRefused):
            p.geslacht = "1\x00"

    def test_add_person_sets_kenmerken_all_or_nothing(self) -> None:
        p = self.d.add_person("123456782", geboortedatum=date(1990, 1, 7), geslacht=2,
                              type_migrant=swi.TypeMigrant.ASIELMIGRANT,
                              brede_intake_uren_taal_knm=12)
        self.assertEqual((p.geboortedatum, p.geslacht, p.type_migrant,
                          p.brede_intake_uren_taal_knm),
                         (date(1990, 1, 7), 2, 1, 12))
        for kw, name in [(dict(geslacht=2, type_migrant=3), "type_migrant"),
                         (dict(geboortedatum=date(1990, 1, 7), alfabetiseringscursus=0),
                          "alfabetiseringscursus"),
                         (dict(geslacht=1, geboortedatum="1990"), "geboortedatum"),
                         (dict(geslacht=1, geboortedatum=19900231), "geboortedatum")]:
            with self.subTest(kw=kw):
                with self.assertRaises(swi.ValueRefused) as cm:
                    self.d.add_person("100000009", **kw)
                self.assertEqual(cm.exception.kenmerk, name)
                self.assertIsNone(self.d.find_person("100000009"))
        with self.assertRaises(TypeError):
            self.d.add_person("100000009", no_such_kenmerk=1)
        with self.assertRaises(TypeError):
            self.d.add_person("100000009", pip_datum=date(2026, 1, 1))  # a PIP kenmerk
        self.assertEqual(len(self.d), 1)
        # None in the keywords means "not set"; enums, datetimes and text work too.
        q = self.d.add_person("100000009", geslacht=None, type_migrant=swi.TypeMigrant(2),
                              geboortedatum=datetime(1980, 5, 6), analfabetisme="1")
        self.assertEqual(q.as_dict(), {"burgerservicenummer": "100000009",
                                       "geboortedatum": date(1980, 5, 6),
                                       "type_migrant": 2, "analfabetisme": 1})

    def test_update_is_atomic(self) -> None:
        p = self.d.add_person("123456782", geslacht=1, geboortedatum=date(1990, 1, 7))
        p.update(geslacht=2, brede_intake_uren_taal_knm=5, geboortedatum=None)
        self.assertEqual(p.as_dict(), {"burgerservicenummer": "123456782", "geslacht": 2,
                                       "brede_intake_uren_taal_knm": 5})
        before = p.as_dict()
        for kw in [dict(geslacht=1, type_migrant=7), dict(geslacht=1, geboortedatum="x"),
                   dict(geslacht=None, geboortedatum="19900231")]:
            with self.subTest(kw=kw):
                with self.assertRaises(swi.ValueRefused):
                    p.update(**kw)
                self.assertEqual(p.as_dict(), before)
        with self.assertRaises(TypeError):
            p.update(nope=1)

    def test_changing_the_bsn(self) -> None:
        p = self.d.add_person("123456782")
        self.d.add_person("100000009")
        p.bsn = "100000010"
        self.assertIs(self.d.find_person("100000010"), p)
        self.assertIsNone(self.d.find_person("123456782"))
        with self.assertRaises(swi.DuplicateBsn):
            p.bsn = "100000009"
        with self.assertRaises(swi.ValueRefused):
            p.burgerservicenummer = "123456789"
        with self.assertRaises(swi.InvalidArgument):  # EREQUIRED: the BSN cannot be unset
            p.burgerservicenummer = None
        p.bsn = 123456782
        self.assertEqual(p.bsn, "123456782")

    def test_remove_person(self) -> None:
        a, b, c = (self.d.add_person(x) for x in support.bsns(3))
        b.add_pip(pip_datum=date(2026, 1, 5))
        b.remove()
        self.assertTrue(b.removed)
        self.assertEqual(list(self.d), [a, c])
        self.assertEqual(len(self.d), 2)
        self.assertIsNone(self.d.find_person(support.bsns(3)[1]))
        self.d.add_person(support.bsns(3)[1])  # the BSN is free again
        self.assertEqual(len(self.d), 3)

    def test_remove_while_iterating(self) -> None:
        for b in support.bsns(10):
            self.d.add_person(b)
        seen = []
        for i, p in enumerate(self.d):
            seen.append(p.bsn)
            if i % 2 == 0:
                p.remove()
        self.assertEqual(len(seen), 10)
        self.assertEqual(len(self.d), 5)
        # Removing persons that the loop has not reached yet skips them.
        persons = list(self.d)
        seen = []
        for p in self.d:
            seen.append(p)
            for q in persons[persons.index(p) + 1:]:
                if not q.removed:
                    q.remove()
        self.assertEqual(seen, persons[:1])

    def test_repr_masks_the_bsn(self) -> None:
        p = self.d.add_person("123456782")
        self.assertEqual(repr(p), "<swi.Person *****6782>")
        self.assertIn("persons=1", repr(self.d))


class Records(unittest.TestCase):
    def setUp(self) -> None:
        self.d = swi.Delivery(**support.header())
        self.p = self.d.add_person("123456782", type_migrant=1)

    def tearDown(self) -> None:
        self.d.close()

    def test_add_and_iterate(self) -> None:
        p = self.p
        pip1 = p.add_pip(pip_datum=date(2026, 1, 5), leerroute_route=swi.Leerroute.Z_ROUTE)
        pip2 = p.add_pip()
        g = p.add_gesprek(voortgangsgesprek_datum=date(2026, 2, 1))
        b = p.add_boete(boete_datum=date(2026, 3, 1), boete_reden=2, boete_bedrag=340)
        self.assertIsInstance(pip1, swi.Pip)
        self.assertIsInstance(g, swi.Gesprek)
        self.assertIsInstance(b, swi.Boete)
        self.assertEqual(p.pips, [pip1, pip2])
        self.assertEqual(p.gesprekken, [g])
        self.assertEqual(p.boetes, [b])
        self.assertEqual(p.records(swi.Category.PIP), [pip1, pip2])
        self.assertEqual([pip1.index, pip2.index], [0, 1])
        self.assertIs(pip1.person, p)
        self.assertIs(b.delivery, self.d)
        self.assertEqual(pip1.kind, swi.Category.PIP)
        self.assertEqual(pip1.pip_datum, date(2026, 1, 5))
        self.assertIs(pip1.leerroute_route, swi.Leerroute.Z_ROUTE)
        self.assertIsNone(pip2.pip_datum)
        pip2.pip_datum = date(2026, 2, 2)
        pip2.leerroute_niveau = swi.LeerrouteNiveau.A2
        self.assertEqual(pip2.as_dict(), {"pip_datum": date(2026, 2, 2), "leerroute_niveau": 2})
        self.assertEqual(b.as_dict(), {"boete_datum": date(2026, 3, 1), "boete_reden": 2,
                                       "boete_bedrag": 340})
        self.assertIs(b.boete_reden, swi.BoeteReden(2))
        self.assertEqual(g.voortgangsgesprek_datum, date(2026, 2, 1))
        r = p.add_record(swi.Category.BOETE, boete_bedrag=1)
        self.assertIsInstance(r, swi.Boete)
        self.assertEqual(len(p.boetes), 2)
        with self.assertRaises(swi.InvalidArgument):
            p.add_record(2)
        self.assertIn("Pip", repr(pip1))

    def test_refusals(self) -> None:
        p = self.p
        with self.assertRaises(swi.ValueRefused) as cm:
            p.add_pip(pip_datum=date(2026, 1, 5), leerroute_route=4)
        self.assertEqual(cm.exception.kenmerk, "leerroute_route")
        self.assertEqual(p.pips, [])  # all or nothing
        with self.assertRaises(swi.ValueRefused) as cm:
            p.add_boete(boete_datum=date(2026, 3, 1), boete_reden=1, boete_bedrag=12345)
        self.assertEqual(cm.exception.kenmerk, "boete_bedrag")
        self.assertIn("kenmerk 38", str(cm.exception))
        self.assertEqual(p.boetes, [])
        with self.assertRaises(TypeError):
            p.add_pip(boete_datum=date(2026, 1, 1))  # a kenmerk of another kind
        with self.assertRaises(TypeError):
            p.add_gesprek(geslacht=1)
        g = p.add_gesprek()
        with self.assertRaises(swi.ValueRefused) as cm:
            g.voortgangsgesprek_datum = 20261340
        self.assertEqual(cm.exception.kenmerk, "voortgangsgesprek_datum")
        with self.assertRaises(swi.ValueRefused):
            g.update(voortgangsgesprek_datum="2026")
        self.assertIsNone(g.voortgangsgesprek_datum)
        g.update(voortgangsgesprek_datum=date(2026, 1, 9))
        self.assertEqual(g.voortgangsgesprek_datum, date(2026, 1, 9))

    def test_remove_records(self) -> None:
        p = self.p
        a, b, c = p.add_gesprek(), p.add_gesprek(), p.add_gesprek()
        b.remove()
        self.assertTrue(b.removed)
        self.assertEqual(p.gesprekken, [a, c])
        self.assertEqual(c.index, 1)
        with self.assertRaises(swi.StaleHandle):
            b.voortgangsgesprek_datum
        with self.assertRaises(swi.StaleHandle):
            b.remove()
        # The pool reuses the slot: the new record is a new object, the old stays dead.
        d2 = p.add_gesprek(voortgangsgesprek_datum=date(2026, 1, 2))
        self.assertIsNot(d2, b)
        self.assertTrue(b.removed)
        self.assertEqual(p.gesprekken, [a, c, d2])


class AddPersons(unittest.TestCase):
    def test_rows(self) -> None:
        with swi.Delivery(**support.header()) as d:
            b = support.bsns(3)
            n = d.add_persons([
                (b[0], {"geboortedatum": date(1990, 1, 7), "geslacht": 2, "type_migrant": 1}),
                (b[1], {"geslacht": 1}, [{"pip_datum": date(2026, 1, 5)}],
                 [{"voortgangsgesprek_datum": date(2026, 2, 1)}],
                 [{"boete_datum": date(2026, 3, 1), "boete_reden": 1, "boete_bedrag": 5}]),
                (int(b[2]), {}),
            ])
            self.assertEqual(n, 3)
            self.assertEqual(len(d), 3)
            p = d[b[1]]
            self.assertEqual(len(p.pips), 1)
            self.assertEqual(p.boetes[0].boete_bedrag, 5)
            self.assertEqual(d[b[0]].geboortedatum, date(1990, 1, 7))

    def test_refused_row(self) -> None:
        with swi.Delivery(**support.header()) as d:
            b = support.bsns(3)
            with self.assertRaises(swi.ValueRefused) as cm:
                d.add_persons([(b[0], {"geslacht": 1}),
                               (b[1], {"geslacht": 1}, [{"leerroute_route": 9}]),
                               (b[2], {})])
            self.assertEqual(cm.exception.kenmerk, "leerroute_route")
            self.assertIn("in row 1 of add_persons() (0-based)", cm.exception.__notes__)
            self.assertEqual([p.bsn for p in d], [b[0]])  # row 1 not added, row 2 not reached
            with self.assertRaises(swi.DuplicateBsn):
                d.add_persons([(b[0], {})])
            self.assertEqual(d.add_persons([]), 0)

    def _generated(self, n: int) -> list:
        import bench  # the benchmark's generator: rule-valid rows with every record kind
        return bench.generate(n, seed=7)

    def test_batches_give_what_add_person_gives(self) -> None:
        rows = self._generated(2 * swi.delivery.BATCH_ROWS + 100)
        lib = swi.delivery.lib
        with swi.Delivery(**support.header(quarter=3)) as one, \
                swi.Delivery(**support.header(quarter=3)) as batched:
            for bsn, kw, pips, talks, fines in rows:
                p = one.add_person(bsn, **kw)
                for r in pips:
                    p.add_pip(**r)
                for r in talks:
                    p.add_gesprek(**r)
                for r in fines:
                    p.add_boete(**r)
            with mock.patch.object(lib, "delivery_add_batch",
                                   wraps=lib.delivery_add_batch) as calls:
                self.assertEqual(batched.add_persons(iter(rows)), len(rows))  # an iterator
            self.assertEqual(calls.call_count, 3)  # one C call per BATCH_ROWS rows
            self.assertEqual(batched.to_bytes(force=True), one.to_bytes(force=True))

    def test_refusal_in_a_later_batch(self) -> None:
        rows = self._generated(swi.delivery.BATCH_ROWS + 50)
        at = swi.delivery.BATCH_ROWS + 7
        bsn, kw, pips, talks, fines = rows[at]
        rows[at] = (bsn, kw, pips + [{"pip_datum": date(2026, 7, 1), "leerroute_route": 9}],
                    talks, fines)
        with swi.Delivery(**support.header(quarter=3)) as d:
            with self.assertRaises(swi.ValueRefused) as cm:
                d.add_persons(rows)
            self.assertEqual(cm.exception.kenmerk, "leerroute_route")
            self.assertIn(f"in row {at} of add_persons() (0-based)", cm.exception.__notes__)
            self.assertEqual(len(d), at)
            self.assertIsNone(d.find_person(bsn))
            self.assertEqual([p.bsn for p in d][-1], rows[at - 1][0])

    def test_rows_the_batch_leaves_to_add_person(self) -> None:
        """Values that are not plain ints and dates take the per-row path,
        with add_person()'s checks: the same persons or the same errors."""
        b = support.bsns(8)
        good = [
            (b[0], {"geslacht": swi.Geslacht(2), "geboortedatum": date(1990, 1, 7)}),
            ("12345672", {"brede_intake_begindatum": 20260105}),  # eight digits
            (b[1], {"geboortedatum": datetime(1990, 1, 7, 12, 0)}),
            (int(b[2]), {"geslacht": 1}),
            (b[3], {"geslacht": None}),
        ]
        for row in good:
            with swi.Delivery(**support.header()) as one, \
                    swi.Delivery(**support.header()) as batched:
                one.add_person(row[0], **row[1])
                self.assertEqual(batched.add_persons([row]), 1, row)
                self.assertEqual(batched.to_bytes(force=True), one.to_bytes(force=True), row)
        bad = [
            (b[4], {"geslacht": True}),
            (b[4], {"geslacht": 1.0}),
            (" " + b[4], {}),
            (b[4][:8] + "x", {}),
            ("1" + b[4], {}),
            (b[4], {"no_such_kenmerk": 1}),
            (b[4], {"pip_datum": date(2026, 1, 5)}),  # a PIP kenmerk on a person
            (b[4], {"geslacht": 2**31}),
            (b[4], {"geboortedatum": 19901307}),
            (b[4], {"geslacht": [1]}),  # unhashable: once escaped the batch unnamed
        ]
        for row in bad:
            with swi.Delivery(**support.header()) as d:
                try:
                    d.add_person(row[0], **row[1])
                except Exception as e:
                    expected: type[BaseException] = type(e)
                    message = str(e)
                else:
                    self.fail(f"add_person accepted {row}")
                with self.assertRaises(expected, msg=row) as cm:
                    d.add_persons([(b[5], {}), row, (b[6], {})])
                self.assertIn("in row 1 of add_persons() (0-based)", cm.exception.__notes__)
                self.assertEqual(str(cm.exception), message, row)
                self.assertEqual([p.bsn for p in d], [b[5]])


if __name__ == "__main__":
    unittest.main()
