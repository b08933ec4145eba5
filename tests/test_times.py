"""Times shown on the user's clock: the document keeps UTC, the reader sees their own time zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest

from briefing.language.times import local_time

MOMENT = datetime(2024, 11, 8, 3, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Asia/Seoul", "2024-11-08 12:10 KST"),
        ("America/New_York", "2024-11-07 22:10 EST"),
        ("UTC", "2024-11-08 03:10 UTC"),
    ],
)
def test_in_the_users_time_zone(user_time_zone: Callable[[str], None], zone: str, expected: str) -> None:
    user_time_zone(zone)
    assert local_time(MOMENT) == expected
    assert local_time(MOMENT.astimezone(timezone(timedelta(hours=-3)))) == expected  # the same moment


def test_in_a_given_time_zone_and_naive_times_are_utc() -> None:
    seoul = timezone(timedelta(hours=9), "KST")
    assert local_time(MOMENT, seoul) == "2024-11-08 12:10 KST"
    assert local_time(MOMENT.replace(tzinfo=None), seoul) == "2024-11-08 12:10 KST"
    assert local_time(MOMENT, timezone(timedelta(hours=5, minutes=30))) == "2024-11-08 08:40 UTC+05:30"
