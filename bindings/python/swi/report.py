"""Diagnostics, the rule catalogue and the mirror report: plain Python
values copied out of libswi (the C report and mirror are freed at once)."""

from __future__ import annotations

import enum
from ctypes import byref, c_char_p, c_int, c_void_p, string_at
from typing import Any, NamedTuple

from ._clib import check, lib
from .kenmerken import KENMERKEN, Category, kenmerk

__all__ = ["Severity", "Diagnostic", "Rule", "rules", "Mirror"]


class Severity(enum.IntEnum):
    ERROR = 1
    WARNING = 2


class Diagnostic(NamedTuple):
    """One finding of validate(), compare() or read().

    `person` and `record` are 0-based indexes (None at levering level),
    `kenmerk` the kenmerk number (None for a file-level finding), `bsn` the
    masked (or, with show_bsn, full) BSN or None, `line` the line in the
    file read (None if the finding has none)."""

    rule: str
    severity: Severity | int  #: a Severity; an int only for a severity newer than the binding
    kenmerk: int | None
    category: Category | None
    person: int | None
    record: int | None
    bsn: str | None
    line: int | None
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    @property
    def kenmerk_name(self) -> str | None:
        """The Python name of the kenmerk ("geboortedatum"), or None."""
        if self.kenmerk is None:
            return None
        try:
            return kenmerk(self.kenmerk).name
        except KeyError:
            return None

    def __str__(self) -> str:
        where = f" line {self.line}" if self.line else ""
        who = f" {self.bsn}" if self.bsn else ""
        sev = getattr(self.severity, "name", str(self.severity)).lower()
        return f"{self.rule} {sev}{where}{who}: {self.message}"


_SEVERITY: dict[int, Severity | int] = {1: Severity.ERROR, 2: Severity.WARNING}
_CATEGORY = {c.value: c for c in Category}


def diagnostics_from_report(report: int | None) -> list[Diagnostic]:
    """Copies every diagnostic out of `report` (the caller frees it)."""
    n = lib.report_count(report)
    rule_f, sev_f, ken_f, cat_f = lib.report_rule, lib.report_severity, lib.report_kenmerk, \
        lib.report_category
    per_f, rec_f, bsn_f, line_f, msg_f = lib.report_person, lib.report_record, \
        lib.report_bsn, lib.report_line, lib.report_message
    rules_seen: dict[bytes, str] = {}
    out: list[Diagnostic] = []
    append = out.append
    new = Diagnostic.__new__
    for i in range(n):
        rb = rule_f(report, i) or b""
        rule = rules_seen.get(rb)
        if rule is None:
            rule = rules_seen[rb] = rb.decode("utf-8", "replace")
        sev = sev_f(report, i)
        k = ken_f(report, i)
        person = per_f(report, i)
        record = rec_f(report, i)
        bsn = bsn_f(report, i)
        line = line_f(report, i)
        append(new(
            Diagnostic,
            rule,
            _SEVERITY.get(sev, sev),
            k or None,
            _CATEGORY.get(cat_f(report, i)),
            None if person < 0 else person,
            None if record < 0 else record,
            bsn.decode("utf-8", "replace") if bsn else None,
            line or None,
            (msg_f(report, i) or b"").decode("utf-8", "replace"),
        ))
    return out


def take_report(report: int | None) -> list[Diagnostic]:
    """Copies the diagnostics out and frees the report."""
    try:
        return diagnostics_from_report(report)
    finally:
        lib.report_free(report)


class Rule(NamedTuple):
    """One rule of the catalogue (doc/rules.md)."""

    id: str
    severity: Severity | int
    kenmerken: str       #: as in the catalogue: "18, 19", "1-11, 30", "alle", "-"
    section: str         #: guideline section
    description: str


def _text(p: c_char_p) -> str:
    return p.value.decode("utf-8") if p.value else ""


def rules() -> list[Rule]:
    """The rule catalogue of libswi, in catalogue order."""
    out = []
    rid, ken, sec, desc = c_char_p(), c_char_p(), c_char_p(), c_char_p()
    sev = c_int()
    for i in range(lib.rule_count()):
        check(lib.rule_at(i, byref(rid), byref(sev), byref(ken), byref(sec), byref(desc)))
        out.append(Rule(_text(rid), _SEVERITY.get(sev.value, sev.value), _text(ken), _text(sec),
                        _text(desc)))
    return out


def buffer_bytes(buf: int | None) -> bytes:
    """The bytes of a swi_buffer, then frees it."""
    try:
        size = lib.buffer_size(buf)
        data = lib.buffer_data(buf)
        return string_at(data, size) if size else b""
    finally:
        lib.buffer_free(buf)


class Mirror:
    """The mirror report (spiegelrapport) of a delivery: a snapshot of its
    counts, copied out of libswi when it is made. Every query of
    ``swi_mirror_*`` is available for the code values of the table, with
    0 = any and -1 = not filled, as in mirror.h."""

    def __init__(self, handle: int | None) -> None:
        # Copy every count now so no C object outlives this call.
        def codes(element: str) -> list[int]:
            return [int(c) for c, _ in kenmerk(element).codes]

        types = [0, -1] + codes("TypeMigrant")
        sexes = [0, -1] + codes("Geslacht")
        routes = [0, -1] + codes("LeerrouteRoute")
        niveaus = [0, -1] + codes("LeerrouteNiveau")
        redenen = [0, -1] + codes("BoeteReden")
        h = handle
        self._persons = {(t, g): lib.mirror_persons(h, t, g) for t in types for g in sexes}
        self._filled = {k.number: lib.mirror_filled(h, k.number) for k in KENMERKEN}
        self._pips = {(r, n): lib.mirror_pips(h, r, n) for r in routes for n in niveaus}
        self._talks = int(lib.mirror_talks(h))
        self._fines = {r: lib.mirror_fines(h, r) for r in redenen}
        self._amounts = {r: lib.mirror_fine_amount(h, r) for r in redenen}
        out = c_void_p()
        check(lib.mirror_json(byref(out), h))
        self._json = buffer_bytes(out.value).rstrip(b"\0").decode("utf-8")
        check(lib.mirror_html(byref(out), h))
        self._html = buffer_bytes(out.value).rstrip(b"\0").decode("utf-8")

    def persons(self, type_migrant: int = 0, geslacht: int = 0) -> int:
        """Persons with that Type migrant and Geslacht (0 = any, -1 = not filled)."""
        return self._persons.get((int(type_migrant), int(geslacht)), 0)

    def filled(self, k: int | str) -> int:
        """How many records of its category fill kenmerk `k` (number or name)."""
        return int(self._filled.get(kenmerk(k).number, 0))

    def pips(self, route: int = 0, niveau: int = 0) -> int:
        return self._pips.get((int(route), int(niveau)), 0)

    @property
    def talks(self) -> int:
        return self._talks

    def fines(self, reden: int = 0) -> int:
        return self._fines.get(int(reden), 0)

    def fine_amount(self, reden: int = 0) -> int:
        """Sum of the amounts (whole euros) of the fines with that reason."""
        return int(self._amounts.get(int(reden), 0))

    def json(self) -> str:
        """The report as one JSON object (text)."""
        return self._json

    def data(self) -> Any:
        """The JSON report parsed."""
        import json

        return json.loads(self._json)

    def html(self) -> str:
        """The report as one self-contained HTML page."""
        return self._html

    def __repr__(self) -> str:
        return f"<swi.Mirror persons={self.persons()} pips={self.pips()} talks={self.talks} " \
               f"fines={self.fines()}>"
