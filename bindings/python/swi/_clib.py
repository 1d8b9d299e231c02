"""The one ctypes view of libswi: loading, the prototype table, status codes
and the one place where a status code becomes an exception (:func:`check`).

Every C function the binding calls is declared in :data:`PROTOTYPES` and
nowhere else; a test compares this table with ``lib/libswi.map`` so a symbol
added to the library cannot be forgotten here.
"""

from __future__ import annotations

import ctypes
import itertools
import os
from ctypes import (
    CFUNCTYPE,
    POINTER,
    c_char_p,
    c_int,
    c_int32,
    c_int64,
    c_size_t,
    c_uint,
    c_void_p,
)
from typing import Any, NoReturn, Optional, Union

from . import errors as _errors
from ._names import snake_case

__all__ = ["lib", "PROTOTYPES", "SONAME", "check", "raise_error", "strerror", "ALLOC_FN"]

SONAME = "libswi.so.0"

# ---- status codes (include/swi/common.h; append-only) --------------------
OK = 0
ENOMEM = -1
EINVAL = -2
EKENMERK = -3
ECATEGORY = -4
EFORMAT = -5
EDATE = -6
ECODE = -7
ERANGE = -8
ECHARSET = -9
ETOOLONG = -10
EBSN = -11
EDUPLICATE = -12
ENOTSET = -13
ENOTFOUND = -14
EBUFFER = -15
EIO = -16
EINCOMPLETE = -17
EINVALID = -18
EUNSUPPORTED = -19
EREQUIRED = -20
EYEAR = -21
EREMOVED = -22
EDATAFILE = -23

# ---- flags -----------------------------------------------------------------
VALIDATE_SHOW_BSN = 1 << 0
READ_SHOW_BSN = 1 << 0
WRITE_ZIP = 1 << 0
WRITE_FORCE = 1 << 1

#: Longest text any getter produces, including the NUL (kenmerk.h).
VALUE_MAX = 16

#: swi_alloc_fn: void *(*)(void *userdata, void *ptr, size_t size)
ALLOC_FN = CFUNCTYPE(c_void_p, c_void_p, c_void_p, c_size_t)

_P = c_void_p  # every opaque handle (delivery, person, record, report, ...)
_PP = POINTER(c_void_p)  # an out-parameter for a NEW or BORROWED handle
_i32p = POINTER(c_int32)
_cpp = POINTER(c_char_p)

