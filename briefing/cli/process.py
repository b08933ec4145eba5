"""What a command does to the Python process it runs in."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_held() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a command works on a whole briefing (`translate`, `export`).

    Reading a 20,000-item briefing makes about a million objects that live until the command ends, and every full
    collection their growth starts walks them all again: at 20,000 items it cost `translate` about a quarter of
    its reading, saving and storing, and a bilingual export 1.5 s or more of CPU time, for some 1,400 objects found
    in cycles in the whole run. What the command leaves in cycles is collected after it, as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
