"""The window at scale: opening a 2,000-item briefing, and the longest event-loop stall while translating.

    QT_QPA_PLATFORM=offscreen python bench/ui_bench.py [--items 2000]

Baselines in the same run: loading the same file without the window (the core alone), and the longest
stall of an idle event loop over the same time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=2000)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="ui-bench-"))
    os.environ["BRIEFING_HOME"] = str(home)

    from PySide6.QtCore import QElapsedTimer, QTimer

    from briefing import settings as config
    from briefing.model import Language
    from briefing.storage import load, save
    from briefing.translation.packages import PackageStore
    from tests.helpers import large_briefing
    from tests.tiny_package import build_package
    from ui.app import create_application
    from ui.main_window import MainWindow

    app = create_application()
    big = home / "big.briefing"
    save(large_briefing(args.items, 400), big)
    start = time.perf_counter()
    load(big)
    core = time.perf_counter() - start
    window = MainWindow()
    window.show()
    app.processEvents()
    start = time.perf_counter()
    window.open_file(big)
    app.processEvents()
    opened = time.perf_counter() - start
    print(f"open {args.items} items: window {opened:.2f} s (core load alone {core:.2f} s)")

    def longest_stall(seconds: float, during: object = None) -> float:
        clock = QElapsedTimer()
        clock.start()
        worst, last = 0, 0
        end = time.perf_counter() + seconds

        def tick() -> None:
            nonlocal worst, last
            now = clock.elapsed()
            worst = max(worst, now - last)
            last = now

        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(5)
        if callable(during):
            during()
        while time.perf_counter() < end and not getattr(window, "_bench_done", False):
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        return worst / 1000

    idle = longest_stall(2.0)
    for archive in (build_package(home, "en", "ko"),):
        PackageStore().install(archive)
    config.update(beam_size=1)
    window.document.undo_stack.setClean()
    small = load(Path(__file__).resolve().parent.parent / "examples" / "scwg-23.briefing")
    for item in small.items():
        item.set_text(Language.KO, "")
    path = home / "translate.briefing"
    save(small, path)
    window.open_file(path)
    window.translation_finished.connect(lambda _: setattr(window, "_bench_done", True))
    start = time.perf_counter()
    busy = longest_stall(120.0, window.translate_missing)
    took = time.perf_counter() - start
    print(
        f"longest event-loop stall: {busy * 1000:.0f} ms while translating 21 items ({took:.1f} s); "
        f"idle loop {idle * 1000:.0f} ms"
    )
    window.document.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
