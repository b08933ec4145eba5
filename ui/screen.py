"""The window on the screen there is: a first size that fits the available screen (a 1366×768 or 1024×600
laptop as well as a large monitor), and a remembered geometry brought back onto it (saved on a bigger or a
detached screen)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

SCREEN_SHARE = 0.95  # of the available screen, at most, on a first start


def fit(window: QWidget, default: tuple[int, int]) -> None:
    """The first size: `default` where it fits, else nearly all of the available screen, centred."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        window.resize(*default)
        return
    available = screen.availableGeometry()
    width = min(default[0], int(available.width() * SCREEN_SHARE))
    height = min(default[1], int(available.height() * SCREEN_SHARE))
    window.resize(width, height)
    window.move(available.center() - window.rect().center())


def keep_on(window: QWidget) -> None:
    """A geometry that reaches past the available screen, made smaller and moved until it is inside."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None or window.isMaximized():
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    if available.contains(frame):
        return
    border = frame.size() - window.size()  # the window manager's frame and title bar
    window.resize(
        min(window.width(), available.width() - border.width()),
        min(window.height(), available.height() - border.height()),
    )
    frame = window.frameGeometry()
    x = min(max(frame.x(), available.x()), available.right() - frame.width() + 1)
    y = min(max(frame.y(), available.y()), available.bottom() - frame.height() + 1)
    window.move(x, y)
