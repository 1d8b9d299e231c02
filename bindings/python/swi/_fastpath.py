"""The fast path: the kenmerken of a keyword dict set in one ctypes call
(``swi_*_set_ints``, or with the person or record in ``*_add_*_ints``) when
they are plain ints and dates, and the general path (_values) for the rest.
Every way of adding or updating a person or record goes through here."""

from __future__ import annotations

import struct
from ctypes import byref, c_size_t, c_void_p
from datetime import date
from typing import Any

from ._clib import check, lib
from ._values import INT32_MAX, INT32_MIN, PERSON, RECORD, get_value, set_value
from .kenmerken import KENMERKEN, Category, Kenmerk, ValueType

#: Record kinds as plain ints (an IntEnum hashes slowly on the hot path).
PERSOON = int(Category.PERSOON)
RECORD_KINDS = (int(Category.PIP), int(Category.GESPREK), int(Category.BOETE))
#: Kenmerk number of the BSN.
BSN = 8

_TEXT_ONLY = (ValueType.TEXT, ValueType.TEXT_CODE, ValueType.BSN)

#: Packing of kenmerk numbers and values for the bulk setters (const int32_t
#: arrays), and the counts as c_size_t, for every possible length: built once.
_STRUCT = [struct.Struct(f"={n}i") for n in range(len(KENMERKEN) + 1)]
_SIZE = [c_size_t(n) for n in range(len(KENMERKEN) + 1)]

# The hot functions, bound without argtypes (see _clib.UNCHECKED).
_u_add_person = lib.unchecked.delivery_add_person
_u_add_person_ints = lib.unchecked.delivery_add_person_ints
_u_add_record_ints = lib.unchecked.person_add_record_ints
_u_add_record = lib.unchecked.person_add_record
_u_person_set_ints = lib.unchecked.person_set_ints
_u_record_set_ints = lib.unchecked.record_set_ints


_MODE_INT, _MODE_DATE, _MODE_OTHER = 0, 1, 2


def _spec(category: Category) -> dict[str, tuple[int, int, Kenmerk]]:
    spec = {}
    for k in KENMERKEN:
        if k.category == category:
            mode = _MODE_DATE if k.type == ValueType.DATE else \
                _MODE_OTHER if k.type in _TEXT_ONLY else _MODE_INT
            spec[k.name] = (k.number, mode, k)
    return spec


_SPECS = {int(c): _spec(c) for c in Category}


# A plan per tuple of keyword names: their modes, and the packed kenmerk
# numbers when every one of them can go through the bulk setter.
_Plan = tuple[tuple[int, ...], "bytes | None", struct.Struct, c_size_t]
_PLANS: dict[int, dict[tuple[str, ...], _Plan]] = {int(c): {} for c in Category}


def _make_plan(category: int, keys: tuple[str, ...], owner: str) -> _Plan:
    spec = _SPECS[category]
    modes, numbers = [], []
    for name in keys:
        e = spec.get(name)
        if e is None:
            raise TypeError(f"{owner} has no kenmerk {name!r}")
        numbers.append(e[0])
        modes.append(e[1])
    n = len(keys)
    packed = _STRUCT[n].pack(*numbers) if _MODE_OTHER not in modes else None
    plan = (tuple(modes), packed, _STRUCT[n], _SIZE[n])
    cache = _PLANS[category]
    if len(cache) >= 4096:
        cache.clear()
    cache[keys] = plan
    return plan


def _fast_values(kw: dict[str, Any], plan: _Plan) -> bytes | None:
    """The packed values of `kw` when they are all plain ints and dates that
    the plan can send in one bulk call, else None (then apply() decides)."""
    modes, packed, st, _ = plan
    if packed is None:
        return None
    vs = []
    for v, m in zip(kw.values(), modes):
        t = type(v)
        if t is int:
            vs.append(v)
        elif t is date and m:
            vs.append(v.year * 10000 + v.month * 100 + v.day)
        else:
            return None
    try:
        return st.pack(*vs)
    except struct.error:
        return None


