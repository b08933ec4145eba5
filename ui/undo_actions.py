"""The window's Undo and Redo: one undo for the document, wherever the focus is.

Our own actions rather than QUndoGroup's: theirs rename themselves ("Undo Typing in 2.1 …") and so resize the
toolbar under the mouse; these keep their text and say what they undo in the tooltip. The group follows the open
document's stack (`switch_to`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup, QUndoStack

from ui.qt import named


class UndoActions(QObject):
    def __init__(self, parent: QObject, stack: QUndoStack, undo_keys: QKeySequence, redo_keys: list[QKeySequence]):
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self.group.addStack(stack)
        self.group.setActiveStack(stack)
        self.undo = named(QAction(parent), "undoAction")
        self.redo = named(QAction(parent), "redoAction")
        self.undo.triggered.connect(self.group.undo)
        self.redo.triggered.connect(self.group.redo)
        self.group.canUndoChanged.connect(self.undo.setEnabled)
        self.group.canRedoChanged.connect(self.redo.setEnabled)
        self.group.undoTextChanged.connect(lambda _text: self.update_tips())
        self.group.redoTextChanged.connect(lambda _text: self.update_tips())
        self.undo.setEnabled(self.group.canUndo())
        self.redo.setEnabled(self.group.canRedo())
        self.undo.setShortcut(undo_keys)
        self.redo.setShortcuts(redo_keys)

    def switch_to(self, old: QUndoStack, new: QUndoStack) -> None:
        """Another document is open: the actions follow its stack."""
        self.group.removeStack(old)
        self.group.addStack(new)
        self.group.setActiveStack(new)

    def retranslate(self) -> None:
        self.undo.setText(QCoreApplication.translate("MainWindow", "&Undo"))
        self.redo.setText(QCoreApplication.translate("MainWindow", "&Redo"))
        self.update_tips()

    def update_tips(self) -> None:
        for action, what, plain in (
            (self.undo, self.group.undoText(), QCoreApplication.translate("MainWindow", "Undo")),
            (self.redo, self.group.redoText(), QCoreApplication.translate("MainWindow", "Redo")),
        ):
            action.setToolTip(f"{plain}: {what}" if what else plain)
