"""Two spellings that PySide6's type stubs reject although Qt accepts them, typed here once so that ui/ stays
under strict mypy without ignores.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from PySide6 import QtCore
from PySide6.QtCore import QObject

# Marks a source text for pyside6-lupdate (which finds it by this name) and returns it unchanged. The stubs type
# the result as `object`; it is the text itself.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)

Named = TypeVar("Named", bound=QObject)


def named(thing: Named, name: str) -> Named:
    """`thing` with its objectName set: the stubs do not know Qt's property keywords (`QLineEdit(objectName=…)`)."""
    thing.setObjectName(name)
    return thing
