"""Delivery.add_persons() in batches: the arrays of one
``swi_delivery_add_batch()`` call for many rows of plain ints and dates."""

from __future__ import annotations

from array import array
from ctypes import c_int32
from datetime import date
from typing import Any, Sequence, cast

from ._fastpath import BSN, PERSOON, RECORD_KINDS
from ._values import yyyymmdd
from .kenmerken import KENMERKEN

#: Rows per swi_delivery_add_batch() call in Delivery.add_persons(): large
#: enough that the call costs nothing, small enough that the arrays stay in
#: the cache and a chunk with an odd value is cheap to redo row by row.
BATCH_ROWS = 4096

#: Keyword name -> kenmerk number, and the BSN's number to itself.
_NUMBERS: dict[Any, int] = {k.name: k.number for k in KENMERKEN if k.number != BSN}
_NUMBERS[BSN] = BSN
#: date -> yyyymmdd, filled as dates are met (a delivery has a few thousand).
_DATE_INTS: dict[date, int] = {}


def batch_arrays(rows: list[Sequence[Any]]) -> tuple[Any, int, Any, Any, int] | None:
    """The arrays of swi_delivery_add_batch() for `rows`, or None when a row
    has anything but plain ints and dates, an unknown keyword or an odd BSN.
    The per-value work is done by C-level map() and array() over the whole
    chunk, as a loop in Python per value would cost more than the library."""
    shape: list[int] = []
    ks: list[Any] = []
    vs: list[Any] = []
    bsns: list[Any] = []
    shape_add, k_add, v_add = shape.extend, ks.extend, vs.extend
    k_one, v_one, bsn_one = ks.append, vs.append, bsns.append
    kinds = RECORD_KINDS
    try:
        for row in rows:
            bsn = row[0]
            kw = row[1]
            shape_add((PERSOON, len(kw) + 1))
            k_one(BSN)
            k_add(kw)
            bsn_one(bsn)
            v_one(int(bsn))
            v_add(kw.values())
            for kind, records in zip(kinds, row[2:]):
                for r in records:
                    shape_add((kind, len(r)))
                    k_add(r)
                    v_add(r.values())
        numbers = list(map(_NUMBERS.__getitem__, ks))
    except (TypeError, ValueError, KeyError, AttributeError, IndexError):
        return None
    types = set(map(type, bsns))
    if types == {str}:
        digits = "".join(bsns)
        if not (digits.isascii() and digits.isdigit()) or not set(map(len, bsns)) <= {8, 9}:
            return None
    elif types != {int}:  # bool, bytes, a mix: the per-row path decides
        return None
    cache = _DATE_INTS
    values = list(map(cache.get, vs, vs))
    types = set(map(type, values))
    if types != {int}:
        # IntEnums (Geslacht.VROUW) are ints to the library, as in add_person().
        if not all(t is date or (issubclass(t, int) and t is not bool) for t in types):
            return None
        if len(cache) > 100000:
            cache.clear()
        for v in set(values):  # the distinct values are far fewer
            if type(v) is date:
                cache[v] = yyyymmdd(v)
        values = list(map(cache.get, vs, vs))
    try:
        arrays = [array("i", a) for a in (shape, numbers, cast("list[int]", values))]
    except OverflowError:  # outside int32: the per-row path says which
        return None
    entries, k_arr, v_arr = ((c_int32 * len(a)).from_buffer(a) for a in arrays)
    return entries, len(shape) // 2, k_arr, v_arr, len(numbers)
