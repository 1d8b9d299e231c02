"""A vendor's test of its SWI export, with libswi's Python assertions.

The vendor's own code (here: `export`) turns its case records into a
swi.Delivery; the test checks that the result is valid and that it is, as
data, the delivery in expected-2026Q1.xml: persons are matched by BSN and
records by their date, so the order of the export does not matter, and a
difference is reported per person with a masked BSN.

Runs with plain unittest or with pytest:

    SWI_LIBRARY=build/lib/libswi.so.0 PYTHONPATH=bindings/python \\
        python3 -m unittest discover -s examples/vendor-tests -p 'test_*.py'
    SWI_LIBRARY=build/lib/libswi.so.0 PYTHONPATH=bindings/python \\
        python3 -m pytest examples/vendor-tests
"""

from __future__ import annotations

import unittest
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import swi
from swi.testing import assert_same, assert_valid

EXPECTED = Path(__file__).resolve().parent / "expected-2026Q1.xml"
TODAY = date(2026, 4, 15)  # in the aanleverperiode of 2026 Q1: no dependence on the clock


# ---- the vendor's own model and export (stand-ins for the real ones) ------

@dataclass(frozen=True)
class Client:
    bsn: str
    born: date
    sex: int                 # 1 man, 2 vrouw
    asylum: bool
    intake: date
    literacy_course: bool
    pips: list[date] = field(default_factory=list)
    talks: list[date] = field(default_factory=list)
    fines: list[tuple[date, int, int]] = field(default_factory=list)  # date, reason, euros
    pvt: date | None = None


CASES = [
    # Listed in another order than the expected file, on purpose.
    Client("100000009", date(1985, 5, 5), 1, False, date(2025, 11, 3), True,
           pips=[date(2025, 12, 15)], talks=[date(2026, 2, 10)],
           fines=[(date(2026, 3, 1), 1, 250)], pvt=date(2025, 12, 1)),
    Client("123456782", date(1990, 1, 7), 2, True, date(2025, 12, 10), True,
           pips=[date(2026, 1, 5)]),
]


def export(clients: list[Client]) -> swi.Delivery:
    d = swi.Delivery(year=2026, quarter=1, software="and", version="4.2",
                     berichtgever="0153", gemeente="0153", reference_date=TODAY)
    for c in clients:
        p = d.add_person(c.bsn, geboortedatum=c.born, geslacht=c.sex,
                         type_migrant=1 if c.asylum else 2,
                         brede_intake_begindatum=c.intake,
                         alfabetiseringscursus=2 if c.literacy_course else 1,
                         analfabetisme=1)
        if c.pvt:
            p.pvt_ondertekeningsdatum = c.pvt
        for day in c.pips:
            p.add_pip(pip_datum=day, leerroute_route=1, leerroute_niveau=1)
        for day in c.talks:
            p.add_gesprek(voortgangsgesprek_datum=day)
        for day, reason, euros in c.fines:
            p.add_boete(boete_datum=day, boete_reden=reason, boete_bedrag=euros)
    return d


# ---- the tests -----------------------------------------------------------

class VendorExportTest(unittest.TestCase):
    def test_export_matches_the_expected_delivery(self) -> None:
        with export(CASES) as actual:
            assert_valid(actual, warnings=True)
            assert_same(EXPECTED, actual)

    def test_one_wrong_kenmerk_fails_with_a_readable_message(self) -> None:
        # A bug in the export: the intake date of one client is a day off.
        buggy = [replace(CASES[0]), replace(CASES[1], intake=date(2025, 12, 11))]
        with export(buggy) as actual:
            with self.assertRaises(AssertionError) as failure:
                assert_same(EXPECTED, actual)
        self.assertEqual(
            str(failure.exception),
            "de leveringen verschillen (1 verschil):\n"
            "persoon *****6782: kenmerk 15 (Brede intake - begindatum) "
            "verwacht 20251210, gekregen 20251211\n")


if __name__ == "__main__":
    unittest.main()
