"""swi.generate(): synthetic, rule-valid deliveries (doc/fixtures.md)."""

from __future__ import annotations

import tempfile
import unittest
from pathlib import Path

import support  # noqa: F401  (the import path)

import swi

YEAR_POLICY = {"SWI-017", "SWI-018", "SWI-019"}  # doc/years.md


def fnv1a(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


class Generate(unittest.TestCase):
    def test_every_quarter_of_2026_is_valid(self) -> None:
        for quarter in (1, 2, 3, 4):
            for seed in (1, 2):
                for clean in (False, True):
                    with self.subTest(quarter=quarter, seed=seed, clean=clean), \
                            swi.generate(200, seed, 2026, quarter, clean=clean) as d:
                        self.assertEqual(len(d), 200)
                        diags = d.validate()
                        self.assertFalse([x for x in diags if x.is_error], diags)
                        if clean:
                            self.assertFalse(diags, diags)

    def test_every_kenmerk_is_used(self) -> None:
        with swi.generate(persons=500, seed=42, year=2026, quarter=2) as d:
            xml = d.to_bytes().decode()
        for k in swi.kenmerken():
            self.assertIn(f"<{k.element}>", xml, k.label)

    def test_deterministic(self) -> None:
        a = swi.generate(300, 42, 2026, 3)
        b = swi.generate(300, 42, 2026, 3)
        c = swi.generate(300, 43, 2026, 3)
        with a, b, c:
            self.assertEqual(a.to_bytes(), b.to_bytes())
            self.assertNotEqual(a.to_bytes(), c.to_bytes())
            # The digest the C test pins (tests/test-generate.c): the same bytes.
            self.assertEqual(fnv1a(a.to_bytes()), 0x296F0C11C9664002)

    def test_options(self) -> None:
        with swi.generate(100, 5, 2026, 1, asiel_percent=0, pips=False, fines=False) as d:
            self.assertTrue(all(p.type_migrant == swi.TypeMigrant(2) for p in d))
            self.assertFalse([p for p in d if p.pips or p.boetes])
            self.assertTrue([p for p in d if p.gesprekken])
        with swi.generate(100, 5, 2026, 1, zroute_percent=100, movers_percent=0) as d:
            routes = {r.leerroute_route for p in d for r in p.pips}
            self.assertEqual(routes, {swi.LeerrouteRoute(3)})
            self.assertFalse([p for p in d if p.einde_begeleiding_reden == 1])
        with swi.generate(10, 1, 2027, 4, gemeente="0363", berichtgever=9001, full=True) as d, \
                tempfile.TemporaryDirectory() as tmp:
            path = d.write(tmp)
            self.assertEqual(path.name, "SWI_9001_0363_20274.XML")
            self.assertFalse([x for x in d.validate() if x.is_error])
            self.assertTrue(Path(path).exists())

    def test_into(self) -> None:
        with swi.generate(20, 1, 2026, 2) as d:
            same = swi.generate(30, seed=9, into=d)
            self.assertIs(same, d)
            self.assertEqual(len(d), 50)
            self.assertFalse([x for x in d.validate() if x.is_error])
        with self.assertRaises(swi.InvalidDelivery):
            swi.generate(5, into=swi.Delivery())  # no statistiekjaar / kwartaal

    def test_refused(self) -> None:
        with self.assertRaises(swi.Unsupported) as e:
            swi.generate(year=2021)
        self.assertIn("2021", e.exception.message)
        with self.assertRaises(ValueError) as v:
            swi.generate(quarter=5)
        self.assertIn("kwartaal", str(v.exception))
        with self.assertRaises(ValueError) as v:
            swi.generate(gemeente=9999)
        self.assertIn("9999", str(v.exception))
        with self.assertRaises(ValueError):
            swi.generate(persons=-1)
        with self.assertRaises(ValueError):
            swi.generate(asiel_percent=101)
        with self.assertRaises(ValueError):
            swi.generate(gemeente="Enschede")
        closed = swi.Delivery(year=2026, quarter=1)
        closed.close()
        with self.assertRaises(swi.StaleHandle):
            swi.generate(into=closed)


if __name__ == "__main__":
    unittest.main()
