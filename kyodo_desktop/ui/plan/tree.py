"""The tree of a plan: 推進方針 → 推進施策 → 推進項目 with their 整理番号, reordered by dragging.

A drop only lands where the level fits (an action under a measure, a measure under a goal, a goal
at the top); the tree itself never moves items: it emits :attr:`PlanTree.move_requested` and the
page asks the service, then refills the tree, so the codes always come from the data.
Keyboard: Alt+↑ / Alt+↓ move the selected item among its siblings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from kyodo_desktop.services.plan.structure import Node
from kyodo_desktop.ui.shell.table_fit import set_elidable_columns

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PARENT_KIND = {"goal": "plan", "measure": "goal", "action": "measure"}


class PlanTree(QTreeWidget):
    """Signals: ``selected(kind, id)`` (kind "plan" with the plan id when nothing is chosen);
    ``move_requested(kind, id, parent_id, position)`` after a drop or Alt+arrow."""

    selected = Signal(str, int)
    move_requested = Signal(str, int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan_id = 0
        self.setHeaderHidden(True)
        set_elidable_columns(self, [0])  # long titles end in 「…」; the tooltip has them whole
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.currentItemChanged.connect(self._current_changed)

    def fill(self, plan_id: int, tree: list[Node], select: tuple[str, int] | None = None) -> None:
        """Show ``tree``; keep (or set) the selection on ``select`` = (kind, id) when present."""
        select = select or self.current()
        self.plan_id = plan_id
        self.blockSignals(True)
        self.clear()
        chosen = None
        for goal in tree:
            goal_item = self._item(self, goal)
            chosen = chosen or self._match(goal_item, goal, select)
            for measure in goal.children:
                measure_item = self._item(goal_item, measure)
                chosen = chosen or self._match(measure_item, measure, select)
                for action in measure.children:
                    action_item = self._item(measure_item, action)
                    chosen = chosen or self._match(action_item, action, select)
        self.expandAll()
        self.blockSignals(False)
        if chosen is not None:
            self.setCurrentItem(chosen)
        else:
            self.selected.emit("plan", plan_id)

    @staticmethod
    def _item(parent, node: Node) -> QTreeWidgetItem:
        label = f"{node.code}  {node.title}" if node.kind == "action" else \
            f"{node.numeral}  {node.title}"
        item = QTreeWidgetItem(parent, [label])
        item.setData(0, KIND_ROLE, node.kind)
        item.setData(0, ID_ROLE, node.id)
        item.setToolTip(0, f"{node.code}  {node.title}")
        flags = item.flags() | Qt.ItemFlag.ItemIsDragEnabled
        if node.kind == "action":
            flags &= ~Qt.ItemFlag.ItemIsDropEnabled
        item.setFlags(flags)
        if node.kind == "goal":
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        return item

    @staticmethod
    def _match(item: QTreeWidgetItem, node: Node, select) -> QTreeWidgetItem | None:
        return item if select and (node.kind, node.id) == tuple(select) else None

    def current(self) -> tuple[str, int] | None:
        """(kind, id) of the selected item, or None."""
        item = self.currentItem()
        if item is None:
            return None
        return item.data(0, KIND_ROLE), item.data(0, ID_ROLE)

    def find(self, kind: str, item_id: int) -> QTreeWidgetItem | None:
        """The tree item showing (kind, id)."""
        for item in self.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive):
            if item.data(0, KIND_ROLE) == kind and item.data(0, ID_ROLE) == item_id:
                return item
        return None

    def _current_changed(self, current, _previous) -> None:
        if current is None:
            self.selected.emit("plan", self.plan_id)
        else:
            self.selected.emit(current.data(0, KIND_ROLE), current.data(0, ID_ROLE))

    # moving --------------------------------------------------------------------------------------

    def target_of_drop(self, kind: str, over: QTreeWidgetItem | None,
                       indicator: QAbstractItemView.DropIndicatorPosition
                       ) -> tuple[int, int] | None:
        """(parent_id, position 1…) where an item of ``kind`` dropped at ``over`` would go."""
        Position = QAbstractItemView.DropIndicatorPosition
        want = PARENT_KIND[kind]
        if over is None:
            return (self.plan_id, self.topLevelItemCount() + 1) if want == "plan" else None
        over_kind = over.data(0, KIND_ROLE)
        if indicator == Position.OnItem and over_kind == want:
            return over.data(0, ID_ROLE), over.childCount() + 1  # last child of the drop target
        if over_kind != kind:
            return None
        parent = over.parent()
        parent_id = parent.data(0, ID_ROLE) if parent is not None else self.plan_id
        index = (parent.indexOfChild(over) if parent is not None
                 else self.indexOfTopLevelItem(over)) + 1
        return parent_id, index + (0 if indicator == Position.AboveItem else 1)

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override: ask, never move ourselves
        dragged = self.currentItem()
        over = self.itemAt(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if dragged is None:
            return
        kind, item_id = dragged.data(0, KIND_ROLE), dragged.data(0, ID_ROLE)
        target = self.target_of_drop(kind, over, self.dropIndicatorPosition())
        if target is None:
            return
        parent_id, position = target
        parent = dragged.parent()
        same_parent = (parent.data(0, ID_ROLE) if parent else self.plan_id) == parent_id
        current = (parent.indexOfChild(dragged) if parent else
                   self.indexOfTopLevelItem(dragged)) + 1
        if same_parent and position > current:
            position -= 1  # the dragged item leaves its old place first
        if not (same_parent and position == current):
            self.move_requested.emit(kind, item_id, parent_id, position)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override: Alt+↑/↓ reorder
        item = self.currentItem()
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(event.key())
        if item is not None and step and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            parent = item.parent()
            count = parent.childCount() if parent else self.topLevelItemCount()
            index = (parent.indexOfChild(item) if parent else self.indexOfTopLevelItem(item)) + 1
            if 1 <= index + step <= count:
                parent_id = parent.data(0, ID_ROLE) if parent else self.plan_id
                self.move_requested.emit(item.data(0, KIND_ROLE), item.data(0, ID_ROLE),
                                         parent_id, index + step)
            return
        super().keyPressEvent(event)
