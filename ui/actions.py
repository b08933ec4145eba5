"""Every command of the window, declared once: its text, shortcut, where it appears and when it is enabled.

`ACTIONS` is the whole list. `ActionSet` makes the QActions from it, fills the menus, the toolbar and the
outline's context menu, words them again when the interface language changes, and enables each by its rule
(`Enabled`, a function of what the window has selected). The window only says what each action does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from ui.qt import QT_TRANSLATE_NOOP

CONTEXT = "Actions"


@dataclass(frozen=True)
class Selection:
    """What an enabled rule may look at."""

    has_item: bool = False
    has_section: bool = False
    can_approve: bool = False
    can_flag: bool = False
    busy: bool = False  # a translation is running
    has_backup: bool = False  # the open file has a .bak to compare with


Enabled = Callable[[Selection], bool]


def always(_: Selection) -> bool:
    return True


@dataclass(frozen=True)
class ActionSpec:
    key: str  # also the QAction's objectName
    text: str  # English source text (QT_TRANSLATE_NOOP in the "Actions" context)
    shortcut: QKeySequence.StandardKey | str | None = None
    menu: str | None = None  # "file", "edit", "translate", "tools", "language", "help"
    group: int = 0  # menu entries of another group are separated
    toolbar: bool = False
    context: bool = False  # in the outline's context menu
    enabled: Enabled = always
    untranslated: bool = False  # shown as written (the names of the interface languages)
    checkable: bool = False  # a view that is on or off (the preview)
    scope: str | None = None  # the shortcut works only in this part of the window (see ActionSet), not everywhere


KEYS = QKeySequence.StandardKey
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new", QT_TRANSLATE_NOOP("Actions", "&New"), KEYS.New, "file", 0, toolbar=True),
    ActionSpec("open", QT_TRANSLATE_NOOP("Actions", "&Open…"), KEYS.Open, "file", 0, toolbar=True),
    # A document that already exists (or two: its Korean and English versions) into a draft (ui/import_commands.py)
    ActionSpec("importDocument", QT_TRANSLATE_NOOP("Actions", "&Import…"), "Ctrl+Shift+O", "file", 0),
    ActionSpec("save", QT_TRANSLATE_NOOP("Actions", "&Save"), KEYS.Save, "file", 1, toolbar=True),
    ActionSpec("saveAs", QT_TRANSLATE_NOOP("Actions", "Save &As…"), KEYS.SaveAs, "file", 1),
    ActionSpec("recoverAction", QT_TRANSLATE_NOOP("Actions", "Recover &unsaved work…"), None, "file", 1),
    ActionSpec("export", QT_TRANSLATE_NOOP("Actions", "&Export…"), "Ctrl+E", "file", 2, toolbar=True),
    ActionSpec("packages", QT_TRANSLATE_NOOP("Actions", "Language &packages…"), None, "file", 2),
    ActionSpec("settings", QT_TRANSLATE_NOOP("Actions", "Se&ttings…"), KEYS.Preferences, "file", 2),
    # Review outside the application and comparing versions (ui/exchange_commands.py, ui/compare_commands.py);
    # "Export for review" is a submenu put before "Import review…".
    ActionSpec("reviewExportXliff", QT_TRANSLATE_NOOP("Actions", "&XLIFF 2.0…"), None, "exportReview"),
    ActionSpec("reviewExportDocx", QT_TRANSLATE_NOOP("Actions", "Review &DOCX…"), None, "exportReview"),
    ActionSpec("reviewImport", QT_TRANSLATE_NOOP("Actions", "&Import review…"), None, "file", 5),
    ActionSpec("compareWith", QT_TRANSLATE_NOOP("Actions", "&Compare with…"), None, "file", 5),
    ActionSpec(
        "compareBackup",
        QT_TRANSLATE_NOOP("Actions", "Compare with &backup"),
        None,
        "file",
        5,
        enabled=lambda s: s.has_backup,
    ),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), KEYS.Quit, "file", 3),
    ActionSpec("findAction", QT_TRANSLATE_NOOP("Actions", "&Find…"), KEYS.Find, "edit", 1),
    ActionSpec("findNext", QT_TRANSLATE_NOOP("Actions", "Find &next"), KEYS.FindNext, "edit", 1),
    ActionSpec("addItem", QT_TRANSLATE_NOOP("Actions", "Add &item"), "Ctrl+Shift+I", "edit", 2, context=True),
    ActionSpec(
        "addSection", QT_TRANSLATE_NOOP("Actions", "Add &section"), "Ctrl+Shift+Insert", "edit", 2, context=True
    ),
    ActionSpec("pasteItems", QT_TRANSLATE_NOOP("Actions", "&Paste as items"), "Ctrl+Shift+V", "edit", 2),
    ActionSpec(
        "delete",
        QT_TRANSLATE_NOOP("Actions", "&Delete"),
        "Ctrl+Shift+Del",
        "edit",
        2,
        context=True,
        enabled=lambda s: s.has_item or s.has_section,
        scope="composer",  # not in the review grid, where the outline is out of sight
    ),
    ActionSpec(
        "moveUp",
        QT_TRANSLATE_NOOP("Actions", "Move &up"),
        "Alt+Up",
        "edit",
        3,
        context=True,
        enabled=lambda s: s.has_item or s.has_section,
        scope="composer",  # not in the review grid, where the outline is out of sight
    ),
    ActionSpec(
        "moveDown",
        QT_TRANSLATE_NOOP("Actions", "Move do&wn"),
        "Alt+Down",
        "edit",
        3,
        context=True,
        enabled=lambda s: s.has_item or s.has_section,
        scope="composer",  # not in the review grid, where the outline is out of sight
    ),
    ActionSpec(
        "approveAction",
        QT_TRANSLATE_NOOP("Actions", "&Approve translation"),
        "Ctrl+Return",
        "edit",
        4,
        context=True,
        enabled=lambda s: s.can_approve,
    ),
    ActionSpec(
        "flagAction",
        QT_TRANSLATE_NOOP("Actions", "Mark for &review"),
        "Ctrl+Shift+R",
        "edit",
        4,
        context=True,
        enabled=lambda s: s.can_flag,
    ),
    ActionSpec(
        "nextAttention",
        QT_TRANSLATE_NOOP("Actions", "Next item needing &attention"),
        "F8",
        "edit",
        5,
    ),
    ActionSpec(
        "previousAttention",
        QT_TRANSLATE_NOOP("Actions", "Previous item needing a&ttention"),
        "Shift+F8",
        "edit",
        5,
    ),
    ActionSpec(
        "translateItem",
        QT_TRANSLATE_NOOP("Actions", "Translate this &item"),
        "Ctrl+T",
        "translate",
        context=True,
        enabled=lambda s: s.has_item and not s.busy,
    ),
    ActionSpec(
        "translateMissing",
        QT_TRANSLATE_NOOP("Actions", "Translate all &missing"),
        "Ctrl+Shift+T",
        "translate",
        toolbar=True,
        enabled=lambda s: not s.busy,
    ),
    ActionSpec(
        "retranslateSelection",
        QT_TRANSLATE_NOOP("Actions", "&Retranslate selection"),
        None,
        "translate",
        enabled=lambda s: (s.has_item or s.has_section) and not s.busy,
    ),
    # The translation memory: TMX in and out, and match N of the Memory panel put in with Ctrl+N.
    ActionSpec("memoryImport", QT_TRANSLATE_NOOP("Actions", "&Import translation memory (TMX)…"), None, "translate", 1),
    ActionSpec("memoryExport", QT_TRANSLATE_NOOP("Actions", "E&xport translation memory (TMX)…"), None, "translate", 1),
    *(
        ActionSpec(
            f"memoryMatch{n}",
            QT_TRANSLATE_NOOP("Actions", "Use memory match"),
            f"Ctrl+{n}",
            "translate" if n == 1 else None,
            2,
            enabled=lambda s: s.has_item,
        )
        for n in range(1, 10)
    ),
    ActionSpec(
        "addTerm",
        QT_TRANSLATE_NOOP("Actions", "&Add term…"),
        "Ctrl+Alt+T",
        "tools",
        0,
        enabled=lambda s: s.has_item,
    ),
    ActionSpec("termbases", QT_TRANSLATE_NOOP("Actions", "&Terminology…"), None, "tools", 0),
    ActionSpec("reviewMode", QT_TRANSLATE_NOOP("Actions", "&Review grid"), "F7", "view"),
    ActionSpec("togglePreview", QT_TRANSLATE_NOOP("Actions", "Show the &preview"), "F9", "view", 1, checkable=True),
    # Esc in the composer: back to the outline (or to the review grid the item was opened from). Scoped, so that
    # Esc still closes dialogs, popups and the grid's cell editor.
    ActionSpec("focusOutline", QT_TRANSLATE_NOOP("Actions", "Go to the &outline"), "Esc", "view", 1, scope="composer"),
    ActionSpec("focusEditor", QT_TRANSLATE_NOOP("Actions", "Go to the &editor"), "F6", "view", 1),
    ActionSpec("editCard", QT_TRANSLATE_NOOP("Actions", "Edit the &meeting card"), "Ctrl+Shift+M", "view", 1),
    ActionSpec("uiKorean", "한국어", None, "language", untranslated=True),
    ActionSpec("uiEnglish", "English", None, "language", untranslated=True),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About Briefing Studio"), None, "help"),
)

MENUS: dict[str, str] = {
    "file": QT_TRANSLATE_NOOP("Actions", "&File"),
    "edit": QT_TRANSLATE_NOOP("Actions", "&Edit"),
    "translate": QT_TRANSLATE_NOOP("Actions", "&Translate"),
    "tools": QT_TRANSLATE_NOOP("Actions", "T&ools"),
    "view": QT_TRANSLATE_NOOP("Actions", "&View"),
    "language": QT_TRANSLATE_NOOP("Actions", "Interface &language"),
    "help": QT_TRANSLATE_NOOP("Actions", "&Help"),
    "recent": QT_TRANSLATE_NOOP("Actions", "Open &recent"),
    "exportReview": QT_TRANSLATE_NOOP("Actions", "Export for re&view"),
}


class ActionSet(QObject):
    """The QActions of `ACTIONS` on a window, with its menus, toolbar and context menu."""

    def __init__(
        self,
        window: QWidget,
        menu_bar: QMenuBar,
        toolbar: QToolBar,
        slots: dict[str, Callable[[], object]],
        scopes: dict[str, QWidget] | None = None,
    ) -> None:
        super().__init__(window)
        missing = {spec.key for spec in ACTIONS} - set(slots)
        if missing:
            raise ValueError(f"no slot for the actions {sorted(missing)}")
        self.actions: dict[str, QAction] = {}
        for spec in ACTIONS:
            action = QAction(window)
            action.setObjectName(spec.key)
            action.triggered.connect(lambda _checked=False, slot=slots[spec.key]: slot())
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            action.setCheckable(spec.checkable)
            scope = (scopes or {}).get(spec.scope) if spec.scope else None
            if scope is not None:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                scope.addAction(action)
            else:
                window.addAction(action)
            self.actions[spec.key] = action
        self.menus: dict[str, QMenu] = {name: QMenu(window) for name in MENUS}
        for name in ("file", "edit", "translate", "tools", "view", "help"):
            menu_bar.addMenu(self.menus[name])
        self.menus["view"].addMenu(self.menus["language"])
        groups: dict[str, int] = {}
        for spec in ACTIONS:
            if spec.menu is None:
                continue
            menu = self.menus[spec.menu]
            if spec.menu in groups and groups[spec.menu] != spec.group:
                menu.addSeparator()
            groups[spec.menu] = spec.group
            if spec.key == "reviewImport":
                menu.addMenu(self.menus["exportReview"])
            menu.addAction(self.actions[spec.key])
            if spec.key == "open":
                menu.addMenu(self.menus["recent"])
        self.toolbar = toolbar
        for spec in ACTIONS:
            if spec.toolbar:
                toolbar.addAction(self.actions[spec.key])

    @staticmethod
    def keys_undo() -> QKeySequence:
        return QKeySequence(QKeySequence.StandardKey.Undo)

    @staticmethod
    def keys_redo() -> list[QKeySequence]:
        """The platform's Redo keys and Ctrl+Shift+Z everywhere (some platforms only know Ctrl+Y)."""
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        extra = QKeySequence("Ctrl+Shift+Z")
        return keys if extra in keys else [*keys, extra]

    def __getitem__(self, key: str) -> QAction:
        return self.actions[key]

    def context_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        group: int | None = None
        for spec in ACTIONS:
            if spec.context:
                if group is not None and spec.group != group:
                    menu.addSeparator()
                group = spec.group
                menu.addAction(self.actions[spec.key])
        return menu

    def retranslate(self) -> None:
        for spec in ACTIONS:
            text = spec.text if spec.untranslated else QCoreApplication.translate(CONTEXT, spec.text)
            self.actions[spec.key].setText(text)
        for name, menu in self.menus.items():
            menu.setTitle(QCoreApplication.translate(CONTEXT, MENUS[name]))

    def update_enabled(self, selection: Selection) -> None:
        for spec in ACTIONS:
            self.actions[spec.key].setEnabled(spec.enabled(selection))
