"""Times as a person reads them: the document stores aware UTC datetimes, people read their own clock.

Qt-free so that the command line (`show`) and the window word a time the same way.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo


def local_time(moment: datetime, zone: tzinfo | None = None) -> str:
    """`moment` on the clock of `zone` (the user's time zone when None), e.g. "2024-11-08 12:10 KST".

    A naive datetime is taken to be UTC, as every time in a briefing is; the zone's abbreviation (or
    offset) is always shown, so a reader in another zone is never misled."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone(zone)
    name = local.tzname() or local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} {name}"