#: name -> (restype, argtypes). The only prototype declarations of the binding.
PROTOTYPES: dict[str, tuple[Any, list[Any]]] = {
    # common.h
    "swi_strerror": (c_char_p, [c_int]),
    "swi_version": (c_char_p, []),
    "swi_buffer_data": (c_void_p, [_P]),  # not NUL-terminated: read with string_at
    "swi_buffer_size": (c_size_t, [_P]),
    "swi_buffer_free": (None, [_P]),
    # kenmerk.h
    "swi_kenmerk_element": (c_char_p, [c_int]),
    "swi_kenmerk_label": (c_char_p, [c_int]),
    "swi_kenmerk_category": (c_int, [c_int]),
    "swi_kenmerk_type": (c_int, [c_int]),
    "swi_kenmerk_width": (c_int, [c_int]),
    "swi_kenmerk_required": (c_int, [c_int]),
    "swi_kenmerk_by_element": (c_int, [c_char_p]),
    "swi_kenmerk_code_count": (c_int, [c_int]),
    "swi_kenmerk_code_at": (c_int, [c_int, c_int, _cpp, _cpp]),
    # delivery.h: the delivery
    "swi_delivery_new": (c_int, [_PP]),
    "swi_delivery_new_with_allocator": (c_int, [_PP, ALLOC_FN, c_void_p]),
    "swi_delivery_free": (None, [_P]),
    "swi_delivery_last_error": (c_int, [_P]),
    "swi_delivery_last_message": (c_char_p, [_P]),
    "swi_delivery_set_int": (c_int, [_P, c_int, c_int32]),
    "swi_delivery_set_text": (c_int, [_P, c_int, c_char_p]),
    "swi_delivery_get_int": (c_int, [_P, c_int, _i32p]),
    "swi_delivery_get_text": (c_int, [_P, c_int, c_char_p, c_size_t]),
    "swi_delivery_unset": (c_int, [_P, c_int]),
    "swi_delivery_has": (c_int, [_P, c_int]),
    "swi_delivery_file_name": (c_int, [_P, c_int, c_char_p, c_size_t]),
    # delivery.h: persons
    "swi_delivery_add_person": (c_int, [_PP, _P, c_char_p]),
    "swi_delivery_add_person_ints": (c_int, [_PP, _P, c_char_p, c_size_t, _i32p, _i32p]),
    "swi_delivery_add_batch": (c_int, [_P, c_size_t, _i32p, c_size_t, _i32p, _i32p,
                                       POINTER(c_size_t)]),
    "swi_delivery_last_kenmerk": (c_int, [_P]),
    "swi_delivery_find_person": (c_int, [_PP, _P, c_char_p]),
    "swi_delivery_person_count": (c_size_t, [_P]),
    "swi_delivery_first_person": (c_void_p, [_P]),
    "swi_person_next": (c_void_p, [_P]),
    "swi_person_remove": (c_int, [_P]),
    "swi_person_delivery": (c_void_p, [_P]),
    "swi_person_set_int": (c_int, [_P, c_int, c_int32]),
    "swi_person_set_date": (c_int, [_P, c_int, c_int, c_int, c_int]),
    "swi_person_set_text": (c_int, [_P, c_int, c_char_p]),
    "swi_person_set_ints": (c_int, [_P, c_size_t, _i32p, _i32p]),
    "swi_person_get_int": (c_int, [_P, c_int, _i32p]),
    "swi_person_get_text": (c_int, [_P, c_int, c_char_p, c_size_t]),
    "swi_person_unset": (c_int, [_P, c_int]),
    "swi_person_has": (c_int, [_P, c_int]),
    # delivery.h: records
    "swi_person_add_record": (c_int, [_PP, _P, c_int]),
    "swi_person_add_record_ints": (c_int, [_PP, _P, c_int, c_size_t, _i32p, _i32p]),
    "swi_person_record_count": (c_size_t, [_P, c_int]),
    "swi_person_first_record": (c_void_p, [_P, c_int]),
    "swi_record_next": (c_void_p, [_P]),
    "swi_record_remove": (c_int, [_P]),
    "swi_record_kind": (c_int, [_P]),
    "swi_record_person": (c_void_p, [_P]),
    "swi_record_set_int": (c_int, [_P, c_int, c_int32]),
    "swi_record_set_date": (c_int, [_P, c_int, c_int, c_int, c_int]),
    "swi_record_set_text": (c_int, [_P, c_int, c_char_p]),
    "swi_record_set_ints": (c_int, [_P, c_size_t, _i32p, _i32p]),
    "swi_record_get_int": (c_int, [_P, c_int, _i32p]),
    "swi_record_get_text": (c_int, [_P, c_int, c_char_p, c_size_t]),
    "swi_record_unset": (c_int, [_P, c_int]),
    "swi_record_has": (c_int, [_P, c_int]),
    # validate.h
    "swi_delivery_set_reference_date": (c_int, [_P, c_int32]),
    "swi_delivery_validate": (c_int, [_PP, _P, c_char_p, c_uint]),
    "swi_delivery_compare": (c_int, [_PP, _P, _P, c_uint]),
    "swi_report_free": (None, [_P]),
    "swi_report_count": (c_size_t, [_P]),
    "swi_report_count_severity": (c_size_t, [_P, c_int]),
    "swi_report_rule": (c_char_p, [_P, c_size_t]),
    "swi_report_severity": (c_int, [_P, c_size_t]),
    "swi_report_kenmerk": (c_int, [_P, c_size_t]),
    "swi_report_category": (c_int, [_P, c_size_t]),
    "swi_report_person": (c_int64, [_P, c_size_t]),
    "swi_report_record": (c_int64, [_P, c_size_t]),
    "swi_report_bsn": (c_char_p, [_P, c_size_t]),
    "swi_report_message": (c_char_p, [_P, c_size_t]),
    "swi_report_line": (c_int64, [_P, c_size_t]),
    "swi_rule_count": (c_size_t, []),
    "swi_rule_at": (c_int, [c_size_t, _cpp, POINTER(c_int), _cpp, _cpp, _cpp]),
    "swi_ruleset_for_year": (c_int, [c_int, c_int32, POINTER(c_int), POINTER(c_int)]),
    "swi_delivery_load_gemeenten": (c_int, [_P, c_int, c_char_p]),
    # write.h
    "swi_delivery_write_buffer": (c_int, [_PP, _P, c_uint]),
    "swi_delivery_write_fd": (c_int, [_P, c_uint, c_int]),
    "swi_delivery_write_dir": (c_int, [_P, c_uint, c_char_p, c_char_p, c_size_t]),
    "swi_schema_xsd": (c_int, [_PP]),
    # read.h
    "swi_read_file": (c_int, [_PP, _PP, c_char_p, c_char_p, c_uint]),
    "swi_read_buffer": (c_int, [_PP, _PP, c_void_p, c_size_t, c_char_p, c_uint]),
    # mirror.h
    "swi_delivery_mirror": (c_int, [_PP, _P]),
    "swi_mirror_free": (None, [_P]),
    "swi_mirror_persons": (c_size_t, [_P, c_int, c_int]),
    "swi_mirror_filled": (c_size_t, [_P, c_int]),
    "swi_mirror_pips": (c_size_t, [_P, c_int, c_int]),
    "swi_mirror_talks": (c_size_t, [_P]),
    "swi_mirror_fines": (c_size_t, [_P, c_int]),
    "swi_mirror_fine_amount": (c_int64, [_P, c_int]),
    "swi_mirror_json": (c_int, [_PP, _P]),
    "swi_mirror_html": (c_int, [_PP, _P]),
    "swi_mirror_html_source": (c_int, [_PP, _P, c_char_p, c_int32]),
    # diff.h
    "swi_delivery_diff": (c_int, [_PP, _P, _P, c_uint]),
    "swi_diff_free": (None, [_P]),
    "swi_diff_count": (c_size_t, [_P]),
    "swi_diff_entry_kind": (c_int, [_P, c_size_t]),
    "swi_diff_entry_kenmerk": (c_int, [_P, c_size_t]),
    "swi_diff_entry_category": (c_int, [_P, c_size_t]),
    "swi_diff_expected_person": (c_int64, [_P, c_size_t]),
    "swi_diff_actual_person": (c_int64, [_P, c_size_t]),
    "swi_diff_expected_record": (c_int64, [_P, c_size_t]),
    "swi_diff_actual_record": (c_int64, [_P, c_size_t]),
    "swi_diff_expected_value": (c_char_p, [_P, c_size_t]),
    "swi_diff_actual_value": (c_char_p, [_P, c_size_t]),
    "swi_diff_bsn": (c_char_p, [_P, c_size_t]),
    "swi_diff_message": (c_char_p, [_P, c_size_t]),
    "swi_diff_text": (c_int, [_PP, _P]),
    # generate.h
    "swi_generator_new": (c_int, [_PP]),
    "swi_generator_free": (None, [_P]),
    "swi_generator_set": (c_int, [_P, c_int, c_int64]),
    "swi_generator_get": (c_int, [_P, c_int, POINTER(c_int64)]),
    "swi_generator_last_message": (c_char_p, [_P]),
    "swi_generate": (c_int, [_PP, _P]),
    "swi_generate_persons": (c_int, [_P, _P]),
}


