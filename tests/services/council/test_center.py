"""The 地域交流センター of a council: read, edited with the profile's rules, created for a
council without one, and what the handbook's 連絡先 chapter reads (services/handbook/facts)."""

from __future__ import annotations

import pytest

from kyodo_desktop.services.changes import COUNCIL
from kyodo_desktop.services.council import center
from kyodo_desktop.services.council import profile as council_profile
from kyodo_desktop.services.council.profile import ProfileValidationError
from kyodo_desktop.services.handbook.facts import council_facts

VALUES = {"name": "新地域交流センター", "postal_code": "７５３００５６",
          "address": "山口市湯田温泉1-2-3", "phone": "083ー900ー1234",
          "opening_hours": "9:00〜17:00 月曜休館"}


def test_a_council_without_a_centre_gets_one_that_the_handbook_prints(store):
    council_id, _changes = council_profile.create_council(store, "新しい協議会")
    assert center.get_center(store, council_id) == dict.fromkeys(center.CENTER_FIELDS, "")
    changes = center.save_center(store, council_id, VALUES)
    assert changes.touches(COUNCIL)
    saved = center.get_center(store, council_id)
    assert saved["postal_code"] == "753-0056" and saved["phone"] == "083-900-1234"
    facts = council_facts(store, council_id)
    assert (facts["center_name"], facts["center_address"], facts["center_hours"]) == (
        "新地域交流センター", "山口市湯田温泉1-2-3", "9:00〜17:00 月曜休館")
    center.save_center(store, council_id, {**VALUES, "name": "湯田交流センター"})
    assert store.scalar("SELECT count(*) FROM community_centers") == 1  # edited, not added
    assert council_facts(store, council_id)["center_name"] == "湯田交流センター"


def test_the_demo_centre_is_filled_and_bad_values_are_refused(demo_store):
    council_id = council_profile.default_council(demo_store)
    shown = center.get_center(demo_store, council_id)
    assert all(shown[field] for field in center.CENTER_FIELDS), shown
    with pytest.raises(ProfileValidationError) as refused:
        center.save_center(demo_store, council_id, {**VALUES, "name": " ", "phone": "12"})
    assert set(refused.value.errors) == {"name", "phone"}
    assert center.get_center(demo_store, council_id) == shown
