"""Delivery.add_persons() in batches: the arrays of one
``swi_delivery_add_batch()`` call for many rows of plain ints and dates."""

from __future__ import annotations

import struct
from ctypes import c_int32
from datetime import date
from typing import Any, Iterable, Sequence

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
#: The value types that need no closer look.
_PLAIN = frozenset((int, date))


def _gather(rows: list[Sequence[Any]]) -> tuple[list[int], list[Any], list[Any], list[Any]]:
    """The shape (category, count pairs), keyword names, values and BSNs of
    `rows`, in the order of the batch; raises on a row of the wrong shape."""
    shape: list[int] = []
    ks: list[Any] = []
    vs: list[Any] = []
    bsns: list[Any] = []
    shape_add, k_add, v_add = shape.extend, ks.extend, vs.extend
    k_one, v_one, bsn_one = ks.append, vs.append, bsns.append
    if set(map(len, rows)) == {5}:  # the common shape: unpacked, empty lists skipped
        pip, gesprek, boete = RECORD_KINDS
        for bsn, kw, pips, talks, fines in rows:
            shape_add((PERSOON, len(kw) + 1))
            k_one(BSN)
            k_add(kw)
            bsn_one(bsn)
            v_one(int(bsn))
            v_add(kw.values())
            if pips:
                for r in pips:
                    shape_add((pip, len(r)))
                    k_add(r)
                    v_add(r.values())
            if talks:
                for r in talks:
                    shape_add((gesprek, len(r)))
                    k_add(r)
                    v_add(r.values())
            if fines:
                for r in fines:
                    shape_add((boete, len(r)))
                    k_add(r)
                    v_add(r.values())
        return shape, ks, vs, bsns
    kinds = RECORD_KINDS
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
    return shape, ks, vs, bsns


def batch_arrays(rows: list[Sequence[Any]]) -> tuple[Any, int, Any, Any, int] | None:
    """The arrays of swi_delivery_add_batch() for `rows`, or None when a row
    has anything but plain ints and dates, an unknown keyword or an odd BSN.
    The per-value work is done by C-level map() and array() over the whole
    chunk, as a loop in Python per value would cost more than the library."""
    try:
        shape, ks, vs, bsns = _gather(rows)
        numbers = _pack(map(_NUMBERS.__getitem__, ks), len(ks))
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, struct.error):
        return None
    types = set(map(type, bsns))
    if types == {str}:
        digits = "".join(bsns)
        if not (digits.isascii() and digits.isdigit()) or not set(map(len, bsns)) <= {8, 9}:
            return None
    elif types != {int}:  # bool, bytes, a mix: the per-row path decides
        return None
    # The values' types once: plain ints and dates (and IntEnums, which are
    # ints to the library, as in add_person()); bool and the rest go row by row.
    types = set(map(type, vs))
    if not types <= _PLAIN and not all(
            t is date or (issubclass(t, int) and t is not bool) for t in types):
        return None
    cache = _DATE_INTS
    n_pairs = len(vs)
    try:
        values = _pack(map(cache.get, vs, vs), n_pairs)
    except struct.error:  # a date not met before, or a value outside int32
        if len(cache) > 100000:
            cache.clear()
        for v in set(vs):  # the distinct values are far fewer
            if type(v) is date:
                cache[v] = yyyymmdd(v)
        try:
            values = _pack(map(cache.get, vs, vs), n_pairs)
        except struct.error:  # outside int32: the per-row path says which
            return None
    entries = _pack(shape, len(shape))
    return (_from(entries), len(shape) // 2, _from(numbers), _from(values), n_pairs)


def _pack(ints: Iterable[int], n: int) -> bytes:
    """`n` ints as native int32 (struct.pack is several times faster than
    array() at this; it raises struct.error on anything else)."""
    return struct.pack(f"={n}i", *ints)


def _from(packed: bytes) -> Any:
    """A ctypes int32 array with a copy of `packed`."""
    return (c_int32 * (len(packed) // 4)).from_buffer_copy(packed)
