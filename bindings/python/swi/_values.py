"""Kenmerk values between Python and libswi: one kenmerk at a time through
the C accessors of a handle family (delivery, person, record), and the
properties made from the C table."""

from __future__ import annotations

import os
from ctypes import byref, c_int32, c_void_p, create_string_buffer
from datetime import date
from typing import Any, Union

from . import _clib
from ._clib import check, lib, raise_error
from .kenmerken import KENMERKEN, Category, Kenmerk, ValueType

PathLike = Union[str, "os.PathLike[str]", bytes]
DateLike = Union[date, int, str]

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1


def yyyymmdd(value: DateLike) -> int:
    if isinstance(value, date):
        return value.year * 10000 + value.month * 100 + value.day
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    # Not the value itself: it could be a BSN (doc/masking.md).
    raise TypeError(f"expected a datetime.date, an int yyyymmdd or a str of digits, not this "
                    f"{type(value).__name__}")


def fs(path: PathLike | None) -> bytes | None:
    return None if path is None else os.fsencode(path)


# ---- access families: the same code serves the delivery, persons and records


class Family:
    """The C accessors of one kind of handle."""

    __slots__ = ("get_int", "get_text", "set_int", "set_text", "unset", "has")
    get_int: Any
    get_text: Any
    set_int: Any
    set_text: Any
    unset: Any
    has: Any

    def __init__(self, prefix: str) -> None:
        for op in self.__slots__:
            setattr(self, op, getattr(lib, f"{prefix}_{op}"))


DELIVERY = Family("delivery")
PERSON = Family("person")
RECORD = Family("record")


def get_value(fam: Family, h: c_void_p, dh: c_void_p, k: Kenmerk) -> Any:
    kn = k.number
    t = k.type
    if t in (ValueType.TEXT, ValueType.TEXT_CODE, ValueType.BSN, ValueType.CODE4):
        buf = create_string_buffer(_clib.VALUE_MAX)
        rc = fam.get_text(h, kn, buf, _clib.VALUE_MAX)
        if rc == _clib.ENOTSET:
            return None
        check(rc, dh, kenmerk=kn)
        text = buf.value.decode("utf-8")
        if k.enum is not None:
            return k.enum._value2member_map_.get(text, text)
        return text
    out = c_int32()
    rc = fam.get_int(h, kn, byref(out))
    if rc == _clib.ENOTSET:
        return None
    check(rc, dh, kenmerk=kn)
    v = out.value
    if t == ValueType.DATE:
        return date(v // 10000, v // 100 % 100, v % 100)
    if k.enum is not None:
        return k.enum._value2member_map_.get(v, v)
    return v


def set_value(fam: Family, h: c_void_p, dh: c_void_p, k: Kenmerk, value: Any) -> None:
    kn = k.number
    if value is None:
        rc = fam.unset(h, kn)
    elif isinstance(value, bool):
        raise TypeError(f"{k.name}: a bool is no kenmerk value; use the code (e.g. 1 or 2)")
    elif isinstance(value, int):
        if k.type in (ValueType.TEXT, ValueType.TEXT_CODE):
            raise TypeError(f"{k.name} is a text kenmerk; give a str")
        if INT32_MIN <= value <= INT32_MAX:
            rc = fam.set_int(h, kn, value)
        else:  # let libswi refuse it with its own message
            rc = fam.set_text(h, kn, str(value).encode())
    elif isinstance(value, date):
        if k.type != ValueType.DATE:
            raise TypeError(f"{k.name} is not a date kenmerk")
        rc = fam.set_int(h, kn, value.year * 10000 + value.month * 100 + value.day)
    elif isinstance(value, str):
        if "\0" in value:
            raise_error(_clib.ECHARSET, message=f"{k.label} (kenmerk {kn}): waarde bevat een "
                        "NUL-teken", kenmerk=kn)
        rc = fam.set_text(h, kn, value.encode("utf-8"))
    else:
        raise TypeError(f"{k.name}: cannot set a {type(value).__name__}")
    if rc:
        check(rc, dh, kenmerk=kn)


def make_property(k: Kenmerk, fam: Family) -> property:
    def fget(self: Any) -> Any:
        h, dh = self._hh()
        return get_value(fam, h, dh, k)

    def fset(self: Any, value: Any) -> None:
        h, dh = self._hh()
        set_value(fam, h, dh, k, value)

    def fdel(self: Any) -> None:
        h, dh = self._hh()
        set_value(fam, h, dh, k, None)

    kind = {ValueType.DATE: "datetime.date", ValueType.CODE: k.enum.__name__ if k.enum else "int",
            ValueType.TEXT_CODE: "str", ValueType.TEXT: "str", ValueType.BSN: "str",
            ValueType.CODE4: "str (4 digits)", ValueType.YEAR: "int",
            ValueType.NUMBER: "int"}[k.type]
    doc = f"Kenmerk {k.number}: {k.label} (<{k.element}>), {kind} or None."
    return property(fget, fset, fdel, doc)


def install_properties(cls: type, category: Category, fam: Family) -> None:
    for k in KENMERKEN:
        if k.category == category:
            if k.name in cls.__dict__:
                raise RuntimeError(f"kenmerk {k.name} clashes with {cls.__name__}.{k.name}")
            setattr(cls, k.name, make_property(k, fam))
