"""Settings: interface language, author and organisation, default template, editor font, translation, autosave."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from briefing.export.templates import available_templates
from ui import settings as config


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(objectName="uiLanguage")
        for value, text in (("system", self.tr("As the system")), ("ko", "한국어"), ("en", "English")):
            self.language.addItem(text, value)
        self.language.setCurrentIndex(max(0, self.language.findData(config.get(config.UI_LANGUAGE))))
        self.author = QLineEdit(config.get(config.AUTHOR), objectName="settingsAuthor")
        self.organisation = QLineEdit(config.get(config.ORGANISATION), objectName="settingsOrganisation")
        self.template = QComboBox(objectName="settingsTemplate")
        for key, template in available_templates().items():
            self.template.addItem(f"{template.name.en} / {template.name.ko}", key)
        self.template.setCurrentIndex(max(0, self.template.findData(config.get(config.DEFAULT_TEMPLATE))))
        self.font = QFontComboBox(objectName="settingsFont")
        if config.get(config.EDITOR_FONT):
            self.font.setCurrentText(config.get(config.EDITOR_FONT))
        self.font_size = QSpinBox(objectName="settingsFontSize")
        self.font_size.setRange(6, 48)
        self.font_size.setValue(config.get(config.EDITOR_FONT_SIZE))
        self.beam = QSpinBox(objectName="settingsBeam")
        self.beam.setRange(1, 16)
        self.beam.setValue(config.get(config.BEAM_SIZE))
        self.threads = QSpinBox(objectName="settingsThreads")
        self.threads.setRange(0, 64)
        self.threads.setSpecialValueText(self.tr("all cores"))
        self.threads.setValue(config.get(config.THREADS))
        self.autosave = QSpinBox(objectName="settingsAutosave")
        self.autosave.setRange(0, 3600)
        self.autosave.setSuffix(" s")
        self.autosave.setSpecialValueText(self.tr("off"))
        self.autosave.setValue(config.get(config.AUTOSAVE_SECONDS))
        form = QFormLayout(self)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Author"), self.author)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Default export template"), self.template)
        form.addRow(self.tr("Editor font"), self.font)
        form.addRow(self.tr("Editor font size"), self.font_size)
        form.addRow(self.tr("Translation beam size"), self.beam)
        form.addRow(self.tr("Translation threads"), self.threads)
        form.addRow(self.tr("Recovery copy every"), self.autosave)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        settings = config.store()
        for setting, value in (
            (config.UI_LANGUAGE, self.language.currentData()),
            (config.AUTHOR, self.author.text()),
            (config.ORGANISATION, self.organisation.text()),
            (config.DEFAULT_TEMPLATE, self.template.currentData()),
            (config.EDITOR_FONT, self.font.currentFont().family()),
            (config.EDITOR_FONT_SIZE, self.font_size.value()),
            (config.BEAM_SIZE, self.beam.value()),
            (config.THREADS, self.threads.value()),
            (config.AUTOSAVE_SECONDS, self.autosave.value()),
        ):
            config.put(setting, value, settings)
        super().accept()
