"""The Qt binding itself: a release that miscounts references to None or True crashes the window sooner or
later (PySide6 6.12.0 on Python 3.11 lowers None's count on every call of a method that returns nothing)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLineEdit


def test_calls_that_return_nothing_keep_none_alive(qapp: QApplication) -> None:
    field = QLineEdit()
    before = sys.getrefcount(None)
    for _ in range(1000):
        field.setObjectName("probe")
    assert sys.getrefcount(None) - before > -100  # a leak of one per call shows as -1000


def test_calls_that_return_a_flag_keep_true_and_false_alive(qapp: QApplication) -> None:
    field = QLineEdit()
    field.setProperty("invalid", True)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(1000):
        field.property("invalid")
        field.isVisible()
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert after[0] - before[0] > -100 and after[1] - before[1] > -100
