"""Sign the Windows programs of the one-folder build with signtool, when a certificate is set.

``python scripts\\sign_windows.py [--dist dist\\kyodo-desktop]`` signs ``kyodo-desktop.exe`` and
``kyodo-cli.exe`` with the code-signing certificate named by the environment:

- ``KYODO_SIGN_CERT``: the certificate file (.pfx) of the council or of the vendor;
- ``KYODO_SIGN_PASSWORD``: its password (optional);
- ``KYODO_SIGN_TIMESTAMP``: the RFC 3161 time-stamp server (default: the certificate
  authority's, which must be given when signing; a signature without a time stamp ends with the
  certificate);
- ``SIGNTOOL``: signtool.exe when it is not on PATH (it comes with the Windows SDK).

Without ``KYODO_SIGN_CERT`` it prints that the build stays unsigned and exits 0, so the build
works on any PC. Signed programs are trusted by SmartScreen and Smart App Control once the
certificate has a reputation; until then Windows shows 「PC が保護されました」 (the README says
what to do). Exit code: 0 signed or skipped, 2 signtool failed or a program is missing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ("kyodo-desktop.exe", "kyodo-cli.exe")


def signtool_arguments(program: Path, environ: Mapping[str, str]) -> list[str] | None:
    """The signtool command for ``program``, or None when no certificate is configured."""
    certificate = environ.get("KYODO_SIGN_CERT", "")
    if not certificate:
        return None
    args = [environ.get("SIGNTOOL", "signtool"), "sign", "/fd", "SHA256", "/f", certificate]
    if environ.get("KYODO_SIGN_PASSWORD"):
        args += ["/p", environ["KYODO_SIGN_PASSWORD"]]
    if environ.get("KYODO_SIGN_TIMESTAMP"):
        args += ["/tr", environ["KYODO_SIGN_TIMESTAMP"], "/td", "SHA256"]
    args += ["/d", "協働デスク", str(program)]
    return args


def sign(dist: Path, environ: Mapping[str, str] = os.environ, run=subprocess.run) -> int:
    """Sign every program in ``dist``; return the exit code (see the module docstring)."""
    for name in PROGRAMS:
        program = dist / name
        args = signtool_arguments(program, environ)
        if args is None:
            print("KYODO_SIGN_CERT is not set: the build stays unsigned.")
            return 0
        if not program.is_file():
            print(f"missing: {program}", file=sys.stderr)
            return 2
        if run(args, check=False).returncode != 0:
            print(f"signtool failed for {program}", file=sys.stderr)
            return 2
        print(f"signed {program}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "kyodo-desktop")
    return sign(parser.parse_args().dist)


if __name__ == "__main__":
    sys.exit(main())
