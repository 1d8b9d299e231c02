"""The code lists of the kenmerken table as enums, and the kenmerken of
each record kind with their Python types.

Generated from lib/kenmerken.c by tests/codes-gen.c --write; do not edit.
The names are those of C (include/swi/codes.h) and Java (nl.swi).
"""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING

__all__ = [
    "Kwartaal",
    "Statistiekcode",
    "Softwarepakket",
    "Geslacht",
    "TypeMigrant",
    "NeeJa",
    "Analfabetisme",
    "Taalniveau",
    "EindeBegeleidingReden",
    "LeerrouteRoute",
    "LeerrouteNiveau",
    "BoeteReden",
]


class NumericCode(enum.IntEnum):
    """A code of a numeric code list; the member's value is the code."""

    @property
    def code(self) -> str:
        """The code as written in the file (\"2\")."""
        return str(int(self))

    @property
    def meaning(self) -> str:
        """The Dutch meaning from the guideline (\"Vrouw\")."""
        return MEANINGS[type(self).__name__][str(int(self))]


class TextCode(enum.StrEnum):
    """A code of a text code list; the member's value is the code."""

    @property
    def code(self) -> str:
        """The code as written in the file (\"and\")."""
        return str(self.value)

    @property
    def meaning(self) -> str:
        """The Dutch meaning from the guideline."""
        return MEANINGS[type(self).__name__][str(self.value)]


class Kwartaal(NumericCode):
    """Code list of kenmerk 2 (Statistiekkwartaal)."""

    KWARTAAL_1 = 1
    """1: kwartaal 1 (januari, februari, maart)"""
    KWARTAAL_2 = 2
    """2: kwartaal 2 (april, mei, juni)"""
    KWARTAAL_3 = 3
    """3: kwartaal 3 (juli, augustus, september)"""
    KWARTAAL_4 = 4
    """4: kwartaal 4 (oktober, november, december)"""
    # Names of binding 0.2.0, deprecated (doc/abi.md):
    KWARTAAL_1_JANUARI_FEBRUARI_MAART = KWARTAAL_1
    KWARTAAL_2_APRIL_MEI_JUNI = KWARTAAL_2
    KWARTAAL_3_JULI_AUGUSTUS_SEPTEMBER = KWARTAAL_3
    KWARTAAL_4_OKTOBER_NOVEMBER_DECEMBER = KWARTAAL_4


class Statistiekcode(NumericCode):
    """Code list of kenmerk 3 (Statistiekcode)."""

    SWI = 40
    """40: Statistiek Wet Inburgering"""
    # Names of binding 0.2.0, deprecated (doc/abi.md):
    STATISTIEK_WET_INBURGERING = SWI


class Softwarepakket(TextCode):
    """Code list of kenmerk 4 (Naam softwarepakket)."""

    SAM = "sam"
    """sam: CiVision Samenlevingszaken (PinkRoccade)"""
    CYS = "cys"
    """cys: Competensys"""
    ZNA = "zna"
    """zna: CVS Wet Inburgering ZorgNed Automatisering (ZorgNed)"""
    INF = "inf"
    """inf: Inforing"""
    MCT = "mct"
    """mct: Mens Centraal"""
    MOB = "mob"
    """mob: Metaobjects"""
    MOZ = "moz"
    """moz: Mozard"""
    RMW = "rmw"
    """rmw: RMW RAAK"""
    SSD = "ssd"
    """ssd: Suites voor het Sociaal Domein (Centric)"""
    WIZ = "wiz"
    """wiz: WIZportaal (Solviteers)"""
    XWS = "xws"
    """xws: X-Works (Blinqt)"""
    YAR = "yar"
    """yar: Yara"""
    AND = "and"
    """and: Ander pakket"""


class Geslacht(NumericCode):
    """Code list of kenmerk 10 (Geslacht)."""

    MAN = 1
    """1: Man"""
    VROUW = 2
    """2: Vrouw"""
    ONBEKEND = 3
    """3: Onbekend"""


class TypeMigrant(NumericCode):
    """Code list of kenmerk 11 (Type migrant)."""

    ASIELMIGRANT = 1
    """1: Asielmigrant"""
    GEZINSMIGRANT = 2
    """2: Gezinsmigrant/overige migrant"""
    # Names of binding 0.2.0, deprecated (doc/abi.md):
    GEZINSMIGRANT_OVERIGE_MIGRANT = GEZINSMIGRANT


