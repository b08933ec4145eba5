"""The PySide6 window: a thin layer that shows and edits what `briefing/` owns."""
