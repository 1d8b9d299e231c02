"""Which ruleset libswi applies to a statistiekjaar (doc/years.md)."""

from __future__ import annotations

import datetime
import enum
from ctypes import byref, c_int
from typing import NamedTuple, Union

from ._clib import check, lib

__all__ = ["RulesetKind", "RulesetChoice", "ruleset_for_year"]


class RulesetKind(enum.IntEnum):
    OWN = 0     #: the year has its own ruleset
    NEWEST = 1  #: a later year: the newest ruleset, with warning SWI-017
    OLDEST = 2  #: an earlier year from 2022: the oldest ruleset, with warning SWI-018


class RulesetChoice(NamedTuple):
    ruleset: int       #: the year of the ruleset applied, e.g. 2026
    kind: RulesetKind


def ruleset_for_year(year: int,
                     reference_date: Union[datetime.date, int, None] = None) -> RulesetChoice:
    """The ruleset validation applies to a delivery of `year`, given "today"
    (`reference_date`, default the system clock's date). Raises
    swi.Unsupported (SWI_EYEAR) for a year before 2022 or more than one year
    after the reference date (validation reports SWI-003)."""
    ref = 0
    if isinstance(reference_date, datetime.date):
        ref = reference_date.year * 10000 + reference_date.month * 100 + reference_date.day
    elif reference_date is not None:
        ref = int(reference_date)
    ruleset, kind = c_int(), c_int()
    check(lib.ruleset_for_year(int(year), ref, byref(ruleset), byref(kind)))
    return RulesetChoice(ruleset.value, RulesetKind(kind.value))
