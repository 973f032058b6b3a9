"""Error kinds shared by every layer.

:class:`UserError` is what a user can act on (bad input, a locked or too-new file, a full disk):
its ``message`` is plain, translated Japanese and the UI shows it as it is. Anything else that
escapes is a bug: the UI shows one apologetic dialog and logs the traceback.
"""

from __future__ import annotations

from os import PathLike

from kyodo_desktop.i18n import _


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


def write_error(path: PathLike | str, error: OSError) -> UserError:
    """The UserError of a file that could not be written (open in Excel, no permission, disk
    full …): its Japanese message names ``path`` and the system's reason."""
    return UserError(_("The file {path} could not be written: {reason}").format(
        path=path, reason=error.strerror or error))
