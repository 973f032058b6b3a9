"""Residents' data stays private to the Windows account that keeps it: a data folder outside the
user profile (e.g. C:\\kyodo, which inherits "Authenticated Users: Modify") gets an owner-only
ACL through icacls, or is refused (store/folder_privacy.py). Windows is simulated."""

from __future__ import annotations

import subprocess

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.store.folder_privacy import (
    SYSTEM_SID,
    icacls_arguments,
    inside_user_profile,
    protect_data_folder,
)

WINDOWS_ENV = {"USERPROFILE": r"C:\Users\jimu", "USERNAME": "jimu", "USERDOMAIN": "CENTER-PC",
               "SystemRoot": r"C:\Windows"}


class FakeRun:
    def __init__(self, returncode=0, raises=None):
        self.calls, self.returncode, self.raises = [], returncode, raises

    def __call__(self, args, **options):
        self.calls.append((args, options))
        if self.raises:
            raise self.raises
        return subprocess.CompletedProcess(args, self.returncode, "", "")


def test_a_folder_in_the_user_profile_is_left_as_windows_keeps_it():
    run = FakeRun()
    folder = r"c:\users\JIMU\AppData\Local\kyodo-desktop"
    assert inside_user_profile(folder, WINDOWS_ENV)
    assert protect_data_folder(folder, os_name="nt", environ=WINDOWS_ENV, run=run) == "profile"
    assert run.calls == []


def test_a_folder_outside_the_profile_gets_an_owner_only_acl():
    run = FakeRun()
    assert protect_data_folder(r"C:\kyodo", os_name="nt", environ=WINDOWS_ENV,
                               run=run) == "acl"
    [(args, options)] = run.calls
    assert args[0] == r"C:\Windows\System32\icacls.exe"  # never found through PATH
    assert args[1:] == [r"C:\kyodo", "/inheritance:r", "/grant:r", r"CENTER-PC\jimu:(OI)(CI)F",
                        "/grant:r", f"{SYSTEM_SID}:(OI)(CI)F", "/Q"]
    assert "shell" not in options  # a fixed argument list, no shell


@pytest.mark.parametrize("run", [FakeRun(returncode=5), FakeRun(raises=FileNotFoundError())])
def test_a_folder_that_cannot_be_made_private_is_refused(run):
    with pytest.raises(UserError) as refused:
        protect_data_folder(r"E:\協議会", os_name="nt", environ=WINDOWS_ENV, run=run)
    assert r"E:\協議会" in refused.value.message and "USB" in refused.value.message


def test_icacls_output_in_cp932_is_never_decoded():
    """A Japanese Windows' icacls answers in cp932 (処理ファイル: C:\\協議会データ); with Python's
    UTF-8 mode decoding it would raise UnicodeDecodeError instead of protecting the folder."""
    said = "処理ファイル: C:\\協議会データ".encode("cp932")
    calls = []

    def run(args, **options):
        calls.append(options)
        if options.get("text") or options.get("encoding") or options.get("universal_newlines"):
            said.decode("utf-8")  # what UTF-8 mode would do: raises UnicodeDecodeError
        return subprocess.CompletedProcess(args, 0, said, b"")

    assert protect_data_folder(r"C:\協議会データ", os_name="nt", environ=WINDOWS_ENV,
                               run=run) == "acl"
    assert calls and calls[0]["capture_output"] is True


def test_a_user_name_with_spaces_stays_one_argument():
    env = {**WINDOWS_ENV, "USERNAME": "jimu kyoku", "USERDOMAIN": ""}
    args = icacls_arguments(r"D:\data folder", env)
    assert r"D:\data folder" in args and "jimu kyoku:(OI)(CI)F" in args


def test_posix_leaves_the_folder_alone_and_opening_calls_the_rule(tmp_path, monkeypatch):
    from kyodo_desktop.services.backup import datafile

    assert protect_data_folder(tmp_path, os_name="posix") == "posix"
    seen = []
    monkeypatch.setattr(datafile, "protect_data_folder", lambda folder: seen.append(folder))
    datafile.open_data_file(tmp_path / "kyodo.sqlite3").close()
    assert seen == [tmp_path]
