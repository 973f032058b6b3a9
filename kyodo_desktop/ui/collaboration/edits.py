"""Editing the 協働 of a 事業 from the 地域づくり計画 page: the dialog, then one undo step
(:func:`kyodo_desktop.ui.commands.save_with_undo`); the dialog stays open on a refused value."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.collaboration.projects import (
    project_collaboration,
    save_collaboration,
)
from kyodo_desktop.ui.collaboration.dialog import CollaborationDialog
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext


class CollaborationEdits:
    """The 協働 of the context's 事業; ``parent`` for the dialog."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        self.context = context
        self.parent = parent

    def edit(self, project_id: int, values: tuple | None = None) -> bool:
        """Edit the 協働 of ``project_id`` (dialog unless ``values`` = (forms, partners,
        reviews) is given); True when saved."""
        store = self.context.store
        dialog = None
        if values is None:
            dialog = CollaborationDialog(project_collaboration(store, project_id), self.parent)
        while True:
            if dialog is not None:
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return False
                values = dialog.values()
            try:
                save_with_undo(self.context, _("Edit of a project's collaboration"),
                               lambda v=values: save_collaboration(store, project_id, *v))
                return True
            except ValidationError as error:
                if dialog is None:
                    raise
                dialog.show_error(error.message)
