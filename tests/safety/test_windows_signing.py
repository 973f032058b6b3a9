"""The Windows programs are signed when the office configures a certificate, and the build
still works (unsigned, with a message) on a PC without one (scripts/sign_windows.py)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _signer():
    spec = importlib.util.spec_from_file_location("sign_windows", ROOT / "scripts" / "sign_windows.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_without_a_certificate_the_build_stays_unsigned_and_succeeds(tmp_path, capsys):
    calls = []
    assert _signer().sign(tmp_path, environ={}, run=lambda *a, **k: calls.append(a)) == 0
    assert calls == [] and "unsigned" in capsys.readouterr().out


def test_both_programs_are_signed_with_sha256_and_a_time_stamp(tmp_path):
    signer = _signer()
    for name in signer.PROGRAMS:
        (tmp_path / name).write_bytes(b"MZ")
    env = {"KYODO_SIGN_CERT": r"C:\certs\council.pfx", "KYODO_SIGN_PASSWORD": "secret",
           "KYODO_SIGN_TIMESTAMP": "http://timestamp.example", "SIGNTOOL": r"C:\sdk\signtool.exe"}
    calls = []

    def run(args, check):
        calls.append(args)
        return subprocess.CompletedProcess(args, 0)

    assert signer.sign(tmp_path, environ=env, run=run) == 0
    assert [Path(args[-1]).name for args in calls] == list(signer.PROGRAMS)
    first = calls[0]
    assert first[:6] == [r"C:\sdk\signtool.exe", "sign", "/fd", "SHA256", "/f",
                         r"C:\certs\council.pfx"]
    assert first[first.index("/tr") + 1] == "http://timestamp.example"


def test_a_failed_signature_or_missing_program_fails_the_step(tmp_path):
    signer = _signer()
    env = {"KYODO_SIGN_CERT": "c.pfx"}
    assert signer.sign(tmp_path, environ=env, run=None) == 2  # nothing built yet
    for name in signer.PROGRAMS:
        (tmp_path / name).write_bytes(b"MZ")
    assert signer.sign(tmp_path, environ=env,
                       run=lambda args, check: subprocess.CompletedProcess(args, 1)) == 2
