"""What each action of the main window's menus, toolbar and shortcuts does: one table, by action name (the
names `ui/actions.py` defines the actions by)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from ui.compare_commands import CompareCommands
from ui.exchange_commands import REVIEW_DOCX, XLIFF, ReviewFiles
from ui.import_commands import DocumentImport
from ui.item_editor import ItemEditor
from ui.memory_commands import MemoryCommands
from ui.memory_panel import MemoryPanel
from ui.outline_pane import OutlinePane
from ui.review_mode import ReviewMode
from ui.terms_commands import TermsCommands
from ui.title_status import TitleFocus
from ui.translation_commands import TranslationCommands
from ui.window_dialogs import WindowDialogs


class Window(Protocol):
    """The parts of the main window the actions reach (ui/main_window.py's `MainWindow`)."""

    dialogs: WindowDialogs
    outline_pane: OutlinePane
    title_focus: TitleFocus
    review_mode: ReviewMode
    item_editor: ItemEditor
    translating: TranslationCommands
    terms: TermsCommands
    memory: MemoryCommands
    memory_panel: MemoryPanel
    review_files: ReviewFiles
    comparison: CompareCommands
    importing: DocumentImport

    def choose_new(self) -> None: ...
    def choose_file(self) -> None: ...
    def save(self) -> bool: ...
    def save_as(self) -> bool: ...
    def close(self) -> bool: ...
    def focus_find(self) -> None: ...
    def find_next(self) -> bool: ...
    def add_item(self) -> None: ...
    def add_section(self) -> None: ...
    def toggle_preview(self) -> None: ...
    def escape(self) -> None: ...
    def focus_source_editor(self) -> None: ...
    def edit_card(self) -> None: ...
    def translate_current(self) -> None: ...
    def translate_missing(self) -> None: ...
    def switch_language(self, language: str) -> None: ...


def handlers(window: Window) -> dict[str, Callable[[], object]]:
    """The window's parts' methods each action calls."""
    return {
        "new": window.choose_new,
        "open": window.choose_file,
        "save": window.save,
        "saveAs": window.save_as,
        "recoverAction": window.dialogs.recovery,
        "export": window.dialogs.export,
        "packages": window.dialogs.packages,
        "settings": window.dialogs.settings,
        "quit": window.close,
        "findAction": window.focus_find,
        "findNext": window.find_next,
        "addItem": window.add_item,
        "addSection": window.add_section,
        "delete": window.outline_pane.delete_selected,
        "moveUp": lambda: window.outline_pane.move_selected(-1),
        "moveDown": lambda: window.outline_pane.move_selected(1),
        "approveAction": partial(
            window.title_focus.act, True, partial(window.review_mode.approve, window.item_editor.approve)
        ),
        "flagAction": partial(
            window.title_focus.act, False, partial(window.review_mode.flag, window.item_editor.flag_for_review)
        ),
        "nextAttention": lambda: window.review_mode.next_attention(1),
        "previousAttention": lambda: window.review_mode.next_attention(-1),
        "reviewMode": window.review_mode.toggle,
        "togglePreview": window.toggle_preview,
        "focusOutline": window.escape,
        "focusEditor": window.focus_source_editor,
        "editCard": window.edit_card,
        "translateItem": window.translate_current,
        "translateMissing": window.translate_missing,
        "retranslateSelection": window.translating.retranslate_selection,
        "addTerm": window.terms.add_term,
        "termbases": window.terms.open_termbase_manager,
        "uiKorean": lambda: window.switch_language("ko"),
        "uiEnglish": lambda: window.switch_language("en"),
        "about": window.dialogs.about,
        "memoryImport": window.memory.choose_import,
        "memoryExport": window.memory.choose_export,
        **{f"memoryMatch{n}": partial(window.memory_panel.choose, n) for n in range(1, 10)},
        "reviewExportXliff": lambda: window.review_files.choose_export(XLIFF),
        "reviewExportDocx": lambda: window.review_files.choose_export(REVIEW_DOCX),
        "reviewImport": window.review_files.choose_import,
        "compareWith": window.comparison.choose_other,
        "compareBackup": window.comparison.compare_with_backup,
        "importDocument": window.importing.choose_files,
        "pasteItems": window.importing.paste,
    }
