"""The 提供記録 is written before the file that holds the personal data: a crash while or after
the file is written never leaves a provision unrecorded; a write that fails takes its record
back (nothing was handed out) and the error goes on."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.services.privacy.provisions import (
    ProvisionAnswer,
    list_provisions,
    write_recorded,
)

ANSWER = ProvisionAnswer("各自治会長", "連絡網", "事務局")


def test_the_record_is_committed_before_the_file_is_written(demo_store, yuda):
    before = len(list_provisions(demo_store, yuda))
    seen = []

    def write():
        # what another connection (a crash right now) would find: the record is committed
        seen.append(demo_store.conn.in_transaction)
        seen.append(len(list_provisions(demo_store, yuda)))
        return "written"

    assert write_recorded(demo_store, yuda, write, kind="contact-network", document="連絡網",
                          people=12, answer=ANSWER) == "written"
    assert seen == [False, before + 1]
    record = list_provisions(demo_store, yuda)[-1]
    assert (record["kind"], record["people"], record["recipient"]) == (
        "contact-network", 12, "各自治会長")


def test_a_writer_that_fails_leaves_no_record_and_its_error(demo_store, yuda):
    before = len(list_provisions(demo_store, yuda))

    def write():
        raise UserError("ディスクがいっぱいです。")

    with pytest.raises(UserError, match="ディスク"):
        write_recorded(demo_store, yuda, write, kind="contact-network", document="連絡網",
                       people=12, answer=ANSWER)
    assert len(list_provisions(demo_store, yuda)) == before


def test_nothing_is_recorded_without_an_answer(demo_store, yuda):
    before = len(list_provisions(demo_store, yuda))
    assert write_recorded(demo_store, yuda, lambda: 1, kind="x", document="x", people=0,
                          answer=None) == 1
    assert len(list_provisions(demo_store, yuda)) == before