class NeeJa(NumericCode):
    """Code list of kenmerk 18 (Alfabetiseringscursus), 23 (Z-route - inschatting taalniveau)."""

    NEE = 1
    """1: Nee"""
    JA = 2
    """2: Ja"""


class Analfabetisme(NumericCode):
    """Code list of kenmerk 19 (Analfabetisme)."""

    ANALFABEET = 1
    """1: Analfabeet"""
    ANDERS_GEALFABETISEERD = 2
    """2: Anders-gealfabetiseerd"""


class Taalniveau(NumericCode):
    """Code list of kenmerk 24 (Z-route - lezen), 25 (Z-route - schrijven), 26 (Z-route - spreken), 27 (Z-route - luisteren)."""

    LAGER_DAN_A1 = 1
    """1: Lager dan A1"""
    A1 = 2
    """2: A1"""
    A2_OF_HOGER = 3
    """3: A2 of hoger"""
    ONBEKEND = 9
    """9: Onbekend"""


class EindeBegeleidingReden(NumericCode):
    """Code list of kenmerk 28 (Einde begeleiding gemeente - reden)."""

    VERHUIZING = 1
    """1: Verhuizing binnen Nederland naar andere gemeente"""
    NIET_MEER_INBURGERINGSPLICHTIG = 2
    """2: Niet meer inburgeringsplichtig"""
    # Names of binding 0.2.0, deprecated (doc/abi.md):
    VERHUIZING_BINNEN_NEDERLAND_NAAR_ANDERE_GEMEENTE = VERHUIZING


class LeerrouteRoute(NumericCode):
    """Code list of kenmerk 31 (Leerroute - route)."""

    B1_ROUTE = 1
    """1: B1-route"""
    ONDERWIJSROUTE = 2
    """2: Onderwijsroute"""
    Z_ROUTE = 3
    """3: Z-route"""


class LeerrouteNiveau(NumericCode):
    """Code list of kenmerk 32 (Leerroute - niveau)."""

    B1 = 1
    """1: B1"""
    A2 = 2
    """2: A2"""


class BoeteReden(NumericCode):
    """Code list of kenmerk 37 (Boete - reden)."""

    ARTIKEL_22 = 1
    """1: Artikel 22, lid 1 of lid 3 Wet inburgering"""
    ARTIKEL_23 = 2
    """2: Artikel 23, lid 1 Wet inburgering"""
    # Names of binding 0.2.0, deprecated (doc/abi.md):
    ARTIKEL_22_LID_1_OF_LID_3_WET_INBURGERING = ARTIKEL_22
    ARTIKEL_23_LID_1_WET_INBURGERING = ARTIKEL_23


#: Code -> Dutch meaning, per code list.
MEANINGS: dict[str, dict[str, str]] = {
    "Kwartaal": {
        "1": "kwartaal 1 (januari, februari, maart)",
        "2": "kwartaal 2 (april, mei, juni)",
        "3": "kwartaal 3 (juli, augustus, september)",
        "4": "kwartaal 4 (oktober, november, december)",
    },
    "Statistiekcode": {
        "40": "Statistiek Wet Inburgering",
    },
    "Softwarepakket": {
        "sam": "CiVision Samenlevingszaken (PinkRoccade)",
        "cys": "Competensys",
        "zna": "CVS Wet Inburgering ZorgNed Automatisering (ZorgNed)",
        "inf": "Inforing",
        "mct": "Mens Centraal",
        "mob": "Metaobjects",
        "moz": "Mozard",
        "rmw": "RMW RAAK",
        "ssd": "Suites voor het Sociaal Domein (Centric)",
        "wiz": "WIZportaal (Solviteers)",
        "xws": "X-Works (Blinqt)",
        "yar": "Yara",
        "and": "Ander pakket",
    },
    "Geslacht": {
        "1": "Man",
        "2": "Vrouw",
        "3": "Onbekend",
    },
    "TypeMigrant": {
        "1": "Asielmigrant",
        "2": "Gezinsmigrant/overige migrant",
    },
    "NeeJa": {
        "1": "Nee",
        "2": "Ja",
    },
    "Analfabetisme": {
        "1": "Analfabeet",
        "2": "Anders-gealfabetiseerd",
    },
    "Taalniveau": {
        "1": "Lager dan A1",
        "2": "A1",
        "3": "A2 of hoger",
        "9": "Onbekend",
    },
    "EindeBegeleidingReden": {
        "1": "Verhuizing binnen Nederland naar andere gemeente",
        "2": "Niet meer inburgeringsplichtig",
    },
    "LeerrouteRoute": {
        "1": "B1-route",
        "2": "Onderwijsroute",
        "3": "Z-route",
    },
    "LeerrouteNiveau": {
        "1": "B1",
        "2": "A2",
    },
    "BoeteReden": {
        "1": "Artikel 22, lid 1 of lid 3 Wet inburgering",
        "2": "Artikel 23, lid 1 Wet inburgering",
    },
}

