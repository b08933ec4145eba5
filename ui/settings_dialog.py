"""Settings: interface language, author and organisation, default source language and template, editor font,
translation, autosave, the office's termbases and translation memories, the memory's fill threshold. Values
and their ranges come from the core (`briefing/settings.py`), which the command line reads too."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefing import settings as config
from briefing.export.templates import available_templates
from briefing.messages import BriefingError
from ui.qt import named


def _spin(name: str, value: int, object_name: str) -> QSpinBox:
    """A spin box holding exactly the range the option declares."""
    option = config.option(name)
    box = named(QSpinBox(), object_name)
    box.setRange(option.minimum or 0, option.maximum or 0)
    box.setValue(value)
    return box


class FileList(QWidget):
    """A short list of files (the office's shared termbases or memories) with Add… and Remove."""

    def __init__(self, paths: tuple[str, ...], object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = named(QListWidget(), object_name)
        self.list.addItems(list(paths))
        self.list.setMaximumHeight(64)
        self.add_button = QPushButton(self.tr("Add…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(lambda: self.list.takeItem(self.list.currentRow()))
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add a shared file (read-only)"), "", self.tr("SQLite files (*.sqlite);;All files (*)")
        )
        if path:
            self.add(path)

    def add(self, path: str) -> None:
        if path not in self.paths():
            self.list.addItem(path)

    def paths(self) -> tuple[str, ...]:
        return tuple(self.list.item(row).text() for row in range(self.list.count()))


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        initial = config.current()
        self.language = named(QComboBox(), "uiLanguage")
        for value, text in (("system", self.tr("As the system")), ("ko", "한국어"), ("en", "English")):
            self.language.addItem(text, value)
        self.language.setCurrentIndex(max(0, self.language.findData(initial.ui_language)))
        self.author = named(QLineEdit(initial.author), "settingsAuthor")
        self.organisation = named(QLineEdit(initial.organisation), "settingsOrganisation")
        self.source_language = named(QComboBox(), "settingsSourceLanguage")
        for value, text in (("ko", self.tr("Korean")), ("en", self.tr("English"))):
            self.source_language.addItem(text, value)
        self.source_language.setCurrentIndex(max(0, self.source_language.findData(initial.default_source_language)))
        self.template = named(QComboBox(), "settingsTemplate")
        for key, template in available_templates().items():
            self.template.addItem(f"{template.name.en} / {template.name.ko}", key)
        self.template.setCurrentIndex(max(0, self.template.findData(initial.default_template)))
        self.font_box = named(QFontComboBox(), "settingsFont")
        if initial.editor_font:
            self.font_box.setCurrentText(initial.editor_font)
        self.font_size = _spin("editor_font_size", initial.editor_font_size, "settingsFontSize")
        self.beam = _spin("beam_size", initial.beam_size, "settingsBeam")
        self.threads = _spin("threads", initial.threads, "settingsThreads")
        self.threads.setSpecialValueText(self.tr("all cores"))
        self.live = named(QCheckBox(self.tr("Suggest translations while typing")), "settingsLiveTranslation")
        self.live.setChecked(initial.live_translation == "on")
        self.idle = _spin("translation_idle_minutes", initial.translation_idle_minutes, "settingsIdleMinutes")
        self.idle.setSuffix(self.tr(" min"))  # minutes
        self.idle.setSpecialValueText(self.tr("never"))
        self.autosave = _spin("autosave_seconds", initial.autosave_seconds, "settingsAutosave")
        self.autosave.setSuffix(self.tr(" s"))  # seconds
        self.autosave.setSpecialValueText(self.tr("off"))
        self.min_match = _spin("memory_min_match", initial.memory_min_match, "settingsMinMatch")
        self.min_match.setSuffix(" %")
        self.office_termbases = FileList(initial.office_termbases, "settingsOfficeTermbases")
        self.office_memories = FileList(initial.office_memories, "settingsOfficeMemories")
        form = QFormLayout(self)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Author"), self.author)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Source language of new items"), self.source_language)
        form.addRow(self.tr("Default export template"), self.template)
        form.addRow(self.tr("Editor font"), self.font_box)
        form.addRow(self.tr("Editor font size"), self.font_size)
        form.addRow(self.tr("Translation beam size"), self.beam)
        form.addRow(self.tr("Translation threads"), self.threads)
        form.addRow(self.tr("Live translation"), self.live)
        form.addRow(self.tr("Unload the models when idle for"), self.idle)
        form.addRow(self.tr("Recovery copy every"), self.autosave)
        form.addRow(self.tr("Fill from the memory at"), self.min_match)
        form.addRow(self.tr("Office termbases"), self.office_termbases)
        form.addRow(self.tr("Office translation memories"), self.office_memories)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.shown = self.chosen()

    def chosen(self) -> dict[str, Any]:
        """Every value as the dialog shows it, by option name."""
        return {
            "ui_language": self.language.currentData(),
            "author": self.author.text(),
            "organisation": self.organisation.text(),
            "default_source_language": self.source_language.currentData(),
            "default_template": self.template.currentData(),
            "editor_font": self.font_box.currentFont().family(),
            "editor_font_size": self.font_size.value(),
            "beam_size": self.beam.value(),
            "threads": self.threads.value(),
            "live_translation": "on" if self.live.isChecked() else "off",
            "translation_idle_minutes": self.idle.value(),
            "autosave_seconds": self.autosave.value(),
            "memory_min_match": self.min_match.value(),
            "office_termbases": self.office_termbases.paths(),
            "office_memories": self.office_memories.paths(),
        }

    def accept(self) -> None:
        # Only what was changed here: a value set meanwhile (e.g. on the command line) is kept, and an unset
        # font stays unset although the font box has to show some font.
        changes = {name: value for name, value in self.chosen().items() if self.shown[name] != value}
        try:
            config.update(**changes)
        except BriefingError as error:
            QMessageBox.critical(self, self.tr("Settings not saved"), str(error))
            return
        super().accept()
