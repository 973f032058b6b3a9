"""協働 of the 事業 of a council-year: forms, partners with their 役割分担, and the 振り返り.

:func:`year_collaboration` reads everything the 協働事業一覧 and the 振り返りシート print, with each
事業's 決算額 from :func:`kyodo_desktop.services.accounting.figures.project_costs` (the one
source). :func:`set_forms`, :func:`set_partner`, :func:`set_review` write (undoable: plain rows,
recorded by :func:`kyodo_desktop.services.changes.undoable`). Raises ValidationError for codes
outside :mod:`.terms`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kyodo_desktop.domain.labels import COLLABORATION_FORM_LABELS
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import figures
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.collaboration.terms import FORMS, PARTNER_KINDS, PRINCIPLES, SCORES
from kyodo_desktop.services.plan.common import plan_changed
from kyodo_desktop.services.plan.projects import list_projects
from kyodo_desktop.store import Store


@dataclass(frozen=True)
class PartnerRole:
    """One partner of a 事業: name, kind (code and label), 役割 and 負担 (who pays what)."""

    name: str
    kind: str
    kind_label: str
    role: str
    pays: str


@dataclass(frozen=True)
class ProjectCollaboration:
    """The 協働 of one 事業: 整理番号, names, ``forms`` (labels), ``partners``, ``reviews``
    ``{principle code: (score code, comment)}``, ``cost`` its 決算額 (円)."""

    project_id: int
    code: str
    action: str
    name: str
    cost: int
    forms: tuple[str, ...]
    partners: tuple[PartnerRole, ...]
    reviews: dict = field(default_factory=dict)

    @property
    def reviewed(self) -> bool:
        """Whether a 振り返り was recorded."""
        return bool(self.reviews)

    def score_counts(self) -> dict[str, int]:
        """How many principles got each mark ``{"◎": n, "○": n, "△": n, "×": n}``."""
        counts = dict.fromkeys(SCORES.values(), 0)
        for score, _comment in self.reviews.values():
            counts[SCORES[score]] += 1
        return counts


def year_collaboration(store: Store, council_id: int, fiscal_year: int
                       ) -> list[ProjectCollaboration]:
    """The 協働 of every 事業 of the council-year, in the 事業's order."""
    projects = list_projects(store, council_id, fiscal_year)
    ids = [p["id"] for p in projects]
    forms = _by_project(store, "SELECT project_id, form FROM project_collaboration_forms "
                        "WHERE project_id IN ({ids})", ids)
    partners = _by_project(store, "SELECT pp.project_id, c.name, c.kind, pp.role, pp.pays FROM "
                           "project_partners pp JOIN collaboration_partners c ON "
                           "c.id = pp.partner_id WHERE pp.project_id IN ({ids}) ORDER BY pp.id",
                           ids)
    reviews = _by_project(store, "SELECT project_id, principle, score, comment FROM "
                          "project_reviews WHERE project_id IN ({ids})", ids)
    costs = figures.project_costs(store, council_id, fiscal_year)
    order = list(FORMS)
    return [ProjectCollaboration(
        p["id"], p["action_code"], p["action_title"], p["name"], costs.get(p["id"], 0),
        tuple(FORMS[f] for f in sorted(
            {f["form"] for f in forms.get(p["id"], [])} | _own_form(p), key=order.index)),
        tuple(PartnerRole(r["name"], r["kind"], PARTNER_KINDS[r["kind"]], r["role"], r["pays"])
              for r in partners.get(p["id"], [])),
        {r["principle"]: (r["score"], r["comment"]) for r in reviews.get(p["id"], [])})
        for p in projects]


def _own_form(project: dict) -> set[str]:
    """The form kept on the 事業 itself (the 事業 editor's one choice), when it is one of ours."""
    form = project.get("collaboration_form")
    return {form} if form in FORMS else set()


def _by_project(store: Store, sql: str, ids: list[int]) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = {}
    if ids:
        for row in store.query(sql.format(ids=", ".join("?" * len(ids))), tuple(ids)):
            found.setdefault(row["project_id"], []).append(row)
    return found


def _council_of(store: Store, project_id: int) -> int:
    council = store.scalar("SELECT council_id FROM projects WHERE id = ?", (project_id,))
    if council is None:
        raise UserError(_("The project was not found. It may have been deleted."))
    return council


def set_forms(store: Store, project_id: int, forms: list[str]) -> Changes:
    """Make ``forms`` (codes of :data:`FORMS`) the 事業's forms of collaboration."""
    unknown = [f for f in forms if f not in FORMS]
    if unknown:
        raise ValidationError(_("Choose the form of collaboration from the list."),
                              field="forms")
    council = _council_of(store, project_id)
    with store.transaction() as db:
        db.execute("DELETE FROM project_collaboration_forms WHERE project_id = ?", (project_id,))
        for form in dict.fromkeys(forms):
            db.execute("INSERT INTO project_collaboration_forms (project_id, form) "
                       "VALUES (?, ?)", (project_id, form))
        main = next((f for f in forms if f in COLLABORATION_FORM_LABELS), None)
        db.execute("UPDATE projects SET collaboration_form = ? WHERE id = ?",  # the editor's one
                   (main, project_id))
    return plan_changed(council)


