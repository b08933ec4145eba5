"""A reviewed file read back, whatever its kind: the one place that tells a review DOCX from XLIFF."""

from __future__ import annotations

from pathlib import Path

from briefing.exchange import review_docx, xliff
from briefing.exchange.review import ReviewDiff
from briefing.model import Briefing


def read(briefing: Briefing, path: Path) -> ReviewDiff:
    """The diff of a reviewed file, by its kind: a zip is a review DOCX, anything else is read as XLIFF."""
    try:
        with path.open("rb") as stream:
            magic = stream.read(4)
    except OSError:
        magic = b""
    if magic.startswith(b"PK") or path.suffix.lower() == ".docx":
        return review_docx.read_review_docx(briefing, path)
    return xliff.read_xliff(briefing, path)
