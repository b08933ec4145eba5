"""Seeing what changed: word diffs of two texts (`diff`), item-level reports of two versions of a briefing
(`versions`) and those reports as a DOCX with real tracked changes (`docx`)."""
