"""The app's own settings (設定): data folder, backups, language, text size, default city preset.

They belong to the computer, not to a data file, so they live in a small JSON file in the user's
config folder (``~/.config/kyodo-desktop/settings.json``, ``%LOCALAPPDATA%\\kyodo-desktop`` on
Windows; ``KYODO_DESKTOP_CONFIG_DIR`` overrides the folder, for tests and portable use). A missing
or unreadable file gives the defaults: the app must start whatever happened to its settings. The
file is read only when it is a regular file of at most :data:`MAX_SETTINGS_BYTES` (a named pipe or
a link to a device would block the start or fill the memory), UTF-8 with or without the BOM
Notepad writes; a value of the wrong type, with control characters or naming something that is
not a folder is dropped (:func:`load_settings_reporting` says which, for the window to show).
"""

from __future__ import annotations

import json
import os
import stat
import unicodedata
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from platformdirs import user_config_path

from kyodo_desktop import APP_NAME, fileops, paths
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.fileops import make_private
from kyodo_desktop.i18n import LANGUAGES, N_, _

CONFIG_ENV = "KYODO_DESKTOP_CONFIG_DIR"
SETTINGS_NAME = "settings.json"
#: How many automatic backups are kept at least / at most / by default.
MIN_BACKUPS, MAX_BACKUPS, DEFAULT_BACKUPS = 1, 100, 10
#: Text sizes of the large-text mode: code → (English label msgid, factor on the base font size).
TEXT_SIZES = {
    "normal": (N_("Normal"), 1.0),
    "large": (N_("Large"), 1.25),
    "extra_large": (N_("Extra large"), 1.5),
}
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}
#: The largest settings file read (it holds six short values).
MAX_SETTINGS_BYTES = 64 * 1024
#: The longest folder path kept in the settings (Windows' long paths stay well below).
MAX_FOLDER_CHARS = 4096


@dataclass(frozen=True)
class Settings:
    """The 設定 of this computer.

    ``data_folder``: where the default data file ``kyodo.sqlite3`` lives ("" = the platform's user
    data folder); ``backup_count``: automatic backups kept (1–100); ``backup_folder``: where they
    go ("" = ``backups/`` beside the data file); ``language``: "ja" or "en"; ``text_size``: a key
    of :data:`TEXT_SIZES`; ``default_city_preset``: the preset code new councils get.
    """

    data_folder: str = ""
    backup_count: int = DEFAULT_BACKUPS
    backup_folder: str = ""
    language: str = "ja"
    text_size: str = "normal"
    default_city_preset: str = "yamaguchi"

    @property
    def text_scale(self) -> float:
        """The factor on the base font size of :attr:`text_size` (1.0, 1.25 or 1.5)."""
        return TEXT_SIZES.get(self.text_size, TEXT_SIZES["normal"])[1]

    def data_dir(self) -> Path:
        """The data folder in use (the configured one, or the platform default)."""
        return Path(self.data_folder).expanduser() if self.data_folder else paths.data_dir()

    def default_db_path(self) -> Path:
        """The data file opened when no ``--db`` is given: ``<data folder>/kyodo.sqlite3``."""
        return self.data_dir() / paths.DEFAULT_DB_NAME

    def backup_dir(self, db_path: Path) -> Path:
        """Where the automatic backups of ``db_path`` go."""
        if self.backup_folder:
            return Path(self.backup_folder).expanduser()
        return Path(db_path).expanduser().resolve().parent / "backups"


def config_dir() -> Path:
    """The folder of ``settings.json`` (``$KYODO_DESKTOP_CONFIG_DIR`` when set)."""
    override = os.environ.get(CONFIG_ENV)
    return Path(override) if override else user_config_path(APP_NAME, appauthor=False)


def settings_path() -> Path:
    """Path of the settings file."""
    return config_dir() / SETTINGS_NAME


