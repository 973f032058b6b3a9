"""Where a file lives: on this PC's own disk, or on a network drive or share, in a folder a sync
program copies about (OneDrive, Dropbox, Google Drive, iCloud), or on a removable drive.

SQLite's WAL journal needs shared memory between the processes of one computer; on a network file
system it does not work, and sync programs copy a live database half-written. So the live data
file must be on this PC's own disk; backups and handover packages (one self-contained file each,
journal mode DELETE) may go anywhere. Detection:

* Windows: a UNC path (``\\\\server\\share``) or ``GetDriveTypeW`` = DRIVE_REMOTE / DRIVE_REMOVABLE;
* Linux: the file system type of the mount holding the path (``/proc/mounts``): nfs, cifs, smb …;
  a mount under ``/media``, ``/run/media`` or ``/mnt`` of a block device whose disk says
  ``/sys/block/<disk>/removable`` = 1 is a removable drive;
* everywhere: the ``%OneDrive%`` folders and path parts named OneDrive, Dropbox, Google Drive,
  iCloud Drive.
"""

from __future__ import annotations

import ntpath
import os
import re
from dataclasses import dataclass
from pathlib import Path

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _

LOCAL, NETWORK, SYNCED, REMOVABLE = "local", "network", "synced", "removable"
DRIVE_REMOVABLE, DRIVE_REMOTE = 2, 4
NETWORK_FILE_SYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "fuse.sshfs", "sshfs", "afs", "ceph",
    "glusterfs", "fuse.glusterfs", "9p", "davfs", "fuse.davfs2", "fuse.rclone", "ncpfs"})
SYNC_FOLDER_NAMES = ("onedrive", "dropbox", "google drive", "googledrive", "icloud drive",
                     "iclouddrive", "box sync")
ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveConsumer", "OneDriveCommercial")
#: Where Linux desktops mount USB sticks and SD cards (udisks: /media/USER, /run/media/USER).
REMOVABLE_MOUNT_ROOTS = ("/media/", "/run/media/", "/mnt/")
SYS_BLOCK = Path("/sys/block")


@dataclass(frozen=True)
class Place:
    """``kind``: :data:`LOCAL`, :data:`NETWORK`, :data:`SYNCED` or :data:`REMOVABLE`;
    ``detail``: what told (a file system type, a drive type, a folder name), for the log."""

    kind: str
    detail: str = ""


def _windows_drive_type(root: str) -> int:
    """``GetDriveTypeW`` of a drive root such as ``Z:\\``."""
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def _mount_table() -> list[tuple[str, str, str]]:
    """``(device, mount point, file system type)`` of every mount (Linux ``/proc/mounts``)."""
    try:
        text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    found = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            found.append((parts[0], parts[1].replace("\\040", " "), parts[2]))
    return found


def _mounts() -> list[tuple[str, str]]:
    """``(mount point, file system type)`` of every mount (Linux ``/proc/mounts``)."""
    return [(point, kind) for _device, point, kind in _mount_table()]


def _mount_devices() -> dict[str, str]:
    """``{mount point: device}`` of every mount (Linux ``/proc/mounts``)."""
    return {point: device for device, point, _kind in _mount_table()}


def _disk_is_removable(device: str) -> bool:
    """Whether the block ``device`` (``/dev/sdb1``, ``/dev/mmcblk0p1``) is on a disk the kernel
    marks removable (``/sys/block/<disk>/removable``)."""
    if not device.startswith("/dev/"):
        return False
    name = Path(os.path.realpath(device)).name
    for disk in (name, re.sub(r"(?<=\d)p\d+$", "", name), re.sub(r"\d+$", "", name)):
        try:  # the disk itself, or the disk of a partition (sdb1, mmcblk0p1, nvme0n1p2)
            return (SYS_BLOCK / disk / "removable").read_text().strip() == "1"
        except OSError:
            continue
    return False


