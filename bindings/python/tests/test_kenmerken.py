"""The kenmerken table as Python sees it: read from C, never hard-coded."""

from __future__ import annotations

import enum
import unittest
from ctypes import byref, c_char_p

import support  # noqa: F401

import swi
from swi._clib import lib


def c_table() -> list[tuple[int, str, int, int, list[tuple[str, str]]]]:
    """The table read straight through ctypes, independently of kenmerken.py."""
    rows = []
    k = 1
    while (el := lib.kenmerk_element(k)) is not None:
        codes = []
        code, meaning = c_char_p(), c_char_p()
        for i in range(lib.kenmerk_code_count(k)):
            lib.kenmerk_code_at(k, i, byref(code), byref(meaning))
            codes.append((code.value.decode(), meaning.value.decode()))
        rows.append((k, el.decode(), lib.kenmerk_category(k), lib.kenmerk_type(k), codes))
        k += 1
    return rows


class Table(unittest.TestCase):
    def test_matches_the_c_table(self) -> None:
        rows = c_table()
        self.assertEqual(len(swi.KENMERKEN), len(rows))
        self.assertGreaterEqual(len(rows), 38)
        for k, (number, element, category, vtype, codes) in zip(swi.KENMERKEN, rows):
            self.assertEqual(k.number, number)
            self.assertEqual(k.element, element)
            self.assertEqual(int(k.category), category)
            self.assertEqual(int(k.type), vtype)
            self.assertEqual(list(k.codes), codes)
            self.assertEqual(lib.kenmerk_by_element(element.encode()), number)
            self.assertEqual(k.width, lib.kenmerk_width(number))
            self.assertEqual(k.required, lib.kenmerk_required(number) == 1)

    def test_names(self) -> None:
        names = {k.number: k.name for k in swi.KENMERKEN}
        self.assertEqual(names[9], "geboortedatum")
        self.assertEqual(names[11], "type_migrant")
        self.assertEqual(names[12], "maatschappelijke_begeleiding_begindatum")
        self.assertEqual(names[16], "brede_intake_uren_taal_knm")
        self.assertEqual(names[20], "pvt_ondertekeningsdatum")
        self.assertEqual(names[21], "map_datum_eerste_activiteit")
        self.assertEqual(names[23], "zroute_inschatting_taalniveau")
        self.assertEqual(names[30], "pip_datum")
        self.assertEqual(len(set(names.values())), len(names))
        for name in names.values():
            self.assertRegex(name, r"^[a-z][a-z0-9_]*$")

    def test_lookup(self) -> None:
        self.assertEqual(swi.kenmerk(10).element, "Geslacht")
        self.assertEqual(swi.kenmerk("Geslacht").number, 10)
        self.assertEqual(swi.kenmerk("type_migrant").number, 11)
        with self.assertRaises(KeyError):
            swi.kenmerk(0)
        with self.assertRaises(KeyError):
            swi.kenmerk("nope")
        self.assertEqual([k.number for k in swi.kenmerken(swi.Category.BOETE)], [36, 37, 38])

    def test_every_kenmerk_is_a_property_of_its_class(self) -> None:
        classes = {swi.Category.LEVERING: swi.Delivery, swi.Category.PERSOON: swi.Person,
                   swi.Category.PIP: swi.Pip, swi.Category.GESPREK: swi.Gesprek,
                   swi.Category.BOETE: swi.Boete}
        for k in swi.KENMERKEN:
            prop = classes[k.category].__dict__.get(k.name)
            self.assertIsInstance(prop, property, k.name)
            self.assertIn(k.label, prop.__doc__)
            for other, cls in classes.items():
                if other != k.category:
                    self.assertFalse(hasattr(cls, k.name), f"{cls.__name__}.{k.name}")


