"""Owner-only data folders, on Windows too.

POSIX: every file the app creates is 0600 (``restrict_new_files``/``create_private`` in
store/backup.py), so the folder is left as the user set it. Windows has no file modes: a folder inside the user profile (``%USERPROFILE%``, where the app's
default ``%LOCALAPPDATA%\\kyodo-desktop`` lives) is private to the account already, but a folder
the office moved to ``C:\\kyodo`` inherits "Authenticated Users: Modify", so every account of
the PC can read the residents' names and phone numbers. :func:`protect_data_folder` then replaces
the folder's inherited permissions with the current account and SYSTEM only, through
``icacls`` run with a fixed argument list (no shell), and refuses the folder when that fails.

Source of the rule: 個人情報保護法 第23条 (安全管理措置); the city's guidance on 名簿 asks
associations to keep member lists where only the people in charge can read them.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Mapping
from pathlib import PureWindowsPath

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _

#: SYSTEM's well-known SID (icacls accepts ``*SID``; names differ by Windows language).
SYSTEM_SID = "*S-1-5-18"


def inside_user_profile(folder: str | os.PathLike, environ: Mapping[str, str]) -> bool:
    """True when ``folder`` (a Windows path) lies inside ``%USERPROFILE%``."""
    profile = environ.get("USERPROFILE", "")
    if not profile:
        return False
    path = PureWindowsPath(os.fspath(folder))
    home = PureWindowsPath(profile)
    parts, home_parts = [p.lower() for p in path.parts], [p.lower() for p in home.parts]
    return parts[:len(home_parts)] == home_parts


def icacls_arguments(folder: str | os.PathLike, environ: Mapping[str, str]) -> list[str]:
    """The ``icacls`` command that makes ``folder`` (and what it will hold) owner-only: remove
    inherited entries, then grant full control to the current account and SYSTEM."""
    system_root = environ.get("SystemRoot", r"C:\Windows")
    account = environ.get("USERNAME", "")
    domain = environ.get("USERDOMAIN", "")
    user = f"{domain}\\{account}" if domain else account
    return [str(PureWindowsPath(system_root, "System32", "icacls.exe")), os.fspath(folder),
            "/inheritance:r", "/grant:r", f"{user}:(OI)(CI)F", "/grant:r",
            f"{SYSTEM_SID}:(OI)(CI)F", "/Q"]


def protect_data_folder(folder: str | os.PathLike, *, os_name: str | None = None,
                        environ: Mapping[str, str] | None = None,
                        run: Callable[..., subprocess.CompletedProcess] = subprocess.run) -> str:
    """Make the data folder readable by this account only; return what was done
    (``"posix"``: files are owner-only already, ``"profile"``: Windows keeps it private already,
    ``"acl"``: the folder's permissions were replaced).

    Raises UserError (the folder is refused) when Windows' permissions cannot be set, e.g. on a
    FAT/exFAT USB stick, which has none.
    """
    os_name = os_name or os.name
    environ = os.environ if environ is None else environ
    if os_name != "nt":
        return "posix"
    if inside_user_profile(folder, environ):
        return "profile"
    try:
        # bytes: icacls writes in the console's code page (cp932 on a Japanese Windows), which
        # Python's UTF-8 mode (PYTHONUTF8=1) cannot decode; only the exit code is used
        result = run(icacls_arguments(folder, environ), capture_output=True, timeout=30,
                     check=False)
    except (OSError, subprocess.SubprocessError):
        result = None
    if result is None or result.returncode != 0:
        raise UserError(_(
            "The folder {folder} could not be made private to your Windows account, so "
            "others using this PC could read the residents' data. Keep the data file in your "
            "own user folder (the app's default), or ask the PC's administrator to allow it. "
            "A USB stick (FAT/exFAT) cannot hold the data file; use it for backups.").format(
            folder=folder))
    return "acl"


__all__ = ["inside_user_profile", "icacls_arguments", "protect_data_folder"]
