"""Delivery, Person and the records (Pip, Gesprek, Boete).

Lifetime rules of the binding
 * A Person or Record holds a strong reference to its Delivery, so the
   delivery is never freed while a child object is reachable.
 * The C delivery is freed once: by close() (also at the end of a ``with``
   block) or when the Delivery object is collected. After that, every use
   of the delivery or of any of its children raises :class:`StaleHandle`.
 * Exactly one Python object exists per C person or record at a time (the
   delivery keeps weak references to them), so removing a person or record
   through any object makes every way to reach it raise :class:`StaleHandle`.

Kenmerken are properties named after their XML element in snake_case,
installed from the C table at import time (_values.py) and typed by the
generated base classes of _codes.py: dates are :class:`datetime.date`, code
lists enums (Geslacht, TypeMigrant, ...), numbers int, texts str, and None
means "not set" (assigning None unsets). Adding and updating go through the
one fast path of _fastpath.py; add_persons() batches through _batch.py.
"""

from __future__ import annotations

import os
import weakref
from ctypes import byref, c_size_t, c_void_p, create_string_buffer
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence, cast

from . import _clib
from ._batch import BATCH_ROWS, batch_arrays
from ._clib import check, lib, raise_error
from ._codes import (BoeteKenmerken, GesprekKenmerken, LeveringKenmerken, PersoonKenmerken,
                     PipKenmerken)
from ._fastpath import PERSOON, RECORD_KINDS, add_person, add_record, update_atomic
from ._values import (DELIVERY, PERSON, RECORD, DateLike, PathLike, fs, get_value,
                      install_properties, yyyymmdd)
from .errors import ReadError, StaleHandle, WriteError
from .kenmerken import KENMERKEN, Category
from .report import Diagnostic, Mirror, buffer_bytes, take_report

if TYPE_CHECKING:
    from ._diff import Diff

__all__ = ["Delivery", "Person", "Record", "Pip", "Gesprek", "Boete", "read", "read_bytes",
           "schema_xsd", "BATCH_ROWS", "DateLike", "PathLike"]

_ref = weakref.ref

# ---- the delivery -------------------------------------------------------