def partner_id(store: Store, council_id: int, name: str, kind: str) -> int:
    """The register's partner called ``name`` (added with ``kind`` when new)."""
    if kind not in PARTNER_KINDS:
        raise ValidationError(_("Choose the kind of partner from the list."), field="kind")
    name = name.strip()
    if not name:
        raise ValidationError(_("Enter the partner's name."), field="name")
    found = store.scalar("SELECT id FROM collaboration_partners WHERE council_id = ? AND "
                         "name = ?", (council_id, name))
    if found is not None:
        return found
    with store.transaction() as db:
        return db.execute("INSERT INTO collaboration_partners (council_id, name, kind) "
                          "VALUES (?, ?, ?)", (council_id, name, kind)).lastrowid


def set_partner(store: Store, project_id: int, name: str, kind: str, *, role: str = "",
                pays: str = "") -> Changes:
    """Record (or change) a partner of the 事業 with its 役割 and 負担."""
    council = _council_of(store, project_id)
    with store.transaction() as db:
        partner = partner_id(store, council, name, kind)
        db.execute("INSERT INTO project_partners (project_id, partner_id, role, pays) "
                   "VALUES (?, ?, ?, ?) ON CONFLICT (project_id, partner_id) DO UPDATE SET "
                   "role = excluded.role, pays = excluded.pays",
                   (project_id, partner, role.strip(), pays.strip()))
    return plan_changed(council)


def set_review(store: Store, project_id: int, principle: str, score: str, comment: str = "",
               reviewed_on: str | None = None) -> Changes:
    """Record the 振り返り of one principle (``score`` a code of :data:`SCORES`)."""
    if principle not in PRINCIPLES or score not in SCORES:
        raise ValidationError(_("Choose the principle and its mark (◎ ○ △ ×) from the list."),
                              field="score")
    council = _council_of(store, project_id)
    with store.transaction() as db:
        db.execute("INSERT INTO project_reviews (project_id, principle, score, comment, "
                   "reviewed_on) VALUES (?, ?, ?, ?, ?) ON CONFLICT (project_id, principle) DO "
                   "UPDATE SET score = excluded.score, comment = excluded.comment, "
                   "reviewed_on = excluded.reviewed_on",
                   (project_id, principle, score, comment.strip(), reviewed_on))
    return plan_changed(council)


@dataclass(frozen=True)
class PartnerEntry:
    """A partner as the 協働 dialog gives it: name, kind code, 役割, 費用の負担."""

    name: str
    kind: str
    role: str = ""
    pays: str = ""


def project_collaboration(store: Store, project_id: int) -> ProjectCollaboration:
    """The 協働 of one 事業 (see :func:`year_collaboration`). UserError when it is gone."""
    year = store.scalar("SELECT fiscal_year FROM projects WHERE id = ?", (project_id,))
    council = _council_of(store, project_id)
    return next(p for p in year_collaboration(store, council, year)
                if p.project_id == project_id)


def save_collaboration(store: Store, project_id: int, forms: list[str],
                       partners: list[PartnerEntry], reviews: dict[str, tuple[str, str]],
                       reviewed_on: str | None = None) -> Changes:
    """Replace the 事業's forms, partners (registered by name) and 振り返り at once (one undo
    step): ``reviews`` ``{principle: (score, comment)}``; a principle left out has no mark.
    Raises ValidationError (nothing written) for an unknown code or a partner without a name."""
    for entry in partners:
        if not entry.name.strip():
            raise ValidationError(_("Enter the partner's name."), field="name")
        if entry.kind not in PARTNER_KINDS:
            raise ValidationError(_("Choose the kind of partner from the list."), field="kind")
    if any(p not in PRINCIPLES or s not in SCORES for p, (s, _c) in reviews.items()):
        raise ValidationError(_("Choose the principle and its mark (◎ ○ △ ×) from the list."),
                              field="score")
    council = _council_of(store, project_id)
    with store.transaction() as db:
        set_forms(store, project_id, forms)
        db.execute("DELETE FROM project_partners WHERE project_id = ?", (project_id,))
        for entry in partners:
            set_partner(store, project_id, entry.name, entry.kind, role=entry.role,
                        pays=entry.pays)
        db.execute("DELETE FROM project_reviews WHERE project_id = ?", (project_id,))
        for principle, (score, comment) in reviews.items():
            set_review(store, project_id, principle, score, comment, reviewed_on)
    return plan_changed(council)
