"""The interface language: Qt translators for our strings and Qt's own dialogs, switched at run time.

The document's language is another matter: document phrases live in briefing/language/phrases.py.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ui.qt import QT_TRANSLATE_NOOP

LOCALES = Path(__file__).resolve().parent.parent / "locales"
UI_LANGUAGES = ("ko", "en")
_installed: list[QTranslator] = []

# Qt's own dialogs, where Qt's Korean (qtbase_ko, shipped with PySide6) has no translation: the file dialog
# labels its fields with the mnemonic forms below. Ours, in the "QFileDialog" context, fill the gap (our
# translator is asked after Qt's).
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
)


def system_ui_language() -> str:
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load the interface translation (ours and Qt's own dialogs'); English needs none."""
    if language == "en":
        return []
    installed = []
    for name, folder in (
        (f"briefing_studio_{language}", str(LOCALES)),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def set_ui_language(app: QApplication, language: str) -> None:
    """Switch the interface language now; every window retranslates itself on LanguageChange."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _installed.extend(install_translators(app, language))
    QLocale.setDefault(QLocale(QLocale.Language.Korean if language == "ko" else QLocale.Language.English))
