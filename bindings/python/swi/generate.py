"""Synthetic, rule-valid deliveries for tests (swi/generate.h, doc/fixtures.md)."""

from __future__ import annotations

from ctypes import byref, c_void_p
from typing import Optional, Union

from . import _clib
from ._clib import lib
from .delivery import Delivery
from .errors import StaleHandle

__all__ = ["generate"]

# swi_gen_option (generate.h): permanent values.
_SEED, _PERSONS, _YEAR, _QUARTER, _GEMEENTE, _BERICHTGEVER = 1, 2, 3, 4, 5, 6
_ASIEL, _PIPS, _TALKS, _FINES, _ZROUTE, _MOVERS, _CLEAN, _FULL = 7, 8, 9, 10, 11, 12, 13, 14


def _code(value: Union[str, int]) -> int:
    """A gemeente- or berichtgevercode given as 153 or "0153"."""
    if isinstance(value, str):
        if not value.isdigit():
            raise ValueError(f"code {value!r} is geen getal van 1-4 cijfers")
        return int(value)
    return int(value)


def generate(persons: int = 100, seed: int = 1, year: int = 2026, quarter: int = 1, *,
             gemeente: Union[str, int] = 153, berichtgever: Union[str, int, None] = None,
             asiel_percent: int = 55, pips: bool = True, talks: bool = True,
             fines: bool = True, zroute_percent: Optional[int] = None,
             movers_percent: Optional[int] = None, clean: bool = False, full: bool = False,
             into: Optional[Delivery] = None) -> Delivery:
    """A synthetic delivery that validates without errors, deterministic per seed.

    The BSNs are generated numbers that pass the 11-test: no real data. The
    same arguments give the same delivery (and file bytes) on every platform.
    `clean` leaves out everything that gives a warning (besides the year
    policy's, doc/years.md); `full` fills every kenmerk that applies.
    `zroute_percent` / `movers_percent` None keep the default mix (every
    route, about one person in twenty moving). The reference date is 15 days
    after the quarter, so validation does not depend on the clock.

    With `into`, the persons are added to that delivery, for its own
    statistiekjaar and kwartaal (year, quarter, gemeente and berichtgever are
    then not used), and that delivery is returned.

    Raises ValueRefused (also ValueError) for a value out of range or a
    gemeentecode not in the year's municipality list, Unsupported for a year
    before 2022.
    """
    out = c_void_p()
    _clib.check(lib.generator_new(byref(out)))
    g = out
    try:
        options = [
            (_SEED, int(seed)), (_PERSONS, int(persons)), (_YEAR, int(year)),
            (_QUARTER, int(quarter)), (_GEMEENTE, _code(gemeente)),
            (_BERICHTGEVER, -1 if berichtgever is None else _code(berichtgever)),
            (_ASIEL, int(asiel_percent)), (_PIPS, int(bool(pips))), (_TALKS, int(bool(talks))),
            (_FINES, int(bool(fines))),
            (_ZROUTE, -1 if zroute_percent is None else int(zroute_percent)),
            (_MOVERS, -1 if movers_percent is None else int(movers_percent)),
            (_CLEAN, int(bool(clean))), (_FULL, int(bool(full))),
        ]
        for option, value in options:
            if not -(2**63) <= value < 2**63:
                raise ValueError(f"waarde {value} past niet in 64 bits")
            rc = lib.generator_set(g, option, value)
            if rc != _clib.OK:
                _clib.raise_error(rc, message=_clib._decode(lib.generator_last_message(g)))
        if into is not None:
            dh = into._h
            if dh is None:
                raise StaleHandle(_clib.EINVAL, "the delivery is closed")
            rc = lib.generate_persons(dh, g)
            if rc != _clib.OK:
                _clib.raise_error(rc, message=_clib._decode(lib.generator_last_message(g)))
            return into
        d = c_void_p()
        rc = lib.generate(byref(d), g)
        if rc != _clib.OK:
            _clib.raise_error(rc, message=_clib._decode(lib.generator_last_message(g)))
        return Delivery._from_handle(d)
    finally:
        lib.generator_free(g)
