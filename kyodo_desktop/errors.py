"""Error kinds shared by every layer.

:class:`UserError` is what a user can act on (bad input, a locked or too-new file, a full disk):
its ``message`` is plain, translated Japanese and the UI shows it as it is. Anything else that
escapes is a bug: the UI shows one apologetic dialog and logs the traceback.
"""

from __future__ import annotations

import errno
from os import PathLike

from kyodo_desktop.i18n import N_, _


class UserError(Exception):
    """An error the user can act on; ``message`` is already translated for display."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError, ValueError):
    """Input that cannot be accepted (an amount, a date, a name …); ``field`` names the input."""

    def __init__(self, message: str, *, field: str = "", detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.field = field


#: Plain reasons for the commonest system errors when writing a file (errno → English msgid).
_WRITE_REASONS = {
    errno.ENOENT: N_("the folder does not exist"),
    errno.EACCES: N_("there is no permission to write there, or the file is open in another "
                     "program such as Excel"),
    errno.EPERM: N_("there is no permission to write there"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EROFS: N_("the disk or USB stick is read-only"),
    errno.EISDIR: N_("a folder has that name"),
    errno.ENAMETOOLONG: N_("the file name is too long"),
}


def write_error(path: PathLike | str, error: OSError) -> UserError:
    """The UserError of a file that could not be written (open in Excel, no permission, disk
    full …): its Japanese message names ``path`` and the reason in plain words (the system's own
    text for a rare error)."""
    reason = _WRITE_REASONS.get(error.errno)
    return UserError(_("The file {path} could not be written: {reason}").format(
        path=path, reason=_(reason) if reason else (error.strerror or error)),
        detail=str(error))


def file_error(error: OSError) -> UserError:
    """The UserError of a file the system refused to open, read or write where no caller said
    what it was doing (a name too long, no permission …): the file's name and the reason in
    plain words."""
    reason = _WRITE_REASONS.get(error.errno)
    return UserError(_("The file {path} could not be used: {reason}").format(
        path=error.filename or "", reason=_(reason) if reason else (error.strerror or error)),
        detail=str(error))
