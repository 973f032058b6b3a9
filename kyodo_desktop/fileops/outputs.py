"""Every file the app writes for a user — PDFs, Excel exports, backups, handover packages — goes
through :func:`check_output` and :func:`atomic_output`:

* the target is refused when it is the open data file (also through a hard link), any SQLite
  database (a kyodo-desktop data file or backup, or another program's), SQLite's ``-wal``/
  ``-shm``/``-journal`` or the app's ``.lock`` beside a database, or a backup by its name
  (``.before-vN-…``, ``-auto-…``, ``-before-restore-…``), so a mistyped ``-o`` never destroys data;
  a folder (or a link to one) is refused before any work, never replaced by a file;
* the content is written to an owner-only temporary file in the same folder, fsynced, then renamed
  over the target: a full disk or a crash leaves the old file whole, never a truncated PDF/xlsx.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from kyodo_desktop.errors import UserError, write_error
from kyodo_desktop.fileops.private import SQLITE_COMPANIONS, make_private, sync_folder
from kyodo_desktop.fileops.retry import replace
from kyodo_desktop.i18n import _

#: ``PRAGMA application_id`` of a kyodo-desktop file: "KYOD" in ASCII (bytes 68–71 of the file).
APPLICATION_ID = 0x4B594F44
SQLITE_HEADER = b"SQLite format 3\x00"
#: Names of the files kept beside a database: SQLite's companions and the app's lock.
COMPANIONS = (*SQLITE_COMPANIONS, ".lock")
#: Names of backups (services.backup.automatic and store.database.backup_before_migration).
#: Characters Windows refuses in a file name, and its device names (CON, NUL, COM1 …, with any
#: extension): a file written for a user must open on any Windows PC.
_WINDOWS_REFUSED = re.compile(r'[<>:"|?*]')
_DEVICE = re.compile(r"(?i)(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM\d|LPT\d)(\.|$)")
#: The longest file name (characters) Windows and Linux keep.
MAX_NAME = 255
BACKUP_NAME = re.compile(r"(\.before-v\d+-\d+|-auto-\d{8}-\d{6}|-before-restore-\d{8}-\d{6})"
                         r"\.sqlite3$")


def read_header(path: Path | str) -> bytes:
    """The first 100 bytes of a file (b"" when it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(100)
    except OSError:
        return b""


def is_sqlite_file(path: Path | str) -> bool:
    """True when the file starts with SQLite's header."""
    return read_header(path).startswith(SQLITE_HEADER)


def is_kyodo_file(path: Path | str) -> bool:
    """True when the file is a kyodo-desktop database (SQLite header, application id "KYOD")."""
    header = read_header(path)
    return header.startswith(SQLITE_HEADER) and header[68:72] == APPLICATION_ID.to_bytes(4, "big")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _database_of_companion(path: Path) -> Path | None:
    """The database a ``-wal``/``-shm``/``-journal``/``.lock`` file belongs to, when it exists."""
    for suffix in COMPANIONS:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            base = path.with_name(path.name[: -len(suffix)])
            if base.exists() or path.exists():
                return base
    return None


def shown_name(text: str) -> str:
    """``text`` safe to print: control and format characters (ESC, a newline …) become 「?」."""
    return "".join("?" if unicodedata.category(c) in ("Cc", "Cf") else c for c in str(text))


def file_name_part(text: str, fallback: str) -> str:
    """``text`` (a council, 地域 or plan name) as part of a suggested file name: control and
    format characters (a bidi override that would show 「…fdp.exe」 as 「…exe.pdf」) dropped,
    folder separators, the characters Windows refuses and runs of blanks as 「_」, no dots or
    「_」 at either end (so never 「..」), a device name (CON) prefixed with 「_」; ``fallback``
    when nothing is left."""
    kept = "".join(c for c in str(text) if unicodedata.category(c) not in ("Cc", "Cf", "Cs"))
    part = re.sub(r'[\\/:*?"<>|\s]+', "_", kept).strip("._ ")[:MAX_NAME // 2]
    return ("_" + part if _DEVICE.match(part) else part) or fallback


def _check_name(target: Path) -> None:
    """Refuse a file name no Windows PC could keep (UserError naming it)."""
    name = target.name
    if (any(unicodedata.category(c) in ("Cc", "Cf") for c in name)
            or _WINDOWS_REFUSED.search(name) or _DEVICE.match(name)
            or name != name.rstrip(". ")):
        raise UserError(_("「{name}」 cannot be used as a file name (control characters, "
                          "< > : \" | ? *, a name such as CON or NUL, or a space or dot at the "
                          "end): choose another file name.").format(name=shown_name(name)))
    if len(name) > MAX_NAME:
        raise _too_long(target)


def _too_long(target: Path) -> UserError:
    return UserError(_("The file name is too long: shorten it and try again ({path}).")
                     .format(path=shown_name(target)))


def check_output(path: Path | str, *, open_data: Path | str | None = None,
                 may_replace: Callable[[Path], bool] | None = None) -> Path:
    """Return ``path`` (user-expanded) when a new file may be written there.

    ``open_data`` is the data file open now; ``may_replace(path)`` may allow replacing an
    existing kyodo-desktop file the caller itself wrote (an older handover package).
    Raises UserError (Japanese, naming the file) for the open data file, a database, a backup or
    a database's companion file, and for a name no Windows PC could keep or the system refuses as
    too long (:func:`_check_name`).
    """
    target = Path(path).expanduser()
    _check_name(target)
    try:
        return _check_target(target, open_data, may_replace)
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            raise _too_long(target) from error
        raise write_error(target, error) from error


def _check_target(target: Path, open_data: Path | str | None,
                  may_replace: Callable[[Path], bool] | None) -> Path:
    if open_data is not None and _same_file(target, Path(open_data)):
        raise UserError(_("{path} is the data file that is open now. Writing there would destroy "
                          "the data: choose another file name.").format(path=target))
    base = _database_of_companion(target)
    if base is not None:
        raise UserError(_("{path} is a working file of the data file {data} and must not be "
                          "overwritten: choose another file name.").format(path=target, data=base))
    if not target.exists():
        return target
    if target.is_dir():  # also through a link: replacing the link would lose the way there
        raise UserError(_("{path} is a folder. Give the name of the file to write in it (for "
                          "example {example}).").format(path=target,
                                                        example=target / "output.pdf"))
    kyodo = is_kyodo_file(target)
    if kyodo and may_replace is not None and may_replace(target):
        return target
    if kyodo or is_sqlite_file(target) or BACKUP_NAME.search(target.name):
        raise UserError(_("{path} is a data file or a backup (a database). It is not overwritten: "
                          "choose another file name.").format(path=target))
    return target


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


@contextlib.contextmanager
def atomic_output(path: Path | str, *, open_data: Path | str | None = None,
                  may_replace: Callable[[Path], bool] | None = None) -> Iterator[Path]:
    """Check ``path`` (:func:`check_output`) and yield an owner-only temporary file in the same
    folder to write; when the block ends without error it is fsynced and renamed to ``path``.

    The old file stays whole when anything fails; the temporary file is always removed.
    Raises UserError naming ``path`` (write_error for a full disk, no permission …, FileBusy when
    another program holds the target); errors of other kinds from the block pass through.
    """
    target = check_output(path, open_data=open_data, may_replace=may_replace)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial",
                                        dir=target.parent or ".")
        os.close(handle)
    except OSError as error:
        raise write_error(target, error) from error
    temporary = Path(name)
    try:
        yield temporary
        make_private(temporary)
        _fsync(temporary)
        replace(temporary, target, shown=target)
        sync_folder(target.parent)
    except OSError as error:
        raise write_error(target, error) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def write_with(path: Path | str, writer: Callable[[Path], object], *,
               open_data: Path | str | None = None) -> Path:
    """Let ``writer(temporary_path)`` write the file (``workbook.save`` …), then put it at
    ``path`` atomically and owner-only; return the path. Raises UserError as
    :func:`atomic_output`."""
    with atomic_output(path, open_data=open_data) as temporary:
        writer(temporary)
    return Path(path).expanduser()


def write_bytes(path: Path | str, data: bytes, *, open_data: Path | str | None = None) -> Path:
    """Write ``data`` (a PDF …) to ``path`` atomically and owner-only; return the path.
    Raises UserError as :func:`atomic_output`."""
    return write_with(path, lambda temporary: temporary.write_bytes(data), open_data=open_data)
