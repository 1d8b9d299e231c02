"""Shared by the tests: the import path, the repository's files, synthetic
BSNs and a small rule-valid delivery.

Run from the repository:
    SWI_LIBRARY=build/lib/libswi.so.0 python3 -m unittest discover -s bindings/python/tests
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
BINDING = HERE.parent
REPO = BINDING.parent.parent
if str(BINDING) not in sys.path:  # test this tree's swi, not an installed one
    sys.path.insert(0, str(BINDING))

import swi  # noqa: E402

MAP = Path(os.environ.get("SWI_MAP") or REPO / "lib" / "libswi.map")
XSD = Path(os.environ.get("SWI_XSD") or REPO / "lib" / "data" / "swi.xsd")

REFERENCE = date(2026, 4, 15)  # in the aanleverperiode of 2026 Q1


def bsn_ok(v: int) -> bool:
    s = -(v % 10)
    rest = v // 10
    for w in range(2, 10):
        s += w * (rest % 10)
        rest //= 10
    return v != 0 and s % 11 == 0


def bsns(n: int, start: int = 100000000) -> list[str]:
    """n synthetic BSNs that pass the 11-test."""
    out = []
    v = start
    while len(out) < n:
        if bsn_ok(v):
            out.append(f"{v:09d}")
        v += 1
    return out


def header(**kw: object) -> dict[str, object]:
    h: dict[str, object] = dict(year=2026, quarter=1, software="and", version="4.2",
                                berichtgever="0153", gemeente="0153", reference_date=REFERENCE)
    h.update(kw)
    return h


def sample(n_extra: int = 0) -> swi.Delivery:
    """A small delivery without errors: an asielmigrant with only the
    required kenmerken, a gezinsmigrant with PIP, talk and fine, and
    n_extra more minimal persons."""
    d = swi.Delivery(**header())  # type: ignore[arg-type]
    d.add_person("123456782", geboortedatum=date(1990, 1, 7), geslacht=swi.Geslacht.VROUW,
                 type_migrant=swi.TypeMigrant.ASIELMIGRANT)
    q = d.add_person("100000009", geboortedatum=date(1985, 5, 5), geslacht=1, type_migrant=2,
                     brede_intake_begindatum=date(2025, 11, 3), alfabetiseringscursus=2,
                     analfabetisme=1, pvt_ondertekeningsdatum=date(2025, 12, 1))
    q.add_pip(pip_datum=date(2025, 12, 15), leerroute_route=1, leerroute_niveau=1)
    q.add_gesprek(voortgangsgesprek_datum=date(2026, 2, 10))
    q.add_boete(boete_datum=date(2026, 3, 1), boete_reden=1, boete_bedrag=250)
    for b in bsns(n_extra, 200000000):
        d.add_person(b, geboortedatum=date(1980, 2, 3), geslacht=1, type_migrant=1)
    return d
