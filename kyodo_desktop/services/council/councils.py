"""Which 地域づくり協議会 a data file holds, and finding one by id or name.

Used by the CLI's ``--council`` option and by the UI's council picker. (The profile and overview
of one council are in :mod:`kyodo_desktop.services.council.profile`.)
"""

from __future__ import annotations

from kyodo_desktop.domain.text import name_sort_key, normalize
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.council.rows import CouncilListItem, CouncilRow
from kyodo_desktop.store import Store

#: How many council names an error message lists before "…".
MAX_LISTED = 10


def list_councils(store: Store) -> list[CouncilListItem]:
    """Every council as ``{"id": int, "name": str, "name_kana": str, "district": str}``.

    ``district`` is the 地域's name ("" when none is set). Order: 五十音順 of the ふりがな
    (:func:`kyodo_desktop.domain.text.name_sort_key`), then id.
    """
    rows = store.query(
        "SELECT c.id, c.name, c.name_kana, coalesce(d.name, '') AS district "
        "FROM councils AS c LEFT JOIN districts AS d ON d.id = c.district_id")
    return sorted(rows, key=lambda c: (name_sort_key(c["name"], c["name_kana"]), c["id"]))


def _normalise(text: str) -> str:
    """NFKC without spaces: ``"大殿　地域づくり協議会"`` and ``"大殿地域づくり協議会"`` agree."""
    return normalize(text).replace(" ", "")


def ensure_council(store: Store, council_id: int) -> None:
    """Raise UserError when council ``council_id`` is not in the data file: the one test of
    "does this council exist" every service makes before writing or reading a council's data."""
    council_row(store, council_id)


def council_row(store: Store, council_id: int) -> CouncilRow:
    """The ``councils`` row of ``council_id``. Raises UserError when it does not exist."""
    rows = store.query("SELECT * FROM councils WHERE id = ?", (council_id,))
    if not rows:
        raise UserError(_("The council was not found in the data file."))
    return rows[0]


def council_name(store: Store, council_id: int) -> str:
    """The name of council ``council_id`` ("" when it does not exist)."""
    return store.scalar("SELECT name FROM councils WHERE id = ?", (council_id,)) or ""


def find_council(store: Store, ref: str | int) -> CouncilListItem:
    """The council whose id or name is ``ref``, as a dict shaped like :func:`list_councils` rows.

    ``ref`` may be an int id, a string of digits (full-width digits too: ``"１"``), or the name;
    names are compared exactly first, then after NFKC normalisation without spaces (全角/半角),
    then as the 地域's name (「湯田」), then as the start of a name.
    Raises :class:`UserError` (Japanese message listing the councils that exist) when none or
    more than one council matches.
    """
    councils = list_councils(store)
    text = ref if isinstance(ref, str) else str(ref)
    key = _normalise(text)
    if key.isdecimal() and key.isascii():
        matches = [c for c in councils if c["id"] == int(key)]
    else:
        matches = [c for c in councils if c["name"] == text.strip()]
        if not matches:
            matches = [c for c in councils if _normalise(c["name"]) == key]
        if not matches:  # the 地域's name alone: 湯田 → 湯田地域づくり協議会
            matches = [c for c in councils if _normalise(c.get("district") or "") == key]
        if not matches and key:
            matches = [c for c in councils if _normalise(c["name"]).startswith(key)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UserError(_("More than one council matches “{ref}”: {names}. Give its number "
                          "instead.").format(ref=text, names=describe_councils(matches)))
    if not councils:
        raise UserError(_("This data file holds no council yet."))
    raise UserError(_("No council matches “{ref}”. Councils in this data file: {names}")
                    .format(ref=text, names=describe_councils(councils)))


def describe_councils(councils: list[dict]) -> str:
    """``"1: 大殿地域づくり協議会、2: …"`` for messages (at most :data:`MAX_LISTED` entries)."""
    listed = "、".join(f"{c['id']}: {c['name']}" for c in councils[:MAX_LISTED])
    return listed + ("、…" if len(councils) > MAX_LISTED else "")