#: The code-list enum of each kenmerk with a code list, by number.
BY_KENMERK: dict[int, type[NumericCode] | type[TextCode]] = {
    2: Kwartaal,
    3: Statistiekcode,
    4: Softwarepakket,
    10: Geslacht,
    11: TypeMigrant,
    18: NeeJa,
    19: Analfabetisme,
    23: NeeJa,
    24: Taalniveau,
    25: Taalniveau,
    26: Taalniveau,
    27: Taalniveau,
    28: EindeBegeleidingReden,
    31: LeerrouteRoute,
    32: LeerrouteNiveau,
    37: BoeteReden,
}

#: Enum names of binding 0.2.0 (the element names), deprecated (doc/abi.md).
OLD_NAMES: dict[str, type[NumericCode] | type[TextCode]] = {
    "Statistiekkwartaal": Kwartaal,
    "NaamSoftwarepakket": Softwarepakket,
    "Alfabetiseringscursus": NeeJa,
    "ZrouteInschattingTaalniveau": NeeJa,
    "ZrouteLezen": Taalniveau,
    "ZrouteSchrijven": Taalniveau,
    "ZrouteSpreken": Taalniveau,
    "ZrouteLuisteren": Taalniveau,
}


class LeveringKenmerken:
    """The kenmerken of a Levering record, typed for type checkers; the
    properties themselves are installed from the C table at import
    (swi/_values.py). Assigning None unsets a kenmerk."""

    __slots__ = ()

    if TYPE_CHECKING:
        @property
        def statistiekjaar(self) -> int | None:
            """Kenmerk 1: Statistiekjaar."""

        @statistiekjaar.setter
        def statistiekjaar(self, value: int | None) -> None: ...

        @property
        def statistiekkwartaal(self) -> Kwartaal | None:
            """Kenmerk 2: Statistiekkwartaal."""

        @statistiekkwartaal.setter
        def statistiekkwartaal(self, value: Kwartaal | None) -> None: ...

        @property
        def statistiekcode(self) -> Statistiekcode | None:
            """Kenmerk 3: Statistiekcode."""

        @statistiekcode.setter
        def statistiekcode(self, value: Statistiekcode | None) -> None: ...

        @property
        def naam_softwarepakket(self) -> str | None:
            """Kenmerk 4: Naam softwarepakket."""

        @naam_softwarepakket.setter
        def naam_softwarepakket(self, value: str | None) -> None: ...

        @property
        def versie_softwarepakket(self) -> str | None:
            """Kenmerk 5: Release/versienummer softwarepakket."""

        @versie_softwarepakket.setter
        def versie_softwarepakket(self, value: str | None) -> None: ...

        @property
        def berichtgevercode(self) -> str | None:
            """Kenmerk 6: Berichtgevercode."""

        @berichtgevercode.setter
        def berichtgevercode(self, value: str | None) -> None: ...

        @property
        def gemeentecode(self) -> str | None:
            """Kenmerk 7: Gemeentecode."""

        @gemeentecode.setter
        def gemeentecode(self, value: str | None) -> None: ...



