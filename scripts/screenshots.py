"""Make the screenshots in docs/screenshots/ from the example briefing, in English and in Korean.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py

Runs offscreen (a Korean font must be installed, as ./dev arranges) and writes PNG files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from ui.app import create_application, install_translators
    from ui.main_window import MainWindow

    app = create_application()
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    example = ROOT / "examples" / "scwg-23.briefing"
    import time

    from ui.tasks import run_now

    for language in ("en", "ko"):
        translators = install_translators(app, language)
        window = MainWindow(runner=run_now)
        window.resize(1440, 860)
        window.show()
        window.open_file(example)
        window.select("item-ttx-note")  # the * note, with its reviewer's comment
        for tab, name in ((0, "main-window"), (2, "meeting-card")):
            window.centre.setCurrentIndex(tab)
            window.preview_pane.refresh()
            for _ in range(5):
                app.processEvents()
                time.sleep(0.05)
            target = out / f"{name}-{language}.png"
            window.grab().save(str(target))
            print(target.relative_to(ROOT))
        window.document.undo_stack.setClean()
        window.close()
        for translator in translators:
            app.removeTranslator(translator)


if __name__ == "__main__":
    main()
