"""Passphrase encryption of what leaves the PC: backups and handover packages on a USB stick.

A lost stick then leaks nothing: the file holds no readable name, address or phone number.
AES-256-GCM (the ``cryptography`` package) with a key derived from the passphrase by scrypt.

File format (version 1), all integers big-endian::

    magic  b"KYODOENC"           8 bytes
    version                      1 byte   (1)
    scrypt log2(n), r, p         3 bytes  (15, 8, 1: about 0.1 s and 32 MB)
    salt                        16 bytes  (random per file)
    nonce prefix                 7 bytes  (random per file)
    chunk size                   4 bytes  (1 MiB)
    chunks …                              (each: ciphertext of ≤ chunk size bytes + 16-byte tag)

Chunk *i* is sealed with the nonce ``prefix + i (4 bytes) + last (1 byte: 1 on the final chunk)``
and the header as associated data, so a changed header, reordered, cut or appended chunks fail
the tag check. A wrong passphrase fails on the first chunk.
"""

from __future__ import annotations

import contextlib
import os
import struct
import unicodedata
from pathlib import Path

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.store.backup import create_private, make_private

MAGIC = b"KYODOENC"
VERSION = 1
#: scrypt cost of new files (n = 2**15, r = 8, p = 1).
LOG2_N, R, P = 15, 8, 1
#: Limits on what a file's header may ask for (a hostile header must not take the PC's memory).
MAX_LOG2_N, MAX_R, MAX_P = 20, 16, 4
CHUNK = 1024 * 1024
MAX_CHUNK = 16 * 1024 * 1024
TAG = 16
MIN_PASSPHRASE = 8
_HEADER = struct.Struct(">8sBBBB16s7sI")
#: Suffix added to the name of an encrypted backup or package.
SUFFIX = ".enc"


class WrongPassphrase(UserError):
    """The passphrase does not open the file (or the file was changed)."""


def is_encrypted(path: Path | str) -> bool:
    """True when the file starts with :data:`MAGIC` (False when it cannot be read or is not a
    regular file: a named pipe would block the read forever)."""
    try:
        if not Path(path).is_file():
            return False
        with Path(path).open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def passphrase_problem(passphrase: str) -> str:
    """"" when ``passphrase`` may protect a file, else the Japanese reason (too short, or with
    characters that cannot be typed again, such as control characters)."""
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in passphrase):
        return _("The passphrase contains characters that cannot be typed. Use letters, "
                 "digits and signs.")
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        return _("Use a passphrase of at least {count} characters.").format(count=MIN_PASSPHRASE)
    return ""


def _key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    text = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(text)


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


def encrypt_file(source: Path, target: Path, passphrase: str) -> Path:
    """Write ``source`` encrypted with ``passphrase`` to ``target`` (owner-only; written to
    ``<target>.partial`` and renamed, so a failed write leaves no half file). Returns ``target``.

    Raises ValidationError for a passphrase that :func:`passphrase_problem` refuses, OSError
    from the disk.
    """
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    problem = passphrase_problem(passphrase)
    if problem:
        raise ValidationError(problem, field="passphrase")
    salt, prefix = os.urandom(16), os.urandom(7)
    header = _HEADER.pack(MAGIC, VERSION, LOG2_N, R, P, salt, prefix, CHUNK)
    cipher = AESGCM(_key(passphrase, salt, LOG2_N, R, P))
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    create_private(partial)
    try:
        with Path(source).open("rb") as reader, partial.open("r+b") as writer:
            writer.write(header)
            index, block = 0, reader.read(CHUNK)
            while True:
                following = reader.read(CHUNK)
                last = not following
                writer.write(cipher.encrypt(_nonce(prefix, index, last), block, header))
                if last:
                    break
                index, block = index + 1, following
            writer.flush()
            os.fsync(writer.fileno())
        os.replace(partial, target)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    make_private(target)
    return target


def _read_header(handle, shown: object) -> tuple[bytes, tuple]:
    header = handle.read(_HEADER.size)
    damaged = UserError(_("The encrypted file {path} is damaged or was not written by "
                          "kyodo-desktop.").format(path=shown))
    if len(header) != _HEADER.size:
        raise damaged
    magic, version, log2_n, r, p, salt, prefix, chunk = _HEADER.unpack(header)
    if magic != MAGIC or version != VERSION:
        raise UserError(_("The encrypted file {path} was written by a newer version of "
                          "kyodo-desktop. Update the app to open it.").format(path=shown)
                        ) if magic == MAGIC else damaged
    if not (1 <= log2_n <= MAX_LOG2_N and 1 <= r <= MAX_R and 1 <= p <= MAX_P
            and 1 <= chunk <= MAX_CHUNK):
        raise damaged
    return header, (log2_n, r, p, salt, prefix, chunk)


def decrypt_file(source: Path, target: Path, passphrase: str, *,
                 shown_as: object = None) -> Path:
    """Decrypt ``source`` with ``passphrase`` into ``target`` (owner-only; removed again when
    anything fails). ``shown_as`` names the file in messages (default ``source``).

    Raises WrongPassphrase when the passphrase does not open it, UserError when it is damaged
    or cut short, OSError from the disk.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    shown = source if shown_as is None else shown_as
    target = Path(target)
    target.unlink(missing_ok=True)
    create_private(target)
    done = False
    try:
        with Path(source).open("rb") as reader, target.open("r+b") as writer:
            header, (log2_n, r, p, salt, prefix, chunk) = _read_header(reader, shown)
            cipher = AESGCM(_key(passphrase, salt, log2_n, r, p))
            index, block = 0, reader.read(chunk + TAG)
            while True:
                following = reader.read(chunk + TAG)
                try:
                    writer.write(cipher.decrypt(_nonce(prefix, index, not following), block,
                                                header))
                except InvalidTag as error:
                    if index == 0:
                        raise WrongPassphrase(_(
                            "The passphrase is not right for {path} (or the file was changed). "
                            "Type it again; capital and small letters count.").format(
                            path=shown)) from error
                    raise UserError(_("The encrypted file {path} is damaged or incomplete.")
                                    .format(path=shown)) from error
                if not following:
                    break
                index, block = index + 1, following
        done = True
    finally:
        if not done:
            target.unlink(missing_ok=True)
    return target
