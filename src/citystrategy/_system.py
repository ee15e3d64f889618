"""Why the operating system refused something (a file not read or not written), in words.

The C library's own words (``os.strerror``) are English whatever the locale, so the common
reasons a file cannot be read or written are messages of the catalogue; any other reason is
worded by its ``errno`` name in a sentence of the catalogue, so that a Polish text never shows
English:

>>> from citystrategy import _i18n
>>> reason = os_reason(PermissionError(13, "Permission denied"))
>>> str(reason), reason.render(CatalogueWords("pl"))
('permission denied', 'brak uprawnień')
>>> import errno
>>> rare = os_reason(OSError(errno.ENOTRECOVERABLE, "State not recoverable"))
>>> str(rare)
"the system refused the operation (ENOTRECOVERABLE: 'State not recoverable')"
>>> rare.render(CatalogueWords("pl"))
'system odmówił wykonania operacji (błąd ENOTRECOVERABLE)'
"""

from __future__ import annotations

import errno
from decimal import Decimal
from typing import Final

from citystrategy import _i18n
from citystrategy._i18n import N_
from citystrategy.errors import Message

__all__ = ["CatalogueWords", "os_reason"]

#: The reasons a file cannot be read or written that the catalogue words, by ``errno``.
_REASONS: Final[dict[int, str]] = {
    errno.ENOSPC: N_("no space left on the device"),
    errno.EDQUOT: N_("the disk quota is exceeded"),
    errno.EFBIG: N_("the file is too large"),
    errno.EIO: N_("input/output error"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("the operation is not permitted"),
    errno.EROFS: N_("the file system is read-only"),
    errno.ENOENT: N_("no such file or folder"),
    errno.ENOTDIR: N_("not a folder"),
    errno.EISDIR: N_("a folder, not a file"),
    errno.EEXIST: N_("it exists already"),
    errno.ENOTEMPTY: N_("the folder is not empty"),
    errno.EBUSY: N_("the device or resource is busy"),
    errno.ENAMETOOLONG: N_("the file name is too long"),
    errno.ELOOP: N_("too many levels of symbolic links"),
    errno.EMFILE: N_("too many open files"),
    errno.ENFILE: N_("too many open files in the system"),
    errno.EXDEV: N_("a link across file systems is not possible"),
    errno.ETXTBSY: N_("the file is in use"),
    errno.EPIPE: N_("the reader has closed the pipe"),
    errno.ENOMEM: N_("not enough memory"),
    errno.EINVAL: N_("an invalid argument"),
    errno.EAGAIN: N_("the resource is temporarily unavailable"),
    errno.ETIMEDOUT: N_("the connection timed out"),
    errno.ECONNREFUSED: N_("the connection was refused"),
    errno.ECONNRESET: N_("the connection was reset"),
    errno.ENETUNREACH: N_("the network is unreachable"),
    errno.EHOSTUNREACH: N_("the host is unreachable"),
}


def os_reason(error: OSError) -> Message:
    """Why *error* happened, as a message of the catalogue (without the file it concerns)."""
    code = error.errno
    if code is not None and code in _REASONS:
        return Message(_REASONS[code])
    name = "?" if code is None else errno.errorcode.get(code, str(code))
    values = {"name": name, "description": error.strerror or str(error)}
    return Message(N_("the system refused the operation ({name}: {description!r})"), values)


class CatalogueWords:
    """The words of the catalogue of *locale*, figures as Python writes them (for the command,
    which shows no figures in these messages and imports no formatting)."""

    def __init__(self, locale: str) -> None:
        self._locale = locale

    def gettext(self, message: str) -> str:
        """*message* in the language of the locale."""
        return _i18n.gettext(message, self._locale)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form that agrees with *count* in the language of the locale."""
        return _i18n.ngettext(singular, plural, count, self._locale)

    def number(self, value: Decimal) -> str:
        """*value* as Python writes it."""
        return str(value)
