"""Assertions for a vendor's tests, usable from pytest and unittest alike:
plain functions that raise :class:`AssertionError` with a readable Dutch
message, so a failing test says which person differs and how.

    from swi.testing import assert_same, assert_valid

    def test_export(self):
        actual = my_export(cases)          # a swi.Delivery
        assert_valid(actual, reference_date="2026-04-15")
        assert_same("tests/data/expected.xml", actual)

Persons are named by their masked BSN (``*****6782``) unless
``show_bsn=True``. Neither function changes a delivery, except that
`reference_date` is set on the delivery it validates (as
:meth:`Delivery.validate` does).
"""

from __future__ import annotations

import os
from typing import Union

from ._diff import diff
from .delivery import Delivery, DateLike, read
from .report import Diagnostic, Severity

__all__ = ["assert_valid", "assert_same", "findings_text"]

#: A delivery, or the path of an SWI file (XML or ZIP) to read.
DeliveryLike = Union[Delivery, str, "os.PathLike[str]"]

_SEVERITY = {Severity.ERROR: "fout", Severity.WARNING: "waarschuwing"}


def _delivery(d: DeliveryLike, what: str, show_bsn: bool) -> Delivery:
    if isinstance(d, Delivery):
        return d
    if isinstance(d, (str, os.PathLike)):
        delivery, findings = read(d, show_bsn=show_bsn)
        errors = [f for f in findings if f.is_error]
        if errors:
            delivery.close()
            raise AssertionError(f"{what} {os.fsdecode(d)} kan niet gelezen worden:\n"
                                 + findings_text(errors))
        return delivery
    raise TypeError(f"{what} must be a swi.Delivery or the path of an SWI file")


def findings_text(findings: list[Diagnostic]) -> str:
    """Diagnostics grouped per person, in the order found: a line per
    person ("persoon *****6782:", or "levering:") and one indented line per
    finding ("  SWI-012 fout: ...")."""
    groups: dict[tuple[int | None, str], list[Diagnostic]] = {}
    for f in findings:
        groups.setdefault((f.person, f.bsn or ""), []).append(f)
    lines = []
    for (person, bsn), fs in groups.items():
        lines.append(f"persoon {bsn}:" if person is not None and bsn else "levering:")
        for f in fs:
            sev = _SEVERITY.get(f.severity, str(f.severity))  # type: ignore[call-overload]
            where = f" (regel {f.line})" if f.line else ""
            lines.append(f"  {f.rule} {sev}{where}: {f.message}")
    return "\n".join(lines) + ("\n" if lines else "")


def assert_valid(delivery: DeliveryLike, *, warnings: bool = False,
                 file_name: str | None = None, reference_date: DateLike | None = None,
                 show_bsn: bool = False) -> None:
    """Fails when the delivery has validation errors (with ``warnings=True``
    also when it has warnings), listing the findings grouped per person.
    `file_name` and `reference_date` are passed to :meth:`Delivery.validate`
    (set the reference date in tests, so the result never depends on the
    clock)."""
    d = _delivery(delivery, "de levering", show_bsn)
    try:
        findings = d.validate(file_name=file_name, show_bsn=show_bsn,
                              reference_date=reference_date)
    finally:
        if d is not delivery:
            d.close()
    failing = [f for f in findings if f.is_error or warnings]
    if failing:
        n_err = sum(1 for f in failing if f.is_error)
        n_warn = len(failing) - n_err
        counts = f"{n_err} {'fout' if n_err == 1 else 'fouten'}"
        if warnings:
            counts += f", {n_warn} {'waarschuwing' if n_warn == 1 else 'waarschuwingen'}"
        raise AssertionError(f"de levering is niet geldig ({counts}):\n" + findings_text(failing))


def assert_same(expected: DeliveryLike, actual: DeliveryLike, *, show_bsn: bool = False) -> None:
    """Fails when `actual` differs from `expected` as data (persons by BSN,
    records by their identity; order does not matter), with the semantic
    diff as message: one line per person. Either may be a path to read."""
    e = _delivery(expected, "de verwachte levering", show_bsn)
    try:
        a = _delivery(actual, "de gekregen levering", show_bsn)
        try:
            d = diff(e, a, show_bsn=show_bsn)
        finally:
            if a is not actual:
                a.close()
    finally:
        if e is not expected:
            e.close()
    if d:
        n = len(d)
        raise AssertionError(f"de leveringen verschillen ({n} "
                             f"{'verschil' if n == 1 else 'verschillen'}):\n{d}")