class PersoonKenmerken:
    """The kenmerken of a Persoon record, typed for type checkers; the
    properties themselves are installed from the C table at import
    (swi/_values.py). Assigning None unsets a kenmerk."""

    __slots__ = ()

    if TYPE_CHECKING:
        @property
        def burgerservicenummer(self) -> str | None:
            """Kenmerk 8: Burgerservicenummer."""

        @burgerservicenummer.setter
        def burgerservicenummer(self, value: str | None) -> None: ...

        @property
        def geboortedatum(self) -> date | None:
            """Kenmerk 9: Geboortedatum."""

        @geboortedatum.setter
        def geboortedatum(self, value: date | None) -> None: ...

        @property
        def geslacht(self) -> Geslacht | None:
            """Kenmerk 10: Geslacht."""

        @geslacht.setter
        def geslacht(self, value: Geslacht | None) -> None: ...

        @property
        def type_migrant(self) -> TypeMigrant | None:
            """Kenmerk 11: Type migrant."""

        @type_migrant.setter
        def type_migrant(self, value: TypeMigrant | None) -> None: ...

        @property
        def maatschappelijke_begeleiding_begindatum(self) -> date | None:
            """Kenmerk 12: Maatschappelijke begeleiding - begindatum."""

        @maatschappelijke_begeleiding_begindatum.setter
        def maatschappelijke_begeleiding_begindatum(self, value: date | None) -> None: ...

        @property
        def ontzorgen_begindatum(self) -> date | None:
            """Kenmerk 13: Ontzorgen - begindatum."""

        @ontzorgen_begindatum.setter
        def ontzorgen_begindatum(self, value: date | None) -> None: ...

        @property
        def ontzorgen_einddatum(self) -> date | None:
            """Kenmerk 14: Ontzorgen - einddatum."""

        @ontzorgen_einddatum.setter
        def ontzorgen_einddatum(self, value: date | None) -> None: ...

        @property
        def brede_intake_begindatum(self) -> date | None:
            """Kenmerk 15: Brede intake - begindatum."""

        @brede_intake_begindatum.setter
        def brede_intake_begindatum(self, value: date | None) -> None: ...

        @property
        def brede_intake_uren_taal_knm(self) -> int | None:
            """Kenmerk 16: Brede intake - gevolgde uren taalles en KNM."""

        @brede_intake_uren_taal_knm.setter
        def brede_intake_uren_taal_knm(self, value: int | None) -> None: ...

        @property
        def waarschuwing_intake_datum(self) -> date | None:
            """Kenmerk 17: Waarschuwing niet verschijnen bij intake - datum."""

        @waarschuwing_intake_datum.setter
        def waarschuwing_intake_datum(self, value: date | None) -> None: ...

        @property
        def alfabetiseringscursus(self) -> NeeJa | None:
            """Kenmerk 18: Alfabetiseringscursus."""

        @alfabetiseringscursus.setter
        def alfabetiseringscursus(self, value: NeeJa | None) -> None: ...

        @property
        def analfabetisme(self) -> Analfabetisme | None:
            """Kenmerk 19: Analfabetisme."""

        @analfabetisme.setter
        def analfabetisme(self, value: Analfabetisme | None) -> None: ...

        @property
        def pvt_ondertekeningsdatum(self) -> date | None:
            """Kenmerk 20: PVT - ondertekeningsdatum."""

        @pvt_ondertekeningsdatum.setter
        def pvt_ondertekeningsdatum(self, value: date | None) -> None: ...

        @property
        def map_datum_eerste_activiteit(self) -> date | None:
            """Kenmerk 21: MAP - datum eerste activiteit."""

        @map_datum_eerste_activiteit.setter
        def map_datum_eerste_activiteit(self, value: date | None) -> None: ...

        @property
        def map_datum_eindgesprek(self) -> date | None:
            """Kenmerk 22: MAP - datum eindgesprek."""

        @map_datum_eindgesprek.setter
        def map_datum_eindgesprek(self, value: date | None) -> None: ...

        @property
        def zroute_inschatting_taalniveau(self) -> NeeJa | None:
            """Kenmerk 23: Z-route - inschatting taalniveau."""

        @zroute_inschatting_taalniveau.setter
        def zroute_inschatting_taalniveau(self, value: NeeJa | None) -> None: ...

        @property
        def zroute_lezen(self) -> Taalniveau | None:
            """Kenmerk 24: Z-route - lezen."""

        @zroute_lezen.setter
        def zroute_lezen(self, value: Taalniveau | None) -> None: ...

        @property
        def zroute_schrijven(self) -> Taalniveau | None:
            """Kenmerk 25: Z-route - schrijven."""

        @zroute_schrijven.setter
        def zroute_schrijven(self, value: Taalniveau | None) -> None: ...

        @property
        def zroute_spreken(self) -> Taalniveau | None:
            """Kenmerk 26: Z-route - spreken."""

        @zroute_spreken.setter
        def zroute_spreken(self, value: Taalniveau | None) -> None: ...

        @property
        def zroute_luisteren(self) -> Taalniveau | None:
            """Kenmerk 27: Z-route - luisteren."""

        @zroute_luisteren.setter
        def zroute_luisteren(self, value: Taalniveau | None) -> None: ...

        @property
        def einde_begeleiding_reden(self) -> EindeBegeleidingReden | None:
            """Kenmerk 28: Einde begeleiding gemeente - reden."""

        @einde_begeleiding_reden.setter
        def einde_begeleiding_reden(self, value: EindeBegeleidingReden | None) -> None: ...

        @property
        def einde_begeleiding_datum(self) -> date | None:
            """Kenmerk 29: Einde begeleiding gemeente - datum."""

        @einde_begeleiding_datum.setter
        def einde_begeleiding_datum(self, value: date | None) -> None: ...