class Enums(unittest.TestCase):
    def test_one_enum_per_code_list_matching_the_table(self) -> None:
        with_codes = [k for k in swi.KENMERKEN if k.codes]
        self.assertEqual(set(swi.ENUMS), {k.element for k in with_codes})
        for k in with_codes:
            cls = getattr(swi, k.element)
            self.assertIs(cls, k.enum)
            if k.type == swi.ValueType.TEXT_CODE:
                self.assertTrue(issubclass(cls, enum.StrEnum))
                self.assertEqual([m.value for m in cls], [c for c, _ in k.codes])
            else:
                self.assertTrue(issubclass(cls, enum.IntEnum))
                self.assertEqual([m.value for m in cls], [int(c) for c, _ in k.codes])
            self.assertEqual([m.meaning for m in cls], [m for _, m in k.codes])

    def test_known_members(self) -> None:
        self.assertEqual(swi.Geslacht.MAN, 1)
        self.assertEqual(swi.Geslacht.VROUW, 2)
        self.assertEqual(swi.Geslacht.ONBEKEND, 3)
        self.assertEqual(swi.TypeMigrant.ASIELMIGRANT, 1)
        self.assertEqual(swi.TypeMigrant.GEZINSMIGRANT_OVERIGE_MIGRANT, 2)
        self.assertIs(swi.Leerroute, swi.LeerrouteRoute)
        self.assertEqual(swi.Leerroute.B1_ROUTE, 1)
        self.assertEqual(swi.Leerroute.Z_ROUTE, 3)
        self.assertEqual(swi.ZrouteLezen.A2_OF_HOGER, 3)
        self.assertEqual(swi.ZrouteLezen.ONBEKEND, 9)
        self.assertEqual(swi.NaamSoftwarepakket.AND, "and")
        self.assertEqual(swi.Geslacht.VROUW.meaning, "Vrouw")

    def test_names_shared_with_c_and_java(self) -> None:
        # include/swi/codes.h: SWI_TYPE_MIGRANT_GEZINSMIGRANT = 2, nl.swi.TypeMigrant.GEZINSMIGRANT
        self.assertEqual(swi.TypeMigrant.GEZINSMIGRANT, 2)
        self.assertEqual(swi.TypeMigrant(2).name, "GEZINSMIGRANT")
        self.assertEqual(swi.BoeteReden(1).name, "ARTIKEL_22")
        self.assertEqual(swi.EindeBegeleidingReden(1).name, "VERHUIZING")
        self.assertEqual(swi.NeeJa.JA, 2)
        self.assertIs(swi.kenmerk("alfabetiseringscursus").enum, swi.NeeJa)
        self.assertIs(swi.kenmerk("zroute_inschatting_taalniveau").enum, swi.NeeJa)
        self.assertIs(swi.kenmerk("zroute_lezen").enum, swi.Taalniveau)
        self.assertEqual(swi.Softwarepakket.AND, "and")
        self.assertEqual(swi.Softwarepakket.AND.meaning, "Ander pakket")
        self.assertEqual(swi.Kwartaal.KWARTAAL_3, 3)
        self.assertEqual(swi.Statistiekcode.SWI, 40)

    def test_old_names_are_deprecated_aliases(self) -> None:
        # doc/abi.md: the 0.2.0 names stay one release.
        self.assertIs(swi.Alfabetiseringscursus, swi.NeeJa)
        self.assertIs(swi.ZrouteLezen, swi.Taalniveau)
        self.assertIs(swi.NaamSoftwarepakket, swi.Softwarepakket)
        self.assertIs(swi.Statistiekkwartaal, swi.Kwartaal)
        self.assertIs(swi.TypeMigrant.GEZINSMIGRANT_OVERIGE_MIGRANT, swi.TypeMigrant.GEZINSMIGRANT)
        self.assertIs(swi.BoeteReden.ARTIKEL_22_LID_1_OF_LID_3_WET_INBURGERING,
                      swi.BoeteReden.ARTIKEL_22)
        self.assertEqual(len(swi.TypeMigrant), 2)  # aliases are no extra members


if __name__ == "__main__":
    unittest.main()
