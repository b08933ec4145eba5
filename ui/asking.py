"""The questions before an approval or an overwrite, as message boxes: the decisions are briefing/safeguards.py's,
this only shows them and hands the answer back. Each box has an object name and its buttons too, so that tests
(and accessibility tools) find them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from briefing.messages import Message
from briefing.safeguards import Answer, Overwrite
from ui.messages import text

translate = QCoreApplication.translate


def ask_approval(parent: QWidget | None, question: Message) -> bool:
    """ "Approve anyway?" for an item whose source changed since its translation; True to approve."""
    box = QMessageBox(
        QMessageBox.Icon.Question, translate("Asking", "Approve a changed source?"), text(question.code), parent=parent
    )
    box.setObjectName("askApproval")
    approve = box.addButton(translate("Asking", "Approve anyway"), QMessageBox.ButtonRole.AcceptRole)
    approve.setObjectName("approveAnyway")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancel")
    box.setDefaultButton(cancel)  # Ctrl+Enter pressed by habit must not approve: the safe answer is the default
    box.exec()
    return box.clickedButton() is approve


def ask_overwrite(parent: QWidget | None, plan: Overwrite) -> Answer:
    """Replace people's translations? For several items, "Skip those" goes ahead with the others only."""
    question = plan.question()
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Asking", "Replace people's translations?"),
        text(question.code, question.params),
        parent=parent,
    )
    box.setObjectName("askOverwrite")
    replace = box.addButton(translate("Asking", "Replace"), QMessageBox.ButtonRole.DestructiveRole)
    replace.setObjectName("replace")
    skip = None
    if plan.can_skip:
        skip = box.addButton(translate("Asking", "Skip those"), QMessageBox.ButtonRole.AcceptRole)
        skip.setObjectName("skip")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancel")
    box.setDefaultButton(skip or cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is replace:
        return Answer.REPLACE
    if skip is not None and clicked is skip:
        return Answer.SKIP
    return Answer.CANCEL