class Delivery(LeveringKenmerken):
    """One SWI delivery (one berichtgever, gemeente and quarter).

    ``Delivery(year=2026, quarter=1, software="and", version="4.2",
    berichtgever="0153", gemeente="0153")``; every argument is optional.
    Use as a context manager, or call close(); the C delivery is also freed
    when the object is collected. Not thread-safe: use a delivery and its
    persons and records from one thread at a time.
    """

    __slots__ = ("_h", "_persons", "_records", "_purge_p", "_purge_r", "_keep", "__weakref__")

    # The kenmerken are properties installed from the C table at import;
    # their types come from the generated base class (swi/_codes.py).

    _h: c_void_p | None

    def __init__(self, year: int | None = None, quarter: int | None = None,
                 software: str | None = None, version: str | None = None,
                 berichtgever: str | int | None = None, gemeente: str | int | None = None,
                 *, reference_date: DateLike | None = None) -> None:
        out = c_void_p()
        check(lib.delivery_new(byref(out)))
        self._adopt(out)
        try:
            for name, value in (("statistiekjaar", year), ("statistiekkwartaal", quarter),
                                ("naam_softwarepakket", software),
                                ("versie_softwarepakket", version),
                                ("berichtgevercode", berichtgever), ("gemeentecode", gemeente)):
                if value is not None:
                    setattr(self, name, value)
            if reference_date is not None:
                self.set_reference_date(reference_date)
        except BaseException:
            self.close()
            raise

    def _adopt(self, handle: c_void_p, keep: Any = None) -> None:
        self._h = handle
        self._persons: dict[int | None, weakref.ref[Person]] = {}
        self._records: dict[int | None, weakref.ref[Record]] = {}
        self._purge_p = 1024
        self._purge_r = 1024
        self._keep = keep

    @classmethod
    def _from_handle(cls, handle: c_void_p, keep: Any = None) -> Delivery:
        d = cls.__new__(cls)
        d._adopt(handle, keep)
        return d

    @classmethod
    def _with_allocator(cls, alloc: Callable[[int | None, int | None, int], int | None]) -> Delivery:
        """A delivery whose every allocation goes through `alloc(userdata,
        ptr, size)` (swi_alloc_fn semantics); for tests of allocation failure."""
        fn = _clib.ALLOC_FN(alloc)
        out = c_void_p()
        check(lib.delivery_new_with_allocator(byref(out), fn, None))
        return cls._from_handle(out, keep=fn)

    # -- lifetime

    def close(self) -> None:
        """Frees the C delivery. Idempotent. Every later use of the delivery,
        its persons or records raises StaleHandle."""
        h = self._h
        if h is None:
            return
        self._h = None
        regs: tuple[dict[int | None, Any], ...] = (self._persons, self._records)
        for reg in regs:
            for r in reg.values():
                w = r()
                if w is not None:
                    w._h = None
            reg.clear()
        lib.delivery_free(h)
        self._keep = None

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: the module may be gone
            pass

    def __enter__(self) -> Delivery:
        self._live()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._h is None

    def _live(self) -> c_void_p:
        h = self._h
        if h is None:
            raise StaleHandle(_clib.EINVAL, "the delivery is closed")
        return h

    def _hh(self) -> tuple[c_void_p, c_void_p]:
        h = self._live()
        return h, h

    # -- registry: one Python object per C person / record

    def _person(self, ph: int | None) -> Person:
        r = self._persons.get(ph)
        if r is not None:
            p = r()
            if p is not None:
                return p
        p = Person.__new__(Person)
        p._d = self
        p._h = c_void_p(ph)
        self._register_person(p, ph)
        return p

    def _register_person(self, p: Person, ph: int | None) -> None:
        reg = self._persons
        reg[ph] = _ref(p)
        if len(reg) > self._purge_p:
            self._persons = reg = {k: r for k, r in reg.items() if r() is not None}
            self._purge_p = max(1024, 2 * len(reg))

    def _record(self, rh: int | None) -> Record:
        r = self._records.get(rh)
        if r is not None:
            w = r()
            if w is not None:
                return w
        cls = _RECORD_CLASSES[lib.record_kind(rh)]
        w = cls.__new__(cls)
        w._d = self
        w._h = c_void_p(rh)
        self._register_record(w, rh)
        return w

    def _register_record(self, w: Record, rh: int | None) -> None:
        reg = self._records
        reg[rh] = _ref(w)
        if len(reg) > self._purge_r:
            self._records = reg = {k: r for k, r in reg.items() if r() is not None}
            self._purge_r = max(1024, 2 * len(reg))

    def _drop_person(self, ph: int | None) -> None:
        r = self._persons.pop(ph, None)
        w = r() if r is not None else None
        if w is not None:
            w._h = None

    def _drop_record(self, rh: int | None) -> None:
        r = self._records.pop(rh, None)
        w = r() if r is not None else None
        if w is not None:
            w._h = None

    # -- persons

    def add_person(self, bsn: str | int, /, **kenmerken: Any) -> Person:
        """Adds a person with `bsn` (nine digits, or eight that get a leading
        zero) and sets `kenmerken` (``geboortedatum=date(1990, 1, 7),
        geslacht=Geslacht.VROUW, ...``): every code, number and date in one
        call to libswi. All or nothing: on any refusal the person is not added."""
        h = self._h
        if h is None:
            raise StaleHandle(_clib.EINVAL, "the delivery is closed")
        if type(bsn) is not str:
            bsn = _bsn_text(bsn)
        elif "\0" in bsn:
            raise_error(_clib.EFORMAT, message="Burgerservicenummer (kenmerk 8): waarde bevat "
                        "een NUL-teken", kenmerk=8)
        out = add_person(h, bsn.encode(), kenmerken)
        p = _new_person(Person)
        p._d = self
        p._h = out
        ph = out.value
        reg = self._persons
        reg[ph] = _ref(p)
        if len(reg) > self._purge_p:
            self._register_person(p, ph)
        return p

    def add_persons(self, rows: Iterable[Sequence[Any]]) -> int:
        """Adds many persons without making Person objects: the fast path for
        importers. Each row is ``(bsn, kenmerken)`` or ``(bsn, kenmerken, pips,
        gesprekken, boetes)``, where `kenmerken` is a dict as the keywords of
        add_person() and pips, gesprekken and boetes are lists of such dicts
        for the records. Each row is all or nothing: on a refusal, the persons
        of the rows before stay, that row's person is not added, and the
        exception gets a note with the row number. Returns the number added.

        Rows whose values are all plain ints and dates (and whose BSN is a
        str of digits or an int) go to the library in batches of
        :data:`BATCH_ROWS`, one C call each; any other row is added as
        add_person() would, with the same checks and exceptions."""
        dh = self._live()
        it = iter(rows)
        added = 0
        while chunk := list(islice(it, BATCH_ROWS)):
            added += self._add_batch(dh, chunk, added)
        return added

    def _add_batch(self, dh: c_void_p, rows: list[Sequence[Any]], base: int) -> int:
        added = 0
        while added < len(rows):
            rest = rows[added:] if added else rows
            batch = batch_arrays(rest)
            if batch is None:  # a value that needs the per-row checks
                return added + self._add_rows(rest, base + added)
            entries, n_entries, ks, vs, n_pairs = batch
            done = c_size_t()
            rc = lib.delivery_add_batch(dh, n_entries, entries, n_pairs, ks, vs, byref(done))
            if rc == _clib.OK:
                return added + len(rest)
            # The rows before the refused one are in. The refused row goes
            # through the per-row path, which raises the precise error.
            i = entries[0:2 * done.value:2].count(PERSOON)
            if i >= len(rest) or rc == _clib.ENOMEM:
                check(rc, dh)
            added += i
            added += self._add_rows(rest[i:i + 1], base + added)
        return added

    def _add_rows(self, rows: Iterable[Sequence[Any]], base: int) -> int:
        """add_persons() one row at a time; the notes count from `base`."""
        dh = self._live()
        added = base
        for row in rows:
            out: c_void_p | None = None
            try:
                bsn, kw = row[0], row[1]
                if type(bsn) is not str:
                    bsn = _bsn_text(bsn)
                elif "\0" in bsn:
                    raise_error(_clib.EFORMAT, message="Burgerservicenummer (kenmerk 8): "
                                "waarde bevat een NUL-teken", kenmerk=8)
                out = add_person(dh, bsn.encode(), kw)
                for kind, records in zip(RECORD_KINDS, row[2:]):
                    owner = _RECORD_CLASSES[kind].__name__
                    for rkw in records:
                        add_record(out, dh, kind, rkw, owner)
                added += 1
            except BaseException as e:
                if out is not None:
                    lib.person_remove(out)
                    self._drop_person(out.value)
                if isinstance(e, Exception):
                    e.add_note(f"in row {added} of add_persons() (0-based)")
                raise
        return added - base

    def find_person(self, bsn: str | int) -> Person | None:
        """The person with that BSN, or None. A BSN that is not 8 or 9 digits
        or fails the 11-test raises ValueRefused."""
        h = self._live()
        if type(bsn) is not str:
            bsn = _bsn_text(bsn)
        if "\0" in bsn:
            return None
        out = c_void_p()
        rc = lib.delivery_find_person(byref(out), h, bsn.encode())
        if rc == _clib.ENOTFOUND:
            return None
        check(rc, h, kenmerk=8)
        return self._person(out.value)

    def __getitem__(self, bsn: str | int) -> Person:
        p = self.find_person(bsn)
        if p is None:
            last4 = "".join(c for c in str(bsn) if c in "0123456789")[-4:]
            raise_error(_clib.ENOTFOUND, message=f"no person with BSN *****{last4}")
        return p

    def __contains__(self, bsn: object) -> bool:
        if not isinstance(bsn, (str, int)):
            return False
        try:
            return self.find_person(bsn) is not None
        except ValueError:
            return False

    def __len__(self) -> int:
        return int(lib.delivery_person_count(self._live()))

    def __iter__(self) -> Iterator[Person]:
        h = self._live()
        handles = []
        ph = lib.delivery_first_person(h)
        while ph:
            handles.append(ph)
            ph = lib.person_next(ph)
        # Hold every object first, so a person removed during the loop (through
        # any object) is skipped instead of read.
        persons = [self._person(ph) for ph in handles]
        for p in persons:
            if p._h is not None:
                yield p
        if self._h is None and persons:
            raise StaleHandle(_clib.EINVAL, "the delivery was closed during iteration")

    @property
    def persons(self) -> list[Person]:
        return list(self)

    # -- header, file name, reference date

    def file_name(self, zip: bool = False) -> str:
        """SWI_[berichtgever]_[gemeente]_[jjjj][q].XML (or .zip)."""
        h = self._live()
        buf = create_string_buffer(64)
        check(lib.delivery_file_name(h, 1 if zip else 0, buf, len(buf)), h)
        return buf.value.decode()

    def load_gemeenten(self, path: PathLike, year: int = 0) -> None:
        """Gives the delivery the CBS municipality list of statistiekjaar
        `year` from a CSV file (0: the year in the name gemeenten-JJJJ.csv,
        else the delivery's year), instead of the list libswi finds itself
        (doc/years.md). Raises DataFileError naming the file and line when it
        is malformed (nothing of it is kept), FileError when unreadable."""
        h = self._live()
        check(lib.delivery_load_gemeenten(h, int(year), os.fsencode(path)), h)

    def set_reference_date(self, value: DateLike) -> None:
        """'Today' for the rules about future dates (also used by the writers'
        own validation); 0 means the system clock's date."""
        h = self._live()
        check(lib.delivery_set_reference_date(h, yyyymmdd(value)), h)

    # -- validation, comparison, mirror

    def validate(self, file_name: PathLike | None = None, show_bsn: bool = False,
                 reference_date: DateLike | None = None) -> list[Diagnostic]:
        """Checks the delivery against the rules of the guideline. Returns
        every diagnostic (errors and warnings). `reference_date` sets the
        delivery's "today" first (and keeps it, see set_reference_date)."""
        h = self._live()
        if reference_date is not None:
            self.set_reference_date(reference_date)
        out = c_void_p()
        check(lib.delivery_validate(byref(out), h, fs(file_name),
                                    _clib.VALIDATE_SHOW_BSN if show_bsn else 0), h)
        return take_report(out.value)

    def compare(self, previous: Delivery, show_bsn: bool = False) -> list[Diagnostic]:
        """Compares this delivery with the delivery of the previous quarter."""
        h = self._live()
        if not isinstance(previous, Delivery):
            raise TypeError("previous must be a Delivery")
        out = c_void_p()
        check(lib.delivery_compare(byref(out), previous._live(), h,
                                   _clib.VALIDATE_SHOW_BSN if show_bsn else 0), h)
        return take_report(out.value)

    def diff(self, actual: Delivery, show_bsn: bool = False) -> Diff:
        """The semantic differences of `actual` from this delivery (the
        expected one): see :func:`swi.diff`. Neither delivery is changed."""
        from ._diff import diff

        return diff(self, actual, show_bsn=show_bsn)

    def mirror(self) -> Mirror:
        """The mirror report (spiegelrapport): a snapshot of the counts."""
        h = self._live()
        out = c_void_p()
        check(lib.delivery_mirror(byref(out), h), h)
        try:
            return Mirror(out.value)
        finally:
            lib.mirror_free(out.value)

    # -- writing

    @staticmethod
    def _flags(zip: bool, force: bool) -> int:
        return (_clib.WRITE_ZIP if zip else 0) | (_clib.WRITE_FORCE if force else 0)

    def write(self, directory: PathLike, zip: bool = False, force: bool = False) -> Path:
        """Writes the file atomically into `directory` under its guideline
        name (mode 0600) and returns its path. Refuses a delivery with
        validation errors (InvalidDelivery) unless `force`."""
        h = self._live()
        buf = create_string_buffer(4096)
        check(lib.delivery_write_dir(h, self._flags(zip, force), os.fsencode(directory), buf,
                                     len(buf)), h, io=WriteError)
        return Path(os.fsdecode(buf.value))

    def to_bytes(self, zip: bool = False, force: bool = False) -> bytes:
        """The file (XML, or a ZIP archive with `zip`) as bytes."""
        h = self._live()
        out = c_void_p()
        check(lib.delivery_write_buffer(byref(out), h, self._flags(zip, force)), h, io=WriteError)
        return buffer_bytes(out.value)

    def write_fd(self, fd: int | Any, zip: bool = False, force: bool = False) -> None:
        """Writes the file to an open descriptor or binary file object."""
        h = self._live()
        if not isinstance(fd, int):
            fd.flush()
            fd = fd.fileno()
        check(lib.delivery_write_fd(h, self._flags(zip, force), fd), h, io=WriteError)

    def as_dict(self) -> dict[str, Any]:
        """The header kenmerken that are set, by Python name."""
        return {k.name: v for k in _LEVERING if (v := getattr(self, k.name)) is not None}

    def __repr__(self) -> str:
        if self._h is None:
            return "<swi.Delivery closed>"
        jaar, kwartaal, gemeente = (getattr(self, n) for n in
                                    ("statistiekjaar", "statistiekkwartaal", "gemeentecode"))
        return f"<swi.Delivery {jaar}Q{kwartaal} gemeente {gemeente} persons={len(self)}>"