#: Functions that are also bound WITHOUT argtypes, as ``lib.unchecked.<name>``,
#: for the binding's hot paths (one person or record costs one or two calls;
#: ctypes' per-argument conversion would double that). Their prototypes are
#: still the entries above; callers pass exactly those types as ctypes objects
#: (c_void_p handles, c_size_t counts, byref out-parameters), Python ints only
#: for C int parameters, and bytes of packed int32 for ``const int32_t *``.
UNCHECKED = (
    "swi_delivery_add_person",
    "swi_delivery_add_person_ints",
    "swi_person_add_record_ints",
    "swi_person_add_record",
    "swi_person_set_ints",
    "swi_record_set_ints",
)


class _Unchecked:
    def __getattr__(self, name: str) -> Any:  # for type checkers: set in _Lib
        raise AttributeError(f"swi_{name} is not in UNCHECKED")


#: A handle as the typed functions accept it.
Handle = Optional[Union[c_void_p, int]]


class _Lib:
    """The loaded library with every function of :data:`PROTOTYPES` typed.

    Functions are attributes without the ``swi_`` prefix
    (``lib.delivery_new``); ``lib.cdll`` is the :class:`ctypes.CDLL`.
    """

    def __init__(self, path: str, origin: str = "") -> None:
        self.path = path
        self.cdll = ctypes.CDLL(path)
        _check_version(self.cdll, path, origin)  # before any newer symbol is bound
        for name, (restype, argtypes) in PROTOTYPES.items():
            fn = getattr(self.cdll, name)
            fn.restype = restype
            fn.argtypes = argtypes
            setattr(self, name[4:], fn)
        self.unchecked = _Unchecked()
        for name in UNCHECKED:
            fn = self.cdll[name]  # a new function object: the typed one keeps its argtypes
            fn.restype = PROTOTYPES[name][0]
            setattr(self.unchecked, name[4:], fn)

    def __getattr__(self, name: str) -> Any:  # for type checkers: functions are dynamic
        raise AttributeError(f"libswi has no function swi_{name} in the prototype table")


