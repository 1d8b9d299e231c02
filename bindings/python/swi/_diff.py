"""The semantic diff of two deliveries (include/swi/diff.h): plain Python
values copied out of libswi (the C diff is freed at once).

    d = swi.diff(expected, actual)      # or expected.diff(actual)
    if d:
        print(d)                        # one Dutch line per person

Persons are matched by BSN, records within a person by their identity (a
PIP by its date, a talk by its date, a fine by date and reason; duplicates
pair in order), so the order of persons and records does not matter. BSNs
are masked as ``*****6782`` unless ``show_bsn=True``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from ctypes import byref, c_void_p
from typing import TYPE_CHECKING, NamedTuple, overload

from ._clib import check, lib
from .kenmerken import Category
from .report import buffer_bytes

if TYPE_CHECKING:
    from .delivery import Delivery

__all__ = ["DiffKind", "DiffEntry", "Diff", "diff"]

#: swi_diff_flags
DIFF_SHOW_BSN = 1 << 0


class DiffKind(enum.IntEnum):
    """What kind of difference an entry is (swi_diff_kind)."""

    KENMERK = 1          #: a kenmerk has another value, or is set on one side only
    PERSON_MISSING = 2   #: a person of `expected` is not in `actual`
    PERSON_EXTRA = 3     #: a person of `actual` is not in `expected`
    RECORD_MISSING = 4   #: a record of `expected` has no partner in `actual`
    RECORD_EXTRA = 5     #: a record of `actual` has no partner in `expected`


class DiffEntry(NamedTuple):
    """One difference. Person and record indexes are 0-based, None where
    the entry has none on that side; `expected` and `actual` are the values
    as written in the file ("" when unset); for a missing or extra entry the
    identity (BSN or date) on the side that has it."""

    kind: DiffKind | int
    kenmerk: int
    category: Category | None
    expected_person: int | None
    actual_person: int | None
    expected_record: int | None
    actual_record: int | None
    expected: str
    actual: str
    bsn: str          #: masked unless show_bsn; "" at levering level
    message: str      #: Dutch, without the person (e.g. "PIP 2 (20260105) ontbreekt")

    def __str__(self) -> str:
        if self.kind in (DiffKind.PERSON_MISSING, DiffKind.PERSON_EXTRA):
            return self.message
        who = f"persoon {self.bsn}" if self.bsn else "levering"
        return f"{who}: {self.message}"


_CATEGORY = {c.value: c for c in Category}
_KIND = {k.value: k for k in DiffKind}


def _opt(v: int) -> int | None:
    return None if v < 0 else v


def _s(b: bytes | None) -> str:
    return b.decode("utf-8", "replace") if b else ""


class Diff(Sequence[DiffEntry]):
    """The differences between two deliveries: a read-only sequence of
    :class:`DiffEntry`, empty (and false) exactly when they are equal.
    ``str(diff)`` is the readable Dutch text, one line per person."""

    __slots__ = ("_entries", "_text")

    def __init__(self, entries: list[DiffEntry], text: str) -> None:
        self._entries = entries
        self._text = text

    @property
    def entries(self) -> list[DiffEntry]:
        return list(self._entries)

    @property
    def equal(self) -> bool:
        return not self._entries

    @property
    def text(self) -> str:
        return self._text

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, i: int) -> DiffEntry: ...
    @overload
    def __getitem__(self, i: slice) -> list[DiffEntry]: ...

    def __getitem__(self, i: int | slice) -> DiffEntry | list[DiffEntry]:
        return self._entries[i]

    def __iter__(self) -> Iterator[DiffEntry]:
        return iter(self._entries)

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"<swi.Diff {len(self._entries)} entries>"


def diff(expected: Delivery, actual: Delivery, show_bsn: bool = False) -> Diff:
    """The semantic differences of `actual` from `expected` (neither is changed)."""
    from .delivery import Delivery

    if not isinstance(expected, Delivery) or not isinstance(actual, Delivery):
        raise TypeError("expected and actual must be Delivery objects")
    eh, ah = expected._live(), actual._live()
    out = c_void_p()
    check(lib.delivery_diff(byref(out), eh, ah, DIFF_SHOW_BSN if show_bsn else 0))
    h = out.value
    try:
        entries = []
        for i in range(lib.diff_count(h)):
            kind = lib.diff_entry_kind(h, i)
            entries.append(DiffEntry(
                _KIND.get(kind, kind),
                lib.diff_entry_kenmerk(h, i),
                _CATEGORY.get(lib.diff_entry_category(h, i)),
                _opt(lib.diff_expected_person(h, i)),
                _opt(lib.diff_actual_person(h, i)),
                _opt(lib.diff_expected_record(h, i)),
                _opt(lib.diff_actual_record(h, i)),
                _s(lib.diff_expected_value(h, i)),
                _s(lib.diff_actual_value(h, i)),
                _s(lib.diff_bsn(h, i)),
                _s(lib.diff_message(h, i)),
            ))
        buf = c_void_p()
        check(lib.diff_text(byref(buf), h))
        text = buffer_bytes(buf.value).decode("utf-8", "replace")
    finally:
        lib.diff_free(h)
    return Diff(entries, text)
