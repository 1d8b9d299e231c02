"""Python binding of libswi: build, validate, read and write the CBS
"Statistiek Wet Inburgering" (SWI) quarterly delivery file.

    import datetime, swi
    with swi.Delivery(year=2026, quarter=1, software="and", version="4.2",
                      berichtgever="0153", gemeente="0153") as d:
        p = d.add_person("123456782", geboortedatum=datetime.date(1990, 1, 7),
                         geslacht=swi.Geslacht.VROUW, type_migrant=swi.TypeMigrant.ASIELMIGRANT)
        p.add_pip(pip_datum=datetime.date(2026, 2, 1), leerroute_route=swi.LeerrouteRoute.B1_ROUTE)
        for diag in d.validate():
            print(diag)
        path = d.write("out")

libswi is loaded from the path in the environment variable SWI_LIBRARY when
set, else from the copy a platform wheel bundles (swi/libswi.so.0), else by
its SONAME libswi.so.0; it must be libswi >= 0.2.0 (checked at import).
"""

from __future__ import annotations

import sys as _sys

if _sys.version_info < (3, 11):  # pyproject.toml: requires-python = ">=3.11"
    raise ImportError(f"swi needs Python >= 3.11, this is Python {_sys.version.split()[0]}")

from ._clib import lib as _lib
from ._clib import strerror
from .delivery import Boete, Delivery, Gesprek, Person, Pip, Record, read, read_bytes, schema_xsd
from .errors import (
    DuplicateBsn,
    Error,
    FileError,
    InvalidArgument,
    InvalidDelivery,
    KenmerkError,
    NotFound,
    OutOfMemory,
    ReadError,
    StaleHandle,
    Unsupported,
    ValueRefused,
    WriteError,
)
from ._codes import (
    Analfabetisme,
    BoeteReden,
    EindeBegeleidingReden,
    Geslacht,
    Kwartaal,
    LeerrouteNiveau,
    LeerrouteRoute,
    NeeJa,
    NumericCode,
    Softwarepakket,
    Statistiekcode,
    Taalniveau,
    TextCode,
    TypeMigrant,
)
from ._codes import OLD_NAMES as _OLD_NAMES
from .kenmerken import ENUMS, KENMERKEN, Category, Kenmerk, ValueType, kenmerk, kenmerken
from .report import Diagnostic, Mirror, Rule, Severity, rules
from .years import RulesetChoice, RulesetKind, ruleset_for_year
from .errors import DataFileError
from ._diff import Diff, DiffEntry, DiffKind, diff
from .generate import generate

__version__ = "0.2.0"


def version() -> str:
    """The version of the loaded libswi ("MAJOR.MINOR.PATCH")."""
    return (_lib.version() or b"").decode()


def library_path() -> str:
    """The path or name libswi was loaded from."""
    return _lib.path


# One enum per code list (swi.Geslacht, swi.TypeMigrant, swi.NeeJa,
# swi.Taalniveau, swi.Softwarepakket, ...), generated from the C table with
# the names of C (include/swi/codes.h) and Java. The enums of binding 0.2.0
# were named after the element (swi.Alfabetiseringscursus, swi.ZrouteLezen,
# swi.NaamSoftwarepakket, swi.Statistiekkwartaal): deprecated aliases of the
# list's enum for one release (doc/abi.md).
globals().update(_OLD_NAMES)
#: The leerroute (kenmerk 31) under its short name.
Leerroute = LeerrouteRoute

__all__ = [
    "Delivery", "Person", "Record", "Pip", "Gesprek", "Boete", "read", "read_bytes",
    "schema_xsd", "rules", "Rule", "Diagnostic", "Severity", "Mirror", "Category", "ValueType",
    "Kenmerk", "KENMERKEN", "kenmerk", "kenmerken", "version", "library_path", "strerror",
    "Error", "ValueRefused", "DuplicateBsn", "NotFound", "InvalidDelivery", "FileError",
    "WriteError", "ReadError", "OutOfMemory", "KenmerkError", "InvalidArgument", "Unsupported",
    "StaleHandle", "Leerroute", "ruleset_for_year", "RulesetKind", "RulesetChoice",
    "DataFileError", "diff", "Diff", "DiffEntry", "DiffKind", "generate",
    "NumericCode", "TextCode", "Analfabetisme", "BoeteReden",
    "EindeBegeleidingReden", "Geslacht", "Kwartaal", "LeerrouteNiveau", "LeerrouteRoute",
    "NeeJa", "Softwarepakket", "Statistiekcode", "Taalniveau", "TypeMigrant", "ENUMS",
    *_OLD_NAMES,
]
