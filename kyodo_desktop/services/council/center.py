"""The council's 地域交流センター (community centre): its name, address, phone and opening hours,
read and edited from the 協議会 page; the handbook's 連絡先 chapter prints them
(services/handbook/facts.py).

Rules (:func:`save_center`, each failure a ProfileValidationError naming the field): 名称
required; 郵便番号 and 電話 as on the council's profile (services/council/profile.py); 利用時間
free text. A council without a centre gets a new one, linked to it (and to its 地域).
"""

from __future__ import annotations

from typing import cast

from kyodo_desktop.domain import text
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import COUNCIL, Changes
from kyodo_desktop.services.council import profile
from kyodo_desktop.services.council.rows import CenterRow
from kyodo_desktop.store import Store

#: Columns of ``community_centers`` edited on the 協議会 page, in the form's order.
CENTER_FIELDS = ("name", "postal_code", "address", "phone", "opening_hours")


def get_center(store: Store, council_id: int) -> CenterRow:
    """``{field: text}`` of :data:`CENTER_FIELDS` for the council's centre ("" each when it has
    none). Raises UserError when the council is gone."""
    found = store.query("SELECT community_center_id AS center_id FROM councils WHERE id = ?",
                        (council_id,))
    if not found:
        raise UserError(_("This council is no longer in the data file."))
    rows = store.query(f"SELECT {', '.join(CENTER_FIELDS)} FROM community_centers WHERE id = ?",
                       (found[0]["center_id"],)) if found[0]["center_id"] is not None else []
    return cast(CenterRow, dict(rows[0]) if rows else dict.fromkeys(CENTER_FIELDS, ""))


def _clean(values: dict) -> dict:
    cleaners = {"name": _required_name, "postal_code": profile.clean_postal_code,
                "address": _plain, "phone": _phone, "opening_hours": _plain}
    clean, errors = {}, {}
    for key in CENTER_FIELDS:
        try:
            clean[key] = cleaners[key](values.get(key, ""))
        except ValidationError as error:
            errors[key] = error.message
    if errors:
        raise profile.ProfileValidationError(errors)
    return clean


def _plain(value) -> str:
    return text.normalize("" if value is None else str(value))


def _required_name(value) -> str:
    name = _plain(value)
    if not name:
        raise ValidationError(_("Enter the name of the community centre."), field="name")
    return name


def _phone(value) -> str:
    number = profile.phone_number(value)
    if number is None:
        raise ValidationError(
            _("Enter the number with digits and hyphens, e.g. 083-922-1234."), field="phone")
    return number


def save_center(store: Store, council_id: int, values: dict) -> Changes:
    """Save the council's 地域交流センター from ``values`` (``{field: text}`` of
    :data:`CENTER_FIELDS`); a council without one gets a new centre. Returns
    ``Changes.of("council")``. Raises ProfileValidationError (nothing saved) or UserError."""
    clean = _clean(values)
    row = store.query("SELECT community_center_id AS center_id, district_id FROM councils "
                      "WHERE id = ?", (council_id,))
    if not row:
        raise UserError(_("This council is no longer in the data file."))
    with store.transaction() as db:
        if row[0]["center_id"] is None:
            center_id = db["community_centers"].insert(
                {**clean, "district_id": row[0]["district_id"]}).last_pk
            db["councils"].update(council_id, {"community_center_id": center_id})
        else:
            db["community_centers"].update(row[0]["center_id"], clean)
    return Changes.of(COUNCIL, council_id=council_id)