#: The oldest libswi this binding runs on: the release that added the newest
#: symbol of PROTOTYPES (the last node of lib/libswi.map, LIBSWI_0.2). A test
#: keeps it equal to that node and to the project version of meson.build.
REQUIRED_VERSION = (0, 2, 0)

#: A libswi bundled in the package (a wheel built with --config-settings libswi=...).
BUNDLED = os.path.join(os.path.dirname(os.path.abspath(__file__)), SONAME)


def _parse_version(text: str) -> tuple[int, ...]:
    parts = []
    for part in text.split(".")[:3]:
        digits = "".join(itertools.takewhile(str.isdigit, part))
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def _check_version(cdll: ctypes.CDLL, path: str, origin: str) -> None:
    """The version handshake: ONE clear ImportError for a too old libswi,
    before a missing symbol could be the first sign of it. swi_version()
    exists since libswi 0.1."""
    fn = cdll.swi_version
    fn.restype, fn.argtypes = c_char_p, []
    found = (fn() or b"").decode("ascii", "replace")
    parsed = _parse_version(found)
    if len(parsed) != 3 or parsed < REQUIRED_VERSION:
        need = ".".join(map(str, REQUIRED_VERSION))
        raise ImportError(f"libswi {found or '(no version)'} found, this binding needs >= {need} "
                          f"(loaded from {path}{origin}); install libswi >= {need} or set "
                          "SWI_LIBRARY to the path of a newer libswi.so.0")


def _candidates() -> list[tuple[str, str]]:
    """Where libswi is looked for, in this order (the first one that exists
    is loaded; it is not an error to skip an absent one):

    1. ``$SWI_LIBRARY`` when set and not empty: a path (or a name for the
       dynamic loader). An explicit choice wins, also over a bundled copy.
    2. ``swi/libswi.so.0`` inside the package: the copy a platform wheel carries.
    3. The system library by its SONAME ``libswi.so.0`` (``LD_LIBRARY_PATH``,
       the ld.so cache: ``meson install`` or a distribution package).
    """
    explicit = os.environ.get("SWI_LIBRARY")
    if explicit:
        return [(explicit, ", from SWI_LIBRARY")]
    out = []
    if os.path.isfile(BUNDLED):
        out.append((BUNDLED, ", the copy bundled in the swi package"))
    out.append((SONAME, ", the system library"))
    return out


def _load() -> _Lib:
    errors = []
    for path, origin in _candidates():
        try:
            return _Lib(path, origin)
        except OSError as e:
            errors.append(f"{path!r} ({e})")
    raise ImportError(
        f"swi: cannot load libswi from {'; nor from '.join(errors)}; install libswi or set "
        "SWI_LIBRARY to the path of libswi.so.0"
    )


lib = _load()


def strerror(code: int) -> str:
    return (lib.strerror(code) or b"").decode("utf-8", "replace")


def _decode(b: bytes | None) -> str:
    return b.decode("utf-8", "replace") if b else ""


def raise_error(code: int, dh: Handle = None, *, kenmerk: int = 0,
                message: str | None = None, io: type[_errors.Error] | None = None) -> NoReturn:
    """Raises the exception for status `code`.

    The message is the delivery's last message when the failing call recorded
    one in delivery `dh`, else :func:`strerror`. `kenmerk` (a kenmerk number)
    is attached to a :class:`ValueRefused`. `io` is the class for SWI_EIO
    (WriteError or ReadError).
    """
    if message is None:
        message = ""
        if dh and lib.delivery_last_error(dh) == code:
            message = _decode(lib.delivery_last_message(dh))
        if not message:
            message = strerror(code)
    cls = _errors.class_for(code, io)
    if issubclass(cls, _errors.ValueRefused):
        element = lib.kenmerk_element(kenmerk) if kenmerk > 0 else None
        raise cls(code, message, kenmerk=snake_case(element.decode()) if element else None,
                  kenmerk_number=kenmerk if element else None)
    raise cls(code, message)


def check(rc: int, dh: Handle = None, *, kenmerk: int = 0,
          io: type[_errors.Error] | None = None) -> None:
    """The one place where a libswi status code becomes an exception."""
    if rc != OK:
        raise_error(rc, dh, kenmerk=kenmerk, io=io)
