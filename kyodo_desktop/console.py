"""Standard streams that never stop the app: the windowed Windows build has no console
(``sys.stdout`` and ``sys.stderr`` are ``None``), and a Japanese Windows console or a redirected
file uses CP932, which cannot encode every character a council's data may hold (𠮷, ☎, —).

:func:`prepare_streams` is called first thing by the entry point. It gives a missing stream a
sink (the parent console when the windowed app was started from ``cmd``/PowerShell, else the
null device) and makes every text stream replace what its encoding cannot write instead of
raising ``UnicodeEncodeError``. The console build (``kyodo-cli.exe``, see build.spec) always has
real streams; this keeps the windowed build (``kyodo-desktop.exe``) from failing when it is used
from a command line anyway.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import unicodedata
from collections.abc import Callable

_ATTACH_PARENT_PROCESS = -1


def attach_parent_console() -> bool:
    """On Windows, attach to the console of the process that started us (cmd, PowerShell);
    True when one was attached. Always False elsewhere."""
    if os.name != "nt":
        return False
    try:
        import ctypes

        return bool(ctypes.windll.kernel32.AttachConsole(_ATTACH_PARENT_PROCESS))
    except (AttributeError, OSError):
        return False


def _open_sink(console_name: str) -> io.TextIOBase:
    """A text stream on the attached console (``CONOUT$``) or, failing that, the null device."""
    for name in (console_name, os.devnull):
        try:
            return open(name, "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        except OSError:
            continue
    return io.StringIO()


def prepare_streams(attach: Callable[[], bool] | None = None) -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` safe to print to (see the module docstring).

    ``attach`` is injected by tests to simulate the Windows console; it is called only when a
    stream is missing (default :func:`attach_parent_console`).
    """
    attach = attach or attach_parent_console
    attached = None
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            if attached is None:
                attached = attach()
            stream = _open_sink("CONOUT$" if attached else os.devnull)
            setattr(sys, name, stream)
        _replace_unencodable(stream)


def _replace_unencodable(stream) -> None:
    """Switch a text stream to ``errors="replace"`` (keeping its encoding), if it can."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
        reconfigure(errors="replace")


def escaped(text: object, *, keep_newlines: bool = False) -> str:
    """``text`` safe to echo on a terminal: every control or format character (ESC, BEL, a
    carriage return, a bidi override …) shows as its escape (``\\x1b``, ``\\u202e``), so a
    folder or file name cannot repaint the screen or hide the message; ``keep_newlines``
    leaves line breaks and tabs of a message of several lines."""
    text = str(text)
    if text.isprintable():
        return text
    kept = "\n\t" if keep_newlines else ""
    return "".join(
        c.encode("unicode_escape").decode("ascii")
        if c not in kept and unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
        for c in text)


def say(text: str) -> None:
    """Print a message of the CLI on standard output, control characters escaped
    (:func:`escaped`, line breaks kept): messages repeat paths and names the user gave."""
    print(escaped(text, keep_newlines=True))
