"""Passphrases on the command line: ``--encrypt`` for ``backup`` and ``handover-export``, and the
passphrase of an encrypted file for ``restore`` and ``handover-import``.

The passphrase never goes on the command line itself (it would stay in the shell's history and
the process list): it is read from ``--passphrase-file FILE`` (first line), from the environment
variable :data:`ENV_VAR` (for scripts), or asked with ``getpass`` on a terminal — twice when a
file is encrypted, so a typing mistake cannot lock the data away.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _

ENV_VAR = "KYODO_PASSPHRASE"


def add_passphrase_file_option(parser: argparse.ArgumentParser) -> None:
    """``--passphrase-file FILE``."""
    parser.add_argument("--passphrase-file", metavar=_("FILE"), help=_(
        "Read the passphrase from the first line of this file (or set {env}; on a terminal it "
        "is asked).").format(env=ENV_VAR))


def add_encrypt_options(parser: argparse.ArgumentParser) -> None:
    """``--encrypt`` and ``--passphrase-file FILE``."""
    parser.add_argument("--encrypt", action="store_true", help=_(
        "Encrypt the file with a passphrase, so that a lost USB stick leaks nothing."))
    add_passphrase_file_option(parser)


def _given(args: argparse.Namespace) -> str | None:
    if getattr(args, "passphrase_file", None):
        path = Path(args.passphrase_file).expanduser()
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise UserError(_("The passphrase file {path} cannot be read.").format(path=path),
                            detail=str(error)) from error
        return lines[0] if lines else ""
    return os.environ.get(ENV_VAR)


def _on_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def passphrase_for_writing(args: argparse.Namespace) -> str | None:
    """The passphrase to encrypt with (None without ``--encrypt``). Raises UserError when none
    is given and there is no terminal to ask on, or the two entries differ."""
    if not args.encrypt:
        return None
    given = _given(args)
    if given is not None:
        return given
    if not _on_terminal():
        raise UserError(_("--encrypt needs a passphrase: give --passphrase-file FILE or set "
                          "{env}.").format(env=ENV_VAR))
    first = getpass.getpass(_("Passphrase: "))
    if getpass.getpass(_("Passphrase again: ")) != first:
        raise UserError(_("The two passphrases differ. Nothing was written."))
    return first


def passphrase_for_reading(args: argparse.Namespace, path: Path) -> str | None:
    """The passphrase of ``path`` when it is encrypted (None when it is not). Raises UserError
    when none is given and there is no terminal to ask on."""
    from kyodo_desktop.services.backup.encryption import is_encrypted

    if not is_encrypted(path):
        return None
    given = _given(args)
    if given is not None:
        return given
    if not _on_terminal():
        raise UserError(_("The file {path} is encrypted: give its passphrase with "
                          "--passphrase-file FILE or {env}.").format(path=path, env=ENV_VAR))
    return getpass.getpass(_("Passphrase of {name}: ").format(name=path.name))
