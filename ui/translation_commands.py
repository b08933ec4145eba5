"""The window's translation commands: Translate the item, Translate all missing and Retranslate the selection,
with what the user is told when there is nothing to translate or a language package is missing.

The work is the translation controller's (ui/translation_controller.py); this part only decides what to ask of
it from the selection, as ui/undo_actions.py and ui/find_field.py are parts of the window of their own. Its
words keep the window's translation context ("MainWindow"), so the Korean interface keeps its translations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from briefing.model import Language
from briefing.translation.engine import PackageMissing
from ui.document import DocumentController
from ui.errors import report_failure
from ui.item_editor import ItemEditor
from ui.labels import fill
from ui.outline_pane import OutlinePane
from ui.translation_controller import TranslationController, package_missing_box
from ui.window_dialogs import WindowDialogs

translate = QCoreApplication.translate


class Window(Protocol):
    """What the commands read of the main window: the selection, the status bar, the packages dialog."""

    item_editor: ItemEditor
    outline_pane: OutlinePane
    dialogs: WindowDialogs

    def statusBar(self) -> QStatusBar: ...

    def window(self) -> QWidget: ...


class TranslationCommands:
    """Reads the selection from the window's outline and item editor; tells the user in its status bar."""

    def __init__(
        self, window: Window, controller: TranslationController, document: Callable[[], DocumentController]
    ) -> None:
        self.window, self.controller, self.document = window, controller, document
        self._package_box: QMessageBox | None = None  # kept while it is open
        controller.message.connect(window.statusBar().showMessage)
        controller.failed.connect(self.failed)

    def show_message(self, text: str, timeout: int) -> None:
        self.window.statusBar().showMessage(text, timeout)

    def translate_current(self) -> None:
        """Translate the selected item, or say why not (no item chosen; no source text to translate)."""
        item_id, item = self.window.outline_pane.selected_item_id(), self.window.item_editor.item
        if item_id is None or item is None:
            self.show_message(translate("MainWindow", "Choose an item in the outline to translate it"), 6000)
            return
        if not item.source_text.strip():
            names = {Language.KO: translate("MainWindow", "Korean"), Language.EN: translate("MainWindow", "English")}
            wording = translate(
                "MainWindow", "Nothing to translate: type the %1 source first, and Translate fills in the %2"
            )
            self.show_message(fill(wording, names[item.source], names[item.target]), 8000)
            return
        self.controller.translate_items(self.document(), [item_id])

    def translate_missing(self) -> None:
        self.controller.translate_missing(self.document())

    def retranslate_selection(self) -> None:
        self.controller.retranslate(self.document(), self.window.outline_pane.selected_item_ids())

    def failed(self, error: BaseException) -> None:
        """A missing language package offers the packages dialog; anything else is reported as a failure."""
        if isinstance(error, PackageMissing):
            self._package_box = package_missing_box(self.window.window(), error, self.window.dialogs.packages)
            self._package_box.open()
            return
        report_failure(self.window.window(), "translation", error)
