"""Starting the window: the QApplication, its fonts and interface language, and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from briefing import __version__

LOCALES = Path(__file__).resolve().parent.parent / "locales"


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Briefing Studio")
    app.setOrganizationName("briefing-studio")
    app.setApplicationVersion(__version__)
    install_translator(app, QLocale.system())
    return app


def install_translator(app: QApplication, locale: QLocale) -> QTranslator | None:
    """Load the interface translation for the locale from locales/ (English needs none)."""
    translator = QTranslator(app)
    if translator.load(locale, "briefing_studio", "_", str(LOCALES)):
        app.installTranslator(translator)
        return translator
    return None


def run_app(path: Path | None) -> int:
    from ui.main_window import MainWindow

    app = create_application()
    window = MainWindow()
    window.show()
    if path is not None:
        window.open_file(path)
    return app.exec()