def _bsn_text(bsn: object) -> str:
    if isinstance(bsn, int) and not isinstance(bsn, bool) and 0 <= bsn <= 999999999:
        return f"{bsn:09d}"
    if isinstance(bsn, bytes):
        return bsn.decode("ascii", "replace")
    raise TypeError(f"a BSN is a str of 8 or 9 digits, not {type(bsn).__name__}")


# ---- persons ------------------------------------------------------------


class _Owned:
    """A person or record: a handle owned by a delivery. Its live handles, or
    StaleHandle once the delivery is closed or the object removed."""

    __slots__ = ()
    _d: Delivery
    _h: c_void_p | None
    _REMOVED: str

    def _hh(self) -> tuple[c_void_p, c_void_p]:
        h = self._h
        dh = self._d._h
        if h is None or dh is None:
            if dh is None:
                raise StaleHandle(_clib.EINVAL, "the delivery is closed")
            raise StaleHandle(_clib.EREMOVED, self._REMOVED)
        return h, dh


class Person(_Owned, PersoonKenmerken):
    """A person of a delivery (obtained from add_person, find_person or
    iteration; never constructed directly)."""

    __slots__ = ("_d", "_h", "__weakref__")

    # The kenmerken are properties installed from the C table at import;
    # their types come from the generated base class (swi/_codes.py).

    _d: Delivery
    _h: c_void_p | None

    def __init__(self) -> None:
        raise TypeError("use Delivery.add_person() or Delivery.find_person()")

    _REMOVED = "the person was removed from the delivery"

    @property
    def delivery(self) -> Delivery:
        self._hh()
        return self._d

    @property
    def bsn(self) -> str:
        """The BSN (kenmerk 8), nine digits. Assigning changes it."""
        return str(getattr(self, "burgerservicenummer"))

    @bsn.setter
    def bsn(self, value: str | int) -> None:
        setattr(self, "burgerservicenummer", value if isinstance(value, str) else _bsn_text(value))

    @property
    def removed(self) -> bool:
        return self._h is None

    def update(self, **kenmerken: Any) -> None:
        """Sets several kenmerken (None unsets); all or nothing."""
        update_atomic(self, Category.PERSOON, kenmerken)

    def remove(self) -> None:
        """Removes the person and its records from the delivery. This object
        and those of its records are unusable afterwards."""
        h, dh = self._hh()
        d = self._d
        for kind in RECORD_KINDS:
            rh = lib.person_first_record(h, kind)
            while rh:
                d._drop_record(rh)
                rh = lib.record_next(rh)
        check(lib.person_remove(h), dh)
        d._drop_person(h.value)

    # -- records

    def add_record(self, kind: Category | int, /, **kenmerken: Any) -> Record:
        """Adds a record of `kind` (Category.PIP, GESPREK or BOETE) with
        `kenmerken`, all or nothing."""
        k = int(kind)
        if k not in _RECORD_CLASSES:
            shown = f" {kind!r}" if isinstance(kind, Category) or -1000 < k < 1000 else ""
            raise_error(_clib.EINVAL, message=f"no record kind{shown} (PIP 3, GESPREK 4, "
                        "BOETE 5)")
        return cast(Record, self._add(k, kenmerken))

    def _add(self, kind: int, kenmerken: dict[str, Any]) -> Any:
        h = self._h
        dh = self._d._h
        if h is None or dh is None:
            h, dh = self._hh()  # raises StaleHandle
        cls = _RECORD_CLASSES[kind]
        out = add_record(h, dh, kind, kenmerken, cls.__name__)
        w = _new_record(cls)
        d = self._d
        w._d = d
        w._h = out
        rh = out.value
        reg = d._records
        reg[rh] = _ref(w)
        if len(reg) > d._purge_r:
            d._register_record(w, rh)
        return w

    def add_pip(self, **kenmerken: Any) -> Pip:
        """Adds a PIP (pip_datum=..., leerroute_route=..., ...)."""
        return self._add(3, kenmerken)  # type: ignore[no-any-return]

    def add_gesprek(self, **kenmerken: Any) -> Gesprek:
        """Adds a voortgangsgesprek (voortgangsgesprek_datum=...)."""
        return self._add(4, kenmerken)  # type: ignore[no-any-return]

    def add_boete(self, **kenmerken: Any) -> Boete:
        """Adds a boete (boete_datum=..., boete_reden=..., boete_bedrag=...)."""
        return self._add(5, kenmerken)  # type: ignore[no-any-return]

    def records(self, kind: Category | int) -> list[Record]:
        """The person's records of `kind`, in insertion order."""
        h, _ = self._hh()
        d = self._d
        out = []
        rh = lib.person_first_record(h, int(kind))
        while rh:
            out.append(d._record(rh))
            rh = lib.record_next(rh)
        return out

    @property
    def pips(self) -> list[Pip]:
        return self.records(Category.PIP)  # type: ignore[return-value]

    @property
    def gesprekken(self) -> list[Gesprek]:
        return self.records(Category.GESPREK)  # type: ignore[return-value]

    @property
    def boetes(self) -> list[Boete]:
        return self.records(Category.BOETE)  # type: ignore[return-value]

    def as_dict(self) -> dict[str, Any]:
        """The person's kenmerken that are set, by Python name."""
        h, dh = self._hh()
        return {k.name: v for k in _PERSOON if (v := get_value(PERSON, h, dh, k)) is not None}

    def __repr__(self) -> str:
        if self._h is None or self._d._h is None:
            return "<swi.Person (removed)>"
        return f"<swi.Person *****{self.bsn[-4:]}>"