def validate(settings: Settings) -> Settings:
    """Return ``settings`` when every value is usable.

    Raises ValidationError (``field`` set, Japanese message) for a backup count outside 1–100,
    an unknown language, text size or city preset, and a data folder on a network drive, in a
    synced folder (OneDrive, Dropbox …) or on a removable drive (the backup folder may be there).
    """
    from kyodo_desktop.services.council.presets import list_presets

    for name in ("data_folder", "backup_folder", "language", "text_size",
                 "default_city_preset"):
        _check_text(name, getattr(settings, name))
    count = settings.backup_count
    if not isinstance(count, int) or isinstance(count, bool) or not (
            MIN_BACKUPS <= count <= MAX_BACKUPS):
        raise ValidationError(_("Keep between {low} and {high} backups.").format(
            low=MIN_BACKUPS, high=MAX_BACKUPS), field="backup_count")
    if settings.language not in LANGUAGES:
        raise ValidationError(_("Choose a language from the list."), field="language")
    if settings.text_size not in TEXT_SIZES:
        raise ValidationError(_("Choose a text size from the list."), field="text_size")
    if settings.default_city_preset not in {p["code"] for p in list_presets()}:
        raise ValidationError(_("Choose a city from the list."), field="default_city_preset")
    if settings.data_folder:
        try:
            fileops.refuse_live_place(Path(settings.data_folder).expanduser())
        except fileops.UnsafePlace as refused:
            raise ValidationError(refused.message, field="data_folder",
                                  detail=refused.detail) from refused
    for name in ("data_folder", "backup_folder"):
        _check_folder_kind(name, getattr(settings, name))
    return settings


def _check_text(name: str, value: object) -> None:
    """ValidationError unless ``value`` is a text of printable characters, not too long."""
    if not isinstance(value, str) or len(value) > MAX_FOLDER_CHARS or any(
            unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in value):
        raise ValidationError(_("This value cannot be used (wrong kind of value, control "
                                "characters or too long)."), field=name)


def _check_folder_kind(name: str, folder: str) -> None:
    """ValidationError when ``folder`` names something that exists and is not a folder (a file,
    /dev/zero, a named pipe)."""
    if not folder:
        return
    path = Path(folder).expanduser()
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except (OSError, ValueError):
        exists, is_dir = True, False
    if exists and not is_dir:
        raise ValidationError(_("{path} is not a folder. Choose a folder.").format(path=path),
                              field=name)


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings (defaults for anything missing, unreadable or invalid; never raises)."""
    return load_settings_reporting(path)[0]


def load_settings_reporting(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The settings (as :func:`load_settings`) and what was dropped: one Japanese sentence for
    an unreadable file, or one per value not used (empty when all was well or the file is
    missing). Never raises and never waits: see the module docstring."""
    path = path or settings_path()
    try:
        data = json.loads(_read_settings_file(path))
    except FileNotFoundError:
        return Settings(), []
    except (OSError, ValueError, RecursionError):
        return Settings(), [_("The settings file {path} could not be read; the default "
                              "settings are used. Set them again in 設定.").format(path=path)]
    if not isinstance(data, dict):
        return Settings(), [_("The settings file {path} could not be read; the default "
                              "settings are used. Set them again in 設定.").format(path=path)]
    known = {f.name: data[f.name] for f in fields(Settings) if f.name in data}
    settings, dropped = Settings(), []
    for name, value in known.items():  # keep each good value, drop each bad one
        candidate = replace(settings, **{name: value})
        try:
            settings = validate(candidate)
        except (UserError, TypeError, ValueError, OSError):
            dropped.append(name)
    if dropped:
        return settings, [_("Some settings in {path} could not be used ({names}); their "
                            "defaults are used. Check them in 設定.").format(
            path=path, names=", ".join(dropped))]
    return settings, []


def _read_settings_file(path: Path) -> str:
    """The text of the settings file; OSError (FileNotFoundError when missing) for anything
    but a regular file, ValueError when too large or not UTF-8."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise OSError(f"not a regular file: {path}")
    if info.st_size > MAX_SETTINGS_BYTES:
        raise ValueError(f"too large: {info.st_size} bytes")
    with open(path, "rb") as handle:
        data = handle.read(MAX_SETTINGS_BYTES + 1)
    if len(data) > MAX_SETTINGS_BYTES:
        raise ValueError("too large")
    return data.decode("utf-8-sig")


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Validate and write ``settings`` (atomically, owner-only); return the file's path.

    Raises ValidationError for a bad value, UserError when the file cannot be written.
    """
    validate(settings)
    path = path or settings_path()
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2),
                           encoding="utf-8")
        make_private(partial)
        fileops.replace(partial, path)
    except OSError as error:
        raise UserError(_("The settings could not be saved to {path}: {reason}").format(
            path=path, reason=error.strerror or error), detail=str(error)) from error
    return path


def check_folder(folder: Path | str) -> Path:
    """Return ``folder`` (created when missing) after checking that files can be written there.

    Raises UserError (Japanese) when it cannot be created or written (read-only, no access).
    """
    folder = Path(folder).expanduser()
    probe = folder / ".kyodo-write-test"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        fileops.unlink(probe, shown=folder)
    except OSError as error:
        raise UserError(_("Files cannot be saved in the folder {path}. Choose a folder you can "
                          "write to.").format(path=folder), detail=str(error)) from error
    return folder
