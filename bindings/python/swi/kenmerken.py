"""The kenmerken table of libswi, read at import time through
``swi_kenmerk_*``, joined with the code-list enums of ``_codes`` (generated
from the same C table by tests/codes-gen.c, so the names are those of C and
Java).

Nothing about individual kenmerken is hard-coded here: a kenmerk added to
the C table appears in Python as a property without a change to the
binding; a code added to a list appears in the generated enums.
"""

from __future__ import annotations

import builtins
import enum
from ctypes import byref, c_char_p
from typing import NamedTuple, Optional

from ._clib import lib
from . import _codes
from ._names import snake_case

__all__ = [
    "Category",
    "ValueType",
    "Kenmerk",
    "KENMERKEN",
    "kenmerk",
    "kenmerken",
    "ENUMS",
    "CODE_ENUMS",
]


class Category(enum.IntEnum):
    """Record kinds (common.h swi_category)."""

    LEVERING = 1
    PERSOON = 2
    PIP = 3
    GESPREK = 4
    BOETE = 5


class ValueType(enum.IntEnum):
    """Value types (kenmerk.h swi_value_type)."""

    YEAR = 1
    CODE = 2
    TEXT_CODE = 3
    TEXT = 4
    CODE4 = 5
    BSN = 6
    DATE = 7
    NUMBER = 8


class Kenmerk(NamedTuple):
    """One row of the kenmerken table."""

    number: int
    element: str          #: XML element name, e.g. "TypeMigrant"
    name: str             #: Python property name, e.g. "type_migrant"
    label: str            #: Dutch name from Table 1
    category: Category
    type: ValueType
    width: int
    required: bool
    codes: tuple[tuple[str, str], ...]  #: (code, meaning) pairs; () without code list
    enum: Optional[builtins.type[enum.Enum]]  #: IntEnum (CODE), StrEnum (TEXT_CODE) or None


def _s(b: bytes | None) -> str:
    return b.decode("utf-8") if b else ""


def _read_codes(k: int) -> tuple[tuple[str, str], ...]:
    n = lib.kenmerk_code_count(k)
    out = []
    code, meaning = c_char_p(), c_char_p()
    for i in range(max(n, 0)):
        if lib.kenmerk_code_at(k, i, byref(code), byref(meaning)) == 0:
            out.append((_s(code.value), _s(meaning.value)))
    return tuple(out)


def _read_table() -> tuple[Kenmerk, ...]:
    rows = []
    k = 1
    while True:
        element = lib.kenmerk_element(k)
        if element is None:
            break
        el = _s(element)
        vtype = ValueType(lib.kenmerk_type(k))
        codes = _read_codes(k)
        rows.append(Kenmerk(
            number=k,
            element=el,
            name=snake_case(el),
            label=_s(lib.kenmerk_label(k)),
            category=Category(lib.kenmerk_category(k)),
            type=vtype,
            width=lib.kenmerk_width(k),
            required=lib.kenmerk_required(k) == 1,
            codes=codes,
            enum=_codes.BY_KENMERK.get(k),
        ))
        k += 1
    return tuple(rows)


#: Every kenmerk, in number order (index = number - 1).
KENMERKEN: tuple[Kenmerk, ...] = _read_table()

_BY_NAME: dict[str, Kenmerk] = {}
for _k in KENMERKEN:
    _BY_NAME[_k.name] = _k
    _BY_NAME[_k.element] = _k

#: Enum class per element name, for every kenmerk with a code list
#: (``ENUMS["Geslacht"] is swi.Geslacht``; ``ENUMS["ZrouteLezen"] is swi.Taalniveau``).
ENUMS: dict[str, builtins.type[enum.Enum]] = {k.element: k.enum for k in KENMERKEN if k.enum is not None}
#: Enum per kenmerk number.
CODE_ENUMS: dict[int, builtins.type[enum.Enum]] = {k.number: k.enum for k in KENMERKEN if k.enum is not None}


def kenmerken(category: Category | int | None = None) -> list[Kenmerk]:
    """The kenmerken, all or those of one category."""
    if category is None:
        return list(KENMERKEN)
    return [k for k in KENMERKEN if k.category == category]


def kenmerk(key: int | str) -> Kenmerk:
    """A kenmerk by number, element name ("TypeMigrant") or Python name ("type_migrant")."""
    if isinstance(key, int) and not isinstance(key, bool):
        if 1 <= key <= len(KENMERKEN):
            return KENMERKEN[key - 1]
    elif isinstance(key, str) and key in _BY_NAME:
        return _BY_NAME[key]
    # No number or digits from the caller in the text: it could be a BSN.
    if isinstance(key, str) and not any(c.isdigit() or not c.isprintable() for c in key):
        raise KeyError(f"no kenmerk {key!r}")
    raise KeyError("no kenmerk with that number (1-38) or name")