# ---- records ------------------------------------------------------------


class Record(_Owned):
    """A record of a person: a Pip, Gesprek (voortgangsgesprek) or Boete."""

    __slots__ = ("_d", "_h", "__weakref__")

    # The kenmerken are properties installed from the C table at import;
    # their types come from the generated base class (swi/_codes.py).

    kind: Category
    _d: Delivery
    _h: c_void_p | None

    def __init__(self) -> None:
        raise TypeError("use Person.add_pip(), add_gesprek() or add_boete()")

    _REMOVED = "the record was removed"

    @property
    def removed(self) -> bool:
        return self._h is None

    @property
    def person(self) -> Person:
        h, _ = self._hh()
        return self._d._person(lib.record_person(h))

    @property
    def delivery(self) -> Delivery:
        self._hh()
        return self._d

    @property
    def index(self) -> int:
        """0-based position among the person's records of this kind (as in Diagnostic.record)."""
        h, _ = self._hh()
        ph = lib.record_person(h)
        i = 0
        rh = lib.person_first_record(ph, int(self.kind))
        while rh and rh != h.value:
            i += 1
            rh = lib.record_next(rh)
        return i

    def update(self, **kenmerken: Any) -> None:
        """Sets several kenmerken (None unsets); all or nothing."""
        update_atomic(self, self.kind, kenmerken)

    def remove(self) -> None:
        h, dh = self._hh()
        check(lib.record_remove(h), dh)
        self._d._drop_record(h.value)

    def as_dict(self) -> dict[str, Any]:
        h, dh = self._hh()
        return {k.name: v for k in KENMERKEN if k.category == self.kind
                and (v := get_value(RECORD, h, dh, k)) is not None}

    def __repr__(self) -> str:
        if self._h is None or self._d._h is None:
            return f"<swi.{type(self).__name__} (removed)>"
        return f"<swi.{type(self).__name__} {self.as_dict()}>"