class PipKenmerken:
    """The kenmerken of a PIP record, typed for type checkers; the
    properties themselves are installed from the C table at import
    (swi/_values.py). Assigning None unsets a kenmerk."""

    __slots__ = ()

    if TYPE_CHECKING:
        @property
        def pip_datum(self) -> date | None:
            """Kenmerk 30: PIP - datum."""

        @pip_datum.setter
        def pip_datum(self, value: date | None) -> None: ...

        @property
        def leerroute_route(self) -> LeerrouteRoute | None:
            """Kenmerk 31: Leerroute - route."""

        @leerroute_route.setter
        def leerroute_route(self, value: LeerrouteRoute | None) -> None: ...

        @property
        def leerroute_niveau(self) -> LeerrouteNiveau | None:
            """Kenmerk 32: Leerroute - niveau."""

        @leerroute_niveau.setter
        def leerroute_niveau(self, value: LeerrouteNiveau | None) -> None: ...

        @property
        def leerroute_begindatum(self) -> date | None:
            """Kenmerk 33: Leerroute - begindatum."""

        @leerroute_begindatum.setter
        def leerroute_begindatum(self, value: date | None) -> None: ...

        @property
        def leerroute_einddatum(self) -> date | None:
            """Kenmerk 34: Leerroute - einddatum."""

        @leerroute_einddatum.setter
        def leerroute_einddatum(self, value: date | None) -> None: ...



class GesprekKenmerken:
    """The kenmerken of a Voortgangsgesprek record, typed for type checkers; the
    properties themselves are installed from the C table at import
    (swi/_values.py). Assigning None unsets a kenmerk."""

    __slots__ = ()

    if TYPE_CHECKING:
        @property
        def voortgangsgesprek_datum(self) -> date | None:
            """Kenmerk 35: Voortgangsgesprek - datum."""

        @voortgangsgesprek_datum.setter
        def voortgangsgesprek_datum(self, value: date | None) -> None: ...



class BoeteKenmerken:
    """The kenmerken of a Boete record, typed for type checkers; the
    properties themselves are installed from the C table at import
    (swi/_values.py). Assigning None unsets a kenmerk."""

    __slots__ = ()

    if TYPE_CHECKING:
        @property
        def boete_datum(self) -> date | None:
            """Kenmerk 36: Boete - datum."""

        @boete_datum.setter
        def boete_datum(self, value: date | None) -> None: ...

        @property
        def boete_reden(self) -> BoeteReden | None:
            """Kenmerk 37: Boete - reden."""

        @boete_reden.setter
        def boete_reden(self, value: BoeteReden | None) -> None: ...

        @property
        def boete_bedrag(self) -> int | None:
            """Kenmerk 38: Boete - hoogte bedrag."""

        @boete_bedrag.setter
        def boete_bedrag(self, value: int | None) -> None: ...