def apply(h: c_void_p, dh: c_void_p, category: int, kw: dict[str, Any], owner: str) -> None:
    """Sets the kenmerken `kw` on handle `h`: codes, numbers and dates in one
    bulk call (all or nothing), anything else (texts, None, enums of another
    type) one by one afterwards; callers that need atomicity undo on failure.
    `category` is a plain int (an IntEnum hashes slowly)."""
    keys = tuple(kw)
    plan = _PLANS[category].get(keys) or _make_plan(category, keys, owner)
    set_ints = _u_person_set_ints if category == PERSOON else _u_record_set_ints
    values = _fast_values(kw, plan)
    if values is not None:  # the common case: plain ints and dates only
        _, packed, _, size = plan
        assert packed is not None  # _fast_values checked it
        rc = set_ints(h, size, packed, values)
        if rc:
            check(rc, dh, kenmerk=lib.delivery_last_kenmerk(dh))
        return
    spec = _SPECS[category]
    ks: list[int] = []
    vs = []
    rest = []
    for name, v in kw.items():
        kn, mode, k = spec[name]
        t = type(v)
        if mode != _MODE_OTHER:
            if t is int or (t is not bool and isinstance(v, int)):
                if INT32_MIN <= v <= INT32_MAX:
                    ks.append(kn)
                    vs.append(int(v))
                    continue
            elif mode == _MODE_DATE and (t is date or isinstance(v, date)):
                ks.append(kn)
                vs.append(v.year * 10000 + v.month * 100 + v.day)
                continue
        rest.append(k)
    n = len(ks)
    if n:
        rc = set_ints(h, _SIZE[n], _STRUCT[n].pack(*ks), _STRUCT[n].pack(*vs))
        if rc:
            check(rc, dh, kenmerk=lib.delivery_last_kenmerk(dh))
    if rest:
        fam = PERSON if category == Category.PERSOON else RECORD
        for k in rest:
            set_value(fam, h, dh, k, kw[k.name])


def update_atomic(obj: Any, category: int, kw: dict[str, Any]) -> None:
    """Sets `kw` on a person or record; on a refusal every value is restored."""
    category = int(category)
    h, dh = obj._hh()
    fam = PERSON if category == Category.PERSOON else RECORD
    spec = _SPECS[category]
    before = {}
    for name in kw:
        if name not in spec:
            raise TypeError(f"{type(obj).__name__} has no kenmerk {name!r}")
        k = spec[name][2]
        before[k] = get_value(fam, h, dh, k)
    try:
        apply(h, dh, category, kw, type(obj).__name__)
    except BaseException:
        for k, v in before.items():
            try:
                set_value(fam, h, dh, k, v)
            except Exception:  # pragma: no cover - restoring a value it held
                pass
        raise


_PERSON_PLANS = _PLANS[PERSOON]


def add_person(dh: c_void_p, bsn: bytes, kw: dict[str, Any]) -> c_void_p:
    """Adds a person with `bsn` and the kenmerken `kw` to delivery `dh`, all or
    nothing: plain ints and dates with the person in one call; else the
    person, then apply() (on a refusal the person is removed again and the
    precise error raised). Returns the person's handle."""
    out = c_void_p()
    if kw:  # a plan exists once apply() has seen these keywords
        plan = _PERSON_PLANS.get(tuple(kw))
        if plan is not None:
            values = _fast_values(kw, plan)
            if values is not None and not _u_add_person_ints(byref(out), dh, bsn, plan[3],
                                                             plan[1], values):
                return out
    rc = _u_add_person(byref(out), dh, bsn)
    if rc:
        check(rc, dh, kenmerk=BSN)
    if kw:
        try:
            apply(out, dh, PERSOON, kw, "Person")
        except BaseException:
            lib.person_remove(out)
            raise
    return out


def add_record(ph: c_void_p, dh: c_void_p, kind: int, kw: dict[str, Any], owner: str) -> c_void_p:
    """Adds a record of `kind` with the kenmerken `kw` to person `ph`, all or
    nothing, as add_person() does. Returns the record's handle."""
    out = c_void_p()
    if kw:
        plan = _PLANS[kind].get(tuple(kw))
        if plan is not None:
            values = _fast_values(kw, plan)
            if values is not None and not _u_add_record_ints(byref(out), ph, kind, plan[3],
                                                             plan[1], values):
                return out
    rc = _u_add_record(byref(out), ph, kind)
    if rc:
        check(rc, dh)
    if kw:
        try:
            apply(out, dh, kind, kw, owner)
        except BaseException:
            lib.record_remove(out)
            raise
    return out