class Pip(Record, PipKenmerken):
    """A persoonlijk inburgeringsplan (PIP) record."""

    __slots__ = ()
    kind = Category.PIP


class Gesprek(Record, GesprekKenmerken):
    """A voortgangsgesprek record."""

    __slots__ = ()
    kind = Category.GESPREK


class Boete(Record, BoeteKenmerken):
    """A boete record."""

    __slots__ = ()
    kind = Category.BOETE


_RECORD_CLASSES: dict[int, type[Record]] = {3: Pip, 4: Gesprek, 5: Boete}


_new_person = object.__new__
_new_record = object.__new__
_LEVERING = [k for k in KENMERKEN if k.category == Category.LEVERING]
_PERSOON = [k for k in KENMERKEN if k.category == Category.PERSOON]

install_properties(Delivery, Category.LEVERING, DELIVERY)
install_properties(Person, Category.PERSOON, PERSON)
for _cls in (Pip, Gesprek, Boete):
    install_properties(_cls, _cls.kind, RECORD)


# ---- reading and the schema ------------------------------------------------


def read(path: PathLike, xsd: PathLike | None = None,
         show_bsn: bool = False) -> tuple[Delivery, list[Diagnostic]]:
    """Reads an SWI file (XML, or a ZIP with one .XML) into a new Delivery
    and the list of what is wrong with the file (with line numbers).
    `xsd`: an XSD to validate against in the same pass. Raises ReadError
    when the file cannot be opened or read."""
    d, r = c_void_p(), c_void_p()
    rc = lib.read_file(byref(d), byref(r), os.fsencode(path), fs(xsd),
                       _clib.READ_SHOW_BSN if show_bsn else 0)
    if rc:
        raise_error(rc, message=f"{_clib.strerror(rc)}: {os.fsdecode(path)}", io=ReadError)
    delivery = Delivery._from_handle(d)
    return delivery, take_report(r.value)


def read_bytes(data: bytes, xsd: PathLike | None = None,
               show_bsn: bool = False) -> tuple[Delivery, list[Diagnostic]]:
    """As read(), from the bytes of a file."""
    d, r = c_void_p(), c_void_p()
    buf = bytes(data)
    rc = lib.read_buffer(byref(d), byref(r), buf, len(buf), fs(xsd),
                         _clib.READ_SHOW_BSN if show_bsn else 0)
    if rc:
        raise_error(rc, io=ReadError)
    delivery = Delivery._from_handle(d)
    return delivery, take_report(r.value)


def schema_xsd() -> str:
    """The XSD of the SWI file as libswi writes it (the shipped swi.xsd)."""
    out = c_void_p()
    check(lib.schema_xsd(byref(out)))
    return buffer_bytes(out.value).decode("utf-8")
