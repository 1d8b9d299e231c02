"""Exceptions of the binding. Every libswi status code maps to one class
(:func:`class_for`); the conversion itself happens in ``_clib.check``.

Hierarchy::

    Error                      .code (SWI_E*), .message
    +-- ValueRefused           (also ValueError) a value Table 2 forbids; .kenmerk
    +-- DuplicateBsn           (also ValueError) the BSN is already in the delivery
    +-- NotFound               (also KeyError)   no person with that BSN
    +-- InvalidDelivery        validation errors (EINVALID) or a missing required kenmerk (EINCOMPLETE)
    +-- FileError              (also OSError)    SWI_EIO
    |   +-- WriteError
    |   +-- ReadError
    |   +-- DataFileError      a malformed municipality list (SWI_EDATAFILE)
    +-- OutOfMemory            (also MemoryError) SWI_ENOMEM
    +-- KenmerkError           (also ValueError) unknown kenmerk, or one of another record kind
    +-- InvalidArgument        (also ValueError) SWI_EINVAL, SWI_EREQUIRED
    +-- Unsupported            not compiled in (SWI_EUNSUPPORTED) or no ruleset for the year (SWI_EYEAR)
    +-- StaleHandle            the delivery was closed (SWI_EINVAL), or the person/record
                               was removed (SWI_EREMOVED)
"""

from __future__ import annotations

__all__ = [
    "Error",
    "ValueRefused",
    "DuplicateBsn",
    "NotFound",
    "InvalidDelivery",
    "FileError",
    "WriteError",
    "ReadError",
    "DataFileError",
    "OutOfMemory",
    "KenmerkError",
    "InvalidArgument",
    "Unsupported",
    "StaleHandle",
    "class_for",
]


class Error(Exception):
    """A libswi error: `code` is the negative SWI_E* status, `message` the
    library's (Dutch) message or the English :func:`swi.strerror` text."""

    code: int
    message: str

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_rebuild, (type(self), self.code, self.message, dict(self.__dict__)))


def _rebuild(cls: type[Error], code: int, message: str, state: dict[str, object]) -> Error:
    e = cls.__new__(cls)
    Error.__init__(e, code, message)
    e.__dict__.update(state)
    return e


class ValueRefused(Error, ValueError):
    """A setter refused a value (SWI_EFORMAT, EDATE, ECODE, ERANGE, ECHARSET,
    ETOOLONG, EBSN). `kenmerk` is the Python name of the kenmerk
    (``"geslacht"``) and `kenmerk_number` its number, when known."""

    kenmerk: str | None
    kenmerk_number: int | None

    def __init__(self, code: int, message: str, *, kenmerk: str | None = None,
                 kenmerk_number: int | None = None) -> None:
        super().__init__(code, message)
        self.kenmerk = kenmerk
        self.kenmerk_number = kenmerk_number


class DuplicateBsn(Error, ValueError):
    """That BSN is already in the delivery (SWI_EDUPLICATE)."""


class NotFound(Error, KeyError):
    """No person with that BSN (SWI_ENOTFOUND)."""


class InvalidDelivery(Error):
    """The delivery has validation errors (SWI_EINVALID) or lacks a kenmerk
    the schema requires (SWI_EINCOMPLETE); see Delivery.validate()."""


class FileError(Error, OSError):
    """Reading or writing a file or descriptor failed (SWI_EIO)."""


class WriteError(FileError):
    """Writing the delivery failed (SWI_EIO)."""


class ReadError(FileError):
    """Reading a file failed (SWI_EIO)."""


class OutOfMemory(Error, MemoryError):
    """An allocation in libswi failed (SWI_ENOMEM); nothing was changed."""


class KenmerkError(Error, ValueError):
    """No such kenmerk (SWI_EKENMERK), or it belongs to another record kind
    (SWI_ECATEGORY)."""


class InvalidArgument(Error, ValueError):
    """An unusable argument (SWI_EINVAL), or a kenmerk that cannot be unset
    (SWI_EREQUIRED)."""


class Unsupported(Error):
    """Not compiled into this libswi (SWI_EUNSUPPORTED, e.g. zip), or no
    ruleset for the statistiekjaar (SWI_EYEAR)."""


class DataFileError(FileError):
    """A data file libswi reads (a municipality list, doc/years.md) is
    malformed; the message names the file and the line (SWI_EDATAFILE)."""


class StaleHandle(Error):
    """The object can no longer be used: its delivery was closed (`code` is
    SWI_EINVAL), or the person or record was removed (`code` is
    SWI_EREMOVED, whether the binding or libswi noticed it)."""


_BY_CODE: dict[int, type[Error]] = {
    -1: OutOfMemory,
    -2: InvalidArgument,
    -3: KenmerkError,
    -4: KenmerkError,
    -5: ValueRefused,
    -6: ValueRefused,
    -7: ValueRefused,
    -8: ValueRefused,
    -9: ValueRefused,
    -10: ValueRefused,
    -11: ValueRefused,
    -12: DuplicateBsn,
    -14: NotFound,
    -16: FileError,
    -17: InvalidDelivery,
    -18: InvalidDelivery,
    -19: Unsupported,
    -20: InvalidArgument,
    -21: Unsupported,
    -22: StaleHandle,
    -23: DataFileError,
}


def class_for(code: int, io: type[Error] | None = None) -> type[Error]:
    """The exception class for a status code (`io` replaces FileError for SWI_EIO)."""
    cls = _BY_CODE.get(code, Error)
    if cls is FileError and io is not None:
        return io
    return cls
