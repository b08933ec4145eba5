"""Starting the window: the QApplication, its interface language, and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from briefing import __version__

LOCALES = Path(__file__).resolve().parent.parent / "locales"
UI_LANGUAGES = ("ko", "en")


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Briefing Studio")
    app.setOrganizationName("briefing-studio")
    app.setApplicationVersion(__version__)
    return app


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


def run_app(path: Path | None, ui_language: str | None = None) -> int:
    from ui.main_window import MainWindow

    app = create_application()
    install_translators(app, ui_language or system_ui_language())
    window = MainWindow()
    window.show()
    if path is not None:
        window.open_file(path)
    return app.exec()