def _absolute(path: Path | str) -> str:
    text = os.path.expanduser(str(path))
    return ntpath.abspath(text) if os.name == "nt" else os.path.realpath(text)


def _windows_place(text: str) -> Place:
    if text.startswith(("\\\\", "//")):
        return Place(NETWORK, "UNC path")
    drive = ntpath.splitdrive(text)[0]
    if not drive:
        return Place(LOCAL)
    kind = _windows_drive_type(drive + "\\")
    if kind == DRIVE_REMOTE:
        return Place(NETWORK, "DRIVE_REMOTE")
    if kind == DRIVE_REMOVABLE:
        return Place(REMOVABLE, "DRIVE_REMOVABLE")
    return Place(LOCAL)


def _posix_place(text: str) -> Place:
    best, fs_type = "", ""
    for point, kind in _mounts():
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, fs_type = point, kind
    if fs_type.lower() in NETWORK_FILE_SYSTEMS or fs_type.lower().startswith("nfs"):
        return Place(NETWORK, fs_type)
    if (best + "/").startswith(REMOVABLE_MOUNT_ROOTS):
        device = _mount_devices().get(best, "")
        if _disk_is_removable(device):
            return Place(REMOVABLE, device)
    return Place(LOCAL)


def _synced(text: str) -> Place | None:
    folded = text.replace("\\", "/").casefold()
    for variable in ONEDRIVE_VARIABLES:
        root = os.environ.get(variable, "").replace("\\", "/").casefold().rstrip("/")
        if root and (folded == root or folded.startswith(root + "/")):
            return Place(SYNCED, f"%{variable}%")
    for part in folded.split("/"):
        if any(part == name or part.startswith((name + " ", name + "-"))
               for name in SYNC_FOLDER_NAMES):
            return Place(SYNCED, part)
    return None


def place_of(path: Path | str) -> Place:
    """Where ``path`` (a file or folder, existing or not) lives."""
    text = _absolute(path)
    physical = _windows_place(text) if os.name == "nt" else _posix_place(text)
    if physical.kind != LOCAL:
        return physical
    return _synced(text) or physical


def is_removable(path: Path | str) -> bool:
    """Whether ``path`` (a file or folder, existing or not) is on a removable drive (a USB
    stick, an SD card): where a backup or handover package is encrypted by default."""
    return place_of(path).kind == REMOVABLE


#: Why the live data file cannot be in a place of each kind (English msgids).
_REFUSALS = {
    NETWORK: N_("{path} is on a network drive or a shared folder. The data file cannot be kept "
                "there safely: a dropped connection or a second computer can damage it. Keep the "
                "data file on this PC (for example in Documents) and put backups on the network "
                "drive or a USB stick instead."),
    SYNCED: N_("{path} is in a folder that a sync program ({service}) copies. It can copy the "
               "data file while it is being written and damage it. Keep the data file in a "
               "folder on this PC that is not synced, and use backups to carry the data."),
    REMOVABLE: N_("{path} is on a removable drive (a USB stick or an SD card). If it is pulled "
                  "out while the app writes, the data is damaged. Keep the data file on this PC "
                  "and use the USB stick for backups."),
}


class UnsafePlace(UserError):
    """The live data file (or the data folder) would be on a network drive, in a synced folder
    or on a removable drive; ``place`` says which."""

    def __init__(self, path: Path | str, place: Place) -> None:
        super().__init__(_(_REFUSALS[place.kind]).format(path=path, service=place.detail),
                         detail=place.detail)
        self.place = place


def refuse_live_place(path: Path | str) -> None:
    """Raise UnsafePlace (a UserError with a plain Japanese message) when the live data file or
    data folder ``path`` is on a network drive, in a synced folder or on a removable drive.
    Backups and handover packages may go there: never call this for them."""
    place = place_of(path)
    if place.kind != LOCAL:
        raise UnsafePlace(path, place)
