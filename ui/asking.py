"""The questions before an approval or an overwrite, as message boxes: the decisions are briefing/safeguards.py's,
this only shows them and hands the answer back. Each box has an object name and its buttons too, so that tests
(and accessibility tools) find them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

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


def ask_delete_section(parent: QWidget | None, title: str, items: int, approved: int) -> bool:
    """Delete a section and the items in it? True to delete (Undo brings it back, but say it first)."""
    detail = translate("Asking", "“%1” holds %n item(s), %2 of them approved.", "", items)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Asking", "Delete the section?"),
        detail.replace("%1", title).replace("%2", str(approved)),
        parent=parent,
    )
    box.setObjectName("askDeleteSection")
    delete = box.addButton(translate("Asking", "Delete the section"), QMessageBox.ButtonRole.DestructiveRole)
    delete.setObjectName("deleteSection")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancel")
    box.setDefaultButton(cancel)  # Delete pressed twice by habit must not delete a section full of work
    box.exec()
    return box.clickedButton() is delete


def ask_origin(parent: QWidget | None, default: str) -> str | None:
    """File → New: in which language will the briefing be drafted? "ko" or "en"; None to cancel."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Asking", "New briefing"),
        translate("Asking", "Which language will you draft the new briefing in?"),
        parent=parent,
    )
    box.setObjectName("askOrigin")
    korean = box.addButton(translate("Asking", "Korean (translate into English)"), QMessageBox.ButtonRole.AcceptRole)
    korean.setObjectName("originKorean")
    english = box.addButton(translate("Asking", "English (translate into Korean)"), QMessageBox.ButtonRole.AcceptRole)
    english.setObjectName("originEnglish")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancel")
    box.setDefaultButton(english if default == "en" else korean)
    box.exec()
    clicked = box.clickedButton()
    if clicked is korean:
        return "ko"
    if clicked is english:
        return "en"
    return None


def ask_name(parent: QWidget | None, suggested: str) -> str | None:
    """The name comments and approvals are signed with, asked once when Settings has none; None when declined."""
    name, ok = QInputDialog.getText(
        parent,
        translate("Asking", "Your name"),
        translate("Asking", "Comments and approvals are signed with your name. It is kept in Settings (Author)."),
        QLineEdit.EchoMode.Normal,
        suggested,
    )
    return name.strip() or None if ok else None
