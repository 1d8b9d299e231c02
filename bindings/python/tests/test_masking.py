"""Exception texts and diagnostics never show a BSN and are one line (issue
9, defects 3 and 11). libswi's last-error message, which the exceptions
carry, is always masked (doc/masking.md); the binding's own messages quote
no value that could be one."""

from __future__ import annotations

import unittest
from datetime import date
from typing import Any

import support

import swi

BSN, OTHER = support.bsns(2, start=314159265)
LEADING_ZERO = support.bsns(1, start=31415926)[0]  # "0........"
EIGHT = LEADING_ZERO[1:]
SECRETS = [BSN, OTHER, LEADING_ZERO]


def text_values(b: str) -> list[str]:
    return [b, b + " ", b + "\r", b + "\n", " " + b, "x" + b, "1" + b, "-" + b,
            f"{b[:3]} {b[3:6]} {b[6:]}", f"{b[:4]}.{b[4:6]}.{b[6:]}", f"{b[:4]}\n{b[4:]}",
            "Alles in orde.\n" + b + "\nAlles in orde."]


VALUES: list[Any] = (text_values(BSN) + [EIGHT, EIGHT + " ", EIGHT + "\r"]
                     + [int(BSN), -int(BSN), int("1" + BSN), int(EIGHT)])


class Masking(unittest.TestCase):
    checked = 0

    def assert_clean(self, text: str, what: str) -> None:
        Masking.checked += 1
        for secret in SECRETS:
            for i in range(len(secret) - 5):
                self.assertNotIn(secret[i:i + 6], text, f"{what}: {text!r}")
        self.assertFalse(any(ord(c) < 0x20 or ord(c) == 0x7F for c in text),
                         f"{what}: not one line: {text!r}")

    def attempt(self, what: str, call: Any, *args: Any) -> None:
        try:
            call(*args)
        except (swi.Error, TypeError, ValueError, KeyError, OverflowError) as e:
            self.assert_clean(str(e), what)
            for note in getattr(e, "__notes__", []):
                self.assert_clean(note, what)

    def test_every_kenmerk_every_setter(self) -> None:
        with swi.Delivery(**support.header()) as d:  # type: ignore[arg-type]
            p = d.add_person(OTHER)
            owners = {swi.Category.LEVERING: d, swi.Category.PERSOON: p,
                      swi.Category.PIP: p.add_pip(), swi.Category.GESPREK: p.add_gesprek(),
                      swi.Category.BOETE: p.add_boete()}
            for k in swi.kenmerken():
                target = owners[k.category]
                for v in VALUES:
                    self.attempt(f"{k.name} = {v!r}", setattr, target, k.name, v)
            for v in VALUES:
                self.attempt(f"add_person({v!r})", d.add_person, v)
                self.attempt(f"d[{v!r}]", lambda x: d[x], v)
                self.attempt(f"find_person({v!r})", d.find_person, v)
                self.attempt(f"bsn = {v!r}", setattr, p, "bsn", v)
                self.attempt(f"set_reference_date({v!r})", d.set_reference_date, v)
                if isinstance(v, int):  # a kind is a number (int() quotes a str)
                    self.attempt(f"add_record({v!r})", p.add_record, v)
                self.attempt(f"kenmerk({v!r})", swi.kenmerk, v)
            self.attempt("duplicate", d.add_person, OTHER)
        self.assertGreater(Masking.checked, 300)

    def test_bulk_rows(self) -> None:
        with swi.Delivery(**support.header()) as d:  # type: ignore[arg-type]
            for v in VALUES:
                self.attempt(f"row bsn {v!r}", d.add_persons, [(v, {})])
                self.attempt(f"row value {v!r}", d.add_persons,
                             [(BSN, {"geboortedatum": v})])
                self.attempt(f"row pip {v!r}", d.add_persons,
                             [(OTHER, {"geboortedatum": date(1990, 1, 7)}, [{"pip_datum": v}],
                               [], [])])

    def test_read_diagnostics(self) -> None:
        with swi.Delivery(**support.header()) as d:  # type: ignore[arg-type]
            d.add_person(BSN, geboortedatum=date(1990, 1, 7), geslacht=swi.Geslacht.VROUW,
                         type_migrant=swi.TypeMigrant.ASIELMIGRANT)
            data = d.to_bytes()
        hostile = data.replace(b"<Geboortedatum>19900107",
                               b"<Geboortedatum>" + ("1" + BSN).encode() + b"&#10;Alles in orde.")
        self.assertNotEqual(hostile, data)
        for xsd in (None, support.XSD):
            _, diags = swi.read_bytes(hostile, xsd=xsd)
            self.assertTrue(diags)
            for diag in diags:
                self.assert_clean(str(diag), "read")
                self.assert_clean(diag.message, "read")
            _, diags = swi.read_bytes(hostile, xsd=xsd, show_bsn=True)
            self.assertTrue(any(BSN in (x.bsn or "") for x in diags))


if __name__ == "__main__":
    unittest.main()
