"""The plain-text views (`main.py show`): flags are shown apart from the status, with who, when and why."""

from __future__ import annotations

from datetime import UTC, datetime

from briefing.language.times import local_time
from briefing.model import Language
from briefing.outline import show_text
from briefing.storage import load
from tests.conftest import EXAMPLE

AT = datetime(2024, 11, 8, 3, 10, tzinfo=UTC)


def test_a_flag_is_shown_under_its_item_with_who_when_and_why() -> None:
    briefing = load(EXAMPLE)
    briefing.sections[2].items[1].flag_for_review("김검토", AT, "Check the rank.")
    out = show_text(briefing, (), width=100).splitlines()
    index = out.index("  3.2 [decision] approved EN→KO  flagged")
    assert out[index + 1] == f"      flagged by 김검토, {local_time(AT)}: Check the rank."
    assert "Flagged    1 item" in out
    assert "Status     approved 21" in out  # the flag is no status


def test_a_flag_without_a_recorded_reviewer_or_reason() -> None:
    briefing = load(EXAMPLE)
    item = briefing.sections[0].items[0]
    item.flag_for_review("", AT, "")
    item.set_text(Language.EN, item.source_text + " Changed.")
    out = show_text(briefing, (), width=100).splitlines()
    index = out.index("  1.1 [paragraph] needs review EN→KO  flagged")
    assert out[index + 1] == f"      flagged by (not recorded), {local_time(AT)}"
    assert "Flagged    1 item" in out
