"""The toolbar's find field: Ctrl+F focuses it, Enter (or F3) goes to the next item that holds the text in
either language (`briefing.search.find_next`), after the selected one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from briefing.model import Briefing
from briefing.search import find_next
from ui.labels import fill


class FindField(QLineEdit):
    not_found = Signal(str)  # what to tell the user

    def __init__(
        self,
        briefing: Callable[[], Briefing],
        selected: Callable[[], str | None],
        select: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("find")
        self.briefing, self.selected, self.select = briefing, selected, select
        self.setClearButtonEnabled(True)
        self.returnPressed.connect(self.find_next)

    def retranslate(self) -> None:
        self.setPlaceholderText(QCoreApplication.translate("MainWindow", "Find in both languages…"))

    def focus(self) -> None:
        self.setFocus()
        self.selectAll()

    def find_next(self) -> bool:
        if not self.text().strip():
            return False
        found = find_next(self.briefing(), self.text(), self.selected())
        if found is None:
            self.not_found.emit(fill(QCoreApplication.translate("MainWindow", "“%1” was not found"), self.text()))
            return False
        self.select(found)
        return True
